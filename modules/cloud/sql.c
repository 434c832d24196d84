/*
 * sql.c — the cloud module's statements, with the parameters and columns
 * cloud.h names for each (checked against the server at start).  The
 * letter gate reads the pledges module's pledge_signing and the pick list
 * the systems module's sys_system: read-only, on the shared schema.
 */
#include "cloud.h"

#define CL_LIST_HEAD \
	"SELECT STRAIGHT_JOIN v.id, v.unit_id, u.code, u.name AS unit_name, COALESCE(u.name_en, '') AS unit_name_en," \
	" v.state, v.vcpu, v.memory_gib, v.disk_gib, COALESCE(v.ip, '') AS ip, v.state_since, v.applicant," \
	" COALESCE(v.rereg_due, '') AS rereg_due, v.period_to, COALESCE(v.registered_on, '') AS registered_on," \
	" v.kind, COALESCE(v.server_name, '') AS server_name, v.state + 0 AS state_no" \
	" FROM cloud_vm v JOIN unit u ON u.id = v.unit_id WHERE "
#define CL_LIST_SQL(where) CL_LIST_HEAD where " v.id < ? ORDER BY v.id DESC LIMIT 51"

/*
 * The list with search and sort (list.c, core/listq.h): by id, applicant,
 * unit (its code) or state (in the flow's order, the ENUM's number:
 * state_no), the id the tie, seeking (col, id) past the last row.  The
 * filters as the plain list takes them: unit ×2, state ×2 (awaiting me is
 * one state), kind ×2; then first, at, at, after; the search: q, then its
 * prefix of the server's name, the IP, the applicant and the contact, each
 * along its own index (schema 030); the limit.  Left to the planner: a
 * search's few matches are merged from those indexes and sorted, and the
 * applicant's sort reads along (applicant) or (unit_id, applicant).
 */
#define CL_LQ_SQL(col, cmp, dir) \
	CL_LIST_HEAD "(? = 0 OR v.unit_id = ?) AND (? = '' OR v.state = ?) AND (? = '' OR v.kind = ?)" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND v.id " cmp " ?))" \
	" AND (? = '' OR v.server_name LIKE ? OR v.ip LIKE ? OR v.applicant LIKE ? OR v.contact LIKE ?)" \
	" ORDER BY " col " " dir ", v.id " dir " LIMIT ?"

/*
 * A list by a date column of the live VMs (active, suspended), oldest
 * first, 50 a page from the cursor (date, id), below a bound: each state
 * read along its own (…, state, date, id) index, 51 rows at most each, and
 * the two merged — never more than 102 rows, however long the table.
 * Parameters per state: [unit,] from, from, after id, before.
 */
#define CL_LIVE_PART(where, st, col) \
	"(" CL_LIST_HEAD where " v.state = '" st "' AND v." col " >= ? AND (v." col " > ? OR v.id > ?)" \
	" AND v." col " < ? ORDER BY v." col ", v.id LIMIT 51)"
#define CL_LIVE_SQL(where, col) \
	"SELECT * FROM (" CL_LIVE_PART(where, "active", col) " UNION ALL " \
	CL_LIVE_PART(where, "suspended", col) ") x ORDER BY x." col ", x.id LIMIT 51"

/* What the date rules read of one VM (rereg.c). */
#define CL_LIFE_SQL \
	"SELECT kind, COALESCE(registered_on, '') AS registered_on, COALESCE(rereg_due, '') AS rereg_due," \
	" period_to, state, unit_id, version FROM cloud_vm WHERE id = ?"

#define CL_VM_SELECT \
	"SELECT v.id, v.version, v.unit_id AS `unit-id`, u.code AS `unit-code`, u.name AS `unit-name`," \
	" v.applicant, v.contact, v.apply_date, v.image_id AS image, v.image_other, v.vcpu, v.memory_gib," \
	" v.disk_gib, v.sw_database, v.sw_app, v.sw_other, v.period_from, v.period_to, v.purpose, v.notes," \
	" v.state, v.state_since AS `state-since`, COALESCE(v.submitted_by, '') AS `submitted-by`," \
	" COALESCE(v.submitted_at, '') AS `submitted-at`, COALESCE(v.unit_by, '') AS `unit-by`," \
	" COALESCE(v.unit_at, '') AS `unit-at`, COALESCE(v.office_by, '') AS `office-by`," \
	" COALESCE(v.office_at, '') AS `office-at`, v.office_override AS `office-override`," \
	" COALESCE(v.returned_by, '') AS `returned-by`, COALESCE(v.returned_at, '') AS `returned-at`," \
	" COALESCE(v.return_reason, '') AS `return-reason`, COALESCE(v.center_by, '') AS `center-by`," \
	" COALESCE(v.center_at, '') AS `center-at`, COALESCE(v.server_name, '') AS `server-name`," \
	" COALESCE(v.ip, '') AS ip, COALESCE(v.netmask, '') AS netmask, COALESCE(v.gateway, '') AS gateway," \
	" COALESCE(v.provision_date, '') AS `provision-date`, v.created_by AS `created-by`," \
	" COALESCE(u.name_en, '') AS `unit-name-en`," \
	" v.kind, v.server_config, v.security_devices, COALESCE(v.review_date, '') AS review_date," \
	" v.review_ref, COALESCE(v.review_scan_id, '') AS `review-scan`, COALESCE(sc.mime, '') AS `review-mime`," \
	" COALESCE(sc.size, '') AS `review-size`" \
	" FROM cloud_vm v JOIN unit u ON u.id = v.unit_id LEFT JOIN cloud_scan sc ON sc.id = v.review_scan_id" \
	" WHERE v.id = ?"

/* A step: from the version the page showed and the state it names. */
#define CL_SET(what, from) \
	"UPDATE cloud_vm SET " what ", state_since = NOW(), version = version + 1, updated_by = ?" \
	" WHERE id = ? AND version = ? AND state " from

static DB_COLNAMES(list_cols, CL_LIST_COLS);
static DB_COLNAMES(image_cols, CL_IMAGE_COLS);
static DB_COLNAMES(sys_cols, CL_SYS_COLS);
static DB_COLNAMES(step_cols, CL_STEP_COLS);
static DB_COLNAMES(usage_cols, CL_USAGE_COLS);
static DB_COLNAMES(ip_cols, CL_IP_COLS);
static DB_COLNAMES(cat_cols, CL_CAT_COLS);
static DB_COLNAMES(export_cols, CL_EXPORT_COLS);
static DB_COLNAMES(life_cols, CL_LIFE_COLS);
static DB_COLNAMES(rereg_cols, CL_REREG_COLS);
static DB_COLNAMES(chunk_cols, CL_CHUNK_COLS);
DB_COLNAMES(cl_vm_cols, CL_VM_COLS);
DB_COLNAMES(cl_end_cols, CL_END_COLS);
DB_COLNAMES(cl_chg_cols, CL_CHG_COLS);

/* A change's row (change.c). */
#define CL_CHG_SELECT \
	"SELECT id, kind, state, version, old_purpose, new_purpose, old_vcpu, new_vcpu, old_memory_gib," \
	" new_memory_gib, old_disk_gib, new_disk_gib, old_sw_database, new_sw_database, old_sw_app," \
	" new_sw_app, old_sw_other, new_sw_other, old_notes, new_notes, old_period_from, new_period_from," \
	" old_period_to, new_period_to, reason, requested_by, requested_at," \
	" COALESCE(decided_by, '') AS decided_by, COALESCE(decided_at, '') AS decided_at, decision_reason," \
	" override, vm_id FROM cloud_change"

const struct db_stmt cl_sql[CL_SQL__MAX] = {
	DB_SQL(CL_SQL_LIST_ALL, CL_LIST_SQL(""), list_cols),
	DB_SQL(CL_SQL_LIST_STATE, CL_LIST_SQL("v.state = ? AND"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT, CL_LIST_SQL("v.unit_id = ? AND"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT_STATE, CL_LIST_SQL("v.unit_id = ? AND v.state = ? AND"), list_cols),
	DB_SQL(CL_SQL_LQ_ID_ASC, CL_LQ_SQL("v.id", ">", "ASC"), list_cols),
	DB_SQL(CL_SQL_LQ_ID_DESC, CL_LQ_SQL("v.id", "<", "DESC"), list_cols),
	DB_SQL(CL_SQL_LQ_APPLICANT_ASC, CL_LQ_SQL("v.applicant", ">", "ASC"), list_cols),
	DB_SQL(CL_SQL_LQ_APPLICANT_DESC, CL_LQ_SQL("v.applicant", "<", "DESC"), list_cols),
	DB_SQL(CL_SQL_LQ_UNIT_ASC, CL_LQ_SQL("u.code", ">", "ASC"), list_cols),
	DB_SQL(CL_SQL_LQ_UNIT_DESC, CL_LQ_SQL("u.code", "<", "DESC"), list_cols),
	DB_SQL(CL_SQL_LQ_STATE_ASC, CL_LQ_SQL("(v.state + 0)", ">", "ASC"), list_cols),
	DB_SQL(CL_SQL_LQ_STATE_DESC, CL_LQ_SQL("(v.state + 0)", "<", "DESC"), list_cols),
	DB_SQL(CL_SQL_GET, CL_VM_SELECT, cl_vm_cols),
	DB_SQL(CL_SQL_LOCK, CL_VM_SELECT " FOR UPDATE", cl_vm_cols),
	DB_SQL(CL_SQL_IMAGES,
	    "SELECT id, code, name, name_en, is_other, active FROM cloud_image ORDER BY sort, id", image_cols),
	DB_SQL(CL_SQL_IMAGE,
	    "SELECT id, code, name, name_en, is_other, active FROM cloud_image WHERE id = ?", image_cols),
	DB_SQL(CL_SQL_UNIT_SYSTEMS,
	    "SELECT id, name FROM sys_system WHERE unit_id = ? AND status <> 'retired' ORDER BY id LIMIT 500",
	    sys_cols),
	DB_SQL(CL_SQL_VM_SYSTEMS,
	    "SELECT s.id, s.name FROM cloud_vm_system l JOIN sys_system s ON s.id = l.system_id"
	    " WHERE l.vm_id = ? ORDER BY s.id", sys_cols),
	DB_SQL(CL_SQL_SYSTEM_OK, "SELECT COUNT(*) AS n FROM sys_system WHERE id = ? AND unit_id = ?", db_count_cols),
	DB_SQL(CL_SQL_INSERT,
	    "INSERT INTO cloud_vm (unit_id, applicant, contact, apply_date, image_id, image_other, vcpu,"
	    " memory_gib, disk_gib, sw_database, sw_app, sw_other, period_from, period_to, purpose, notes,"
	    " nonce, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(CL_SQL_UPDATE,
	    "UPDATE cloud_vm SET applicant = ?, contact = ?, apply_date = ?, image_id = ?, image_other = ?,"
	    " vcpu = ?, memory_gib = ?, disk_gib = ?, sw_database = ?, sw_app = ?, sw_other = ?,"
	    " period_from = ?, period_to = ?, purpose = ?, notes = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ? AND state IN ('draft','returned')", NULL),
	DB_SQL(CL_SQL_LINK_DEL, "DELETE FROM cloud_vm_system WHERE vm_id = ?", NULL),
	DB_SQL(CL_SQL_LINK_ADD, "INSERT INTO cloud_vm_system (vm_id, system_id) VALUES (?,?)", NULL),
	DB_SQL(CL_SQL_STEPS,
	    "SELECT at, login, from_state, to_state, reason FROM cloud_vm_step WHERE vm_id = ? ORDER BY id",
	    step_cols),
	DB_SQL(CL_SQL_STEP_ADD,
	    "INSERT INTO cloud_vm_step (vm_id, login, from_state, to_state, reason) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(CL_SQL_SET_SUBMITTED,
	    CL_SET("state = 'submitted', submitted_by = ?, submitted_at = NOW()", "IN ('draft','returned')"),
	    NULL),
	DB_SQL(CL_SQL_SET_WITHDRAWN, CL_SET("state = 'withdrawn'", "= 'submitted'"), NULL),
	DB_SQL(CL_SQL_SET_UNIT,
	    CL_SET("state = 'unit_approved', unit_by = ?, unit_at = NOW()", "= 'submitted'"), NULL),
	DB_SQL(CL_SQL_SET_OFFICE,
	    CL_SET("state = 'office_approved', office_by = ?, office_at = NOW(), office_override = ?",
	    "= 'unit_approved'"), NULL),
	DB_SQL(CL_SQL_SET_ACTIVE,
	    CL_SET("state = 'active', center_by = ?, center_at = NOW(), server_name = ?, ip = ?,"
	    " netmask = ?, gateway = ?, provision_date = ?", "= 'office_approved'"), NULL),
	DB_SQL(CL_SQL_SET_RETURNED,
	    CL_SET("state = 'returned', returned_by = ?, returned_at = NOW(), return_reason = ?", "= ?"), NULL),
	DB_SQL(CL_SQL_LETTER,
	    "SELECT COUNT(*) AS n FROM pledge_signing WHERE kind = 'cloud_vm' AND party_type = 'unit'"
	    " AND party_id = ? AND is_current = 1", db_count_cols),
	DB_SQL(CL_SQL_USAGE,
	    "SELECT COALESCE(SUM(vcpu), 0) AS vcpu, COALESCE(SUM(memory_gib), 0) AS memory,"
	    " COALESCE(SUM(disk_gib), 0) AS disk FROM cloud_vm"
	    " WHERE unit_id = ? AND state = 'active' AND kind = 'vm' AND id <> ?", usage_cols),
	DB_SQL(CL_SQL_IP_USED, "SELECT COUNT(*) AS n FROM cloud_vm WHERE ip_active = ? AND id <> ?", db_count_cols),
	DB_SQL(CL_SQL_DEMO_COUNT, "SELECT COUNT(*) AS n FROM cloud_vm", db_count_cols),
	DB_SQL(CL_SQL_DEMO_UNIT, "SELECT COALESCE(MAX(id), 0) AS n FROM unit WHERE code = ?", db_count_cols),
	DB_SQL(CL_SQL_DEMO_IMAGE, "SELECT COALESCE(MAX(id), 0) AS n FROM cloud_image WHERE code = ?", db_count_cols),
	/* along the unique ip_active: one index read */
	DB_SQL(CL_SQL_IP_LOOKUP,
	    "SELECT v.id, v.unit_id, u.code AS unit_code, u.name AS unit_name,"
	    " COALESCE(u.name_en, '') AS unit_name_en, v.applicant, COALESCE(v.server_name, '') AS server_name,"
	    " v.purpose, COALESCE(v.provision_date, v.state_since) AS since, v.ip_active AS ip"
	    " FROM cloud_vm v JOIN unit u ON u.id = v.unit_id WHERE v.ip_active = ?", ip_cols),
	DB_SQL(CL_SQL_CAT_LIST,
	    "SELECT i.id, i.code, i.name, i.name_en, i.is_other, i.active, i.version,"
	    " (SELECT COUNT(*) FROM cloud_vm v WHERE v.image_id = i.id) AS used"
	    " FROM cloud_image i ORDER BY i.active DESC, i.sort, i.id", cat_cols),
	DB_SQL(CL_SQL_CAT_LOCK,
	    "SELECT id, code, name, name_en, is_other, active, version, 0 AS used FROM cloud_image"
	    " WHERE id = ? FOR UPDATE", cat_cols),
	DB_SQL(CL_SQL_CAT_NAME_USED,
	    "SELECT COUNT(*) AS n FROM cloud_image WHERE name = ? OR name_en = ?", db_count_cols),
	DB_SQL(CL_SQL_CAT_ADD,
	    "INSERT INTO cloud_image (code, name, name_en, is_other, active, sort) VALUES (?, ?, ?, ?, 1, 80)",
	    NULL),
	DB_SQL(CL_SQL_CAT_CODE, "UPDATE cloud_image SET code = CONCAT('img', id) WHERE id = ?", NULL),
	DB_SQL(CL_SQL_CAT_SET_ACTIVE,
	    "UPDATE cloud_image SET active = ?, version = version + 1 WHERE id = ? AND version = ?", NULL),
	/* export.c (a hosted server has no image: LEFT JOIN): the linked systems' ids and names as lists (the query streams: no second one
	 * meanwhile), names apart by US (0x1f), which no typed name holds */
	DB_SQL(CL_SQL_EXPORT,
	    "SELECT v.id, v.state, u.code, u.name AS unit_name, v.applicant, v.contact, v.apply_date,"
	    " COALESCE(i.code, '') AS image_code, COALESCE(i.name, '') AS image_name, v.image_other, v.vcpu, v.memory_gib, v.disk_gib,"
	    " v.sw_database, v.sw_app, v.sw_other, v.period_from, v.period_to, v.purpose, v.notes,"
	    " COALESCE((SELECT GROUP_CONCAT(l.system_id ORDER BY l.system_id SEPARATOR ',')"
	    " FROM cloud_vm_system l WHERE l.vm_id = v.id), '') AS system_ids,"
	    " COALESCE((SELECT GROUP_CONCAT(s.name ORDER BY s.id SEPARATOR '\x1f')"
	    " FROM cloud_vm_system l JOIN sys_system s ON s.id = l.system_id WHERE l.vm_id = v.id), '')"
	    " AS system_names,"
	    " COALESCE(v.server_name, '') AS server_name, COALESCE(v.ip, '') AS ip,"
	    " COALESCE(v.netmask, '') AS netmask, COALESCE(v.gateway, '') AS gateway,"
	    " COALESCE(v.provision_date, '') AS provision_date, v.state_since, v.updated_at, v.kind,"
	    " v.server_config, v.security_devices, COALESCE(v.review_date, '') AS review_date, v.review_ref"
	    " FROM cloud_vm v JOIN unit u ON u.id = v.unit_id LEFT JOIN cloud_image i ON i.id = v.image_id"
	    " ORDER BY v.id", export_cols),
	DB_SQL(CL_SQL_LIFE, CL_LIFE_SQL, life_cols),
	DB_SQL(CL_SQL_LIFE_LOCK, CL_LIFE_SQL " FOR UPDATE", life_cols),
	/* the dates alone: part of the caller's write, which counts the version */
	DB_SQL(CL_SQL_SET_DUE, "UPDATE cloud_vm SET registered_on = ?, rereg_due = ? WHERE id = ?", NULL),
	DB_SQL(CL_SQL_REREG_SET,
	    "UPDATE cloud_vm SET registered_on = ?, rereg_due = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ? AND state IN ('active','suspended') AND kind = 'vm'", NULL),
	DB_SQL(CL_SQL_REREG_ADD,
	    "INSERT INTO cloud_rereg (vm_id, registered_on, login, purpose_ok, admin_name, admin_contact,"
	    " still_needed, logs_kept, due_was, due_next, nonce) VALUES (?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(CL_SQL_REREGS,
	    "SELECT at, login, registered_on, admin_name, admin_contact, COALESCE(due_was, '') AS due_was,"
	    " COALESCE(due_next, '') AS due_next FROM cloud_rereg WHERE vm_id = ? ORDER BY id DESC LIMIT 50",
	    rereg_cols),
	DB_SQL(CL_SQL_RECLAIM,
	    CL_SET("state = 'reclaimed', ended_by = ?, ended_at = NOW(), end_reason = ?",
	    "IN ('active','suspended') AND kind = 'vm'"), NULL),
	DB_SQL(CL_SQL_DEMO_REREG_COUNT, "SELECT COUNT(*) AS n FROM cloud_vm WHERE created_by = 'demo-rereg'",
	    db_count_cols),
	DB_SQL(CL_SQL_DEMO_UNREGISTERED,
	    "SELECT id FROM cloud_vm WHERE state = 'active' AND kind = 'vm' AND registered_on IS NULL"
	    " ORDER BY id LIMIT 1", db_id_cols),
	DB_SQL(CL_SQL_DEMO_LIVE,
	    "UPDATE cloud_vm SET state = 'active', state_since = NOW(), submitted_by = 'demo', submitted_at = NOW(),"
	    " unit_by = 'demo', unit_at = NOW(), office_by = 'demo', office_at = NOW(), center_by = 'demo',"
	    " center_at = NOW(), server_name = ?, ip = ?, netmask = '255.255.255.0', gateway = '10.10.1.1',"
	    " provision_date = ?, registered_on = ?, rereg_due = ?, period_from = ?, version = version + 1"
	    " WHERE id = ? AND state = 'draft'", NULL),
	DB_SQL(CL_SQL_LIST_DUE, CL_LIVE_SQL("", "rereg_due"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT_DUE, CL_LIVE_SQL("v.unit_id = ? AND", "rereg_due"), list_cols),
	DB_SQL(CL_SQL_LIST_REG, CL_LIVE_SQL("", "registered_on"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT_REG, CL_LIVE_SQL("v.unit_id = ? AND", "registered_on"), list_cols),
	DB_SQL(CL_SQL_LIST_PERIOD, CL_LIVE_SQL("", "period_to"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT_PERIOD, CL_LIVE_SQL("v.unit_id = ? AND", "period_to"), list_cols),
	DB_SQL(CL_SQL_LIST_KIND, CL_LIST_SQL("v.kind = ? AND"), list_cols),
	DB_SQL(CL_SQL_LIST_UNIT_KIND, CL_LIST_SQL("v.unit_id = ? AND v.kind = ? AND"), list_cols),
	/* life.c: each names the version the page showed and the states it starts from */
	DB_SQL(CL_SQL_END_GET,
	    "SELECT COALESCE(suspended_by, '') AS `suspended-by`, COALESCE(suspended_at, '') AS `suspended-at`,"
	    " COALESCE(suspend_reason, '') AS `suspend-reason`, COALESCE(ended_by, '') AS `ended-by`,"
	    " COALESCE(ended_at, '') AS `ended-at`, COALESCE(end_reason, '') AS `end-reason`"
	    " FROM cloud_vm WHERE id = ?", cl_end_cols),
	DB_SQL(CL_SQL_SET_RELEASED,
	    CL_SET("state = 'released', ended_by = ?, ended_at = NOW(), end_reason = ?", "= 'active'"), NULL),
	/* the release's reason stays unless the centre gives one; the step keeps both */
	DB_SQL(CL_SQL_SET_DECOMMISSIONED,
	    CL_SET("state = 'decommissioned', ended_by = ?, ended_at = NOW(),"
	    " end_reason = IF(? = '', end_reason, ?)", "IN ('released','active','suspended')"), NULL),
	DB_SQL(CL_SQL_SET_SUSPENDED,
	    CL_SET("state = 'suspended', suspended_by = ?, suspended_at = NOW(), suspend_reason = ?",
	    "= 'active'"), NULL),
	DB_SQL(CL_SQL_SET_LIFTED, CL_SET("state = 'active'", "= 'suspended'"), NULL),
	/* the demo's active VM of a unit (by code) with a purpose: the one to suspend or release */
	DB_SQL(CL_SQL_DEMO_LIFE,
	    "SELECT COALESCE(MAX(v.id), 0) AS n FROM cloud_vm v JOIN unit u ON u.id = v.unit_id"
	    " WHERE u.code = ? AND v.purpose = ? AND v.created_by = 'demo'", db_count_cols),
	DB_SQL(CL_SQL_HOST_INSERT,
	    "INSERT INTO cloud_vm (kind, unit_id, applicant, contact, apply_date, image_id, vcpu, memory_gib,"
	    " disk_gib, server_config, security_devices, period_from, period_to, purpose, notes, review_date,"
	    " review_ref, nonce, created_by, updated_by)"
	    " VALUES ('host',?,?,?,?,NULL,0,0,0,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(CL_SQL_HOST_UPDATE,
	    "UPDATE cloud_vm SET applicant = ?, contact = ?, apply_date = ?, server_config = ?,"
	    " security_devices = ?, period_from = ?, period_to = ?, purpose = ?, notes = ?, review_date = ?,"
	    " review_ref = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ? AND kind = 'host' AND state IN ('draft','returned')", NULL),
	DB_SQL(CL_SQL_HOST_SET_SCAN, "UPDATE cloud_vm SET review_scan_id = ? WHERE id = ?", NULL),
	DB_SQL(CL_SQL_SCAN_INSERT,
	    "INSERT INTO cloud_scan (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(CL_SQL_CHUNK_INSERT, "INSERT INTO cloud_scan_chunk (scan_id, seq, data) VALUES (?,?,?)", NULL),
	DB_SQL(CL_SQL_SCAN_CHUNKS, "SELECT data FROM cloud_scan_chunk WHERE scan_id = ? ORDER BY seq",
	    chunk_cols),
	DB_SQL(CL_SQL_HOST_LETTER,
	    "SELECT COUNT(*) AS n FROM pledge_signing WHERE kind = 'hosted_server' AND party_type = 'unit'"
	    " AND party_id = ? AND is_current = 1", db_count_cols),
	/* change.c: a VM's changes, newest first; one locked; the pending one's count */
	DB_SQL(CL_SQL_CHG_ADD,
	    "INSERT INTO cloud_change (vm_id, kind, old_purpose, new_purpose, old_vcpu, new_vcpu, old_memory_gib,"
	    " new_memory_gib, old_disk_gib, new_disk_gib, old_sw_database, new_sw_database, old_sw_app, new_sw_app,"
	    " old_sw_other, new_sw_other, old_notes, new_notes, old_period_from, new_period_from, old_period_to,"
	    " new_period_to, reason, requested_by, nonce) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	    NULL),
	DB_SQL(CL_SQL_CHG_LIST, CL_CHG_SELECT " WHERE vm_id = ? ORDER BY id DESC LIMIT 50", cl_chg_cols),
	DB_SQL(CL_SQL_CHG_LOCK, CL_CHG_SELECT " WHERE id = ? AND vm_id = ? FOR UPDATE", cl_chg_cols),
	DB_SQL(CL_SQL_CHG_PENDING,
	    "SELECT COUNT(*) AS n FROM cloud_change WHERE vm_id = ? AND pending = 1 FOR UPDATE", db_count_cols),
	/* decided: no longer pending (NULL frees the one-pending key), from the version the page showed */
	DB_SQL(CL_SQL_CHG_DECIDE,
	    "UPDATE cloud_change SET state = ?, pending = NULL, decided_by = ?, decided_at = NOW(),"
	    " decision_reason = ?, override = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND state = 'pending'", NULL),
	/* approved: every proposed value onto the VM (a change keeps the period, a renewal the settings) */
	DB_SQL(CL_SQL_CHG_APPLY,
	    "UPDATE cloud_vm v JOIN cloud_change c ON c.vm_id = v.id SET v.purpose = c.new_purpose,"
	    " v.vcpu = c.new_vcpu, v.memory_gib = c.new_memory_gib, v.disk_gib = c.new_disk_gib,"
	    " v.sw_database = c.new_sw_database, v.sw_app = c.new_sw_app, v.sw_other = c.new_sw_other,"
	    " v.notes = c.new_notes, v.period_from = c.new_period_from, v.period_to = c.new_period_to,"
	    " v.version = v.version + 1, v.updated_by = ? WHERE c.id = ? AND v.id = ? AND v.version = ?", NULL),
	DB_SQL(CL_SQL_DEMO_CHG_COUNT,
	    "SELECT COUNT(*) AS n FROM cloud_change WHERE nonce = 'demochange0000000000000000000001'", db_count_cols),
	DB_SQL(CL_SQL_DEMO_CHG_VM,
	    "SELECT COALESCE(MIN(v.id), 0) AS n FROM cloud_vm v WHERE v.created_by = 'demo' AND v.state = 'active'"
	    " AND NOT EXISTS (SELECT 1 FROM cloud_change c WHERE c.vm_id = v.id AND c.pending = 1)", db_count_cols),
};
