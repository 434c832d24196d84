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
#include "legacy.h"

#define SYS_PAGE_ROWS 50
#define SYS_MAX_VENDORS 1000

enum sys_sql {
	/* the inventory, one statement per key it reads along (list.c) */
	SYS_SQL_LIST_ALL,
	SYS_SQL_LIST_UNIT,
	SYS_SQL_LIST_LEVEL,
	SYS_SQL_LIST_KIND,
	SYS_SQL_LIST_STATUS,
	SYS_SQL_LIST_DUE,
	SYS_SQL_LIST_UNIT_DUE,
	/* one system and its form (system.c, form.c) */
	SYS_SQL_GET,
	SYS_SQL_LOCK,
	SYS_SQL_INSERT,
	SYS_SQL_UPDATE,
	SYS_SQL_NONCE,
	SYS_SQL_PASSED,
	SYS_SQL_VENDORS,
	SYS_SQL_VENDORS_UNIT,
	SYS_SQL_VENDOR_OK,
	SYS_SQL_UNIT,
	SYS_SQL_ASSESSMENTS,
	SYS_SQL_FINDINGS,
	/* assessments and their reports (assess.c) */
	SYS_SQL_REPORT_INSERT,
	SYS_SQL_REPORT_CHUNK,
	SYS_SQL_REPORT_CHUNKS,
	SYS_SQL_ASSESS_INSERT,
	SYS_SQL_ASSESS_NONCE,
	SYS_SQL_ASSESSMENT,
	SYS_SQL_LAST_ASSESSMENT,
	SYS_SQL_SET_DUE,
	/* findings (finding.c) */
	SYS_SQL_FINDING,
	SYS_SQL_FINDING_LOCK,
	SYS_SQL_FINDING_INSERT,
	SYS_SQL_FINDING_NONCE,
	SYS_SQL_FINDING_DONE,
	/* the overdue list (overdue.c) and the export (export.c) */
	SYS_SQL_OVERDUE_FINDINGS,
	SYS_SQL_CII_DUE,
	SYS_SQL_EXPORT,
	SYS_SQL__MAX
};

extern const char *const sys_sql[SYS_SQL__MAX];

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
 * A system as loaded by SYS_SQL_GET: the columns as text.  sys_open() loads
 * c->id and checks access (write: may edit it): 200, 404, 403 (audited),
 * or APP_LOST/500.
 */
enum sys_col {
	SC_ID, SC_VERSION, SC_UNIT_ID, SC_UNIT_CODE, SC_UNIT_NAME, SC_NAME, SC_KIND, SC_URL, SC_IPS,
	SC_PURPOSE, SC_VENDOR_ID, SC_VENDOR, SC_HOSTING, SC_ADMIN, SC_PHONE, SC_STATUS, SC_GOLIVE,
	SC_LEVEL, SC_GRADED, SC_REVIEW, SC_FILING_NO, SC_FILING_DATE, SC_CII, SC_LAST, SC_NEXT_DUE,
	SC_CREATED_BY, SC_UPDATED_AT, SC_UPDATED_BY, SC_UNIT_NAME_EN, SC_CREATED_AT, SC__MAX
};
struct sys {
	struct ctx *c;
	const char *v[SC__MAX];
	int n;
};
enum db_rc sys_load(struct ctx *c, long long id, struct sys *s, int lock);
int sys_open(struct ctx *c, long long id, struct sys *s, int write);
/* The system as <name> under parent: one child element per column, @overdue, @due-kind. */
xmlNodePtr sys_node(struct ctx *c, xmlNodePtr parent, const char *name, const struct sys *s);
/* <assessments> of system id under parent. */
enum db_rc sys_assessments_node(struct ctx *c, xmlNodePtr parent, long long id);
/* A database failure as the handler's status. */
int sys_db_status(enum db_rc rc);
/* "{" and the form fields t[from..to] with values v as JSON members, for the audit; the caller closes it. */
void sys_json_fields(struct buf *b, const struct vfield *t, const char **v, int from, int to);
/* "YYYY-MM-DD" today in the site's zone. */
const char *sys_today(struct ctx *c);

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
#endif
