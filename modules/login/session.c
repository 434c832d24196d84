/*
 * session.c — the session cookie: finding its row, the check nginx's
 * auth_request makes before every request, fresh tokens, and the cookies'
 * attributes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <fcgiapp.h>
#include "log.h"
#include "login.h"
#include "resp.h"
#include "sha256.h"

/* Room for the answer's cookies: the language's, a session's and the pre-login nonce's. */
#define LG_COOKIES_MAX 512

static int
is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

static void
hash_token(const char *tok, char hash[LG_TOKEN_HEX + 1])
{
	unsigned char d[32];
	struct sha256 h;
	sha256_init(&h);
	sha256_update(&h, tok, strlen(tok));
	sha256_final(&h, d);
	hex_encode(d, sizeof(d), hash);
}

void
lg_token(char tok[LG_TOKEN_HEX + 1], char hash[LG_TOKEN_HEX + 1])
{
	unsigned char r[LG_TOKEN_BYTES];
	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		/* never on Linux for 32 bytes; a predictable token would be worse than stopping */
		log_msg("login: getrandom failed");
		abort();
	}
	hex_encode(r, sizeof(r), tok);
	hash_token(tok, hash);
}

const char *
lg_secure(const struct ctx *c)
{
	const char *https = c->fr != NULL ? FCGX_GetParam("HTTPS", c->fr->envp) : NULL;
	return https != NULL && strcmp(https, "on") == 0 ? "; Secure" : "";
}

void
lg_cookie(struct ctx *c, const char *value)
{
	/* resp.c writes "Set-Cookie: " c->cookie "\r\n": a second cookie is a second such line */
	const char *v = c->cookie == NULL ? value :
	    ar_printf(c->ar, "%s\r\nSet-Cookie: %s", c->cookie, value);
	if (v != NULL && strlen(v) < LG_COOKIES_MAX)
		c->cookie = v;
	else
		log_msg("%s login: cookie not set (too long)", c->reqid);
}

static int
session_row(void *arg, const struct db_row *r)
{
	struct lg_session *s = arg;
	s->account_id = atoll(r->v[SE_ACCOUNT]);
	s->unit_id = atoll(r->v[SE_UNIT]);
	s->login = r->v[SE_LOGIN];	/* copied by the caller before the next statement */
	s->role = r->v[SE_ROLE];
	s->idle = atol(r->v[SE_IDLE]);
	return 0;
}

int
lg_session_find(struct ctx *c, struct lg_session *s)
{
	char tok[LG_TOKEN_HEX + 2];
	memset(s, 0, sizeof(*s));
	if (req_cookie(c->req.cookie, "wangan_session", tok, sizeof(tok)) != 0 ||
	    !is_hex(tok, LG_TOKEN_HEX))
		return 0;
	hash_token(tok, s->hash);
	struct db_val p[] = { DBS(s->hash), DBI(lg_set.idle_minutes), DBI(lg_set.absolute_hours) };
	enum db_rc rc = SQL_RUN(c, LG_SQL_SESSION, p, session_row, s);
	if (rc != DB_OK)
		return rc;
	if (s->login == NULL)
		return 0;
	s->login = ar_strdup(c->ar, s->login);
	s->role = ar_strdup(c->ar, s->role);
	return s->login != NULL && s->role != NULL ? 1 : DB_ERR;
}

/* A login that can travel in a header: what account.login holds, never a line break. */
static int
header_safe(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if ((unsigned char)s[n] < 0x21 || s[n] == 0x7f)
			return 0;
	return n > 0 && n <= LG_LOGIN_MAX;
}

/*
 * GET /_session (nginx auth_request, internal): 204 and X-Remote-User for a
 * valid session, else 401, which nginx turns into the way to the sign-in
 * form.  Before every request of every module: one primary-key read, and
 * a write only when last_seen_at is a minute old.  With login.mode = sso no
 * session is ever made, so every answer is 401.
 */
int
lg_check(struct ctx *c)
{
	struct lg_session s;
	int found = lg_set.mode == LG_MODE_PASSWORD ? lg_session_find(c, &s) : 0;
	if (found < 0)
		return app_dberr((enum db_rc)found);
	if (found == 0 || !header_safe(s.login)) {
		resp_header(c, 401, "text/plain; charset=utf-8", NULL);
		return 401;
	}
	if (s.idle >= LG_TOUCH_SECONDS) {
		struct db_val p[] = { DBS(s.hash) };
		enum db_rc rc = SQL_RUN(c, LG_SQL_TOUCH, p, NULL, NULL);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	const char *h = ar_printf(c->ar, "X-Remote-User: %s\r\n", s.login);
	if (h == NULL)
		return 500;
	c->cookie = NULL;	/* nginx drops a subrequest's cookies anyway */
	resp_header(c, 204, "text/plain; charset=utf-8", h);
	return 204;
}
