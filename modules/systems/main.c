/*
 * main.c — wangan-systems: routes, views, settings, verbs (statements: sql.c).
 */
#include <stdio.h>
#include "systems.h"

struct sys_settings sys_set;

const char *const sys_kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
	"dingtalk_app", "mobile_app", "other", NULL };
const char *const sys_hostings[] = { "cloud_vm", "hosted_server", "external", "campus", NULL };
const char *const sys_statuses[] = { "planned", "building", "trial", "online", "retired", NULL };
const char *const sys_levels[] = { "1", "2", "3", "4", NULL };
const char *const sys_results[] = { "pass", "basic_pass", "fail", NULL };

#define SYS_WRITERS (ROLES_UNIT | ROLE_OFFICE)

static const struct route routes[] = {
	{ REQ_GET,  "",                    sys_list,         ROLES_ALL, 0 },
	{ REQ_GET,  "overdue",             sys_overdue,      ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml",          sys_export,       ROLES_READ_ALL, 0 },
	/* importing a register: the office only (import.c) */
	{ REQ_GET,  "import",              sys_import_form,  ROLE_OFFICE, 0 },
	{ REQ_POST, "import",              sys_import_upload, ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_GET,  "import/template.csv", sys_import_template, ROLE_OFFICE, 0 },
	{ REQ_POST, "import/confirm",      sys_import_confirm, ROLE_OFFICE, 0 },
	{ REQ_GET,  "import/{id}",         sys_import_result, ROLE_OFFICE, 0 },
	{ REQ_GET,  "new",                 sys_form,         SYS_WRITERS, 0 },
	{ REQ_POST, "new",                 sys_save,         SYS_WRITERS, 0 },
	{ REQ_GET,  "{id}",                sys_view,         ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/print",          sys_print,        ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/edit",           sys_form,         SYS_WRITERS, 0 },
	{ REQ_POST, "{id}/edit",           sys_save,         SYS_WRITERS, 0 },
	{ REQ_GET,  "{id}/assess",         sys_assess_form,  ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/assess",         sys_assess,       ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_POST, "{id}/findings",       sys_finding_add,  ROLE_OFFICE, 0 },
	{ REQ_GET,  "assessments/{id}/report", sys_report,   ROLES_ALL, 0 },
	{ REQ_GET,  "findings/{id}",       sys_finding_form, SYS_WRITERS, 0 },
	{ REQ_POST, "findings/{id}",       sys_finding_save, SYS_WRITERS, 0 },
};

static const char *const views[SYS_VIEW__MAX] = {
	[SYS_VIEW_LIST] = "systems/list", [SYS_VIEW_OVERDUE] = "systems/overdue",
	[SYS_VIEW_SYSTEM] = "systems/system", [SYS_VIEW_PRINT] = "systems/print",
	[SYS_VIEW_FORM] = "systems/form", [SYS_VIEW_ASSESS] = "systems/assess",
	[SYS_VIEW_FINDING] = "systems/finding",
	[SYS_VIEW_IMPORT] = "systems/import",
};

static const struct verb verbs[] = {
	{ "demo", "synthetic demo data", sys_demo },
};

/*
 * systems.cycle_months_2/3/4: months between assessments by level (seed 003
 * art. 23: 24, 12, 6); systems.cii_due: MM-DD of the yearly CII report.
 */
static int
sys_init(const struct config *cfg)
{
	if (sys_settings_parse(&sys_set, cfg) != 0) {
		fprintf(stderr, "wangan-systems: systems.cii_due must be MM-DD\n");
		return -1;
	}
	return 0;
}

static const struct module systems = {
	.name = "systems",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = sys_sql, .nsql = SYS_SQL__MAX,
	.views = views, .nviews = SYS_VIEW__MAX,
	.init = sys_init,
	.export_fn = sys_export,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&systems, argc, argv);
}
