/*
 * test_cloud_due.c — the cloud module's date rules (modules/cloud/due.c,
 * included here: it is pure): the next re-registration one year on and on
 * a fixed yearly date, across a year end and on 29 February; a period that
 * ends first; reclaimable on the exact day (and the list's cutoff); due
 * soon, overdue, expiring, expired; the settings refused at start.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../modules/cloud/due.c"

static const struct cl_due_set yearly = { 0, 0, 3, 30, 30 };

static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

/* The next re-registration as text, "" for none. */
static const char *
next(const struct cl_due_set *s, const char *reg, const char *to)
{
	static char out[11];
	int d = cl_next_rereg(s, D(reg), to ? D(to) : WD_INVALID);
	out[0] = '\0';
	if (d != WD_INVALID)
		wd_format(d, out);
	return out;
}

static const char *
reclaim(const struct cl_due_set *s, const char *reg)
{
	static char out[11];
	wd_format(cl_reclaim_from(s, D(reg)), out);
	return out;
}

static const char *
cutoff(const struct cl_due_set *s, const char *today)
{
	static char out[11];
	wd_format(cl_reclaim_cutoff(s, D(today)), out);
	return out;
}

static void
one_year_on_across_a_year_end(void **state)
{
	(void)state;
	assert_string_equal(next(&yearly, "2025-12-31", "2030-12-31"), "2026-12-31");
	assert_string_equal(next(&yearly, "2026-01-01", NULL), "2027-01-01");
	assert_string_equal(next(&yearly, "2025-06-15", "2026-06-15"), "2026-06-15");	/* the period's last day */
}

static void
the_29th_of_february_one_year_on(void **state)
{
	(void)state;
	assert_string_equal(next(&yearly, "2024-02-29", NULL), "2025-02-28");
	assert_string_equal(next(&yearly, "2027-02-28", NULL), "2028-02-28");
	assert_string_equal(next(&yearly, "2028-02-29", NULL), "2029-02-28");
}

static void
a_period_shorter_than_a_year_owes_none(void **state)
{
	(void)state;
	assert_string_equal(next(&yearly, "2026-03-01", "2026-09-30"), "");
	assert_string_equal(next(&yearly, "2026-03-01", "2027-02-28"), "");
	assert_string_equal(next(&yearly, "2026-03-01", "2027-03-01"), "2027-03-01");
	struct cl_due_set fixed = { 9, 1, 3, 30, 30 };
	assert_string_equal(next(&fixed, "2026-03-01", "2026-08-31"), "");
	assert_string_equal(next(&fixed, "2026-03-01", "2026-09-01"), "2026-09-01");
}

static void
a_fixed_date_before_and_after_the_registration_day(void **state)
{
	struct cl_due_set s = { 9, 1, 3, 30, 30 };
	(void)state;
	assert_string_equal(next(&s, "2026-03-10", NULL), "2026-09-01");	/* later in the same year */
	assert_string_equal(next(&s, "2026-10-10", NULL), "2027-09-01");	/* passed: next year's */
	assert_string_equal(next(&s, "2026-09-01", NULL), "2027-09-01");	/* on it: the next one */
	assert_string_equal(next(&s, "2026-08-31", NULL), "2026-09-01");
	struct cl_due_set ye = { 12, 31, 3, 30, 30 };
	assert_string_equal(next(&ye, "2026-12-31", NULL), "2027-12-31");
	assert_string_equal(next(&ye, "2026-12-30", NULL), "2026-12-31");
	struct cl_due_set ny = { 1, 1, 3, 30, 30 };
	assert_string_equal(next(&ny, "2026-12-31", NULL), "2027-01-01");
}

static void
a_fixed_29th_of_february(void **state)
{
	struct cl_due_set s = { 2, 29, 3, 30, 30 };
	(void)state;
	assert_string_equal(next(&s, "2025-03-01", NULL), "2026-02-28");
	assert_string_equal(next(&s, "2027-06-01", NULL), "2028-02-29");
	assert_string_equal(next(&s, "2028-02-28", NULL), "2028-02-29");
	assert_string_equal(next(&s, "2028-02-29", NULL), "2029-02-28");
	assert_string_equal(next(&s, "2027-02-28", NULL), "2028-02-29");	/* 2027's is the 28th: on it */
}

static void
reclaimable_on_the_exact_day(void **state)
{
	(void)state;
	assert_string_equal(reclaim(&yearly, "2023-05-10"), "2026-05-10");
	assert_string_equal(reclaim(&yearly, "2024-02-29"), "2027-02-28");
	assert_string_equal(reclaim(&yearly, "2023-12-31"), "2026-12-31");
	struct cl_due_set five = { 0, 0, 5, 30, 30 };
	assert_string_equal(reclaim(&five, "2023-05-10"), "2028-05-10");
	/* the list reads registrations up to the cutoff: the exact day is in, the next is not */
	assert_string_equal(cutoff(&yearly, "2026-05-10"), "2023-05-10");
	assert_string_equal(cutoff(&yearly, "2027-02-28"), "2024-02-29");
	assert_string_equal(cutoff(&yearly, "2027-03-01"), "2024-03-01");
	assert_string_equal(cutoff(&yearly, "2028-02-29"), "2025-02-28");
	for (int t = D("2026-01-01"); t < D("2029-01-01"); t++) {
		int cut = cl_reclaim_cutoff(&yearly, t);
		assert_true(cl_reclaim_from(&yearly, cut) <= t);
		assert_true(cl_reclaim_from(&yearly, cut + 1) > t);
	}
}

static void
due_soon_overdue_expiring_expired(void **state)
{
	(void)state;
	int today = D("2026-12-07");
	assert_int_equal(cl_rereg_state(&yearly, WD_INVALID, today), CL_DUE_NONE);
	assert_int_equal(cl_rereg_state(&yearly, D("2027-01-06"), today), CL_DUE_SOON);	/* 30 days */
	assert_int_equal(cl_rereg_state(&yearly, D("2027-01-07"), today), CL_DUE_LATER);	/* 31 */
	assert_int_equal(cl_rereg_state(&yearly, today, today), CL_DUE_SOON);
	assert_int_equal(cl_rereg_state(&yearly, D("2026-12-06"), today), CL_DUE_PAST);
	assert_int_equal(cl_expiry_state(&yearly, D("2026-12-31"), today), CL_DUE_SOON);
	assert_int_equal(cl_expiry_state(&yearly, D("2027-06-30"), today), CL_DUE_LATER);
	assert_int_equal(cl_expiry_state(&yearly, D("2026-11-30"), today), CL_DUE_PAST);
}

static int
parse(const char *text, struct cl_due_set *s)
{
	static struct config cfg;
	char err[128];
	const char *msg = NULL;
	memset(&cfg, 0, sizeof(cfg));
	if (config_parse(&cfg, text, err, sizeof(err)) != 0)
		fail_msg("config: %s", err);
	int rc = cl_due_parse(s, &cfg, &msg);
	if (rc != 0)
		assert_non_null(msg);
	return rc;
}

static void
settings_and_bad_ones_refused(void **state)
{
	struct cl_due_set s;
	(void)state;
	assert_int_equal(parse("", &s), 0);
	assert_int_equal(s.rereg_month, 0);
	assert_int_equal(s.reclaim_years, 3);
	assert_int_equal(s.rereg_notice, 30);
	assert_int_equal(s.expiry_notice, 30);
	assert_int_equal(parse("cloud.rereg_date = 09-01\ncloud.reclaim_years = 4\n"
	    "cloud.rereg_notice_days = 14\ncloud.expiry_notice_days = 60\n", &s), 0);
	assert_int_equal(s.rereg_month, 9);
	assert_int_equal(s.rereg_day, 1);
	assert_int_equal(s.reclaim_years, 4);
	assert_int_equal(s.rereg_notice, 14);
	assert_int_equal(s.expiry_notice, 60);
	assert_int_equal(parse("cloud.rereg_date = 02-29\n", &s), 0);
	static const char *const bad[] = { "13-01", "02-30", "00-10", "9-1", "09-01x", "0901", "+1-01",
		"09/01", "2026-09-01", "04-31", NULL };
	for (int i = 0; bad[i]; i++) {
		char text[64];
		snprintf(text, sizeof(text), "cloud.rereg_date = %s\n", bad[i]);
		if (parse(text, &s) != -1)
			fail_msg("cloud.rereg_date = %s was taken", bad[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_year_on_across_a_year_end),
		cmocka_unit_test(the_29th_of_february_one_year_on),
		cmocka_unit_test(a_period_shorter_than_a_year_owes_none),
		cmocka_unit_test(a_fixed_date_before_and_after_the_registration_day),
		cmocka_unit_test(a_fixed_29th_of_february),
		cmocka_unit_test(reclaimable_on_the_exact_day),
		cmocka_unit_test(due_soon_overdue_expiring_expired),
		cmocka_unit_test(settings_and_bad_ones_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
