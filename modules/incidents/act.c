/*
 * act.c — who may do what to an incident, and when (seed 003 appendix 9).
 *
 * Roles: a unit's staff and head report for their unit (the sheet, the
 * written report, the end of handling, the rectification report); only the
 * unit head reviews the mid-incident sheet; the office runs the flow (logs
 * oral reports, proposes the level, closes, and may enter any step for a
 * unit); a leader confirms the level; the auditor reads.
 *
 * State: nothing changes on a closed incident.  An oral report, the written
 * report, the review, the end of handling and the rectification report are
 * each recorded once.  The review follows the written report (it reviews
 * the sheet) and does not apply to a confirmed level IV.  The
 * rectification report follows the end of handling.  The office may
 * propose again until a leader confirms; a leader confirms a proposal.
 * Closing needs the confirmed level and every step of its flow done.
 */
#include <string.h>
#include "incidents.h"

const char *const inc_act_code[INC_ACT__MAX] = {
	"edit", "oral", "written", "review", "handled", "rectify", "propose", "confirm", "close",
};

int
inc_may(const struct ctx *c, const struct inc *in, enum inc_act act)
{
	int own = (c->acct.role & ROLES_UNIT) && c->acct.unit_id == in->unit_id;
	int office = c->acct.role == ROLE_OFFICE;

	switch (act) {
	case INC_ACT_REVIEW:
		return c->acct.role == ROLE_UNIT_HEAD && own;
	case INC_ACT_ORAL:
	case INC_ACT_PROPOSE:
	case INC_ACT_CLOSE:
		return office;
	case INC_ACT_CONFIRM:
		return c->acct.role == ROLE_LEADER;
	case INC_ACT_EDIT:
	case INC_ACT_WRITTEN:
	case INC_ACT_HANDLED:
	case INC_ACT_RECTIFY:
		return own || office;
	case INC_ACT__MAX:
		break;
	}
	return 0;
}

static int
done(const struct inc *in, enum inc_col col)
{
	return *in->v[col] != '\0';
}

int
inc_state_allows(const struct inc *in, enum inc_act act)
{
	int level = in->t.level;

	if (!strcmp(in->v[IC_STATUS], "closed"))
		return 0;
	switch (act) {
	case INC_ACT_EDIT:
		return 1;
	case INC_ACT_ORAL:
		return !done(in, IC_ORAL_AT);
	case INC_ACT_WRITTEN:
		return !done(in, IC_WRITTEN_AT);
	case INC_ACT_REVIEW:
		return !done(in, IC_REVIEW_AT) && done(in, IC_WRITTEN_AT) && level != 4;
	case INC_ACT_HANDLED:
		return !done(in, IC_HANDLED_AT);
	case INC_ACT_RECTIFY:
		return done(in, IC_HANDLED_AT) && !done(in, IC_RECTIFY_AT);
	case INC_ACT_PROPOSE:
		return level == 0;
	case INC_ACT_CONFIRM:
		return level == 0 && strcmp(in->v[IC_LEVEL_PROPOSED], "0") != 0;
	case INC_ACT_CLOSE:
		return level != 0 && done(in, IC_HANDLED_AT) && done(in, IC_RECTIFY_AT) &&
		    (level == 4 || (done(in, IC_WRITTEN_AT) && done(in, IC_REVIEW_AT)));
	case INC_ACT__MAX:
		break;
	}
	return 0;
}
