/*
 * csrf.h — the token every POST carries: "<unix time>.<hex HMAC-SHA-256
 * (secret, login|time)>", bound to the account, valid for csrf_ttl seconds,
 * with no session kept on the server.
 */
#ifndef WANGAN_CSRF_H
#define WANGAN_CSRF_H
#include "config.h"

#define CSRF_TOKEN_MAX 80

void csrf_make(const struct config *cfg, const char *login, long now, char out[CSRF_TOKEN_MAX]);
/* 1 when token was made for login within the last csrf_ttl seconds. */
int  csrf_check(const struct config *cfg, const char *login, const char *token, long now);
#endif
