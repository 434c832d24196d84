/*
 * login.h — signing in (issue 13): the sign-in form, sessions, sign-out and
 * the check nginx makes before every request of every module.
 *
 * Routes (nginx-conf/modules/login.conf maps the public paths on them):
 *   GET  /login   → ""        the form (or, with login.mode = sso, a pointer
 *                              to the campus SSO)
 *   POST /login   → ""        checks the password, makes a session, 303 next
 *   POST /logout  → "logout"  ends the session (CSRF of the page), 303 /login
 *   GET  /_session → "session" (internal, auth_request) 204 with
 *                              X-Remote-User, or 401
 *
 * A session is a random token in the cookie wangan_session; the table
 * keeps only its SHA-256 (schema/024-login.sql).  Before sign-in there is no
 * account for a CSRF token to name, so the form's token is made for a
 * random pre-login nonce kept in the cookie wangan_pre: a site that cannot
 * read our cookie cannot make the token.
 *
 * Page XML under <data> (xslt/login/form.xsl reads these):
 *   form  <data mode="password|sso" sso-url? locked? out?> <form> (login, next;
 *         never the password) </data>; locked = seconds to wait
 */
#ifndef WANGAN_LOGIN_H
#define WANGAN_LOGIN_H
#include "app.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"
#include "tx.h"

/* the slow-down: from this many wrong passwords in a row, a lock ... */
#define LG_FAIL_LIMIT 5
/* ... of this many seconds, doubling with each further failure ... */
#define LG_LOCK_FIRST 30
/* ... up to this */
#define LG_LOCK_MAX 900
/* last_seen_at moves at most this often: the check stays a read */
#define LG_TOUCH_SECONDS 60
/* the cookie's token: 32 random bytes as hex */
#define LG_TOKEN_BYTES 32
#define LG_TOKEN_HEX (2 * LG_TOKEN_BYTES)
/* the pre-login nonce: 16 random bytes as hex */
#define LG_PRE_HEX 32
#define LG_LOGIN_MAX 64

#define LG_STATEMENTS(S) \
	/* the check (session.c): one primary-key read and the account's */ \
	S(LG_SQL_SESSION, 3) \
	S(LG_SQL_TOUCH, 1) \
	/* signing in (signin.c) */ \
	S(LG_SQL_ACCOUNT, 1) \
	S(LG_SQL_ATTEMPT, 1) \
	S(LG_SQL_FAIL, 5) \
	S(LG_SQL_RESET, 1) \
	S(LG_SQL_NEW, 4) \
	S(LG_SQL_END, 1) \
	S(LG_SQL_REHASH, 3) \
	/* housekeeping, at most once an hour per worker */ \
	S(LG_SQL_PURGE_SESSIONS, 0) \
	S(LG_SQL_PURGE_ATTEMPTS, 0)
DB_STATEMENTS(lg_sql_id, LG_STATEMENTS, LG_SQL__MAX);

#define LG_SESSION_COLS(C) C(SE_ACCOUNT, "account_id") C(SE_LOGIN, "login") C(SE_ROLE, "role") \
	C(SE_UNIT, "unit_id") C(SE_IDLE, "idle")
DB_COLUMNS(lg_session_col, LG_SESSION_COLS);
#define LG_ACCOUNT_COLS(C) C(AC_ID, "id") C(AC_LOGIN, "login") C(AC_ROLE, "role") \
	C(AC_UNIT, "unit_id") C(AC_HASH, "password_hash")
DB_COLUMNS(lg_account_col, LG_ACCOUNT_COLS);
#define LG_ATTEMPT_COLS(C) C(AT_FAILURES, "failures") C(AT_WAIT, "wait")
DB_COLUMNS(lg_attempt_col, LG_ATTEMPT_COLS);

extern const struct db_stmt lg_sql[LG_SQL__MAX];

enum lg_view { LG_VIEW_FORM, LG_VIEW__MAX };

enum lg_mode { LG_MODE_PASSWORD, LG_MODE_SSO, LG_MODE__MAX };

struct lg_settings {
	enum lg_mode mode;
	long idle_minutes;	/* login.idle_minutes, default 30 */
	long absolute_hours;	/* login.absolute_hours, default 10 */
	const char *sso_url;	/* login.sso_url: where the sso page links */
	char dummy_hash[128];	/* an argon2id string no password matches: unknown logins cost the same */
};
extern struct lg_settings lg_set;

/* A session found by its cookie (session.c). */
struct lg_session {
	char hash[LG_TOKEN_HEX + 1];	/* the token's SHA-256, the row's key */
	long long account_id, unit_id;
	const char *login, *role;
	long idle;			/* seconds since last_seen_at */
};

/* session.c */
int lg_check(struct ctx *c);
/*
 * Finds the valid session of the request's wangan_session cookie: 1 and s
 * filled, 0 when there is none (no cookie, unknown, ended, timed out, the
 * account inactive), or a db_rc < 0.  s->hash is filled whenever the
 * cookie had a well-formed token, valid or not.
 */
int lg_session_find(struct ctx *c, struct lg_session *s);
/* A fresh token in tok and its hash in hash (both hex, NUL-terminated). */
void lg_token(char tok[LG_TOKEN_HEX + 1], char hash[LG_TOKEN_HEX + 1]);
/* "; Secure" when the request came over HTTPS, else "". */
const char *lg_secure(const struct ctx *c);
/* Adds a Set-Cookie to the answer's (the language switch may have set one). */
void lg_cookie(struct ctx *c, const char *value);

/* signin.c */
int lg_form(struct ctx *c);
int lg_signin(struct ctx *c);
int lg_signout(struct ctx *c);
/* 1 when next is a path on this site that is safe to send a browser to. */
int lg_local_path(const char *next);
#endif
