/*
 * due.c — the cloud module's date rules (due.h says which).  Pure: no
 * clock, no globals, so tests/unit/test_cloud_due.c includes this file and
 * checks every rule.
 */
#include <ctype.h>
#include <string.h>
#include "due.h"

/* MM-DD in year y; 29 February in a common year is the 28th. */
static int
in_year(int y, int m, int d)
{
	int day = wd_ymd(y, m, d);
	return day != WD_INVALID ? day : wd_ymd(y, m, d - 1);
}

int
cl_next_rereg(const struct cl_due_set *s, int registered, int period_to)
{
	int due, y, m, d;

	if (registered == WD_INVALID)
		return WD_INVALID;
	if (s->rereg_month == 0) {
		due = wd_add_months(registered, 12);	/* keeps the day, or the month's last */
	} else {
		wd_civil(registered, &y, &m, &d);
		due = in_year(y, s->rereg_month, s->rereg_day);
		if (due <= registered)	/* this year's is on or before the registration: next year's */
			due = in_year(y + 1, s->rereg_month, s->rereg_day);
	}
	/* a period that ends first: it ends, no re-registration is due */
	if (period_to != WD_INVALID && period_to < due)
		return WD_INVALID;
	return due;
}

int
cl_reclaim_from(const struct cl_due_set *s, int registered)
{
	if (registered == WD_INVALID)
		return WD_INVALID;
	return wd_add_months(registered, 12 * s->reclaim_years);
}

int
cl_reclaim_cutoff(const struct cl_due_set *s, int today)
{
	/*
	 * Going back the years from today lands on the 28th for a today of
	 * 28 February, while a registration of 29 February is reclaimable then
	 * too (its years end on the 28th): step on while the next day is.
	 */
	int cut = wd_add_months(today, -12 * s->reclaim_years);
	while (cl_reclaim_from(s, cut + 1) <= today)
		cut++;
	while (cl_reclaim_from(s, cut) > today)
		cut--;
	return cut;
}

enum cl_due_state
cl_rereg_state(const struct cl_due_set *s, int due, int today)
{
	if (due == WD_INVALID)
		return CL_DUE_NONE;
	if (due < today)
		return CL_DUE_PAST;
	return due - today <= s->rereg_notice ? CL_DUE_SOON : CL_DUE_LATER;
}

enum cl_due_state
cl_expiry_state(const struct cl_due_set *s, int period_to, int today)
{
	if (period_to == WD_INVALID)
		return CL_DUE_NONE;
	if (period_to < today)
		return CL_DUE_PAST;
	return period_to - today <= s->expiry_notice ? CL_DUE_SOON : CL_DUE_LATER;
}

int
cl_due_parse(struct cl_due_set *s, const struct config *cfg, const char **msg)
{
	const char *d = config_get(cfg, "cloud.rereg_date", "");

	s->reclaim_years = (int)config_int(cfg, "cloud.reclaim_years", 3, 1, 50);
	s->rereg_notice = (int)config_int(cfg, "cloud.rereg_notice_days", 30, 0, 366);
	s->expiry_notice = (int)config_int(cfg, "cloud.expiry_notice_days", 30, 0, 366);
	s->rereg_month = s->rereg_day = 0;
	if (*d == '\0')
		return 0;
	/* exactly MM-DD, a day some year has (any leap year has every one) */
	if (strlen(d) != 5 || !isdigit((unsigned char)d[0]) || !isdigit((unsigned char)d[1]) || d[2] != '-' ||
	    !isdigit((unsigned char)d[3]) || !isdigit((unsigned char)d[4]) ||
	    wd_ymd(2024, (d[0] - '0') * 10 + d[1] - '0', (d[3] - '0') * 10 + d[4] - '0') == WD_INVALID) {
		*msg = "cloud.rereg_date must be MM-DD (a day of the year) or empty";
		return -1;
	}
	s->rereg_month = (d[0] - '0') * 10 + d[1] - '0';
	s->rereg_day = (d[3] - '0') * 10 + d[4] - '0';
	return 0;
}
