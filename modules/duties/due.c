/*
 * due.c — the duties' calendar and figures (due.h).  Pure, so the unit
 * tests include it (tests/unit/test_duties_due.c).
 */
#include <stdio.h>
#include <string.h>
#include "due.h"

/* A figure's largest value: DECIMAL(12,2), in hundredths, with room to spare for the sums. */
#define DU_FIG_MAX 999999999999LL

int
du_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
du_month_days(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && du_leap(year) ? 29 : days[month - 1];
}

int
du_due_date(int year, int month, int day, char out[11])
{
	out[0] = '\0';
	if (year < DU_YEAR_MIN || year > DU_YEAR_MAX || month < 1 || month > 12 || day < 1)
		return -1;
	int last = du_month_days(year, month);
	snprintf(out, 11, "%04d-%02d-%02d", year, month, day > last ? last : day);
	return 0;
}

/* n digits of s as a number, or -1 when one is no digit. */
static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
du_date_in_year(const char *s, int year)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	return y == year && m >= 1 && m <= 12 && d >= 1 && d <= du_month_days(y, m);
}

enum du_stand
du_standing(const char *state, const char *due, const char *today)
{
	if (strcmp(state, "accepted") == 0)
		return DU_DONE;
	if (strcmp(state, "submitted") == 0)
		return DU_SUBMITTED;
	/* due by the end of its day: overdue from the next day on (ISO dates compare as text) */
	if (*due && strcmp(due, today) < 0)
		return DU_OVERDUE;
	return strcmp(state, "returned") == 0 ? DU_RETURNED : DU_OPEN;
}

const char *
du_stand_name(enum du_stand s)
{
	static const char *const names[DU_STAND__MAX] = {
		[DU_OPEN] = "open", [DU_RETURNED] = "returned", [DU_SUBMITTED] = "submitted",
		[DU_DONE] = "done", [DU_OVERDUE] = "overdue",
	};
	return s < DU_STAND__MAX ? names[s] : "open";
}

const char *
du_figure_parse(const char *s, int decimals, long long lo, long long hi, long long *out)
{
	size_t i = strspn(s, "0123456789"), f = 0;
	long long whole = 0, frac = 0;
	*out = 0;
	/* at most 10 whole digits: DECIMAL(12,2) */
	if (i == 0 || i > 10)
		return "du_number";
	for (size_t k = 0; k < i; k++)
		whole = whole * 10 + (s[k] - '0');
	if (s[i] == '.') {
		f = strspn(s + i + 1, "0123456789");
		if (f == 0 || (int)f > decimals)
			return "du_number";
		frac = (s[i + 1] - '0') * 10 + (f > 1 ? s[i + 2] - '0' : 0);
		i += f + 1;
	}
	if (s[i] != '\0')
		return "du_number";
	long long v = whole * 100 + frac;
	if (v > DU_FIG_MAX || v < lo || v > hi)
		return "du_range";
	*out = v;
	return NULL;
}

void
du_figure_format(long long v, int decimals, char out[24])
{
	const char *sign = v < 0 ? "-" : "";
	long long a = v < 0 ? -v : v;
	if (decimals <= 0)
		snprintf(out, 24, "%s%lld", sign, a / 100);
	else if (decimals == 1)
		snprintf(out, 24, "%s%lld.%lld", sign, a / 100, (a % 100) / 10);
	else
		snprintf(out, 24, "%s%lld.%02lld", sign, a / 100, a % 100);
}

long long
du_hundredths(const char *s)
{
	int neg = *s == '-';
	long long v;
	const char *p = s + neg;
	if (du_figure_parse(p, 2, 0, DU_FIG_MAX, &v) != NULL)
		return -1;
	return neg ? -v : v;
}
