/*
 * test_view.c — the stylesheet lock-down: once view_load() has run, a
 * transform may read files below the stylesheet folder only, and may write
 * nothing (DESIGN.md, Security).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include "view.h"

static char dir[] = "/tmp/wangan-view-XXXXXX";
/* A folder beside the stylesheet folder, not below it, holding a well-formed
 * XML file: document() would parse it, so only the lock-down keeps it out. */
static char outside[] = "/tmp/wangan-outside-XXXXXX";
static const char marker[] = "wangan-outside-7f3c9e1d";

static void
put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static const char plain[] =
    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
    "<xsl:template match='/'><p>ok</p></xsl:template></xsl:stylesheet>";

static int
setup(void **state)
{
	char path[512];
	if (mkdtemp(dir) == NULL || mkdtemp(outside) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/secret.xml", outside);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "<secret>%s</secret>", marker);
	fclose(f);
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, i ? "en" : "zh-CN");
		mkdir(path, 0700);
		snprintf(path, sizeof(path), "%s/%s/t", dir, i ? "en" : "zh-CN");
		mkdir(path, 0700);
	}
	put("zh-CN/t/plain.xsl", plain);
	put("en/t/plain.xsl", plain);
	put("inside.xml", "<secret>inside</secret>");
	static const char *const names[] = { "t/plain" };
	return view_load(dir, names, 1);
}

/*
 * Runs an ad-hoc stylesheet; returns the output.  sec NULL: under the
 * default (locked) prefs view_load() set; else under sec.
 */
static char *
run_with(const char *xsl, xsltSecurityPrefsPtr sec)
{
	xmlDocPtr sd = xmlReadMemory(xsl, (int)strlen(xsl), "mem.xsl", NULL, XML_PARSE_NONET);
	assert_non_null(sd);
	xsltStylesheetPtr s = xsltParseStylesheetDoc(sd);
	assert_non_null(s);
	xmlDocPtr in = xmlReadMemory("<page/>", 7, "in.xml", NULL, 0);
	xsltTransformContextPtr ctxt = xsltNewTransformContext(s, in);
	assert_non_null(ctxt);
	if (sec != NULL)
		assert_int_equal(xsltSetCtxtSecurityPrefs(sec, ctxt), 0);
	xmlDocPtr out = xsltApplyStylesheetUser(s, in, NULL, NULL, NULL, ctxt);
	xsltFreeTransformContext(ctxt);
	xmlChar *txt = NULL;
	int len = 0;
	if (out != NULL)
		xsltSaveResultToString(&txt, &len, out, s);
	char *copy = strdup(txt ? (const char *)txt : "");
	xmlFree(txt);
	if (out != NULL)
		xmlFreeDoc(out);
	xmlFreeDoc(in);
	xsltFreeStylesheet(s);
	return copy;
}

static char *
run(const char *xsl)
{
	return run_with(xsl, NULL);
}

/* A stylesheet that copies the outside file's text into its output. */
static void
outside_xsl(char *xsl, size_t n)
{
	snprintf(xsl, n, "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><r><xsl:value-of select=\"document('%s/secret.xml')\"/>"
	    "<xsl:value-of select=\"document('file://%s/secret.xml')\"/></r>"
	    "</xsl:template></xsl:stylesheet>", outside, outside);
}

/* The control: with nothing forbidden, document() does read the outside file. */
static void
t_outside_file_is_readable_unlocked(void **state)
{
	char xsl[1024];
	outside_xsl(xsl, sizeof(xsl));
	xsltSecurityPrefsPtr open_prefs = xsltNewSecurityPrefs();
	assert_non_null(open_prefs);
	char *o = run_with(xsl, open_prefs);
	xsltFreeSecurityPrefs(open_prefs);
	assert_non_null(strstr(o, marker));
	free(o);
}

static void
t_read_outside_refused(void **state)
{
	char xsl[1024];
	outside_xsl(xsl, sizeof(xsl));
	char *o = run(xsl);
	assert_null(strstr(o, marker));
	free(o);
	o = run("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><r><xsl:copy-of select=\"document('/etc/passwd')\"/>"
	    "<xsl:copy-of select=\"document('file:///etc/hostname')\"/></r></xsl:template></xsl:stylesheet>");
	assert_null(strstr(o, "root"));
	free(o);
}

static void
t_read_inside_allowed(void **state)
{
	char xsl[1024];
	snprintf(xsl, sizeof(xsl), "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><r><xsl:value-of select=\"document('%s/inside.xml')\"/></r>"
	    "</xsl:template></xsl:stylesheet>", dir);
	char *o = run(xsl);
	assert_non_null(strstr(o, "inside"));
	free(o);
}

static void
t_write_refused(void **state)
{
	char path[512], xsl[1024];
	snprintf(path, sizeof(path), "%s/written.txt", dir);
	/* XSLT 1.1's xsl:document, which libxslt implements: the write must be refused. */
	snprintf(xsl, sizeof(xsl), "<xsl:stylesheet version='1.1' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><xsl:document href='%s' method='text'>x</xsl:document><r/></xsl:template>"
	    "</xsl:stylesheet>", path);
	char *o = run(xsl);
	assert_int_not_equal(access(path, F_OK), 0);
	free(o);
}

static void
t_missing_view_fails_to_load(void **state)
{
	static const char *const names[] = { "t/nope" };
	assert_int_not_equal(view_load(dir, names, 1), 0);
}

int
main(void)
{
	xmlInitParser();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_outside_file_is_readable_unlocked),
		cmocka_unit_test(t_read_outside_refused),
		cmocka_unit_test(t_read_inside_allowed),
		cmocka_unit_test(t_write_refused),
		cmocka_unit_test(t_missing_view_fails_to_load),
	};
	int rc = cmocka_run_group_tests(tests, setup, NULL);
	view_free();
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf %s %s", dir, outside);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
