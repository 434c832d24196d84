/* workday.c — see workday.h.  Civil-date arithmetic after H. Hinnant. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "workday.h"

int
wd_ymd(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return WD_INVALID;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return WD_INVALID;
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
wd_civil(int day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
wd_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (day + 3) % 7;
	return w < 0 ? w + 7 : w;
}

int
wd_parse(const char *s)
{
	int y, m, d, n = 0;
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return WD_INVALID;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return WD_INVALID;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return WD_INVALID;
	return wd_ymd(y, m, d);
}

void
wd_format(int day, char out[11])
{
	int y, m, d;
	wd_civil(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	const int v[3] = { y, m, d }, w[3] = { 4, 2, 2 };
	char *p = out;
	for (int k = 0; k < 3; k++) {
		for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
			p[i] = (char)('0' + x % 10);
		p += w[k];
		*p++ = k < 2 ? '-' : '\0';
	}
}

int
wd_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return wd_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void
wd_now(char out[WD_NOW_LEN])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, WD_NOW_LEN, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Index of the first exception on or after day. */
static size_t
lower_bound(const struct wd_cal *c, int day)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->day[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
wd_init(struct wd_cal *c)
{
	c->n = 0;
	c->first = c->last = WD_INVALID;
}

int
wd_add_exception(struct wd_cal *c, int day, enum wd_kind kind)
{
	if (day == WD_INVALID || (kind != WD_HOLIDAY && kind != WD_WORKDAY))
		return -1;
	size_t lo = lower_bound(c, day);
	if (lo < c->n && c->day[lo] == day) {
		c->kind[lo] = (unsigned char)kind;	/* the later row wins */
		return 0;
	}
	if (c->n == WD_MAX_EXCEPTIONS)
		return -1;
	memmove(c->day + lo + 1, c->day + lo, (c->n - lo) * sizeof(c->day[0]));
	memmove(c->kind + lo + 1, c->kind + lo, c->n - lo);
	c->day[lo] = day;
	c->kind[lo] = (unsigned char)kind;
	c->n++;
	if (c->first == WD_INVALID || day < c->first)
		c->first = day;
	if (c->last == WD_INVALID || day > c->last)
		c->last = day;
	return 0;
}

int
wd_add_text(struct wd_cal *c, const char *date, const char *kind)
{
	enum wd_kind k = strcmp(kind, "workday") == 0 ? WD_WORKDAY :
	    strcmp(kind, "holiday") == 0 ? WD_HOLIDAY : 0;
	return wd_add_exception(c, wd_parse(date), k);
}

int
wd_is_workday(const struct wd_cal *c, int day)
{
	size_t lo = lower_bound(c, day);
	if (lo < c->n && c->day[lo] == day)
		return c->kind[lo] == WD_WORKDAY;
	return wd_weekday(day) < 5;
}

int
wd_add(const struct wd_cal *c, int day, int n)
{
	if (day == WD_INVALID || n < 0)
		return WD_INVALID;
	for (int span = 0; n > 0; span++) {
		if (span > WD_MAX_SPAN)
			return WD_INVALID;
		day++;
		if (wd_is_workday(c, day))
			n--;
	}
	return day;
}

int
wd_between(const struct wd_cal *c, int from, int to)
{
	int n = 0;
	if (from == WD_INVALID || to == WD_INVALID)
		return 0;
	if (to - from > WD_MAX_SPAN)
		to = from + WD_MAX_SPAN;
	for (int d = from + 1; d <= to; d++)
		n += wd_is_workday(c, d);
	return n;
}

int
wd_add_months(int day, int n)
{
	int y, m, d;
	wd_civil(day, &y, &m, &d);
	long months = (long)y * 12 + (m - 1) + n;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	/* 2025-08-31 + 6 months is the last day of February, not a day in March */
	while (d > 28 && wd_ymd(y, m, d) == WD_INVALID)
		d--;
	return wd_ymd(y, m, d);
}

const char *
wd_today_str(struct arena *ar)
{
	char *t = ar_alloc(ar, 11);
	if (t == NULL)
		return "";
	wd_format(wd_today(), t);
	return t;
}
