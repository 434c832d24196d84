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
	" w.state, w.state_since, w.name, w.domain, w.location, COALESCE(w.file_by, '') AS file_by," \
	" w.state + 0 AS state_no FROM web_site w JOIN unit u ON u.id = w.unit_id WHERE "
#define WS_LIST_SQL(where) WS_LIST_HEAD where " w.id < ? ORDER BY w.id DESC LIMIT 51"

/*
 * The list with search and sort (list.c, core/listq.h): by id, domain,
 * name, unit (its code) or state (in the flow's order, the ENUM's number:
 * state_no), the id the tie, seeking (col, id) past the last row.  Every
 * list the plain page has is one filter here, as list.c picks it (only one
 * of state, awaiting me, down, trigger, failing, for_suspension, refile is
 * on; the unit always applies): unit ×2; state ×2; mine, its three states;
 * down; trigger, its hours; failing; for_suspension, today; refile.  Then
 * first, at, at, after; the search: q, then its prefix of the site's name,
 * domain, IP, the leader's and the administrator's names, and the IP of
 * the VM it runs on (the cloud module's cloud_vm, read-only), each along
 * its own index (schema 030); the limit.  Left to the planner: a page
 * reads along the sort's index or a filter's, whichever is narrower, and
 * the filings are hundreds, not the VMs' tens of thousands.
 */
#define WS_LQ_SQL(col, cmp, dir) \
	WS_LIST_HEAD "(? = 0 OR w.unit_id = ?) AND (? = '' OR w.state = ?)" \
	" AND (? = 0 OR w.state IN (?, ?, ?)) AND (? = 0 OR w.is_down = 1)" \
	" AND (? = 0 OR w.id IN (SELECT o.site_id FROM web_outage o WHERE o.pending = 1" \
	"  AND o.started_at <= NOW() - INTERVAL ? HOUR))" \
	" AND (? = 0 OR w.state IN ('rectifying', 'recheck'))" \
	" AND (? = 0 OR (w.state = 'discovered' AND w.file_by < ?))" \
	" AND (? = 0 OR w.id IN (SELECT r.site_id FROM web_refile r WHERE r.pending = 1))" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND w.id " cmp " ?))" \
	" AND (? = '' OR w.name LIKE ? OR w.domain LIKE ? OR w.ip LIKE ? OR w.leader_name LIKE ?" \
	"  OR w.admin_name LIKE ? OR w.vm_id IN (SELECT cv.id FROM cloud_vm cv WHERE cv.ip LIKE ?))" \
	" ORDER BY " col " " dir ", w.id " dir " LIMIT ?"

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
	" w.created_by AS `created-by`, COALESCE(w.suspend_kind, '') AS `suspend-kind`" \
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

/* An outage, and whether it is a trigger now: still down, not handled, no incident, for the hours. */
#define WS_OUTAGE_SELECT \
	"SELECT id, version, started_at AS started, COALESCE(ended_at, '') AS ended, status, error," \
	" COALESCE(handled_by, '') AS `handled-by`, COALESCE(handled_at, '') AS `handled-at`," \
	" handled_note AS note, COALESCE(incident_id, '') AS incident," \
	" pending = 1 AND started_at <= NOW() - INTERVAL ? HOUR AS `trigger` FROM web_outage"

static DB_COLNAMES(list_cols, WS_LIST_COLS);
static DB_COLNAMES(watch_cols, WS_WATCH_COLS);
static DB_COLNAMES(wstate_cols, WS_WSTATE_COLS);
static DB_COLNAMES(outage_cols, WS_OUTAGE_COLS);
static DB_COLNAMES(officer_cols, WS_OFFICER_COLS);
static DB_COLNAMES(step_cols, WS_STEP_COLS);
static DB_COLNAMES(vm_cols, WS_VM_COLS);
static DB_COLNAMES(sys_cols, WS_SYS_COLS);
static DB_COLNAMES(export_cols, WS_EXPORT_COLS);
DB_COLNAMES(ws_site_cols, WS_SITE_COLS);
static DB_COLNAMES(item_cols, WS_ITEM_COLS);
static DB_COLNAMES(check_cols, WS_CHECK_COLS);
static DB_COLNAMES(result_cols, WS_RESULT_COLS);
static DB_COLNAMES(finding_cols, WS_FINDING_COLS);
static DB_COLNAMES(overdue_cols, WS_OVERDUE_COLS);

/* The checklist: an item, whether a check has answered it (then it is retired, never deleted). */
#define WS_ITEM_SELECT \
	"SELECT i.id, i.code, i.name, i.name_en, i.sort, i.active, i.version," \
	" (SELECT COUNT(*) FROM web_check_result r WHERE r.item_id = i.id) AS used FROM web_check_item i"

/* A page of the filings in one of a few states: each state read along (state, id) or
 * (unit, state, id), 51 rows at most each, merged — never more than 51 × states rows. */
#define WS_STATE_PART(where, st) \
	"(" WS_LIST_HEAD where " w.state = " st " AND w.id < ? ORDER BY w.id DESC LIMIT 51)"
/* The sites whose last check failed. */
#define WS_FAILING_SQL(where) \
	"SELECT * FROM (" WS_STATE_PART(where, "'rectifying'") " UNION ALL " WS_STATE_PART(where, "'recheck'") \
	") x ORDER BY x.id DESC LIMIT 51"
/* Awaiting me: the states in which this account's role takes the next step (list.c). */
#define WS_AWAIT_SQL(where) \
	"SELECT * FROM (" WS_STATE_PART(where, "?") " UNION ALL " WS_STATE_PART(where, "?") " UNION ALL " \
	WS_STATE_PART(where, "?") ") x ORDER BY x.id DESC LIMIT 51"

/* Open findings past fix-by (< today), oldest first, keyset (fix_by, id) along web_finding_open. */
#define WS_OVERDUE_SQL(where) \
	"SELECT f.id, f.site_id, u.code, u.name AS unit_name, COALESCE(u.name_en, '') AS unit_name_en, w.domain," \
	" f.severity, f.fix_by, f.description FROM web_finding f JOIN web_site w ON w.id = f.site_id" \
	" JOIN unit u ON u.id = f.unit_id WHERE " where " f.fixed_at IS NULL AND f.fix_by < ?" \
	" AND (f.fix_by > ? OR (f.fix_by = ? AND f.id > ?)) ORDER BY f.fix_by, f.id LIMIT 51"
static DB_COLNAMES(rf_cols, WS_RF_COLS);
static DB_COLNAMES(unit_cols, WS_UNIT_COLS);

/* A re-filing's row (refile.c). */
#define WS_RF_SELECT \
	"SELECT id, state, version, old_domain, new_domain, old_location, new_location," \
	" COALESCE(old_vm_id, '') AS old_vm, COALESCE(new_vm_id, '') AS new_vm, old_ip, new_ip," \
	" COALESCE(old_exposed, '') AS old_exposed, COALESCE(new_exposed, '') AS new_exposed, old_build," \
	" new_build, old_build_reason, new_build_reason, old_admin_name, new_admin_name, old_admin_phone," \
	" new_admin_phone, old_admin_email, new_admin_email, old_admin_mobile, new_admin_mobile, reason," \
	" requested_by, requested_at, COALESCE(decided_by, '') AS decided_by," \
	" COALESCE(decided_at, '') AS decided_at, decision_reason FROM web_refile"

const struct db_stmt ws_sql[WS_SQL__MAX] = {
	DB_SQL(WS_SQL_LIST_ALL, WS_LIST_SQL(""), list_cols),
	DB_SQL(WS_SQL_LIST_STATE, WS_LIST_SQL("w.state = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT, WS_LIST_SQL("w.unit_id = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT_STATE, WS_LIST_SQL("w.unit_id = ? AND w.state = ? AND"), list_cols),
	DB_SQL(WS_SQL_LQ_ID_ASC, WS_LQ_SQL("w.id", ">", "ASC"), list_cols),
	DB_SQL(WS_SQL_LQ_ID_DESC, WS_LQ_SQL("w.id", "<", "DESC"), list_cols),
	DB_SQL(WS_SQL_LQ_DOMAIN_ASC, WS_LQ_SQL("w.domain", ">", "ASC"), list_cols),
	DB_SQL(WS_SQL_LQ_DOMAIN_DESC, WS_LQ_SQL("w.domain", "<", "DESC"), list_cols),
	DB_SQL(WS_SQL_LQ_NAME_ASC, WS_LQ_SQL("w.name", ">", "ASC"), list_cols),
	DB_SQL(WS_SQL_LQ_NAME_DESC, WS_LQ_SQL("w.name", "<", "DESC"), list_cols),
	DB_SQL(WS_SQL_LQ_UNIT_ASC, WS_LQ_SQL("u.code", ">", "ASC"), list_cols),
	DB_SQL(WS_SQL_LQ_UNIT_DESC, WS_LQ_SQL("u.code", "<", "DESC"), list_cols),
	DB_SQL(WS_SQL_LQ_STATE_ASC, WS_LQ_SQL("(w.state + 0)", ">", "ASC"), list_cols),
	DB_SQL(WS_SQL_LQ_STATE_DESC, WS_LQ_SQL("(w.state + 0)", "<", "DESC"), list_cols),
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
	/* a live filing with the domain but this one, and but one a double submit of this form made */
	DB_SQL(WS_SQL_DOMAIN_USED,
	    "SELECT COUNT(*) AS n FROM web_site WHERE domain_active = ? AND id <> ? AND nonce <> ?",
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
	/* the watcher: the filed domains of online sites, nothing else */
	DB_SQL(WS_SQL_WATCH_SITES,
	    "SELECT id, domain, FIND_IN_SET('https', services) > 0 AS https FROM web_site"
	    " WHERE state = 'online' ORDER BY id LIMIT 100000", watch_cols),
	/* what a round saw; no version step: the watcher is no editor of the filing */
	DB_SQL(WS_SQL_WATCH_SEEN,
	    "UPDATE web_site SET last_checked_at = NOW(), last_status = ?, watch_error = ?,"
	    " down_since = IF(? = 1, COALESCE(down_since, NOW()), NULL) WHERE id = ?", NULL),
	/* one open outage per site (web_outage_open): a second round's insert changes nothing */
	DB_SQL(WS_SQL_OUTAGE_OPEN,
	    "INSERT INTO web_outage (site_id, started_at, status, error) VALUES (?, NOW(), ?, ?)"
	    " ON DUPLICATE KEY UPDATE site_id = site_id", NULL),
	DB_SQL(WS_SQL_OUTAGE_CLOSE,
	    "UPDATE web_outage SET ended_at = NOW(), version = version + 1 WHERE open_site = ?", NULL),
	DB_SQL(WS_SQL_WATCH_STATE,
	    "SELECT COALESCE(last_checked_at, '') AS checked, COALESCE(last_status, '') AS status,"
	    " watch_error AS error, COALESCE(down_since, '') AS `down-since` FROM web_site WHERE id = ?",
	    wstate_cols),
	DB_SQL(WS_SQL_OUTAGES, WS_OUTAGE_SELECT " WHERE site_id = ? ORDER BY id DESC LIMIT 100", outage_cols),
	DB_SQL(WS_SQL_OUTAGE_LOCK, WS_OUTAGE_SELECT " WHERE id = ? AND site_id = ? FOR UPDATE", outage_cols),
	DB_SQL(WS_SQL_OUTAGE_HANDLE,
	    "UPDATE web_outage SET handled_by = ?, handled_at = NOW(), handled_note = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND handled_at IS NULL", NULL),
	DB_SQL(WS_SQL_OUTAGE_INCIDENT,
	    "UPDATE web_outage SET incident_id = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND incident_id IS NULL", NULL),
	/* the incident an outage becomes: every column the incidents module's own filing writes */
	DB_SQL(WS_SQL_INC_INSERT,
	    "INSERT INTO inc_incident (unit_id, reporting_unit_id, system_id, system_name, started_at,"
	    " discovered_at, reported_at, filled_by, taxonomy, category, harm, level_reported, description,"
	    " measures, consequences, suggestions, oral_at, written_at, next_due, next_step,"
	    " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review, lim_rectify_days,"
	    " nonce, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'equipment_fault', 'outage',"
	    " NULL, ?, '', '', '', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL),
	DB_SQL(WS_SQL_INC_STEP,
	    "INSERT INTO inc_step (incident_id, kind, at, recorded_at, by_login, by_name, detail, file_id)"
	    " VALUES (?, 'written', ?, ?, ?, ?, '', NULL)", NULL),
	DB_SQL(WS_SQL_LIST_DOWN, WS_LIST_SQL("w.is_down = 1 AND (? = 0 OR w.unit_id = ?) AND"), list_cols),
	DB_SQL(WS_SQL_LIST_TRIGGER,
	    WS_LIST_SQL("w.id IN (SELECT o.site_id FROM web_outage o WHERE o.pending = 1"
	    " AND o.started_at <= NOW() - INTERVAL ? HOUR) AND (? = 0 OR w.unit_id = ?) AND"), list_cols),
	DB_SQL(WS_SQL_CK_ITEMS, WS_ITEM_SELECT " WHERE i.active = 1 ORDER BY i.sort, i.id LIMIT 21", item_cols),
	DB_SQL(WS_SQL_CK_ROUND, "SELECT COALESCE(MAX(round), 0) AS n FROM web_check WHERE site_id = ?", db_count_cols),
	DB_SQL(WS_SQL_CK_ADD,
	    "INSERT INTO web_check (site_id, round, by_login, result, note, nonce) VALUES (?,?,?,?,?,?)", NULL),
	DB_SQL(WS_SQL_CK_RESULT_ADD,
	    "INSERT INTO web_check_result (check_id, item_id, result, note) VALUES (?,?,?,?)", NULL),
	DB_SQL(WS_SQL_CK_FINDING_ADD,
	    "INSERT INTO web_finding (check_id, site_id, unit_id, severity, description, fix_by) VALUES (?,?,?,?,?,?)",
	    NULL),
	DB_SQL(WS_SQL_CK_SET, WS_SET("state = ?", "IN ('approved','recheck')"), NULL),
	DB_SQL(WS_SQL_CK_LIST,
	    "SELECT id, round, by_login AS login, at, result, note FROM web_check WHERE site_id = ?"
	    " ORDER BY round LIMIT 100", check_cols),
	DB_SQL(WS_SQL_CK_RESULTS,
	    "SELECT r.check_id, i.code, i.name, i.name_en, r.result, r.note FROM web_check c"
	    " JOIN web_check_result r ON r.check_id = c.id JOIN web_check_item i ON i.id = r.item_id"
	    " WHERE c.site_id = ? ORDER BY c.round, i.sort, i.id LIMIT 2000", result_cols),
	DB_SQL(WS_SQL_CK_FINDINGS,
	    "SELECT id, check_id, severity, description, fix_by, COALESCE(fixed_at, '') AS fixed_at,"
	    " COALESCE(fixed_by, '') AS fixed_by, COALESCE(fixed_note, '') AS fixed_note,"
	    " (fixed_at IS NULL AND fix_by < ?) AS overdue FROM web_finding WHERE site_id = ? ORDER BY id LIMIT 500",
	    finding_cols),
	DB_SQL(WS_SQL_CK_RECHECK, WS_SET("state = 'recheck'", "= 'rectifying'"), NULL),
	DB_SQL(WS_SQL_CK_FIXED,
	    "UPDATE web_finding SET fixed_at = NOW(), fixed_by = ?, fixed_note = ? WHERE site_id = ? AND fixed_at IS NULL",
	    NULL),
	DB_SQL(WS_SQL_CK_ALL, WS_ITEM_SELECT " ORDER BY i.active DESC, i.sort, i.id LIMIT 200", item_cols),
	DB_SQL(WS_SQL_CK_ITEM_ADD, "INSERT INTO web_check_item (code, name, name_en, sort) VALUES (?,?,?,?)", NULL),
	DB_SQL(WS_SQL_CK_ITEM_CODE, "UPDATE web_check_item SET code = CONCAT('item', id) WHERE id = ?", NULL),
	DB_SQL(WS_SQL_CK_ITEM_LOCK, WS_ITEM_SELECT " WHERE i.id = ? FOR UPDATE", item_cols),
	DB_SQL(WS_SQL_CK_ITEM_SET, "UPDATE web_check_item SET active = ?, version = version + 1 WHERE id = ? AND version = ?",
	    NULL),
	DB_SQL(WS_SQL_CK_NAME_USED, "SELECT COUNT(*) AS n FROM web_check_item WHERE name = ?", db_count_cols),
	DB_SQL(WS_SQL_LIST_AWAIT, WS_AWAIT_SQL(""), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT_AWAIT, WS_AWAIT_SQL("w.unit_id = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_FAILING, WS_FAILING_SQL(""), list_cols),
	DB_SQL(WS_SQL_LIST_UNIT_FAILING, WS_FAILING_SQL("w.unit_id = ? AND"), list_cols),
	DB_SQL(WS_SQL_LIST_OVERDUE, WS_OVERDUE_SQL(""), overdue_cols),
	DB_SQL(WS_SQL_LIST_UNIT_OVERDUE, WS_OVERDUE_SQL("f.unit_id = ? AND"), overdue_cols),
	/* refile.c: a site's re-filings, newest first; one locked; the pending one's count */
	DB_SQL(WS_SQL_RF_ADD,
	    "INSERT INTO web_refile (site_id, old_domain, new_domain, old_location, new_location, old_vm_id,"
	    " new_vm_id, old_ip, new_ip, old_exposed, new_exposed, old_build, new_build, old_build_reason,"
	    " new_build_reason, old_admin_name, new_admin_name, old_admin_phone, new_admin_phone, old_admin_email,"
	    " new_admin_email, old_admin_mobile, new_admin_mobile, reason, requested_by, nonce)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(WS_SQL_RF_LIST, WS_RF_SELECT " WHERE site_id = ? ORDER BY id DESC LIMIT 50", rf_cols),
	DB_SQL(WS_SQL_RF_LOCK, WS_RF_SELECT " WHERE id = ? AND site_id = ? FOR UPDATE", rf_cols),
	DB_SQL(WS_SQL_RF_PENDING,
	    "SELECT COUNT(*) AS n FROM web_refile WHERE site_id = ? AND pending = 1 FOR UPDATE", db_count_cols),
	/* decided: no longer pending (NULL frees the one-pending key), from the version the page showed */
	DB_SQL(WS_SQL_RF_DECIDE,
	    "UPDATE web_refile SET state = ?, pending = NULL, decided_by = ?, decided_at = NOW(),"
	    " decision_reason = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'pending'", NULL),
	/* approved: every proposed value onto the site, still online, from the version read under the lock */
	DB_SQL(WS_SQL_RF_APPLY,
	    "UPDATE web_site w JOIN web_refile r ON r.site_id = w.id SET w.domain = r.new_domain,"
	    " w.location = r.new_location, w.vm_id = r.new_vm_id, w.ip = r.new_ip, w.exposed = r.new_exposed,"
	    " w.build = r.new_build, w.build_reason = r.new_build_reason, w.admin_name = r.new_admin_name,"
	    " w.admin_phone = r.new_admin_phone, w.admin_email = r.new_admin_email,"
	    " w.admin_mobile = r.new_admin_mobile, w.version = w.version + 1, w.updated_by = ?"
	    " WHERE r.id = ? AND w.id = ? AND w.version = ? AND w.state = 'online'", NULL),
	/* the inventory entry follows the site's new address and server (form.c's hosting names) */
	DB_SQL(WS_SQL_RF_SYSTEM,
	    "UPDATE sys_system s JOIN web_site w ON w.system_id = s.id SET s.url = w.domain,"
	    " s.ips = COALESCE(w.ip, s.ips), s.hosting = IF(w.location = 'hosted', 'hosted_server', w.location),"
	    " s.version = s.version + 1, s.updated_by = ? WHERE w.id = ?", NULL),
	/* a site closed: its pending re-filing goes with it */
	DB_SQL(WS_SQL_RF_DROP,
	    "UPDATE web_refile SET state = 'withdrawn', pending = NULL, decided_by = ?, decided_at = NOW(),"
	    " decision_reason = ?, version = version + 1 WHERE site_id = ? AND pending = 1", NULL),
	/* life.c: suspension from online, or from discovered once past its deadline (file_by < today) */
	DB_SQL(WS_SQL_SET_SUSPENDED,
	    WS_SET("state = 'suspended', suspended_by = ?, suspended_at = NOW(), suspend_kind = ?, suspend_reason = ?",
	    "IN ('online','discovered') AND (state = 'online' OR file_by < ?)"), NULL),
	/* restored: online again, or, never filed, back to discovered with a new deadline */
	DB_SQL(WS_SQL_SET_RESTORED,
	    WS_SET("state = IF(open_date IS NULL, 'discovered', 'online'), restored_by = ?, restored_at = NOW(),"
	    " restore_note = ?, file_by = IF(open_date IS NULL, ?, file_by)", "= 'suspended'"), NULL),
	DB_SQL(WS_SQL_SET_CLOSED,
	    WS_SET("state = 'closed', closed_by = ?, closed_at = NOW(), close_reason = ?",
	    "IN ('online','suspended','discovered')"), NULL),
	DB_SQL(WS_SQL_UNITS,
	    "SELECT id, code, name, COALESCE(name_en, '') AS name_en FROM unit WHERE active = 1"
	    " ORDER BY code LIMIT 1000", unit_cols),
	DB_SQL(WS_SQL_UNIT_OK, "SELECT COUNT(*) AS n FROM unit WHERE id = ? AND active = 1", db_count_cols),
	DB_SQL(WS_SQL_DISCOVER,
	    "INSERT INTO web_site (unit_id, name, domain, apply_date, state, discovered_by, discovered_at, file_by,"
	    " nonce, created_by, updated_by) VALUES (?, ?, ?, ?, 'discovered', ?, NOW(), ?, ?, ?, ?)", NULL),
	/* list.c: discovered and not filed by the deadline (before today), by deadline then id, keyset
	 * (file_by, id) > (?, ?); a unit's own (unit_id = ?) or every unit's (0) */
	DB_SQL(WS_SQL_LIST_FOR_SUSPENSION,
	    WS_LIST_HEAD "(? = 0 OR w.unit_id = ?) AND w.state = 'discovered' AND w.file_by < ?"
	    " AND (w.file_by, w.id) > (?, ?) ORDER BY w.state, w.file_by, w.id LIMIT 51", list_cols),
	DB_SQL(WS_SQL_LIST_REFILE,
	    WS_LIST_HEAD "(? = 0 OR w.unit_id = ?) AND w.id IN (SELECT r.site_id FROM web_refile r"
	    " WHERE r.pending = 1) AND w.id < ? ORDER BY w.id DESC LIMIT 51", list_cols),
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
