/*
 * due.h — the cloud module's date rules (appendix 6 note 2; letter art. 3),
 * pure: no database, no clock.  Days are workday.h's (days since
 * 1970-01-01); WD_INVALID means "none".
 *
 *  - The next re-registration is due one year after the last registration
 *    (29 February: 28 February of the next year), or with the site setting
 *    cloud.rereg_date = "MM-DD" on the first such date after it (02-29 in a
 *    common year: 02-28).  None when the VM's period ends before that date.
 *  - A VM not re-registered for cloud.reclaim_years (3) years is
 *    reclaimable from the last registration plus those years.
 *  - Due soon: within cloud.rereg_notice_days (30) of the due date; overdue:
 *    past it.  Expiring: period_to within cloud.expiry_notice_days (30);
 *    expired: past it.
 */
#ifndef WANGAN_CLOUD_DUE_H
#define WANGAN_CLOUD_DUE_H
#include "config.h"
#include "workday.h"

struct cl_due_set {
	int rereg_month, rereg_day;	/* cloud.rereg_date; 0: a year after the last registration */
	int reclaim_years;		/* cloud.reclaim_years */
	int rereg_notice;		/* cloud.rereg_notice_days */
	int expiry_notice;		/* cloud.expiry_notice_days */
};

/* Where a date stands against today. */
enum cl_due_state { CL_DUE_NONE, CL_DUE_LATER, CL_DUE_SOON, CL_DUE_PAST };

/* The next re-registration after registered (WD_INVALID: none; period_to may be WD_INVALID). */
int cl_next_rereg(const struct cl_due_set *s, int registered, int period_to);
/* The first day a VM last registered on registered may be reclaimed. */
int cl_reclaim_from(const struct cl_due_set *s, int registered);
/* The latest registration day that is reclaimable on today (the reclaimable list reads up to it). */
int cl_reclaim_cutoff(const struct cl_due_set *s, int today);
/* A re-registration due on due: later, soon (within the notice days) or past (overdue). */
enum cl_due_state cl_rereg_state(const struct cl_due_set *s, int due, int today);
/* A period ending on period_to: later, soon (expiring) or past (expired). */
enum cl_due_state cl_expiry_state(const struct cl_due_set *s, int period_to, int today);
/* The settings from cfg; -1 (and msg set) on a bad cloud.rereg_date. */
int cl_due_parse(struct cl_due_set *s, const struct config *cfg, const char **msg);
#endif
