/* limit.c — see limit.h. */
#include <stdlib.h>
#include <string.h>
#include "limit.h"

const char *const lim_unit_code[LIM_UNIT__MAX] = { "minutes", "hours", "days", "workdays" };

/* the suffixes lim_parse() reads, in lim_unit's order */
static const char *const suffix[LIM_UNIT__MAX] = { "min", "h", "d", "wd" };

static int
good(struct lim l)
{
	return l.unit >= LIM_MINUTES && l.unit < LIM_UNIT__MAX && l.n >= 0 && l.n <= LIM_N_MAX;
}

long
lim_seconds(struct lim l)
{
	if (!good(l))
		return LIM_NONE;
	if (l.unit == LIM_MINUTES)
		return 60L * l.n;
	if (l.unit == LIM_HOURS)
		return 3600L * l.n;
	return LIM_NONE;
}

int
lim_day(const struct wd_cal *c, int day, struct lim l)
{
	if (!good(l) || day == WD_INVALID)
		return WD_INVALID;
	if (l.unit == LIM_DAYS)
		return day + l.n;
	if (l.unit == LIM_WORKDAYS)
		return wd_add(c, day, l.n);
	return WD_INVALID;
}

long
lim_end(const struct wd_cal *c, long t, struct lim l)
{
	if (t < 0 || !good(l))
		return LIM_NONE;
	long s = lim_seconds(l);
	if (s != LIM_NONE)
		return t + s;
	int d = lim_day(c, (int)(t / LIM_DAY), l);
	if (d == WD_INVALID)
		return LIM_NONE;
	return (long)d * LIM_DAY + LIM_DAY - 1;
}

int
lim_unit_find(const char *code)
{
	for (int u = 0; u < LIM_UNIT__MAX; u++)
		if (code != NULL && strcmp(code, lim_unit_code[u]) == 0)
			return u;
	return -1;
}

int
lim_parse(const char *s, struct lim *l)
{
	size_t k = 0;
	long n = 0;
	if (s == NULL)
		return -1;
	for (; s[k] >= '0' && s[k] <= '9'; k++) {
		n = n * 10 + (s[k] - '0');
		if (n > LIM_N_MAX)
			return -1;
	}
	if (k == 0)
		return -1;
	for (int u = 0; u < LIM_UNIT__MAX; u++)
		if (strcmp(s + k, suffix[u]) == 0) {
			l->unit = (enum lim_unit)u;
			l->n = (int)n;
			return 0;
		}
	return -1;
}
