/*
 * signin.c — the sign-in form, checking a password, the slow-down after
 * wrong ones, and signing out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <fcgiapp.h>
#include "buf.h"
#include "csrf.h"
#include "log.h"
#include "login.h"
#include "password.h"
#include "resp.h"
#include "sha256.h"

enum { F_LOGIN, F_NEXT, F__MAX };
static const struct vfield fields[F__MAX] = {
	[F_LOGIN] = { "login", V_TEXT, 1, LG_LOGIN_MAX, NULL },
	[F_NEXT] = { "next", V_TEXT, 0, REQ_MAX_PATH, NULL },
};

/* The housekeeping's period: dead sessions and old attempts, per worker. */
#define LG_PURGE_SECONDS 3600

int
lg_local_path(const char *s)
{
	/*
	 * A path on this site: "/" and not "//" or "/\" (another host to a
	 * browser), no control character or blank anywhere (browsers drop tabs
	 * and newlines, so "/\t/evil" would become "//evil"), no backslash.
	 */
	if (s == NULL || s[0] != '/' || s[1] == '/' || strlen(s) > REQ_MAX_PATH)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	return 1;
}

/* The CSRF subject of a pre-login nonce: a blank, which no login has, keeps it apart from accounts. */
static const char *
pre_subject(struct ctx *c, const char *nonce)
{
	return ar_printf(c->ar, "pre-login %s", nonce);
}

/* The request's pre-login nonce when its cookie is well formed, else NULL. */
static const char *
pre_nonce(struct ctx *c)
{
	char v[LG_PRE_HEX + 2];
	if (req_cookie(c->req.cookie, "wangan_pre", v, sizeof(v)) != 0 || strlen(v) != LG_PRE_HEX)
		return NULL;
	for (const char *p = v; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return NULL;
	return ar_strdup(c->ar, v);
}

/* The page's CSRF token for the nonce the browser has, or a new nonce in a cookie. */
static void
pre_token(struct ctx *c)
{
	char tok[CSRF_TOKEN_MAX];
	const char *nonce = pre_nonce(c);
	if (nonce == NULL) {
		char fresh[TX_NONCE_LEN + 1];
		tx_nonce(fresh);
		nonce = ar_strdup(c->ar, fresh);
		lg_cookie(c, ar_printf(c->ar, "wangan_pre=%s; Path=/; HttpOnly; SameSite=Lax%s",
		    fresh, lg_secure(c)));
	}
	const char *subj = nonce ? pre_subject(c, nonce) : NULL;
	if (subj == NULL)
		return;
	csrf_make(c->cfg, subj, (long)time(NULL), tok);
	pg_text(c->root, "csrf", tok);
}

/* The form page: login and next as given (never the password), the mode, a lock's wait. */
static int
render(struct ctx *c, int status, const char **vals, const char **errs, long locked)
{
	if (c->doc == NULL)
		pg_begin(c);
	c->view = VIEW(LG_VIEW_FORM);
	pg_attr(c->data, "mode", lg_set.mode == LG_MODE_SSO ? "sso" : "password");
	if (lg_set.mode == LG_MODE_SSO) {
		pg_attr(c->data, "sso-url", lg_set.sso_url);
		return status;
	}
	if (locked > 0)
		pg_attri(c->data, "locked", locked);
	pre_token(c);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

/* "%XX" for everything but unreserved characters (so '/' too: an escaped next never starts "/"). */
static const char *
url_escape(struct ctx *c, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;
	buf_init(&b, c->ar, 3 * REQ_MAX_PATH + 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p) != NULL) {
			buf_add(&b, (const char *)p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buf_add(&b, e, 3);
		}
	}
	return buf_cstr(&b);
}

/*
 * GET /login.  nginx sends a signed-out GET here as /login?next=$request_uri,
 * the original URI unescaped (nginx cannot escape it), so a query of its own
 * would be cut at its first '&': that form is answered with a redirect to
 * the same next escaped, and from then on next is an ordinary parameter
 * (the language switch can append to it).
 */
int
lg_form(struct ctx *c)
{
	const char *q = c->req.query;
	const char *vals[F__MAX] = { "", "/" };
	if (q != NULL && strncmp(q, "next=/", 6) == 0) {
		const char *raw = q + 5;
		const char *to = ar_printf(c->ar, "/login?next=%s", url_escape(c, lg_local_path(raw) ? raw : "/"));
		if (to == NULL || strlen(to) > REQ_MAX_PATH)
			to = "/login";
		return resp_redirect(c, to);
	}
	const char *next = ctx_q(c, "next");
	if (lg_local_path(next))
		vals[F_NEXT] = next;
	pg_begin(c);
	if (ctx_q(c, "out") != NULL)
		pg_attr(c->data, "out", "1");
	return render(c, 200, vals, NULL, 0);
}

/* What a wrong password's transaction needs and tells. */
struct fail {
	const char *login;	/* as typed */
	long long account;	/* its account, or 0 */
	long wait;		/* after it: seconds locked, or 0 */
};

static int
attempt_row(void *arg, const struct db_row *r)
{
	*(long *)arg = atol(r->v[AT_WAIT]);
	return 0;
}

static int
fail_tx(struct tx *t, void *arg)
{
	struct fail *f = arg;
	struct db_val p[] = { DBS(f->login), DBI(LG_FAIL_LIMIT), DBI(LG_LOCK_FIRST), DBI(LG_FAIL_LIMIT),
		DBI(LG_LOCK_MAX) };
	struct db_val k[] = { DBS(f->login) };
	enum db_rc rc;
	f->wait = 0;
	if ((rc = SQL_RUN(t->c, LG_SQL_FAIL, p, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(t->c, LG_SQL_ATTEMPT, k, attempt_row, &f->wait)) != DB_OK)
		return rc;
	if (f->wait > 0 && (rc = tx_audit(t, "account", f->account, "login_locked", NULL,
	    ar_printf(t->c->ar, "{\"seconds\":%ld}", f->wait))) != DB_OK)
		return rc;
	t->record = "account";
	t->id = f->account;
	t->action = "login_failed";
	return TX_COMMIT;
}

/* What a good password's transaction needs. */
struct good {
	const char *login;
	long long account;
	const char *old_hash;	/* the session cookie the browser still had, or NULL */
	char tok[LG_TOKEN_HEX + 1], hash[LG_TOKEN_HEX + 1];
	const char *addr;
	const char *pw_old;	/* the verified hash, when it was made at another cost */
	char pw_new[PW_HASH_MAX];	/* its replacement */
};

static int
good_tx(struct tx *t, void *arg)
{
	struct good *g = arg;
	enum db_rc rc;
	/* rotated: whatever session this browser had ends; the new one has a new token */
	if (g->old_hash != NULL) {
		struct db_val o[] = { DBS(g->old_hash) };
		if ((rc = SQL_RUN(t->c, LG_SQL_END, o, NULL, NULL)) != DB_OK)
			return rc;
	}
	struct db_val n[] = { DBS(g->hash), DBI(g->account), DBI(lg_set.absolute_hours), DBS(g->addr) };
	struct db_val k[] = { DBS(g->login) };
	if ((rc = SQL_RUN(t->c, LG_SQL_NEW, n, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(t->c, LG_SQL_RESET, k, NULL, NULL)) != DB_OK)
		return rc;
	if (g->pw_old != NULL) {
		struct db_val r[] = { DBS(g->pw_new), DBI(g->account), DBS(g->pw_old) };
		if ((rc = SQL_RUN(t->c, LG_SQL_REHASH, r, NULL, NULL)) != DB_OK)
			return rc;
	}
	t->record = "account";
	t->id = g->account;
	t->action = "login";
	t->after = ar_printf(t->c->ar, "{\"addr\":\"%s\"}", g->addr);
	return TX_COMMIT;
}

struct acc {
	long long id, unit;
	const char *login, *role, *hash;
};

static int
account_row(void *arg, const struct db_row *r)
{
	struct acc *a = arg;
	a->id = atoll(r->v[AC_ID]);
	a->unit = atoll(r->v[AC_UNIT]);
	a->login = r->v[AC_LOGIN];
	a->role = r->v[AC_ROLE];
	a->hash = r->v[AC_HASH];
	return 0;
}

/* REMOTE_ADDR when it looks like an address (it goes into the audit's JSON), else "". */
static const char *
remote_addr(struct ctx *c)
{
	const char *a = c->fr != NULL ? FCGX_GetParam("REMOTE_ADDR", c->fr->envp) : NULL;
	if (a == NULL || strlen(a) > 45)
		return "";
	for (const char *p = a; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F') ||
		    *p == '.' || *p == ':'))
			return "";
	return a;
}

static void
purge(struct ctx *c)
{
	static time_t last;
	time_t now = time(NULL);
	if (now - last < LG_PURGE_SECONDS)
		return;
	last = now;
	if (SQL_RUN0(c, LG_SQL_PURGE_SESSIONS, NULL, NULL) != DB_OK ||
	    SQL_RUN0(c, LG_SQL_PURGE_ATTEMPTS, NULL, NULL) != DB_OK)
		log_msg("%s login: housekeeping failed", c->reqid);
}

/* The account's fields for the audit row (audit.c reads c->acct). */
static void
as_account(struct ctx *c, long long id, const char *login, const char *role, long long unit)
{
	c->acct.id = id;
	c->acct.login = login;
	c->acct.role_name = role;
	c->acct.unit_id = unit;
}

/*
 * POST /login.  Order matters: the form's token first (nothing else is
 * looked at for a forged post), then the lock (a locked login is refused
 * before any hash is computed), then exactly one argon2id verification —
 * of the account's hash, or of a dummy for an unknown, inactive or
 * password-less login, so all three cost the same time and get the same
 * words.
 */
int
lg_signin(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	if (lg_set.mode == LG_MODE_SSO) {
		pg_begin(c);
		return render(c, 403, NULL, NULL, 0);
	}
	const char *nonce = pre_nonce(c);
	const char *subj = nonce ? pre_subject(c, nonce) : NULL;
	if (subj == NULL || !csrf_check(c->cfg, subj, ctx_f(c, "csrf"), (long)time(NULL))) {
		log_msg("%s login: CSRF token missing or invalid", c->reqid);
		return pg_error(c, 403, "csrf");
	}
	pg_begin(c);
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	/* next is hidden and nobody typed it: a bad one is just not followed */
	if (errs[F_NEXT] != NULL) {
		errs[F_NEXT] = NULL;
		bad--;
	}
	if (!lg_local_path(vals[F_NEXT]))
		vals[F_NEXT] = "/";
	const char *pw = ctx_f(c, "password");
	size_t pwlen = pw ? strlen(pw) : 0;
	if (pwlen == 0) {
		pg_msg(c, "password", "required");
		bad++;
	} else if (pwlen > PW_MAX_LEN) {
		pg_msg(c, "password", "too_long");
		bad++;
	}
	if (bad)
		return render(c, 422, vals, errs, 0);

	const char *login = vals[F_LOGIN];
	long wait = 0;
	struct db_val k[] = { DBS(login) };
	enum db_rc rc = SQL_RUN(c, LG_SQL_ATTEMPT, k, attempt_row, &wait);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (wait > 0) {
		log_msg("%s login: '%s' is locked for %lds; not checked", c->reqid, login, wait);
		return render(c, 429, vals, NULL, wait);
	}
	struct acc a = { 0 };
	if ((rc = SQL_RUN(c, LG_SQL_ACCOUNT, k, account_row, &a)) != DB_OK)
		return app_dberr(rc);
	int known = a.login != NULL && *a.hash != '\0';
	if (a.login != NULL) {
		a.login = ar_strdup(c->ar, a.login);
		a.role = ar_strdup(c->ar, a.role);
		a.hash = ar_strdup(c->ar, a.hash);
	}
	int ok = pw_verify(known ? a.hash : lg_set.dummy_hash, pw, pwlen) && known;
	purge(c);

	struct tx t = { .c = c };
	if (!ok) {
		struct fail f = { .login = login, .account = a.login ? a.id : 0 };
		if (a.login != NULL)
			as_account(c, a.id, a.login, a.role, a.unit);
		else
			as_account(c, 0, login, "", 0);
		int st = tx_run(&t, fail_tx, &f);
		memset(&c->acct, 0, sizeof(c->acct));
		if (st != 200)
			return st;
		log_msg("%s login: wrong password for '%s'%s", c->reqid, login, f.wait ? ", now locked" : "");
		pg_msg(c, NULL, "bad_credentials");
		return render(c, f.wait > 0 ? 429 : 422, vals, NULL, f.wait);
	}
	struct good g = { .login = a.login, .account = a.id, .addr = remote_addr(c) };
	struct lg_session old;
	int had = lg_session_find(c, &old);
	if (had < 0)
		return app_dberr((enum db_rc)had);
	if (*old.hash)
		g.old_hash = old.hash;	/* valid or not: the row, if any, goes */
	lg_token(g.tok, g.hash);
	/* the one extra hash, once per account after the cost is raised */
	if (pw_needs_rehash(a.hash) && pw_hash(pw, pwlen, g.pw_new) == 0)
		g.pw_old = a.hash;
	as_account(c, a.id, a.login, a.role, a.unit);
	int st = tx_run(&t, good_tx, &g);
	if (st != 200)
		return st;
	lg_cookie(c, ar_printf(c->ar, "wangan_session=%s; Path=/; HttpOnly; SameSite=Lax%s",
	    g.tok, lg_secure(c)));
	pg_end(c);
	return resp_redirect(c, vals[F_NEXT]);
}

static int
end_tx(struct tx *t, void *arg)
{
	struct lg_session *s = arg;
	struct db_val p[] = { DBS(s->hash) };
	enum db_rc rc = SQL_RUN(t->c, LG_SQL_END, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	t->record = "account";
	t->id = s->account_id;
	t->action = "logout";
	return TX_COMMIT;
}

/*
 * POST /logout, from the sign-out button every page carries: the page's
 * CSRF token, made for the account, must come with it, so another site
 * cannot sign a person out.  The row is deleted (the cookie is worthless
 * from then on, wherever a copy of it is) and the cookie cleared.
 */
int
lg_signout(struct ctx *c)
{
	struct lg_session s;
	int found = lg_session_find(c, &s);
	if (found < 0)
		return app_dberr((enum db_rc)found);
	if (found == 1) {
		if (!csrf_check(c->cfg, s.login, ctx_f(c, "csrf"), (long)time(NULL))) {
			log_msg("%s logout: CSRF token missing or invalid for %s", c->reqid, s.login);
			return pg_error(c, 403, "csrf");
		}
		as_account(c, s.account_id, s.login, s.role, s.unit_id);
		struct tx t = { .c = c };
		int st = tx_run(&t, end_tx, &s);
		if (st != 200)
			return st;
	}
	lg_cookie(c, ar_printf(c->ar, "wangan_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
	    lg_secure(c)));
	return resp_redirect(c, "/login?out=1");
}
