/*
 * workday.h — the working-day calendar.  A day is an int: days since
 * 1970-01-01.  Saturdays and Sundays are off and Monday to Friday on,
 * except for the calendar's exceptions: public holidays (off) and the
 * official make-up workdays (调休, on), which the office loads each year.
 */
#ifndef WANGAN_WORKDAY_H
#define WANGAN_WORKDAY_H
#include "arena.h"
#include <stddef.h>

#define WD_INVALID (-2147483647 - 1)
#define WD_MAX_EXCEPTIONS 4096
/* A deadline search never walks further than this many calendar days. */
#define WD_MAX_SPAN 3660

enum wd_kind { WD_HOLIDAY = 1, WD_WORKDAY = 2 };

struct wd_cal {
	int day[WD_MAX_EXCEPTIONS];	/* sorted ascending */
	unsigned char kind[WD_MAX_EXCEPTIONS];
	size_t n;
	int first, last;	/* the span the loaded data covers, or WD_INVALID */
};

int  wd_ymd(int y, int m, int d);	/* WD_INVALID if not a real date */
void wd_civil(int day, int *y, int *m, int *d);
int  wd_weekday(int day);		/* 0 = Monday … 6 = Sunday */
/* n calendar months after day, the day of month kept or, past the month's end, its last day. */
int  wd_add_months(int day, int n);
int  wd_parse(const char *s);		/* "YYYY-MM-DD" → day, or WD_INVALID */
void wd_format(int day, char out[11]);
int  wd_today(void);			/* today in the process's time zone */
/* Today as YYYY-MM-DD in the arena ("" when it is out of memory): the value forms and statements take. */
const char *wd_today_str(struct arena *ar);
#define WD_NOW_LEN 20
/* "2026-11-21 10:00:00": now in the process's (the site's) time zone. */
void wd_now(char out[WD_NOW_LEN]);

void wd_init(struct wd_cal *c);
/* Adds one exception; days may come in any order.  -1 when full or bad. */
int  wd_add_exception(struct wd_cal *c, int day, enum wd_kind kind);
/* The same from the calendar_day table's text: "2026-10-01", "holiday"|"workday". */
int  wd_add_text(struct wd_cal *c, const char *date, const char *kind);
int  wd_is_workday(const struct wd_cal *c, int day);
/*
 * The n-th working day after day (n ≥ 1): the last day on which something
 * due "within n working days of day" is still on time.  n = 0 gives day.
 */
int  wd_add(const struct wd_cal *c, int day, int n);
/* Working days strictly after `from` up to and including `to` (0 if to ≤ from). */
int  wd_between(const struct wd_cal *c, int from, int to);
#endif
