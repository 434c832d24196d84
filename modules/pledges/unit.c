/*
 * unit.c — one unit's pledges: where it stands with every kind it must sign
 * (and its persons with the software pledge), every signing it made, its
 * persons, the form that adds a person, and (the office) which of the
 * letters only some units need — (1), website, cloud VM, hosted server —
 * this unit must sign.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "pledges.h"
#include "tx.h"

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
	pl_signing_node(n->parent, r);
	return 0;
}

static int
person_row(void *arg, const struct db_row *r)
{
	struct nodes *n = arg;
	xmlNodePtr p = pg_node(n->parent, "person");
	pg_attr(p, "id", r->v[PS_ID]);
	pg_attr(p, "staff-no", r->v[PS_STAFF_NO]);
	pg_attr(p, "active", r->v[PS_ACTIVE]);
	pg_text(p, "name", r->v[PS_NAME]);
	return 0;
}

static int
requirement_row(void *arg, const struct db_row *r)
{
	struct nodes *n = arg;
	pg_attr(pg_node(n->parent, "kind"), "code", r->v[REQ_KIND]);
	return 0;
}

static int
unit_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct pl_party_ref u;
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[P__MAX] = { "", "", nonce };

	c->view = VIEW(PL_VIEW_UNIT);
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
	enum db_rc rc = SQL_RUN(c, PL_SQL_PARTY_SIGNINGS, p, signing_row, &sn);
	struct db_val v[] = { DBI(u.id) };
	if (rc == DB_OK) {
		struct nodes pn = { c, pg_node(c->data, "persons") };
		rc = SQL_RUN(c, PL_SQL_PERSONS, v, person_row, &pn);
	}
	if (rc == DB_OK) {
		struct nodes rn = { c, pg_node(c->data, "requirements") };
		rc = SQL_RUN(c, PL_SQL_REQUIREMENTS, v, requirement_row, &rn);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
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

/* What a transaction on the unit needs: the unit and the validated form. */
struct unit_form {
	long long unit;
	const char **vals;
};

/*
 * Inserts the person with its audit row.  422: the staff number is another
 * person's (the form's nonce is the core's, tx.h, so that is the only
 * duplicate left).
 */
static int
person_tx(struct tx *t, void *arg)
{
	struct unit_form *pn = arg;
	struct ctx *c = t->c;
	const char **vals = pn->vals;
	struct db_val ins[] = {
		DBI(pn->unit), DBS(vals[P_NAME]), DBS(vals[P_STAFF_NO]), DBS(vals[P_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	enum db_rc rc = SQL_RUN(c, PL_SQL_PERSON_INSERT, ins, NULL, NULL);
	if (rc == DB_DUP)
		return 422;
	if (rc != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 512);
	buf_printf(&b, "{\"unit_id\":%lld,\"name\":\"", pn->unit);
	buf_json(&b, vals[P_NAME]);
	buf_str(&b, "\",\"staff_no\":\"");
	buf_json(&b, vals[P_STAFF_NO]);
	buf_str(&b, "\"}");
	t->record = "person";
	t->id = (long long)db_insert_id(c->db);
	t->action = "create";
	t->after = buf_cstr(&b);
	t->then = ar_printf(c->ar, "/pledges/units/%lld?saved=1", pn->unit);
	return TX_COMMIT;
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
	struct unit_form pn = { u.id, vals };
	struct tx t = { .c = c, .nonce = vals[P_NONCE] };
	st = tx_run(&t, person_tx, &pn);
	if (st == 422) {
		errs[P_STAFF_NO] = "staff_no_taken";
		return unit_page(c, 422, vals, errs);
	}
	return st;
}

/* The letters a unit signs only when it needs them (the rest are every unit's). */
static const char *const optional_kinds[] = { "letter1", "website", "cloud_vm", "hosted_server", NULL };
static const char *const req_actions[] = { "add", "remove", NULL };

enum { R_KIND, R_ACTION, R__MAX };

/* Adds or removes the requirement; adding twice or removing what is not there records nothing. */
static int
requirement_tx(struct tx *t, void *arg)
{
	struct unit_form *rq = arg;
	struct ctx *c = t->c;
	const char *kind = rq->vals[R_KIND];
	int add = strcmp(rq->vals[R_ACTION], "add") == 0;
	enum db_rc rc;
	if (add) {
		struct db_val p[] = { DBS(kind), DBI(rq->unit), DBS(c->acct.login) };
		rc = SQL_RUN(c, PL_SQL_REQ_ADD, p, NULL, NULL);
	} else {
		struct db_val p[] = { DBS(kind), DBI(rq->unit) };
		rc = SQL_RUN(c, PL_SQL_REQ_DEL, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) > 0) {
		const char *json = ar_printf(c->ar, "{\"unit_id\":%lld,\"kind\":\"%s\"}", rq->unit, kind);
		t->record = "requirement";
		t->id = rq->unit;
		t->action = add ? "require" : "unrequire";
		t->before = add ? NULL : json;
		t->after = add ? json : NULL;
	}
	t->then = ar_printf(c->ar, "/pledges/units/%lld?saved=1", rq->unit);
	return TX_COMMIT;
}

int
pl_requirement(struct ctx *c)
{
	static const struct vfield f[R__MAX] = {
		[R_KIND]   = { "kind", V_CHOICE, 1, 16, optional_kinds },
		[R_ACTION] = { "action", V_CHOICE, 1, 8, req_actions },
	};
	const char *vals[R__MAX], *errs[R__MAX];
	struct pl_party_ref u;

	int st = pl_party_load(c, PL_UNIT, c->id, &u);
	if (st != 200)
		return st;
	if (valid_form(f, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs))
		return 400;	/* a select and a button: nothing typed to keep */
	struct unit_form rq = { u.id, vals };
	struct tx t = { .c = c, .nonce = NULL };	/* adding or removing twice changes nothing */
	return tx_run(&t, requirement_tx, &rq);
}
