/*
 * systems.h — the system filing module (DOMAIN.md §3): the inventory of
 * information systems, websites, WeChat accounts and apps in the school's
 * or a unit's name, their graded-protection level, public-security filing,
 * assessments and findings, the next assessment's due date, the go-live
 * gate, print and export.
 *
 * Page XML under <data>:
 *  list     <filter unit kind level status overdue/>
 *           <systems next? count><system id unit-id unit-code kind level status cii
 *             next-due? overdue? filed?><name/><unit/></system>…</systems>
 *  system   @writable; <system overdue> with one child element per column: id version
 *             unit-id unit-code unit-name name kind url ips purpose vendor-id vendor
 *             hosting admin-name admin-phone status golive level graded review
 *             filing-no filing-date cii last-assessed next-due created-by updated-at
 *             updated-by </system>
 *           <assessments><assessment><id/><date/><agency/><result/><score/><report/></assessment>…
 *           <findings><finding><id/><assessment/><text/><deadline/><done/></finding>…
 *  form     @grades (1: the office, who sets level, filing and CII); <current> (editing,
 *             as <system> above); <vendors><vendor id><name/></vendor>…</vendors>;
 *           <form><field name max error?>value</field>…</form> (unit name kind url ips
 *             purpose vendor hosting admin_name admin_phone status golive_date level
 *             graded_date review_date filing_no filing_date cii version nonce)
 *           error codes beyond the validators': url, ips, phone, unit, vendor,
 *           filing_pair, gate (level >= 2 online without a passing assessment)
 */
#ifndef WANGAN_SYSTEMS_H
#define WANGAN_SYSTEMS_H
#include "app.h"

#define SYS_PAGE_ROWS 50

enum sys_sql {
	SYS_SQL_LIST,
	SYS_SQL_GET,
	SYS_SQL_LOCK,
	SYS_SQL_INSERT,
	SYS_SQL_UPDATE,
	SYS_SQL_NONCE,
	SYS_SQL_DUE,
	SYS_SQL_PASSED,
	SYS_SQL_VENDORS,
	SYS_SQL_VENDOR_OK,
	SYS_SQL_UNIT,
	SYS_SQL_ASSESSMENTS,
	SYS_SQL_FINDINGS,
	SYS_SQL__MAX
};

extern const char *const sys_sql[SYS_SQL__MAX];

/* Site settings, read once at start. */
struct sys_settings {
	int cycle[5];		/* months between assessments by level; 0 = none (level 1) */
	int cii_month, cii_day;	/* the yearly CII assessment report is due then (Dec 15) */
};
extern struct sys_settings sys_set;

/*
 * The next assessment's due date (days, or WD_INVALID for none): the level's
 * cycle after the last assessment, or after the go-live date when there is
 * none yet; for critical information infrastructure also the yearly report
 * date after the last assessment's year; the earlier of the two.
 */
int sys_next_due(int level, int last_assessed, int golive, int cii);

int sys_list(struct ctx *c);
int sys_view(struct ctx *c);
int sys_form(struct ctx *c);
int sys_save(struct ctx *c);
#endif
