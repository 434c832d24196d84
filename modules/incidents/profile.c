/*
 * profile.c — the named reporting rules a site follows (issue 14): each
 * profile is the set of clock limits one document sets, with that
 * document's name and version, which every incident keeps (schema 033)
 * next to the limits themselves, as it keeps its taxonomy version.
 *
 *   seed003          校政字〔2019〕91号 appendix 9 (the seed the clock was built
 *                    from): first report 30 min, 缓报 to 1 h, 漏报 to 2 h, then
 *                    瞒报; written report 1 h after the start; the sheet
 *                    reviewed 1 h after discovery; rectification 1 working day.
 *   seed000          校党字〔2020〕21号 §4(3), another school's variant: a call
 *                    within 30 min, the sealed handling report within 24 h
 *                    (the written report and the reviewed sheet); the bands
 *                    after the first deadline as seed 003's.
 *   national2025-*   the national incident-reporting measures in force
 *                    2025-11-01: the first report within 1 h for operators of
 *                    critical information infrastructure (cii), 2 h for
 *                    central organs (central), 4 h for everyone else (other);
 *                    the measures set only that deadline, so the bands after
 *                    it keep seed 003's shape (缓报 to twice it, 漏报 to four
 *                    times it) and the written report is due with it.
 *
 * A site picks one with incidents.profile; any of the incidents.*_minutes
 * and rectify_workdays keys it also sets overrides that profile's value.
 */
#include <string.h>
#include "clock.h"

#define MIN(n) { LIM_MINUTES, n }
#define HRS(n) { LIM_HOURS, n }
#define WD(n) { LIM_WORKDAYS, n }
/* first on time, late, missed; written; review; rectify — in the documents' own units */
static const struct inc_profile profiles[] = {
	{ "seed003", "2019-91", MIN(30), MIN(60), MIN(120), MIN(60), MIN(60), WD(1) },
	{ "seed000", "2020-21", MIN(30), MIN(60), MIN(120), HRS(24), HRS(24), WD(1) },
	{ "national2025-cii", "2025-11-01", HRS(1), HRS(2), HRS(4), HRS(1), HRS(1), WD(1) },
	{ "national2025-central", "2025-11-01", HRS(2), HRS(4), HRS(8), HRS(2), HRS(2), WD(1) },
	{ "national2025-other", "2025-11-01", HRS(4), HRS(8), HRS(16), HRS(4), HRS(4), WD(1) },
};

void
inc_profile_limits(const struct inc_profile *p, struct inc_limits *out)
{
	/* the table above states only exact limits for the timed steps and working days for rectify */
	out->first_ontime = lim_seconds(p->first_ontime);
	out->first_late = lim_seconds(p->first_late);
	out->first_missed = lim_seconds(p->first_missed);
	out->written = lim_seconds(p->written);
	out->review = lim_seconds(p->review);
	out->rectify_days = p->rectify.n;
}

const struct inc_profile *
inc_profile_find(const char *code)
{
	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(profiles[i].code, code) == 0)
			return &profiles[i];
	return NULL;
}
