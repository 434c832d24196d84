/*
 * due.c — when a system's next assessment is due (seed 003 art. 23): level 4
 * every 6 months, level 3 every 12, level 2 every 24 (site settings
 * systems.cycle_months_N), counted from the last assessment or, before the
 * first one, from the go-live date.  Level 1 has no cycle.  A critical
 * information infrastructure system also owes a yearly assessment report
 * by Dec 15 (systems.cii_due): in the year after its last assessment, or
 * this year when it has none.  The earlier date wins.
 */
#include "systems.h"
#include "workday.h"

int
sys_next_due(int level, int last_assessed, int golive, int cii)
{
	int due = WD_INVALID, from = last_assessed != WD_INVALID ? last_assessed : golive;
	if (level >= 1 && level <= 4 && sys_set.cycle[level] > 0 && from != WD_INVALID)
		due = wd_add_months(from, sys_set.cycle[level]);
	if (cii) {
		int y, m, d;
		wd_civil(last_assessed != WD_INVALID ? last_assessed : wd_today(), &y, &m, &d);
		int report = wd_ymd(last_assessed != WD_INVALID ? y + 1 : y, sys_set.cii_month, sys_set.cii_day);
		if (due == WD_INVALID || report < due)
			due = report;
	}
	return due;
}
