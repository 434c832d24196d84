/*
 * test_workday.c — civil dates, weekdays, parsing and the working-day
 * calendar from modules/core/workday.c, with the 2025 Spring Festival,
 * the 2025 National Day / Mid-Autumn holiday and New Year 2026.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "workday.h"

/* "YYYY-MM-DD" → day; fails the test on a bad literal. */
static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

/* Asserts that day is the date s. */
static void
assert_day(int day, const char *s)
{
	char out[11];
	if (day == WD_INVALID)
		fail_msg("got WD_INVALID, want %s", s);
	wd_format(day, out);
	assert_string_equal(out, s);
}

static int
add_range(struct wd_cal *c, const char *from, const char *to, enum wd_kind k)
{
	for (int d = D(from); d <= D(to); d++)
		if (wd_add_exception(c, d, k) != 0)
			return -1;
	return 0;
}

/* The office's calendar for 2025 and New Year 2026. */
static struct wd_cal *
cal_china(void)
{
	struct wd_cal *c = malloc(sizeof(*c));
	assert_non_null(c);
	wd_init(c);
	/* Spring Festival */
	assert_int_equal(add_range(c, "2025-01-28", "2025-02-04", WD_HOLIDAY), 0);
	assert_int_equal(wd_add_exception(c, D("2025-01-26"), WD_WORKDAY), 0);
	assert_int_equal(wd_add_exception(c, D("2025-02-08"), WD_WORKDAY), 0);
	/* National Day and Mid-Autumn */
	assert_int_equal(add_range(c, "2025-10-01", "2025-10-08", WD_HOLIDAY), 0);
	assert_int_equal(wd_add_exception(c, D("2025-09-28"), WD_WORKDAY), 0);
	assert_int_equal(wd_add_exception(c, D("2025-10-11"), WD_WORKDAY), 0);
	/* New Year 2026 */
	assert_int_equal(add_range(c, "2026-01-01", "2026-01-03", WD_HOLIDAY), 0);
	assert_int_equal(wd_add_exception(c, D("2026-01-04"), WD_WORKDAY), 0);
	return c;
}

static void
t_known_days(void **state)
{
	assert_int_equal(wd_ymd(1970, 1, 1), 0);
	assert_int_equal(wd_ymd(1969, 12, 31), -1);
	assert_int_equal(wd_ymd(1900, 1, 1), -25567);
	assert_int_equal(wd_ymd(2000, 1, 1), 10957);
	assert_int_equal(wd_ymd(2000, 3, 1), 11017);
	assert_int_equal(wd_ymd(2024, 2, 29), 19782);
	assert_int_equal(wd_ymd(2025, 10, 1), 20362);
	assert_int_equal(wd_ymd(2100, 12, 31), 47846);
	assert_int_equal(wd_ymd(9999, 12, 31), 2932896);
}

static void
t_ymd_invalid(void **state)
{
	assert_int_equal(wd_ymd(1899, 12, 31), WD_INVALID);
	assert_int_equal(wd_ymd(10000, 1, 1), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 0, 1), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 13, 1), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 1, 0), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 1, 32), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 4, 31), WD_INVALID);
	assert_int_equal(wd_ymd(2025, 2, 29), WD_INVALID);
	assert_int_equal(wd_ymd(1900, 2, 29), WD_INVALID);
	assert_int_equal(wd_ymd(2100, 2, 29), WD_INVALID);
	assert_int_not_equal(wd_ymd(2000, 2, 29), WD_INVALID);
	assert_int_not_equal(wd_ymd(2024, 2, 29), WD_INVALID);
}

/* Every day 1900-01-01 … 2100-12-31: consecutive numbers, and back. */
static void
t_round_trip(void **state)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int want = wd_ymd(1900, 1, 1), n = 0;

	for (int y = 1900; y <= 2100; y++) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			int last = mdays[m - 1] + (m == 2 && leap);
			for (int d = 1; d <= last; d++, want++, n++) {
				int day = wd_ymd(y, m, d), yy, mm, dd;
				if (day != want)
					fail_msg("%04d-%02d-%02d: %d, want %d", y, m, d, day, want);
				wd_civil(day, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%d → %04d-%02d-%02d, want %04d-%02d-%02d",
					    day, yy, mm, dd, y, m, d);
			}
			if (wd_ymd(y, m, last + 1) != WD_INVALID)
				fail_msg("%04d-%02d-%02d accepted", y, m, last + 1);
		}
	}
	/* 201 years: 49 leap years (1900 and 2100 are not) */
	assert_int_equal(n, 201 * 365 + 49);
	assert_int_equal(want - 1, wd_ymd(2100, 12, 31));
}

static void
t_weekday(void **state)
{
	assert_int_equal(wd_weekday(0), 3);			/* 1970-01-01 Thursday */
	assert_int_equal(wd_weekday(-1), 2);			/* 1969-12-31 Wednesday */
	assert_int_equal(wd_weekday(D("1900-01-01")), 0);	/* Monday */
	assert_int_equal(wd_weekday(D("2000-01-01")), 5);	/* Saturday */
	assert_int_equal(wd_weekday(D("2024-02-29")), 3);	/* Thursday */
	assert_int_equal(wd_weekday(D("2025-01-26")), 6);	/* Sunday */
	assert_int_equal(wd_weekday(D("2025-02-08")), 5);	/* Saturday */
	assert_int_equal(wd_weekday(D("2025-09-26")), 4);	/* Friday */
	assert_int_equal(wd_weekday(D("2025-09-28")), 6);	/* Sunday */
	assert_int_equal(wd_weekday(D("2025-10-01")), 2);	/* Wednesday */
	assert_int_equal(wd_weekday(D("2025-10-11")), 5);	/* Saturday */
	assert_int_equal(wd_weekday(D("2026-01-04")), 6);	/* Sunday */
	assert_int_equal(wd_weekday(D("2027-12-31")), 4);	/* Friday */
	assert_int_equal(wd_weekday(D("2100-12-31")), 4);	/* Friday */
	/* seven consecutive days cover every weekday once */
	for (int d = D("2025-06-02"), w = 0; w < 7; d++, w++)
		assert_int_equal(wd_weekday(d), w);
}

static void
t_parse(void **state)
{
	static const char *const bad[] = {
		"", "2025", "2025-1-01", "2025-01-1", "2025/01/01", "20250101",
		"2025-01-01 ", " 2025-01-01", "2025-01-010", "2025-13-01",
		"2025-00-10", "2025-01-00", "2025-01-32", "2025-02-29", "2025-04-31",
		"1899-12-31", "+025-01-01", "2025-+1-01", "2025-1--01", "-025-01-01",
		"abcd-ef-gh", "2025-01-0a", "２０２５-01-01", "2025–01–01",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (wd_parse(bad[i]) != WD_INVALID)
			fail_msg("\"%s\" accepted", bad[i]);
	assert_int_equal(wd_parse(NULL), WD_INVALID);
	assert_int_equal(wd_parse("1970-01-01"), 0);
	assert_int_equal(wd_parse("2024-02-29"), 19782);
	assert_int_equal(wd_parse("1900-01-01"), -25567);
	assert_int_equal(wd_parse("9999-12-31"), 2932896);
}

static void
t_format(void **state)
{
	char out[11];

	wd_format(0, out);
	assert_string_equal(out, "1970-01-01");
	wd_format(D("2025-10-08"), out);
	assert_string_equal(out, "2025-10-08");
	wd_format(-25567, out);
	assert_string_equal(out, "1900-01-01");
	wd_format(2932896, out);
	assert_string_equal(out, "9999-12-31");
}

static void
t_empty_calendar(void **state)
{
	struct wd_cal *c = malloc(sizeof(*c));
	assert_non_null(c);
	wd_init(c);
	assert_int_equal(c->n, 0);
	assert_int_equal(c->first, WD_INVALID);
	assert_int_equal(c->last, WD_INVALID);
	/* a plain weekend across a year end */
	assert_day(wd_add(c, D("2027-12-31"), 1), "2028-01-03");
	assert_day(wd_add(c, D("2027-12-31"), 2), "2028-01-04");
	assert_day(wd_add(c, D("2027-12-31"), 0), "2027-12-31");
	/* from a Saturday, Monday is the first working day */
	assert_day(wd_add(c, D("2028-01-01"), 1), "2028-01-03");
	/* two weeks */
	assert_day(wd_add(c, D("2025-06-02"), 10), "2025-06-16");
	/* the National Day week, as if nobody had declared a holiday */
	assert_day(wd_add(c, D("2025-09-26"), 5), "2025-10-03");
	assert_int_equal(wd_add(c, D("2025-09-26"), -1), WD_INVALID);
	assert_int_equal(wd_add(c, WD_INVALID, 1), WD_INVALID);
	free(c);
}

static void
t_national_day_2025(void **state)
{
	struct wd_cal *c = cal_china();
	int fri = D("2025-09-26");

	/* 09-28 (Sunday, made up), 09-29, 09-30, 10-09, 10-10 */
	assert_day(wd_add(c, fri, 1), "2025-09-28");
	assert_day(wd_add(c, fri, 2), "2025-09-29");
	assert_day(wd_add(c, fri, 3), "2025-09-30");
	assert_day(wd_add(c, fri, 4), "2025-10-09");
	assert_day(wd_add(c, fri, 5), "2025-10-10");
	/* 10-11 is a Saturday made up */
	assert_day(wd_add(c, fri, 6), "2025-10-11");
	assert_day(wd_add(c, fri, 7), "2025-10-13");
	assert_day(wd_add(c, D("2025-09-30"), 1), "2025-10-09");
	/* from inside the holiday */
	assert_day(wd_add(c, D("2025-10-03"), 1), "2025-10-09");
	assert_int_equal(wd_is_workday(c, D("2025-09-27")), 0);
	assert_int_equal(wd_is_workday(c, D("2025-09-28")), 1);
	assert_int_equal(wd_is_workday(c, D("2025-10-06")), 0);	/* a Monday */
	assert_int_equal(wd_is_workday(c, D("2025-10-08")), 0);
	assert_int_equal(wd_is_workday(c, D("2025-10-11")), 1);
	assert_int_equal(wd_is_workday(c, D("2025-10-12")), 0);
	assert_int_equal(wd_between(c, fri, D("2025-10-10")), 5);
	assert_int_equal(wd_between(c, fri, D("2025-10-13")), 7);
	assert_int_equal(wd_between(c, D("2025-09-30"), D("2025-10-08")), 0);
	free(c);
}

static void
t_spring_festival_2025(void **state)
{
	struct wd_cal *c = cal_china();
	int fri = D("2025-01-24");

	assert_day(wd_add(c, fri, 1), "2025-01-26");	/* Sunday made up */
	assert_day(wd_add(c, fri, 2), "2025-01-27");
	assert_day(wd_add(c, fri, 3), "2025-02-05");
	assert_day(wd_add(c, D("2025-01-27"), 1), "2025-02-05");
	assert_day(wd_add(c, D("2025-02-05"), 3), "2025-02-08");	/* Saturday made up */
	assert_day(wd_add(c, D("2025-02-05"), 4), "2025-02-10");
	assert_int_equal(wd_is_workday(c, D("2025-01-28")), 0);	/* a Tuesday */
	assert_int_equal(wd_is_workday(c, D("2025-02-04")), 0);
	assert_int_equal(wd_is_workday(c, D("2025-02-09")), 0);
	/* 01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10 */
	assert_int_equal(wd_between(c, fri, D("2025-02-10")), 7);
	free(c);
}

static void
t_year_end(void **state)
{
	struct wd_cal *c = cal_china();

	/* New Year 2026: 01-01 … 01-03 off, Sunday 01-04 made up */
	assert_day(wd_add(c, D("2025-12-31"), 1), "2026-01-04");
	assert_day(wd_add(c, D("2025-12-31"), 2), "2026-01-05");
	assert_day(wd_add(c, D("2025-12-30"), 2), "2026-01-04");
	assert_int_equal(wd_between(c, D("2025-12-31"), D("2026-01-04")), 1);
	/* across a whole year: 2025 has 261 weekdays, 8 + 8 holidays fall on
	   weekdays less the 2 weekend holidays, 4 weekend make-up days */
	int y = wd_between(c, D("2024-12-31"), D("2025-12-31"));
	assert_int_equal(y, 261 - (8 - 2) - (8 - 2) + 4);
	free(c);
}

static void
t_between(void **state)
{
	struct wd_cal *c = cal_china();
	int mon = D("2025-06-02");

	assert_int_equal(wd_between(c, mon, mon), 0);
	assert_int_equal(wd_between(c, mon, mon - 5), 0);
	assert_int_equal(wd_between(c, mon, mon + 7), 5);	/* Tue … next Mon */
	assert_int_equal(wd_between(c, mon - 1, mon + 4), 5);	/* Mon … Fri */
	assert_int_equal(wd_between(c, WD_INVALID, mon), 0);
	assert_int_equal(wd_between(c, mon, WD_INVALID), 0);
	/* wd_between inverts wd_add for any start and count */
	for (int d = D("2024-12-20"); d <= D("2026-01-10"); d++)
		for (int n = 1; n <= 12; n++) {
			int e = wd_add(c, d, n);
			if (wd_between(c, d, e) != n || wd_between(c, d, e - 1) != n - 1)
				fail_msg("from %d, n %d", d, n);
		}
	/* the span is clamped to WD_MAX_SPAN */
	assert_int_equal(wd_between(c, 0, 100000), wd_between(c, 0, WD_MAX_SPAN));
	free(c);
}

static void
t_span_limit(void **state)
{
	struct wd_cal *c = malloc(sizeof(*c));
	int start = D("2030-01-01");

	assert_non_null(c);
	wd_init(c);
	/* WD_MAX_EXCEPTIONS holidays in a row: no working day within the span */
	for (int i = 0; i < WD_MAX_EXCEPTIONS; i++)
		assert_int_equal(wd_add_exception(c, start + i, WD_HOLIDAY), 0);
	assert_int_equal(c->n, WD_MAX_EXCEPTIONS);
	assert_int_equal(wd_add(c, start - 1, 1), WD_INVALID);
	assert_int_equal(wd_between(c, start - 1, start + WD_MAX_SPAN), 0);
	/* full: a new day is refused, an existing one may still change */
	assert_int_equal(wd_add_exception(c, start - 1, WD_HOLIDAY), -1);
	assert_int_equal(wd_add_exception(c, start + 5, WD_WORKDAY), 0);
	assert_int_equal(c->n, WD_MAX_EXCEPTIONS);
	assert_day(wd_add(c, start - 1, 1), "2030-01-06");
	free(c);
}

static void
t_exception_order(void **state)
{
	static const char *const days[] = {
		"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07",
		"2025-10-08", "2025-09-28", "2025-10-11", "2025-01-28", "2025-02-08",
	};
	enum { N = sizeof(days) / sizeof(days[0]) };
	/* forward, backward and shuffled */
	static const int order[3][N] = {
		{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
		{ 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
		{ 3, 9, 0, 6, 2, 8, 5, 1, 7, 4 },
	};
	struct wd_cal *c[3];

	for (int k = 0; k < 3; k++) {
		c[k] = malloc(sizeof(*c[k]));
		assert_non_null(c[k]);
		wd_init(c[k]);
		for (int i = 0; i < N; i++) {
			int j = order[k][i];
			enum wd_kind kind = j == 6 || j == 7 || j == 9 ? WD_WORKDAY : WD_HOLIDAY;
			assert_int_equal(wd_add_exception(c[k], D(days[j]), kind), 0);
		}
		assert_int_equal(c[k]->n, N);
		for (size_t i = 1; i < c[k]->n; i++)
			assert_true(c[k]->day[i - 1] < c[k]->day[i]);
		assert_int_equal(c[k]->first, D("2025-01-28"));
		assert_int_equal(c[k]->last, D("2025-10-11"));
	}
	for (int k = 1; k < 3; k++) {
		assert_memory_equal(c[k]->day, c[0]->day, N * sizeof(c[0]->day[0]));
		assert_memory_equal(c[k]->kind, c[0]->kind, N);
	}
	for (int k = 0; k < 3; k++) {
		assert_day(wd_add(c[k], D("2025-09-26"), 5), "2025-10-10");
		free(c[k]);
	}
}

static void
t_exception_override(void **state)
{
	struct wd_cal *c = malloc(sizeof(*c));
	int d = D("2025-10-01");

	assert_non_null(c);
	wd_init(c);
	assert_int_equal(wd_add_exception(c, d, WD_HOLIDAY), 0);
	assert_int_equal(wd_is_workday(c, d), 0);
	/* the later row wins, without a second entry */
	assert_int_equal(wd_add_exception(c, d, WD_WORKDAY), 0);
	assert_int_equal(c->n, 1);
	assert_int_equal(wd_is_workday(c, d), 1);
	assert_int_equal(wd_add_exception(c, d, WD_HOLIDAY), 0);
	assert_int_equal(c->n, 1);
	assert_int_equal(wd_is_workday(c, d), 0);
	/* a Saturday can be declared a holiday too: no change */
	assert_int_equal(wd_add_exception(c, D("2025-10-04"), WD_HOLIDAY), 0);
	assert_int_equal(wd_is_workday(c, D("2025-10-04")), 0);
	/* bad input */
	assert_int_equal(wd_add_exception(c, WD_INVALID, WD_HOLIDAY), -1);
	assert_int_equal(wd_add_exception(c, d, (enum wd_kind)0), -1);
	assert_int_equal(wd_add_exception(c, d, (enum wd_kind)3), -1);
	assert_int_equal(c->n, 2);
	assert_int_equal(wd_is_workday(c, d), 0);
	free(c);
}

/* The whole 2025 calendar as published (data/calendar/2025.csv). */
static void
t_full_2025(void **state)
{
	static const struct { const char *from, *to; enum wd_kind kind; } rows[] = {
		{ "2025-01-01", "2025-01-01", WD_HOLIDAY },	/* 元旦 */
		{ "2025-01-26", "2025-01-26", WD_WORKDAY },
		{ "2025-01-28", "2025-02-04", WD_HOLIDAY },	/* 春节 */
		{ "2025-02-08", "2025-02-08", WD_WORKDAY },
		{ "2025-04-04", "2025-04-06", WD_HOLIDAY },	/* 清明节 */
		{ "2025-04-27", "2025-04-27", WD_WORKDAY },
		{ "2025-05-01", "2025-05-05", WD_HOLIDAY },	/* 劳动节 */
		{ "2025-05-31", "2025-06-02", WD_HOLIDAY },	/* 端午节 */
		{ "2025-09-28", "2025-09-28", WD_WORKDAY },
		{ "2025-10-01", "2025-10-08", WD_HOLIDAY },	/* 国庆节、中秋节 */
		{ "2025-10-11", "2025-10-11", WD_WORKDAY },
	};
	struct wd_cal *c = malloc(sizeof(*c));

	assert_non_null(c);
	wd_init(c);
	/* loaded backwards, to be sure the order does not matter */
	for (size_t i = sizeof(rows) / sizeof(rows[0]); i-- > 0;)
		assert_int_equal(add_range(c, rows[i].from, rows[i].to, rows[i].kind), 0);
	assert_int_equal(c->n, 33);
	assert_int_equal(c->first, D("2025-01-01"));
	assert_int_equal(c->last, D("2025-10-11"));
	/* 2025 has 248 working days */
	assert_int_equal(wd_between(c, D("2024-12-31"), D("2025-12-31")), 248);
	/* the Labour Day week: 04-27 (Sunday) is worked, 05-01 … 05-05 are not */
	assert_day(wd_add(c, D("2025-04-25"), 1), "2025-04-27");
	assert_day(wd_add(c, D("2025-04-30"), 1), "2025-05-06");
	/* Dragon Boat: Monday 06-02 off */
	assert_day(wd_add(c, D("2025-05-30"), 1), "2025-06-03");
	free(c);
}

/* Assessment cycles count calendar months: month ends, leap years, year ends. */
static void
t_add_months(void **state)
{
	(void)state;
	char b[11];
	struct { const char *from; int n; const char *want; } v[] = {
		{ "2025-08-31", 6, "2026-02-28" },	/* level 4: past February's end */
		{ "2027-08-31", 6, "2028-02-29" },	/* a leap year */
		{ "2025-12-15", 12, "2026-12-15" },	/* level 3, across a year end */
		{ "2024-02-29", 12, "2025-02-28" },
		{ "2024-02-29", 24, "2026-02-28" },	/* level 2 */
		{ "2025-11-30", 2, "2026-01-30" },
		{ "2026-01-31", 1, "2026-02-28" },
		{ "2026-03-31", -1, "2026-02-28" },
		{ "2026-05-15", 0, "2026-05-15" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		wd_format(wd_add_months(wd_parse(v[i].from), v[i].n), b);
		assert_string_equal(b, v[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_add_months),
		cmocka_unit_test(t_known_days),
		cmocka_unit_test(t_ymd_invalid),
		cmocka_unit_test(t_round_trip),
		cmocka_unit_test(t_weekday),
		cmocka_unit_test(t_parse),
		cmocka_unit_test(t_format),
		cmocka_unit_test(t_empty_calendar),
		cmocka_unit_test(t_national_day_2025),
		cmocka_unit_test(t_spring_festival_2025),
		cmocka_unit_test(t_year_end),
		cmocka_unit_test(t_between),
		cmocka_unit_test(t_span_limit),
		cmocka_unit_test(t_exception_order),
		cmocka_unit_test(t_exception_override),
		cmocka_unit_test(t_full_2025),
	};
	return cmocka_run_group_tests_name("workday", tests, NULL, NULL);
}
