/*
 * main.c — wangan-systems: routes, statements, settings.
 */
#include <stdio.h>
#include <string.h>
#include "systems.h"

struct sys_settings sys_set;

const char *const sys_kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
	"dingtalk_app", "mobile_app", "other", NULL };
const char *const sys_hostings[] = { "cloud_vm", "hosted_server", "external", NULL };
const char *const sys_statuses[] = { "planned", "building", "trial", "online", "retired", NULL };
const char *const sys_levels[] = { "1", "2", "3", "4", NULL };
const char *const sys_results[] = { "pass", "basic_pass", "fail", NULL };

/* One system, every column as enum sys_col names them. */
#define SYS_COLS \
	"SELECT s.id, s.version, s.unit_id, u.code, u.name, s.name, s.kind, s.url, s.ips, s.purpose," \
	" COALESCE(s.vendor_id, 0), COALESCE(v.name, ''), s.hosting, s.admin_name, s.admin_phone," \
	" s.status, COALESCE(s.golive_date, ''), COALESCE(s.level, 0), COALESCE(s.graded_date, '')," \
	" COALESCE(s.review_date, ''), s.filing_no, COALESCE(s.filing_date, ''), s.cii," \
	" COALESCE(s.last_assessed, ''), COALESCE(s.next_due, ''), s.created_by, s.updated_at," \
	" s.updated_by, COALESCE(u.name_en, ''), s.created_at" \
	" FROM sys_system s JOIN unit u ON u.id = s.unit_id" \
	" LEFT JOIN pledge_vendor v ON v.id = s.vendor_id WHERE s.id = ?"

/*
 * A list row: id, unit id, code, name, name_en, system name, kind, level,
 * status, next due, cii, filing no, last assessed, go-live (list.c).
 * STRAIGHT_JOIN keeps the system table first, read along the forced key in
 * the page's order; the unit is one primary-key lookup per row shown.
 */
#define SYS_LIST_SELECT \
	"SELECT STRAIGHT_JOIN s.id, s.unit_id, u.code, u.name, COALESCE(u.name_en, ''), s.name, s.kind," \
	" COALESCE(s.level, 0), s.status, COALESCE(s.next_due, ''), s.cii, s.filing_no," \
	" COALESCE(s.last_assessed, ''), COALESCE(s.golive_date, '')"
#define SYS_LIST_JOIN " JOIN unit u ON u.id = s.unit_id"
/*
 * The filters not read along the key, checked on each row the key gives:
 * unit (x2), kind (x2), level given, level (NULL: not graded), status (x2).
 */
#define SYS_LIST_REST \
	" AND (? = 0 OR s.unit_id = ?) AND (? = '' OR s.kind = ?)" \
	" AND (? = 0 OR s.level <=> ?) AND (? = '' OR s.status = ?)"
#define SYS_BY_ID " AND s.id > ? ORDER BY s.id LIMIT 51"
#define SYS_BY_DUE " AND s.next_due >= ? AND (s.next_due > ? OR s.id > ?) ORDER BY s.next_due, s.id LIMIT 51"

/* One finding with its assessment's date (finding.c). */
#define SYS_FINDING_COLS \
	"SELECT f.id, f.system_id, f.assessment_id, f.description, f.fix_deadline," \
	" COALESCE(f.done_date, ''), f.version, f.updated_by, f.updated_at, a.assessed_date" \
	" FROM sys_finding f JOIN sys_assessment a ON a.id = f.assessment_id WHERE f.id = ?"

const char *const sys_sql[SYS_SQL__MAX] = {
	[SYS_SQL_LIST_ALL] = SYS_LIST_SELECT " FROM sys_system s" SYS_LIST_JOIN
	    " WHERE 1" SYS_LIST_REST SYS_BY_ID,
	[SYS_SQL_LIST_UNIT] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_unit)"
	    SYS_LIST_JOIN " WHERE s.unit_id = ?" SYS_LIST_REST SYS_BY_ID,
	[SYS_SQL_LIST_LEVEL] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_level)"
	    SYS_LIST_JOIN " WHERE s.level <=> ?" SYS_LIST_REST SYS_BY_ID,
	[SYS_SQL_LIST_KIND] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_kind)"
	    SYS_LIST_JOIN " WHERE s.kind = ?" SYS_LIST_REST SYS_BY_ID,
	[SYS_SQL_LIST_STATUS] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_status)"
	    SYS_LIST_JOIN " WHERE s.status = ?" SYS_LIST_REST SYS_BY_ID,
	/* overdue: the next due date has passed (a retired system has none), oldest first */
	[SYS_SQL_LIST_DUE] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_due)"
	    SYS_LIST_JOIN " WHERE s.next_due < ?" SYS_LIST_REST SYS_BY_DUE,
	[SYS_SQL_LIST_UNIT_DUE] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_unit_due)"
	    SYS_LIST_JOIN " WHERE s.unit_id = ? AND s.next_due < ?" SYS_LIST_REST SYS_BY_DUE,
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
	[SYS_SQL_PASSED] =
	    "SELECT COUNT(*) FROM sys_assessment WHERE system_id = ? AND result IN ('pass', 'basic_pass')",
	[SYS_SQL_VENDORS] = "SELECT id, name FROM pledge_vendor WHERE active = 1 ORDER BY name LIMIT 1000",
	/* a unit's staff choose among the vendors that serve their unit (pledges' rule) */
	[SYS_SQL_VENDORS_UNIT] =
	    "SELECT v.id, v.name FROM pledge_vendor_unit vu JOIN pledge_vendor v ON v.id = vu.vendor_id"
	    " WHERE vu.unit_id = ? AND v.active = 1 ORDER BY v.name LIMIT 1000",
	/* parameters: vendor, only unit (0: any), vendor, unit */
	[SYS_SQL_VENDOR_OK] =
	    "SELECT id FROM pledge_vendor WHERE id = ? AND active = 1 AND (? = 0 OR EXISTS"
	    " (SELECT 1 FROM pledge_vendor_unit vu WHERE vu.vendor_id = ? AND vu.unit_id = ?))",
	[SYS_SQL_UNIT] = "SELECT id FROM unit WHERE code = ? AND active = 1",
	[SYS_SQL_ASSESSMENTS] =
	    "SELECT a.id, a.assessed_date, a.agency, a.result, COALESCE(a.score, ''),"
	    " COALESCE(a.report_id, 0), COALESCE(r.mime, ''), COALESCE(r.size, 0), COALESCE(r.sha256, ''),"
	    " a.created_by FROM sys_assessment a LEFT JOIN sys_report r ON r.id = a.report_id"
	    " WHERE a.system_id = ? ORDER BY a.assessed_date DESC, a.id DESC",
	[SYS_SQL_FINDINGS] =
	    "SELECT id, assessment_id, description, fix_deadline, COALESCE(done_date, ''), version,"
	    " updated_by FROM sys_finding WHERE system_id = ? ORDER BY fix_deadline, id",
	[SYS_SQL_REPORT_INSERT] =
	    "INSERT INTO sys_report (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)",
	[SYS_SQL_REPORT_CHUNK] = "INSERT INTO sys_report_chunk (report_id, seq, data) VALUES (?,?,?)",
	[SYS_SQL_REPORT_CHUNKS] = "SELECT data FROM sys_report_chunk WHERE report_id = ? ORDER BY seq",
	[SYS_SQL_ASSESS_INSERT] =
	    "INSERT INTO sys_assessment (system_id, assessed_date, agency, result, score, report_id,"
	    " nonce, created_by) VALUES (?,?,?,?,?,?,?,?)",
	[SYS_SQL_ASSESS_NONCE] = "SELECT system_id FROM sys_assessment WHERE nonce = ?",
	[SYS_SQL_ASSESSMENT] =
	    "SELECT a.id, a.system_id, COALESCE(a.report_id, 0), COALESCE(r.mime, ''), COALESCE(r.size, 0)"
	    " FROM sys_assessment a LEFT JOIN sys_report r ON r.id = a.report_id WHERE a.id = ?",
	[SYS_SQL_LAST_ASSESSMENT] =
	    "SELECT id, assessed_date FROM sys_assessment WHERE system_id = ?"
	    " ORDER BY assessed_date DESC, id DESC LIMIT 1",
	[SYS_SQL_SET_DUE] =
	    "UPDATE sys_system SET last_assessed = ?, last_assessment_id = ?, next_due = ?, updated_by = ?"
	    " WHERE id = ?",
	[SYS_SQL_FINDING] = SYS_FINDING_COLS,
	[SYS_SQL_FINDING_LOCK] = SYS_FINDING_COLS " FOR UPDATE",
	[SYS_SQL_FINDING_INSERT] =
	    "INSERT INTO sys_finding (assessment_id, system_id, description, fix_deadline, nonce,"
	    " created_by, updated_by) VALUES (?,?,?,?,?,?,?)",
	[SYS_SQL_FINDING_NONCE] = "SELECT system_id FROM sys_finding WHERE nonce = ?",
	[SYS_SQL_FINDING_DONE] =
	    "UPDATE sys_finding SET done_date = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?",
	/*
	 * Findings past their fix deadline and not done, oldest first, along
	 * sys_finding_open; retired systems' are left out.  Parameters: today,
	 * only unit (x2), after deadline (x2), after id.
	 */
	[SYS_SQL_OVERDUE_FINDINGS] =
	    "SELECT STRAIGHT_JOIN f.id, f.system_id, f.description, f.fix_deadline, a.assessed_date, s.name,"
	    " u.code, u.name, COALESCE(u.name_en, '') FROM sys_finding f FORCE INDEX (sys_finding_open)"
	    " JOIN sys_system s ON s.id = f.system_id JOIN sys_assessment a ON a.id = f.assessment_id"
	    " JOIN unit u ON u.id = s.unit_id"
	    " WHERE f.done_date IS NULL AND f.fix_deadline < ? AND s.status <> 'retired'"
	    " AND (? = 0 OR s.unit_id = ?) AND f.fix_deadline >= ? AND (f.fix_deadline > ? OR f.id > ?)"
	    " ORDER BY f.fix_deadline, f.id LIMIT 51",
	/* CII systems due from today to this year's report date.  Parameters: today, that date, only unit (x2). */
	[SYS_SQL_CII_DUE] = SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_cii)" SYS_LIST_JOIN
	    " WHERE s.cii = 1 AND s.next_due >= ? AND s.next_due <= ? AND (? = 0 OR s.unit_id = ?)"
	    " ORDER BY s.next_due, s.id LIMIT 51",
	/* export.c's columns, in the order of systems.xsd */
	[SYS_SQL_EXPORT] =
	    "SELECT STRAIGHT_JOIN s.id, u.code, u.name, s.name, s.kind, s.url, s.ips, s.purpose,"
	    " COALESCE(v.id, 0), COALESCE(v.name, ''), COALESCE(v.uscc, ''), s.hosting, s.admin_name,"
	    " s.admin_phone, s.status, COALESCE(s.golive_date, ''), COALESCE(s.level, 0),"
	    " COALESCE(s.graded_date, ''), COALESCE(s.review_date, ''), s.filing_no,"
	    " COALESCE(s.filing_date, ''), s.cii, COALESCE(a.id, 0), COALESCE(a.assessed_date, ''),"
	    " COALESCE(a.agency, ''), COALESCE(a.result, ''), COALESCE(a.score, ''),"
	    " COALESCE(s.next_due, ''), s.updated_at"
	    " FROM sys_system s JOIN unit u ON u.id = s.unit_id"
	    " LEFT JOIN pledge_vendor v ON v.id = s.vendor_id"
	    " LEFT JOIN sys_assessment a ON a.id = s.last_assessment_id ORDER BY s.id",
};

#define SYS_WRITERS (ROLES_UNIT | ROLE_OFFICE)

static const struct route routes[] = {
	{ REQ_GET,  "",                    sys_list,         ROLES_ALL, 0 },
	{ REQ_GET,  "overdue",             sys_overdue,      ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml",          sys_export,       ROLES_READ_ALL, 0 },
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

static const char *const views[] = {
	"systems/list", "systems/overdue", "systems/system", "systems/print", "systems/form",
	"systems/assess", "systems/finding",
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
	.routes = routes, .nroutes = sizeof(routes) / sizeof(routes[0]),
	.legacy_sql = sys_sql, .nlegacy = SYS_SQL__MAX,
	.views = views, .nviews = sizeof(views) / sizeof(views[0]),
	.init = sys_init,
	.export_fn = sys_export,
};

int
main(int argc, char **argv)
{
	return app_main(&systems, argc, argv);
}
