/*
 * test_remind_plan.c — the reminders' schedule (modules/home/plan.c, pure,
 * included here) across weekends, the National Day holidays and their
 * make-up workdays: each "before" step once, the due day (the last working
 * day before a deadline on a day off), every working day late with the
 * unit head and then the office added, nothing on a day off; the hour
 * clock's stages; the setting's parser; and the message's shape
 * (modules/home/mail.c: encoded subject, 7-bit lines, no header injection).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../modules/home/plan.c"
#include "../../modules/home/mail.c"

static int
D(const char *s)
{
	int d = wd_parse(s);
	if (d == WD_INVALID)
		fail_msg("bad date literal %s", s);
	return d;
}

static struct rm_sched
sched(void)
{
	struct rm_sched s;
	memset(&s, 0, sizeof(s));
	assert_int_equal(rm_parse_before("3,1", &s), 0);
	s.head_after = 1;
	s.office_after = 3;
	s.hour_office_secs = 3600;
	return s;
}

/* The stage on day today of an item due on due, "" when none; *aud its audience. */
static const char *
stage(const struct wd_cal *c, const char *today, const char *due, unsigned *aud)
{
	static char st[RM_STAGE_LEN];
	struct rm_sched s = sched();
	*aud = 0;
	if (!rm_plan_day(c, &s, D(today), D(due), st, aud))
		return "";
	return st;
}

static void
a_week_before_at_and_after(void **state)
{
	struct wd_cal c;
	unsigned a;
	wd_init(&c);
	/* due Thursday 2026-12-10 */
	assert_string_equal(stage(&c, "2026-12-04", "2026-12-10", &a), "");	/* Fri: 4 working days left */
	assert_string_equal(stage(&c, "2026-12-07", "2026-12-10", &a), "before:3");
	assert_int_equal(a, RM_AUD_ACTOR);
	assert_string_equal(stage(&c, "2026-12-08", "2026-12-10", &a), "before:3");	/* 2 left: the same step */
	assert_string_equal(stage(&c, "2026-12-09", "2026-12-10", &a), "before:1");
	assert_string_equal(stage(&c, "2026-12-10", "2026-12-10", &a), "due");
	assert_int_equal(a, RM_AUD_ACTOR);
	assert_string_equal(stage(&c, "2026-12-11", "2026-12-10", &a), "late:2026-12-11");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
	assert_string_equal(stage(&c, "2026-12-12", "2026-12-10", &a), "");	/* Saturday */
	assert_string_equal(stage(&c, "2026-12-13", "2026-12-10", &a), "");	/* Sunday */
	assert_string_equal(stage(&c, "2026-12-14", "2026-12-10", &a), "late:2026-12-14");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
	assert_string_equal(stage(&c, "2026-12-15", "2026-12-10", &a), "late:2026-12-15");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD | RM_AUD_OFFICE);	/* 3 working days late */
}

static void
a_deadline_on_a_weekend(void **state)
{
	struct wd_cal c;
	unsigned a;
	wd_init(&c);
	/* due Saturday 2026-12-12: Friday is its last working day */
	assert_string_equal(stage(&c, "2026-12-10", "2026-12-12", &a), "before:1");
	assert_string_equal(stage(&c, "2026-12-11", "2026-12-12", &a), "due");
	assert_string_equal(stage(&c, "2026-12-12", "2026-12-12", &a), "");
	assert_string_equal(stage(&c, "2026-12-14", "2026-12-12", &a), "late:2026-12-14");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
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

static void
holidays_and_makeup_days(void **state)
{
	struct wd_cal c;
	unsigned a;
	national_day(&c);
	/* due Thursday 10-08, the first working day after the holidays */
	assert_string_equal(stage(&c, "2026-09-27", "2026-10-08", &a), "");	/* make-up Sunday: 4 left */
	assert_string_equal(stage(&c, "2026-09-28", "2026-10-08", &a), "before:3");
	assert_string_equal(stage(&c, "2026-09-30", "2026-10-08", &a), "before:1");	/* a week away, 1 working day */
	for (int d = 1; d <= 7; d++) {
		char day[11];
		snprintf(day, sizeof(day), "2026-10-%02d", d);
		assert_string_equal(stage(&c, day, "2026-10-08", &a), "");	/* a holiday: nothing */
	}
	assert_string_equal(stage(&c, "2026-10-08", "2026-10-08", &a), "due");
	/* due Friday 10-09: late on the make-up Saturday, which is a working day */
	assert_string_equal(stage(&c, "2026-10-10", "2026-10-09", &a), "late:2026-10-10");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
	/* due on the last day before the holidays: late by 1 on 10-08, the office from the third */
	assert_string_equal(stage(&c, "2026-10-08", "2026-09-30", &a), "late:2026-10-08");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
	assert_string_equal(stage(&c, "2026-10-10", "2026-09-30", &a), "late:2026-10-10");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD | RM_AUD_OFFICE);
	/* a year's end: due Thursday 2026-12-31, seen Monday 12-28 and on 2027-01-04 */
	wd_init(&c);
	assert_int_equal(wd_add_text(&c, "2027-01-01", "holiday"), 0);
	assert_string_equal(stage(&c, "2026-12-28", "2026-12-31", &a), "before:3");
	assert_string_equal(stage(&c, "2027-01-01", "2026-12-31", &a), "");
	assert_string_equal(stage(&c, "2027-01-04", "2026-12-31", &a), "late:2027-01-04");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
}

static void
the_hour_clock(void **state)
{
	struct rm_sched s = sched();
	char st[RM_STAGE_LEN];
	unsigned a;
	long due = (long)D("2026-10-03") * 86400 + 10 * 3600;	/* a holiday counts for an hour's clock */
	assert_int_equal(rm_plan_hour(&s, due - 1800, due, st, &a), 1);
	assert_string_equal(st, "open");
	assert_int_equal(a, RM_AUD_ACTOR);
	rm_plan_hour(&s, due - 1800, -1, st, &a);	/* no deadline (an outage): at once all the same */
	assert_string_equal(st, "open");
	rm_plan_hour(&s, due, due, st, &a);
	assert_string_equal(st, "late");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD);
	rm_plan_hour(&s, due + 3599, due, st, &a);
	assert_string_equal(st, "late");
	rm_plan_hour(&s, due + 3600, due, st, &a);
	assert_string_equal(st, "office");
	assert_int_equal(a, RM_AUD_ACTOR | RM_AUD_HEAD | RM_AUD_OFFICE);
}

static void
the_setting_parsed(void **state)
{
	struct rm_sched s;
	assert_int_equal(rm_parse_before(" 5, 3 1 ", &s), 0);
	assert_int_equal(s.nbefore, 3);
	assert_int_equal(s.before[0], 5);
	assert_int_equal(s.before[2], 1);
	assert_int_equal(rm_parse_before("", &s), 0);
	assert_int_equal(s.nbefore, 0);
	static const char *const bad[] = { "0", "61", "3;1", "x", "1,2,3,4,5,6,7,8,9", "-1" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (rm_parse_before(bad[i], &s) != -1)
			fail_msg("\"%s\" was taken", bad[i]);
}

static void
the_message(void **state)
{
	struct arena ar;
	struct buf b;
	ar_init(&ar);
	buf_init(&b, &ar, 1 << 20);
	const char *subj = "【网安提醒】3 项待办事项提醒 / wangan: 3 to-do reminder(s) 很长很长很长很长很长的标题";
	assert_int_equal(rm_message(&b, "wangan@campus.edu.cn", "a@b.cn", subj, "第一行\n第二行\nEnglish\n", 42,
	    1796630400L), 0);
	const char *m = buf_cstr(&b);
	assert_non_null(strstr(m, "\r\nSubject: =?UTF-8?B?"));
	assert_non_null(strstr(m, "Message-ID: <wangan-remind-42@campus.edu.cn>\r\n"));
	assert_non_null(strstr(m, "Content-Type: text/plain; charset=UTF-8\r\n"));
	assert_non_null(strstr(m, "\r\n\r\n"));
	/* 7-bit, every line short, every line ended by CRLF */
	size_t col = 0;
	for (const char *p = m; *p; p++) {
		assert_true((unsigned char)*p < 0x80);
		if (*p == '\n') {
			assert_true(p > m && p[-1] == '\r');
			col = 0;
		} else if (++col > 78)
			fail_msg("a line of more than 78 characters: %.90s", p - 77);
	}
	/* "第一行\r\n" in base64: the body's lines are CRLF before encoding */
	assert_non_null(strstr(m, "56ys5LiA6KGMDQrnrKzkuozooYwNC"));
	buf_init(&b, &ar, 1 << 20);
	assert_int_equal(rm_message(&b, "wangan@campus.edu.cn", "a@b.cn\r\nBcc: x@y", "s", "b", 1, 0), -1);
	assert_int_equal(rm_message(&b, "wangan@campus.edu.cn", "", "s", "b", 1, 0), -1);
	ar_free(&ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_week_before_at_and_after),
		cmocka_unit_test(a_deadline_on_a_weekend),
		cmocka_unit_test(holidays_and_makeup_days),
		cmocka_unit_test(the_hour_clock),
		cmocka_unit_test(the_setting_parsed),
		cmocka_unit_test(the_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
