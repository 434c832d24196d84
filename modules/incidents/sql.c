/*
 * sql.c — the incidents module's statements, with the parameters and
 * columns incidents.h names for each (checked against the server at start:
 * a column here that is not the one the header names stops the module).
 */
#include "incidents.h"

/* An incident row: INC_INCIDENT_COLS, in its order. */
#define INC_COLS \
	" i.id, i.unit_id, u.code AS unit_code, u.name AS unit_name," \
	" COALESCE(u.name_en, '') AS unit_name_en, i.reporting_unit_id, r.code AS rep_code," \
	" r.name AS rep_name, COALESCE(r.name_en, '') AS rep_name_en," \
	" COALESCE(i.system_id, 0) AS system_id, COALESCE(s.name, '') AS `system`, i.system_name," \
	" i.started_at, i.discovered_at, i.reported_at, i.filled_by, i.reviewed_by, i.taxonomy, i.category," \
	" i.harm, COALESCE(i.level_reported, 0) AS level_reported," \
	" COALESCE(i.level_proposed, 0) AS level_proposed, COALESCE(i.level, 0) AS level," \
	" i.description, i.measures, i.consequences, i.suggestions, i.oral_at, i.written_at, i.review_at," \
	" i.handled_at, i.rectify_at, i.rectify_due, i.closed_at, i.status, i.next_due, i.next_step," \
	" i.lim_first_ontime, i.lim_first_late, i.lim_first_missed, i.lim_written, i.lim_review," \
	" i.lim_rectify_days, i.profile, i.profile_version, i.version, i.created_at, i.created_by"
#define INC_FROM \
	" FROM inc_incident i STRAIGHT_JOIN unit u ON u.id = i.unit_id" \
	" STRAIGHT_JOIN unit r ON r.id = i.reporting_unit_id LEFT JOIN sys_system s ON s.id = i.system_id "
#define INC_SELECT "SELECT" INC_COLS INC_FROM

/* A row of the board and the list (board.c): the incidents drive the join, so a page
 * reads its index in order whatever the optimizer makes of a small unit table. */
#define INC_ROW_SELECT_F(force) \
	"SELECT i.id, i.unit_id, u.code, u.name, COALESCE(u.name_en, '') AS name_en, i.started_at," \
	" i.reported_at, i.taxonomy, i.category, COALESCE(i.level_proposed, 0) AS level_proposed," \
	" COALESCE(i.level, 0) AS level, i.next_due, i.next_step, LEFT(i.description, 60) AS summary," \
	" i.status, COALESCE(i.closed_at, '') AS closed_at, i.filled_by" \
	" FROM inc_incident i" force " STRAIGHT_JOIN unit u ON u.id = i.unit_id "
#define INC_ROW_SELECT INC_ROW_SELECT_F("")

/*
 * The incident list with search and sort (board.c, core/listq.h): by id,
 * start or report time, the id the tie, seeking (col, id) past the last
 * row, along the sort's index or the unit's (unit_id, col, id) one when a
 * unit is given (schema 031), forced: MariaDB would rather sort the table
 * than walk an index that does not cover the row.  The filters: status
 * (x2), unit (x2: the office's ?unit= or a unit account's own).  The search
 * ?q= is the incident's number (exact), a prefix of its description, of
 * the person who filled it in, or of the unit's code or names: checked on
 * the rows the index gives, so a page costs the rows passed before 51
 * match — a unit files a few incidents a year, the school some hundreds.
 * The parameters: status x2, unit x2, first, at, at, after, q, number,
 * like x5, limit (51 for a page, every row for an export).
 */
#define INC_LQ_SQL(force, col, cmp, dir) \
	INC_ROW_SELECT_F(force) "WHERE (? = '' OR i.status = ?) AND (? = 0 OR i.unit_id = ?)" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND i.id " cmp " ?))" \
	" AND (? = '' OR i.id = ? OR i.description LIKE ? OR i.filled_by LIKE ? OR u.code LIKE ?" \
	"  OR u.name LIKE ? OR u.name_en LIKE ?)" \
	" ORDER BY " col " " dir ", i.id " dir " LIMIT ?"
#define INC_LQ_BY_ID " FORCE INDEX (PRIMARY, inc_incident_unit)"
#define INC_LQ_BY_STARTED " FORCE INDEX (inc_incident_started, inc_incident_unit_started)"
#define INC_LQ_BY_REPORTED " FORCE INDEX (inc_incident_reported, inc_incident_unit_reported)"

/* A threat notice row: INC_NOTICE_COLS. */
#define INC_NOTICE_SQL_COLS \
	" n.id, n.unit_id, u.code AS unit_code, u.name AS unit_name," \
	" COALESCE(u.name_en, '') AS unit_name_en, COALESCE(n.system_id, 0) AS system_id," \
	" COALESCE(s.name, '') AS `system`, n.source, n.notice_no, n.received_at, n.description, n.due_at," \
	" n.status, COALESCE(n.responded_at, '') AS responded_at, COALESCE(n.accepted_at, '') AS accepted_at," \
	" n.version, n.created_at, n.created_by, n.kind, n.inspection"
#define INC_NOTICE_FROM_F(force) \
	" FROM inc_notice n" force " STRAIGHT_JOIN unit u ON u.id = n.unit_id LEFT JOIN sys_system s ON s.id = n.system_id "
#define INC_NOTICE_FROM INC_NOTICE_FROM_F("")
#define INC_NOTICE_SELECT "SELECT" INC_NOTICE_SQL_COLS INC_NOTICE_FROM

/* A response row: INC_RESPONSE_COLS (r may be NULL in the export's join). */
#define INC_RESPONSE_SQL_COLS \
	" COALESCE(r.id, 0) AS response_id, COALESCE(r.result, '') AS result," \
	" COALESCE(r.file_id, 0) AS file_id, COALESCE(f.mime, '') AS mime, COALESCE(f.size, 0) AS size," \
	" COALESCE(f.sha256, '') AS sha256, COALESCE(r.submitted_at, '') AS submitted_at," \
	" COALESCE(r.submitted_by, '') AS submitted_by, COALESCE(r.decision, '') AS decision," \
	" COALESCE(r.decided_at, '') AS decided_at, COALESCE(r.decided_by, '') AS decided_by," \
	" COALESCE(r.reason, '') AS reason"

/*
 * The notice list with search and sort (notice.c, core/listq.h): by due
 * date, received time or id, the id the tie, seeking (col, id) past the
 * last row.  The status filter: open (not accepted), overdue (the unit's
 * turn and past due: now is its fourth parameter) or all, folded by the
 * server before it plans, so an open or overdue page reads along
 * (open_ | waiting, due_at, id) as before, and any other along the sort's
 * own index or the unit's (schema 031).  The search ?q= is a prefix of the
 * notice number, the description or the unit's code or names, checked on
 * the rows the index gives (a school gets some hundreds a year).  The
 * parameters: kind, status x3, now, status, now, unit x2, first, at, at,
 * after, q, like x5, limit.  The kind: threat or rectify (schema 035); a
 * rectification notice is overdue past its deadline until it is closed,
 * whoever's turn it is: the status 'past_due' (notice.c maps its
 * rectification list's overdue to it), the threat notices' plan untouched.
 */
#define INC_NLQ_SQL(force, col, cmp, dir) \
	"SELECT" INC_NOTICE_SQL_COLS INC_NOTICE_FROM_F(force) \
	"WHERE n.kind = ? AND (? = 'all' OR (? = 'open' AND n.open_ = 1)" \
	"  OR (? = 'overdue' AND n.waiting = 1 AND n.due_at < ?) OR (? = 'past_due' AND n.open_ = 1 AND n.due_at < ?))" \
	" AND (? = 0 OR n.unit_id = ?)" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND n.id " cmp " ?))" \
	" AND (? = '' OR n.notice_no LIKE ? OR n.description LIKE ? OR u.code LIKE ? OR u.name LIKE ?" \
	"  OR u.name_en LIKE ?)" \
	" ORDER BY " col " " dir ", n.id " dir " LIMIT ?"
#define INC_NLQ_BY_DUE \
	" FORCE INDEX (inc_notice_open, inc_notice_waiting, inc_notice_unit, inc_notice_due, inc_notice_unit_due," \
	"  inc_notice_kind_open, inc_notice_kind_unit)"
#define INC_NLQ_BY_RECEIVED " FORCE INDEX (inc_notice_received, inc_notice_unit_received)"
#define INC_NLQ_BY_ID " FORCE INDEX (PRIMARY, inc_notice_unit_id)"

/* A step row: INC_STEP_COLS (st may be NULL in the export's join). */
#define INC_STEP_SQL_COLS \
	" COALESCE(st.id, 0) AS step_id, COALESCE(st.kind, '') AS kind, COALESCE(st.at, '') AS at," \
	" COALESCE(st.recorded_at, '') AS recorded_at, COALESCE(st.by_login, '') AS by_login," \
	" COALESCE(st.by_name, '') AS by_name, COALESCE(st.detail, '') AS detail," \
	" COALESCE(st.file_id, 0) AS file_id, COALESCE(f.mime, '') AS mime, COALESCE(f.size, 0) AS size," \
	" COALESCE(f.sha256, '') AS sha256"

#define INC_PERIOD_SELECT "SELECT id, name, starts, ends, remark, created_at, created_by FROM inc_period "
/*
 * The period list with search and sort (period.c, core/listq.h): by id,
 * first day or name, the id the tie, seeking (col, id) past the last row
 * along the sort's index (schema 007, 031).  With a unit (the office's
 * ?unit=ID, a unit's own staff) each row also counts the days that unit
 * reported in the period (inc_period_report_unit), else 0.  The search ?q=
 * is a prefix of the name.  The parameters: unit x2, first, at, at, after,
 * q, like, limit.
 */
#define INC_PLQ_SQL(idx, col, cmp, dir) \
	"SELECT p.id, p.name, p.starts, p.ends, p.remark, p.created_at, p.created_by," \
	" IF(? = 0, 0, (SELECT COUNT(*) FROM inc_period_report r WHERE r.unit_id = ? AND r.period_id = p.id))" \
	" AS reported FROM inc_period p FORCE INDEX (" idx ")" \
	" WHERE (? = 1 OR " col " " cmp " ? OR (" col " = ? AND p.id " cmp " ?)) AND (? = '' OR p.name LIKE ?)" \
	" ORDER BY " col " " dir ", p.id " dir " LIMIT ?"

static DB_COLNAMES(incident_cols, INC_INCIDENT_COLS);
static DB_COLNAMES(step_cols, INC_STEP_COLS);
static DB_COLNAMES(row_cols, INC_ROW_COLS);
static DB_COLNAMES(notice_cols, INC_NOTICE_COLS);
static DB_COLNAMES(response_cols, INC_RESPONSE_COLS);
static DB_COLNAMES(period_cols, INC_PERIOD_COLS);
#define INC_PERIOD_LIST_COLS(C) INC_PERIOD_COLS(C) C(PL_REPORTED, "reported")
static DB_COLNAMES(period_list_cols, INC_PERIOD_LIST_COLS);
static DB_COLNAMES(period_unit_cols, INC_PERIOD_UNIT_COLS);
static DB_COLNAMES(period_count_cols, INC_PERIOD_COUNT_COLS);
static DB_COLNAMES(unit_incident_cols, INC_UNIT_INCIDENT_COLS);
static DB_COLNAMES(unit_cols, INC_UNIT_COLS);
static DB_COLNAMES(system_cols, INC_SYSTEM_COLS);
static DB_COLNAMES(owner_cols, INC_OWNER_COLS);
static DB_COLNAMES(version_cols, INC_VERSION_COLS);
static DB_COLNAMES(file_cols, INC_FILE_COLS);
static DB_COLNAMES(chunk_cols, INC_CHUNK_COLS);
/* The exports: a row is the incident's (notice's) columns, then its step's (response's). */
#define INC_EXPORT_INCIDENT_COLS(C) INC_INCIDENT_COLS(C) INC_STEP_COLS(C)
#define INC_EXPORT_NOTICE_COLS(C) INC_NOTICE_COLS(C) INC_RESPONSE_COLS(C)
static DB_COLNAMES(export_incident_cols, INC_EXPORT_INCIDENT_COLS);
static DB_COLNAMES(export_notice_cols, INC_EXPORT_NOTICE_COLS);

const struct db_stmt inc_sql[INC_SQL__MAX] = {
	DB_SQL(INC_SQL_INCIDENT, INC_SELECT "WHERE i.id = ?", incident_cols),
	/* the incident's row alone: locking the joined units would serialize a unit's incidents */
	DB_SQL(INC_SQL_INCIDENT_LOCK, "SELECT version FROM inc_incident WHERE id = ? FOR UPDATE",
	    version_cols),
	DB_SQL(INC_SQL_INSERT,
	    "INSERT INTO inc_incident (unit_id, reporting_unit_id, system_id, system_name, started_at,"
	    " discovered_at, reported_at, filled_by, taxonomy, category, harm, level_reported, description,"
	    " measures, consequences, suggestions, oral_at, written_at, next_due, next_step,"
	    " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review, lim_rectify_days,"
	    " profile, profile_version, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	    NULL),
	DB_SQL(INC_SQL_UPDATE_SHEET,
	    "UPDATE inc_incident SET reporting_unit_id = ?, system_id = ?, system_name = ?, started_at = ?,"
	    " discovered_at = ?, filled_by = ?, taxonomy = ?, category = ?, harm = ?, level_reported = ?,"
	    " description = ?, measures = ?, consequences = ?, suggestions = ?, next_due = ?, next_step = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ?", NULL),
	DB_SQL(INC_SQL_UPDATE_STEPS,
	    "UPDATE inc_incident SET reported_at = ?, reviewed_by = ?, level_proposed = ?, level = ?,"
	    " oral_at = ?, written_at = ?, review_at = ?, handled_at = ?, rectify_at = ?, rectify_due = ?,"
	    " closed_at = ?, status = ?, next_due = ?, next_step = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?", NULL),
	DB_SQL(INC_SQL_STEP_INSERT,
	    "INSERT INTO inc_step (incident_id, kind, at, recorded_at, by_login, by_name, detail, file_id)"
	    " VALUES (?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(INC_SQL_STEPS, "SELECT" INC_STEP_SQL_COLS " FROM inc_step st LEFT JOIN inc_file f"
	    " ON f.id = st.file_id WHERE st.incident_id = ? ORDER BY st.id", step_cols),
	/* open incidents, nearest deadline first; parameters: only unit (×2), after due (×2), after id */
	DB_SQL(INC_SQL_BOARD, INC_ROW_SELECT
	    "WHERE i.status = 'open' AND (? = 0 OR i.unit_id = ?)"
	    " AND (i.next_due > ? OR (i.next_due = ? AND i.id > ?)) ORDER BY i.next_due, i.id LIMIT 51", row_cols),
	/* every incident (INC_LQ_SQL), in listq's order of sorts and directions */
	DB_SQL(INC_SQL_LQ_ID_ASC, INC_LQ_SQL(INC_LQ_BY_ID, "i.id", ">", "ASC"), row_cols),
	DB_SQL(INC_SQL_LQ_ID_DESC, INC_LQ_SQL(INC_LQ_BY_ID, "i.id", "<", "DESC"), row_cols),
	DB_SQL(INC_SQL_LQ_STARTED_ASC, INC_LQ_SQL(INC_LQ_BY_STARTED, "i.started_at", ">", "ASC"), row_cols),
	DB_SQL(INC_SQL_LQ_STARTED_DESC, INC_LQ_SQL(INC_LQ_BY_STARTED, "i.started_at", "<", "DESC"), row_cols),
	DB_SQL(INC_SQL_LQ_REPORTED_ASC, INC_LQ_SQL(INC_LQ_BY_REPORTED, "i.reported_at", ">", "ASC"), row_cols),
	DB_SQL(INC_SQL_LQ_REPORTED_DESC, INC_LQ_SQL(INC_LQ_BY_REPORTED, "i.reported_at", "<", "DESC"), row_cols),
	DB_SQL(INC_SQL_UNIT_BY_CODE,
	    "SELECT id, name, COALESCE(name_en, '') AS name_en FROM unit WHERE code = ? AND active = 1",
	    unit_cols),
	DB_SQL(INC_SQL_SYSTEMS,
	    "SELECT id, name FROM sys_system WHERE unit_id = ? AND status <> 'retired'"
	    " ORDER BY name, id LIMIT 200", system_cols),
	DB_SQL(INC_SQL_SYSTEM, "SELECT unit_id FROM sys_system WHERE id = ?", owner_cols),
	/* the files (file.c): what core upload.c's up_store() and up_send() run */
	DB_SQL(INC_SQL_FILE_INSERT,
	    "INSERT INTO inc_file (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(INC_SQL_FILE_UNIT, "UPDATE inc_file SET unit_id = ? WHERE id = ?", NULL),
	DB_SQL(INC_SQL_CHUNK_INSERT, "INSERT INTO inc_file_chunk (file_id, seq, data) VALUES (?,?,?)", NULL),
	DB_SQL(INC_SQL_FILE,
	    "SELECT id, mime, size, COALESCE(unit_id, 0) AS unit_id FROM inc_file WHERE id = ?", file_cols),
	DB_SQL(INC_SQL_CHUNKS, "SELECT data FROM inc_file_chunk WHERE file_id = ? ORDER BY seq", chunk_cols),
	/* the notices (INC_NLQ_SQL) */
	DB_SQL(INC_SQL_NLQ_DUE_ASC, INC_NLQ_SQL(INC_NLQ_BY_DUE, "n.due_at", ">", "ASC"), notice_cols),
	DB_SQL(INC_SQL_NLQ_DUE_DESC, INC_NLQ_SQL(INC_NLQ_BY_DUE, "n.due_at", "<", "DESC"), notice_cols),
	DB_SQL(INC_SQL_NLQ_RECEIVED_ASC, INC_NLQ_SQL(INC_NLQ_BY_RECEIVED, "n.received_at", ">", "ASC"),
	    notice_cols),
	DB_SQL(INC_SQL_NLQ_RECEIVED_DESC, INC_NLQ_SQL(INC_NLQ_BY_RECEIVED, "n.received_at", "<", "DESC"),
	    notice_cols),
	DB_SQL(INC_SQL_NLQ_ID_ASC, INC_NLQ_SQL(INC_NLQ_BY_ID, "n.id", ">", "ASC"), notice_cols),
	DB_SQL(INC_SQL_NLQ_ID_DESC, INC_NLQ_SQL(INC_NLQ_BY_ID, "n.id", "<", "DESC"), notice_cols),
	DB_SQL(INC_SQL_UNIT_BY_ID,
	    "SELECT id, name, COALESCE(name_en, '') AS name_en FROM unit WHERE id = ?", unit_cols),
	DB_SQL(INC_SQL_NOTICE, INC_NOTICE_SELECT "WHERE n.id = ?", notice_cols),
	DB_SQL(INC_SQL_NOTICE_LOCK, "SELECT version FROM inc_notice WHERE id = ? FOR UPDATE", version_cols),
	DB_SQL(INC_SQL_NOTICE_INSERT,
	    "INSERT INTO inc_notice (unit_id, system_id, source, notice_no, received_at, description, due_at,"
	    " nonce, created_by, updated_by, kind, inspection) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(INC_SQL_NOTICE_UPDATE,
	    "UPDATE inc_notice SET status = ?, responded_at = ?, accepted_at = ?, version = version + 1,"
	    " updated_by = ? WHERE id = ? AND version = ?", NULL),
	DB_SQL(INC_SQL_RESPONSES, "SELECT" INC_RESPONSE_SQL_COLS
	    " FROM inc_notice_response r JOIN inc_file f ON f.id = r.file_id WHERE r.notice_id = ? ORDER BY r.id",
	    response_cols),
	DB_SQL(INC_SQL_RESPONSE_INSERT,
	    "INSERT INTO inc_notice_response (notice_id, result, file_id, submitted_at, submitted_by, nonce)"
	    " VALUES (?,?,?,?,?,?)", NULL),
	DB_SQL(INC_SQL_RESPONSE_DECIDE,
	    "UPDATE inc_notice_response SET decision = ?, decided_at = ?, decided_by = ?, reason = ?"
	    " WHERE notice_id = ? AND decision IS NULL", NULL),
	/* periods, the latest declared first; the parameter: before id */
	DB_SQL(INC_SQL_PLQ_ID_ASC, INC_PLQ_SQL("PRIMARY", "p.id", ">", "ASC"), period_list_cols),
	DB_SQL(INC_SQL_PLQ_ID_DESC, INC_PLQ_SQL("PRIMARY", "p.id", "<", "DESC"), period_list_cols),
	DB_SQL(INC_SQL_PLQ_STARTS_ASC, INC_PLQ_SQL("inc_period_starts", "p.starts", ">", "ASC"), period_list_cols),
	DB_SQL(INC_SQL_PLQ_STARTS_DESC, INC_PLQ_SQL("inc_period_starts", "p.starts", "<", "DESC"), period_list_cols),
	DB_SQL(INC_SQL_PLQ_NAME_ASC, INC_PLQ_SQL("inc_period_name", "p.name", ">", "ASC"), period_list_cols),
	DB_SQL(INC_SQL_PLQ_NAME_DESC, INC_PLQ_SQL("inc_period_name", "p.name", "<", "DESC"), period_list_cols),
	DB_SQL(INC_SQL_PERIOD, INC_PERIOD_SELECT "WHERE id = ?", period_cols),
	DB_SQL(INC_SQL_PERIOD_INSERT,
	    "INSERT INTO inc_period (name, starts, ends, remark, nonce, created_by) VALUES (?,?,?,?,?,?)", NULL),
	/* active units with their report of one day, by code; parameters: period, day, only unit
	 * (×2), after code, show (×3): all, missing or reported */
	DB_SQL(INC_SQL_PERIOD_UNITS,
	    "SELECT u.id, u.code, u.name, COALESCE(u.name_en, '') AS name_en, COALESCE(r.status, '') AS status,"
	    " COALESCE(r.incident_id, 0) AS incident_id, COALESCE(r.remark, '') AS remark,"
	    " COALESCE(r.reported_at, '') AS reported_at, COALESCE(r.reported_by, '') AS reported_by FROM unit u"
	    " LEFT JOIN inc_period_report r ON r.period_id = ? AND r.day = ? AND r.unit_id = u.id"
	    " WHERE u.active = 1 AND (? = 0 OR u.id = ?) AND u.code > ?"
	    " AND (? = 'all' OR (? = 'missing' AND r.id IS NULL) OR (? = 'reported' AND r.id IS NOT NULL))"
	    " ORDER BY u.code LIMIT 51", period_unit_cols),
	DB_SQL(INC_SQL_PERIOD_COUNT,
	    "SELECT (SELECT COUNT(*) FROM unit WHERE active = 1) AS units, COUNT(*) AS reported"
	    " FROM inc_period_report r JOIN unit u ON u.id = r.unit_id AND u.active = 1"
	    " WHERE r.period_id = ? AND r.day = ?", period_count_cols),
	DB_SQL(INC_SQL_PERIOD_REPORT,
	    "INSERT INTO inc_period_report (period_id, unit_id, day, status, incident_id, remark,"
	    " reported_at, reported_by, nonce) VALUES (?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(INC_SQL_UNIT_INCIDENTS,
	    "SELECT id, started_at, taxonomy, category FROM inc_incident WHERE unit_id = ?"
	    " ORDER BY id DESC LIMIT 20", unit_incident_cols),
	DB_SQL(INC_SQL_OWN_INCIDENT, "SELECT unit_id FROM inc_incident WHERE id = ?", owner_cols),
	/*
	 * Every incident with its steps, one row per step (or one without).
	 * Ordered by the incident alone, the join streams along the primary key
	 * with no temporary table; an incident's steps come along the index
	 * (incident_id, id), in the order they were recorded.  The notices the same.
	 */
	DB_SQL(INC_SQL_EXPORT_INCIDENTS, "SELECT" INC_COLS "," INC_STEP_SQL_COLS INC_FROM
	    "LEFT JOIN inc_step st ON st.incident_id = i.id LEFT JOIN inc_file f ON f.id = st.file_id"
	    " ORDER BY i.id", export_incident_cols),
	DB_SQL(INC_SQL_EXPORT_NOTICES, "SELECT" INC_NOTICE_SQL_COLS "," INC_RESPONSE_SQL_COLS INC_NOTICE_FROM
	    "LEFT JOIN inc_notice_response r ON r.notice_id = n.id LEFT JOIN inc_file f ON f.id = r.file_id"
	    " WHERE n.kind = 'threat' ORDER BY n.id", export_notice_cols),
	DB_SQL(INC_SQL_DEMO_HAS, "SELECT COUNT(*) AS n FROM inc_incident", db_count_cols),
	/*
	 * A demo incident at any point of its flow: what a filing inserts and
	 * the steps since then set, in one row at version 1.
	 */
	DB_SQL(INC_SQL_DEMO_INCIDENT,
	    "INSERT INTO inc_incident (unit_id, reporting_unit_id, system_name, started_at, discovered_at,"
	    " reported_at, filled_by, reviewed_by, taxonomy, category, harm, level_reported, level_proposed,"
	    " level, description, measures, consequences, suggestions, oral_at, written_at, review_at,"
	    " handled_at, rectify_at, rectify_due, closed_at, status, next_due, next_step,"
	    " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review,"
	    " lim_rectify_days, profile, profile_version, nonce, created_by, updated_by)"
	    " VALUES (?,?,'',?,?,?,?,?,?,?,?,?,?,?,?,?,'','',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'demo','demo')",
	    NULL),
	/* a demo notice in any state, as the office registered it */
	DB_SQL(INC_SQL_DEMO_NOTICE,
	    "INSERT INTO inc_notice (unit_id, source, notice_no, received_at, description, due_at, status,"
	    " responded_at, nonce, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,'demo','demo')", NULL),
};
