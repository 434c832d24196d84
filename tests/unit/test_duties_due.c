/*
 * test_duties_due.c — the duties' calendar and figures (modules/duties/due.c,
 * included here: it is pure): a yearly duty's due day in any year, a day
 * past the month's end clamped to it (29 February in a leap year only),
 * years and months out of range refused; a day set by the office checked
 * against its year; where an instance stands on, before and after its due
 * day; a figure's value by its decimals and range, and its formatting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../modules/duties/due.c"

static const char *
due(int y, int m, int d)
{
	static char out[11];
	if (du_due_date(y, m, d, out) != 0)
		return "";
	return out;
}

static void
a_yearly_day_in_any_year(void **state)
{
	(void)state;
	assert_string_equal(due(2026, 12, 15), "2026-12-15");
	assert_string_equal(due(2027, 12, 15), "2027-12-15");
	assert_string_equal(due(2026, 11, 30), "2026-11-30");
	assert_string_equal(due(2026, 1, 1), "2026-01-01");
}

static void
a_day_past_the_month_end_is_its_last(void **state)
{
	(void)state;
	assert_string_equal(due(2026, 2, 29), "2026-02-28");
	assert_string_equal(due(2028, 2, 29), "2028-02-29");
	assert_string_equal(due(2100 - 1, 2, 30), "2099-02-28");
	assert_string_equal(due(2000, 2, 30), "2000-02-29");	/* 400: a leap year */
	assert_string_equal(due(2026, 4, 31), "2026-04-30");
	assert_int_equal(du_month_days(1900, 2), 28);	/* 100, not 400: none */
}

static void
out_of_range_refused(void **state)
{
	(void)state;
	char out[11];
	assert_int_equal(du_due_date(1999, 12, 15, out), -1);
	assert_int_equal(du_due_date(2100, 12, 15, out), -1);
	assert_int_equal(du_due_date(2026, 13, 1, out), -1);
	assert_int_equal(du_due_date(2026, 0, 1, out), -1);
	assert_int_equal(du_due_date(2026, 12, 0, out), -1);
	assert_string_equal(out, "");
}

static void
a_day_the_office_sets_lies_in_its_year(void **state)
{
	(void)state;
	assert_true(du_date_in_year("2026-11-30", 2026));
	assert_true(du_date_in_year("2028-02-29", 2028));
	assert_false(du_date_in_year("2026-02-29", 2026));
	assert_false(du_date_in_year("2027-01-10", 2026));
	assert_false(du_date_in_year("2026-13-01", 2026));
	assert_false(du_date_in_year("2026-1-01", 2026));
	assert_false(du_date_in_year("", 2026));
}

static void
where_an_instance_stands(void **state)
{
	(void)state;
	/* due by the end of its day */
	assert_int_equal(du_standing("open", "2026-12-15", "2026-12-15"), DU_OPEN);
	assert_int_equal(du_standing("open", "2026-12-15", "2026-12-14"), DU_OPEN);
	assert_int_equal(du_standing("open", "2026-12-15", "2026-12-16"), DU_OVERDUE);
	assert_int_equal(du_standing("returned", "2026-12-15", "2026-12-01"), DU_RETURNED);
	assert_int_equal(du_standing("returned", "2026-12-15", "2027-01-01"), DU_OVERDUE);
	/* submitted or accepted: never overdue, however late today is */
	assert_int_equal(du_standing("submitted", "2026-12-15", "2027-03-01"), DU_SUBMITTED);
	assert_int_equal(du_standing("accepted", "2026-12-15", "2027-03-01"), DU_DONE);
	assert_string_equal(du_stand_name(DU_OVERDUE), "overdue");
	assert_string_equal(du_stand_name(DU_DONE), "done");
}

static void
a_figure_by_its_decimals_and_range(void **state)
{
	(void)state;
	long long v;
	assert_null(du_figure_parse("4", 1, 0, 100000, &v));
	assert_int_equal(v, 400);
	assert_null(du_figure_parse("8.5", 1, 0, 100000, &v));
	assert_int_equal(v, 850);
	assert_null(du_figure_parse("12.05", 2, 0, 100000, &v));
	assert_int_equal(v, 1205);
	assert_null(du_figure_parse("1000", 1, 0, 100000, &v));	/* the upper end itself */
	assert_string_equal(du_figure_parse("8.55", 1, 0, 100000, &v), "du_number");
	assert_null(du_figure_parse("3", 0, 0, 100000, &v));
	assert_int_equal(v, 300);
	assert_string_equal(du_figure_parse("3.0", 0, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("1000.1", 1, 0, 100000, &v), "du_range");
	assert_string_equal(du_figure_parse("-1", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("abc", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("4h", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("4,5", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse(".5", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("5.", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("", 1, 0, 100000, &v), "du_number");
	assert_string_equal(du_figure_parse("12345678901", 2, 0, 999999999999LL, &v), "du_number");
	assert_string_equal(du_figure_parse("101", 1, 0, 10000, &v), "du_range");	/* a share over 100 % */
}

static void
hundredths_and_their_text(void **state)
{
	(void)state;
	char out[24];
	assert_int_equal(du_hundredths("60.00"), 6000);
	assert_int_equal(du_hundredths("4.50"), 450);
	assert_int_equal(du_hundredths("-3.00"), -300);
	assert_int_equal(du_hundredths("x"), -1);
	du_figure_format(450, 1, out);
	assert_string_equal(out, "4.5");
	du_figure_format(450, 2, out);
	assert_string_equal(out, "4.50");
	du_figure_format(6000, 0, out);
	assert_string_equal(out, "60");
	du_figure_format(5, 2, out);
	assert_string_equal(out, "0.05");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_yearly_day_in_any_year),
		cmocka_unit_test(a_day_past_the_month_end_is_its_last),
		cmocka_unit_test(out_of_range_refused),
		cmocka_unit_test(a_day_the_office_sets_lies_in_its_year),
		cmocka_unit_test(where_an_instance_stands),
		cmocka_unit_test(a_figure_by_its_decimals_and_range),
		cmocka_unit_test(hundredths_and_their_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
