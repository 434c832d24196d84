/*
 * plan.c — which reminder is due for an item now (remind.h).  Pure: the
 * unit tests include it (tests/unit/test_remind_plan.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "remind.h"

int
rm_plan_day(const struct wd_cal *cal, const struct rm_sched *s, int today, int due,
    char stage[RM_STAGE_LEN], unsigned *aud)
{
	/* a working-day deadline is nobody's business on a day off */
	if (!wd_is_workday(cal, today))
		return 0;
	*aud = RM_AUD_ACTOR;
	if (due < today) {
		int late = wd_between(cal, due, today);
		char d[11];
		wd_format(today, d);
		snprintf(stage, RM_STAGE_LEN, "late:%s", d);
		if (late >= s->head_after)
			*aud |= RM_AUD_HEAD;
		if (late >= s->office_after)
			*aud |= RM_AUD_OFFICE;
		return 1;
	}
	/* due on a day off ahead: the last working day before it is "due" (0 left) */
	int left = wd_between(cal, today, due);
	if (left == 0) {
		snprintf(stage, RM_STAGE_LEN, "due");
		return 1;
	}
	int best = -1;
	for (int i = 0; i < s->nbefore; i++)
		if (s->before[i] >= left && (best < 0 || s->before[i] < best))
			best = s->before[i];
	if (best < 0)
		return 0;
	snprintf(stage, RM_STAGE_LEN, "before:%d", best);
	return 1;
}

int
rm_plan_hour(const struct rm_sched *s, long now, long due, char stage[RM_STAGE_LEN], unsigned *aud)
{
	*aud = RM_AUD_ACTOR;
	if (due < 0 || now < due) {
		snprintf(stage, RM_STAGE_LEN, "open");
		return 1;
	}
	*aud |= RM_AUD_HEAD;
	if (now - due >= s->hour_office_secs) {
		*aud |= RM_AUD_OFFICE;
		snprintf(stage, RM_STAGE_LEN, "office");
	} else
		snprintf(stage, RM_STAGE_LEN, "late");
	return 1;
}

int
rm_parse_before(const char *v, struct rm_sched *s)
{
	s->nbefore = 0;
	while (*v) {
		while (*v == ',' || *v == ' ' || *v == '\t')
			v++;
		if (*v == '\0')
			break;
		char *end;
		long n = strtol(v, &end, 10);
		if (end == v || n < 1 || n > 60 || s->nbefore == RM_MAX_BEFORE)
			return -1;
		s->before[s->nbefore++] = (int)n;
		v = end;
		if (*v && *v != ',' && *v != ' ' && *v != '\t')
			return -1;
	}
	return 0;
}
