/*
 * test_rows.c — r:for-each (core/rows.h) against libxslt's own xsl:for-each.
 *
 * The same stylesheet is compiled twice: as written, and with every
 * r:for-each renamed to xsl:for-each.  Both transform the same page and the
 * results go through the same HTML writer; the bytes must be equal.  This
 * is done for a synthetic stylesheet that uses every construct of the
 * subset against awkward data, and for every shipped view that uses
 * r:for-each (WANGAN_XSLT: the built stylesheets) against each page XML in
 * tests/data/pages/ made for that view — a view without such a page fails.
 * Constructs outside the subset must be refused when the stylesheet loads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include "html.h"
#include "rows.h"

#define PAGES "tests/data/pages"

struct mem {
	char *p;
	size_t n;
};

static int
mem_sink(void *arg, const char *p, size_t n)
{
	struct mem *m = arg;
	char *q = realloc(m->p, m->n + n + 1);
	if (q == NULL)
		return -1;
	memcpy(q + m->n, p, n);
	m->p = q;
	m->n += n;
	m->p[m->n] = '\0';
	return 0;
}

/* The page rendered as the module would: transform, then html.c. NULL if the transform failed. */
static char *
render(xsltStylesheetPtr s, xmlDocPtr in)
{
	struct mem m = { NULL, 0 };
	struct hw *h = malloc(sizeof(*h));
	xmlDocPtr out = xsltApplyStylesheet(s, in, NULL);
	assert_non_null(h);
	if (out != NULL) {
		hw_init(h, mem_sink, &m);
		hw_tree(h, out->children);
		assert_int_equal(hw_flush(h), 0);
		xmlFreeDoc(out);
	}
	free(h);
	return out != NULL ? (m.p ? m.p : strdup("")) : NULL;
}

/* r:for-each → xsl:for-each everywhere below n. */
static void
to_xsl(xmlNodePtr n, xmlNsPtr xsl)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST ROWS_NS) &&
		    xmlStrEqual(n->name, BAD_CAST "for-each"))
			n->ns = xsl;
		to_xsl(n->children, xsl);
	}
}

/* Both compilations of one stylesheet document (consumed). */
static void
compile_both(xmlDocPtr fast_doc, xsltStylesheetPtr *fast, xsltStylesheetPtr *slow)
{
	xmlDocPtr slow_doc = xmlCopyDoc(fast_doc, 1);
	assert_non_null(slow_doc);
	xmlNodePtr root = xmlDocGetRootElement(slow_doc);
	xmlNsPtr ns = xmlSearchNsByHref(slow_doc, root, XSLT_NAMESPACE);
	assert_non_null(ns);
	to_xsl(root, ns);
	*fast = xsltParseStylesheetDoc(fast_doc);
	*slow = xsltParseStylesheetDoc(slow_doc);
	assert_non_null(*fast);
	assert_non_null(*slow);
}

static void
assert_same(xsltStylesheetPtr fast, xsltStylesheetPtr slow, xmlDocPtr in, const char *what)
{
	char *a = render(fast, in), *b = render(slow, in);
	assert_non_null(a);
	assert_non_null(b);
	if (strcmp(a, b) != 0)
		fail_msg("%s: r:for-each and xsl:for-each differ\n  r:   %.600s\n  xsl: %.600s", what, a, b);
	assert_null(strstr(a, "for-each"));
	free(a);
	free(b);
}

#define XSL_HEAD "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'" \
	" xmlns:r='urn:wangan:rows' extension-element-prefixes='r'>" \
	"<xsl:output method='html'/><xsl:template match='/'><div>"
#define XSL_TAIL "</div></xsl:template></xsl:stylesheet>"

static xmlDocPtr
mem_doc(const char *text)
{
	xmlDocPtr d = xmlReadMemory(text, (int)strlen(text), "mem.xml", NULL, XML_PARSE_NONET);
	assert_non_null(d);
	return d;
}

/* Every construct of the subset, on data with markup characters, empty and missing values. */
static void
t_subset_matches_libxslt(void **state)
{
	static const char xsl[] = XSL_HEAD
	    "<table><r:for-each select='/list/item'>"
	    "<tr class='row {{x}}' data-id='{@id}' title='&quot;&amp;&lt;{name}&gt;'>"
	    "<xsl:if test='@flag = \"1\"'><xsl:attribute name='data-flag'>on <xsl:value-of select='@id'/></xsl:attribute></xsl:if>"
	    "<xsl:choose><xsl:when test='@kind = &apos;b&apos;'><xsl:attribute name='data-kind'>b</xsl:attribute></xsl:when>"
	    "<xsl:otherwise><xsl:attribute name='lang'>zh</xsl:attribute></xsl:otherwise></xsl:choose>"
	    "<td><xsl:value-of select='@missing'/><xsl:if test='@id'><xsl:attribute name='data-late'>1</xsl:attribute></xsl:if>"
	    "<xsl:value-of select='name'/></td>"
	    "<td><xsl:value-of select='.'/></td>"
	    "<td><input type='checkbox' name='c{@id}'>"
	    "<xsl:if test='@id and not(@kind) or @kind = \"b\" and (@flag = \"0\" or @flag = \"1\")'>"
	    "<xsl:attribute name='data-mix'>y</xsl:attribute></xsl:if>"
	    "<xsl:if test='not(@flag != \"1\")'><xsl:attribute name='checked'>checked</xsl:attribute></xsl:if></input>"
	    "<br/><xsl:text> t&amp;t </xsl:text>text &lt;lit&gt;</td>"
	    "<xsl:for-each select='sub'><td><xsl:choose>"
	    "<xsl:when test='string(@v)'><b><xsl:value-of select='string(@v)'/></b></xsl:when>"
	    "<xsl:when test='@v'><i>empty</i></xsl:when>"
	    "<xsl:otherwise><i>none</i></xsl:otherwise></xsl:choose>"
	    "<xsl:if test='(@v) = (\"x\")'>X</xsl:if><xsl:if test='not(@v)'>-</xsl:if></td></xsl:for-each>"
	    "<td><xsl:if test='sub = \"s2\"'>has s2</xsl:if><xsl:if test='string(sub)'>first sub has text</xsl:if>"
	    "<xsl:if test='sub != \"s2\"'>some sub is not s2</xsl:if></td>"
	    "</tr></r:for-each></table>" XSL_TAIL;
	static const char data[] =
	    "<list><item id='1' flag='1' kind='b'><name>A &amp; B &lt;script&gt;\"q\"</name>"
	    "<sub v='x'>s1</sub><sub v=''>s2</sub><sub>s3</sub></item>"
	    "<item id='2&quot;&lt;' kind='a'>loose <name>N<em>ested</em><![CDATA[<cdata>&]]></name> text</item>"
	    "<item flag='0'/><item id=''><sub>s2</sub></item></list>";
	xsltStylesheetPtr fast, slow;
	compile_both(mem_doc(xsl), &fast, &slow);
	xmlDocPtr in = mem_doc(data);
	assert_same(fast, slow, in, "subset");
	/* and nothing selected writes nothing */
	xmlDocPtr empty = mem_doc("<list/>");
	assert_same(fast, slow, empty, "empty");
	xmlFreeDoc(empty);
	xmlFreeDoc(in);
	xsltFreeStylesheet(fast);
	xsltFreeStylesheet(slow);
}

/* Literal attribute text longer than the compiler's buffer, braces and escapes included. */
static void
t_long_attribute_literal(void **state)
{
	static char xsl[16384];
	size_t n = (size_t)snprintf(xsl, sizeof(xsl), XSL_HEAD "<r:for-each select='/list/item'><p title='");
	for (int i = 0; i < 1500; i++)	/* escapes, then a long run of braces */
		n += (size_t)snprintf(xsl + n, sizeof(xsl) - n, i < 100 ? "&amp;&quot;" : i % 2 ? "{{" : "}}");
	snprintf(xsl + n, sizeof(xsl) - n, "{@id}'/></r:for-each>" XSL_TAIL);
	xsltStylesheetPtr fast, slow;
	compile_both(mem_doc(xsl), &fast, &slow);
	xmlDocPtr in = mem_doc("<list><item id='7'/></list>");
	assert_same(fast, slow, in, "long attribute");
	xmlFreeDoc(in);
	xsltFreeStylesheet(fast);
	xsltFreeStylesheet(slow);
}

/* Outside the subset: refused at load, counted, never rendered differently. */
static void
t_outside_the_subset_is_refused(void **state)
{
	static const char *const bodies[] = {
		"<td><xsl:value-of select='$v'/></td>",
		"<td><xsl:value-of select='position()'/></td>",
		"<td><xsl:value-of select='a/b'/></td>",
		"<td><xsl:copy-of select='.'/></td>",
		"<td><xsl:value-of select='@a' disable-output-escaping='yes'/></td>",
		"<td><xsl:if test='@a and @b = 1'>x</xsl:if></td>",
		"<td><xsl:if test='@a = @b'>x</xsl:if></td>",
		"<td><xsl:for-each select='*'>x</xsl:for-each></td>",
		"<td><xsl:apply-templates/></td>",
		"<xsl:attribute name='x'>y</xsl:attribute>",
		"<td title='{$v}'/>",
		"<td title='a}b'/>",
		"<svg:g xmlns:svg='http://www.w3.org/2000/svg'/>",
		"<style>x</style>",
		"<br>text</br>",
		"<td><xsl:attribute name='{@n}'>y</xsl:attribute></td>",
		"<td class='a'><xsl:if test='@x'><xsl:attribute name='class'>b</xsl:attribute></xsl:if></td>",
	};
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		char xsl[2048];
		unsigned before = rows_errors();
		snprintf(xsl, sizeof(xsl), XSL_HEAD "<xsl:variable name='v' select='1'/>"
		    "<r:for-each select='/list/item'>%s</r:for-each>" XSL_TAIL, bodies[i]);
		xmlDocPtr d = mem_doc(xsl);
		xsltStylesheetPtr s = xsltParseStylesheetDoc(d);
		if (s != NULL)
			xsltFreeStylesheet(s);
		else
			xmlFreeDoc(d);	/* a failed parse leaves the document to its caller */
		if (rows_errors() != before + 1 || s != NULL)
			fail_msg("accepted: %s", bodies[i]);
	}
}

/* Two values for one attribute cannot be streamed: the transform fails instead of guessing. */
static void
t_repeated_attribute_fails_the_transform(void **state)
{
	static const char xsl[] = XSL_HEAD
	    "<r:for-each select='/list/item'><p><xsl:attribute name='class'>a</xsl:attribute>"
	    "<xsl:attribute name='class'>b</xsl:attribute></p></r:for-each>" XSL_TAIL;
	xsltStylesheetPtr s = xsltParseStylesheetDoc(mem_doc(xsl));
	assert_non_null(s);
	xmlDocPtr in = mem_doc("<list><item/></list>");
	char *out = render(s, in);
	assert_null(out);
	xmlFreeDoc(in);
	xsltFreeStylesheet(s);
}

/* The view a page XML is for: /page/@view, or NULL. */
static xmlChar *
view_of(xmlDocPtr d)
{
	xmlNodePtr r = xmlDocGetRootElement(d);
	return r != NULL ? xmlGetProp(r, BAD_CAST "view") : NULL;
}

static int
uses_rows(const char *path)
{
	char line[4096];
	int yes = 0;
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	while (!yes && fgets(line, sizeof(line), f) != NULL)
		yes = strstr(line, "<r:for-each") != NULL;
	fclose(f);
	return yes;
}

/* How many pages in PAGES are for view (NULL: any) and were compared. */
static int
compare_pages(const char *xslt, const char *lang, const char *view)
{
	char path[1024];
	int n = 0;
	DIR *d = opendir(PAGES);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0)
			continue;
		snprintf(path, sizeof(path), PAGES "/%s", e->d_name);
		xmlDocPtr in = xmlReadFile(path, NULL, XML_PARSE_NONET);
		assert_non_null(in);
		xmlChar *v = view_of(in);
		if (v != NULL && strcmp((const char *)v, view) == 0) {
			char xp[1024];
			xsltStylesheetPtr fast, slow;
			snprintf(xp, sizeof(xp), "%s/%s/%s.xsl", xslt, lang, view);
			compile_both(xmlReadFile(xp, NULL, XML_PARSE_NONET), &fast, &slow);
			assert_same(fast, slow, in, path);
			xsltFreeStylesheet(fast);
			xsltFreeStylesheet(slow);
			n++;
		}
		xmlFree(v);
		xmlFreeDoc(in);
	}
	closedir(d);
	return n;
}

/* Every built view with r:for-each, in each language, on each of its pages. */
static void
t_every_shipped_view_matches_libxslt(void **state)
{
	const char *xslt = getenv("WANGAN_XSLT");
	static const char *const langs[] = { "zh-CN", "en" };
	char dir[1024], path[2048];
	int views = 0;
	if (xslt == NULL)
		skip();
	for (size_t l = 0; l < 2; l++) {
		snprintf(dir, sizeof(dir), "%s/%s", xslt, langs[l]);
		DIR *top = opendir(dir);
		struct dirent *m;
		assert_non_null(top);
		while ((m = readdir(top)) != NULL) {
			if (m->d_name[0] == '.')
				continue;
			char sub[1400];
			snprintf(sub, sizeof(sub), "%s/%s", dir, m->d_name);
			DIR *vd = opendir(sub);
			struct dirent *f;
			if (vd == NULL)
				continue;
			while ((f = readdir(vd)) != NULL) {
				size_t len = strlen(f->d_name);
				if (len < 5 || strcmp(f->d_name + len - 4, ".xsl") != 0)
					continue;
				snprintf(path, sizeof(path), "%s/%s", sub, f->d_name);
				if (!uses_rows(path))
					continue;
				char view[600];
				snprintf(view, sizeof(view), "%s/%.*s", m->d_name, (int)(len - 4), f->d_name);
				if (compare_pages(xslt, langs[l], view) == 0)
					fail_msg("%s uses r:for-each but " PAGES " has no page for it", view);
				views++;
			}
			closedir(vd);
		}
		closedir(top);
	}
	assert_true(views >= 2);	/* registration/list in both languages, at least */
}

static void
quiet(void *ctx, const char *msg, ...)
{
}

int
main(void)
{
	xmlInitParser();
	if (rows_register() != 0)
		return 1;
	/* the refusals print libxslt's messages: not into the test log */
	xsltSetGenericErrorFunc(NULL, quiet);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_subset_matches_libxslt),
		cmocka_unit_test(t_long_attribute_literal),
		cmocka_unit_test(t_outside_the_subset_is_refused),
		cmocka_unit_test(t_repeated_attribute_fails_the_transform),
		cmocka_unit_test(t_every_shipped_view_matches_libxslt),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
