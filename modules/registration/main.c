/*
 * main.c — wangan-registration: routes, views, settings (statements: sql.c).
 */
#include <stdio.h>
#include <string.h>
#include "reg.h"
#include "setting.h"

const char *const reg_role_code[REG_ROLE__MAX] = {
	"first", "direct", "secadmin", "liaison", "sysadmin",
};

struct reg_settings reg_set;

static const struct route routes[] = {
	{ REQ_GET,  "",                reg_list,        ROLES_ALL,      0 },
	{ REQ_GET,  "export.xml",      reg_export,      ROLES_READ_ALL, 0 },
	/* importing a register: the office only (import.c) */
	{ REQ_GET,  "import",          reg_import_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "import",          reg_import_upload, ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_GET,  "import/template.csv", reg_import_template, ROLE_OFFICE, 0 },
	{ REQ_POST, "import/confirm",  reg_import_confirm, ROLE_OFFICE, 0 },
	{ REQ_GET,  "import/{id}",     reg_import_result, ROLE_OFFICE, 0 },
	{ REQ_GET,  "{id}",            reg_unit,        ROLES_ALL,      0 },
	{ REQ_GET,  "{id}/print",      reg_print,       ROLES_ALL,      0 },
	{ REQ_GET,  "{id}/change",     reg_change_form, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/change",     reg_change,      ROLES_UNIT | ROLE_OFFICE, 0 },
};

static const struct verb verbs[] = {
	{ "demo", "synthetic holders for the units there are ([SEED])", reg_demo },
};

static const char *const views[REG_VIEW__MAX] = {
	[REG_VIEW_LIST] = "registration/list", [REG_VIEW_UNIT] = "registration/unit",
	[REG_VIEW_CHANGE] = "registration/change", [REG_VIEW_PRINT] = "registration/print",
	[REG_VIEW_IMPORT] = "registration/import",
};

int
reg_report_days(const struct config *cfg)
{
	return (int)setting_int(cfg, "registration.report_days", 5, 1, 60);
}

const char *
reg_report_unit(const struct config *cfg)
{
	const char *u = setting_get(cfg, "registration.report_unit", "workdays");
	return strcmp(u, "days") == 0 ? "days" : "workdays";
}

int
reg_report_due(const struct config *cfg, const struct wd_cal *cal, int eff)
{
	struct lim l = { strcmp(reg_report_unit(cfg), "days") == 0 ? LIM_DAYS : LIM_WORKDAYS, reg_report_days(cfg) };
	return lim_day(cal, eff, l);
}

/*
 * registration.roles: which of the five roles this site keeps (seed 002 adds
 * two).  The office may change it on /office/settings without a restart
 * (setting.h), so the handlers call this first: it recomputes the choices
 * only when the setting's text changed since the last call.
 */
void
reg_roles_sync(const struct config *cfg)
{
	static char applied[512] = "\1";	/* nothing applied yet */
	char now[512], roles[256], req[256];
	size_t k = 0;
	const char *kept = setting_get(cfg, "registration.roles", "first,direct,secadmin");
	/* The roles a unit must fill (seed 000's three by default): a vacant
	 * optional role is "not set", not a gap (issue 13). */
	const char *must = setting_get(cfg, "registration.required_roles", "first,direct,secadmin");
	snprintf(now, sizeof(now), "%s|%s", kept, must);
	if (strcmp(applied, now) == 0)
		return;
	snprintf(applied, sizeof(applied), "%s", now);
	snprintf(roles, sizeof(roles), ",%s,", kept);
	snprintf(req, sizeof(req), ",%s,", must);
	for (char *p = roles; *p; p++)
		if (*p == ' ')
			*p = ',';
	for (char *p = req; *p; p++)
		if (*p == ' ')
			*p = ',';
	for (int r = 0; r < REG_ROLE__MAX; r++) {
		char key[32];
		snprintf(key, sizeof(key), ",%s,", reg_role_code[r]);
		/* The three roles of seed 000 are always kept. */
		reg_set.enabled[r] = r <= REG_SECADMIN || strstr(roles, key) != NULL;
		reg_set.required[r] = reg_set.enabled[r] && strstr(req, key) != NULL;
		if (reg_set.enabled[r])
			reg_set.role_choices[k++] = reg_role_code[r];
	}
	reg_set.role_choices[k] = NULL;
}

static int
reg_init(const struct config *cfg)
{
	reg_set.report_days = (int)config_int(cfg, "registration.report_days", 5, 1, 60);
	reg_roles_sync(cfg);
	return 0;
}

static const struct module registration = {
	.name = "registration",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = reg_sql, .nsql = REG_SQL__MAX,
	.views = views, .nviews = REG_VIEW__MAX,
	.init = reg_init,
	.export_fn = reg_export,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&registration, argc, argv);
}
