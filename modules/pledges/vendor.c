/*
 * vendor.c — a vendor of the registry (vendor_form.c registers and edits
 * them, vendors.c lists them): the companies that build or run school
 * systems and sign letter (2).  A vendor has a name, its unified social
 * credit code, a contact, a phone, an e-mail and the units it serves.
 * Leader and auditor read them all; a unit's staff see the vendors that
 * serve their unit (party.c).
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "pledges.h"

/* A row callback's state: the vendor being filled, and its units' JSON as it grows. */
struct fill {
	struct ctx *c;
	struct pl_vendor *v;
	xmlNodePtr parent;	/* <units> to fill, or NULL */
	struct buf json;
};

static int
vendor_row(void *arg, const struct db_row *r)
{
	struct fill *f = arg;
	f->v->id = atoll(r->v[VEN_ID]);
	f->v->version = atoll(r->v[VEN_VERSION]);
	for (int i = 0; i < pl_vendor_col__MAX; i++)
		f->v->col[i] = ar_strdup(f->c->ar, r->v[i]);
	return 0;
}

static int
unit_row(void *arg, const struct db_row *r)
{
	struct fill *f = arg;
	struct pl_vendor *v = f->v;
	if (f->parent != NULL) {
		xmlNodePtr u = pg_node(f->parent, "unit");
		pg_attr(u, "id", r->v[VU_ID]);
		pg_attr(u, "code", r->v[VU_CODE]);
		pg_text(u, "name", f->c->lang == LANG_EN && *r->v[VU_NAME_EN] ? r->v[VU_NAME_EN] : r->v[VU_NAME]);
	}
	if (v->ncodes < PL_MAX_CODES)
		v->codes[v->ncodes++] = ar_strdup(f->c->ar, r->v[VU_CODE]);
	buf_str(&f->json, f->json.len > 1 ? ",\"" : "\"");
	buf_json(&f->json, r->v[VU_CODE]);
	buf_str(&f->json, "\"");
	return 0;
}

enum db_rc
pl_vendor_units(struct ctx *c, struct pl_vendor *v, xmlNodePtr parent)
{
	struct fill f = { c, v, parent, { 0 } };
	struct db_val id[] = { DBI(v->id) };
	v->ncodes = 0;
	buf_init(&f.json, c->ar, 64 * 1024);
	buf_str(&f.json, "[");
	enum db_rc rc = SQL_RUN(c, PL_SQL_VENDOR_UNITS, id, unit_row, &f);
	buf_str(&f.json, "]");
	v->units_json = buf_cstr(&f.json);
	return rc;
}

enum db_rc
pl_vendor_load(struct ctx *c, long long id, struct pl_vendor *v, int lock, int units)
{
	struct fill f = { c, v, NULL, { 0 } };
	struct db_val p[] = { DBI(id) };
	memset(v, 0, sizeof(*v));
	enum db_rc rc = lock ? SQL_RUN(c, PL_SQL_VENDOR_LOCK, p, vendor_row, &f) :
	    SQL_RUN(c, PL_SQL_VENDOR, p, vendor_row, &f);
	if (rc != DB_OK || v->id == 0 || !units)
		return rc;
	return pl_vendor_units(c, v, NULL);
}

int
pl_vendor_open(struct ctx *c, struct pl_vendor *v, int units)
{
	enum db_rc rc = pl_vendor_load(c, c->id, v, 0, units);
	if (rc != DB_OK)
		return app_dberr(rc);
	return v->id ? 200 : 404;
}

enum db_rc
pl_vendor_node(struct ctx *c, struct pl_vendor *v)
{
	xmlNodePtr n = pg_node(c->data, "vendor");
	pg_attri(n, "id", v->id);
	pg_attr(n, "uscc", v->col[VEN_USCC]);
	pg_attri(n, "version", v->version);
	pg_attr(n, "active", v->col[VEN_ACTIVE]);
	pg_text(n, "name", v->col[VEN_NAME]);
	pg_text(n, "contact", v->col[VEN_CONTACT]);
	pg_text(n, "phone", v->col[VEN_PHONE]);
	pg_text(n, "email", v->col[VEN_EMAIL]);
	return pl_vendor_units(c, v, pg_node(n, "units"));
}

void
pl_letter_status(xmlNodePtr n, const char *signing, const char *signed_date)
{
	int has = strcmp(signing, "0") != 0;
	pg_attr(n, "status", has ? "signed" : "missing");
	if (has) {
		pg_attr(n, "signing-id", signing);
		pg_attr(n, "signed", signed_date);
	}
}

struct signings {
	struct ctx *c;
	xmlNodePtr parent;
	const char *current, *signed_date;	/* the current letter (2) */
};

static int
signing_row(void *arg, const struct db_row *r)
{
	struct signings *s = arg;
	pl_signing_node(s->parent, r);
	if (strcmp(r->v[SG_KIND], "letter2") == 0 && strcmp(r->v[SG_CURRENT], "1") == 0) {
		s->current = ar_strdup(s->c->ar, r->v[SG_ID]);
		s->signed_date = ar_strdup(s->c->ar, r->v[SG_SIGNED]);
	}
	return 0;
}

/*
 * GET vendors/{id}: the vendor, the units it serves, where it stands with
 * letter (2) and every signing it made.  The status is the coverage's rule
 * for a vendor — signed when it has a current signing, else missing (a
 * re-sign follows a unit's new first responsible person; a vendor has
 * none) — read from the signings shown, instead of running the coverage
 * over every party to keep one row.
 */
int
pl_vendor(struct ctx *c)
{
	struct pl_vendor v;
	c->view = VIEW(PL_VIEW_VENDOR);
	int st = pl_vendor_open(c, &v, 0);
	if (st != 200)
		return st;
	struct pl_party_ref p = { PL_VENDOR, v.id, 0, v.col[VEN_USCC], v.col[VEN_NAME] };
	if (!pl_party_read(c, &p))
		return auth_deny(c, "vendor", v.id);
	if (ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	enum db_rc rc = pl_vendor_node(c, &v);
	if (rc != DB_OK)
		return app_dberr(rc);
	struct signings s = { c, pg_node(c->data, "signings"), "0", "" };
	struct db_val sp[] = { DBS("vendor"), DBI(v.id) };
	if ((rc = SQL_RUN(c, PL_SQL_PARTY_SIGNINGS, sp, signing_row, &s)) != DB_OK)
		return app_dberr(rc);
	xmlNodePtr l = pg_node(c->data, "letter");
	pg_attr(l, "kind", "letter2");
	pl_letter_status(l, s.current, s.signed_date);
	return 200;
}
