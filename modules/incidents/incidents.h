/*
 * incidents.h — the incidents module (DOMAIN.md §6, issue 5): incident
 * report sheets against the reporting clock (clock.h), the open incidents
 * board, threat notices, the all-clear reports of important periods, the
 * print view of the sheet and the export.
 *
 * Page XML under <data> (the views in xslt/incidents/ read these):
 *  board     <filter/> <incidents count next? now><incident …/>…</incidents>
 *  list      <filter status unit/> <incidents count next?>…</incidents>
 *  incident  <incident …> (inc_node) <steps><step …/>…</steps> <can action=…/>…
 *            <form step?>…</form>? (a 422/409 of a step)
 *  sheet     <incident …/>? (edit) <taxonomy …/> <systems><system id>name</system>…</systems>
 *            <office/>? <form>…</form>
 *  print     <incident …/> <taxonomy …/>
 *  notices   <filter status/> <notices count next?><notice …/>…</notices>
 *  notice    <notice …><responses><response …/>…</responses></notice> <can …/> <form>?
 *  notice_form  <systems/>? <form>…</form>
 *  periods   <periods count next?><period …/>…</periods>
 *  period    <period …/> <day …/> <mine …/>? <units count next? missing reported><unit …/>…</units> <form>?
 *  period_form  <form>…</form>
 * An <incident> carries the sheet's fields, the times of its steps, and
 * <clock><step kind due? at? class/>…</clock> at the time of the request.
 */
#ifndef WANGAN_INCIDENTS_H
#define WANGAN_INCIDENTS_H
#include "legacy.h"
#include "clock.h"
#include "upload.h"

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
	struct inc_limits lim;
	int notice_days;	/* incidents.notice_workdays: a threat notice's working days */
	enum inc_tax taxonomy;	/* incidents.taxonomy: the version a new sheet offers first */
};
extern struct inc_settings inc_set;

enum inc_sql {
	INC_SQL_INCIDENT,
	INC_SQL_INCIDENT_LOCK,
	INC_SQL_INSERT,
	INC_SQL_NONCE,
	INC_SQL_UPDATE_SHEET,
	INC_SQL_UPDATE_STEPS,
	INC_SQL_STEP_INSERT,
	INC_SQL_STEPS,
	INC_SQL_BOARD,
	INC_SQL_LIST,
	INC_SQL_UNIT_BY_CODE,
	INC_SQL_SYSTEMS,
	INC_SQL_SYSTEM,
	INC_SQL_FILE_INSERT,
	INC_SQL_FILE_UNIT,
	INC_SQL_CHUNK_INSERT,
	INC_SQL_FILE,
	INC_SQL_CHUNKS,
	/* threat notices (notice.c) */
	INC_SQL_NOTICES_OPEN,
	INC_SQL_NOTICES_OVERDUE,
	INC_SQL_NOTICES_ALL,
	INC_SQL_NOTICE,
	INC_SQL_NOTICE_LOCK,
	INC_SQL_NOTICE_INSERT,
	INC_SQL_NOTICE_NONCE,
	INC_SQL_NOTICE_UPDATE,
	INC_SQL_RESPONSES,
	INC_SQL_RESPONSE_INSERT,
	INC_SQL_RESPONSE_NONCE,
	INC_SQL_RESPONSE_DECIDE,
	/* important periods (period.c) */
	INC_SQL_PERIODS,
	INC_SQL_PERIOD,
	INC_SQL_PERIOD_INSERT,
	INC_SQL_PERIOD_NONCE,
	INC_SQL_PERIOD_UNITS,
	INC_SQL_PERIOD_COUNT,
	INC_SQL_PERIOD_REPORT,
	INC_SQL_REPORT_NONCE,
	INC_SQL_UNIT_INCIDENTS,
	INC_SQL_OWN_INCIDENT,
	/* export.c */
	INC_SQL_EXPORT_INCIDENTS,
	INC_SQL_EXPORT_NOTICES,
	INC_SQL__MAX
};
extern const char *const inc_sql[INC_SQL__MAX];

/* An incident row (INC_SQL_INCIDENT's columns, in this order). */
enum inc_col {
	IC_ID, IC_UNIT_ID, IC_UNIT_CODE, IC_UNIT_NAME, IC_UNIT_NAME_EN, IC_REP_ID, IC_REP_CODE,
	IC_REP_NAME, IC_REP_NAME_EN, IC_SYSTEM_ID, IC_SYSTEM, IC_SYSTEM_NAME, IC_STARTED,
	IC_DISCOVERED, IC_REPORTED, IC_FILLED_BY, IC_REVIEWED_BY, IC_TAXONOMY, IC_CATEGORY, IC_HARM,
	IC_LEVEL_REPORTED, IC_LEVEL_PROPOSED, IC_LEVEL, IC_DESCRIPTION, IC_MEASURES, IC_CONSEQUENCES,
	IC_SUGGESTIONS, IC_ORAL_AT, IC_WRITTEN_AT, IC_REVIEW_AT, IC_HANDLED_AT, IC_RECTIFY_AT,
	IC_RECTIFY_DUE, IC_CLOSED_AT, IC_STATUS, IC_NEXT_DUE, IC_NEXT_STEP, IC_LIM_ONTIME,
	IC_LIM_LATE, IC_LIM_MISSED, IC_LIM_WRITTEN, IC_LIM_REVIEW, IC_LIM_RECTIFY, IC_VERSION,
	IC_CREATED_AT, IC_CREATED_BY, IC__MAX
};

/* A threat notice row (INC_NOTICE_SELECT's columns) and a response row (INC_RESPONSE_SELECT's). */
enum inc_notice_col {
	NC_ID, NC_UNIT_ID, NC_UNIT_CODE, NC_UNIT_NAME, NC_UNIT_NAME_EN, NC_SYSTEM_ID, NC_SYSTEM,
	NC_SOURCE, NC_NO, NC_RECEIVED, NC_DESCRIPTION, NC_DUE, NC_STATUS, NC_RESPONDED, NC_ACCEPTED,
	NC_VERSION, NC_CREATED_AT, NC_CREATED_BY, NC__MAX
};
enum inc_response_col {
	RC_ID, RC_RESULT, RC_FILE_ID, RC_MIME, RC_SIZE, RC_SHA256, RC_SUBMITTED_AT, RC_SUBMITTED_BY,
	RC_DECISION, RC_DECIDED_AT, RC_DECIDED_BY, RC_REASON, RC__MAX
};

struct inc {
	const char *v[IC__MAX];		/* "" for NULL, copied into the request's arena */
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
 * Begins a change of incident id made from a form of version: the
 * transaction open and the row locked in *now (INC_LOCKED); or, rolled
 * back, the incident at another version or in a state that does not allow
 * act (INC_MOVED), no such incident (INC_GONE); or a failed query
 * (INC_FAILED, *rc says which; the caller rolls back, and may retry).
 */
enum inc_lock { INC_LOCKED, INC_MOVED, INC_GONE, INC_FAILED };
enum inc_lock inc_lock(struct ctx *c, long long id, const char *version, enum inc_act act,
    struct inc *now, enum db_rc *rc);
/* After a conflict: rolls back and loads incident c->id as it is now; 200, 404 or APP_LOST/500. */
int  inc_reload(struct ctx *c, struct inc *now);
/* Incident id for reading: 200, 404, 403 (audited) or APP_LOST/500. */
int  inc_open(struct ctx *c, long long id, struct inc *in);
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
/* Status for a failed query: APP_LOST or 500. */
int  inc_db_fail(enum db_rc rc);
/*
 * After a failed write: rolls the transaction back; 1 when it lost a
 * deadlock and may run again (three times at most), else 0 and the caller
 * answers for rc (a duplicate key's page, or inc_db_fail()).
 */
int  inc_rollback(struct ctx *c, enum db_rc rc, int *tries);

/*
 * A page of a list: the rows under parent, the 51st fetched only to know
 * there is more; the keyset of the last row shown (a time or a code, an
 * id).  inc_rows_end() adds next (when there is more) and count to parent.
 */
struct inc_rows {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	long now;
	const char *last_key;
	long long last_id;
};
void inc_rows_end(struct inc_rows *l, const char *next);
/*
 * The keyset of a page ordered by a time and an id, as a query value
 * without escapes: "20261202103000.17" (NULL for a NULL time).  inc_key_parse() reads it back:
 * 0 (NULL or "" gives the start: the earliest time, id 0), -1 if malformed.
 */
const char *inc_key(struct ctx *c, const char *at, long long id);
int  inc_key_parse(const char *key, char at[20], long long *id);
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
int inc_periods(struct ctx *c);
int inc_period(struct ctx *c);
int inc_period_form(struct ctx *c);
int inc_period_new(struct ctx *c);
int inc_period_report(struct ctx *c);
int inc_export(struct ctx *c);
#endif
