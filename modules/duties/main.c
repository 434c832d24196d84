/*
 * main.c — wangan-duties: routes and views (statements: sql.c).
 */
#include "duties.h"

/* Who may act on an instance's evidence: its unit's accounts and the office (duty.c checks which). */
#define DU_WRITERS (ROLES_UNIT | ROLE_OFFICE)

static const struct route routes[] = {
	{ REQ_GET,  "",               du_list,         ROLES_ALL, 0 },
	{ REQ_GET,  "year",           du_year_form,    ROLE_OFFICE, 0 },
	{ REQ_POST, "year",           du_year_open,    ROLE_OFFICE, 0 },
	{ REQ_GET,  "{id}",           du_view,         ROLES_ALL, 0 },
	{ REQ_POST, "{id}/files",     du_upload,       DU_WRITERS, ROUTE_UPLOAD },
	{ REQ_POST, "{id}/figures",   du_save_figures, DU_WRITERS, 0 },
	{ REQ_POST, "{id}/submit",    du_submit,       DU_WRITERS, 0 },
	{ REQ_POST, "{id}/accept",    du_accept,       ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/return",    du_return,       ROLE_OFFICE, 0 },
	{ REQ_GET,  "files/{id}",     du_file,         ROLES_ALL, 0 },
	{ REQ_POST, "files/{id}/delete", du_file_delete, DU_WRITERS, 0 },
};

static const char *const views[DU_VIEW__MAX] = {
	[DU_VIEW_LIST] = "duties/list", [DU_VIEW_INSTANCE] = "duties/instance", [DU_VIEW_YEAR] = "duties/year",
};

static const struct module duties = {
	.name = "duties",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = du_sql, .nsql = DU_SQL__MAX,
	.views = views, .nviews = DU_VIEW__MAX,
};

int
main(int argc, char **argv)
{
	return app_main(&duties, argc, argv);
}
