/*
 * upcanon.c — the canonical export an upstream profile reads: one
 * <canonical xmlns="urn:wangan:upstream:1"> holding the modules' own export
 * elements, each in its namespace and shape — <registry> as
 * /registration/export.xml writes it (schema/xml/registration.xsd) and
 * <systems> as /systems/export.xml does (systems.xsd) — so a profile is
 * written against the documents the platform already publishes.  A full
 * export holds everything; an incremental only the records updated in the
 * range (a unit then holds only its changed holders).  Written with the
 * same xmlout.h calls as the modules' exports, but into a tree: the
 * profile's transform needs one.
 *
 * The rows are the modules' (the statements copy their exports' columns,
 * sql.c); the writers below follow modules/registration/export.c and
 * modules/systems/export.c line for line.  A change there changes here.
 */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include "upstream.h"
#include "workday.h"
#include "xmlmem.h"
#include "xmlout.h"

struct canon {
	struct xo x;
	char unit[64];		/* the open <unit>'s code, "" before the first */
	long long rows;
};

static int
person_row(void *arg, const struct db_row *r)
{
	struct canon *k = arg;
	struct xo *x = &k->x;
	const char *const *v = r->v;
	if (strcmp(k->unit, v[P_CODE]) != 0) {
		if (k->unit[0])
			xo_end(x);
		snprintf(k->unit, sizeof(k->unit), "%s", v[P_CODE]);
		xo_start(x, "unit");
		xo_attr(x, "code", v[P_CODE]);
		xo_attr(x, "kind", v[P_KIND]);
		xo_elem(x, "name", v[P_NAME]);
		xo_elem(x, "nameEn", v[P_NAME_EN]);
	}
	if (!r->null[P_ROLE]) {
		xo_start(x, "holder");
		xo_attr(x, "role", v[P_ROLE]);
		xo_elem(x, "name", v[P_HOLDER]);
		xo_elem(x, "title", v[P_TITLE]);
		xo_elem(x, "officePhone", v[P_OFFICE_PHONE]);
		xo_elem(x, "mobile", v[P_MOBILE]);
		xo_elem(x, "email", v[P_EMAIL]);
		xo_elem(x, "effective", v[P_EFFECTIVE]);
		xo_datetime(x, "reported", v[P_REPORTED]);
		xo_elem(x, "deadline", v[P_DEADLINE]);
		xo_elem(x, "late", strcmp(v[P_LATE], "1") == 0 ? "true" : "false");
		xo_end(x);
		k->rows++;
	}
	return x->err;
}

/* The addresses as stored ("10.1.2.3, 2001:db8::1"), one <ip> each. */
static void
ips(struct xo *x, const char *s)
{
	char ip[64];
	xo_start(x, "ips");
	for (const char *p = s; *p; ) {
		size_t skip = strspn(p, ", "), len = strcspn(p + skip, ", ");
		p += skip;
		if (len == 0)
			break;
		if (len < sizeof(ip)) {
			memcpy(ip, p, len);
			ip[len] = '\0';
			xo_elem(x, "ip", ip);
		}
		p += len;
	}
	xo_end(x);
}

static int
system_row(void *arg, const struct db_row *r)
{
	struct canon *k = arg;
	struct xo *x = &k->x;
	const char *const *v = r->v;
	xo_start(x, "system");
	xo_attr(x, "id", v[S_ID]);
	xo_attr(x, "kind", v[S_KIND]);
	xo_attr(x, "status", v[S_STATUS]);
	xo_attr(x, "cii", strcmp(v[S_CII], "1") == 0 ? "true" : "false");
	xo_start(x, "unit");
	xo_attr(x, "code", v[S_UNIT_CODE]);
	xo_elem(x, "name", v[S_UNIT_NAME]);
	xo_end(x);
	xo_elem(x, "name", v[S_NAME]);
	xo_elem(x, "url", v[S_URL]);
	if (*v[S_IPS])
		ips(x, v[S_IPS]);
	xo_elem(x, "purpose", v[S_PURPOSE]);
	if (strcmp(v[S_VENDOR_ID], "0") != 0) {
		xo_start(x, "vendor");
		xo_attr(x, "id", v[S_VENDOR_ID]);
		xo_attr(x, "uscc", v[S_VENDOR_USCC]);
		xo_elem(x, "name", v[S_VENDOR_NAME]);
		xo_end(x);
	}
	xo_elem(x, "hosting", v[S_HOSTING]);
	xo_start(x, "admin");
	xo_elem(x, "name", v[S_ADMIN]);
	xo_elem(x, "phone", v[S_PHONE]);
	xo_end(x);
	xo_elem(x, "goLive", v[S_GOLIVE]);
	if (strcmp(v[S_LEVEL], "0") != 0) {
		xo_start(x, "grading");
		xo_attr(x, "level", v[S_LEVEL]);
		xo_elem(x, "graded", v[S_GRADED]);
		xo_elem(x, "expertReview", v[S_REVIEW]);
		if (*v[S_FILING_NO]) {
			xo_start(x, "filing");
			xo_elem(x, "number", v[S_FILING_NO]);
			xo_elem(x, "date", v[S_FILING_DATE]);
			xo_end(x);
		}
		xo_end(x);
	}
	if (strcmp(v[S_ASSESSMENT], "0") != 0) {
		xo_start(x, "lastAssessment");
		xo_attr(x, "id", v[S_ASSESSMENT]);
		xo_elem(x, "date", v[S_ASSESSED]);
		xo_elem(x, "agency", v[S_AGENCY]);
		xo_elem(x, "result", v[S_RESULT]);
		xo_elem(x, "score", v[S_SCORE]);
		xo_end(x);
	}
	xo_elem(x, "nextDue", v[S_NEXT_DUE]);
	xo_datetime(x, "updated", v[S_UPDATED]);
	xo_end(x);
	k->rows++;
	return x->err;
}

/* A section's root in its own namespace, with the attributes its module's export gives it. */
static void
section(struct canon *k, struct ctx *c, const char *root, const char *ns, const char *generated)
{
	if (xmlTextWriterStartElementNS(k->x.w, NULL, BAD_CAST root, BAD_CAST ns) < 0)
		k->x.err = 1;
	xo_attr(&k->x, "generated", generated);
	xo_attr(&k->x, "site", c->cfg->site_name);
}

enum db_rc
up_canon(struct ctx *c, const struct up_range *r, unsigned sections, xmlDocPtr *doc, long long *rows)
{
	struct canon k = { .unit = "" };
	enum db_rc rc = DB_OK;
	char generated[20];
	const char *since = *r->since ? r->since : UP_SINCE_ALL;
	const char *until = r->full ? UP_UNTIL_ALL : r->watermark;

	*doc = NULL;
	*rows = 0;
	if ((k.x.w = xmlNewTextWriterDoc(doc, 0)) == NULL)
		return DB_ERR;
	k.x.c = c;
	wd_now(generated);
	generated[10] = 'T';
	xmlTextWriterStartDocument(k.x.w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(k.x.w, NULL, BAD_CAST "canonical", BAD_CAST UP_NS);
	xo_attr(&k.x, "upstream", r->upstream);
	xo_attr(&k.x, "profile", r->profile);
	xo_attr(&k.x, "kind", r->full ? "full" : "incremental");
	/* what the range is, for the profile to say so in its own shape */
	xo_datetime(&k.x, "since", r->since);
	xo_datetime(&k.x, "watermark", r->watermark);
	xo_elem(&k.x, "today", r->today);
	xo_elem(&k.x, "generated", generated);
	xo_elem(&k.x, "site", c->cfg->site_name);
	if (sections & UP_SEC_PERSONS) {
		section(&k, c, "registry", "urn:wangan:registration:1", generated);
		if (r->full)
			rc = SQL_RUN0(c, OF_SQL_UP_PERSONS_ALL, person_row, &k);
		else {
			struct db_val p[] = { DBS(since), DBS(until) };
			rc = SQL_RUN(c, OF_SQL_UP_PERSONS_SINCE, p, person_row, &k);
		}
		if (k.unit[0])
			xo_end(&k.x);
		xo_end(&k.x);
	}
	if (rc == DB_OK && (sections & UP_SEC_SYSTEMS)) {
		section(&k, c, "systems", "urn:wangan:systems:1", generated);
		xo_attr(&k.x, "today", r->today);
		struct db_val p[] = { DBS(since), DBS(until) };
		rc = SQL_RUN(c, OF_SQL_UP_SYSTEMS, p, system_row, &k);
		xo_end(&k.x);
	}
	xmlTextWriterEndDocument(k.x.w);
	xmlFreeTextWriter(k.x.w);
	if (rc == DB_OK && k.x.err)
		rc = DB_ERR;
	if (rc != DB_OK) {
		xm_doc_free(*doc);
		*doc = NULL;
		return rc;
	}
	*rows = k.rows;
	return DB_OK;
}
