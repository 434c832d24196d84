/*
 * limit.h — a deadline's length in the unit the rule states it: minutes,
 * hours, calendar days or working days (issue: seed 003 letter (1) asks for
 * a change of responsible person "within two days", seed 000 for the sealed
 * report "within 24 hours", next to the working days of most rules).  Pure:
 * times are seconds on the site's civil clock (days since 1970-01-01 ×
 * 86400 plus the seconds of the day, as incidents' clock.h), days are
 * workday.h's, and the working-day calendar is passed in.
 *
 * How each unit counts, from the moment t (or the day) the clock starts:
 *   minutes, hours  exactly n × 60 (3600) seconds after t, to the second:
 *                   weekends, holidays and midnight change nothing.
 *   days            calendar days: due by the end (23:59:59) of the n-th day
 *                   after t's day, whatever kind of day it is.  The seeds
 *                   say "两天内" and no more: a deadline that lands on a
 *                   holiday is not moved (the Civil Code's art. 203 roll to
 *                   the next working day is for the periods it governs, and
 *                   no seed asks for it).
 *   workdays        by the end of the n-th working day after t's day
 *                   (wd_add: the calendar's holidays off, make-up days on).
 * n = 0 is "the same moment" (minutes, hours) or "by the end of that day".
 */
#ifndef WANGAN_LIMIT_H
#define WANGAN_LIMIT_H
#include "workday.h"

#define LIM_NONE (-1L)		/* a time that is not there, or a deadline past WD_MAX_SPAN */
#define LIM_DAY 86400L
#define LIM_N_MAX 3660		/* no rule counts further: days and hours past it are refused */

enum lim_unit { LIM_MINUTES, LIM_HOURS, LIM_DAYS, LIM_WORKDAYS, LIM_UNIT__MAX };
/* "minutes", "hours", "days", "workdays": the settings' and the page's words */
extern const char *const lim_unit_code[LIM_UNIT__MAX];

struct lim {
	enum lim_unit unit;
	int n;
};

/* The deadline of something due within l after t, in seconds; LIM_NONE when t or l is bad. */
long lim_end(const struct wd_cal *c, long t, struct lim l);
/*
 * The last day of something due within l after day, for the rules kept as
 * a date (a change of responsible person: the effective date → the report
 * deadline): days and working days only — an hour's limit has no day of its
 * own, WD_INVALID then.
 */
int  lim_day(const struct wd_cal *c, int day, struct lim l);
/* The seconds of an exact limit (minutes, hours); LIM_NONE for days, which need the calendar. */
long lim_seconds(struct lim l);
/* The unit of that code, or -1. */
int  lim_unit_find(const char *code);
/* "30min", "24h", "2d", "10wd" → l: 0, or -1 when it is none of these (n 0 … LIM_N_MAX). */
int  lim_parse(const char *s, struct lim *l);
#endif
