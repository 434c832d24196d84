/*
 * due.h — where a to-do item stands, pure: no database, no clock of its
 * own.  Days are workday.h's (days since 1970-01-01), times seconds of the
 * site's civil time (the same count as days × 86400).
 *
 *  - A 'workday' item is due by the end of its day: overdue from the next
 *    day on, late by the working days since (at least one calendar day,
 *    reported as such when no working day has passed: due on a Friday,
 *    seen on the Saturday); due soon when its day is at most
 *    home.soon_days working days from today (today itself: 0 left).
 *  - An 'hour' item is due at its minute: overdue once past it, late by
 *    the minutes since; due soon within home.soon_hours.
 *  - A re-sign's due day is home's to compute (its limit is the pledges
 *    module's setting): hm_due_add(); for SQL, hm_start_before() turns
 *    "due before today" into "clock started on or before" one date.
 */
#ifndef WANGAN_HOME_DUE_H
#define WANGAN_HOME_DUE_H
#include "workday.h"

enum hm_group { HM_AWAITING, HM_OVERDUE, HM_SOON, HM_GROUP__MAX };

struct hm_window {
	int today;		/* the site's today */
	int cutoff;		/* the last day still "soon": hm_cutoff() */
	long now;		/* seconds, the site's civil time */
	long soon_secs;		/* home.soon_hours × 3600 */
};

struct hm_stand {
	enum hm_group group;	/* HM_AWAITING: no deadline, or a far one */
	long left, late;	/* workday: working days; hour: minutes; -1 when not */
	long late_days;		/* workday, overdue: calendar days late */
};

/* The last day of the "soon" window: the soon_days-th working day after today. */
int  hm_cutoff(const struct wd_cal *cal, int today, int soon_days);
void hm_stand_day(const struct wd_cal *cal, const struct hm_window *w, int due, struct hm_stand *out);
void hm_stand_time(const struct hm_window *w, long due, struct hm_stand *out);
/* The due day of a clock of n working days started on day start. */
int  hm_due_add(const struct wd_cal *cal, int start, int n);
/*
 * The latest start day whose n-working-day deadline lies before day: an
 * item is overdue on day exactly when its clock started on or before it.
 */
int  hm_start_before(const struct wd_cal *cal, int day, int n);
/*
 * Where an item of todo_item stands (the home page's groups, the reminders'
 * stages): clock "hour" or "workday", due and since as the view gives them
 * ("" for NULL).  A re-sign's due day is since + resign_days working days;
 * *due_day gets that computed day, else WD_INVALID.
 */
void hm_stand_item(const struct wd_cal *cal, const struct hm_window *w, const char *clock, const char *kind,
    const char *due, const char *since, int resign_days, struct hm_stand *st, int *due_day);
/* "YYYY-MM-DD HH:MM:SS" (or a bare date: midnight) → seconds; -1 if malformed. */
long hm_time(const char *s);
#endif
