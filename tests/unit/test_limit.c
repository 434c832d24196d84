/*
 * test_limit.c — deadlines in minutes, hours, calendar days and working
 * days (modules/core/limit.c) across a weekend, the 2025 National Day /
 * Mid-Autumn holiday with its make-up Sunday and Saturday, and the year end
 * into New Year 2026 with its make-up Sunday: the exact and the calendar
 * kinds pass every kind of day unchanged, the working days skip the days off.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "limit.h"

static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

/* "YYYY-MM-DD HH:MM:SS" → seconds on the civil clock */
static long
T(const char *s)
{
	int h, m, sec;
	char date[11];
	memcpy(date, s, 10);
	date[10] = '\0';
	if (strlen(s) != 19 || sscanf(s + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3)
		fail_msg("bad time literal %s", s);
	return (long)D(date) * LIM_DAY + h * 3600L + m * 60L + sec;
}

static void
assert_time(long t, const char *want)
{
	char date[11], got[32];
	if (t == LIM_NONE)
		fail_msg("got LIM_NONE, want %s", want);
	long s = t % LIM_DAY;
	wd_format((int)(t / LIM_DAY), date);
	snprintf(got, sizeof(got), "%s %02ld:%02ld:%02ld", date, s / 3600, s / 60 % 60, s % 60);
	assert_string_equal(got, want);
}

static void
assert_day(int day, const char *want)
{
	char out[11];
	if (day == WD_INVALID)
		fail_msg("got WD_INVALID, want %s", want);
	wd_format(day, out);
	assert_string_equal(out, want);
}

static struct wd_cal cal;

static int
setup(void **state)
{
	(void)state;
	wd_init(&cal);
	for (int d = D("2025-10-01"); d <= D("2025-10-08"); d++)
		wd_add_exception(&cal, d, WD_HOLIDAY);
	wd_add_exception(&cal, D("2025-09-28"), WD_WORKDAY);	/* a Sunday */
	wd_add_exception(&cal, D("2025-10-11"), WD_WORKDAY);	/* a Saturday */
	for (int d = D("2026-01-01"); d <= D("2026-01-03"); d++)
		wd_add_exception(&cal, d, WD_HOLIDAY);
	wd_add_exception(&cal, D("2026-01-04"), WD_WORKDAY);	/* a Sunday */
	return 0;
}

static const struct lim H24 = { LIM_HOURS, 24 }, D2 = { LIM_DAYS, 2 }, WD2 = { LIM_WORKDAYS, 2 };

/* Hours and minutes are exact: to the second, through midnight, weekends, holidays, the year end. */
static void
t_hours_and_minutes(void **state)
{
	(void)state;
	assert_time(lim_end(&cal, T("2025-09-30 18:00:00"), H24), "2025-10-01 18:00:00");	/* into the holiday */
	assert_time(lim_end(&cal, T("2025-12-31 12:30:15"), H24), "2026-01-01 12:30:15");	/* the year end */
	assert_time(lim_end(&cal, T("2025-12-26 20:00:00"), (struct lim){ LIM_HOURS, 48 }), "2025-12-28 20:00:00");
	assert_time(lim_end(&cal, T("2025-12-31 23:45:00"), (struct lim){ LIM_MINUTES, 30 }), "2026-01-01 00:15:00");
	assert_time(lim_end(&cal, T("2025-10-11 09:00:00"), (struct lim){ LIM_HOURS, 0 }), "2025-10-11 09:00:00");
	assert_int_equal(lim_seconds(H24), 24 * 3600L);
	assert_int_equal(lim_seconds((struct lim){ LIM_MINUTES, 30 }), 1800L);
	assert_int_equal(lim_seconds(D2), LIM_NONE);	/* a day needs the calendar */
	assert_int_equal(lim_seconds(WD2), LIM_NONE);
}

/* Calendar days: by the end of the n-th day, whatever the days are; not moved off a holiday. */
static void
t_calendar_days(void **state)
{
	(void)state;
	assert_time(lim_end(&cal, T("2025-09-30 10:00:00"), D2), "2025-10-02 23:59:59");	/* a holiday */
	assert_time(lim_end(&cal, T("2025-12-26 16:00:00"), D2), "2025-12-28 23:59:59");	/* Friday → Sunday */
	assert_time(lim_end(&cal, T("2025-12-31 00:00:00"), D2), "2026-01-02 23:59:59");	/* the year end */
	assert_time(lim_end(&cal, T("2025-09-26 23:59:59"), D2), "2025-09-28 23:59:59");	/* the make-up Sunday */
	assert_time(lim_end(&cal, T("2024-02-28 08:00:00"), D2), "2024-03-01 23:59:59");	/* a leap year */
	assert_time(lim_end(&cal, T("2025-10-05 08:00:00"), (struct lim){ LIM_DAYS, 0 }), "2025-10-05 23:59:59");
	assert_day(lim_day(&cal, D("2025-12-30"), D2), "2026-01-01");
	assert_day(lim_day(&cal, D("2025-10-07"), (struct lim){ LIM_DAYS, 30 }), "2025-11-06");
}

/* Working days, for contrast: the same starts, the days off skipped, the make-up days counted. */
static void
t_working_days(void **state)
{
	(void)state;
	assert_time(lim_end(&cal, T("2025-09-30 10:00:00"), WD2), "2025-10-10 23:59:59");
	assert_time(lim_end(&cal, T("2025-09-26 10:00:00"), (struct lim){ LIM_WORKDAYS, 1 }), "2025-09-28 23:59:59");
	assert_time(lim_end(&cal, T("2025-12-26 16:00:00"), WD2), "2025-12-30 23:59:59");
	assert_time(lim_end(&cal, T("2025-12-31 09:00:00"), (struct lim){ LIM_WORKDAYS, 1 }), "2026-01-04 23:59:59");
	assert_time(lim_end(&cal, T("2025-12-31 09:00:00"), WD2), "2026-01-05 23:59:59");
	assert_day(lim_day(&cal, D("2025-10-09"), (struct lim){ LIM_WORKDAYS, 2 }), "2025-10-11");
	assert_day(lim_day(&cal, D("2025-10-09"), (struct lim){ LIM_WORKDAYS, 0 }), "2025-10-09");
}

/* What is not a deadline: a missing time, a bad unit or count, an hour's limit as a day, a span too far. */
static void
t_bad(void **state)
{
	(void)state;
	assert_int_equal(lim_end(&cal, -1L, D2), LIM_NONE);
	assert_int_equal(lim_end(&cal, T("2025-10-01 00:00:00"), (struct lim){ LIM_DAYS, -1 }), LIM_NONE);
	assert_int_equal(lim_end(&cal, T("2025-10-01 00:00:00"), (struct lim){ LIM_UNIT__MAX, 1 }), LIM_NONE);
	assert_int_equal(lim_end(&cal, T("2025-10-01 00:00:00"), (struct lim){ LIM_HOURS, LIM_N_MAX + 1 }), LIM_NONE);
	assert_int_equal(lim_day(&cal, D("2025-10-01"), H24), WD_INVALID);
	assert_int_equal(lim_day(&cal, WD_INVALID, D2), WD_INVALID);
	/* 3660 working days span more than WD_MAX_SPAN calendar days */
	assert_int_equal(lim_end(&cal, T("2025-10-01 00:00:00"), (struct lim){ LIM_WORKDAYS, LIM_N_MAX }), LIM_NONE);
}

static void
t_parse(void **state)
{
	(void)state;
	struct lim l = { LIM_MINUTES, 0 };
	assert_int_equal(lim_parse("24h", &l), 0);
	assert_true(l.unit == LIM_HOURS && l.n == 24);
	assert_int_equal(lim_parse("30min", &l), 0);
	assert_true(l.unit == LIM_MINUTES && l.n == 30);
	assert_int_equal(lim_parse("2d", &l), 0);
	assert_true(l.unit == LIM_DAYS && l.n == 2);
	assert_int_equal(lim_parse("10wd", &l), 0);
	assert_true(l.unit == LIM_WORKDAYS && l.n == 10);
	static const char *const bad[] = { "", "h", "2", "2x", "-1d", "99999d", " 2d", "2d ", "2 d", "2hh" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		l = (struct lim){ LIM_MINUTES, 7 };
		if (lim_parse(bad[i], &l) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_true(l.unit == LIM_MINUTES && l.n == 7);	/* untouched */
	}
	assert_int_equal(lim_parse(NULL, &l), -1);
	assert_int_equal(lim_unit_find("days"), LIM_DAYS);
	assert_int_equal(lim_unit_find("workdays"), LIM_WORKDAYS);
	assert_int_equal(lim_unit_find("weeks"), -1);
	assert_int_equal(lim_unit_find(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_hours_and_minutes),
		cmocka_unit_test(t_calendar_days),
		cmocka_unit_test(t_working_days),
		cmocka_unit_test(t_bad),
		cmocka_unit_test(t_parse),
	};
	return cmocka_run_group_tests_name("limit", tests, setup, NULL);
}
