/*
 * test_systems_due.c — when a system's next assessment is due
 * (modules/systems/due.c, included here: it is pure): every level's cycle
 * from the last assessment and from the go-live date, across a year end
 * and a month end; level 1 and ungraded systems; retired ones; the CII
 * yearly report (Dec 15) and which date wins; the settings' parsing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../modules/systems/due.c"

static const struct sys_settings set = { { 0, 0, 24, 12, 6 }, 12, 15 };

static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

/* The due date of (level, last, go-live, cii, retired) as text, "" for none; *kind set. */
static const char *
due(int level, const char *last, const char *golive, int cii, int retired, enum sys_due_kind *kind)
{
	static char out[11];
	struct sys_due_in in = { level, last ? D(last) : WD_INVALID, golive ? D(golive) : WD_INVALID,
		cii, retired };
	int d = sys_next_due(&set, &in, kind);
	out[0] = '\0';
	if (d != WD_INVALID)
		wd_format(d, out);
	return out;
}

static void
every_level_from_the_last_assessment_across_a_year_end(void **state)
{
	enum sys_due_kind k;
	(void)state;
	assert_string_equal(due(4, "2025-11-30", "2020-01-01", 0, 0, &k), "2026-05-30");
	assert_int_equal(k, SYS_DUE_CYCLE);
	assert_string_equal(due(3, "2025-11-30", "2020-01-01", 0, 0, &k), "2026-11-30");
	assert_string_equal(due(2, "2025-11-30", "2020-01-01", 0, 0, &k), "2027-11-30");
	/* the last assessment wins over the go-live date */
	assert_string_equal(due(3, "2026-12-31", "2026-01-15", 0, 0, &k), "2027-12-31");
}

static void
every_level_from_go_live_without_an_assessment(void **state)
{
	enum sys_due_kind k;
	(void)state;
	assert_string_equal(due(4, NULL, "2025-10-20", 0, 0, &k), "2026-04-20");
	assert_string_equal(due(3, NULL, "2025-10-20", 0, 0, &k), "2026-10-20");
	assert_string_equal(due(2, NULL, "2025-10-20", 0, 0, &k), "2027-10-20");
	assert_int_equal(k, SYS_DUE_CYCLE);
}

static void
month_ends_clamp(void **state)
{
	enum sys_due_kind k;
	(void)state;
	assert_string_equal(due(4, "2025-08-31", NULL, 0, 0, &k), "2026-02-28");
	assert_string_equal(due(4, "2027-08-31", NULL, 0, 0, &k), "2028-02-29");	/* leap year */
	assert_string_equal(due(2, "2024-02-29", NULL, 0, 0, &k), "2026-02-28");
	assert_string_equal(due(3, "2024-02-29", NULL, 0, 0, &k), "2025-02-28");
}

static void
no_cycle_no_date(void **state)
{
	enum sys_due_kind k;
	(void)state;
	assert_string_equal(due(1, "2025-05-05", "2025-01-01", 0, 0, &k), "");
	assert_int_equal(k, SYS_DUE_NONE);
	assert_string_equal(due(0, NULL, "2025-01-01", 0, 0, &k), "");	/* not graded */
	assert_string_equal(due(3, NULL, NULL, 0, 0, &k), "");		/* not live, never assessed */
	assert_string_equal(due(4, "2025-05-05", "2025-01-01", 1, 1, &k), "");	/* retired */
	assert_int_equal(k, SYS_DUE_NONE);
}

static void
cii_report_dec_15(void **state)
{
	enum sys_due_kind k;
	(void)state;
	/* assessed in March: this year's report is in, next year's Dec 15 beats a 2-year cycle */
	assert_string_equal(due(2, "2026-03-01", "2020-01-01", 1, 0, &k), "2027-12-15");
	assert_int_equal(k, SYS_DUE_CII);
	/* a level 4 cycle comes first */
	assert_string_equal(due(4, "2026-03-01", "2020-01-01", 1, 0, &k), "2026-09-01");
	assert_int_equal(k, SYS_DUE_CYCLE);
	/* assessed after Dec 15: the next year's report */
	assert_string_equal(due(3, "2025-12-20", NULL, 1, 0, &k), "2026-12-15");
	assert_int_equal(k, SYS_DUE_CII);
	/* never assessed: the first Dec 15 on or after going live */
	assert_string_equal(due(3, NULL, "2026-06-30", 1, 0, &k), "2026-12-15");
	assert_string_equal(due(3, NULL, "2026-12-15", 1, 0, &k), "2026-12-15");
	assert_string_equal(due(3, NULL, "2026-12-16", 1, 0, &k), "2027-12-15");
	assert_int_equal(k, SYS_DUE_CII);
	/* level 1 CII: the report alone */
	assert_string_equal(due(1, "2026-01-10", NULL, 1, 0, &k), "2027-12-15");
	/* the same day from both rules: the report is named */
	assert_string_equal(due(3, "2025-12-15", NULL, 1, 0, &k), "2026-12-15");
	assert_int_equal(k, SYS_DUE_CII);
}

static void
settings(void **state)
{
	struct config cfg;
	struct sys_settings s;
	char err[128];
	(void)state;
	assert_int_equal(config_parse(&cfg, "systems.cycle_months_3 = 6\nsystems.cii_due = 11-30\n",
	    err, sizeof(err)), 0);
	assert_int_equal(sys_settings_parse(&s, &cfg), 0);
	assert_int_equal(s.cycle[1], 0);
	assert_int_equal(s.cycle[2], 24);
	assert_int_equal(s.cycle[3], 6);
	assert_int_equal(s.cycle[4], 6);
	assert_int_equal(s.cii_month, 11);
	assert_int_equal(s.cii_day, 30);
	assert_int_equal(config_parse(&cfg, "systems.cii_due = 12-32\n", err, sizeof(err)), 0);
	assert_int_equal(sys_settings_parse(&s, &cfg), -1);
	assert_int_equal(config_parse(&cfg, "systems.cii_due = 12-15x\n", err, sizeof(err)), 0);
	assert_int_equal(sys_settings_parse(&s, &cfg), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_level_from_the_last_assessment_across_a_year_end),
		cmocka_unit_test(every_level_from_go_live_without_an_assessment),
		cmocka_unit_test(month_ends_clamp),
		cmocka_unit_test(no_cycle_no_date),
		cmocka_unit_test(cii_report_dec_15),
		cmocka_unit_test(settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
