/*
 * unit.c — the office's units (GET/POST /office/units, GET/POST
 * /office/units/{id}, POST /office/units/{id}/close): a list with search,
 * create, rename (names, kind, parent), close and reopen.
 *
 * Closing keeps history: the row stays, with every record that names it;
 * active = 0 takes it out of the pickers and new work (they all read
 * active = 1) and closed_at/closed_by say when and by whom.  A unit with
 * open units under it cannot close (close those first, or move them).
 * A parent is an open unit; one that is the unit itself or below it would
 * make a cycle and is refused, as is a chain deeper than OF_MAX_DEPTH —
 * the walk up the chain locks each row it reads, so two changes at once
 * cannot close a loop between them.
 */
#include <stdlib.h>
#include <string.h>
#include "office.h"
#include "valid.h"

enum { U_CODE, U_NAME, U_NAME_EN, U_KIND, U_PARENT, U_NONCE, U__MAX };
static const struct vfield ufields[U__MAX] = {
	[U_CODE]    = { "code", V_TOKEN, 1, 32, NULL },
	[U_NAME]    = { "name", V_TEXT, 1, 128, NULL },
	[U_NAME_EN] = { "name_en", V_TEXT, 0, 128, NULL },
	[U_KIND]    = { "kind", V_CHOICE, 1, 16, of_unit_kinds },
	[U_PARENT]  = { "parent", V_INT, 0, 10, NULL },
	[U_NONCE]   = { "nonce", V_TOKEN, 1, 32, NULL },
};

/* The edit form: the create form's fields but the code (a code never changes: exports name it). */
enum { E_NAME, E_NAME_EN, E_KIND, E_PARENT, E_WEBHOOK, E_VERSION, E__MAX };
static const struct vfield efields[E__MAX] = {
	[E_NAME]    = { "name", V_TEXT, 1, 128, NULL },
	[E_NAME_EN] = { "name_en", V_TEXT, 0, 128, NULL },
	[E_KIND]    = { "kind", V_CHOICE, 1, 16, of_unit_kinds },
	[E_PARENT]  = { "parent", V_INT, 0, 10, NULL },
	/* the unit's group robot for reminders (schema 032, home/send.c); its host is checked on save */
	[E_WEBHOOK] = { "webhook_url", V_TEXT, 0, 500, NULL },
	[E_VERSION] = { "version", V_INT, 1, 10, NULL },
};

struct unit {
	const char *v[of_unit_col__MAX];
	int n;
};

static enum db_rc
unit_load(struct ctx *c, long long id, struct unit *u)
{
	struct db_val p[] = { DBI(id) };
	struct of_one o = { c, u->v, of_unit_col__MAX, 0 };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UNIT_GET, p, of_one_row, &o);
	u->n = o.n;
	return rc;
}

/* The unit being saved, locked, at the form's version (of_locked). */
static int
unit_lock(struct ctx *c, struct unit *u, const char *version)
{
	struct of_one o = { c, u->v, of_unit_col__MAX, 0 };
	int st = OF_LOCKED(c, OF_SQL_UNIT_LOCK, &o, UC_VERSION, version);
	u->n = o.n;
	return st;
}

/* The unit as <unit>: the columns as attributes, the names as children. */
static const struct of_rec unit_rec = { "unit", of_unit_cols, of_unit_col__MAX,
	(1ul << UC_NAME) | (1ul << UC_NAME_EN) | (1ul << UC_PARENT_NAME), UC_CODE };

/*
 * The group robot's address as the audit keeps it: scheme and host only.
 * The rest is the robot's key, which anyone who reads the audit could post
 * with.
 */
static const char *
hook_shown(struct ctx *c, const char *url)
{
	if (*url == '\0')
		return "";
	size_t n = strncmp(url, "https://", 8) == 0 ? 8 + strcspn(url + 8, "/?#") : 0;
	return ar_printf(c->ar, "%.*s/…", (int)n, url);
}

static const char *
unit_json(struct ctx *c, const char *code, const char *name, const char *name_en, const char *kind,
    const char *parent, const char *active, const char *webhook)
{
	static const char *const keys[] = { "code", "name", "name_en", "kind", "parent", "active", "webhook", NULL };
	const char *vals[] = { code, name, name_en, kind, parent, active, hook_shown(c, webhook) };
	return of_json(c, keys, vals);
}

static int
units_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	static const struct vfield af = { "after", V_TOKEN, 0, 32, NULL };
	char nonce[TX_NONCE_LEN + 1];
	const char *q = of_query(c, "q"), *after = ctx_q(c, "after"), *closed = ctx_q(c, "closed");
	if (q == NULL || (after != NULL && valid_check(&af, after) != NULL))
		return 400;
	int all = closed != NULL && strcmp(closed, "1") == 0;
	c->view = VIEW(OF_VIEW_UNITS);
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "q", q);
	pg_attr(f, "closed", all ? "1" : "0");
	if (after != NULL)
		pg_attr(f, "after", after);
	struct of_list l = { c, &unit_rec, pg_node(c->data, "units"), 0, "" };
	struct db_val p[] = { DBS(q), DBS(q), DBS(q), DBI(all), DBS(after ? after : "") };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UNIT_LIST, p, of_list_row, &l);
	if (rc != DB_OK || (rc = of_pick_node(c, c->data)) != DB_OK)
		return app_dberr(rc);
	const char *fresh[U__MAX] = { "", "", "", "college", "", "" };
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[U_NONCE] = nonce;
		vals = fresh;
	}
	pg_form(c, c->data, ufields, U__MAX, vals, errs);
	return status;
}

int
of_units(struct ctx *c)
{
	return units_page(c, 200, NULL, NULL);
}

/* Create. */

struct create {
	const char **vals;
	int field;		/* set by the transaction: the field a 422 is about */
	const char *code;
};

static int
create_tx(struct tx *t, void *arg)
{
	struct create *cr = arg;
	struct ctx *c = t->c;
	const char **v = cr->vals;
	long long used = 0, ok = 0, parent = atoll(v[U_PARENT]);
	enum db_rc rc;
	struct db_val k[] = { DBS(v[U_CODE]) };
	if ((rc = SQL_RUN(c, OF_SQL_UNIT_CODE_USED, k, db_int_row, &used)) != DB_OK)
		return rc;
	if (used > 0) {
		cr->field = U_CODE;
		cr->code = "office_code_used";
		return 422;
	}
	if (parent > 0) {
		struct db_val pp[] = { DBI(parent) };
		if ((rc = SQL_RUN(c, OF_SQL_UNIT_ACTIVE, pp, db_int_row, &ok)) != DB_OK)
			return rc;
		if (ok == 0) {
			cr->field = U_PARENT;
			cr->code = "office_parent_bad";
			return 422;
		}
	}
	struct db_val p[] = { DBS(v[U_CODE]), DBS(v[U_NAME]), DBSN(v[U_NAME_EN]), DBS(v[U_KIND]),
		parent > 0 ? DBI(parent) : DBN, DBS(c->acct.login), DBS(c->acct.login) };
	if ((rc = SQL_RUN(c, OF_SQL_UNIT_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(c->db);
	t->record = "unit";
	t->action = "create";
	t->after = unit_json(c, v[U_CODE], v[U_NAME], v[U_NAME_EN], v[U_KIND], v[U_PARENT], "1", "");
	t->then = ar_printf(c->ar, "/office/units/%lld?done=created", t->id);
	return TX_COMMIT;
}

int
of_unit_create(struct ctx *c)
{
	const char *vals[U__MAX], *errs[U__MAX];
	size_t bad = valid_form(ufields, U__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return units_page(c, 422, vals, errs);
	struct create cr = { vals, U_CODE, NULL };
	struct tx t = { .c = c, .nonce = vals[U_NONCE] };
	int st = tx_run(&t, create_tx, &cr);
	if (st == 422 || st == 409) {
		/* 409: the unique key caught the same code created at the same moment */
		errs[cr.field] = cr.code ? cr.code : "office_code_used";
		return units_page(c, 422, vals, errs);
	}
	return st;
}

/* One unit. */

struct kids {
	xmlNodePtr parent;
};

static int
kid_row(void *arg, const struct db_row *r)
{
	struct kids *k = arg;
	xmlNodePtr n = pg_text(k->parent, "unit", r->v[PK_NAME]);
	pg_attr(n, "id", r->v[PK_ID]);
	pg_attr(n, "code", r->v[PK_CODE]);
	pg_attr(n, "active", r->v[PK_ACTIVE]);
	return 0;
}

/* The unit page: the record, its units below, the edit form as typed (vals) or from the record. */
static int
unit_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct unit u;
	enum db_rc rc = unit_load(c, c->id, &u);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (u.n == 0)
		return 404;
	c->view = VIEW(OF_VIEW_UNIT);
	of_rec_node(c->data, &unit_rec, u.v);
	struct kids k = { pg_node(c->data, "children") };
	struct db_val p[] = { DBI(c->id) };
	if ((rc = SQL_RUN(c, OF_SQL_UNIT_CHILDREN, p, kid_row, &k)) != DB_OK ||
	    (rc = of_pick_node(c, c->data)) != DB_OK)
		return app_dberr(rc);
	const char *now[E__MAX] = { u.v[UC_NAME], u.v[UC_NAME_EN], u.v[UC_KIND], u.v[UC_PARENT], u.v[UC_WEBHOOK],
		u.v[UC_VERSION] };
	pg_form(c, c->data, efields, E__MAX, vals ? vals : now, errs);
	const char *done = ctx_q(c, "done");
	if (done != NULL && status == 200)
		pg_attr(c->data, "done", strlen(done) <= 16 ? done : "");
	return status;
}

int
of_unit(struct ctx *c)
{
	return unit_page(c, 200, NULL, NULL);
}

struct save {
	struct unit u;
	const char **vals;
	const char *code;	/* a 422's message for the parent */
};

/*
 * Is parent a good parent for unit id: open (or already its parent), not
 * id itself nor below it, the chain at most OF_MAX_DEPTH long?  0 yes, else
 * 422 with s->code set, or a database status.
 */
static int
parent_ok(struct ctx *c, long long id, long long parent, long long current, struct save *s)
{
	enum db_rc rc;
	if (parent == 0)
		return 0;
	if (parent != current) {
		long long ok = 0;
		struct db_val pp[] = { DBI(parent) };
		if ((rc = SQL_RUN(c, OF_SQL_UNIT_ACTIVE, pp, db_int_row, &ok)) != DB_OK)
			return rc;
		if (ok == 0) {
			s->code = "office_parent_bad";
			return 422;
		}
	}
	long long p = parent;
	for (int depth = 0; p != 0; depth++) {
		if (p == id) {
			s->code = "office_parent_cycle";
			return 422;
		}
		if (depth >= OF_MAX_DEPTH) {
			s->code = "office_parent_deep";
			return 422;
		}
		long long up = 0;
		struct db_val q[] = { DBI(p) };
		if ((rc = SQL_RUN(c, OF_SQL_UNIT_PARENT, q, db_int_row, &up)) != DB_OK)
			return rc;
		p = up;
	}
	return 0;
}

static int
save_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	enum db_rc rc;
	int st = unit_lock(c, &s->u, v[E_VERSION]);
	if (st != 0)
		return st;
	const char *const *o = s->u.v;
	long long parent = atoll(v[E_PARENT]);
	st = parent_ok(c, c->id, parent, atoll(o[UC_PARENT]), s);
	if (st != 0)
		return st;
	struct db_val p[] = { DBS(v[E_NAME]), DBSN(v[E_NAME_EN]), DBS(v[E_KIND]), parent > 0 ? DBI(parent) : DBN,
		DBSN(v[E_WEBHOOK]), DBS(c->acct.login), DBI(c->id), DBI(atoll(v[E_VERSION])) };
	if ((rc = SQL_RUN(c, OF_SQL_UNIT_UPDATE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->id = c->id;
	t->record = "unit";
	t->action = "change";
	t->before = unit_json(c, o[UC_CODE], o[UC_NAME], o[UC_NAME_EN], o[UC_KIND], o[UC_PARENT], o[UC_ACTIVE],
	    o[UC_WEBHOOK]);
	t->after = unit_json(c, o[UC_CODE], v[E_NAME], v[E_NAME_EN], v[E_KIND], parent > 0 ? v[E_PARENT] : "",
	    o[UC_ACTIVE], v[E_WEBHOOK]);
	t->then = ar_printf(c->ar, "/office/units/%lld?done=changed", c->id);
	return TX_COMMIT;
}

int
of_unit_save(struct ctx *c)
{
	const char *vals[E__MAX], *errs[E__MAX];
	size_t bad = valid_form(efields, E__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (*vals[E_WEBHOOK] && errs[E_WEBHOOK] == NULL &&
	    !valid_webhook(vals[E_WEBHOOK], config_get(c->cfg, "remind.webhook_hosts", VALID_WEBHOOK_HOSTS)))
		bad += valid_flag(errs, E_WEBHOOK, "office_webhook_bad");
	if (bad)
		return unit_page(c, 422, vals, errs);
	struct save s = { .vals = vals };
	struct tx t = { .c = c };
	int st = tx_run(&t, save_tx, &s);
	if (st == 409) {
		pg_conflict(c);
		return unit_page(c, 409, vals, NULL);
	}
	if (st == 422) {
		/* only the parent's error: the others passed */
		const char *only[E__MAX] = { [E_PARENT] = s.code };
		return unit_page(c, 422, vals, only);
	}
	return st;
}

/* Close and reopen. */

enum { C_ACTION, C_VERSION, C__MAX };
static const char *const cactions[] = { "close", "reopen", NULL };
static const struct vfield cfields[C__MAX] = {
	[C_ACTION]  = { "action", V_CHOICE, 1, 8, cactions },
	[C_VERSION] = { "version", V_INT, 1, 10, NULL },
};

static int
close_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	enum db_rc rc;
	int closing = strcmp(v[C_ACTION], "close") == 0;
	int st = unit_lock(c, &s->u, v[C_VERSION]);
	if (st != 0)
		return st;
	const char *const *o = s->u.v;
	if (strcmp(o[UC_ACTIVE], closing ? "1" : "0") != 0)
		return 409;
	if (closing) {
		long long open = 0;
		struct db_val k[] = { DBI(c->id) };
		if ((rc = SQL_RUN(c, OF_SQL_UNIT_OPEN_CHILDREN, k, db_int_row, &open)) != DB_OK)
			return rc;
		if (open > 0) {
			s->code = "office_unit_children";
			return 422;
		}
		struct db_val p[] = { DBS(c->acct.login), DBS(c->acct.login), DBI(c->id), DBI(atoll(v[C_VERSION])) };
		rc = SQL_RUN(c, OF_SQL_UNIT_CLOSE, p, NULL, NULL);
	} else {
		struct db_val p[] = { DBS(c->acct.login), DBI(c->id), DBI(atoll(v[C_VERSION])) };
		rc = SQL_RUN(c, OF_SQL_UNIT_REOPEN, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->id = c->id;
	t->record = "unit";
	t->action = v[C_ACTION];
	t->before = unit_json(c, o[UC_CODE], o[UC_NAME], o[UC_NAME_EN], o[UC_KIND], o[UC_PARENT], o[UC_ACTIVE],
	    o[UC_WEBHOOK]);
	t->after = unit_json(c, o[UC_CODE], o[UC_NAME], o[UC_NAME_EN], o[UC_KIND], o[UC_PARENT], closing ? "0" : "1",
	    o[UC_WEBHOOK]);
	t->then = ar_printf(c->ar, "/office/units/%lld?done=%s", c->id, closing ? "closed" : "reopened");
	return TX_COMMIT;
}

int
of_unit_close(struct ctx *c)
{
	const char *vals[C__MAX], *errs[C__MAX];
	if (valid_form(cfields, C__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0)
		return 400;
	struct save s = { .vals = vals };
	struct tx t = { .c = c };
	int st = tx_run(&t, close_tx, &s);
	if (st == 409) {
		pg_conflict(c);
		return unit_page(c, 409, NULL, NULL);
	}
	if (st == 422) {
		pg_msg(c, "", s.code);
		return unit_page(c, 422, NULL, NULL);
	}
	return st;
}
