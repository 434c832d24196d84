/*
 * sql.c — the websites module's statements, with the parameters and
 * columns websites.h names for each (checked against the server at start).
 * The letter gate reads the pledges module's pledge_signing, the officer
 * registration's reg_holder, the pick lists the systems module's sys_system
 * and the cloud module's cloud_vm: read-only on the shared schema, except
 * the inventory entry a filing creates or marks online.
 */
#include "websites.h"

/* STRAIGHT_JOIN: the filings first, along the key in the page's order, the unit one primary-key
 * read per row (left to itself, MariaDB may start from unit and sort every filing: the cloud
 * list does so at 20,000 VMs) */
#define WS_LIST_HEAD \
	"SELECT STRAIGHT_JOIN w.id, w.unit_id, u.code, u.name AS unit_name, COALESCE(u.name_en, '') AS unit_name_en," \
	" w.state, w.state_since, w.name, w.domain, w.location" \
	" FROM web_site w JOIN unit u ON u.id = w.unit_id WHERE "
#define WS_LIST_SQL(where) WS_LIST_HEAD where " w.id < ? ORDER BY w.id DESC LIMIT 51"

#define WS_SITE_SELECT \
	"SELECT w.id, w.version, w.state, w.unit_id AS `unit-id`, u.code AS `unit-code`, u.name AS `unit-name`," \
	" COALESCE(u.name_en, '') AS `unit-name-en`, COALESCE(w.system_id, '') AS `system`," \
	" COALESCE(s.name, '') AS `system-name`, w.name, w.domain, w.leader_name, w.leader_phone, w.site_lang," \
	" w.site_runtime, w.site_db, w.sections, w.location, COALESCE(w.vm_id, '') AS vm," \
	" COALESCE(v.ip, '') AS `vm-ip`, COALESCE(v.kind, '') AS `vm-kind`, w.build, w.build_reason," \
	" w.admin_name, w.admin_phone, w.admin_email, w.admin_mobile, w.apply_date," \
	" COALESCE(w.open_date, '') AS open_date, w.notes, w.state_since AS `state-since`," \
	" COALESCE(w.submitted_by, '') AS `submitted-by`, COALESCE(w.submitted_at, '') AS `submitted-at`," \
	" COALESCE(w.unit_by, '') AS `unit-by`, COALESCE(w.unit_at, '') AS `unit-at`, w.unit_opinion," \
	" COALESCE(w.returned_by, '') AS `returned-by`, COALESCE(w.returned_at, '') AS `returned-at`," \
	" COALESCE(w.return_reason, '') AS `return-reason`, COALESCE(w.center_by, '') AS `center-by`," \
	" COALESCE(w.center_at, '') AS `center-at`, w.center_opinion, COALESCE(w.ip, '') AS ip," \
	" COALESCE(w.exposed, '') AS exposed, w.services, w.services_other," \
	" COALESCE(w.suspended_by, '') AS `suspended-by`, COALESCE(w.suspended_at, '') AS `suspended-at`," \
	" COALESCE(w.suspend_reason, '') AS `suspend-reason`, COALESCE(w.restored_by, '') AS `restored-by`," \
	" COALESCE(w.restored_at, '') AS `restored-at`, COALESCE(w.restore_note, '') AS `restore-note`," \
	" COALESCE(w.closed_by, '') AS `closed-by`, COALESCE(w.closed_at, '') AS `closed-at`," \
	" COALESCE(w.close_reason, '') AS `close-reason`, COALESCE(w.discovered_by, '') AS `discovered-by`," \
	" COALESCE(w.discovered_at, '') AS `discovered-at`, COALESCE(w.file_by, '') AS `file-by`," \
	" w.created_by AS `created-by`" \
	" FROM web_site w JOIN unit u ON u.id = w.unit_id LEFT JOIN sys_system s ON s.id = w.system_id" \
	" LEFT JOIN cloud_vm v ON v.id = w.vm_id WHERE w.id = ?"

/* A step: from the version the page showed and the state it names. */
#define WS_SET(what, from) \
	"UPDATE web_site SET " what ", state_since = NOW(), version = version + 1, updated_by = ?" \
	" WHERE id = ? AND version = ? AND state " from

/* The unit's website entries a filing may link: not retired, no other live filing on them. */
#define WS_FREE_SYSTEMS \
	" FROM sys_system s LEFT JOIN web_site w ON w.system_active = s.id" \
	" WHERE s.unit_id = ? AND s.kind = 'website' AND s.status <> 'retired' AND (w.id IS NULL OR w.id = ?)"

static DB_COLNAMES(list_cols, WS_LIST_COLS);
static DB_COLNAMES(officer_cols, WS_OFFICER_COLS);
static DB_COLNAMES(step_cols, WS_STEP_COLS);
static DB_COLNAMES(vm_cols, WS_VM_COLS);
static DB_COLNAMES(sys_cols, WS_SYS_COLS);
static DB_COLNAMES(export_cols, WS_EXPORT_COLS);
DB_COLNAMES(ws_site_cols, WS_SITE_COLS);

const struct db_stmt ws_sql[WS_SQL__MAX] = {
	DB_SQL(WS_SQL_LIST_ALL, WS_LIST_SQL(""), list_cols),
	DB_SQL(WS_SQL_LIST_STATE, WS_LIST_SQL("w.state = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT, WS_LIST_SQL("w.unit_id = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT_STATE, WS_LIST_SQL("w.unit_id = ? AND w.state = ? AND"), list_cols),
	DB_SQL(WS_SQL_GET, WS_SITE_SELECT, ws_site_cols),
	DB_SQL(WS_SQL_LOCK, WS_SITE_SELECT " FOR UPDATE", ws_site_cols),
	DB_SQL(WS_SQL_OFFICER,
	    "SELECT name, title, COALESCE(office_phone, '') AS phone, COALESCE(mobile, '') AS mobile"
	    " FROM reg_holder WHERE unit_id = ? AND role = 'first' AND is_current = 1", officer_cols),
	DB_SQL(WS_SQL_STEPS,
	    "SELECT at, login, from_state, to_state, reason FROM web_site_step WHERE site_id = ? ORDER BY id",
	    step_cols),
	DB_SQL(WS_SQL_STEP_ADD,
	    "INSERT INTO web_site_step (site_id, login, from_state, to_state, reason) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(WS_SQL_LETTER,
	    "SELECT COUNT(*) AS n FROM pledge_signing WHERE kind = 'website' AND party_type = 'unit'"
	    " AND party_id = ? AND is_current = 1", db_count_cols),
	DB_SQL(WS_SQL_UNIT_VMS,
	    "SELECT id, kind, COALESCE(ip, '') AS ip, purpose FROM cloud_vm"
	    " WHERE unit_id = ? AND state IN ('active','suspended') ORDER BY id LIMIT 200", vm_cols),
	DB_SQL(WS_SQL_VM_OK,
	    "SELECT COUNT(*) AS n FROM cloud_vm WHERE id = ? AND unit_id = ? AND kind = ?"
	    " AND state IN ('active','suspended')", db_count_cols),
	DB_SQL(WS_SQL_UNIT_SYSTEMS, "SELECT s.id, s.name" WS_FREE_SYSTEMS " ORDER BY s.id LIMIT 500", sys_cols),
	DB_SQL(WS_SQL_SYSTEM_OK, "SELECT COUNT(*) AS n" WS_FREE_SYSTEMS " AND s.id = ?", db_count_cols),
	DB_SQL(WS_SQL_DOMAIN_USED, "SELECT COUNT(*) AS n FROM web_site WHERE domain_active = ? AND id <> ?",
	    db_count_cols),
	DB_SQL(WS_SQL_INSERT,
	    "INSERT INTO web_site (unit_id, system_id, name, domain, leader_name, leader_phone, site_lang,"
	    " site_runtime, site_db, sections, location, vm_id, build, build_reason, admin_name, admin_phone,"
	    " admin_email, admin_mobile, apply_date, notes, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(WS_SQL_UPDATE,
	    "UPDATE web_site SET system_id = ?, name = ?, domain = ?, leader_name = ?, leader_phone = ?,"
	    " site_lang = ?, site_runtime = ?, site_db = ?, sections = ?, location = ?, vm_id = ?, build = ?,"
	    " build_reason = ?, admin_name = ?, admin_phone = ?, admin_email = ?, admin_mobile = ?,"
	    " apply_date = ?, notes = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ? AND state IN ('draft','returned','discovered')", NULL),
	DB_SQL(WS_SQL_SYSTEM_ADD,
	    "INSERT INTO sys_system (unit_id, name, kind, url, hosting, admin_name, admin_phone, status,"
	    " created_by, updated_by) VALUES (?, ?, 'website', ?, ?, ?, ?, 'planned', ?, ?)", NULL),
	DB_SQL(WS_SQL_SET_SUBMITTED,
	    WS_SET("state = 'submitted', submitted_by = ?, submitted_at = NOW()",
	    "IN ('draft','returned','discovered')"), NULL),
	DB_SQL(WS_SQL_SET_WITHDRAWN, WS_SET("state = 'withdrawn'", "= 'submitted'"), NULL),
	DB_SQL(WS_SQL_SET_APPROVED,
	    WS_SET("state = 'approved', unit_by = ?, unit_at = NOW(), unit_opinion = ?", "= 'submitted'"), NULL),
	DB_SQL(WS_SQL_SET_RETURNED,
	    WS_SET("state = 'returned', returned_by = ?, returned_at = NOW(), return_reason = ?", "= ?"), NULL),
	DB_SQL(WS_SQL_SET_ONLINE,
	    WS_SET("state = 'online', center_by = ?, center_at = NOW(), center_opinion = ?, ip = ?,"
	    " exposed = ?, services = ?, services_other = ?, open_date = ?", "= 'passed'"), NULL),
	/* the inventory entry goes online with the site; a go-live date it had stays */
	DB_SQL(WS_SQL_SYSTEM_ONLINE,
	    "UPDATE sys_system SET status = 'online', golive_date = COALESCE(golive_date, ?), ips = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ?", NULL),
	DB_SQL(WS_SQL_DEMO_COUNT, "SELECT COUNT(*) AS n FROM web_site", db_count_cols),
	DB_SQL(WS_SQL_DEMO_UNIT, "SELECT COALESCE(MAX(id), 0) AS n FROM unit WHERE code = ?", db_count_cols),
	/* export.c: one unbuffered query, streamed row by row */
	DB_SQL(WS_SQL_EXPORT,
	    "SELECT w.id, w.state, u.code, u.name AS unit_name, w.domain, w.name, w.site_lang, w.site_runtime,"
	    " w.site_db, w.sections, w.location, COALESCE(w.vm_id, '') AS vm_id, COALESCE(v.ip, '') AS vm_ip,"
	    " w.build, w.build_reason, w.leader_name, w.leader_phone, w.admin_name, w.admin_phone,"
	    " w.admin_email, w.admin_mobile, w.apply_date, COALESCE(w.open_date, '') AS open_date,"
	    " w.unit_opinion, COALESCE(w.unit_at, '') AS unit_at, w.center_opinion,"
	    " COALESCE(w.center_at, '') AS center_at, COALESCE(w.ip, '') AS ip,"
	    " COALESCE(w.exposed, '') AS exposed, w.services, w.services_other,"
	    " COALESCE(w.system_id, '') AS system_id, w.notes, w.state_since, w.updated_at"
	    " FROM web_site w JOIN unit u ON u.id = w.unit_id LEFT JOIN cloud_vm v ON v.id = w.vm_id"
	    " ORDER BY w.id", export_cols),
	/* demo.c only: the states whose steps other pages take, with their who and when */
	DB_SQL(WS_SQL_DEMO_CHECKED,
	    WS_SET("state = ?, center_by = ?, center_at = NOW(), center_opinion = ?", "IN ('approved','recheck')"),
	    NULL),
	DB_SQL(WS_SQL_DEMO_RECHECK, WS_SET("state = 'recheck'", "= 'rectifying'"), NULL),
	DB_SQL(WS_SQL_DEMO_SUSPENDED,
	    WS_SET("state = 'suspended', suspended_by = ?, suspended_at = NOW(), suspend_reason = ?", "= 'online'"),
	    NULL),
	DB_SQL(WS_SQL_DEMO_CLOSED,
	    WS_SET("state = 'closed', closed_by = ?, closed_at = NOW(), close_reason = ?", "IN ('online','suspended')"),
	    NULL),
	DB_SQL(WS_SQL_DEMO_DISCOVERED,
	    WS_SET("state = 'discovered', discovered_by = ?, discovered_at = NOW(), file_by = ?", "= 'draft'"), NULL),
};
