/*
 * due.c — when a system's next assessment is due (seed 003 art. 23): level 4
 * every 6 months, level 3 every 12, level 2 every 24 (site settings
 * systems.cycle_months_N), counted from the last assessment or, before the
 * first one, from the go-live date.  Level 1 has no cycle.
 *
 * Critical information infrastructure also owes a yearly assessment report
 * by Dec 15 (seed 000 §4(5); systems.cii_due): the one of the year after
 * its last assessment, or before the first assessment the first such date
 * on or after going live.  The earlier of the two dates wins.  A retired
 * system owes nothing, nor does one with neither an assessment nor a
 * go-live date.
 *
 * Pure: no clock, no globals, so tests/unit/test_systems_due.c includes
 * this file and checks every rule.
 */
#include <stdio.h>
#include "systems.h"

int
sys_next_due(const struct sys_settings *set, const struct sys_due_in *in, enum sys_due_kind *kind)
{
	int cycle = WD_INVALID, cii = WD_INVALID, y, m, d;
	int from = in->last != WD_INVALID ? in->last : in->golive;

	*kind = SYS_DUE_NONE;
	if (in->retired || from == WD_INVALID)
		return WD_INVALID;
	if (in->level >= 1 && in->level <= 4 && set->cycle[in->level] > 0)
		cycle = wd_add_months(from, set->cycle[in->level]);
	if (in->cii) {
		wd_civil(from, &y, &m, &d);
		cii = wd_ymd(y, set->cii_month, set->cii_day);
		/* Feb 29 in a common year: the 28th */
		if (cii == WD_INVALID)
			cii = wd_ymd(y, set->cii_month, set->cii_day - 1);
		if (in->last != WD_INVALID || cii < from)
			cii = wd_add_months(cii, 12);
	}
	if (cii != WD_INVALID && (cycle == WD_INVALID || cii <= cycle)) {
		*kind = SYS_DUE_CII;
		return cii;
	}
	if (cycle != WD_INVALID)
		*kind = SYS_DUE_CYCLE;
	return cycle;
}

int
sys_settings_parse(struct sys_settings *set, const struct config *cfg)
{
	static const int def[5] = { 0, 0, 24, 12, 6 };
	char key[40];
	const char *cii = config_get(cfg, "systems.cii_due", "12-15");
	int n = 0;

	set->cycle[0] = set->cycle[1] = 0;
	for (int l = 2; l <= 4; l++) {
		snprintf(key, sizeof(key), "systems.cycle_months_%d", l);
		set->cycle[l] = (int)config_int(cfg, key, def[l], 1, 120);
	}
	/* any leap year takes every MM-DD */
	if (sscanf(cii, "%2d-%2d%n", &set->cii_month, &set->cii_day, &n) != 2 || cii[n] != '\0' ||
	    wd_ymd(2024, set->cii_month, set->cii_day) == WD_INVALID)
		return -1;
	return 0;
}
