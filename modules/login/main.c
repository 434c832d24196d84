/*
 * main.c — wangan-login: routes, the view, settings (statements: sql.c).
 * Every route is public (ROUTE_PUBLIC): before sign-in there is no account,
 * and each handler makes its own CSRF check (signin.c).
 */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include "login.h"
#include "password.h"
#include "sha256.h"

static const struct route routes[] = {
	{ REQ_GET,  "",        lg_form,    ROLES_ALL, ROUTE_PUBLIC },
	{ REQ_POST, "",        lg_signin,  ROLES_ALL, ROUTE_PUBLIC },
	{ REQ_POST, "logout",  lg_signout, ROLES_ALL, ROUTE_PUBLIC },
	{ REQ_GET,  "session", lg_check,   ROLES_ALL, ROUTE_PUBLIC | ROUTE_QUIET },
};

static const char *const views[LG_VIEW__MAX] = {
	[LG_VIEW_FORM] = "login/form",
};

struct lg_settings lg_set;

static int
lg_init(const struct config *cfg)
{
	const char *mode = config_get(cfg, "login.mode", "password");
	if (strcmp(mode, "password") == 0 || *mode == '\0') {
		lg_set.mode = LG_MODE_PASSWORD;
	} else if (strcmp(mode, "sso") == 0) {
		lg_set.mode = LG_MODE_SSO;
	} else {
		fprintf(stderr, "wangan-login: login.mode must be password or sso, not \"%s\"\n", mode);
		return -1;
	}
	lg_set.sso_url = config_get(cfg, "login.sso_url", "");
	if (lg_set.mode == LG_MODE_SSO && strncmp(lg_set.sso_url, "https://", 8) != 0 &&
	    strncmp(lg_set.sso_url, "http://", 7) != 0) {
		fprintf(stderr, "wangan-login: login.mode = sso needs login.sso_url (http:// or https://)\n");
		return -1;
	}
	lg_set.idle_minutes = config_int(cfg, "login.idle_minutes", 30, 1, 24 * 60);
	lg_set.absolute_hours = config_int(cfg, "login.absolute_hours", 10, 1, 24 * 31);
	/*
	 * A hash of a random password nobody knows, made once before the workers
	 * fork: an unknown login is verified against it, so it takes as long as
	 * a known one.
	 */
	unsigned char r[16];
	char pw[33];
	if (pw_init() != 0 || getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		fprintf(stderr, "wangan-login: cannot start libsodium\n");
		return -1;
	}
	hex_encode(r, sizeof(r), pw);
	_Static_assert(sizeof(lg_set.dummy_hash) >= PW_HASH_MAX, "dummy_hash holds a hash");
	if (pw_hash(pw, strlen(pw), lg_set.dummy_hash) != 0) {
		fprintf(stderr, "wangan-login: cannot hash (out of memory?)\n");
		return -1;
	}
	return 0;
}

static const struct module login = {
	.name = "login",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = lg_sql, .nsql = LG_SQL__MAX,
	.views = views, .nviews = LG_VIEW__MAX,
	.init = lg_init,
};

int
main(int argc, char **argv)
{
	return app_main(&login, argc, argv);
}
