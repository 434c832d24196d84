/*
 * upprofile.c — the upstream profiles: xslt/upstream/<name>.xsl, built
 * like every stylesheet (the zh-CN build: the upstream platforms read
 * Chinese), compiled once when wangan-office starts — before the workers
 * fork and before a CLI verb runs — never per request.  Each transform
 * runs with its own locked-down security preferences: no file read or
 * write, no directory, no network, so document() and xsl:result-document
 * fail; a profile needs nothing but the canonical document it is given.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include "log.h"
#include "upstream.h"

static struct profile {
	const char *name;	/* upstream.profile */
	unsigned sections;	/* what it reads of the canonical export */
	xsltStylesheetPtr xsl;
} profiles[] = {
	{ "moe-persons", UP_SEC_PERSONS, NULL },
	{ "province-yearend", UP_SEC_PERSONS | UP_SEC_SYSTEMS, NULL },
};
static xsltSecurityPrefsPtr sec;

static struct profile *
find(const char *name)
{
	for (size_t i = 0; i < APP_COUNT(profiles); i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

int
up_profiles_load(const char *xslt_dir)
{
	char path[PATH_MAX];
	sec = xsltNewSecurityPrefs();
	if (sec == NULL ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid))
		return -1;
	for (size_t i = 0; i < APP_COUNT(profiles); i++) {
		int n = snprintf(path, sizeof(path), "%s/zh-CN/upstream/%s.xsl", xslt_dir, profiles[i].name);
		xmlDocPtr d = n > 0 && (size_t)n < sizeof(path) ? xmlReadFile(path, NULL, XML_PARSE_NONET) : NULL;
		if (d == NULL || (profiles[i].xsl = xsltParseStylesheetDoc(d)) == NULL) {
			log_msg("upstream: cannot compile the profile %s", path);
			if (d != NULL)
				xmlFreeDoc(d);
			return -1;
		}
	}
	return 0;
}

void
up_profiles_free(void)
{
	for (size_t i = 0; i < APP_COUNT(profiles); i++) {
		if (profiles[i].xsl != NULL)
			xsltFreeStylesheet(profiles[i].xsl);
		profiles[i].xsl = NULL;
	}
	if (sec != NULL)
		xsltFreeSecurityPrefs(sec);
	sec = NULL;
}

unsigned
up_profile_sections(const char *profile)
{
	struct profile *p = find(profile);
	return p != NULL && p->xsl != NULL ? p->sections : 0;
}

int
up_profile_run(const char *profile, xmlDocPtr doc, xmlChar **out, int *len)
{
	struct profile *p = find(profile);
	xsltTransformContextPtr t = NULL;
	xmlDocPtr res = NULL;
	int rc = -1;

	*out = NULL;
	*len = 0;
	if (p == NULL || p->xsl == NULL || (t = xsltNewTransformContext(p->xsl, doc)) == NULL)
		goto fail;
	if (xsltSetCtxtSecurityPrefs(sec, t) != 0)
		goto fail;
	res = xsltApplyStylesheetUser(p->xsl, doc, NULL, NULL, NULL, t);
	if (res == NULL || t->state != XSLT_STATE_OK)
		goto fail;
	if (xsltSaveResultToString(out, len, res, p->xsl) != 0 || *out == NULL)
		goto fail;
	if ((unsigned)*len > UP_MAX_BYTES) {
		log_msg("upstream: %s's document passed %u bytes", profile, UP_MAX_BYTES);
		xmlFree(*out);
		*out = NULL;
		goto fail;
	}
	rc = 0;
fail:
	if (res != NULL)
		xmlFreeDoc(res);
	if (t != NULL)
		xsltFreeTransformContext(t);
	return rc;
}
