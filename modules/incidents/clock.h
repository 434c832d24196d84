/*
 * clock.h — the reporting clock of an incident (DOMAIN.md §6; seed 003
 * appendix 9), as pure functions of times, limits and the working-day
 * calendar: no database and no request, so the unit tests hold it to its
 * edges and the demo data uses the same rules as the module.
 *
 * Times are seconds on the site's civil clock: "2026-12-02 10:30:00" is
 * days since 1970-01-01 × 86400 plus the seconds of the day.  The database
 * keeps the site's local time and Asia/Shanghai has no daylight saving, so
 * the difference of two such numbers is the time that really passed.
 *
 * The steps and their limits (site settings; the defaults are the seed's):
 *   first    the first report, oral or written, whichever came first, after
 *            the event start: ≤ 30 min on time, ≤ 60 min late, ≤ 120 min
 *            missed (漏报), later concealed (瞒报)
 *   written  the written report, ≤ 60 min after the event start
 *   review   the mid-incident report sheet reviewed by the unit head,
 *            ≤ 60 min after discovery
 *   handled  handling ends: an event with no deadline of its own
 *   rectify  the post-incident rectification report, by the end of the
 *            first working day after the day handling ended (1 = the
 *            setting), by the calendar's holidays and make-up workdays
 * Levels I-III (and an incident whose level is not confirmed yet) run every
 * step; a confirmed level IV runs the simple flow, handled and the written
 * report on the handling (the rectify step, by the same deadline): the
 * other steps do not apply to it.
 *
 * The edges: every limit is inclusive and exact to the second.  A first
 * report 30:00 after the start is on time and 30:01 late; 60:00 late and
 * 60:01 missed; 120:00 missed and 120:01 concealed.  A step done exactly at
 * its due time is on time.  A rectification report due on a day is on time
 * until 23:59:59 of that day.
 */
#ifndef WANGAN_INC_CLOCK_H
#define WANGAN_INC_CLOCK_H
#include "limit.h"
#include "workday.h"

#define INC_NONE (-1L)	/* a time that is not there: a step not done */

enum inc_clk { INC_CLK_FIRST, INC_CLK_WRITTEN, INC_CLK_REVIEW, INC_CLK_HANDLED, INC_CLK_RECTIFY,
	INC_CLK__MAX };

enum inc_class {
	INC_NA,		/* the step is not part of this incident's flow */
	INC_WAITING,	/* not done, no deadline (handling, or rectify before handling ends) */
	INC_PENDING,	/* not done, due later */
	INC_OVERDUE,	/* not done, past due */
	INC_DONE,	/* done, no deadline */
	INC_ONTIME,
	INC_LATE,
	INC_MISSED,	/* first report only: 漏报 */
	INC_CONCEALED,	/* first report only: 瞒报 */
	INC_CLASS__MAX
};

extern const char *const inc_clk_code[INC_CLK__MAX];
extern const char *const inc_class_code[INC_CLASS__MAX];

struct inc_limits {
	long first_ontime, first_late, first_missed;	/* seconds after the event start */
	long written;		/* seconds after the event start */
	long review;		/* seconds after discovery */
	int rectify_days;	/* working days after the day handling ended */
};

/*
 * A named set of reporting rules (profile.c): its code, its document's
 * version, and each limit as the document states it (core limit.h: "30
 * minutes", "24 hours", "1 working day").  The steps timed from a moment
 * take exact limits (minutes, hours); the rectification report working days.
 */
struct inc_profile {
	const char *code, *version;
	struct lim first_ontime, first_late, first_missed, written, review, rectify;
};
/* The profile of that code, or NULL. */
const struct inc_profile *inc_profile_find(const char *code);
/* The profile's limits as the clock counts them (seconds, working days). */
void inc_profile_limits(const struct inc_profile *p, struct inc_limits *out);

/* An incident's times, INC_NONE where a step is not done. */
struct inc_times {
	int level;		/* the confirmed level 1-4, or 0 */
	long start, discovered;
	long oral, written, review, handled, rectify;
	long rectify_due;	/* stored when handling ended (inc_rectify_due), or INC_NONE */
};

struct inc_clock {
	long at[INC_CLK__MAX];		/* when each step was done, or INC_NONE */
	long due[INC_CLK__MAX];		/* its deadline, or INC_NONE */
	enum inc_class cls[INC_CLK__MAX];
	int next;			/* the step whose deadline comes next, or -1 */
	long next_due;			/* its deadline, or INC_NONE */
};

/* The class of a first report made delay seconds after the event start. */
enum inc_class inc_first_class(const struct inc_limits *l, long delay);
/* Every step's time, deadline and class at now, and the next deadline. */
void inc_clock(const struct inc_limits *l, const struct inc_times *t, long now, struct inc_clock *out);
/*
 * What an incident waits for next (its next_due and next_step): the step
 * whose deadline comes first, *due that deadline; with no deadline running,
 * the end of handling, then the level ("propose", or "confirm" once
 * proposed), then "close", *due INC_NONE.  A closed incident waits for
 * nothing: "".
 */
const char *inc_next(const struct inc_limits *l, const struct inc_times *t, long now, int closed,
    int proposed, long *due);
/* The end (23:59:59) of the days-th working day after the day of t. */
long inc_workdays_end(const struct wd_cal *cal, long t, int days);

/* "YYYY-MM-DD HH:MM[:SS]" (a 'T' instead of the space too) → seconds, or INC_NONE. */
long inc_time(const char *s);
/* seconds → "YYYY-MM-DD HH:MM:SS" */
void inc_time_format(long t, char out[20]);
/* The site's civil time now, in seconds. */
long inc_now(void);
#endif
