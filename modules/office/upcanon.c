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
 * The rows and their elements are the modules' own: each section's
 * statements (sql.c) select xunit.h's and xsystem.h's columns, and each row
 * is written by modules/registration/xunit.c and modules/systems/xsystem.c,
 * linked into this binary (Makefile), the same code as the modules' exports.
 */
#include <libxml/xmlwriter.h>
#include "upstream.h"
#include "../registration/xunit.h"
#include "../systems/xsystem.h"
#include "workday.h"
#include "xmlmem.h"
#include "xmlout.h"

struct canon {
	struct xo x;
	struct reg_x unit;	/* the persons' open <unit> */
	long long rows;
};

/* A person is a holder: a unit without one is written but not counted. */
static int
person_row(void *arg, const struct db_row *r)
{
	struct canon *k = arg;
	k->rows += reg_x_row(&k->x, &k->unit, r);
	return k->x.err;
}

static int
system_row(void *arg, const struct db_row *r)
{
	struct canon *k = arg;
	sys_x_row(&k->x, r);
	k->rows++;
	return k->x.err;
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
	struct canon k = { .unit.unit = "" };
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
		section(&k, c, "registry", REG_X_NS, generated);
		if (r->full)
			rc = SQL_RUN0(c, OF_SQL_UP_PERSONS_ALL, person_row, &k);
		else {
			struct db_val p[] = { DBS(since), DBS(until) };
			rc = SQL_RUN(c, OF_SQL_UP_PERSONS_SINCE, p, person_row, &k);
		}
		reg_x_end(&k.x, &k.unit);
		xo_end(&k.x);
	}
	if (rc == DB_OK && (sections & UP_SEC_SYSTEMS)) {
		section(&k, c, "systems", SYS_X_NS, generated);
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
