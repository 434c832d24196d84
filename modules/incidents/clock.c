/* clock.c — see clock.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "clock.h"

#define DAY 86400L

const char *const inc_clk_code[INC_CLK__MAX] = { "first", "written", "review", "handled", "rectify" };
const char *const inc_class_code[INC_CLASS__MAX] = {
	"na", "waiting", "pending", "overdue", "done", "on_time", "late", "missed", "concealed",
};

enum inc_class
inc_first_class(const struct inc_limits *l, long delay)
{
	if (delay <= l->first_ontime)
		return INC_ONTIME;
	if (delay <= l->first_late)
		return INC_LATE;
	if (delay <= l->first_missed)
		return INC_MISSED;
	return INC_CONCEALED;
}

/* A step with a deadline: on time or late once done, pending or overdue before. */
static enum inc_class
by_due(long at, long due, long now)
{
	if (due == INC_NONE)
		return at == INC_NONE ? INC_WAITING : INC_DONE;
	if (at != INC_NONE)
		return at <= due ? INC_ONTIME : INC_LATE;
	return now <= due ? INC_PENDING : INC_OVERDUE;
}

static long
earliest(long a, long b)
{
	if (a == INC_NONE)
		return b;
	if (b == INC_NONE)
		return a;
	return a < b ? a : b;
}

void
inc_clock(const struct inc_limits *l, const struct inc_times *t, long now, struct inc_clock *out)
{
	int simple = t->level == 4;	/* level IV: handled and a written report */

	for (int k = 0; k < INC_CLK__MAX; k++) {
		out->at[k] = out->due[k] = INC_NONE;
		out->cls[k] = INC_NA;
	}
	out->at[INC_CLK_FIRST] = earliest(t->oral, t->written);
	out->at[INC_CLK_WRITTEN] = t->written;
	out->at[INC_CLK_REVIEW] = t->review;
	out->at[INC_CLK_HANDLED] = t->handled;
	out->at[INC_CLK_RECTIFY] = t->rectify;
	if (!simple) {
		out->due[INC_CLK_FIRST] = t->start + l->first_ontime;
		out->due[INC_CLK_WRITTEN] = t->start + l->written;
		out->due[INC_CLK_REVIEW] = t->discovered + l->review;
	}
	out->due[INC_CLK_RECTIFY] = t->rectify_due;
	for (int k = 0; k < INC_CLK__MAX; k++)
		if (!simple || k == INC_CLK_HANDLED || k == INC_CLK_RECTIFY)
			out->cls[k] = by_due(out->at[k], out->due[k], now);
	/* the first report has four classes, not two */
	if (!simple && out->at[INC_CLK_FIRST] != INC_NONE)
		out->cls[INC_CLK_FIRST] = inc_first_class(l, out->at[INC_CLK_FIRST] - t->start);
	out->next = -1;
	out->next_due = INC_NONE;
	for (int k = 0; k < INC_CLK__MAX; k++) {
		if (out->cls[k] != INC_PENDING && out->cls[k] != INC_OVERDUE)
			continue;
		if (out->next < 0 || out->due[k] < out->next_due) {
			out->next = k;
			out->next_due = out->due[k];
		}
	}
}

const char *
inc_next(const struct inc_limits *l, const struct inc_times *t, long now, int closed, int proposed,
    long *due)
{
	struct inc_clock k;
	*due = INC_NONE;
	if (closed)
		return "";
	inc_clock(l, t, now, &k);
	if (k.next >= 0) {
		*due = k.next_due;
		return inc_clk_code[k.next];
	}
	if (k.cls[INC_CLK_HANDLED] == INC_WAITING)
		return "handled";
	if (t->level == 0)
		return proposed ? "confirm" : "propose";
	return "close";
}

long
inc_workdays_end(const struct wd_cal *cal, long t, int days)
{
	long end = lim_end(cal, t, (struct lim){ LIM_WORKDAYS, days });
	return end == LIM_NONE ? INC_NONE : end;
}

long
inc_time(const char *s)
{
	char date[11];
	int h, m, sec = 0, n = 0;
	size_t len = s ? strlen(s) : 0;
	if (len != 16 && len != 19)
		return INC_NONE;
	if (s[10] != ' ' && s[10] != 'T')
		return INC_NONE;
	memcpy(date, s, 10);
	date[10] = '\0';
	int day = wd_parse(date);
	if (day == WD_INVALID || day < 0)
		return INC_NONE;
	/* HH:MM or HH:MM:SS, digits only */
	for (size_t i = 11; i < len; i++)
		if ((i == 13 || i == 16) ? s[i] != ':' : (s[i] < '0' || s[i] > '9'))
			return INC_NONE;
	if (len == 16 && sscanf(s + 11, "%2d:%2d%n", &h, &m, &n) != 2)
		return INC_NONE;
	if (len == 19 && sscanf(s + 11, "%2d:%2d:%2d%n", &h, &m, &sec, &n) != 3)
		return INC_NONE;
	if (h > 23 || m > 59 || sec > 59)
		return INC_NONE;
	return (long)day * DAY + h * 3600L + m * 60L + sec;
}

void
inc_time_format(long t, char out[20])
{
	char date[11];
	if (t < 0) {
		out[0] = '\0';
		return;
	}
	long s = t % DAY;
	wd_format((int)(t / DAY), date);
	snprintf(out, 20, "%s %02ld:%02ld:%02ld", date, s / 3600, s / 60 % 60, s % 60);
}

long
inc_now(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int day = wd_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return (long)day * DAY + tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
}
