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

#define M 60L
static const struct inc_profile profiles[] = {
	{ "seed003", "2019-91", { 30 * M, 60 * M, 120 * M, 60 * M, 60 * M, 1 } },
	{ "seed000", "2020-21", { 30 * M, 60 * M, 120 * M, 24 * 60 * M, 24 * 60 * M, 1 } },
	{ "national2025-cii", "2025-11-01", { 60 * M, 120 * M, 240 * M, 60 * M, 60 * M, 1 } },
	{ "national2025-central", "2025-11-01", { 120 * M, 240 * M, 480 * M, 120 * M, 120 * M, 1 } },
	{ "national2025-other", "2025-11-01", { 240 * M, 480 * M, 960 * M, 240 * M, 240 * M, 1 } },
};

const struct inc_profile *
inc_profile_find(const char *code)
{
	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(profiles[i].code, code) == 0)
			return &profiles[i];
	return NULL;
}
