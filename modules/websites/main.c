/*
 * main.c — wangan-websites: routes, views, settings, verbs (statements: sql.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include "websites.h"

const char *const ws_states[] = { "draft", "submitted", "approved", "rectifying", "recheck", "passed",
	"online", "returned", "withdrawn", "suspended", "discovered", "closed", NULL };
const char *const ws_locations[] = { "campus", "cloud_vm", "hosted", "external", NULL };
const char *const ws_builds[] = { "site_group", "own_db", NULL };

static const struct route routes[] = {
	{ REQ_GET,  "",          ws_list, ROLES_ALL, 0 },
	{ REQ_GET,  "new",       ws_form, ROLES_UNIT, 0 },
	{ REQ_POST, "new",       ws_save, ROLES_UNIT, 0 },
	{ REQ_GET,  "{id}",      ws_view, ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/edit", ws_form, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/edit", ws_save, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/step", ws_step, ROLES_UNIT | ROLE_CENTER, 0 },
	{ REQ_POST, "{id}/outage", ws_outage, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/incident", ws_incident, ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/check", ws_check, ROLES_ALL, 0 },
	{ REQ_POST, "{id}/recheck", ws_recheck, ROLES_ALL, 0 },
	{ REQ_GET,  "checklist", ws_checklist, ROLE_CENTER | ROLE_OFFICE, 0 },
	{ REQ_POST, "checklist", ws_checklist_add, ROLE_CENTER | ROLE_OFFICE, 0 },
	{ REQ_POST, "checklist/{id}", ws_checklist_set, ROLE_CENTER | ROLE_OFFICE, 0 },
	{ REQ_GET,  "{id}/refile", ws_refile_form, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/refile", ws_refile_save, ROLES_UNIT, 0 },
	{ REQ_POST, "{id}/refile/decide", ws_refile_decide, ROLES_UNIT | ROLE_CENTER, 0 },
	{ REQ_POST, "{id}/life", ws_life, ROLES_UNIT | ROLE_CENTER, 0 },
	{ REQ_GET,  "discovered", ws_discover_form, ROLE_CENTER, 0 },
	{ REQ_POST, "discovered", ws_discover_save, ROLE_CENTER, 0 },
	{ REQ_GET,  "{id}/print", ws_print, ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml", ws_export, ROLES_READ_ALL | ROLE_CENTER, 0 },
};

static const char *const views[WS_VIEW__MAX] = {
	[WS_VIEW_LIST] = "websites/list", [WS_VIEW_FORM] = "websites/form", [WS_VIEW_SITE] = "websites/site",
	[WS_VIEW_CHECKLIST] = "websites/checklist", [WS_VIEW_OVERDUE] = "websites/check-overdue",
	[WS_VIEW_REFILE] = "websites/refile", [WS_VIEW_DISCOVER] = "websites/discover",
	[WS_VIEW_PRINT] = "websites/print",
};

static const struct verb verbs[] = {
	{ "demo", "demo filings in every state", ws_demo },
	{ "watch", "watch the online sites, a round every websites.watch_minutes", ws_watch },
	{ "watch-once", "one round of the watcher", ws_watch_once },
};

struct ws_settings ws_set;

static int
ws_init(const struct config *cfg)
{
	if (ws_watch_init(cfg) != 0)
		return -1;
	/* the working days a discovered site has to be filed: a bad value stops the module here */
	const char *d = config_get(cfg, "websites.discover_days", "");
	if (*d == '\0')
		d = "5";	/* not set: the default */
	char *end;
	long n = strtol(d, &end, 10);
	if (*end != '\0' || n < 1 || n > 60) {
		fprintf(stderr, "wangan-websites: websites.discover_days must be 1 to 60 working days, not \"%s\"\n", d);
		return -1;
	}
	ws_set.discover_days = (int)n;
	return 0;
}

static const struct module websites = {
	.name = "websites",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = ws_sql, .nsql = WS_SQL__MAX,
	.views = views, .nviews = WS_VIEW__MAX,
	.init = ws_init,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
	.export_fn = ws_export,
};

int
main(int argc, char **argv)
{
	return app_main(&websites, argc, argv);
}
