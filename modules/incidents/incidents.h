/*
 * incidents.h — the incidents module (DOMAIN.md §6, issue 5): incident
 * report sheets against the reporting clock (clock.h), the open incidents
 * board, threat notices, the all-clear reports of important periods, the
 * print view of the sheet and the export.
 *
 * Page XML under <data> (the views in xslt/incidents/ read these):
 *  board     <filter/> <incidents count next? now><incident …/>…</incidents>
 *  list      <filter status unit? unit-name? sort dir q lq-q lq/> (core/listq.h)
 *            <incidents count next? next-at? first?>…</incidents>
 *  incident  <incident …> (inc_node) <steps><step …/>…</steps> <can action=…/>…
 *            <form step?>…</form>? (a 422/409 of a step)
 *  sheet     <incident …/>? (edit) <taxonomy …/> <systems><system id>name</system>…</systems>
 *            <office/>? <form>…</form>
 *  print     <incident …/> <taxonomy …/>
 *  notices   <filter status unit? unit-name? sort dir q lq-q lq/>
 *            <notices count next? next-at? first?><notice …/>…</notices>
 *  notice    <notice …><responses><response …/>…</responses></notice> <can …/> <form>?
 *  notice_form  <systems/>? <form>…</form>
 *  rectify_list, rectify, rectify_form, rectify_print: the same for the
 *            inspection rectification notices (kind rectify: <notice kind
 *            inspection …><findings><finding/>…</findings>…</notice>)
 *  periods   <filter unit? unit-name? sort dir q lq-q lq/>
 *            <periods count next? next-at? first?><period … reported? days?/>…</periods>
 *  period    <period …/> <day …/> <mine …/>? <units count next? missing reported><unit …/>…</units> <form>?
 *  period_form  <form>…</form>
 * An <incident> carries the sheet's fields, the times of its steps, and
 * <clock><step kind due? at? class/>…</clock> at the time of the request.
 */
#ifndef WANGAN_INCIDENTS_H
#define WANGAN_INCIDENTS_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sniff.h"
#include "sql.h"
#include "clock.h"

#define INC_PAGE_ROWS 50
#define INC_NO_DUE "9999-12-31 23:59:59"	/* next_due when no step has a deadline */
#define INC_TEXT_MAX 2000	/* characters in each long text of a sheet, notice or report */

enum inc_tax { INC_GBZ2007, INC_GBT2023, INC_TAX__MAX };
enum inc_harm { INC_HARM_OUTAGE, INC_HARM_PARALYSIS, INC_HARM_DESTROYED, INC_HARM_LEAKED,
	INC_HARM_OTHER, INC_HARM__MAX };

extern const char *const inc_tax_code[INC_TAX__MAX];
extern const char *const inc_harm_code[INC_HARM__MAX];
/* Every category as "version.code" ("gbt2023.attack"), NULL-terminated: the form's choices. */
extern const char *const inc_category_choices[];
extern const char *const inc_level_choices[];	/* "1" … "4", NULL-terminated */

/* Site settings, read once at start (main.c). */
struct inc_settings {
	const struct inc_profile *profile;	/* incidents.profile: whose rules new incidents follow */
	struct inc_limits lim;
	int notice_days;	/* incidents.notice_workdays: a threat notice's working days */
	enum inc_tax taxonomy;	/* incidents.taxonomy: the version a new sheet offers first */
};
extern struct inc_settings inc_set;

/*
 * The statements (sql.c) and how many parameters each takes.  The board,
 * list and notice pages are keyset pages: "only unit" is an account's own
 * unit or 0 for every unit, passed twice for (? = 0 OR unit_id = ?).
 */
#define INC_STATEMENTS(S) \
	S(INC_SQL_INCIDENT, 1) \
	S(INC_SQL_INCIDENT_LOCK, 1) \
	S(INC_SQL_INSERT, 31) \
	S(INC_SQL_UPDATE_SHEET, 19) \
	S(INC_SQL_UPDATE_STEPS, 17) \
	S(INC_SQL_STEP_INSERT, 8) \
	S(INC_SQL_STEPS, 1) \
	S(INC_SQL_BOARD, 5) \
	S(INC_SQL_LQ_ID_ASC, 16) S(INC_SQL_LQ_ID_DESC, 16) \
	S(INC_SQL_LQ_STARTED_ASC, 16) S(INC_SQL_LQ_STARTED_DESC, 16) \
	S(INC_SQL_LQ_REPORTED_ASC, 16) S(INC_SQL_LQ_REPORTED_DESC, 16) \
	S(INC_SQL_UNIT_BY_CODE, 1) \
	S(INC_SQL_SYSTEMS, 1) \
	S(INC_SQL_SYSTEM, 1) \
	S(INC_SQL_FILE_INSERT, 5) \
	S(INC_SQL_FILE_UNIT, 2) \
	S(INC_SQL_CHUNK_INSERT, 3) \
	S(INC_SQL_FILE, 1) \
	S(INC_SQL_CHUNKS, 1) \
	/* threat notices (notice.c) */ \
	S(INC_SQL_NLQ_DUE_ASC, 20) S(INC_SQL_NLQ_DUE_DESC, 20) \
	S(INC_SQL_NLQ_RECEIVED_ASC, 20) S(INC_SQL_NLQ_RECEIVED_DESC, 20) \
	S(INC_SQL_NLQ_ID_ASC, 20) S(INC_SQL_NLQ_ID_DESC, 20) \
	S(INC_SQL_UNIT_BY_ID, 1) \
	S(INC_SQL_NOTICE, 1) \
	S(INC_SQL_NOTICE_LOCK, 1) \
	S(INC_SQL_NOTICE_INSERT, 12) \
	S(INC_SQL_NOTICE_UPDATE, 6) \
	S(INC_SQL_RESPONSES, 1) \
	S(INC_SQL_RESPONSE_INSERT, 6) \
	S(INC_SQL_RESPONSE_DECIDE, 5) \
	/* important periods (period.c) */ \
	S(INC_SQL_PLQ_ID_ASC, 9) S(INC_SQL_PLQ_ID_DESC, 9) \
	S(INC_SQL_PLQ_STARTS_ASC, 9) S(INC_SQL_PLQ_STARTS_DESC, 9) \
	S(INC_SQL_PLQ_NAME_ASC, 9) S(INC_SQL_PLQ_NAME_DESC, 9) \
	S(INC_SQL_PERIOD, 1) \
	S(INC_SQL_PERIOD_INSERT, 6) \
	S(INC_SQL_PERIOD_UNITS, 8) \
	S(INC_SQL_PERIOD_COUNT, 2) \
	S(INC_SQL_PERIOD_REPORT, 9) \
	S(INC_SQL_UNIT_INCIDENTS, 1) \
	S(INC_SQL_OWN_INCIDENT, 1) \
	/* export.c */ \
	S(INC_SQL_EXPORT_INCIDENTS, 0) \
	S(INC_SQL_EXPORT_NOTICES, 0) \
	/* the synthetic demo data (demo.c), besides the statements above it reuses */ \
	S(INC_SQL_DEMO_HAS, 0) \
	S(INC_SQL_DEMO_INCIDENT, 34) \
	S(INC_SQL_DEMO_NOTICE, 9)
DB_STATEMENTS(inc_sql_id, INC_STATEMENTS, INC_SQL__MAX);
extern const struct db_stmt inc_sql[INC_SQL__MAX];

/* An incident row (INC_SQL_INCIDENT's columns, the first of the export's). */
#define INC_INCIDENT_COLS(C) \
	C(IC_ID, "id") C(IC_UNIT_ID, "unit_id") C(IC_UNIT_CODE, "unit_code") \
	C(IC_UNIT_NAME, "unit_name") C(IC_UNIT_NAME_EN, "unit_name_en") \
	C(IC_REP_ID, "reporting_unit_id") C(IC_REP_CODE, "rep_code") C(IC_REP_NAME, "rep_name") \
	C(IC_REP_NAME_EN, "rep_name_en") C(IC_SYSTEM_ID, "system_id") C(IC_SYSTEM, "system") \
	C(IC_SYSTEM_NAME, "system_name") C(IC_STARTED, "started_at") \
	C(IC_DISCOVERED, "discovered_at") C(IC_REPORTED, "reported_at") C(IC_FILLED_BY, "filled_by") \
	C(IC_REVIEWED_BY, "reviewed_by") C(IC_TAXONOMY, "taxonomy") C(IC_CATEGORY, "category") \
	C(IC_HARM, "harm") C(IC_LEVEL_REPORTED, "level_reported") \
	C(IC_LEVEL_PROPOSED, "level_proposed") C(IC_LEVEL, "level") \
	C(IC_DESCRIPTION, "description") C(IC_MEASURES, "measures") \
	C(IC_CONSEQUENCES, "consequences") C(IC_SUGGESTIONS, "suggestions") C(IC_ORAL_AT, "oral_at") \
	C(IC_WRITTEN_AT, "written_at") C(IC_REVIEW_AT, "review_at") C(IC_HANDLED_AT, "handled_at") \
	C(IC_RECTIFY_AT, "rectify_at") C(IC_RECTIFY_DUE, "rectify_due") C(IC_CLOSED_AT, "closed_at") \
	C(IC_STATUS, "status") C(IC_NEXT_DUE, "next_due") C(IC_NEXT_STEP, "next_step") \
	C(IC_LIM_ONTIME, "lim_first_ontime") C(IC_LIM_LATE, "lim_first_late") \
	C(IC_LIM_MISSED, "lim_first_missed") C(IC_LIM_WRITTEN, "lim_written") \
	C(IC_LIM_REVIEW, "lim_review") C(IC_LIM_RECTIFY, "lim_rectify_days") \
	C(IC_PROFILE, "profile") C(IC_PROFILE_VERSION, "profile_version") \
	C(IC_VERSION, "version") C(IC_CREATED_AT, "created_at") C(IC_CREATED_BY, "created_by")
DB_COLUMNS(inc_col, INC_INCIDENT_COLS);

/* A step with its file (INC_SQL_STEPS; the export's, after the incident's: r->v + inc_col__MAX). */
#define INC_STEP_COLS(C) \
	C(ST_ID, "step_id") C(ST_KIND, "kind") C(ST_AT, "at") C(ST_RECORDED, "recorded_at") \
	C(ST_BY, "by_login") C(ST_BY_NAME, "by_name") C(ST_DETAIL, "detail") C(ST_FILE_ID, "file_id") \
	C(ST_MIME, "mime") C(ST_SIZE, "size") C(ST_SHA256, "sha256")
DB_COLUMNS(inc_step_col, INC_STEP_COLS);

/* A row of the board and the list (INC_SQL_BOARD, _LIST). */
#define INC_ROW_COLS(C) \
	C(RW_ID, "id") C(RW_UNIT_ID, "unit_id") C(RW_CODE, "code") C(RW_NAME, "name") \
	C(RW_NAME_EN, "name_en") C(RW_STARTED, "started_at") C(RW_REPORTED, "reported_at") \
	C(RW_TAXONOMY, "taxonomy") C(RW_CATEGORY, "category") C(RW_LEVEL_PROPOSED, "level_proposed") \
	C(RW_LEVEL, "level") C(RW_NEXT_DUE, "next_due") C(RW_NEXT_STEP, "next_step") \
	C(RW_SUMMARY, "summary") C(RW_STATUS, "status") C(RW_CLOSED, "closed_at") \
	C(RW_FILLED_BY, "filled_by")
DB_COLUMNS(inc_row_col, INC_ROW_COLS);

/* A threat notice (INC_SQL_NOTICE, the lists, the first of the export's). */
#define INC_NOTICE_COLS(C) \
	C(NC_ID, "id") C(NC_UNIT_ID, "unit_id") C(NC_UNIT_CODE, "unit_code") \
	C(NC_UNIT_NAME, "unit_name") C(NC_UNIT_NAME_EN, "unit_name_en") C(NC_SYSTEM_ID, "system_id") \
	C(NC_SYSTEM, "system") C(NC_SOURCE, "source") C(NC_NO, "notice_no") \
	C(NC_RECEIVED, "received_at") C(NC_DESCRIPTION, "description") C(NC_DUE, "due_at") \
	C(NC_STATUS, "status") C(NC_RESPONDED, "responded_at") C(NC_ACCEPTED, "accepted_at") \
	C(NC_VERSION, "version") C(NC_CREATED_AT, "created_at") C(NC_CREATED_BY, "created_by") \
	C(NC_KIND, "kind") C(NC_INSPECTION, "inspection")
DB_COLUMNS(inc_notice_col, INC_NOTICE_COLS);

/* A response to a notice (INC_SQL_RESPONSES; the export's, after the notice's). */
#define INC_RESPONSE_COLS(C) \
	C(RC_ID, "response_id") C(RC_RESULT, "result") C(RC_FILE_ID, "file_id") C(RC_MIME, "mime") \
	C(RC_SIZE, "size") C(RC_SHA256, "sha256") C(RC_SUBMITTED_AT, "submitted_at") \
	C(RC_SUBMITTED_BY, "submitted_by") C(RC_DECISION, "decision") C(RC_DECIDED_AT, "decided_at") \
	C(RC_DECIDED_BY, "decided_by") C(RC_REASON, "reason")
DB_COLUMNS(inc_response_col, INC_RESPONSE_COLS);

/* A period (INC_SQL_PERIOD; the list's INC_SQL_PLQ_* add "reported", r->v[inc_period_col__MAX]). */
#define INC_PERIOD_COLS(C) \
	C(PD_ID, "id") C(PD_NAME, "name") C(PD_STARTS, "starts") C(PD_ENDS, "ends") \
	C(PD_REMARK, "remark") C(PD_CREATED_AT, "created_at") C(PD_CREATED_BY, "created_by")
DB_COLUMNS(inc_period_col, INC_PERIOD_COLS);

/* An active unit with its report of the day, or "" and 0 (INC_SQL_PERIOD_UNITS). */
#define INC_PERIOD_UNIT_COLS(C) \
	C(PU_ID, "id") C(PU_CODE, "code") C(PU_NAME, "name") C(PU_NAME_EN, "name_en") \
	C(PU_STATUS, "status") C(PU_INCIDENT_ID, "incident_id") C(PU_REMARK, "remark") \
	C(PU_REPORTED_AT, "reported_at") C(PU_REPORTED_BY, "reported_by")
DB_COLUMNS(inc_period_unit_col, INC_PERIOD_UNIT_COLS);

/* How many active units there are and how many reported that day (INC_SQL_PERIOD_COUNT). */
#define INC_PERIOD_COUNT_COLS(C) C(PC_UNITS, "units") C(PC_REPORTED, "reported")
DB_COLUMNS(inc_period_count_col, INC_PERIOD_COUNT_COLS);

/* A unit's recent incidents, for its period report (INC_SQL_UNIT_INCIDENTS). */
#define INC_UNIT_INCIDENT_COLS(C) \
	C(UI_ID, "id") C(UI_STARTED, "started_at") C(UI_TAXONOMY, "taxonomy") C(UI_CATEGORY, "category")
DB_COLUMNS(inc_unit_incident_col, INC_UNIT_INCIDENT_COLS);

/* An active unit by code (INC_SQL_UNIT_BY_CODE), a unit's system (INC_SQL_SYSTEMS). */
#define INC_UNIT_COLS(C) C(UB_ID, "id") C(UB_NAME, "name") C(UB_NAME_EN, "name_en")
DB_COLUMNS(inc_unit_col, INC_UNIT_COLS);
#define INC_SYSTEM_COLS(C) C(SY_ID, "id") C(SY_NAME, "name")
DB_COLUMNS(inc_system_col, INC_SYSTEM_COLS);

/* The unit a system or an incident belongs to (INC_SQL_SYSTEM, _OWN_INCIDENT). */
#define INC_OWNER_COLS(C) C(OWN_UNIT_ID, "unit_id")
DB_COLUMNS(inc_owner_col, INC_OWNER_COLS);

/* A row's version, read as it is locked (INC_SQL_INCIDENT_LOCK, _NOTICE_LOCK). */
#define INC_VERSION_COLS(C) C(VER_VERSION, "version")
DB_COLUMNS(inc_version_col, INC_VERSION_COLS);

/* A stored file's metadata (INC_SQL_FILE); its pieces (INC_SQL_CHUNKS) are core upload.c's. */
#define INC_FILE_COLS(C) C(FL_ID, "id") C(FL_MIME, "mime") C(FL_SIZE, "size") C(FL_UNIT_ID, "unit_id")
DB_COLUMNS(inc_file_col, INC_FILE_COLS);
#define INC_CHUNK_COLS(C) C(CH_DATA, "data")
DB_COLUMNS(inc_chunk_col, INC_CHUNK_COLS);

/* How many incidents there are (INC_SQL_DEMO_HAS): the demo writes into an empty module only. */

/* The views (main.c). */
enum inc_view { INC_VIEW_BOARD, INC_VIEW_LIST, INC_VIEW_INCIDENT, INC_VIEW_SHEET, INC_VIEW_PRINT,
	INC_VIEW_NOTICES, INC_VIEW_NOTICE, INC_VIEW_NOTICE_FORM, INC_VIEW_PERIODS, INC_VIEW_PERIOD,
	INC_VIEW_PERIOD_FORM, INC_VIEW_RECTIFY_LIST, INC_VIEW_RECTIFY, INC_VIEW_RECTIFY_FORM,
	INC_VIEW_RECTIFY_PRINT, INC_VIEW__MAX };

struct inc {
	const char *v[inc_col__MAX];		/* "" for NULL, copied into the request's arena */
	long long id, unit_id, version;
	struct inc_times t;
	struct inc_limits lim;
};

/* What an account may do to an incident (act.c). */
enum inc_act { INC_ACT_EDIT, INC_ACT_ORAL, INC_ACT_WRITTEN, INC_ACT_REVIEW, INC_ACT_HANDLED,
	INC_ACT_RECTIFY, INC_ACT_PROPOSE, INC_ACT_CONFIRM, INC_ACT_CLOSE, INC_ACT__MAX };
extern const char *const inc_act_code[INC_ACT__MAX];
/* The account's role and unit allow act on in (not looking at the state). */
int  inc_may(const struct ctx *c, const struct inc *in, enum inc_act act);
/* The incident's state allows act now. */
int  inc_state_allows(const struct inc *in, enum inc_act act);

/* incident.c: loading, the clock, the page XML */
enum db_rc inc_load(struct ctx *c, long long id, struct inc *in, int lock);
/*
 * In a write's transaction (tx.h): locks incident id and loads it into
 * *now.  TX_COMMIT (go on) when it is at the form's version and its state
 * allows act; 409 when it moved on or does not allow act; 404 when there
 * is none; or the failed query's db_rc.
 */
int  inc_lock(struct ctx *c, long long id, const char *version, enum inc_act act, struct inc *now);
/* Incident c->id as it is now (outside a write): 200, 404 or app_dberr(). */
int  inc_find(struct ctx *c, struct inc *in);
/* Incident c->id for reading: 200, 404, 403 (audited) or app_dberr(). */
int  inc_open(struct ctx *c, struct inc *in);
/* in->t and in->lim from in->v (after a load or a change of v). */
void inc_times_of(struct inc *in);
/* The next deadline (or INC_NO_DUE) and what is awaited, as stored in next_due/next_step. */
void inc_next_of(const struct inc *in, long now, char due[20], const char **step);
xmlNodePtr inc_node(struct ctx *c, xmlNodePtr parent, const struct inc *in, long now);
/* A unit's name in the page's language. */
const char *inc_unit_name(const struct ctx *c, const char *name, const char *name_en);
/* A datetime column as a form value: "2026-12-02T10:30" ("…:SS" when the seconds are not 0). */
const char *inc_form_time(struct ctx *c, const char *db);
/* A form's date-time value, checked: "" or the error code ("datetime", "future"). */
const char *inc_check_time(const char *s, long now, long *t);
/* A form's values as the audit's JSON object, without its nonce and version. */
const char *inc_form_json(struct ctx *c, const struct vfield *t, size_t n, const char **vals);
/* A row callback: the one unit_id column of INC_SQL_SYSTEM or _OWN_INCIDENT into a long long. */
int  inc_owner_row(void *arg, const struct db_row *r);

/*
 * A page of a list: the rows under parent, the 51st fetched only to know
 * there is more; the keyset of the last row shown (a time or a code, an
 * id).  inc_rows_end() adds next (when there is more) and count to parent.
 */
struct sheet;
struct listq;
struct inc_rows {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	long now;
	const char *last_key;
	long long last_id;
	struct sheet *sheet;	/* an export (core/sheet.h): every row goes there instead */
	int key_col;		/* the row's column whose value is last_key */
	long long unit;		/* the unit the list is filtered to, 0 for every unit */
};
void inc_rows_end(struct inc_rows *l, const char *next);
/* The same for a list with the everyday tools (core/listq.h): next-at, next, first, count. */
void inc_rows_lq(struct inc_rows *l, const struct listq *lq);
/*
 * The ?unit=ID filter of the incident, notice and period lists: a unit
 * account's own unit whatever the query says (its name on filter as
 * unit-name); for the roles that read every unit the unit asked for (on
 * filter as unit and unit-name; one that does not exist gives an empty
 * list), or 0 for every unit.  0, or the 400 page.
 */
int  inc_list_unit(struct ctx *c, xmlNodePtr filter, long long *unit);
/*
 * The keyset of a page ordered by a time and an id, as a query value
 * without escapes: "20261202103000.17" (NULL for a NULL time).  inc_key_parse() reads it back:
 * 0 (NULL or "" gives the start: the earliest time, id 0), -1 if malformed.
 */
const char *inc_key(struct ctx *c, const char *at, long long id);
int  inc_key_parse(const char *key, char at[20], long long *id);
/*
 * A notice's timing, from its INC_NOTICE_COLS: "pending" or "overdue" while
 * it is the unit's turn (assigned or returned), "on_time" or "late" by the
 * last response once there is one (notice.c).  A rectification notice is
 * overdue past its deadline until the office closes it, its report waiting
 * or not; closed, on_time or late by the last report.
 */
const char *inc_notice_timing(const char *const *v, long now);
/* The incident page: the incident, its steps, what this account may do. */
int  inc_page(struct ctx *c, const struct inc *in, int status);
/* A unit by code: id, name; 0 when no active unit has it. */
enum db_rc inc_unit_by_code(struct ctx *c, const char *code, long long *id, const char **name);
/* <systems><system id>name</system>…</systems>: the unit's systems not retired. */
enum db_rc inc_systems_node(struct ctx *c, long long unit);
/* Whether system id belongs to unit (0 is "none" and always does). */
enum db_rc inc_system_of(struct ctx *c, long long system, long long unit, int *ok);
/* <taxonomy default><version code><category code/>…</version>…</taxonomy> */
void inc_taxonomy_node(struct ctx *c);
/* The uploaded file named name of the request, checked: NULL when none was sent. */
const struct req_file *inc_upload(struct ctx *c, const char *name, enum sniff_type *type,
    const char **err);
/* Stores an upload of the record of unit in the caller's transaction. */
enum db_rc inc_file_store(struct ctx *c, const struct req_file *f, enum sniff_type type,
    long long unit, long long *id);

/* Handlers */
int inc_board(struct ctx *c);
int inc_board_xml(struct ctx *c);
int inc_list(struct ctx *c);
int inc_incident(struct ctx *c);
int inc_print(struct ctx *c);
int inc_new_form(struct ctx *c);
int inc_new(struct ctx *c);
int inc_edit_form(struct ctx *c);
int inc_edit(struct ctx *c);
int inc_step(struct ctx *c);
int inc_file(struct ctx *c);
int inc_notices(struct ctx *c);
int inc_notice(struct ctx *c);
int inc_notice_form(struct ctx *c);
int inc_notice_new(struct ctx *c);
int inc_notice_respond(struct ctx *c);
int inc_notice_decide(struct ctx *c);
int inc_rectify_list(struct ctx *c);
int inc_rectify(struct ctx *c);
int inc_rectify_form(struct ctx *c);
int inc_rectify_new(struct ctx *c);
int inc_rectify_report(struct ctx *c);
int inc_rectify_decide(struct ctx *c);
int inc_rectify_print(struct ctx *c);
int inc_periods(struct ctx *c);
int inc_period(struct ctx *c);
int inc_period_form(struct ctx *c);
int inc_period_new(struct ctx *c);
int inc_period_report(struct ctx *c);
int inc_export(struct ctx *c);
int inc_demo(struct ctx *c);
#endif
