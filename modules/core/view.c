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
#include "ctx.h"
#include "resp.h"
#include "view.h"
#include "html.h"
#include "rows.h"
#include "log.h"
#include "xmlmem.h"

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
	if (nviews == 0 && rows_register() != 0) {
		log_msg("view: cannot register r:for-each");
		return -1;
	}
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

const char *
view_name(int view)
{
	return view >= 0 && (size_t)view < nviews ? views[view].name : NULL;
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
	return resp_write(ctx, p, (size_t)n) == 0 ? n : -1;
}

static int
out_close(void *ctx)
{
	return 0;
}

static int
page_sink(void *arg, const char *p, size_t n)
{
	return resp_write(arg, p, n);
}

static int
html_write(struct ctx *c, xmlDocPtr res)
{
	static const char doctype[] = "<!DOCTYPE html>\n";
	struct hw *h = ar_alloc(c->ar, sizeof(*h));
	if (h == NULL)
		return -1;
	hw_init(h, page_sink, c);
	hw_put(h, doctype, sizeof(doctype) - 1);
	hw_tree(h, res->children);
	return hw_flush(h);
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
		resp_header(c, status, "application/xml; charset=utf-8", NULL);
		resp_write(c, decl, sizeof(decl) - 1);
		xmlNodeDumpOutput(out, c->doc, xmlDocGetRootElement(c->doc), 0, 0, "UTF-8");
		rc = xmlOutputBufferClose(out) < 0 ? -1 : 0;
		return rc;
	}
	if (c->view < 0 || (size_t)c->view >= nviews) {
		log_msg("%s view %d is not loaded", c->reqid, c->view);
		goto fail;
	}
	xsl = views[c->view].xsl[c->lang];
	/* A fresh transform context per request; the compiled stylesheet is shared. */
	res = xsltApplyStylesheet(xsl, c->doc, NULL);
	if (res == NULL) {
		log_msg("%s transform %s failed", c->reqid, views[c->view].name);
		goto fail;
	}
	resp_header(c, status, "text/html; charset=utf-8", NULL);
	rc = html_write(c, res);
fail:
	xm_doc_free(res);
	return rc;
}
