/* view.c — see view.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include "view.h"
#include "log.h"
#include "xmlmem.h"

#define VIEW_MAX 64

static const char *const lang_dir[LANG__MAX] = { "zh-CN", "en" };

static struct {
	const char *name;
	xsltStylesheetPtr xsl[LANG__MAX];
} views[VIEW_MAX];
static size_t nviews;
static char xslt_root[PATH_MAX];

/* document() and xsl:import may read files below the stylesheet folder only. */
static int
read_file_ok(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
	char real[PATH_MAX];
	if (value == NULL || realpath(value, real) == NULL)
		return 0;
	size_t n = strlen(xslt_root);
	return strncmp(real, xslt_root, n) == 0 && real[n] == '/';
}

int
view_load(const char *dir, const char *const *names, size_t n)
{
	char path[PATH_MAX + 128];
	xsltSecurityPrefsPtr sec = NULL;

	if (realpath(dir, xslt_root) == NULL) {
		log_msg("view: stylesheet folder %s not found", dir);
		return -1;
	}
	/* Untrusted input never reaches these parsers, but keep entities off anyway. */
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	for (size_t i = 0; i < n; i++) {
		if (nviews == VIEW_MAX)
			return -1;
		views[nviews].name = names[i];
		for (int l = 0; l < LANG__MAX; l++) {
			int len = snprintf(path, sizeof(path), "%s/%s/%s.xsl", xslt_root, lang_dir[l], names[i]);
			xmlDocPtr d = len > 0 && (size_t)len < sizeof(path) ?
			    xmlReadFile(path, NULL, XML_PARSE_NONET) : NULL;
			if (d == NULL || (views[nviews].xsl[l] = xsltParseStylesheetDoc(d)) == NULL) {
				log_msg("view: cannot compile %s", path);
				if (d != NULL)
					xmlFreeDoc(d);
				return -1;
			}
		}
		nviews++;
	}
	sec = xsltNewSecurityPrefs();
	if (sec == NULL ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, read_file_ok))
		return -1;
	xsltSetDefaultSecurityPrefs(sec);
	return 0;
}

void
view_free(void)
{
	for (size_t i = 0; i < nviews; i++)
		for (int l = 0; l < LANG__MAX; l++)
			xsltFreeStylesheet(views[i].xsl[l]);
	nviews = 0;
}

static int
out_write(void *ctx, const char *p, int n)
{
	return app_write(ctx, p, (size_t)n) == 0 ? n : -1;
}

static int
out_close(void *ctx)
{
	return 0;
}

/*
 * A lean HTML writer for the transform's result.  libxml2's own HTML
 * serializer looks every element name up in a table, one by one, and was a
 * sixth of the list page's time.  The views emit plain HTML with no
 * scripts, so the rules are few: void elements have no end tag, text and
 * attribute values are escaped, the text of <style> is written as it is.
 */
struct html {
	struct ctx *c;
	size_t n;
	int err;
	char b[16384];
};

static void
h_flush(struct html *h)
{
	if (h->n && app_write(h->c, h->b, h->n) != 0)
		h->err = 1;
	h->n = 0;
}

static void
h_put_slow(struct html *h, const char *s, size_t n)
{
	h_flush(h);
	if (n > sizeof(h->b)) {
		if (app_write(h->c, s, n) != 0)
			h->err = 1;
		return;
	}
	memcpy(h->b, s, n);
	h->n = n;
}

/* Called a dozen times per element: the common case stays inline. */
static inline void
h_put(struct html *h, const char *s, size_t n)
{
	if (n > sizeof(h->b) - h->n) {
		h_put_slow(h, s, n);
		return;
	}
	memcpy(h->b + h->n, s, n);
	h->n += n;
}

/* Which bytes need escaping: 1 in text and attributes, 2 in attributes only. */
static const unsigned char h_esc[256] = { ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 2 };

/* Escapes & < > always, and " too inside attribute values. */
static void
h_text(struct html *h, const xmlChar *t, int attr)
{
	const unsigned char *s = t, *run = t;
	unsigned char stop = attr ? 2 : 1;
	if (s == NULL)
		return;
	for (; *s; s++) {
		if (h_esc[*s] == 0 || h_esc[*s] > stop)
			continue;
		h_put(h, (const char *)run, (size_t)(s - run));
		switch (*s) {
		case '&': h_put(h, "&amp;", 5); break;
		case '<': h_put(h, "&lt;", 4); break;
		case '>': h_put(h, "&gt;", 4); break;
		default:  h_put(h, "&quot;", 6); break;
		}
		run = s + 1;
	}
	h_put(h, (const char *)run, (size_t)(s - run));
}

/* HTML's void elements; by first letter, since this runs for every element. */
static int
is_void(const xmlChar *name)
{
	const char *n = (const char *)name;
	switch (n[0]) {
	case 'a': return strcmp(n, "area") == 0;
	case 'b': return strcmp(n, "br") == 0 || strcmp(n, "base") == 0;
	case 'c': return strcmp(n, "col") == 0;
	case 'e': return strcmp(n, "embed") == 0;
	case 'h': return strcmp(n, "hr") == 0;
	case 'i': return strcmp(n, "input") == 0 || strcmp(n, "img") == 0;
	case 'l': return strcmp(n, "link") == 0;
	case 'm': return strcmp(n, "meta") == 0;
	case 's': return strcmp(n, "source") == 0;
	case 't': return strcmp(n, "track") == 0;
	case 'w': return strcmp(n, "wbr") == 0;
	default: return 0;
	}
}

static void
h_node(struct html *h, xmlNodePtr n, int raw)
{
	for (; n != NULL && !h->err; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE: {
			size_t len = strlen((const char *)n->name);
			h_put(h, "<", 1);
			h_put(h, (const char *)n->name, len);
			for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
				h_put(h, " ", 1);
				h_put(h, (const char *)a->name, strlen((const char *)a->name));
				h_put(h, "=\"", 2);
				for (xmlNodePtr t = a->children; t != NULL; t = t->next)
					h_text(h, t->content, 1);
				h_put(h, "\"", 1);
			}
			h_put(h, ">", 1);
			if (is_void(n->name))
				break;
			h_node(h, n->children, n->name[0] == 's' && strcmp((const char *)n->name, "style") == 0);
			h_put(h, "</", 2);
			h_put(h, (const char *)n->name, len);
			h_put(h, ">", 1);
			break;
		}
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (raw)
				h_put(h, (const char *)n->content, n->content ? strlen((const char *)n->content) : 0);
			else
				h_text(h, n->content, 0);
			break;
		default:	/* comments, PIs, the DTD node: not part of the page */
			break;
		}
	}
}

static int
html_write(struct ctx *c, xmlDocPtr res)
{
	static const char doctype[] = "<!DOCTYPE html>\n";
	struct html *h = ar_alloc(c->ar, sizeof(*h));
	if (h == NULL)
		return -1;
	h->c = c;
	h_put(h, doctype, sizeof(doctype) - 1);
	h_node(h, res->children, 0);
	h_flush(h);
	return h->err ? -1 : 0;
}

int
view_render(struct ctx *c, int status, int as_xml)
{
	xsltStylesheetPtr xsl = NULL;
	xmlDocPtr res = NULL;
	int rc = -1;

	if (as_xml) {
		static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
		xmlOutputBufferPtr out = xmlOutputBufferCreateIO(out_write, out_close, c, NULL);
		if (out == NULL)
			return -1;
		app_header(c, status, "application/xml; charset=utf-8", NULL);
		app_write(c, decl, sizeof(decl) - 1);
		xmlNodeDumpOutput(out, c->doc, xmlDocGetRootElement(c->doc), 0, 0, "UTF-8");
		rc = xmlOutputBufferClose(out) < 0 ? -1 : 0;
		return rc;
	}
	for (size_t i = 0; i < nviews && xsl == NULL; i++)
		if (strcmp(views[i].name, c->view) == 0)
			xsl = views[i].xsl[c->lang];
	if (xsl == NULL) {
		log_msg("%s view %s is not loaded", c->reqid, c->view);
		goto fail;
	}
	/* A fresh transform context per request; the compiled stylesheet is shared. */
	res = xsltApplyStylesheet(xsl, c->doc, NULL);
	if (res == NULL) {
		log_msg("%s transform %s failed", c->reqid, c->view);
		goto fail;
	}
	app_header(c, status, "text/html; charset=utf-8", NULL);
	rc = html_write(c, res);
fail:
	xm_doc_free(res);
	return rc;
}
