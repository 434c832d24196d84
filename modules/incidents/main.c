/*
 * main.c — wangan-incidents: routes, views, settings (statements: sql.c, demo data: demo.c).
 */
#include <stdio.h>
#include <string.h>
#include "incidents.h"

struct inc_settings inc_set;

static const struct route routes[] = {
	{ REQ_GET,  "",                     inc_board,          ROLES_ALL, 0 },
	{ REQ_GET,  "board.xml",            inc_board_xml,      ROLES_ALL, 0 },
	{ REQ_GET,  "list",                 inc_list,           ROLES_ALL, 0 },
	{ REQ_GET,  "new",                  inc_new_form,       ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "new",                  inc_new,            ROLES_UNIT | ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_GET,  "{id}",                 inc_incident,       ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/print",           inc_print,          ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/edit",            inc_edit_form,      ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/edit",            inc_edit,           ROLES_UNIT | ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_POST, "{id}/oral",            inc_step,           ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/written",         inc_step,           ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/review",          inc_step,           ROLE_UNIT_HEAD, 0 },
	{ REQ_POST, "{id}/handled",         inc_step,           ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/rectify",         inc_step,           ROLES_UNIT | ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_POST, "{id}/propose",         inc_step,           ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/confirm",         inc_step,           ROLE_LEADER, 0 },
	{ REQ_POST, "{id}/close",           inc_step,           ROLE_OFFICE, 0 },
	{ REQ_GET,  "files/{id}",           inc_file,           ROLES_ALL, 0 },
	{ REQ_GET,  "notices",              inc_notices,        ROLES_ALL, 0 },
	{ REQ_GET,  "notices/new",          inc_notice_form,    ROLE_OFFICE, 0 },
	{ REQ_POST, "notices/new",          inc_notice_new,     ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_GET,  "notices/{id}",         inc_notice,         ROLES_ALL, 0 },
	{ REQ_POST, "notices/{id}/respond", inc_notice_respond, ROLES_UNIT, ROUTE_UPLOAD },
	{ REQ_POST, "notices/{id}/accept",  inc_notice_decide,  ROLE_OFFICE, 0 },
	{ REQ_POST, "notices/{id}/return",  inc_notice_decide,  ROLE_OFFICE, 0 },
	{ REQ_GET,  "rectify",              inc_rectify_list,   ROLES_ALL, 0 },
	{ REQ_GET,  "rectify/new",          inc_rectify_form,   ROLE_OFFICE, 0 },
	{ REQ_POST, "rectify/new",          inc_rectify_new,    ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_GET,  "rectify/{id}",         inc_rectify,        ROLES_ALL, 0 },
	{ REQ_GET,  "rectify/{id}/print",   inc_rectify_print,  ROLES_ALL, 0 },
	{ REQ_POST, "rectify/{id}/report",  inc_rectify_report, ROLES_UNIT, ROUTE_UPLOAD },
	{ REQ_POST, "rectify/{id}/close",   inc_rectify_decide, ROLE_OFFICE, 0 },
	{ REQ_POST, "rectify/{id}/return",  inc_rectify_decide, ROLE_OFFICE, 0 },
	{ REQ_GET,  "periods",              inc_periods,        ROLES_ALL, 0 },
	{ REQ_GET,  "periods/new",          inc_period_form,    ROLE_OFFICE, 0 },
	{ REQ_POST, "periods/new",          inc_period_new,     ROLE_OFFICE, 0 },
	{ REQ_GET,  "periods/{id}",         inc_period,         ROLES_ALL, 0 },
	{ REQ_POST, "periods/{id}/report",  inc_period_report,  ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_GET,  "export.xml",           inc_export,         ROLES_READ_ALL, 0 },
};

static const char *const views[INC_VIEW__MAX] = {
	[INC_VIEW_BOARD] = "incidents/board", [INC_VIEW_LIST] = "incidents/list",
	[INC_VIEW_INCIDENT] = "incidents/incident", [INC_VIEW_SHEET] = "incidents/sheet",
	[INC_VIEW_PRINT] = "incidents/print", [INC_VIEW_NOTICES] = "incidents/notices",
	[INC_VIEW_NOTICE] = "incidents/notice", [INC_VIEW_NOTICE_FORM] = "incidents/notice_form",
	[INC_VIEW_PERIODS] = "incidents/periods", [INC_VIEW_PERIOD] = "incidents/period",
	[INC_VIEW_PERIOD_FORM] = "incidents/period_form", [INC_VIEW_RECTIFY_LIST] = "incidents/rectify_list",
	[INC_VIEW_RECTIFY] = "incidents/rectify", [INC_VIEW_RECTIFY_FORM] = "incidents/rectify_form",
	[INC_VIEW_RECTIFY_PRINT] = "incidents/rectify_print",
};

/* `wangan-incidents --demo`: the synthetic examples `make run` and the tests start from. */
static const struct verb verbs[] = {
	{ "demo", "synthetic demo data", inc_demo },
};

/*
 * The limits of the clock (DOMAIN.md §6): the site's reporting profile
 * (profile.c; seed 003 appendix 9 by default), each limit overridden by its
 * own key, in minutes and working days, the working days of a threat notice (seed 000 §4(3)),
 * and the taxonomy a new sheet offers first.  A site whose limits do not
 * rise (on time ≤ late ≤ missed) does not start: every later
 * classification would be nonsense.
 */
static int
inc_init(const struct config *cfg)
{
	struct inc_limits *l = &inc_set.lim;
	const char *prof = config_get(cfg, "incidents.profile", "seed003");
	if ((inc_set.profile = inc_profile_find(prof)) == NULL) {
		fprintf(stderr, "wangan-incidents: config: incidents.profile %s is none of seed003, seed000, "
		    "national2025-cii, national2025-central, national2025-other\n", prof);
		return -1;
	}
	/* the profile's limits, each overridden by its own key where the site sets one */
	struct inc_limits dl;
	const struct inc_limits *d = &dl;
	inc_profile_limits(inc_set.profile, &dl);
	l->first_ontime = 60 * config_int(cfg, "incidents.first_ontime_minutes", d->first_ontime / 60, 1, 24 * 60);
	l->first_late = 60 * config_int(cfg, "incidents.first_late_minutes", d->first_late / 60, 1, 24 * 60);
	l->first_missed = 60 * config_int(cfg, "incidents.first_missed_minutes", d->first_missed / 60, 1,
	    7 * 24 * 60);
	l->written = 60 * config_int(cfg, "incidents.written_minutes", d->written / 60, 1, 7 * 24 * 60);
	l->review = 60 * config_int(cfg, "incidents.review_minutes", d->review / 60, 1, 7 * 24 * 60);
	l->rectify_days = (int)config_int(cfg, "incidents.rectify_workdays", d->rectify_days, 1, 30);
	inc_set.notice_days = (int)config_int(cfg, "incidents.notice_workdays", 10, 1, 90);
	const char *tax = config_get(cfg, "incidents.taxonomy", "gbt2023");
	inc_set.taxonomy = strcmp(tax, "gbz2007") == 0 ? INC_GBZ2007 : INC_GBT2023;
	if (strcmp(tax, inc_tax_code[inc_set.taxonomy]) != 0 ||
	    l->first_ontime > l->first_late || l->first_late > l->first_missed) {
		fprintf(stderr, "wangan-incidents: config: incidents.taxonomy must be gbz2007 or gbt2023, and "
		    "first_ontime_minutes <= first_late_minutes <= first_missed_minutes\n");
		return -1;
	}
	return 0;
}

static const struct module incidents = {
	.name = "incidents",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = inc_sql, .nsql = INC_SQL__MAX,
	.views = views, .nviews = INC_VIEW__MAX,
	.init = inc_init,
	.export_fn = inc_export,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&incidents, argc, argv);
}
