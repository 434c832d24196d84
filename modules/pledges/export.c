/*
 * export.c — GET /pledges/export.xml (and --export): the template versions,
 * every signing with its version, signer and scan checksum, and the
 * coverage — where each required party stands with each kind, with re-sign
 * due dates — for the upstream platform.  Streamed (xmlout.h); valid
 * against schema/xml/pledges.xsd.
 */
#include <string.h>
#include "pledges.h"
#include "xmlout.h"

#define PL_XMLNS "urn:wangan:pledges:1"

static int
template_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;	/* id, kind, version, title, published_at, sha256 */
	xo_start(x, "template");
	xo_attr(x, "id", r->v[0]);
	xo_attr(x, "kind", r->v[1]);
	xo_attr(x, "version", r->v[2]);
	xo_elem(x, "title", r->v[3]);
	xo_datetime(x, "published", r->v[4]);
	xo_elem(x, "sha256", r->v[5]);
	xo_end(x);
	return x->err;
}

static int
signing_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;	/* PL_SIGNING_SELECT's columns, see status.c */
	xo_start(x, "signing");
	xo_attr(x, "id", r->v[0]);
	xo_attr(x, "kind", r->v[1]);
	xo_attr(x, "partyType", r->v[2]);
	xo_attr(x, "partyId", r->v[3]);
	xo_attr(x, "template", r->v[5]);
	xo_attr(x, "version", r->v[6]);
	xo_attr(x, "current", strcmp(r->v[12], "1") == 0 ? "true" : "false");
	if (strcmp(r->v[13], "0") != 0)
		xo_attr(x, "supersededBy", r->v[13]);
	xo_elem(x, "signer", r->v[8]);
	xo_elem(x, "signerTitle", r->v[9]);
	xo_elem(x, "signed", r->v[10]);
	xo_elem(x, "sealed", strcmp(r->v[11], "1") == 0 ? "true" : "false");
	if (strcmp(r->v[16], "0") != 0) {
		xo_start(x, "scan");
		xo_attr(x, "mime", r->v[17]);
		xo_attr(x, "size", r->v[18]);
		xo_attr(x, "sha256", r->v[19]);
		xo_end(x);
	}
	xo_datetime(x, "recorded", r->v[14]);
	xo_elem(x, "recordedBy", r->v[15]);
	xo_end(x);
	return x->err;
}

struct cov {
	struct ctx *c;
	struct xo *x;
};

static int
coverage_row(void *arg, const struct db_row *r)
{
	struct cov *cv = arg;	/* kind, ptype, pid, unit_id, code, name, name_en, sid, signed, changed, status, k */
	struct xo *x = cv->x;
	char due[11];
	int overdue;
	xo_start(x, "party");
	xo_attr(x, "kind", r->v[0]);
	xo_attr(x, "type", r->v[1]);
	xo_attr(x, "id", r->v[2]);
	xo_attr(x, "status", r->v[10]);
	xo_elem(x, "code", r->v[4]);
	xo_elem(x, "name", r->v[5]);
	if (strcmp(r->v[7], "0") != 0) {
		xo_elem(x, "signing", r->v[7]);
		xo_elem(x, "signed", r->v[8]);
	}
	if (*r->v[9]) {
		pl_due(cv->c, r->v[9], due, &overdue);
		xo_elem(x, "changed", r->v[9]);
		xo_elem(x, "due", due);
		xo_elem(x, "overdue", overdue ? "true" : "false");
	}
	xo_end(x);
	return x->err;
}

int
pl_export(struct ctx *c)
{
	struct xo x;
	struct cov cv = { c, &x };
	if (xo_open(&x, c, "pledges.xml", "pledges", PL_XMLNS) != 0)
		return 500;
	xo_start(&x, "templates");
	enum db_rc rc = db_run(c->db, SQL(PL_SQL_EXPORT_TEMPLATES), NULL, 0, template_row, &x);
	xo_end(&x);
	if (rc == DB_OK) {
		xo_start(&x, "signings");
		rc = db_run(c->db, SQL(PL_SQL_EXPORT_SIGNINGS), NULL, 0, signing_row, &x);
		xo_end(&x);
	}
	if (rc == DB_OK) {
		xo_start(&x, "coverage");
		rc = pl_coverage_query(c, PL_SQL_COVERAGE_ALL, 0, "", "all", "", coverage_row, &cv);
		xo_end(&x);
	}
	return xo_close(&x, rc);
}
