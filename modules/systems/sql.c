/*
 * sql.c — the systems module's statements, with the parameters and columns
 * systems.h names for each (checked against the server at start).  Every
 * expression and every name two tables share has an alias, so the column
 * names are what the lists say.
 */
#include "import.h"
#include "systems.h"
#include "xsystem.h"

/*
 * A list row (SYS_LIST_COLS).  STRAIGHT_JOIN keeps the system table first,
 * read along the forced key in the page's order; the unit is one
 * primary-key lookup per row shown, the live website filing one lookup of
 * web_site's unique system_active.
 */
#define SYS_LIST_SELECT \
	"SELECT STRAIGHT_JOIN s.id, s.unit_id, u.code, u.name AS unit_name," \
	" COALESCE(u.name_en, '') AS unit_name_en, s.name, s.kind, COALESCE(s.level, 0) AS level," \
	" s.status, COALESCE(s.next_due, '') AS next_due, s.cii, s.filing_no," \
	" COALESCE(s.last_assessed, '') AS last_assessed, COALESCE(s.golive_date, '') AS golive_date," \
	" COALESCE(w.id, 0) AS web_id, COALESCE(w.state, '') AS web_state"
/* a website entry's live filing (websites module): one read of its unique key per row */
#define SYS_LIST_JOIN " JOIN unit u ON u.id = s.unit_id LEFT JOIN web_site w ON w.system_active = s.id"
/*
 * The filters not read along the key, checked on each row the key gives:
 * unit (x2), kind (x2), level given, level (NULL: not graded), status (x2).
 */
#define SYS_LIST_REST \
	" AND (? = 0 OR s.unit_id = ?) AND (? = '' OR s.kind = ?)" \
	" AND (? = 0 OR s.level <=> ?) AND (? = '' OR s.status = ?)"
#define SYS_BY_ID " AND s.id > ? ORDER BY s.id LIMIT 51"
#define SYS_BY_DUE " AND s.next_due >= ? AND (s.next_due > ? OR s.id > ?) ORDER BY s.next_due, s.id LIMIT 51"
#define SYS_LIST(key, where, order) \
	SYS_LIST_SELECT " FROM sys_system s" key SYS_LIST_JOIN " WHERE " where SYS_LIST_REST order

/*
 * The inventory with search and sort (list.c, core/listq.h): by id or by
 * name, the id the tie, seeking (col, id) past the last row; the filters as
 * SYS_LIST_REST.  Without a search a page reads along the sort's index, or
 * the unit's (unit_id, col) one when a unit is given (schema 028), forced:
 * MariaDB would rather sort the table than walk an index that does not
 * cover the row.  With ?q= the statement is left to the planner: the
 * search is a prefix of the name, the URL (as typed, or after http:// or
 * https://, so a bare domain finds it), the IP list (its first address) or
 * the administrator's name, each a range of its own index (schema 028),
 * merged, and only the matching rows are sorted.  The parameters: SYS_LIST_REST
 * (8), first, at, at, after, q, like × 6, limit.
 */
#define SYS_LQ_SQL(force, col, cmp, dir) \
	SYS_LIST_SELECT " FROM sys_system s" force SYS_LIST_JOIN " WHERE 1" SYS_LIST_REST \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND s.id " cmp " ?))" \
	" AND (? = '' OR s.name LIKE ? OR s.url LIKE ? OR s.url LIKE CONCAT('http://', ?)" \
	"  OR s.url LIKE CONCAT('https://', ?) OR s.ips LIKE ? OR s.admin_name LIKE ?)" \
	" ORDER BY " col " " dir ", s.id " dir " LIMIT ?"
#define SYS_LQ_BY_ID " FORCE INDEX (PRIMARY, sys_system_unit)"
#define SYS_LQ_BY_NAME " FORCE INDEX (sys_system_name, sys_system_unit_name)"

/* One system, every column as SYS_SYSTEM_COLS names it. */
#define SYS_SELECT \
	"SELECT s.id, s.version, s.unit_id AS `unit-id`, u.code AS `unit-code`, u.name AS `unit-name`," \
	" s.name, s.kind, s.url, s.ips, s.purpose, COALESCE(s.vendor_id, 0) AS `vendor-id`," \
	" COALESCE(v.name, '') AS vendor, s.hosting, s.admin_name AS `admin-name`," \
	" s.admin_phone AS `admin-phone`, s.status, COALESCE(s.golive_date, '') AS golive," \
	" COALESCE(s.level, 0) AS level, COALESCE(s.graded_date, '') AS graded," \
	" COALESCE(s.review_date, '') AS review, s.filing_no AS `filing-no`," \
	" COALESCE(s.filing_date, '') AS `filing-date`, s.cii," \
	" COALESCE(s.last_assessed, '') AS `last-assessed`, COALESCE(s.next_due, '') AS `next-due`," \
	" s.created_by AS `created-by`, s.updated_at AS `updated-at`, s.updated_by AS `updated-by`," \
	" COALESCE(u.name_en, '') AS `unit-name-en`, s.created_at AS `created-at`" \
	" FROM sys_system s JOIN unit u ON u.id = s.unit_id" \
	" LEFT JOIN pledge_vendor v ON v.id = s.vendor_id WHERE s.id = ?"

/* One finding with its assessment's date (finding.c). */
#define SYS_FINDING_SELECT \
	"SELECT f.id, f.system_id, f.assessment_id, f.description, f.fix_deadline," \
	" COALESCE(f.done_date, '') AS done_date, f.version, f.updated_by, f.updated_at, a.assessed_date" \
	" FROM sys_finding f JOIN sys_assessment a ON a.id = f.assessment_id WHERE f.id = ?"

static DB_COLNAMES(list_cols, SYS_LIST_COLS);
DB_COLNAMES(sys_system_cols, SYS_SYSTEM_COLS);
static DB_COLNAMES(vendor_cols, SYS_VENDOR_COLS);
static DB_COLNAMES(assessments_cols, SYS_ASSESSMENTS_COLS);
static DB_COLNAMES(report_cols, SYS_REPORT_COLS);
static DB_COLNAMES(chunk_cols, SYS_CHUNK_COLS);
static DB_COLNAMES(last_cols, SYS_LAST_COLS);
static DB_COLNAMES(finding_cols, SYS_FINDING_COLS);
static DB_COLNAMES(web_cols, SYS_WEB_COLS);
static DB_COLNAMES(findings_cols, SYS_FINDINGS_COLS);
static DB_COLNAMES(overdue_cols, SYS_OVERDUE_COLS);

/* A system of a unit by name, for the import: at most two rows tell "none, one, ambiguous". */
#define SYS_IMP_SELECT \
	"SELECT id, version, kind, url, ips, purpose, hosting, admin_name, admin_phone, status," \
	" COALESCE(golive_date, '') AS golive_date, COALESCE(level, 0) AS level," \
	" COALESCE(last_assessed, '') AS last_assessed, cii FROM sys_system" \
	" WHERE unit_id = ? AND name = ? ORDER BY id LIMIT 2"
static DB_COLNAMES(imp_system_cols, SYS_IMP_COLS);

const struct db_stmt sys_sql[SYS_SQL__MAX] = {
	DB_SQL(SYS_SQL_LIST_ALL, SYS_LIST("", "1", SYS_BY_ID), list_cols),
	DB_SQL(SYS_SQL_LIST_UNIT,
	    SYS_LIST(" FORCE INDEX (sys_system_unit)", "s.unit_id = ?", SYS_BY_ID), list_cols),
	DB_SQL(SYS_SQL_LIST_LEVEL,
	    SYS_LIST(" FORCE INDEX (sys_system_level)", "s.level <=> ?", SYS_BY_ID), list_cols),
	DB_SQL(SYS_SQL_LIST_KIND,
	    SYS_LIST(" FORCE INDEX (sys_system_kind)", "s.kind = ?", SYS_BY_ID), list_cols),
	DB_SQL(SYS_SQL_LIST_STATUS,
	    SYS_LIST(" FORCE INDEX (sys_system_status)", "s.status = ?", SYS_BY_ID), list_cols),
	/* overdue: the next due date has passed (a retired system has none), oldest first */
	DB_SQL(SYS_SQL_LIST_DUE,
	    SYS_LIST(" FORCE INDEX (sys_system_due)", "s.next_due < ?", SYS_BY_DUE), list_cols),
	DB_SQL(SYS_SQL_LIST_UNIT_DUE, SYS_LIST(" FORCE INDEX (sys_system_unit_due)",
	    "s.unit_id = ? AND s.next_due < ?", SYS_BY_DUE), list_cols),
	DB_SQL(SYS_SQL_LQ_ID_ASC, SYS_LQ_SQL(SYS_LQ_BY_ID, "s.id", ">", "ASC"), list_cols),
	DB_SQL(SYS_SQL_LQ_ID_DESC, SYS_LQ_SQL(SYS_LQ_BY_ID, "s.id", "<", "DESC"), list_cols),
	DB_SQL(SYS_SQL_LQ_NAME_ASC, SYS_LQ_SQL(SYS_LQ_BY_NAME, "s.name", ">", "ASC"), list_cols),
	DB_SQL(SYS_SQL_LQ_NAME_DESC, SYS_LQ_SQL(SYS_LQ_BY_NAME, "s.name", "<", "DESC"), list_cols),
	DB_SQL(SYS_SQL_LQQ_ID_ASC, SYS_LQ_SQL("", "s.id", ">", "ASC"), list_cols),
	DB_SQL(SYS_SQL_LQQ_ID_DESC, SYS_LQ_SQL("", "s.id", "<", "DESC"), list_cols),
	DB_SQL(SYS_SQL_LQQ_NAME_ASC, SYS_LQ_SQL("", "s.name", ">", "ASC"), list_cols),
	DB_SQL(SYS_SQL_LQQ_NAME_DESC, SYS_LQ_SQL("", "s.name", "<", "DESC"), list_cols),
	DB_SQL(SYS_SQL_GET, SYS_SELECT, sys_system_cols),
	DB_SQL(SYS_SQL_LOCK, SYS_SELECT " FOR UPDATE", sys_system_cols),
	DB_SQL(SYS_SQL_INSERT,
	    "INSERT INTO sys_system (unit_id, name, kind, url, ips, purpose, vendor_id, hosting,"
	    " admin_name, admin_phone, status, golive_date, level, graded_date, review_date, filing_no,"
	    " filing_date, cii, next_due, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(SYS_SQL_UPDATE,
	    "UPDATE sys_system SET unit_id = ?, name = ?, kind = ?, url = ?, ips = ?, purpose = ?,"
	    " vendor_id = ?, hosting = ?, admin_name = ?, admin_phone = ?, status = ?, golive_date = ?,"
	    " level = ?, graded_date = ?, review_date = ?, filing_no = ?, filing_date = ?, cii = ?,"
	    " next_due = ?, version = version + 1, updated_by = ? WHERE id = ? AND version = ?", NULL),
	DB_SQL(SYS_SQL_PASSED,
	    "SELECT COUNT(*) AS n FROM sys_assessment WHERE system_id = ? AND result IN ('pass', 'basic_pass')",
	    db_count_cols),
	DB_SQL(SYS_SQL_VENDORS,
	    "SELECT id, name FROM pledge_vendor WHERE active = 1 ORDER BY name LIMIT 1000", vendor_cols),
	/* a unit's staff choose among the vendors that serve their unit (pledges' rule) */
	DB_SQL(SYS_SQL_VENDORS_UNIT,
	    "SELECT v.id, v.name FROM pledge_vendor_unit vu JOIN pledge_vendor v ON v.id = vu.vendor_id"
	    " WHERE vu.unit_id = ? AND v.active = 1 ORDER BY v.name LIMIT 1000", vendor_cols),
	/* parameters: vendor, only unit (0: any), vendor, unit */
	DB_SQL(SYS_SQL_VENDOR_OK,
	    "SELECT id FROM pledge_vendor WHERE id = ? AND active = 1 AND (? = 0 OR EXISTS"
	    " (SELECT 1 FROM pledge_vendor_unit vu WHERE vu.vendor_id = ? AND vu.unit_id = ?))", db_id_cols),
	DB_SQL(SYS_SQL_UNIT, "SELECT id FROM unit WHERE code = ? AND active = 1", db_id_cols),
	DB_SQL(SYS_SQL_ASSESSMENTS,
	    "SELECT a.id, a.assessed_date, a.agency, a.result, COALESCE(a.score, '') AS score,"
	    " COALESCE(a.report_id, 0) AS report_id, COALESCE(r.mime, '') AS mime,"
	    " COALESCE(r.size, 0) AS size, COALESCE(r.sha256, '') AS sha256, a.created_by"
	    " FROM sys_assessment a LEFT JOIN sys_report r ON r.id = a.report_id"
	    " WHERE a.system_id = ? ORDER BY a.assessed_date DESC, a.id DESC", assessments_cols),
	DB_SQL(SYS_SQL_FINDINGS,
	    "SELECT id, assessment_id, description, fix_deadline, COALESCE(done_date, '') AS done_date,"
	    " version, updated_by FROM sys_finding WHERE system_id = ? ORDER BY fix_deadline, id",
	    findings_cols),
	DB_SQL(SYS_SQL_REPORT_INSERT,
	    "INSERT INTO sys_report (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(SYS_SQL_REPORT_CHUNK,
	    "INSERT INTO sys_report_chunk (report_id, seq, data) VALUES (?,?,?)", NULL),
	DB_SQL(SYS_SQL_REPORT_CHUNKS,
	    "SELECT data FROM sys_report_chunk WHERE report_id = ? ORDER BY seq", chunk_cols),
	DB_SQL(SYS_SQL_ASSESS_INSERT,
	    "INSERT INTO sys_assessment (system_id, assessed_date, agency, result, score, report_id,"
	    " nonce, created_by) VALUES (?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(SYS_SQL_ASSESSMENT,
	    "SELECT a.id, a.system_id, COALESCE(a.report_id, 0) AS report_id,"
	    " COALESCE(r.mime, '') AS mime, COALESCE(r.size, 0) AS size"
	    " FROM sys_assessment a LEFT JOIN sys_report r ON r.id = a.report_id WHERE a.id = ?",
	    report_cols),
	DB_SQL(SYS_SQL_LAST_ASSESSMENT,
	    "SELECT id, assessed_date FROM sys_assessment WHERE system_id = ?"
	    " ORDER BY assessed_date DESC, id DESC LIMIT 1", last_cols),
	DB_SQL(SYS_SQL_SET_DUE,
	    "UPDATE sys_system SET last_assessed = ?, last_assessment_id = ?, next_due = ?, updated_by = ?"
	    " WHERE id = ?", NULL),
	DB_SQL(SYS_SQL_FINDING, SYS_FINDING_SELECT, finding_cols),
	DB_SQL(SYS_SQL_FINDING_LOCK, SYS_FINDING_SELECT " FOR UPDATE", finding_cols),
	DB_SQL(SYS_SQL_FINDING_INSERT,
	    "INSERT INTO sys_finding (assessment_id, system_id, description, fix_deadline, nonce,"
	    " created_by, updated_by) VALUES (?,?,?,?,?,?,?)", NULL),
	DB_SQL(SYS_SQL_FINDING_DONE,
	    "UPDATE sys_finding SET done_date = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?", NULL),
	/*
	 * Findings past their fix deadline and not done, oldest first, along
	 * sys_finding_open; retired systems' are left out.  Parameters: today,
	 * only unit (x2), after deadline (x2), after id.
	 */
	DB_SQL(SYS_SQL_OVERDUE_FINDINGS,
	    "SELECT STRAIGHT_JOIN f.id, f.system_id, f.description, f.fix_deadline, a.assessed_date,"
	    " s.name AS system_name, u.code, u.name AS unit_name, COALESCE(u.name_en, '') AS unit_name_en"
	    " FROM sys_finding f FORCE INDEX (sys_finding_open)"
	    " JOIN sys_system s ON s.id = f.system_id JOIN sys_assessment a ON a.id = f.assessment_id"
	    " JOIN unit u ON u.id = s.unit_id"
	    " WHERE f.done_date IS NULL AND f.fix_deadline < ? AND s.status <> 'retired'"
	    " AND (? = 0 OR s.unit_id = ?) AND f.fix_deadline >= ? AND (f.fix_deadline > ? OR f.id > ?)"
	    " ORDER BY f.fix_deadline, f.id LIMIT 51", overdue_cols),
	/* CII systems due from today to this year's report date.  Parameters: today, that date, only unit (x2). */
	DB_SQL(SYS_SQL_CII_DUE,
	    SYS_LIST_SELECT " FROM sys_system s FORCE INDEX (sys_system_cii)" SYS_LIST_JOIN
	    " WHERE s.cii = 1 AND s.next_due >= ? AND s.next_due <= ? AND (? = 0 OR s.unit_id = ?)"
	    " ORDER BY s.next_due, s.id LIMIT 51", list_cols),
	/* every system, for export.c (its columns and joins: xsystem.h, shared with the office's upstream export) */
	DB_SQL(SYS_SQL_EXPORT, "SELECT STRAIGHT_JOIN" SYS_X_SELECT SYS_X_FROM " ORDER BY s.id", sys_x_cols),
	/* the demo data (demo.c): how many systems there are, the units to spread them over */
	DB_SQL(SYS_SQL_DEMO_COUNT, "SELECT COUNT(*) AS n FROM sys_system", db_count_cols),
	DB_SQL(SYS_SQL_DEMO_UNITS, "SELECT id FROM unit WHERE active = 1 ORDER BY id", db_id_cols),
	/* a demo finding may be done already, which the finding form would record as an edit */
	DB_SQL(SYS_SQL_DEMO_FINDING,
	    "INSERT INTO sys_finding (assessment_id, system_id, description, fix_deadline, done_date,"
	    " nonce, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'demo', 'demo')", NULL),
	/* the live filing of a website entry: web_site's unique system_active */
	DB_SQL(SYS_SQL_WEBSITE, "SELECT id, state FROM web_site WHERE system_active = ?", web_cols),
	/* the import (import.c) */
	DB_SQL(SYS_SQL_IMP_FIND, IMP_SQL_FIND("systems"), imp_file_cols),
	DB_SQL(SYS_SQL_IMP_GET, IMP_SQL_GET("systems"), imp_file_cols),
	DB_SQL(SYS_SQL_IMP_FILE, IMP_SQL_FILE("systems"), NULL),
	DB_SQL(SYS_SQL_IMP_CHUNK, IMP_SQL_CHUNK, NULL),
	DB_SQL(SYS_SQL_IMP_READ, IMP_SQL_READ, imp_data_cols),
	DB_SQL(SYS_SQL_IMP_DONE, IMP_SQL_DONE, NULL),
	DB_SQL(SYS_SQL_IMP_SYSTEM, SYS_IMP_SELECT, imp_system_cols),
	DB_SQL(SYS_SQL_IMP_SYSTEM_LOCK, SYS_IMP_SELECT " FOR UPDATE", imp_system_cols),
	DB_SQL(SYS_SQL_IMP_UPDATE,
	    "UPDATE sys_system SET kind = ?, url = ?, ips = ?, purpose = ?, hosting = ?, admin_name = ?,"
	    " admin_phone = ?, status = ?, golive_date = ?, level = ?, next_due = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ?", NULL),
};
