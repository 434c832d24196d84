/*
 * systems.h — the system filing module (DOMAIN.md §3): the inventory of
 * information systems, websites, WeChat accounts and apps in the school's
 * or a unit's name, their graded-protection level, public-security filing,
 * assessments with their reports and findings, the next assessment's due
 * date, the go-live gate, the overdue list, print and export.
 *
 * Page XML under <data> (the views in xslt/systems/ read these):
 *  list     <filter unit unit-id kind level status overdue/>
 *           <systems next? next-due? count><system id unit-id unit-code kind level
 *             status cii next-due? overdue? due-kind? filed?><name/><unit/></system>…
 *             (level 0: not graded; due-kind cycle|cii, on CII rows)
 *  overdue  @list; <systems …/> as above, oldest due first; <findings next? next-due?
 *             count><finding id system-id deadline assessed unit-code><text/><system/>
 *             <unit/></finding>…</findings>; <cii due more?><system …/>…</cii>
 *  system   @writable @grades; <system overdue due-kind> one child per column
 *             (sys_node(), enum sys_col); <assessments><assessment id date result
 *             score by report-id? mime? size? sha256?><agency/></assessment>…;
 *           <findings><finding id assessment deadline version done? by? overdue?>
 *             <text/></finding>…</findings>; for the office <form> of the add-finding
 *             form (assessment finding fix_deadline nonce)
 *           <website id state/>? (a website entry's live filing: SYS_SQL_WEBSITE)
 *  form     @grades (1: the office, who sets unit, level, filing and CII);
 *           <current> (editing, as <system>); <vendors><vendor id><name/></vendor>…;
 *           <form><field name max error?>value</field>…</form>
 *  assess   @max-report @report-again?; <system>; <form> (assessed_date agency result
 *             score nonce)
 *  finding  <system>; <finding id system assessment assessed deadline done? overdue?
 *             version updated-by updated-at><text/></finding> (the record now);
 *           <form> (done_date version)
 *  print    <system>, <assessments> as on the system page
 *
 * Error codes beyond the validators': sys_url, sys_ips, phone, sys_unit,
 * sys_vendor, sys_filing_pair, sys_filing_level, sys_gate (level >= 2 moved
 * online without a passing assessment), sys_future, sys_before (a date
 * before the assessment), sys_score; on the report: required, scan_type,
 * too_large.
 */
#ifndef WANGAN_SYSTEMS_H
#define WANGAN_SYSTEMS_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"

#define SYS_PAGE_ROWS 50
#define SYS_MAX_VENDORS 1000

/* The statements (sql.c) and how many parameters each takes. */
#define SYS_STATEMENTS(S) \
	/* the inventory, one statement per key it reads along (list.c) */ \
	S(SYS_SQL_LIST_ALL, 9) \
	S(SYS_SQL_LIST_UNIT, 10) \
	S(SYS_SQL_LIST_LEVEL, 10) \
	S(SYS_SQL_LIST_KIND, 10) \
	S(SYS_SQL_LIST_STATUS, 10) \
	S(SYS_SQL_LIST_DUE, 12) \
	S(SYS_SQL_LIST_UNIT_DUE, 13) \
	/* the same with search and sort (core/listq.h), by id or name: plain, then with ?q= */ \
	S(SYS_SQL_LQ_ID_ASC, 20) S(SYS_SQL_LQ_ID_DESC, 20) \
	S(SYS_SQL_LQ_NAME_ASC, 20) S(SYS_SQL_LQ_NAME_DESC, 20) \
	S(SYS_SQL_LQQ_ID_ASC, 20) S(SYS_SQL_LQQ_ID_DESC, 20) \
	S(SYS_SQL_LQQ_NAME_ASC, 20) S(SYS_SQL_LQQ_NAME_DESC, 20) \
	/* one system and its form (system.c, form.c) */ \
	S(SYS_SQL_GET, 1) \
	S(SYS_SQL_LOCK, 1) \
	S(SYS_SQL_INSERT, 22) \
	S(SYS_SQL_UPDATE, 22) \
	S(SYS_SQL_PASSED, 1) \
	S(SYS_SQL_VENDORS, 0) \
	S(SYS_SQL_VENDORS_UNIT, 1) \
	S(SYS_SQL_VENDOR_OK, 4) \
	S(SYS_SQL_UNIT, 1) \
	S(SYS_SQL_ASSESSMENTS, 1) \
	S(SYS_SQL_FINDINGS, 1) \
	/* assessments and their reports (assess.c) */ \
	S(SYS_SQL_REPORT_INSERT, 5) \
	S(SYS_SQL_REPORT_CHUNK, 3) \
	S(SYS_SQL_REPORT_CHUNKS, 1) \
	S(SYS_SQL_ASSESS_INSERT, 8) \
	S(SYS_SQL_ASSESSMENT, 1) \
	S(SYS_SQL_LAST_ASSESSMENT, 1) \
	S(SYS_SQL_SET_DUE, 5) \
	/* findings (finding.c) */ \
	S(SYS_SQL_FINDING, 1) \
	S(SYS_SQL_FINDING_LOCK, 1) \
	S(SYS_SQL_FINDING_INSERT, 7) \
	S(SYS_SQL_FINDING_DONE, 4) \
	/* the overdue list (overdue.c) and the export (export.c) */ \
	S(SYS_SQL_OVERDUE_FINDINGS, 6) \
	S(SYS_SQL_CII_DUE, 4) \
	S(SYS_SQL_EXPORT, 0) \
	/* the demo data (demo.c), besides the statements above */ \
	S(SYS_SQL_DEMO_COUNT, 0) \
	S(SYS_SQL_DEMO_UNITS, 0) \
	S(SYS_SQL_DEMO_FINDING, 6) \
	/* a website entry's live filing (the websites module's web_site), for its page */ \
	S(SYS_SQL_WEBSITE, 1) \
	/* the import (import.c): the kept file, then systems by unit and name */ \
	S(SYS_SQL_IMP_FIND, 1) \
	S(SYS_SQL_IMP_GET, 1) \
	S(SYS_SQL_IMP_FILE, 4) \
	S(SYS_SQL_IMP_CHUNK, 3) \
	S(SYS_SQL_IMP_READ, 1) \
	S(SYS_SQL_IMP_DONE, 6) \
	S(SYS_SQL_IMP_SYSTEM, 2) \
	S(SYS_SQL_IMP_SYSTEM_LOCK, 2) \
	S(SYS_SQL_IMP_UPDATE, 14)
DB_STATEMENTS(sys_sql_id, SYS_STATEMENTS, SYS_SQL__MAX);
extern const struct db_stmt sys_sql[SYS_SQL__MAX];

/*
 * A list row (SYS_SQL_LIST_*, SYS_SQL_CII_DUE): the columns the inventory
 * shows and those its due-kind is computed from (list.c).
 */
#define SYS_LIST_COLS(C) \
	C(LS_ID, "id") C(LS_UNIT_ID, "unit_id") C(LS_UNIT_CODE, "code") \
	C(LS_UNIT_NAME, "unit_name") C(LS_UNIT_NAME_EN, "unit_name_en") C(LS_NAME, "name") \
	C(LS_KIND, "kind") C(LS_LEVEL, "level") C(LS_STATUS, "status") C(LS_NEXT_DUE, "next_due") \
	C(LS_CII, "cii") C(LS_FILING_NO, "filing_no") C(LS_LAST, "last_assessed") \
	C(LS_GOLIVE, "golive_date") \
	C(LS_WEB_ID, "web_id") C(LS_WEB_STATE, "web_state")
DB_COLUMNS(sys_list_col, SYS_LIST_COLS);

/*
 * One system (SYS_SQL_GET, _LOCK), every column as text ("" or 0 for
 * NULL), named as the page names its elements (sys_node()).
 */
#define SYS_SYSTEM_COLS(C) \
	C(SC_ID, "id") C(SC_VERSION, "version") C(SC_UNIT_ID, "unit-id") \
	C(SC_UNIT_CODE, "unit-code") C(SC_UNIT_NAME, "unit-name") C(SC_NAME, "name") \
	C(SC_KIND, "kind") C(SC_URL, "url") C(SC_IPS, "ips") C(SC_PURPOSE, "purpose") \
	C(SC_VENDOR_ID, "vendor-id") C(SC_VENDOR, "vendor") C(SC_HOSTING, "hosting") \
	C(SC_ADMIN, "admin-name") C(SC_PHONE, "admin-phone") C(SC_STATUS, "status") \
	C(SC_GOLIVE, "golive") C(SC_LEVEL, "level") C(SC_GRADED, "graded") C(SC_REVIEW, "review") \
	C(SC_FILING_NO, "filing-no") C(SC_FILING_DATE, "filing-date") C(SC_CII, "cii") \
	C(SC_LAST, "last-assessed") C(SC_NEXT_DUE, "next-due") C(SC_CREATED_BY, "created-by") \
	C(SC_UPDATED_AT, "updated-at") C(SC_UPDATED_BY, "updated-by") \
	C(SC_UNIT_NAME_EN, "unit-name-en") C(SC_CREATED_AT, "created-at")
DB_COLUMNS(sys_col, SYS_SYSTEM_COLS);
extern const char *const sys_system_cols[sys_col__MAX + 1];

/* SYS_SQL_VENDORS, _VENDORS_UNIT: the vendors a form offers. */
#define SYS_VENDOR_COLS(C) C(VD_ID, "id") C(VD_NAME, "name")
DB_COLUMNS(sys_vendor_col, SYS_VENDOR_COLS);

/* SYS_SQL_UNIT, _VENDOR_OK, _DEMO_UNITS: an id, when there is one. */

/* SYS_SQL_PASSED, _DEMO_COUNT: a count. */

/* SYS_SQL_ASSESSMENTS: a system's assessments with their reports, newest first. */
#define SYS_ASSESSMENTS_COLS(C) \
	C(AS_ID, "id") C(AS_DATE, "assessed_date") C(AS_AGENCY, "agency") C(AS_RESULT, "result") \
	C(AS_SCORE, "score") C(AS_REPORT, "report_id") C(AS_MIME, "mime") C(AS_SIZE, "size") \
	C(AS_SHA256, "sha256") C(AS_BY, "created_by")
DB_COLUMNS(sys_assessments_col, SYS_ASSESSMENTS_COLS);

/* SYS_SQL_ASSESSMENT: one assessment's system and report, for the download. */
#define SYS_REPORT_COLS(C) \
	C(RP_ID, "id") C(RP_SYSTEM, "system_id") C(RP_REPORT, "report_id") C(RP_MIME, "mime") \
	C(RP_SIZE, "size")
DB_COLUMNS(sys_report_col, SYS_REPORT_COLS);

/* SYS_SQL_REPORT_CHUNKS: a report's bytes, piece by piece (read by upload.c). */
#define SYS_CHUNK_COLS(C) C(CHUNK_DATA, "data")
DB_COLUMNS(sys_chunk_col, SYS_CHUNK_COLS);

/* SYS_SQL_LAST_ASSESSMENT: the latest assessment by date. */
#define SYS_LAST_COLS(C) C(LA_ID, "id") C(LA_DATE, "assessed_date")
DB_COLUMNS(sys_last_col, SYS_LAST_COLS);

/* SYS_SQL_FINDING, _FINDING_LOCK: one finding with its assessment's date. */
#define SYS_FINDING_COLS(C) \
	C(FC_ID, "id") C(FC_SYSTEM, "system_id") C(FC_ASSESSMENT, "assessment_id") \
	C(FC_TEXT, "description") C(FC_DEADLINE, "fix_deadline") C(FC_DONE, "done_date") \
	C(FC_VERSION, "version") C(FC_UPDATED_BY, "updated_by") C(FC_UPDATED_AT, "updated_at") \
	C(FC_ASSESSED, "assessed_date")
DB_COLUMNS(sys_finding_col, SYS_FINDING_COLS);

/* SYS_SQL_FINDINGS: a system's findings, for its page. */
#define SYS_FINDINGS_COLS(C) \
	C(FL_ID, "id") C(FL_ASSESSMENT, "assessment_id") C(FL_TEXT, "description") \
	C(FL_DEADLINE, "fix_deadline") C(FL_DONE, "done_date") C(FL_VERSION, "version") \
	C(FL_BY, "updated_by")
DB_COLUMNS(sys_findings_col, SYS_FINDINGS_COLS);

/* SYS_SQL_OVERDUE_FINDINGS: a finding past its deadline with its system and unit. */
#define SYS_OVERDUE_COLS(C) \
	C(OF_ID, "id") C(OF_SYSTEM, "system_id") C(OF_TEXT, "description") \
	C(OF_DEADLINE, "fix_deadline") C(OF_ASSESSED, "assessed_date") \
	C(OF_SYSTEM_NAME, "system_name") C(OF_UNIT_CODE, "code") C(OF_UNIT_NAME, "unit_name") \
	C(OF_UNIT_NAME_EN, "unit_name_en")
DB_COLUMNS(sys_overdue_col, SYS_OVERDUE_COLS);

/* SYS_SQL_IMP_SYSTEM's: the columns an import sets, in its column order, and what next_due needs. */
#define SYS_IMP_COLS(C) \
	C(IS_ID, "id") C(IS_VERSION, "version") C(IS_KIND, "kind") C(IS_URL, "url") C(IS_IPS, "ips") \
	C(IS_PURPOSE, "purpose") C(IS_HOSTING, "hosting") C(IS_ADMIN, "admin_name") \
	C(IS_PHONE, "admin_phone") C(IS_STATUS, "status") C(IS_GOLIVE, "golive_date") \
	C(IS_LEVEL, "level") C(IS_LAST, "last_assessed") C(IS_CII, "cii")
DB_COLUMNS(sys_imp_col, SYS_IMP_COLS);

/* The views (main.c). */
enum sys_view { SYS_VIEW_LIST, SYS_VIEW_OVERDUE, SYS_VIEW_SYSTEM, SYS_VIEW_PRINT, SYS_VIEW_FORM,
	SYS_VIEW_ASSESS, SYS_VIEW_FINDING, SYS_VIEW_IMPORT, SYS_VIEW__MAX };

/* The closed sets, NULL-terminated, in the order the pages offer them. */
extern const char *const sys_kinds[];
extern const char *const sys_hostings[];
extern const char *const sys_statuses[];
extern const char *const sys_levels[];
extern const char *const sys_results[];

/* Site settings, read once at start. */
struct sys_settings {
	int cycle[5];		/* months between assessments by level; 0 = none (level 1) */
	int cii_month, cii_day;	/* the yearly CII assessment report is due then (Dec 15) */
};
extern struct sys_settings sys_set;
/* systems.cycle_months_N and systems.cii_due from cfg; -1 on a bad cii_due. */
int sys_settings_parse(struct sys_settings *set, const struct config *cfg);

/* What the next due date depends on (days, or WD_INVALID for none). */
struct sys_due_in {
	int level;		/* 0: not graded */
	int last;		/* the last assessment's date */
	int golive;
	int cii, retired;
};
enum sys_due_kind { SYS_DUE_NONE, SYS_DUE_CYCLE, SYS_DUE_CII };
/* The next assessment's due date (due.c), and which rule set it; WD_INVALID for none. */
int sys_next_due(const struct sys_settings *set, const struct sys_due_in *in, enum sys_due_kind *kind);
/* The same from a system's columns as text ("" for NULL); "" or YYYY-MM-DD into due. */
enum sys_due_kind sys_due_text(const char *level, const char *last, const char *golive,
    const char *cii, const char *status, char due[11]);

/*
 * A system as loaded by SYS_SQL_GET: the columns as text (enum sys_col).
 * sys_open() loads c->id and checks access (write: may edit it): 200, 404,
 * 403 (audited), or APP_LOST/500.
 */
struct sys {
	struct ctx *c;
	const char *v[sys_col__MAX];
	int n;
};
enum db_rc sys_load(struct ctx *c, long long id, struct sys *s, int lock);
int sys_open(struct ctx *c, long long id, struct sys *s, int write);
/* The system as <name> under parent: one child element per column, @overdue, @due-kind. */
xmlNodePtr sys_node(struct ctx *c, xmlNodePtr parent, const char *name, const struct sys *s);
/* <assessments> of system id under parent. */
enum db_rc sys_assessments_node(struct ctx *c, xmlNodePtr parent, long long id);
struct buf;
/* "{" and the form fields t[from..to] with values v as JSON members, for the audit; the caller closes it. */
void sys_json_fields(struct buf *b, const struct vfield *t, const char **v, int from, int to);
/* "YYYY-MM-DD" today in the site's zone. */

/* The inventory's rows (list.c), shared with the overdue list. */
struct sys_filter {
	long long unit;		/* 0: every unit */
	const char *kind, *status;	/* "": any */
	const char *level;	/* "": any; "0": not graded; "1"-"4" */
	int overdue;
	const char *after_due;	/* the keyset of the page: "" or a date (overdue) … */
	long long after;	/* … and an id */
};
int sys_list_rows(struct ctx *c, const struct sys_filter *f, xmlNodePtr parent);
/* SYS_SQL_WEBSITE: a website entry's live filing. */
#define SYS_WEB_COLS(C) C(WB_ID, "id") C(WB_STATE, "state")
DB_COLUMNS(sys_web_col, SYS_WEB_COLS);

/* 1 when the site runs module name (config `modules`: its pages exist to link to). */
int sys_module_on(const struct ctx *c, const char *name);
/* <system> attributes of a list row (SYS_LIST_COLS), for the overdue page's CII rows. */
void sys_row_node(struct ctx *c, xmlNodePtr s, const struct db_row *r);

/* The add-finding form (finding.c), which the system page shows the office. */
enum { SYS_FF_ASSESSMENT, SYS_FF_TEXT, SYS_FF_DEADLINE, SYS_FF_NONCE, SYS_FF__MAX };
extern const struct vfield sys_finding_fields[SYS_FF__MAX];

/* The system page c->id, with the add-finding form as typed (vals, errs) or blank (NULL). */
int sys_view_page(struct ctx *c, int status, const char **vals, const char **errs);

int sys_list(struct ctx *c);
int sys_overdue(struct ctx *c);
int sys_view(struct ctx *c);
int sys_print(struct ctx *c);
int sys_form(struct ctx *c);
int sys_save(struct ctx *c);
int sys_assess_form(struct ctx *c);
int sys_assess(struct ctx *c);
int sys_report(struct ctx *c);
int sys_finding_add(struct ctx *c);
int sys_finding_form(struct ctx *c);
int sys_finding_save(struct ctx *c);
int sys_export(struct ctx *c);
/* The import of a register of systems (import.c, core/import.h). */
int sys_import_form(struct ctx *c);
int sys_import_template(struct ctx *c);
int sys_import_upload(struct ctx *c);
int sys_import_confirm(struct ctx *c);
int sys_import_result(struct ctx *c);
/* `wangan-systems --demo N`: synthetic systems until there are N (demo.c). */
int sys_demo(struct ctx *c);
#endif
