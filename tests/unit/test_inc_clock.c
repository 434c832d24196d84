/*
 * test_inc_clock.c — the incidents module's reporting clock
 * (modules/incidents/clock.c): the first report's four classes at and
 * around their edges, the written report and the mid-incident review,
 * pending and overdue steps, the simple flow of level IV, the next
 * deadline, and deadlines in working days across weekends, holidays and
 * make-up workdays with the published calendars in data/calendar/; the
 * named reporting profiles (modules/incidents/profile.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "csv.h"
#include "../../modules/incidents/clock.h"

#define MIN 60L

/* The defaults of DOMAIN.md §6: 30 / 60 / 120 minutes, written 60, review 60, 1 working day. */
static const struct inc_limits lim = { 30 * MIN, 60 * MIN, 120 * MIN, 60 * MIN, 60 * MIN, 1 };

static long
T(const char *s)
{
	long t = inc_time(s);
	if (t == INC_NONE)
		fail_msg("bad time literal %s", s);
	return t;
}

static void
assert_time(long t, const char *want)
{
	char b[20];
	inc_time_format(t, b);
	assert_string_equal(b, want);
}

/* An incident of level `level` that started at start and was discovered at the same moment. */
static struct inc_times
times(int level, long start)
{
	struct inc_times t = { level, start, start, INC_NONE, INC_NONE, INC_NONE, INC_NONE, INC_NONE,
		INC_NONE };
	return t;
}

/* The calendar as the office loads it: the 2025 and 2026 files of data/calendar. */
static struct wd_cal *
calendar(void)
{
	static const char *const files[] = { "data/calendar/2025.csv", "data/calendar/2026.csv" };
	struct wd_cal *c = malloc(sizeof(*c));
	struct arena ar;
	assert_non_null(c);
	wd_init(c);
	ar_init(&ar);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		static char text[64 * 1024];
		FILE *f = fopen(files[i], "rb");
		if (f == NULL)
			fail_msg("cannot open %s (run from the repository root)", files[i]);
		size_t len = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
		size_t pos = 0;
		const char *v[CSV_MAX_FIELDS];
		int n, rows = 0;
		while ((n = csv_record(&ar, text, len, &pos, v, CSV_MAX_FIELDS)) > 0) {
			if (strcmp(v[0], "date") == 0)
				continue;
			assert_true(n >= 2);
			assert_int_equal(wd_add_text(c, v[0], v[1]), 0);
			rows++;
		}
		assert_int_equal(n, 0);
		assert_true(rows > 30);
	}
	ar_free(&ar);
	return c;
}

/* The table: 29, 31, 59, 61, 119 and 121 minutes. */
static void
t_first_report_minutes(void **state)
{
	(void)state;
	static const struct { long min; enum inc_class want; } v[] = {
		{ 0, INC_ONTIME }, { 29, INC_ONTIME }, { 31, INC_LATE }, { 59, INC_LATE },
		{ 61, INC_MISSED }, { 119, INC_MISSED }, { 121, INC_CONCEALED }, { 24 * 60, INC_CONCEALED },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_int_equal(inc_first_class(&lim, v[i].min * MIN), v[i].want);
}

/* Each limit is inclusive, to the second. */
static void
t_first_report_edges(void **state)
{
	(void)state;
	assert_int_equal(inc_first_class(&lim, 30 * MIN), INC_ONTIME);
	assert_int_equal(inc_first_class(&lim, 30 * MIN + 1), INC_LATE);
	assert_int_equal(inc_first_class(&lim, 60 * MIN), INC_LATE);
	assert_int_equal(inc_first_class(&lim, 60 * MIN + 1), INC_MISSED);
	assert_int_equal(inc_first_class(&lim, 120 * MIN), INC_MISSED);
	assert_int_equal(inc_first_class(&lim, 120 * MIN + 1), INC_CONCEALED);
	/* other limits (a site's settings) move the edges with them */
	struct inc_limits l = lim;
	l.first_ontime = 60 * MIN;
	l.first_late = 120 * MIN;
	l.first_missed = 240 * MIN;
	assert_int_equal(inc_first_class(&l, 45 * MIN), INC_ONTIME);
	assert_int_equal(inc_first_class(&l, 121 * MIN), INC_MISSED);
	assert_int_equal(inc_first_class(&l, 241 * MIN), INC_CONCEALED);
}

/* The oral report counts when it came before the written one, and the other way round. */
static void
t_whichever_first(void **state)
{
	(void)state;
	struct inc_clock c;
	long start = T("2026-11-20 09:00:00");
	struct inc_times t = times(0, start);
	t.oral = start + 25 * MIN;
	t.written = start + 70 * MIN;
	inc_clock(&lim, &t, start + 80 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_FIRST], INC_ONTIME);
	assert_int_equal(c.at[INC_CLK_FIRST], start + 25 * MIN);
	assert_int_equal(c.cls[INC_CLK_WRITTEN], INC_LATE);	/* the written one is late all the same */
	t.oral = start + 65 * MIN;
	t.written = start + 59 * MIN;
	inc_clock(&lim, &t, start + 80 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_FIRST], INC_LATE);
	assert_int_equal(c.cls[INC_CLK_WRITTEN], INC_ONTIME);
	/* only an oral report, 2 h 1 s after the start */
	t.oral = start + 120 * MIN + 1;
	t.written = INC_NONE;
	inc_clock(&lim, &t, start + 121 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_FIRST], INC_CONCEALED);
	assert_int_equal(c.cls[INC_CLK_WRITTEN], INC_OVERDUE);
}

/* The written report from the start, the review from the discovery. */
static void
t_written_and_review(void **state)
{
	(void)state;
	struct inc_clock c;
	long start = T("2026-11-20 09:00:00");
	struct inc_times t = times(2, start);
	t.discovered = start + 90 * MIN;
	t.written = start + 20 * MIN;
	inc_clock(&lim, &t, start + 100 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_WRITTEN], INC_ONTIME);
	assert_int_equal(c.due[INC_CLK_REVIEW], start + 150 * MIN);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_PENDING);
	assert_int_equal(c.next, INC_CLK_REVIEW);
	assert_int_equal(c.next_due, start + 150 * MIN);
	inc_clock(&lim, &t, start + 150 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_PENDING);	/* due this very second */
	inc_clock(&lim, &t, start + 150 * MIN + 1, &c);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_OVERDUE);
	t.review = start + 150 * MIN;
	inc_clock(&lim, &t, start + 200 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_ONTIME);
	t.review = start + 150 * MIN + 1;
	inc_clock(&lim, &t, start + 200 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_LATE);
	/* nothing left with a deadline: handling has none */
	assert_int_equal(c.next, -1);
	assert_int_equal(c.next_due, INC_NONE);
	assert_int_equal(c.cls[INC_CLK_HANDLED], INC_WAITING);
	assert_int_equal(c.cls[INC_CLK_RECTIFY], INC_WAITING);
}

/* The next deadline is the nearest of the steps not done. */
static void
t_next_deadline(void **state)
{
	(void)state;
	struct inc_clock c;
	long start = T("2026-11-20 09:00:00");
	struct inc_times t = times(0, start);
	t.discovered = start + 10 * MIN;
	t.oral = start + 5 * MIN;
	inc_clock(&lim, &t, start + 6 * MIN, &c);
	assert_int_equal(c.next, INC_CLK_WRITTEN);	/* 10:00, before the review at 10:10 */
	assert_time(c.next_due, "2026-11-20 10:00:00");
	t.written = start + 30 * MIN;
	inc_clock(&lim, &t, start + 31 * MIN, &c);
	assert_int_equal(c.next, INC_CLK_REVIEW);
	assert_time(c.next_due, "2026-11-20 10:10:00");
	/* an overdue step stays the next one until it is done */
	inc_clock(&lim, &t, start + 300 * MIN, &c);
	assert_int_equal(c.next, INC_CLK_REVIEW);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_OVERDUE);
}

/* What an incident waits for when no deadline runs: handling, the level, the closing. */
static void
t_next_step(void **state)
{
	(void)state;
	long due, start = T("2026-11-20 09:00:00");
	struct inc_times t = times(0, start);
	t.written = start + 10 * MIN;
	assert_string_equal(inc_next(&lim, &t, start + 20 * MIN, 0, 0, &due), "review");
	assert_time(due, "2026-11-20 10:00:00");
	t.review = start + 40 * MIN;
	assert_string_equal(inc_next(&lim, &t, start + 50 * MIN, 0, 0, &due), "handled");
	assert_int_equal(due, INC_NONE);
	t.handled = start + 60 * MIN;
	t.rectify_due = T("2026-11-23 23:59:59");
	assert_string_equal(inc_next(&lim, &t, start + 70 * MIN, 0, 0, &due), "rectify");
	assert_time(due, "2026-11-23 23:59:59");
	t.rectify = start + 120 * MIN;
	assert_string_equal(inc_next(&lim, &t, start + 130 * MIN, 0, 0, &due), "propose");
	assert_string_equal(inc_next(&lim, &t, start + 130 * MIN, 0, 1, &due), "confirm");
	t.level = 3;
	assert_string_equal(inc_next(&lim, &t, start + 130 * MIN, 0, 1, &due), "close");
	assert_int_equal(due, INC_NONE);
	assert_string_equal(inc_next(&lim, &t, start + 130 * MIN, 1, 1, &due), "");
	/* a confirmed level IV drops the written report and the review from its deadlines */
	struct inc_times four = times(4, start);
	four.oral = start + 5 * MIN;
	assert_string_equal(inc_next(&lim, &four, start + 6 * MIN, 0, 1, &due), "handled");
	assert_int_equal(due, INC_NONE);
}

/* Level IV: handled and a written report; the I-III clocks do not apply. */
static void
t_level_four(void **state)
{
	(void)state;
	struct inc_clock c;
	struct wd_cal *cal = calendar();
	long start = T("2026-11-20 09:00:00");
	struct inc_times t = times(4, start);
	t.oral = start + 200 * MIN;
	inc_clock(&lim, &t, start + 300 * MIN, &c);
	assert_int_equal(c.cls[INC_CLK_FIRST], INC_NA);
	assert_int_equal(c.cls[INC_CLK_WRITTEN], INC_NA);
	assert_int_equal(c.cls[INC_CLK_REVIEW], INC_NA);
	assert_int_equal(c.cls[INC_CLK_HANDLED], INC_WAITING);
	assert_int_equal(c.next, -1);
	t.handled = T("2026-11-20 16:00:00");	/* a Friday */
	t.rectify_due = inc_workdays_end(cal, t.handled, 1);
	assert_time(t.rectify_due, "2026-11-23 23:59:59");
	inc_clock(&lim, &t, T("2026-11-21 10:00:00"), &c);
	assert_int_equal(c.cls[INC_CLK_HANDLED], INC_DONE);
	assert_int_equal(c.cls[INC_CLK_RECTIFY], INC_PENDING);
	assert_int_equal(c.next, INC_CLK_RECTIFY);
	t.rectify = T("2026-11-23 23:59:59");
	inc_clock(&lim, &t, T("2026-11-24 10:00:00"), &c);
	assert_int_equal(c.cls[INC_CLK_RECTIFY], INC_ONTIME);
	t.rectify = T("2026-11-24 00:00:00");
	inc_clock(&lim, &t, T("2026-11-24 10:00:00"), &c);
	assert_int_equal(c.cls[INC_CLK_RECTIFY], INC_LATE);
	free(cal);
}

/*
 * The rectification report, one working day after the day handling ended,
 * across a weekend and the 2026 Mid-Autumn holiday (Fri 09-25 to Sun
 * 09-27), National Day (10-01 to 10-07) and its make-up Saturday 10-10.
 */
static void
t_rectify_due(void **state)
{
	(void)state;
	struct wd_cal *cal = calendar();
	static const struct { const char *handled; int days; const char *due; } v[] = {
		{ "2026-09-24 18:30:00", 1, "2026-09-28 23:59:59" },	/* Thu → weekend and holiday → Mon */
		{ "2026-09-30 09:00:00", 1, "2026-10-08 23:59:59" },	/* National Day */
		{ "2026-10-09 17:00:00", 1, "2026-10-10 23:59:59" },	/* a Friday → the make-up Saturday */
		{ "2026-09-18 23:59:59", 1, "2026-09-20 23:59:59" },	/* Fri → the make-up Sunday 09-20 */
		{ "2026-11-21 10:00:00", 1, "2026-11-23 23:59:59" },	/* handled on a Saturday → Monday */
		{ "2025-09-30 12:00:00", 1, "2025-10-09 23:59:59" },	/* 2025: Oct 1-8 off */
		{ "2026-09-24 18:30:00", 3, "2026-09-30 23:59:59" },	/* another setting: 3 working days */
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_time(inc_workdays_end(cal, T(v[i].handled), v[i].days), v[i].due);
	free(cal);
}

/* A threat notice: 10 working days from the day it was received. */
static void
t_notice_due(void **state)
{
	(void)state;
	struct wd_cal *cal = calendar();
	/* Mid-Autumn and National Day 2026, with the make-up Saturday 10-10 counted */
	assert_time(inc_workdays_end(cal, T("2026-09-24 15:00:00"), 10), "2026-10-15 23:59:59");
	/* Spring Festival 2026: the make-up Saturdays 02-14 and 02-28 count, 02-15 … 02-23 do not */
	assert_time(inc_workdays_end(cal, T("2026-02-13 09:00:00"), 10), "2026-03-05 23:59:59");
	/* 2025: 09-28 (a make-up Sunday) … 10-08 off, 10-11 a make-up Saturday */
	assert_time(inc_workdays_end(cal, T("2025-09-26 10:00:00"), 10), "2025-10-16 23:59:59");
	free(cal);
}

/* The profiles: seed 003's are the defaults; the others' first-report bands and deadlines. */
static void
t_profiles(void **state)
{
	(void)state;
	const struct inc_profile *p = inc_profile_find("seed003");
	struct inc_limits pl;
	memset(&pl, 0, sizeof(pl));	/* the padding too: compared as memory */
	assert_non_null(p);
	inc_profile_limits(p, &pl);
	assert_memory_equal(&pl, &lim, sizeof(lim));
	assert_string_equal(p->version, "2019-91");
	assert_null(inc_profile_find("seed999"));
	assert_null(inc_profile_find(""));
	/* seed 000: the call within 30 min as seed 003, the sealed report within 24 h */
	p = inc_profile_find("seed000");
	assert_non_null(p);
	/* stated in hours as the seed states it, counted to the second */
	assert_int_equal(p->written.unit, LIM_HOURS);
	assert_int_equal(p->written.n, 24);
	inc_profile_limits(p, &pl);
	assert_int_equal(pl.first_ontime, 30 * MIN);
	assert_int_equal(pl.written, 24 * 60 * MIN);
	assert_int_equal(pl.review, 24 * 60 * MIN);
	/* the 2025 measures, other organisations: 4 h, then 缓报 to 8 h, 漏报 to 16 h, 瞒报 after */
	p = inc_profile_find("national2025-other");
	assert_non_null(p);
	inc_profile_limits(p, &pl);
	assert_string_equal(p->version, "2025-11-01");
	assert_int_equal(inc_first_class(&pl, 4 * 60 * MIN), INC_ONTIME);
	assert_int_equal(inc_first_class(&pl, 4 * 60 * MIN + 1), INC_LATE);
	assert_int_equal(inc_first_class(&pl, 8 * 60 * MIN + 1), INC_MISSED);
	assert_int_equal(inc_first_class(&pl, 16 * 60 * MIN + 1), INC_CONCEALED);
	/* critical information infrastructure 1 h, central organs 2 h */
	inc_profile_limits(inc_profile_find("national2025-cii"), &pl);
	assert_int_equal(pl.first_ontime, 60 * MIN);
	inc_profile_limits(inc_profile_find("national2025-central"), &pl);
	assert_int_equal(pl.first_ontime, 120 * MIN);
	/* every profile's bands rise, as inc_init requires of a site's limits */
	static const char *const all[] = { "seed003", "seed000", "national2025-cii", "national2025-central",
		"national2025-other" };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		p = inc_profile_find(all[i]);
		assert_non_null(p);
		inc_profile_limits(p, &pl);
		assert_true(pl.first_ontime <= pl.first_late && pl.first_late <= pl.first_missed);
		assert_true(pl.written >= pl.first_ontime && pl.rectify_days >= 1);
	}
}

static void
t_time_parse(void **state)
{
	(void)state;
	assert_time(T("2026-12-02T10:30"), "2026-12-02 10:30:00");
	assert_time(T("2026-12-02 10:30:59"), "2026-12-02 10:30:59");
	assert_int_equal(T("2026-12-02 10:31") - T("2026-12-02 10:30"), 60);
	assert_int_equal(T("2026-12-03 00:00") - T("2026-12-02 23:59:59"), 1);
	static const char *const bad[] = {
		"", "2026-12-02", "2026-12-02 24:00", "2026-12-02 10:60", "2026-12-02 10:30:60",
		"2026-02-30 10:00", "2026-12-02X10:30", "2026-12-02 1:30", "2026-12-02 10:3a",
		"2026-12-02 10:30:5", "2026-12-02 10-30", "1969-12-31 23:59",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (inc_time(bad[i]) != INC_NONE)
			fail_msg("accepted '%s'", bad[i]);
	assert_int_equal(inc_time(NULL), INC_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_first_report_minutes),
		cmocka_unit_test(t_first_report_edges),
		cmocka_unit_test(t_whichever_first),
		cmocka_unit_test(t_written_and_review),
		cmocka_unit_test(t_next_deadline),
		cmocka_unit_test(t_next_step),
		cmocka_unit_test(t_level_four),
		cmocka_unit_test(t_rectify_due),
		cmocka_unit_test(t_notice_due),
		cmocka_unit_test(t_time_parse),
		cmocka_unit_test(t_profiles),
	};
	return cmocka_run_group_tests_name("inc_clock", tests, NULL, NULL);
}
