/*
 * auth.c — who may touch which record, CSRF tokens, nonces.
 * A CSRF token is "<unix time>.<hex HMAC-SHA-256(secret, login|time)>": no
 * server-side session, bound to the account, valid for csrf_ttl seconds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include "app.h"
#include "log.h"
#include "sha256.h"

static void
csrf_mac(const struct config *cfg, const char *login, long ts, char hex[65])
{
	char msg[160];
	unsigned char mac[32];
	int n = snprintf(msg, sizeof(msg), "%s|%ld", login, ts);
	const char *key = cfg->csrf_secret ? cfg->csrf_secret : "";
	hmac_sha256(key, strlen(key), msg, n > 0 ? (size_t)n : 0, mac);
	hex_encode(mac, sizeof(mac), hex);
}

void
csrf_make(const struct config *cfg, const char *login, long now, char out[80])
{
	char hex[65];
	csrf_mac(cfg, login, now, hex);
	snprintf(out, 80, "%ld.%s", now, hex);
}

/* 1 when token was made for login within the last csrf_ttl seconds. */
int
csrf_check(const struct config *cfg, const char *login, const char *token, long now)
{
	char hex[65], *end;
	if (token == NULL || cfg->csrf_secret == NULL || *cfg->csrf_secret == '\0')
		return 0;
	errno = 0;
	long ts = strtol(token, &end, 10);
	if (errno == ERANGE || end == token || *end != '.' || strlen(end + 1) != 64)
		return 0;
	/* written so that no subtraction can overflow on a hostile ts */
	if (ts > now + 60 || ts < now - cfg->csrf_ttl)
		return 0;
	csrf_mac(cfg, login, ts, hex);
	unsigned char diff = 0;	/* constant time: no early exit */
	for (int i = 0; i < 64; i++)
		diff |= (unsigned char)(hex[i] ^ end[1 + i]);
	return diff == 0;
}

void
app_nonce(char out[33])
{
	unsigned char r[16];
	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		/* getrandom on Linux ≥ 3.17 does not fail for 16 bytes; be loud if it does */
		log_msg("auth: getrandom failed");
		abort();
	}
	hex_encode(r, sizeof(r), out);
}

int
auth_unit_read(struct ctx *c, long long unit_id)
{
	return (c->acct.role & ROLES_READ_ALL) || c->acct.unit_id == unit_id;
}

int
auth_unit_write(struct ctx *c, long long unit_id)
{
	if (c->acct.role == ROLE_OFFICE)
		return 1;
	return (c->acct.role & ROLES_UNIT) && c->acct.unit_id == unit_id;
}

int
auth_deny(struct ctx *c, const char *record_type, long long record_id)
{
	log_msg("%s DENIED account=%s role=%s unit=%lld %s %s=%lld", c->reqid,
	    c->acct.login, c->acct.role_name, c->acct.unit_id, c->req.path,
	    record_type, record_id);
	/* The attempt is evidence ("倒查"): keep it outside any transaction. */
	if (audit_write(c, record_type, record_id, "denied", NULL, NULL) != DB_OK)
		log_msg("%s audit of a denied access failed", c->reqid);
	c->view = "core/error";
	pg_attr(c->data, "code", "forbidden_record");
	return 403;
}

/*
 * The account cache: REMOTE_USER → account, per worker, for
 * account_cache_seconds (default 5; 0 turns it off).  Every page needs the
 * account, and the lookup was a database round trip on each request; a
 * change to an account (role, unit, deactivation) takes effect within the
 * TTL, far stricter than a session would be.  Unknown logins are never
 * cached, so a new account works at once.
 */
#define ACACHE_SLOTS 64

static struct acache {
	struct account a;
	time_t at;
	char login[65], name[256], code[33], unit[512], unit_en[512];
} acache[ACACHE_SLOTS];

static size_t
acache_slot(const char *login)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)login; *p; p++)
		h = h * 33 + *p;
	return h % ACACHE_SLOTS;
}

int
auth_cache_get(const char *login, struct account *out, long ttl)
{
	struct acache *e = &acache[acache_slot(login)];
	if (ttl <= 0 || e->at == 0 || time(NULL) - e->at >= ttl || strcmp(e->login, login) != 0)
		return 0;
	*out = e->a;
	return 1;
}

void
auth_cache_put(const struct account *a)
{
	struct acache *e = &acache[acache_slot(a->login)];
	/* Values that do not fit are simply not cached: the database stays the truth. */
	if (strlen(a->login) >= sizeof(e->login) || strlen(a->name) >= sizeof(e->name) ||
	    strlen(a->unit_code) >= sizeof(e->code) || strlen(a->unit_name) >= sizeof(e->unit) ||
	    strlen(a->unit_name_en) >= sizeof(e->unit_en)) {
		e->at = 0;
		return;
	}
	memcpy(e->login, a->login, strlen(a->login) + 1);
	memcpy(e->name, a->name, strlen(a->name) + 1);
	memcpy(e->code, a->unit_code, strlen(a->unit_code) + 1);
	memcpy(e->unit, a->unit_name, strlen(a->unit_name) + 1);
	memcpy(e->unit_en, a->unit_name_en, strlen(a->unit_name_en) + 1);
	e->a = *a;
	e->a.login = e->login;
	e->a.name = e->name;
	e->a.unit_code = e->code;
	e->a.unit_name = e->unit;
	e->a.unit_name_en = e->unit_en;
	e->at = time(NULL);
}
