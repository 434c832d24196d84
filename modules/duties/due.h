/*
 * due.h — the duties' calendar, pure: no database, no clock of its own, so
 * the unit tests include it (tests/unit/test_duties_due.c).
 *
 *  - A duty recurs every year on a month and day (duty_def.due_month,
 *    due_day), or on the day the office sets for the year (office_sets:
 *    the self-inspection reports).  du_due_date() gives the year's day; a
 *    day past the month's end (02-30, 04-31) is the month's last day, so
 *    a definition never yields an invalid date.
 *  - Where an instance stands: accepted is done; submitted awaits the
 *    office; open or returned past its due day (the end of it) is overdue.
 */
#ifndef WANGAN_DUTIES_DUE_H
#define WANGAN_DUTIES_DUE_H

/* The years a duty can be opened for. */
#define DU_YEAR_MIN 2000
#define DU_YEAR_MAX 2099

enum du_stand { DU_OPEN, DU_RETURNED, DU_SUBMITTED, DU_DONE, DU_OVERDUE, DU_STAND__MAX };

int du_leap(int year);
/* Days in month (1-12) of year; 0 for a month out of range. */
int du_month_days(int year, int month);
/*
 * The due day of a fixed duty in year as "YYYY-MM-DD" (out, 11 bytes).
 * 0, or -1 when year or month is out of range or day is 0.
 */
int du_due_date(int year, int month, int day, char out[11]);
/* 1 when s is "YYYY-MM-DD" of a real day in year. */
int du_date_in_year(const char *s, int year);
/* Where an instance in state ("open", …) due on due ("YYYY-MM-DD") stands on today. */
enum du_stand du_standing(const char *state, const char *due, const char *today);
const char *du_stand_name(enum du_stand s);
/*
 * A figure's value typed as text, checked: digits with an optional point
 * and at most decimals digits after it, within [lo, hi] (both in
 * hundredths, as DECIMAL(12,2) holds them).  The value in hundredths in
 * *out.  NULL when good, else the message code: "du_number" (not such a
 * number), "du_range" (outside the range).
 */
const char *du_figure_parse(const char *s, int decimals, long long lo, long long hi, long long *out);
/* Hundredths as a decimal string with decimals places ("12.50" → 2: "12.50", 1: "12.5"). */
void du_figure_format(long long v, int decimals, char out[24]);
/* A DECIMAL(12,2) as the server writes it ("12.50", "-3.00") → hundredths; -1 on anything else. */
long long du_hundredths(const char *s);
#endif
