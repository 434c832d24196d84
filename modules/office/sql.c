/*
 * sql.c — the office module's statements, with the parameters and columns
 * office.h names for each (checked against the server at start).  The
 * module writes the core tables of 001/023/027: unit, account; and 036's
 * upstream_export (the upstream reports, upstream.h), reading unit,
 * reg_holder, sys_system, sys_assessment and pledge_vendor for them.
 */
#include "upstream.h"
#include "../registration/xunit.h"
#include "../systems/xsystem.h"

#define OF_UNIT_SELECT \
	"SELECT u.id, u.code, u.name, COALESCE(u.name_en, '') AS `name-en`, u.kind, u.active, u.version," \
	" COALESCE(u.parent_id, '') AS parent, COALESCE(p.code, '') AS `parent-code`," \
	" COALESCE(p.name, '') AS `parent-name`, COALESCE(u.closed_at, '') AS `closed-at`," \
	" COALESCE(u.closed_by, '') AS `closed-by`, u.updated_at AS `updated-at`, u.updated_by AS `updated-by`," \
	" COALESCE(u.webhook_url, '') AS webhook FROM unit u LEFT JOIN unit p ON p.id = u.parent_id"

/* never the password hash itself: only whether there is one */
#define OF_ACC_SELECT \
	"SELECT a.id, a.login, a.name, a.role, a.unit_id AS unit, u.code AS `unit-code`, u.name AS `unit-name`," \
	" a.active, a.version, COALESCE(a.sso_name, '') AS sso, a.password_hash IS NOT NULL AS `has-password`," \
	" COALESCE(a.password_set_at, '') AS `set-at`, a.updated_at AS `updated-at`, a.updated_by AS `updated-by`" \
	" FROM account a JOIN unit u ON u.id = a.unit_id"

DB_COLNAMES(of_unit_cols, OF_UNIT_COLS);
static DB_COLNAMES(pick_cols, OF_PICK_COLS);
static DB_COLNAMES(acc_cols, OF_ACC_COLS);
static DB_COLNAMES(set_cols, OF_SET_COLS);
static DB_COLNAMES(audit_cols, OF_AUDIT_COLS);
static const char *const cal_cols[] = { "day", "kind", "name", NULL };
DB_COLNAMES(up_list_cols, UP_LIST_COLS);
DB_COLNAMES(up_cols, UP_COLS);
const char *const up_wm_cols[] = { "watermark", NULL };
DB_COLNAMES(up_clock_cols, UP_CLOCK_COLS);
DB_COLNAMES(up_log_cols, UP_LOG_COLS);

/*
 * The audit viewer's page: newest first along (at, id) from the cursor, in
 * the date range, with the filters not leading the index as conditions.
 * Each statement names the index of its leading filter (schema 027), so a
 * page reads its 51 rows and no more, whatever the size of the table.
 */
#define OF_AUDIT_HEAD \
	"SELECT a.id, a.at, a.login, a.role, COALESCE(a.unit_id, '') AS unit, COALESCE(u.code, '') AS `unit-code`," \
	" a.module, a.record_type AS `record-type`, a.record_id AS `record-id`, a.action," \
	" COALESCE(a.before_data, '') AS `before`, COALESCE(a.after_data, '') AS `after`, a.request_id AS reqid" \
	" FROM audit a "
#define OF_AUDIT_TAIL \
	" a.at >= ? AND a.at < ? + INTERVAL 1 DAY AND (a.at < ? OR (a.at = ? AND a.id < ?))" \
	" AND (? = 0 OR a.unit_id = ?) AND (? = '' OR a.login = ?) AND (? = '' OR (a.record_type = ? AND a.record_id = ?))" \
	" ORDER BY a.at DESC, a.id DESC LIMIT 51"
#define OF_AUDIT_JOIN " LEFT JOIN unit u ON u.id = a.unit_id WHERE"

#define OF_SET_SELECT \
	"SELECT name, COALESCE(value, '') AS value, value IS NOT NULL AS `set`, version," \
	" updated_at AS `updated-at`, updated_by AS `updated-by` FROM site_setting"

const struct db_stmt of_sql[OF_SQL__MAX] = {
	/* the list along unit_code: a search reads the units (a few thousand at most), the page 51 */
	DB_SQL(OF_SQL_UNIT_LIST, OF_UNIT_SELECT
	    " WHERE (? = '' OR INSTR(u.code, ?) > 0 OR INSTR(u.name, ?) > 0) AND (? = 1 OR u.active = 1)"
	    " AND u.code > ? ORDER BY u.code LIMIT 51", of_unit_cols),
	DB_SQL(OF_SQL_UNIT_GET, OF_UNIT_SELECT " WHERE u.id = ?", of_unit_cols),
	DB_SQL(OF_SQL_UNIT_LOCK, OF_UNIT_SELECT " WHERE u.id = ? FOR UPDATE", of_unit_cols),
	DB_SQL(OF_SQL_UNIT_PICK, "SELECT id, code, name, active FROM unit WHERE active = 1 ORDER BY code LIMIT 3000",
	    pick_cols),
	DB_SQL(OF_SQL_UNIT_CHILDREN,
	    "SELECT id, code, name, active FROM unit WHERE parent_id = ? ORDER BY code LIMIT 200", pick_cols),
	DB_SQL(OF_SQL_UNIT_OPEN_CHILDREN, "SELECT COUNT(*) AS n FROM unit WHERE parent_id = ? AND active = 1",
	    db_count_cols),
	/* one step up the chain, locked: two renames at once cannot close a loop between them */
	DB_SQL(OF_SQL_UNIT_PARENT, "SELECT COALESCE(parent_id, 0) AS n FROM unit WHERE id = ? FOR UPDATE",
	    db_count_cols),
	DB_SQL(OF_SQL_UNIT_CODE_USED, "SELECT COUNT(*) AS n FROM unit WHERE code = ?", db_count_cols),
	DB_SQL(OF_SQL_UNIT_INSERT,
	    "INSERT INTO unit (code, name, name_en, kind, parent_id, created_by, updated_by) VALUES (?,?,?,?,?,?,?)",
	    NULL),
	DB_SQL(OF_SQL_UNIT_UPDATE,
	    "UPDATE unit SET name = ?, name_en = ?, kind = ?, parent_id = ?, webhook_url = ?, updated_by = ?,"
	    " version = version + 1"
	    " WHERE id = ? AND version = ?", NULL),
	DB_SQL(OF_SQL_UNIT_CLOSE,
	    "UPDATE unit SET active = 0, closed_at = NOW(), closed_by = ?, updated_by = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND active = 1", NULL),
	DB_SQL(OF_SQL_UNIT_REOPEN,
	    "UPDATE unit SET active = 1, closed_at = NULL, closed_by = NULL, updated_by = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND active = 0", NULL),

	/* accounts along account_login */
	DB_SQL(OF_SQL_ACC_LIST, OF_ACC_SELECT
	    " WHERE (? = '' OR INSTR(a.login, ?) > 0 OR INSTR(a.name, ?) > 0) AND (? = '' OR a.role = ?)"
	    " AND a.login > ? ORDER BY a.login LIMIT 51", acc_cols),
	DB_SQL(OF_SQL_ACC_GET, OF_ACC_SELECT " WHERE a.id = ?", acc_cols),
	DB_SQL(OF_SQL_ACC_LOCK, OF_ACC_SELECT " WHERE a.id = ? FOR UPDATE", acc_cols),
	DB_SQL(OF_SQL_ACC_INSERT,
	    "INSERT INTO account (login, name, role, unit_id, sso_name, created_by, updated_by) VALUES (?,?,?,?,?,?,?)",
	    NULL),
	DB_SQL(OF_SQL_ACC_UPDATE,
	    "UPDATE account SET name = ?, role = ?, unit_id = ?, sso_name = ?, updated_by = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", NULL),
	DB_SQL(OF_SQL_ACC_ACTIVE,
	    "UPDATE account SET active = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?", NULL),
	DB_SQL(OF_SQL_ACC_PASSWORD,
	    "UPDATE account SET password_hash = ?, password_set_at = NOW(), updated_by = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", NULL),
	/* a disabled account or a reset password ends the account's sessions: re-enabling
	 * it must not bring back a cookie that was out there (login's table, schema 024) */
	DB_SQL(OF_SQL_ACC_SESSIONS_END, "DELETE FROM login_session WHERE account_id = ?", NULL),
	DB_SQL(OF_SQL_ACC_LOGIN_USED, "SELECT COUNT(*) AS n FROM account WHERE login = ?", db_count_cols),
	DB_SQL(OF_SQL_ACC_SSO_USED, "SELECT COUNT(*) AS n FROM account WHERE sso_name = ? AND id <> ?",
	    db_count_cols),
	DB_SQL(OF_SQL_UNIT_ACTIVE, "SELECT COUNT(*) AS n FROM unit WHERE id = ? AND active = 1", db_count_cols),

	/* site settings: the page reads the table, not the cache, so it shows what is stored */
	DB_SQL(OF_SQL_SET_ALL, OF_SET_SELECT " ORDER BY name LIMIT 32", set_cols),
	DB_SQL(OF_SQL_SET_LOCK, OF_SET_SELECT " WHERE name = ? FOR UPDATE", set_cols),
	/* one sequence over the table, so MAX(version) tells every worker of a change (core/setting.c) */
	DB_SQL(OF_SQL_SET_NEXT, "SELECT COALESCE(MAX(version), 0) + 1 AS n FROM site_setting FOR UPDATE",
	    db_count_cols),
	DB_SQL(OF_SQL_AUDIT_ALL, OF_AUDIT_HEAD "FORCE INDEX (audit_at)" OF_AUDIT_JOIN OF_AUDIT_TAIL, audit_cols),
	DB_SQL(OF_SQL_AUDIT_UNIT, OF_AUDIT_HEAD "FORCE INDEX (audit_unit_at)" OF_AUDIT_JOIN " a.unit_id = ? AND"
	    OF_AUDIT_TAIL, audit_cols),
	DB_SQL(OF_SQL_AUDIT_LOGIN, OF_AUDIT_HEAD "FORCE INDEX (audit_login)" OF_AUDIT_JOIN " a.login = ? AND"
	    OF_AUDIT_TAIL, audit_cols),
	DB_SQL(OF_SQL_AUDIT_RECORD, OF_AUDIT_HEAD "FORCE INDEX (audit_rec_at)" OF_AUDIT_JOIN
	    " a.record_type = ? AND a.record_id = ? AND" OF_AUDIT_TAIL, audit_cols),
	DB_SQL(OF_SQL_CAL_YEAR, "SELECT day, kind, name FROM calendar_day WHERE day BETWEEN ? AND ? ORDER BY day"
	    " LIMIT 400", cal_cols),
	DB_SQL(OF_SQL_CAL_DELETE, "DELETE FROM calendar_day WHERE day BETWEEN ? AND ?", NULL),
	DB_SQL(OF_SQL_CAL_INSERT, "INSERT INTO calendar_day (day, kind, name, created_by) VALUES (?,?,?,?)", NULL),
	/* upstream reporting: the upstreams with their last successful export */
	DB_SQL(OF_SQL_UP_LIST,
	    "SELECT p.id, p.code, p.name, p.profile, p.enabled, COALESCE(e.id, '') AS `last-id`,"
	    " COALESCE(e.finished_at, '') AS `last-at`, COALESCE(e.kind, '') AS `last-kind`,"
	    " COALESCE(e.by_login, '') AS `last-by`, COALESCE(e.record_count, '') AS `last-rows`,"
	    " COALESCE(e.byte_size, '') AS `last-bytes`, COALESCE(e.sha256, '') AS `last-sha256`,"
	    " COALESCE(e.watermark, '') AS `last-watermark` FROM upstream p"
	    " LEFT JOIN upstream_export e ON e.id = (SELECT MAX(x.id) FROM upstream_export x"
	    " WHERE x.upstream_id = p.id AND x.status = 'ok') ORDER BY p.code LIMIT 100", up_list_cols),
	DB_SQL(OF_SQL_UP_GET, "SELECT id, code, name, profile, enabled FROM upstream WHERE id = ?", up_cols),
	DB_SQL(OF_SQL_UP_BY_CODE, "SELECT id, code, name, profile, enabled FROM upstream WHERE code = ?", up_cols),
	/* the next incremental's since: the last successful export's watermark */
	DB_SQL(OF_SQL_UP_LAST,
	    "SELECT watermark FROM upstream_export FORCE INDEX (upstream_export_last)"
	    " WHERE upstream_id = ? AND status = 'ok' ORDER BY watermark DESC LIMIT 1", up_wm_cols),
	/* read right after the snapshot began (uprun.c): the watermark is UP_LAG seconds behind it */
	DB_SQL(OF_SQL_UP_CLOCK,
	    "SELECT NOW() AS now, NOW() - INTERVAL ? SECOND AS watermark, CURDATE() AS today", up_clock_cols),
	/* the canonical persons: every active unit with its current holders, as the registration export */
	DB_SQL(OF_SQL_UP_PERSONS_ALL, "SELECT" REG_X_SELECT REG_X_ALL, reg_x_cols),
	/* the current holders changed in [since, watermark), by reg_holder_updated (schema 036) */
	DB_SQL(OF_SQL_UP_PERSONS_SINCE, "SELECT" REG_X_SELECT
	    " FROM reg_holder h FORCE INDEX (reg_holder_updated) JOIN unit u ON u.id = h.unit_id"
	    " WHERE h.updated_at >= ? AND h.updated_at < ? AND h.is_current = 1 AND u.active = 1"
	    " ORDER BY u.code, h.role", reg_x_cols),
	/* the canonical systems (as modules/systems/sql.c's SYS_SQL_EXPORT) updated in [since, watermark) */
	DB_SQL(OF_SQL_UP_SYSTEMS, "SELECT" SYS_X_SELECT SYS_X_FROM
	    " WHERE s.updated_at >= ? AND s.updated_at < ? ORDER BY s.id", sys_x_cols),
	DB_SQL(OF_SQL_UP_LOG_INSERT,
	    "INSERT INTO upstream_export (upstream_id, kind, status, started_at, finished_at, by_login, since,"
	    " watermark, record_count, byte_size, sha256) VALUES (?,?,?,?,NOW(),?,?,?,?,?,?)", NULL),
	/* the log, newest first from the cursor (?before=), one upstream or all (0) */
	DB_SQL(OF_SQL_UP_LOG,
	    "SELECT e.id, p.code AS upstream, e.kind, e.status, e.started_at AS started,"
	    " e.finished_at AS finished, e.by_login AS `by`, COALESCE(e.since, '') AS since, e.watermark,"
	    " e.record_count AS `rows`, e.byte_size AS bytes, e.sha256"
	    " FROM upstream_export e JOIN upstream p ON p.id = e.upstream_id"
	    " WHERE e.id < ? AND (? = 0 OR e.upstream_id = ?) ORDER BY e.id DESC LIMIT 51", up_log_cols),
	DB_SQL(OF_SQL_SET_PUT,
	    "INSERT INTO site_setting (name, value, version, updated_by) VALUES (?,?,?,?) ON DUPLICATE KEY UPDATE"
	    " value = VALUES(value), version = VALUES(version), updated_by = VALUES(updated_by)", NULL),
};
