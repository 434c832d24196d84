/*
 * due.c — where a to-do item stands (due.h).  Pure, so the unit tests
 * include it (tests/unit/test_home_due.c).
 */
#include <string.h>
#include "due.h"

#define HM_DAY 86400L

int
hm_cutoff(const struct wd_cal *cal, int today, int soon_days)
{
	return soon_days > 0 ? wd_add(cal, today, soon_days) : today;
}

void
hm_stand_day(const struct wd_cal *cal, const struct hm_window *w, int due, struct hm_stand *out)
{
	out->left = out->late = out->late_days = -1;
	if (due < w->today) {
		out->group = HM_OVERDUE;
		out->late = wd_between(cal, due, w->today);
		out->late_days = (long)w->today - due;
		return;
	}
	/* from today to the due day: 0 when it is due today */
	out->left = wd_between(cal, w->today, due);
	out->group = due <= w->cutoff ? HM_SOON : HM_AWAITING;
}

void
hm_stand_time(const struct hm_window *w, long due, struct hm_stand *out)
{
	out->left = out->late = out->late_days = -1;
	if (due < w->now) {
		out->group = HM_OVERDUE;
		out->late = (w->now - due) / 60;
		return;
	}
	out->left = (due - w->now) / 60;
	out->group = due - w->now <= w->soon_secs ? HM_SOON : HM_AWAITING;
}

int
hm_due_add(const struct wd_cal *cal, int start, int n)
{
	return wd_add(cal, start, n);
}

int
hm_start_before(const struct wd_cal *cal, int day, int n)
{
	/* wd_add grows with its start, and never by less than a day per working day */
	int s = day - 1;
	for (int i = 0; i < WD_MAX_SPAN && wd_add(cal, s, n) >= day; i++)
		s--;
	return s;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

long
hm_time(const char *s)
{
	char d[11];
	int h = 0, m = 0, sec = 0;
	size_t n = strlen(s);
	if (n != 10 && n != 19)
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	int day = wd_parse(d);
	if (day == WD_INVALID)
		return -1;
	if (n == 19) {
		if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' ||
		    digits(s + 11, 2, &h) || digits(s + 14, 2, &m) || digits(s + 17, 2, &sec) ||
		    h > 23 || m > 59 || sec > 59)
			return -1;
	}
	return (long)day * HM_DAY + h * 3600L + m * 60L + sec;
}

/* The day of a "YYYY-MM-DD…" value, or WD_INVALID. */
static int
day_of(const char *s)
{
	long t = hm_time(s);
	return t < 0 ? WD_INVALID : (int)(t / 86400);
}

void
hm_stand_item(const struct wd_cal *cal, const struct hm_window *w, const char *clock, const char *kind,
    const char *due, const char *since, int resign_days, struct hm_stand *st, int *due_day)
{
	st->group = HM_AWAITING;
	st->left = st->late = st->late_days = -1;
	*due_day = WD_INVALID;
	if (strcmp(clock, "hour") == 0) {
		long t = *due ? hm_time(due) : -1;
		if (t >= 0)
			hm_stand_time(w, t, st);
		return;
	}
	int d = *due ? day_of(due) : WD_INVALID;
	/* a re-sign: its limit is a setting the view cannot know (schema/025-todo.sql) */
	if (d == WD_INVALID && strcmp(kind, "resign") == 0 && *since) {
		int s = day_of(since);
		if (s != WD_INVALID)
			*due_day = d = hm_due_add(cal, s, resign_days);
	}
	if (d != WD_INVALID)
		hm_stand_day(cal, w, d, st);
}
