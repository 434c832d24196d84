/*
 * main.c — wangan-systems: routes, statements, settings.
 */
#include <stdio.h>
#include <string.h>
#include "systems.h"

struct sys_settings sys_set;

#define SYS_COLS \
	"SELECT s.id, s.version, s.unit_id, u.code, u.name, s.name, s.kind, s.url, s.ips, s.purpose," \
	" COALESCE(s.vendor_id, 0), COALESCE(v.name, ''), s.hosting, s.admin_name, s.admin_phone," \
	" s.status, COALESCE(s.golive_date, ''), COALESCE(s.level, 0), COALESCE(s.graded_date, '')," \
	" COALESCE(s.review_date, ''), s.filing_no, COALESCE(s.filing_date, ''), s.cii," \
	" COALESCE(s.last_assessed, ''), COALESCE(s.next_due, ''), s.created_by, s.updated_at," \
	" s.updated_by, COALESCE(u.name_en, '')" \
	" FROM sys_system s JOIN unit u ON u.id = s.unit_id" \
	" LEFT JOIN pledge_vendor v ON v.id = s.vendor_id WHERE s.id = ?"

const char *const sys_sql[SYS_SQL__MAX] = {
	/*
	 * The inventory by id, 50 a page.  Each filter is off when its parameter
	 * is 0 or '': (only unit ×2, kind ×2, level ×2, status ×2, overdue,
	 * today, after id).  Overdue: the next assessment's date has passed and
	 * the system is not retired.
	 */
	[SYS_SQL_LIST] =
	    "SELECT s.id, s.unit_id, u.code, u.name, COALESCE(u.name_en, ''), s.name, s.kind,"
	    " COALESCE(s.level, 0), s.status, COALESCE(s.next_due, ''), s.cii, s.filing_no"
	    " FROM sys_system s JOIN unit u ON u.id = s.unit_id"
	    " WHERE (? = 0 OR s.unit_id = ?) AND (? = '' OR s.kind = ?) AND (? = 0 OR s.level = ?)"
	    " AND (? = '' OR s.status = ?)"
	    " AND (? = 0 OR (s.next_due < ? AND s.status <> 'retired'))"
	    " AND s.id > ? ORDER BY s.id LIMIT 51",
	[SYS_SQL_GET] = SYS_COLS,
	[SYS_SQL_LOCK] = SYS_COLS " FOR UPDATE",
	[SYS_SQL_INSERT] =
	    "INSERT INTO sys_system (unit_id, name, kind, url, ips, purpose, vendor_id, hosting,"
	    " admin_name, admin_phone, status, golive_date, level, graded_date, review_date, filing_no,"
	    " filing_date, cii, next_due, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[SYS_SQL_UPDATE] =
	    "UPDATE sys_system SET unit_id = ?, name = ?, kind = ?, url = ?, ips = ?, purpose = ?,"
	    " vendor_id = ?, hosting = ?, admin_name = ?, admin_phone = ?, status = ?, golive_date = ?,"
	    " level = ?, graded_date = ?, review_date = ?, filing_no = ?, filing_date = ?, cii = ?,"
	    " next_due = ?, version = version + 1, updated_by = ? WHERE id = ? AND version = ?",
	[SYS_SQL_NONCE] = "SELECT id FROM sys_system WHERE nonce = ?",
	[SYS_SQL_DUE] = "UPDATE sys_system SET last_assessed = ?, next_due = ? WHERE id = ?",
	[SYS_SQL_PASSED] =
	    "SELECT COUNT(*) FROM sys_assessment WHERE system_id = ? AND result IN ('pass', 'basic_pass')",
	[SYS_SQL_VENDORS] = "SELECT id, name FROM pledge_vendor WHERE active = 1 ORDER BY name LIMIT 1000",
	[SYS_SQL_VENDOR_OK] = "SELECT id FROM pledge_vendor WHERE id = ? AND active = 1",
	[SYS_SQL_UNIT] = "SELECT id FROM unit WHERE code = ? AND active = 1",
	[SYS_SQL_ASSESSMENTS] =
	    "SELECT id, assessed_date, agency, result, COALESCE(score, ''), COALESCE(report_id, 0)"
	    " FROM sys_assessment WHERE system_id = ? ORDER BY assessed_date DESC, id DESC",
	[SYS_SQL_FINDINGS] =
	    "SELECT id, assessment_id, description, fix_deadline, COALESCE(done_date, '')"
	    " FROM sys_finding WHERE system_id = ? ORDER BY fix_deadline, id",
};

static const struct route routes[] = {
	{ REQ_GET,  "",           sys_list, ROLES_ALL, 0 },
	{ REQ_GET,  "new",        sys_form, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "new",        sys_save, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_GET,  "{id}",       sys_view, ROLES_ALL, 0 },
	{ REQ_GET,  "{id}/edit",  sys_form, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/edit",  sys_save, ROLES_UNIT | ROLE_OFFICE, 0 },
};

static const char *const views[] = { "systems/list", "systems/system", "systems/form" };

/*
 * systems.cycle_months_2/3/4: months between assessments by level (seed 003
 * art. 23: 24, 12, 6); systems.cii_due: MM-DD of the yearly CII report.
 */
static int
sys_init(const struct config *cfg)
{
	static const int def[5] = { 0, 0, 24, 12, 6 };
	char key[40];
	for (int l = 2; l <= 4; l++) {
		snprintf(key, sizeof(key), "systems.cycle_months_%d", l);
		sys_set.cycle[l] = (int)config_int(cfg, key, def[l], 1, 120);
	}
	const char *cii = config_get(cfg, "systems.cii_due", "12-15");
	if (sscanf(cii, "%d-%d", &sys_set.cii_month, &sys_set.cii_day) != 2 ||
	    wd_ymd(2024, sys_set.cii_month, sys_set.cii_day) == WD_INVALID) {
		fprintf(stderr, "wangan-systems: systems.cii_due must be MM-DD\n");
		return -1;
	}
	return 0;
}

static const struct module systems = {
	.name = "systems",
	.routes = routes, .nroutes = sizeof(routes) / sizeof(routes[0]),
	.sql = sys_sql, .nsql = SYS_SQL__MAX,
	.views = views, .nviews = sizeof(views) / sizeof(views[0]),
	.init = sys_init,
	.export_fn = NULL,
};

int
main(int argc, char **argv)
{
	return app_main(&systems, argc, argv);
}
