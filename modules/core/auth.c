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
