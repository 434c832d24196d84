/*
 * main.c — wangan-websites: routes, views, settings, verbs (statements: sql.c).
 */
#include <stdio.h>
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
	{ REQ_GET,  "{id}/print", ws_print, ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml", ws_export, ROLES_READ_ALL | ROLE_CENTER, 0 },
};

static const char *const views[WS_VIEW__MAX] = {
	[WS_VIEW_LIST] = "websites/list", [WS_VIEW_FORM] = "websites/form", [WS_VIEW_SITE] = "websites/site",
	[WS_VIEW_PRINT] = "websites/print",
};

static const struct verb verbs[] = {
	{ "demo", "demo filings in every state", ws_demo },
};

static int
ws_init(const struct config *cfg)
{
	(void)cfg;
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
