/*
 * duties.h — the year's recurring duties with their evidence (DOMAIN.md,
 * "Annual duties"; seeds 000, 001, 002; schema/034-duties.sql): the
 * school's reports to the province by 15 December, each unit's
 * self-inspection report by the day the office sets, the drills, the
 * training hours, the certified share, the security share of the budgets.
 *
 * Who does what: the office opens a year (year.c), which makes one instance
 * per duty and owner (every active unit but the school, or the office);
 * the owner uploads files and enters figures (evidence.c) and submits; the
 * office accepts or returns with a reason (decide.c).  A unit's accounts
 * see and act on their own unit's instances only (the SQL filters the
 * list by the unit, and every record is checked: duty.c du_open); the
 * office sees and acts on all; the leading group and the auditor read.
 *
 * Page XML under <data> (xslt/duties/ reads these):
 *  list     <duties year today unit? duty? office(1|0) more? after?>
 *             <years><y>…</y></years> <defs><def code title/>…</defs>
 *             <units><unit id code name/>…</units> (read-all roles: the filter)
 *             <summary><row code title n done submitted overdue/>…</summary>? (read-all)
 *             <inst id code owner unit-id unit-code due state stand files version><title/><unit/></inst>…
 *           </duties>
 *  instance <instance id code owner year due state stand version writable decidable
 *             submitted-at? submitted-by? decided-at? decided-by? updated-by updated-at min-files>
 *             <title/><evidence/><seed/><unit code/>?<reason/>?
 *             <figures><figure id code unit min max threshold? required decimals value? met?>
 *               <label/></figure>…</figures>
 *             <files><file id note mime size name at by/>…</files></instance>
 *           <form> (the figures' fig_CODE, version; the upload's note, nonce; reason)
 *  year     <year year inspect-due? opened(1|0) default-due/> <years><y n open>…</y></years>
 *           <form> (year, inspect_due)
 */
#ifndef WANGAN_DUTIES_H
#define WANGAN_DUTIES_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"
#include "valid.h"
#include "due.h"

/* Rows of the list on one page (the next page starts after the last id). */
#define DU_PAGE_ROWS 100
/* Figures a duty has at most (the form's fields: REQ_MAX_FIELDS). */
#define DU_MAX_FIGURES 16
/* Files an instance holds at most: the evidence of one duty, not an archive. */
#define DU_MAX_FILES 20

#define DU_STATEMENTS(S) \
	/* the active definitions, for the filter and for opening a year */ \
	S(DU_SQL_DEFS, 0) \
	/* a year's instances: year, unit (0: all) twice, duty code ('' all) twice, after id */ \
	S(DU_SQL_LIST, 6) \
	/* the read-all roles' count per duty: today, year */ \
	S(DU_SQL_SUMMARY, 2) \
	/* the years opened, and the units of the filter */ \
	S(DU_SQL_YEARS, 0) \
	S(DU_SQL_UNITS, 0) \
	/* one instance with its definition, and FOR UPDATE */ \
	S(DU_SQL_GET, 1) \
	S(DU_SQL_LOCK, 1) \
	/* its figures with their values, its files, how many */ \
	S(DU_SQL_FIGURES, 1) \
	S(DU_SQL_FILES, 1) \
	S(DU_SQL_NFILES, 1) \
	/* a figure's value: instance, figure, value (hundredths as text), login; cleared: instance, figure */ \
	S(DU_SQL_VALUE_SET, 4) \
	S(DU_SQL_VALUE_DEL, 2) \
	/* an edit of the instance's evidence: login, id, version */ \
	S(DU_SQL_TOUCH, 3) \
	/* submitted: login twice, id, version; decided: state, reason, login twice, id, version */ \
	S(DU_SQL_SUBMIT, 4) \
	S(DU_SQL_DECIDE, 6) \
	/* the files (evidence.c): what core upload.c's up_store() and up_send() run */ \
	S(DU_SQL_FILE_INSERT, 5) \
	S(DU_SQL_FILE_LINK, 4) \
	S(DU_SQL_CHUNK_INSERT, 3) \
	S(DU_SQL_FILE, 1) \
	S(DU_SQL_CHUNKS, 1) \
	/* a file taken off an open instance: its details for the audit (id), its bytes (id), its row (id, instance) */ \
	S(DU_SQL_FILE_META, 1) \
	S(DU_SQL_CHUNK_DEL, 1) \
	S(DU_SQL_FILE_DEL, 2) \
	/* a year (year.c): read; opened or its day changed: year, day, login twice */ \
	S(DU_SQL_YEAR_GET, 1) \
	S(DU_SQL_YEAR_PUT, 4) \
	/* a duty's instances of a year: for every unit (duty, year, due, login twice), the office's */ \
	S(DU_SQL_OPEN_UNITS, 5) \
	S(DU_SQL_OPEN_OFFICE, 5) \
	/* the day the office set, onto the year's instances of such duties: day, login, year, day */ \
	S(DU_SQL_SET_DUE, 4)
DB_STATEMENTS(du_sql_id, DU_STATEMENTS, DU_SQL__MAX);
extern const struct db_stmt du_sql[DU_SQL__MAX];

/* A definition (DU_SQL_DEFS). */
#define DU_DEF_COLS(C) \
	C(DF_ID, "id") C(DF_CODE, "code") C(DF_TITLE, "title_zh") C(DF_TITLE_EN, "title_en") \
	C(DF_OWNER, "owner") C(DF_RULE, "due_rule") C(DF_MONTH, "due_month") C(DF_DAY, "due_day")
DB_COLUMNS(du_def_col, DU_DEF_COLS);

/* A row of the list (DU_SQL_LIST). */
#define DU_LIST_COLS(C) \
	C(LI_ID, "id") C(LI_CODE, "code") C(LI_TITLE, "title_zh") C(LI_TITLE_EN, "title_en") \
	C(LI_OWNER, "owner") C(LI_UNIT_ID, "unit_id") C(LI_UNIT_CODE, "unit_code") C(LI_UNIT_NAME, "unit_name") \
	C(LI_UNIT_NAME_EN, "unit_name_en") C(LI_DUE, "due_date") C(LI_STATE, "state") C(LI_VERSION, "version") \
	C(LI_FILES, "files")
DB_COLUMNS(du_list_col, DU_LIST_COLS);

/* A row of the summary (DU_SQL_SUMMARY). */
#define DU_SUM_COLS(C) \
	C(SU_CODE, "code") C(SU_TITLE, "title_zh") C(SU_TITLE_EN, "title_en") C(SU_N, "n") C(SU_DONE, "done") \
	C(SU_SUBMITTED, "submitted") C(SU_OVERDUE, "overdue")
DB_COLUMNS(du_sum_col, DU_SUM_COLS);

/* A year opened (DU_SQL_YEARS). */
#define DU_YEARS_COLS(C) C(YS_YEAR, "year") C(YS_N, "n") C(YS_OPEN, "open")
DB_COLUMNS(du_years_col, DU_YEARS_COLS);

/* A unit of the filter (DU_SQL_UNITS). */
#define DU_UNIT_COLS(C) C(UN_ID, "id") C(UN_CODE, "code") C(UN_NAME, "name") C(UN_NAME_EN, "name_en")
DB_COLUMNS(du_unit_col, DU_UNIT_COLS);

/* An instance with its definition (DU_SQL_GET, DU_SQL_LOCK). */
#define DU_INST_COLS(C) \
	C(IN_ID, "id") C(IN_DUTY, "duty_id") C(IN_CODE, "code") C(IN_TITLE, "title_zh") C(IN_TITLE_EN, "title_en") \
	C(IN_EVIDENCE, "evidence_zh") C(IN_EVIDENCE_EN, "evidence_en") C(IN_OWNER, "owner") \
	C(IN_MIN_FILES, "min_files") C(IN_SEED, "seed_ref") C(IN_YEAR, "year") C(IN_UNIT_ID, "unit_id") \
	C(IN_UNIT_CODE, "unit_code") C(IN_UNIT_NAME, "unit_name") C(IN_UNIT_NAME_EN, "unit_name_en") \
	C(IN_DUE, "due_date") C(IN_STATE, "state") C(IN_REASON, "return_reason") \
	C(IN_SUBMITTED_AT, "submitted_at") C(IN_SUBMITTED_BY, "submitted_by") C(IN_DECIDED_AT, "decided_at") \
	C(IN_DECIDED_BY, "decided_by") C(IN_VERSION, "version") C(IN_UPDATED_AT, "updated_at") \
	C(IN_UPDATED_BY, "updated_by")
DB_COLUMNS(du_inst_col, DU_INST_COLS);

/* A figure with the instance's value (DU_SQL_FIGURES). */
#define DU_FIG_COLS(C) \
	C(FG_ID, "id") C(FG_CODE, "code") C(FG_LABEL, "label_zh") C(FG_LABEL_EN, "label_en") C(FG_UNIT, "unit") \
	C(FG_MIN, "min_value") C(FG_MAX, "max_value") C(FG_DECIMALS, "decimals") C(FG_THRESHOLD, "threshold") \
	C(FG_REQUIRED, "required") C(FG_VALUE, "value")
DB_COLUMNS(du_fig_col, DU_FIG_COLS);

/* A file of the evidence (DU_SQL_FILES). */
#define DU_FILE_COLS(C) \
	C(FI_ID, "id") C(FI_NOTE, "note") C(FI_MIME, "mime") C(FI_SIZE, "size") C(FI_NAME, "filename") \
	C(FI_AT, "created_at") C(FI_BY, "created_by")
DB_COLUMNS(du_file_col, DU_FILE_COLS);

/* A file for its download (DU_SQL_FILE). */
#define DU_DL_COLS(C) C(DL_ID, "id") C(DL_MIME, "mime") C(DL_SIZE, "size") C(DL_INSTANCE, "instance_id") \
	C(DL_UNIT, "unit_id")
DB_COLUMNS(du_dl_col, DU_DL_COLS);

/* A file's details for the audit row (DU_SQL_FILE_META). */
#define DU_META_COLS(C) C(FM_INSTANCE, "instance_id") C(FM_NAME, "filename") C(FM_SIZE, "size") \
	C(FM_SHA, "sha256") C(FM_NOTE, "note")
DB_COLUMNS(du_meta_col, DU_META_COLS);

/* A year (DU_SQL_YEAR_GET). */
#define DU_YEAR_COLS(C) C(YR_YEAR, "year") C(YR_DUE, "inspect_due") C(YR_VERSION, "version")
DB_COLUMNS(du_year_col, DU_YEAR_COLS);

enum du_view { DU_VIEW_LIST, DU_VIEW_INSTANCE, DU_VIEW_YEAR, DU_VIEW__MAX };

/* An instance as DU_SQL_GET gives it, in the request's arena. */
struct du_inst {
	const char *v[du_inst_col__MAX];
	int n;
};

/* A figure of the instance's duty (DU_SQL_FIGURES), its range and threshold in hundredths. */
struct du_fig {
	const char *v[du_fig_col__MAX];
	long long lo, hi, threshold;	/* threshold -1: none */
	int decimals, has_threshold;
};
struct du_figs {
	struct du_fig f[DU_MAX_FIGURES];
	size_t n;
};

/* The site's today, "YYYY-MM-DD". */
int du_this_year(void);

/* Loads instance id (FOR UPDATE when lock): DB_OK with in->n 0 when there is none. */
enum db_rc du_load(struct ctx *c, long long id, struct du_inst *in, int lock);
/*
 * The instance c->id for reading (write 0) or acting on its evidence
 * (write 1): 200, 404, 403 (audited), or APP_LOST/500.  A unit's own is the
 * unit's and the office's; the office's own (no unit) the office's, read
 * by the read-all roles.
 */
int du_open(struct ctx *c, struct du_inst *in, int write);
int du_may_read(const struct ctx *c, const struct du_inst *in);
int du_may_write(const struct ctx *c, const struct du_inst *in);
enum db_rc du_figures(struct ctx *c, long long id, struct du_figs *fs);
/*
 * The values a re-rendered instance page shows as typed, with their message
 * codes (a figure fig_CODE, note, reason, version): a field not named here
 * shows what is stored (a figure's value, the version) or nothing.
 */
#define DU_FORM_MAX (DU_MAX_FIGURES + 4)
struct du_form {
	size_t n;
	const char *name[DU_FORM_MAX], *val[DU_FORM_MAX], *err[DU_FORM_MAX];
};
void du_form_add(struct du_form *f, const char *name, const char *val, const char *err);
/* The instance page (duty.c): the instance, its figures and files, its forms. */
int du_page(struct ctx *c, int status, const struct du_inst *in, const struct du_figs *fs,
    const struct du_form *typed);
/* The instance page again after a refused POST: status, the typed values (t). */
int du_again(struct ctx *c, int status, const struct du_inst *in, const struct du_form *t);
/* A number of hundredths for the page: whole when it is, else two places. */
const char *du_num(struct ctx *c, long long v);

int du_list(struct ctx *c);
int du_view(struct ctx *c);
int du_upload(struct ctx *c);
int du_file(struct ctx *c);
int du_file_delete(struct ctx *c);
int du_save_figures(struct ctx *c);
int du_submit(struct ctx *c);
int du_accept(struct ctx *c);
int du_return(struct ctx *c);
int du_year_form(struct ctx *c);
int du_year_open(struct ctx *c);
#endif
