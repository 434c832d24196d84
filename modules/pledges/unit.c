/*
 * unit.c — one unit's pledges: where it stands with every kind it must sign
 * (and its persons with the software pledge), every signing it made, its
 * persons, the form that adds a person, and (the office) which of the
 * letters only some units need — (1), website, cloud VM, hosted server —
 * this unit must sign.
 */
#include <stdlib.h>
#include <string.h>
#include "pledges.h"

enum { P_NAME, P_STAFF_NO, P_NONCE, P__MAX };

static const struct vfield person_fields[P__MAX] = {
	[P_NAME]     = { "name", V_TEXT, 1, 32, NULL },
	[P_STAFF_NO] = { "staff_no", V_TOKEN, 1, 32, NULL },
	[P_NONCE]    = { "nonce", V_TOKEN, 1, 32, NULL },
};

struct nodes {
	struct ctx *c;
	xmlNodePtr parent;
};

static int
signing_row(void *arg, const struct db_row *r)
{
	struct nodes *n = arg;
	pl_signing_node(n->c, n->parent, r);
	return 0;
}

static int
person_row(void *arg, const struct db_row *r)
{
	struct nodes *n = arg;
	xmlNodePtr p = pg_node(n->parent, "person");	/* id, staff_no, name, active */
	pg_attr(p, "id", r->v[0]);
	pg_attr(p, "staff-no", r->v[1]);
	pg_attr(p, "active", r->v[3]);
	pg_text(p, "name", r->v[2]);
	return 0;
}

static int
requirement_row(void *arg, const struct db_row *r)
{
	struct nodes *n = arg;
	pg_attr(pg_node(n->parent, "kind"), "code", r->v[0]);
	return 0;
}

static int
unit_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct pl_party_ref u;
	char nonce[33];
	const char *fresh[P__MAX] = { "", "", nonce };

	c->view = view_id("pledges/unit");
	int st = pl_party_load(c, PL_UNIT, c->id, &u);
	if (st != 200)
		return st;
	if (!pl_party_read(c, &u))
		return auth_deny(c, "unit", c->id);
	xmlNodePtr un = pg_node(c->data, "unit");
	pg_attri(un, "id", u.id);
	pg_attr(un, "code", u.code);
	pg_attr(un, "writable", pl_party_write(c, &u) ? "1" : "0");
	pg_text(un, "name", u.name);
	pl_kinds_node(c);
	if ((st = pl_unit_parties(c, pg_node(c->data, "parties"), u.id)) != 200)
		return st;
	struct nodes sn = { c, pg_node(c->data, "signings") };
	struct db_val p[] = { DBS("unit"), DBI(u.id) };
	enum db_rc rc = db_run(c->db, SQL(PL_SQL_PARTY_SIGNINGS), p, 2, signing_row, &sn);
	struct db_val v = DBI(u.id);
	if (rc == DB_OK) {
		struct nodes pn = { c, pg_node(c->data, "persons") };
		rc = db_run(c->db, SQL(PL_SQL_PERSONS), &v, 1, person_row, &pn);
	}
	if (rc == DB_OK) {
		struct nodes rn = { c, pg_node(c->data, "requirements") };
		rc = db_run(c->db, SQL(PL_SQL_UNIT_PARTIES), &v, 1, requirement_row, &rn);
	}
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if (pl_party_write(c, &u)) {
		tx_nonce(nonce);
		pg_form(c, c->data, person_fields, P__MAX, vals ? vals : fresh, errs);
	}
	return status;
}

int
pl_unit(struct ctx *c)
{
	if (ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return unit_page(c, 200, NULL, NULL);
}

int
pl_person_add(struct ctx *c)
{
	const char *vals[P__MAX], *errs[P__MAX];
	struct pl_party_ref u;

	int st = pl_party_load(c, PL_UNIT, c->id, &u);
	if (st != 200)
		return st;
	if (!pl_party_write(c, &u))
		return auth_deny(c, "unit", c->id);
	if (valid_form(person_fields, P__MAX, c->req.f, c->req.nf, c->ar, vals, errs))
		return unit_page(c, 422, vals, errs);
	/* a double submit: the first one added the person */
	if (app_done_before(c, SQL(PL_SQL_PERSON_NONCE), vals[P_NONCE], "/pledges/units/", "?saved=1", &st))
		return st;
	enum db_rc rc = db_begin(c->db);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	struct db_val ins[] = {
		DBI(u.id), DBS(vals[P_NAME]), DBS(vals[P_STAFF_NO]), DBS(vals[P_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, SQL(PL_SQL_PERSON_INSERT), ins, 6, NULL, NULL)) != DB_OK)
		goto fail;
	long long id = (long long)db_insert_id(c->db);
	struct buf b;
	buf_init(&b, c->ar, 512);
	buf_printf(&b, "{\"unit_id\":%lld,\"name\":\"", u.id);
	buf_json(&b, vals[P_NAME]);
	buf_str(&b, "\",\"staff_no\":\"");
	buf_json(&b, vals[P_STAFF_NO]);
	buf_str(&b, "\"}");
	if ((rc = audit_write(c, "person", id, "create", NULL, buf_cstr(&b))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/pledges/units/%lld?saved=1", u.id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (rc == DB_DUP) {
		/* the nonce (a concurrent double submit) or the staff number */
		if (app_done_before(c, SQL(PL_SQL_PERSON_NONCE), vals[P_NONCE],
		    "/pledges/units/", "?saved=1", &st))
			return st;
		errs[P_STAFF_NO] = "staff_no_taken";
		return unit_page(c, 422, vals, errs);
	}
	return 500;
}

/* The letters a unit signs only when it needs them (the rest are every unit's). */
static const char *const optional_kinds[] = { "letter1", "website", "cloud_vm", "hosted_server", NULL };
static const char *const req_actions[] = { "add", "remove", NULL };

int
pl_requirement(struct ctx *c)
{
	static const struct vfield f[] = {
		{ "kind", V_CHOICE, 1, 16, optional_kinds },
		{ "action", V_CHOICE, 1, 8, req_actions },
	};
	const char *vals[2], *errs[2];
	struct pl_party_ref u;

	int st = pl_party_load(c, PL_UNIT, c->id, &u);
	if (st != 200)
		return st;
	if (valid_form(f, 2, c->req.f, c->req.nf, c->ar, vals, errs))
		return 400;	/* a select and a button: nothing typed to keep */
	int add = strcmp(vals[1], "add") == 0;
	enum db_rc rc = db_begin(c->db);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	struct db_val a[] = { DBS(vals[0]), DBI(u.id), DBS(c->acct.login) };
	if ((rc = db_run(c->db, SQL(add ? PL_SQL_REQ_ADD : PL_SQL_REQ_DEL), a, add ? 3 : 2, NULL, NULL)) != DB_OK)
		goto fail;
	/* adding twice or removing what is not there changes nothing, and records nothing */
	if (db_affected(c->db) > 0) {
		const char *json = ar_printf(c->ar, "{\"unit_id\":%lld,\"kind\":\"%s\"}", u.id, vals[0]);
		if ((rc = audit_write(c, "requirement", u.id, add ? "require" : "unrequire",
		    add ? NULL : json, add ? json : NULL)) != DB_OK)
			goto fail;
	}
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/pledges/units/%lld?saved=1", u.id));
fail:
	db_rollback(c->db);
	return rc == DB_LOST ? APP_LOST : 500;
}
