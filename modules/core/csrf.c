/* csrf.c — see csrf.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csrf.h"
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
csrf_make(const struct config *cfg, const char *login, long now, char out[CSRF_TOKEN_MAX])
{
	char hex[65];
	csrf_mac(cfg, login, now, hex);
	snprintf(out, CSRF_TOKEN_MAX, "%ld.%s", now, hex);
}

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
