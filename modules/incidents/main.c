/*
 * main.c — wangan-incidents: routes, statements, settings.
 */
#include <stdio.h>
#include <string.h>
#include "incidents.h"

struct inc_settings inc_set;

/* An incident row: enum inc_col's columns, in its order. */
#define INC_COLS \
	" i.id, i.unit_id, u.code, u.name, COALESCE(u.name_en, ''), i.reporting_unit_id, r.code," \
	" r.name, COALESCE(r.name_en, ''), COALESCE(i.system_id, 0), COALESCE(s.name, ''), i.system_name," \
	" i.started_at, i.discovered_at, i.reported_at, i.filled_by, i.reviewed_by, i.taxonomy, i.category," \
	" i.harm, COALESCE(i.level_reported, 0), COALESCE(i.level_proposed, 0), COALESCE(i.level, 0)," \
	" i.description, i.measures, i.consequences, i.suggestions, i.oral_at, i.written_at, i.review_at," \
	" i.handled_at, i.rectify_at, i.rectify_due, i.closed_at, i.status, i.next_due, i.next_step," \
	" i.lim_first_ontime, i.lim_first_late, i.lim_first_missed, i.lim_written, i.lim_review," \
	" i.lim_rectify_days, i.version, i.created_at, i.created_by"
#define INC_FROM \
	" FROM inc_incident i STRAIGHT_JOIN unit u ON u.id = i.unit_id" \
	" STRAIGHT_JOIN unit r ON r.id = i.reporting_unit_id LEFT JOIN sys_system s ON s.id = i.system_id "
#define INC_SELECT "SELECT" INC_COLS INC_FROM

/* A row of the board and the list (board.c): the incidents drive the join, so a page
 * reads its index in order whatever the optimizer makes of a small unit table. */
#define INC_ROW_SELECT \
	"SELECT i.id, i.unit_id, u.code, u.name, COALESCE(u.name_en, ''), i.started_at, i.reported_at," \
	" i.taxonomy, i.category, COALESCE(i.level_proposed, 0), COALESCE(i.level, 0), i.next_due," \
	" i.next_step, LEFT(i.description, 60), i.status, COALESCE(i.closed_at, '')" \
	" FROM inc_incident i STRAIGHT_JOIN unit u ON u.id = i.unit_id "

/* A threat notice row: enum inc_notice_col's columns. */
#define INC_NOTICE_COLS \
	" n.id, n.unit_id, u.code, u.name, COALESCE(u.name_en, ''), COALESCE(n.system_id, 0)," \
	" COALESCE(s.name, ''), n.source, n.notice_no, n.received_at, n.description, n.due_at, n.status," \
	" COALESCE(n.responded_at, ''), COALESCE(n.accepted_at, ''), n.version, n.created_at, n.created_by"
#define INC_NOTICE_FROM \
	" FROM inc_notice n STRAIGHT_JOIN unit u ON u.id = n.unit_id LEFT JOIN sys_system s ON s.id = n.system_id "
#define INC_NOTICE_SELECT "SELECT" INC_NOTICE_COLS INC_NOTICE_FROM

/* A response row: enum inc_response_col's columns (r may be NULL in the export's join). */
#define INC_RESPONSE_COLS \
	" COALESCE(r.id, 0), COALESCE(r.result, ''), COALESCE(r.file_id, 0), COALESCE(f.mime, '')," \
	" COALESCE(f.size, 0), COALESCE(f.sha256, ''), COALESCE(r.submitted_at, '')," \
	" COALESCE(r.submitted_by, ''), COALESCE(r.decision, ''), COALESCE(r.decided_at, '')," \
	" COALESCE(r.decided_by, ''), COALESCE(r.reason, '')"

/* A page of notices by due date, keyset (due_at, id); parameters: only unit (×2), after due (×2), after id. */
#define INC_NOTICES_BY_DUE(cond) \
	INC_NOTICE_SELECT "WHERE " cond " AND (? = 0 OR n.unit_id = ?)" \
	" AND (n.due_at > ? OR (n.due_at = ? AND n.id > ?)) ORDER BY n.due_at, n.id LIMIT 51"

#define INC_STEP_COLS \
	" COALESCE(st.id, 0), COALESCE(st.kind, ''), COALESCE(st.at, ''), COALESCE(st.recorded_at, '')," \
	" COALESCE(st.by_login, ''), COALESCE(st.by_name, ''), COALESCE(st.detail, '')," \
	" COALESCE(st.file_id, 0), COALESCE(f.mime, ''), COALESCE(f.size, 0), COALESCE(f.sha256, '')"

const char *const inc_sql[INC_SQL__MAX] = {
	[INC_SQL_INCIDENT] = INC_SELECT "WHERE i.id = ?",
	/* the incident's row alone: locking the joined units would serialize a unit's incidents */
	[INC_SQL_INCIDENT_LOCK] = "SELECT version FROM inc_incident WHERE id = ? FOR UPDATE",
	[INC_SQL_INSERT] =
	    "INSERT INTO inc_incident (unit_id, reporting_unit_id, system_id, system_name, started_at,"
	    " discovered_at, reported_at, filled_by, taxonomy, category, harm, level_reported, description,"
	    " measures, consequences, suggestions, oral_at, written_at, next_due, next_step,"
	    " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review, lim_rectify_days,"
	    " nonce, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[INC_SQL_NONCE] = "SELECT id FROM inc_incident WHERE nonce = ?",
	[INC_SQL_UPDATE_SHEET] =
	    "UPDATE inc_incident SET reporting_unit_id = ?, system_id = ?, system_name = ?, started_at = ?,"
	    " discovered_at = ?, filled_by = ?, taxonomy = ?, category = ?, harm = ?, level_reported = ?,"
	    " description = ?, measures = ?, consequences = ?, suggestions = ?, next_due = ?, next_step = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ?",
	[INC_SQL_UPDATE_STEPS] =
	    "UPDATE inc_incident SET reported_at = ?, reviewed_by = ?, level_proposed = ?, level = ?,"
	    " oral_at = ?, written_at = ?, review_at = ?, handled_at = ?, rectify_at = ?, rectify_due = ?,"
	    " closed_at = ?, status = ?, next_due = ?, next_step = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?",
	[INC_SQL_STEP_INSERT] =
	    "INSERT INTO inc_step (incident_id, kind, at, recorded_at, by_login, by_name, detail, file_id)"
	    " VALUES (?,?,?,?,?,?,?,?)",
	[INC_SQL_STEPS] = "SELECT" INC_STEP_COLS " FROM inc_step st LEFT JOIN inc_file f ON f.id = st.file_id"
	    " WHERE st.incident_id = ? ORDER BY st.id",
	/* open incidents, nearest deadline first; parameters: only unit (×2), after due (×2), after id */
	[INC_SQL_BOARD] = INC_ROW_SELECT
	    "WHERE i.status = 'open' AND (? = 0 OR i.unit_id = ?)"
	    " AND (i.next_due > ? OR (i.next_due = ? AND i.id > ?)) ORDER BY i.next_due, i.id LIMIT 51",
	/* every incident, newest first; parameters: status (×2), only unit (×2), before id */
	[INC_SQL_LIST] = INC_ROW_SELECT
	    "WHERE (? = '' OR i.status = ?) AND (? = 0 OR i.unit_id = ?) AND i.id < ?"
	    " ORDER BY i.id DESC LIMIT 51",
	[INC_SQL_UNIT_BY_CODE] =
	    "SELECT id, name, COALESCE(name_en, '') FROM unit WHERE code = ? AND active = 1",
	[INC_SQL_SYSTEMS] =
	    "SELECT id, name FROM sys_system WHERE unit_id = ? AND status <> 'retired'"
	    " ORDER BY name, id LIMIT 200",
	[INC_SQL_SYSTEM] = "SELECT unit_id FROM sys_system WHERE id = ?",
	[INC_SQL_FILE_INSERT] =
	    "INSERT INTO inc_file (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)",
	[INC_SQL_FILE_UNIT] = "UPDATE inc_file SET unit_id = ? WHERE id = ?",
	[INC_SQL_CHUNK_INSERT] = "INSERT INTO inc_file_chunk (file_id, seq, data) VALUES (?,?,?)",
	[INC_SQL_FILE] = "SELECT id, mime, size, COALESCE(unit_id, 0) FROM inc_file WHERE id = ?",
	[INC_SQL_CHUNKS] = "SELECT data FROM inc_file_chunk WHERE file_id = ? ORDER BY seq",
	[INC_SQL_NOTICES_OPEN] = INC_NOTICES_BY_DUE("n.open_ = 1"),
	/* the unit's turn (assigned or returned) and past due; the extra parameter is now */
	[INC_SQL_NOTICES_OVERDUE] = INC_NOTICES_BY_DUE("n.waiting = 1 AND n.due_at < ?"),
	/* every notice, newest first; parameters: only unit (×2), before id */
	[INC_SQL_NOTICES_ALL] = INC_NOTICE_SELECT
	    "WHERE (? = 0 OR n.unit_id = ?) AND n.id < ? ORDER BY n.id DESC LIMIT 51",
	[INC_SQL_NOTICE] = INC_NOTICE_SELECT "WHERE n.id = ?",
	[INC_SQL_NOTICE_LOCK] = "SELECT version FROM inc_notice WHERE id = ? FOR UPDATE",
	[INC_SQL_NOTICE_INSERT] =
	    "INSERT INTO inc_notice (unit_id, system_id, source, notice_no, received_at, description, due_at,"
	    " nonce, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
	[INC_SQL_NOTICE_NONCE] = "SELECT id FROM inc_notice WHERE nonce = ?",
	[INC_SQL_NOTICE_UPDATE] =
	    "UPDATE inc_notice SET status = ?, responded_at = ?, accepted_at = ?, version = version + 1,"
	    " updated_by = ? WHERE id = ? AND version = ?",
	[INC_SQL_RESPONSES] = "SELECT" INC_RESPONSE_COLS
	    " FROM inc_notice_response r JOIN inc_file f ON f.id = r.file_id WHERE r.notice_id = ? ORDER BY r.id",
	[INC_SQL_RESPONSE_INSERT] =
	    "INSERT INTO inc_notice_response (notice_id, result, file_id, submitted_at, submitted_by, nonce)"
	    " VALUES (?,?,?,?,?,?)",
	[INC_SQL_RESPONSE_NONCE] = "SELECT notice_id FROM inc_notice_response WHERE nonce = ?",
	[INC_SQL_RESPONSE_DECIDE] =
	    "UPDATE inc_notice_response SET decision = ?, decided_at = ?, decided_by = ?, reason = ?"
	    " WHERE notice_id = ? AND decision IS NULL",
	/* periods, the latest declared first; the parameter: before id */
	[INC_SQL_PERIODS] =
	    "SELECT id, name, starts, ends, remark FROM inc_period WHERE id < ? ORDER BY id DESC LIMIT 51",
	[INC_SQL_PERIOD] =
	    "SELECT id, name, starts, ends, remark, created_at, created_by FROM inc_period WHERE id = ?",
	[INC_SQL_PERIOD_INSERT] =
	    "INSERT INTO inc_period (name, starts, ends, remark, nonce, created_by) VALUES (?,?,?,?,?,?)",
	[INC_SQL_PERIOD_NONCE] = "SELECT id FROM inc_period WHERE nonce = ?",
	/* active units with their report of one day, by code; parameters: period, day, only unit
	 * (×2), after code, show (×3): all, missing or reported */
	[INC_SQL_PERIOD_UNITS] =
	    "SELECT u.id, u.code, u.name, COALESCE(u.name_en, ''), COALESCE(r.status, ''),"
	    " COALESCE(r.incident_id, 0), COALESCE(r.remark, ''), COALESCE(r.reported_at, ''),"
	    " COALESCE(r.reported_by, '') FROM unit u"
	    " LEFT JOIN inc_period_report r ON r.period_id = ? AND r.day = ? AND r.unit_id = u.id"
	    " WHERE u.active = 1 AND (? = 0 OR u.id = ?) AND u.code > ?"
	    " AND (? = 'all' OR (? = 'missing' AND r.id IS NULL) OR (? = 'reported' AND r.id IS NOT NULL))"
	    " ORDER BY u.code LIMIT 51",
	[INC_SQL_PERIOD_COUNT] =
	    "SELECT (SELECT COUNT(*) FROM unit WHERE active = 1), COUNT(*) FROM inc_period_report r"
	    " JOIN unit u ON u.id = r.unit_id AND u.active = 1 WHERE r.period_id = ? AND r.day = ?",
	[INC_SQL_PERIOD_REPORT] =
	    "INSERT INTO inc_period_report (period_id, unit_id, day, status, incident_id, remark,"
	    " reported_at, reported_by, nonce) VALUES (?,?,?,?,?,?,?,?,?)",
	[INC_SQL_REPORT_NONCE] = "SELECT period_id FROM inc_period_report WHERE nonce = ?",
	[INC_SQL_UNIT_INCIDENTS] =
	    "SELECT id, started_at, taxonomy, category FROM inc_incident WHERE unit_id = ?"
	    " ORDER BY id DESC LIMIT 20",
	[INC_SQL_OWN_INCIDENT] = "SELECT unit_id FROM inc_incident WHERE id = ?",
	/*
	 * Every incident with its steps, one row per step (or one without).
	 * Ordered by the incident alone, the join streams along the primary key
	 * with no temporary table; an incident's steps come along the index
	 * (incident_id, id), in the order they were recorded.  The notices the same.
	 */
	[INC_SQL_EXPORT_INCIDENTS] = "SELECT" INC_COLS "," INC_STEP_COLS INC_FROM
	    "LEFT JOIN inc_step st ON st.incident_id = i.id LEFT JOIN inc_file f ON f.id = st.file_id"
	    " ORDER BY i.id",
	[INC_SQL_EXPORT_NOTICES] = "SELECT" INC_NOTICE_COLS "," INC_RESPONSE_COLS INC_NOTICE_FROM
	    "LEFT JOIN inc_notice_response r ON r.notice_id = n.id LEFT JOIN inc_file f ON f.id = r.file_id"
	    " ORDER BY n.id",
};

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
	{ REQ_GET,  "periods",              inc_periods,        ROLES_ALL, 0 },
	{ REQ_GET,  "periods/new",          inc_period_form,    ROLE_OFFICE, 0 },
	{ REQ_POST, "periods/new",          inc_period_new,     ROLE_OFFICE, 0 },
	{ REQ_GET,  "periods/{id}",         inc_period,         ROLES_ALL, 0 },
	{ REQ_POST, "periods/{id}/report",  inc_period_report,  ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_GET,  "export.xml",           inc_export,         ROLES_READ_ALL, 0 },
};

static const char *const views[] = {
	"incidents/board", "incidents/list", "incidents/incident", "incidents/sheet", "incidents/print",
	"incidents/notices", "incidents/notice", "incidents/notice_form", "incidents/periods",
	"incidents/period", "incidents/period_form",
};

/*
 * The limits of the clock (DOMAIN.md §6; seed 003 appendix 9), in minutes
 * and working days, the working days of a threat notice (seed 000 §4(3)),
 * and the taxonomy a new sheet offers first.  A site whose limits do not
 * rise (on time ≤ late ≤ missed) does not start: every later
 * classification would be nonsense.
 */
static int
inc_init(const struct config *cfg)
{
	struct inc_limits *l = &inc_set.lim;
	l->first_ontime = 60 * config_int(cfg, "incidents.first_ontime_minutes", 30, 1, 24 * 60);
	l->first_late = 60 * config_int(cfg, "incidents.first_late_minutes", 60, 1, 24 * 60);
	l->first_missed = 60 * config_int(cfg, "incidents.first_missed_minutes", 120, 1, 7 * 24 * 60);
	l->written = 60 * config_int(cfg, "incidents.written_minutes", 60, 1, 7 * 24 * 60);
	l->review = 60 * config_int(cfg, "incidents.review_minutes", 60, 1, 7 * 24 * 60);
	l->rectify_days = (int)config_int(cfg, "incidents.rectify_workdays", 1, 1, 30);
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
	.routes = routes, .nroutes = sizeof(routes) / sizeof(routes[0]),
	.legacy_sql = inc_sql, .nlegacy = INC_SQL__MAX,
	.views = views, .nviews = sizeof(views) / sizeof(views[0]),
	.init = inc_init,
	.export_fn = inc_export,
};

int
main(int argc, char **argv)
{
	return app_main(&incidents, argc, argv);
}
