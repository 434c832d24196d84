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

/* The columns of a that are attributes of the open element, as the schema names them. */
static void
row_attrs(struct xo *x, const struct db_row *r, const struct pl_attr *a, size_t na)
{
	for (size_t i = 0; i < na; i++)
		xo_attr(x, a[i].name, r->v[a[i].col]);
}

static int
template_row(void *arg, const struct db_row *r)
{
	static const struct pl_attr attrs[] = { { ET_ID, "id" }, { ET_KIND, "kind" }, { ET_VERSION, "version" } };
	struct xo *x = arg;
	xo_start(x, "template");
	row_attrs(x, r, attrs, APP_COUNT(attrs));
	xo_elem(x, "title", r->v[ET_TITLE]);
	xo_datetime(x, "published", r->v[ET_PUBLISHED_AT]);
	xo_elem(x, "sha256", r->v[ET_SHA256]);
	xo_end(x);
	return x->err;
}

static int
signing_row(void *arg, const struct db_row *r)
{
	static const struct pl_attr attrs[] = {
		{ SG_ID, "id" }, { SG_KIND, "kind" }, { SG_PTYPE, "partyType" }, { SG_PID, "partyId" },
		{ SG_TEMPLATE_ID, "template" }, { SG_VERSION, "version" },
	};
	struct xo *x = arg;
	xo_start(x, "signing");
	row_attrs(x, r, attrs, APP_COUNT(attrs));
	xo_attr(x, "current", strcmp(r->v[SG_CURRENT], "1") == 0 ? "true" : "false");
	if (strcmp(r->v[SG_SUPERSEDED_BY], "0") != 0)
		xo_attr(x, "supersededBy", r->v[SG_SUPERSEDED_BY]);
	xo_elem(x, "signer", r->v[SG_SIGNER]);
	xo_elem(x, "signerTitle", r->v[SG_SIGNER_TITLE]);
	xo_elem(x, "signed", r->v[SG_SIGNED]);
	xo_elem(x, "sealed", strcmp(r->v[SG_SEALED], "1") == 0 ? "true" : "false");
	if (strcmp(r->v[SG_SCAN_ID], "0") != 0) {
		xo_start(x, "scan");
		xo_attr(x, "mime", r->v[SG_SCAN_MIME]);
		xo_attr(x, "size", r->v[SG_SCAN_SIZE]);
		xo_attr(x, "sha256", r->v[SG_SCAN_SHA256]);
		xo_end(x);
	}
	xo_datetime(x, "recorded", r->v[SG_CREATED_AT]);
	xo_elem(x, "recordedBy", r->v[SG_CREATED_BY]);
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
	static const struct pl_attr attrs[] = {
		{ COV_KIND, "kind" }, { COV_PTYPE, "type" }, { COV_PID, "id" }, { COV_STATUS, "status" },
	};
	struct cov *cv = arg;
	struct xo *x = cv->x;
	char due[11];
	int overdue;
	xo_start(x, "party");
	row_attrs(x, r, attrs, APP_COUNT(attrs));
	xo_elem(x, "code", r->v[COV_CODE]);
	xo_elem(x, "name", r->v[COV_NAME]);
	if (strcmp(r->v[COV_SIGNING], "0") != 0) {
		xo_elem(x, "signing", r->v[COV_SIGNING]);
		xo_elem(x, "signed", r->v[COV_SIGNED]);
	}
	if (*r->v[COV_CHANGED]) {
		pl_due(cv->c, r->v[COV_CHANGED], due, &overdue);
		xo_elem(x, "changed", r->v[COV_CHANGED]);
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
	enum db_rc rc = SQL_RUN0(c, PL_SQL_EXPORT_TEMPLATES, template_row, &x);
	xo_end(&x);
	if (rc == DB_OK) {
		xo_start(&x, "signings");
		rc = SQL_RUN0(c, PL_SQL_EXPORT_SIGNINGS, signing_row, &x);
		xo_end(&x);
	}
	if (rc == DB_OK) {
		xo_start(&x, "coverage");
		rc = pl_coverage_query(c, 0, 0, "", "all", "", coverage_row, &cv);
		xo_end(&x);
	}
	return xo_close(&x, rc);
}
