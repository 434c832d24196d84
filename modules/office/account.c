/*
 * account.c — the office's accounts (GET/POST /office/accounts, GET/POST
 * /office/accounts/{id}, POST …/{id}/active, POST …/{id}/password):
 * create (login, name, role, unit, campus SSO name), change the name, role,
 * unit or SSO name, disable and enable, reset the password.
 *
 * An account belongs to an open unit; a login and an SSO name each name
 * one account (unique keys, checked first for a clear message).  The
 * office cannot disable its own account or change its own role: the last
 * office account would lock everyone out.  A password is one the office
 * types (PW_MIN_LEN..PW_MAX_LEN) or one the page generates and shows once,
 * on the answer to the reset and nowhere else; either is stored only as
 * core/password.c's argon2id string, hashed before the transaction (0.1 s,
 * once even when the transaction runs again), and the audit row records
 * that it was set, never the password or its hash.
 *
 * Core auth keeps an account for account_cache_seconds per worker, so a
 * change of role, unit or a disabling takes effect within that time.
 */
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "password.h"
#include "office.h"

/* a generated password: this many characters of an alphabet without look-alikes (0/O, 1/l/I) */
#define OF_PW_GEN_LEN 16

enum { A_LOGIN, A_NAME, A_ROLE, A_UNIT, A_SSO, A_NONCE, A__MAX };
static const struct vfield afields[A__MAX] = {
	[A_LOGIN] = { "login", V_TOKEN, 1, 64, NULL },
	[A_NAME]  = { "name", V_TEXT, 1, 64, NULL },
	[A_ROLE]  = { "role", V_CHOICE, 1, 16, of_roles },
	[A_UNIT]  = { "unit", V_INT, 1, 10, NULL },
	[A_SSO]   = { "sso_name", V_TEXT, 0, 128, NULL },
	[A_NONCE] = { "nonce", V_TOKEN, 1, 32, NULL },
};

enum { E_NAME, E_ROLE, E_UNIT, E_SSO, E_VERSION, E__MAX };
static const struct vfield efields[E__MAX] = {
	[E_NAME]    = { "name", V_TEXT, 1, 64, NULL },
	[E_ROLE]    = { "role", V_CHOICE, 1, 16, of_roles },
	[E_UNIT]    = { "unit", V_INT, 1, 10, NULL },
	[E_SSO]     = { "sso_name", V_TEXT, 0, 128, NULL },
	[E_VERSION] = { "version", V_INT, 1, 10, NULL },
};

struct acc {
	const char *v[of_acc_col__MAX];
	int n;
};

static enum db_rc
acc_load(struct ctx *c, long long id, struct acc *a)
{
	struct db_val p[] = { DBI(id) };
	struct of_one o = { c, a->v, of_acc_col__MAX, 0 };
	enum db_rc rc = SQL_RUN(c, OF_SQL_ACC_GET, p, of_one_row, &o);
	a->n = o.n;
	return rc;
}

/* The account being saved, locked, at the form's version (of_locked). */
static int
acc_lock(struct ctx *c, struct acc *a, const char *version)
{
	struct of_one o = { c, a->v, of_acc_col__MAX, 0 };
	int st = OF_LOCKED(c, OF_SQL_ACC_LOCK, &o, AC_VERSION, version);
	a->n = o.n;
	return st;
}

static const char *const acc_names[] = { OF_ACC_COLS(DB_COL_NAME_) NULL };
static const struct of_rec acc_rec = { "account", acc_names, of_acc_col__MAX,
	(1ul << AC_NAME) | (1ul << AC_UNIT_NAME), AC_LOGIN };

static const char *
acc_json(struct ctx *c, const char *login, const char *name, const char *role, const char *unit,
    const char *sso, const char *active)
{
	static const char *const keys[] = { "login", "name", "role", "unit", "sso_name", "active", NULL };
	const char *vals[] = { login, name, role, unit, sso, active };
	return of_json(c, keys, vals);
}

static int
accounts_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	static const struct vfield af = { "after", V_TOKEN, 0, 64, NULL };
	static const struct vfield rf = { "role", V_CHOICE, 0, 16, of_roles };
	char nonce[TX_NONCE_LEN + 1];
	const char *q = of_query(c, "q"), *after = ctx_q(c, "after"), *role = ctx_q(c, "role");
	if (role == NULL)
		role = "";
	if (q == NULL || (after != NULL && valid_check(&af, after) != NULL) ||
	    (*role && valid_check(&rf, role) != NULL))
		return 400;
	c->view = VIEW(OF_VIEW_ACCOUNTS);
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "q", q);
	pg_attr(f, "role", role);
	if (after != NULL)
		pg_attr(f, "after", after);
	struct of_list l = { c, &acc_rec, pg_node(c->data, "accounts"), 0, "" };
	struct db_val p[] = { DBS(q), DBS(q), DBS(q), DBS(role), DBS(role), DBS(after ? after : "") };
	enum db_rc rc = SQL_RUN(c, OF_SQL_ACC_LIST, p, of_list_row, &l);
	if (rc != DB_OK || (rc = of_pick_node(c, c->data)) != DB_OK)
		return app_dberr(rc);
	const char *fresh[A__MAX] = { "", "", "unit_staff", "", "", "" };
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[A_NONCE] = nonce;
		vals = fresh;
	}
	pg_form(c, c->data, afields, A__MAX, vals, errs);
	return status;
}

int
of_accounts(struct ctx *c)
{
	return accounts_page(c, 200, NULL, NULL);
}

/* The checks a create and a change share: an open unit, an SSO name no other account has. */
struct check {
	int field;		/* the field a 422 is about (the form's index) */
	const char *code;
};

static int
unit_sso_ok(struct ctx *c, long long unit, const char *sso, long long self, struct check *ck,
    int unit_field, int sso_field)
{
	long long ok = 0, used = 0;
	enum db_rc rc;
	struct db_val u[] = { DBI(unit) };
	if ((rc = SQL_RUN(c, OF_SQL_UNIT_ACTIVE, u, db_int_row, &ok)) != DB_OK)
		return rc;
	if (ok == 0) {
		ck->field = unit_field;
		ck->code = "office_unit_bad";
		return 422;
	}
	if (*sso) {
		struct db_val s[] = { DBS(sso), DBI(self) };
		if ((rc = SQL_RUN(c, OF_SQL_ACC_SSO_USED, s, db_int_row, &used)) != DB_OK)
			return rc;
		if (used > 0) {
			ck->field = sso_field;
			ck->code = "office_sso_used";
			return 422;
		}
	}
	return 0;
}

struct create {
	const char **vals;
	struct check ck;
};

static int
create_tx(struct tx *t, void *arg)
{
	struct create *cr = arg;
	struct ctx *c = t->c;
	const char **v = cr->vals;
	long long used = 0;
	enum db_rc rc;
	struct db_val k[] = { DBS(v[A_LOGIN]) };
	if ((rc = SQL_RUN(c, OF_SQL_ACC_LOGIN_USED, k, db_int_row, &used)) != DB_OK)
		return rc;
	if (used > 0) {
		cr->ck.field = A_LOGIN;
		cr->ck.code = "office_login_used";
		return 422;
	}
	int st = unit_sso_ok(c, atoll(v[A_UNIT]), v[A_SSO], 0, &cr->ck, A_UNIT, A_SSO);
	if (st != 0)
		return st;
	struct db_val p[] = { DBS(v[A_LOGIN]), DBS(v[A_NAME]), DBS(v[A_ROLE]), DBI(atoll(v[A_UNIT])),
		DBSN(v[A_SSO]), DBS(c->acct.login), DBS(c->acct.login) };
	if ((rc = SQL_RUN(c, OF_SQL_ACC_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(c->db);
	t->record = "account";
	t->action = "create";
	t->after = acc_json(c, v[A_LOGIN], v[A_NAME], v[A_ROLE], v[A_UNIT], v[A_SSO], "1");
	t->then = ar_printf(c->ar, "/office/accounts/%lld?done=created", t->id);
	return TX_COMMIT;
}

int
of_account_create(struct ctx *c)
{
	const char *vals[A__MAX], *errs[A__MAX];
	size_t bad = valid_form(afields, A__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return accounts_page(c, 422, vals, errs);
	struct create cr = { vals, { A_LOGIN, NULL } };
	struct tx t = { .c = c, .nonce = vals[A_NONCE] };
	int st = tx_run(&t, create_tx, &cr);
	if (st == 422 || st == 409) {
		/* 409: a unique key (login, SSO name) caught a twin created at the same moment */
		errs[cr.ck.field] = cr.ck.code ? cr.ck.code : "office_login_used";
		return accounts_page(c, 422, vals, errs);
	}
	return st;
}

/* One account. */

static int
account_page(struct ctx *c, int status, const char **vals, const char **errs, const char *shown)
{
	struct acc a;
	enum db_rc rc = acc_load(c, c->id, &a);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (a.n == 0)
		return 404;
	c->view = VIEW(OF_VIEW_ACCOUNT);
	of_rec_node(c->data, &acc_rec, a.v);
	if ((rc = of_pick_node(c, c->data)) != DB_OK)
		return app_dberr(rc);
	const char *now[E__MAX] = { a.v[AC_NAME], a.v[AC_ROLE], a.v[AC_UNIT], a.v[AC_SSO], a.v[AC_VERSION] };
	pg_form(c, c->data, efields, E__MAX, vals ? vals : now, errs);
	xmlNodePtr pw = pg_node(c->data, "password");
	pg_attri(pw, "min", PW_MIN_LEN);
	pg_attri(pw, "max", PW_MAX_LEN);
	if (shown != NULL)
		pg_attr(pw, "shown", shown);
	if (c->acct.id == c->id)
		pg_attr(c->data, "self", "1");
	const char *done = ctx_q(c, "done");
	if (done != NULL && status == 200 && shown == NULL)
		pg_attr(c->data, "done", strlen(done) <= 16 ? done : "");
	return status;
}

int
of_account(struct ctx *c)
{
	return account_page(c, 200, NULL, NULL, NULL);
}

struct save {
	struct acc a;
	const char **vals;
	struct check ck;
	const char *hash;	/* the password reset's */
};

static int
save_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	enum db_rc rc;
	int st = acc_lock(c, &s->a, v[E_VERSION]);
	if (st != 0)
		return st;
	const char *const *o = s->a.v;
	if (c->id == c->acct.id && strcmp(o[AC_ROLE], v[E_ROLE]) != 0) {
		s->ck.field = E_ROLE;
		s->ck.code = "office_self";
		return 422;
	}
	/* a unit kept as it was may have closed meanwhile: only a new unit must be open */
	long long unit = atoll(v[E_UNIT]);
	if (unit != atoll(o[AC_UNIT])) {
		st = unit_sso_ok(c, unit, v[E_SSO], c->id, &s->ck, E_UNIT, E_SSO);
		if (st != 0)
			return st;
	} else if (*v[E_SSO]) {
		long long used = 0;
		struct db_val q[] = { DBS(v[E_SSO]), DBI(c->id) };
		if ((rc = SQL_RUN(c, OF_SQL_ACC_SSO_USED, q, db_int_row, &used)) != DB_OK)
			return rc;
		if (used > 0) {
			s->ck.field = E_SSO;
			s->ck.code = "office_sso_used";
			return 422;
		}
	}
	struct db_val p[] = { DBS(v[E_NAME]), DBS(v[E_ROLE]), DBI(unit), DBSN(v[E_SSO]), DBS(c->acct.login),
		DBI(c->id), DBI(atoll(v[E_VERSION])) };
	if ((rc = SQL_RUN(c, OF_SQL_ACC_UPDATE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->id = c->id;
	t->record = "account";
	t->action = "change";
	t->before = acc_json(c, o[AC_LOGIN], o[AC_NAME], o[AC_ROLE], o[AC_UNIT], o[AC_SSO], o[AC_ACTIVE]);
	t->after = acc_json(c, o[AC_LOGIN], v[E_NAME], v[E_ROLE], v[E_UNIT], v[E_SSO], o[AC_ACTIVE]);
	t->then = ar_printf(c->ar, "/office/accounts/%lld?done=changed", c->id);
	return TX_COMMIT;
}

int
of_account_save(struct ctx *c)
{
	const char *vals[E__MAX], *errs[E__MAX];
	size_t bad = valid_form(efields, E__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return account_page(c, 422, vals, errs, NULL);
	struct save s = { .vals = vals, .ck = { E_NAME, NULL } };
	struct tx t = { .c = c };
	int st = tx_run(&t, save_tx, &s);
	if (st == 409 && s.ck.code == NULL) {
		pg_conflict(c);
		return account_page(c, 409, vals, NULL, NULL);
	}
	if (st == 422 || st == 409) {
		const char *only[E__MAX] = { NULL };
		only[s.ck.field] = s.ck.code ? s.ck.code : "office_sso_used";
		return account_page(c, 422, vals, only, NULL);
	}
	return st;
}

/* Disable and enable. */

enum { X_ACTION, X_VERSION, X__MAX };
static const char *const vactions[] = { "disable", "enable", NULL };
static const struct vfield vfields[X__MAX] = {
	[X_ACTION]  = { "action", V_CHOICE, 1, 8, vactions },
	[X_VERSION] = { "version", V_INT, 1, 10, NULL },
};

/* The account c->id's sessions, ended in the caller's transaction. */
static enum db_rc
end_sessions(struct ctx *c)
{
	struct db_val p[] = { DBI(c->id) };
	return SQL_RUN(c, OF_SQL_ACC_SESSIONS_END, p, NULL, NULL);
}

static int
active_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	enum db_rc rc;
	int on = strcmp(v[X_ACTION], "enable") == 0;
	int st = acc_lock(c, &s->a, v[X_VERSION]);
	if (st != 0)
		return st;
	const char *const *o = s->a.v;
	if (strcmp(o[AC_ACTIVE], on ? "0" : "1") != 0)
		return 409;
	if (!on && c->id == c->acct.id) {
		s->ck.code = "office_self";
		return 422;
	}
	struct db_val p[] = { DBI(on), DBS(c->acct.login), DBI(c->id), DBI(atoll(v[X_VERSION])) };
	if ((rc = SQL_RUN(c, OF_SQL_ACC_ACTIVE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if (!on && (rc = end_sessions(c)) != DB_OK)
		return rc;
	t->id = c->id;
	t->record = "account";
	t->action = v[X_ACTION];
	t->before = acc_json(c, o[AC_LOGIN], o[AC_NAME], o[AC_ROLE], o[AC_UNIT], o[AC_SSO], o[AC_ACTIVE]);
	t->after = acc_json(c, o[AC_LOGIN], o[AC_NAME], o[AC_ROLE], o[AC_UNIT], o[AC_SSO], on ? "1" : "0");
	t->then = ar_printf(c->ar, "/office/accounts/%lld?done=%s", c->id, on ? "enabled" : "disabled");
	return TX_COMMIT;
}

int
of_account_active(struct ctx *c)
{
	const char *vals[X__MAX], *errs[X__MAX];
	if (valid_form(vfields, X__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0)
		return 400;
	struct save s = { .vals = vals };
	struct tx t = { .c = c };
	int st = tx_run(&t, active_tx, &s);
	if (st == 409) {
		pg_conflict(c);
		return account_page(c, 409, NULL, NULL, NULL);
	}
	if (st == 422) {
		pg_msg(c, "", s.ck.code);
		return account_page(c, 422, NULL, NULL, NULL);
	}
	return st;
}

/* The password. */

enum { P_MODE, P_PASSWORD, P_VERSION, P__MAX };
static const char *const pmodes[] = { "set", "generate", NULL };
static const struct vfield pfields[P__MAX] = {
	[P_MODE]     = { "mode", V_CHOICE, 1, 8, pmodes },
	[P_PASSWORD] = { "password", V_TEXT, 0, PW_MAX_LEN, NULL },
	[P_VERSION]  = { "version", V_INT, 1, 10, NULL },
};

static int
password_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	enum db_rc rc;
	int st = acc_lock(c, &s->a, v[P_VERSION]);
	if (st != 0)
		return st;
	struct db_val p[] = { DBS(s->hash), DBS(c->acct.login), DBI(c->id), DBI(atoll(v[P_VERSION])) };
	if ((rc = SQL_RUN(c, OF_SQL_ACC_PASSWORD, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if ((rc = end_sessions(c)) != DB_OK)
		return rc;
	t->id = c->id;
	t->record = "account";
	t->action = "password";
	/* that it was set and how, never the password or its hash */
	t->before = ar_printf(c->ar, "{\"password\":\"%s\"}", strcmp(s->a.v[AC_HAS_PW], "1") == 0 ? "set" : "none");
	t->after = ar_printf(c->ar, "{\"password\":\"%s\"}", strcmp(v[P_MODE], "set") == 0 ? "typed" : "generated");
	/* a generated password is shown on this answer (no redirect: a reload must not show it again) */
	t->then = strcmp(v[P_MODE], "set") == 0 ? ar_printf(c->ar, "/office/accounts/%lld?done=password", c->id) : NULL;
	return TX_COMMIT;
}

int
of_account_password(struct ctx *c)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	const char *vals[P__MAX], *errs[P__MAX];
	char gen[OF_PW_GEN_LEN + 1], hash[PW_HASH_MAX];
	const char *pw;
	if (valid_form(pfields, P__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0)
		return 400;
	if (strcmp(vals[P_MODE], "generate") == 0) {
		for (size_t i = 0; i < OF_PW_GEN_LEN; i++)
			gen[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
		gen[OF_PW_GEN_LEN] = '\0';
		pw = gen;
	} else {
		pw = vals[P_PASSWORD];
		size_t n = strlen(pw);
		if (n < PW_MIN_LEN || n > PW_MAX_LEN) {
			pg_msg(c, "", "office_pw_length");
			return account_page(c, 422, NULL, NULL, NULL);
		}
	}
	if (pw_hash(pw, strlen(pw), hash) != 0)
		return 500;
	struct save s = { .vals = vals, .hash = hash };
	struct tx t = { .c = c };
	int st = tx_run(&t, password_tx, &s);
	sodium_memzero(hash, sizeof(hash));
	if (st == 409) {
		sodium_memzero(gen, sizeof(gen));
		pg_conflict(c);
		return account_page(c, 409, NULL, NULL, NULL);
	}
	if (st == 200) {
		st = account_page(c, 200, NULL, NULL, ar_strdup(c->ar, gen));
		sodium_memzero(gen, sizeof(gen));
	}
	return st;
}
