/*
 * test_home_due.c — where a to-do item stands (modules/home/due.c,
 * included here: it is pure): a day's deadline overdue from the next day,
 * late by working days (a weekend counts in calendar days), due today,
 * soon within the window across a holiday and a make-up workday; an hour's
 * deadline late and left in minutes and the soon window's edge; a re-sign's
 * due day and the start-day threshold SQL compares with; the time parser.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../modules/home/due.c"

static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

/* 2026-10-01..07 National Day off, Sunday 2026-09-27 and Saturday 2026-10-10 make-up workdays */
static void
national_day(struct wd_cal *c)
{
	wd_init(c);
	for (int d = 1; d <= 7; d++)
		assert_int_equal(wd_add_exception(c, wd_ymd(2026, 10, d), WD_HOLIDAY), 0);
	assert_int_equal(wd_add_text(c, "2026-09-27", "workday"), 0);
	assert_int_equal(wd_add_text(c, "2026-10-10", "workday"), 0);
}

static struct hm_window
window(const struct wd_cal *c, const char *today, int soon_days)
{
	struct hm_window w;
	w.today = D(today);
	w.cutoff = hm_cutoff(c, w.today, soon_days);
	w.now = (long)w.today * 86400L + 10 * 3600L;	/* 10:00 */
	w.soon_secs = 24 * 3600L;
	return w;
}

static void
a_day_deadline_overdue_late_by_working_days(void **state)
{
	struct wd_cal c;
	wd_init(&c);
	/* Monday 2026-12-07: due the Thursday before is 2 working days late (Fri, Mon) */
	struct hm_window w = window(&c, "2026-12-07", 5);
	struct hm_stand s;
	hm_stand_day(&c, &w, D("2026-12-03"), &s);
	assert_int_equal(s.group, HM_OVERDUE);
	assert_int_equal(s.late, 2);
	assert_int_equal(s.late_days, 4);
	assert_int_equal(s.left, -1);
	/* due Friday, seen Saturday: no working day has passed, one calendar day has */
	w = window(&c, "2026-12-05", 5);
	hm_stand_day(&c, &w, D("2026-12-04"), &s);
	assert_int_equal(s.group, HM_OVERDUE);
	assert_int_equal(s.late, 0);
	assert_int_equal(s.late_days, 1);
}

static void
due_today_and_soon_within_the_window(void **state)
{
	struct wd_cal c;
	wd_init(&c);
	struct hm_window w = window(&c, "2026-12-07", 5);	/* Monday: the window ends Monday 12-14 */
	struct hm_stand s;
	assert_int_equal(w.cutoff, D("2026-12-14"));
	hm_stand_day(&c, &w, D("2026-12-07"), &s);
	assert_int_equal(s.group, HM_SOON);
	assert_int_equal(s.left, 0);
	hm_stand_day(&c, &w, D("2026-12-14"), &s);
	assert_int_equal(s.group, HM_SOON);
	assert_int_equal(s.left, 5);
	hm_stand_day(&c, &w, D("2026-12-15"), &s);
	assert_int_equal(s.group, HM_AWAITING);
	assert_int_equal(s.left, 6);
	assert_int_equal(s.late, -1);
}

static void
the_window_skips_a_holiday_and_counts_a_makeup_day(void **state)
{
	struct wd_cal c;
	national_day(&c);
	/* Wednesday 2026-09-30: the next working days are 10-08, 10-09, 10-10 (make-up), 10-12, 10-13 */
	struct hm_window w = window(&c, "2026-09-30", 5);
	assert_int_equal(w.cutoff, D("2026-10-13"));
	struct hm_stand s;
	hm_stand_day(&c, &w, D("2026-10-10"), &s);
	assert_int_equal(s.group, HM_SOON);
	assert_int_equal(s.left, 3);
	/* due on the eve of the holiday, seen after it: one working day late, the 8th */
	w = window(&c, "2026-10-08", 5);
	hm_stand_day(&c, &w, D("2026-09-30"), &s);
	assert_int_equal(s.group, HM_OVERDUE);
	assert_int_equal(s.late, 1);
	assert_int_equal(s.late_days, 8);
}

static void
an_hour_deadline_in_minutes(void **state)
{
	struct wd_cal c;
	wd_init(&c);
	struct hm_window w = window(&c, "2026-12-07", 5);	/* 10:00 */
	struct hm_stand s;
	/* a written report due 09:15: 45 minutes late */
	hm_stand_time(&w, hm_time("2026-12-07 09:15:00"), &s);
	assert_int_equal(s.group, HM_OVERDUE);
	assert_int_equal(s.late, 45);
	assert_int_equal(s.left, -1);
	/* due 10:30: 30 minutes left, soon */
	hm_stand_time(&w, hm_time("2026-12-07 10:30:00"), &s);
	assert_int_equal(s.group, HM_SOON);
	assert_int_equal(s.left, 30);
	/* the window's edge: exactly 24 h is soon, a minute more is not */
	hm_stand_time(&w, hm_time("2026-12-08 10:00:00"), &s);
	assert_int_equal(s.group, HM_SOON);
	assert_int_equal(s.left, 24 * 60);
	hm_stand_time(&w, hm_time("2026-12-08 10:01:00"), &s);
	assert_int_equal(s.group, HM_AWAITING);
	assert_int_equal(s.left, 24 * 60 + 1);
}

static void
a_resign_due_and_the_threshold_agree(void **state)
{
	struct wd_cal c;
	national_day(&c);
	/* ten working days from Friday 2026-09-25: 09-27 (make-up), 28, 29, 30, 10-08, 09, 10, 12, 13, 14 */
	assert_int_equal(hm_due_add(&c, D("2026-09-25"), 10), D("2026-10-14"));
	/* for every day of a quarter and every start: overdue exactly when start <= threshold */
	for (int day = D("2026-09-01"); day <= D("2026-11-30"); day++) {
		int t = hm_start_before(&c, day, 10);
		assert_true(hm_due_add(&c, t, 10) < day);
		assert_true(hm_due_add(&c, t + 1, 10) >= day);
	}
}

static void
times_parsed_and_refused(void **state)
{
	assert_int_equal(hm_time("1970-01-02 00:00:01"), 86401);
	assert_int_equal(hm_time("1970-01-02"), 86400);
	assert_int_equal(hm_time("1970-01-01T01:02:03"), 3723);
	static const char *const bad[] = { "", "2026-13-01", "2026-12-07 24:00:00", "2026-12-07 10:00",
		"2026-12-07 1a:00:00", "2026-12-07x10:00:00", "2026-02-30" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (hm_time(bad[i]) != -1)
			fail_msg("\"%s\" was taken", bad[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_day_deadline_overdue_late_by_working_days),
		cmocka_unit_test(due_today_and_soon_within_the_window),
		cmocka_unit_test(the_window_skips_a_holiday_and_counts_a_makeup_day),
		cmocka_unit_test(an_hour_deadline_in_minutes),
		cmocka_unit_test(a_resign_due_and_the_threshold_agree),
		cmocka_unit_test(times_parsed_and_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
