/*
 * main.c — wangan-dashboard: routes, views, settings (statements: sql.c).
 * The matrix is for the office, the leading group and the auditor; a unit's
 * own roles may read their unit's scorecard (card.c checks the unit).
 */
#include <stdio.h>
#include <string.h>
#include "dashboard.h"

#define DASH_DUTY_CODE_(id, code, mod) [id] = code,
#define DASH_DUTY_MOD_(id, code, mod) [id] = mod,
const char *const dash_duty_code[DUTY__MAX] = { DASH_DUTIES(DASH_DUTY_CODE_) };
const char *const dash_duty_module[DUTY__MAX] = { DASH_DUTIES(DASH_DUTY_MOD_) };

static const struct route routes[] = {
	{ REQ_GET,  "",            dash_matrix, ROLES_READ_ALL, 0 },
	{ REQ_GET,  "print",       dash_print, ROLES_READ_ALL, 0 },
	{ REQ_POST, "refresh",     dash_refresh_post, ROLE_OFFICE, 0 },
	{ REQ_GET,  "matrix.csv",  dash_csv, ROLES_READ_ALL, 0 },
	{ REQ_GET,  "matrix.xlsx", dash_xlsx, ROLES_READ_ALL, 0 },
	{ REQ_GET,  "charts",      dash_charts, ROLES_READ_ALL, 0 },
	{ REQ_GET,  "unit/{code}", dash_card, ROLES_READ_ALL | ROLES_UNIT, 0 },
};

#define DASH_VIEW_NAME_(id, name) [id] = name,
static const char *const views[DASH_VIEW__MAX] = { DASH_VIEWS(DASH_VIEW_NAME_) };

struct dash_settings dash_set;

/* "a, b c" → "a,b,c" into out (cap n); returns how many names. */
static long
list_norm(const char *in, char *out, size_t n)
{
	size_t k = 0;
	long names = 0;
	int sep = 1;
	for (const char *p = in; *p && k + 1 < n; p++) {
		if (*p == ' ' || *p == ',' || *p == '\t') {
			sep = 1;
			continue;
		}
		if (sep && names > 0)
			out[k++] = ',';
		if (sep)
			names++;
		sep = 0;
		if (k + 1 < n)
			out[k++] = *p;
	}
	out[k] = '\0';
	return names;
}

static int
dash_init(const struct config *cfg)
{
	dash_set.refresh_seconds = config_int(cfg, "dashboard.refresh_seconds", 60, 1, 86400);
	dash_set.soon_days = config_int(cfg, "dashboard.soon_days", 30, 0, 366);
	/* the same settings the modules read, with their defaults: the duty counts what they require */
	dash_set.nroles = list_norm(config_get(cfg, "registration.roles", "first,direct,secadmin"),
	    dash_set.roles, sizeof(dash_set.roles));
	list_norm(config_get(cfg, "pledges.resign_kinds", "school_pledge,unit_pledge"),
	    dash_set.resign_kinds, sizeof(dash_set.resign_kinds));
	for (int d = 0; d < DUTY__MAX; d++)
		for (size_t i = 0; i < cfg->nmodules; i++)
			if (strcmp(cfg->modules[i], dash_duty_module[d]) == 0)
				dash_set.enabled[d] = 1;
	for (size_t i = 0; i < cfg->nmodules; i++)
		if (strcmp(cfg->modules[i], "duties") == 0)
			dash_set.yearly = 1;
	return 0;
}

static int
dash_refresh_verb(struct ctx *c)
{
	int done = 0;
	enum db_rc rc = dash_refresh(c, 1, &done);
	if (rc != DB_OK)
		return 500;
	printf(done ? "dashboard: refreshed\n" : "dashboard: another worker is refreshing\n");
	return 0;
}

static const struct verb verbs[] = {
	{ "refresh", "refresh the dashboard's snapshot now", dash_refresh_verb },
};

static const struct module dashboard = {
	.name = "dashboard",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = dash_sql, .nsql = DASH_SQL__MAX,
	.views = views, .nviews = DASH_VIEW__MAX,
	.init = dash_init,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&dashboard, argc, argv);
}
