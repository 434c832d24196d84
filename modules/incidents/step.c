/*
 * step.c — a step of the procedure on an incident (seed 003 appendix 9):
 * POST {id}/oral, written, review, handled, rectify, propose, confirm,
 * close.  Who may take which step when is act.c's.
 *
 *   oral     the office logs a phone call: when it came and who called
 *   written  the sheet, as it stands, is the unit's written report (now)
 *   review   the unit head reviewed the mid-incident sheet (now, by name)
 *   handled  handling ended (when); the rectification report is then due
 *            by the end of the working day(s) after (the calendar's)
 *   rectify  the rectification report (level IV: the written report on the
 *            handling): its text, and the signed paper as a file if sent
 *   propose  the office proposes the level; confirm: a leader decides it
 *   close    the office closes the incident; from then on it is read-only
 *
 * Each step is one transaction (tx.h): the row locked (SELECT … FOR UPDATE), its
 * version compared with the form's, the step applied, the next deadline
 * recomputed, the row updated WHERE id AND version, the step logged with
 * who and when, the audit row with the state before and after.  A form
 * from an older version gets 409 with the incident as it is now and what
 * was submitted — unless the incident is one version on and its last step
 * is this very one by this account: the form's double submit, which goes
 * to the incident.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "incidents.h"
#include "resp.h"
#include "tx.h"

enum { F_ORAL_AT, F_CALLER, F_HANDLED_AT, F_LEVEL, F_TEXT, F_VERSION, F__MAX };

static const struct vfield fields[F__MAX] = {
	[F_ORAL_AT]    = { "oral_at", V_TEXT, 0, 19, NULL },
	[F_CALLER]     = { "caller", V_TEXT, 0, 32, NULL },
	[F_HANDLED_AT] = { "handled_at", V_TEXT, 0, 19, NULL },
	[F_LEVEL]      = { "level", V_CHOICE, 0, 1, inc_level_choices },
	[F_TEXT]       = { "text", V_MULTILINE, 0, INC_TEXT_MAX, NULL },
	[F_VERSION]    = { "version", V_INT, 0, 10, NULL },
};

/* The fields each step requires (besides the version). */
static const int required[INC_ACT__MAX][3] = {
	[INC_ACT_ORAL] = { F_ORAL_AT, F_CALLER, -1 },
	[INC_ACT_WRITTEN] = { -1 },
	[INC_ACT_REVIEW] = { -1 },
	[INC_ACT_HANDLED] = { F_HANDLED_AT, -1 },
	[INC_ACT_RECTIFY] = { F_TEXT, -1 },
	[INC_ACT_PROPOSE] = { F_LEVEL, -1 },
	[INC_ACT_CONFIRM] = { F_LEVEL, -1 },
	[INC_ACT_CLOSE] = { -1 },
	[INC_ACT_EDIT] = { -1 },
};

/* The columns a step changes, by the order of INC_SQL_UPDATE_STEPS (before next_due). */
static const int state_cols[] = { IC_REPORTED, IC_REVIEWED_BY, IC_LEVEL_PROPOSED, IC_LEVEL,
	IC_ORAL_AT, IC_WRITTEN_AT, IC_REVIEW_AT, IC_HANDLED_AT, IC_RECTIFY_AT, IC_RECTIFY_DUE,
	IC_CLOSED_AT, IC_STATUS, IC_NEXT_DUE, IC_NEXT_STEP };
static const char *const state_names[] = { "reported_at", "reviewed_by", "level_proposed", "level",
	"oral_at", "written_at", "review_at", "handled_at", "rectify_at", "rectify_due", "closed_at",
	"status", "next_due", "next_step" };
#define NSTATE (sizeof(state_cols) / sizeof(state_cols[0]))

/* The step the path names: the last segment of /incidents/ID/STEP. */
static int
step_of(const struct ctx *c)
{
	const char *s = strrchr(c->req.path, '/');
	for (int a = 0; s != NULL && a < INC_ACT__MAX; a++)
		if (a != INC_ACT_EDIT && strcmp(s + 1, inc_act_code[a]) == 0)
			return a;
	return -1;
}

/* The state a step changes, as the audit's JSON. */
static const char *
state_json(struct ctx *c, const struct inc *in)
{
	struct buf b;
	buf_init(&b, c->ar, 4096);
	for (size_t i = 0; i < NSTATE; i++) {
		buf_printf(&b, "%s\"%s\":\"", i ? "," : "{", state_names[i]);
		buf_json(&b, in->v[state_cols[i]]);
		buf_str(&b, "\"");
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

/* The incident page again, with the step's form as submitted (422, 409, 413). */
static int
again(struct ctx *c, int status, const struct inc *in, int act, const char **vals, const char **errs)
{
	const char *mine = vals[F_VERSION];
	if (status == 409) {
		pg_conflict(c);
		vals[F_VERSION] = in->v[IC_VERSION];	/* submitting again is a decision over the incident now */
	}
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	/* which of the page's forms it is, and the version it was made from */
	pg_attr(c->data->last, "step", inc_act_code[act]);
	pg_attr(c->data->last, "from-version", mine);
	return inc_page(c, in, status);
}

struct last {
	char kind[16], by[65];
};

static int
last_row(void *arg, const struct db_row *r)
{
	struct last *l = arg;	/* every step in order: the last one stays */
	snprintf(l->kind, sizeof(l->kind), "%s", r->v[ST_KIND]);
	snprintf(l->by, sizeof(l->by), "%s", r->v[ST_BY]);
	return 0;
}

/*
 * Is this the form's double submit: the incident one version past the
 * form's, and its last step this very step by this account?
 */
static int
double_submit(struct ctx *c, const struct inc *now, int act, const char *version)
{
	struct last l = { "", "" };
	struct db_val p[] = { DBI(now->id) };
	return now->version == atoll(version) + 1 &&
	    SQL_RUN(c, INC_SQL_STEPS, p, last_row, &l) == DB_OK &&
	    strcmp(l.kind, inc_act_code[act]) == 0 && strcmp(l.by, c->acct.login) == 0;
}

/*
 * Applies step act to in->v: the times (at: the form's, else now), the
 * level, the status; then the deadline the rectification report gets from
 * the end of handling, and the next deadline.  The step's detail in *detail.
 */
static void
apply(struct ctx *c, struct inc *in, int act, const char **vals, long at, const char **detail)
{
	char b[20], *t;
	inc_time_format(at, b);
	t = ar_strdup(c->ar, b);
	*detail = "";
	switch (act) {
	case INC_ACT_ORAL:
	case INC_ACT_WRITTEN:
		in->v[act == INC_ACT_ORAL ? IC_ORAL_AT : IC_WRITTEN_AT] = t;
		if (at < inc_time(in->v[IC_REPORTED]))
			in->v[IC_REPORTED] = t;	/* the first report: oral or written, whichever came first */
		*detail = vals[F_CALLER];
		break;
	case INC_ACT_REVIEW:
		in->v[IC_REVIEW_AT] = t;
		in->v[IC_REVIEWED_BY] = c->acct.name;
		break;
	case INC_ACT_HANDLED:
		in->v[IC_HANDLED_AT] = t;
		inc_time_format(inc_workdays_end(c->cal, at, in->lim.rectify_days), b);
		in->v[IC_RECTIFY_DUE] = ar_strdup(c->ar, b);
		break;
	case INC_ACT_RECTIFY:
		in->v[IC_RECTIFY_AT] = t;
		*detail = vals[F_TEXT];
		break;
	case INC_ACT_PROPOSE:
	case INC_ACT_CONFIRM:
		in->v[act == INC_ACT_PROPOSE ? IC_LEVEL_PROPOSED : IC_LEVEL] = vals[F_LEVEL];
		*detail = vals[F_LEVEL];
		break;
	case INC_ACT_CLOSE:
		in->v[IC_CLOSED_AT] = t;
		in->v[IC_STATUS] = "closed";
		break;
	}
	inc_times_of(in);
	inc_next_of(in, inc_now(), b, &in->v[IC_NEXT_STEP]);
	in->v[IC_NEXT_DUE] = ar_strdup(c->ar, b);
}

/* A column as a parameter: empty times and levels "0" are NULL. */
static struct db_val
param(const struct inc *in, int col)
{
	const char *v = in->v[col];
	if (col == IC_REVIEWED_BY || col == IC_STATUS || col == IC_NEXT_DUE || col == IC_NEXT_STEP ||
	    col == IC_REPORTED)
		return DBS(v);
	if ((col == IC_LEVEL || col == IC_LEVEL_PROPOSED) && strcmp(v, "0") == 0)
		return DBN;
	return DBSN(v);
}

/* Checks the step's fields: the required ones, the times (not future, not before the start). */
static size_t
check(struct ctx *c, const struct inc *in, int act, const char **vals, const char **errs, long *at)
{
	size_t bad = 0;
	const char *e;
	for (int i = 0; i < 3 && required[act][i] >= 0; i++)
		if (*vals[required[act][i]] == '\0' && errs[required[act][i]] == NULL) {
			errs[required[act][i]] = "required";
			bad++;
		}
	*at = inc_now();
	int f = act == INC_ACT_ORAL ? F_ORAL_AT : act == INC_ACT_HANDLED ? F_HANDLED_AT : -1;
	if (f >= 0 && errs[f] == NULL) {
		if ((e = inc_check_time(vals[f], inc_now(), at)) != NULL)
			errs[f] = e;
		else if (*at < in->t.start)
			errs[f] = "before_start";
		bad += errs[f] != NULL;
	}
	return bad;
}

/* What a step's transaction needs from the checked form. */
struct step {
	int act;
	const char **vals;
	long at;				/* when the step was taken */
	const struct req_file *file;		/* the rectification report's paper, or NULL */
	enum sniff_type type;
};

/*
 * Takes the step on the incident locked at the form's version: its new
 * state (and the file sent with it), the step's row, the audit row with the
 * state before and after.  409: the incident moved on, or its state does
 * not allow the step any more.
 */
static int
step_tx(struct tx *t, void *arg)
{
	const struct step *sp = arg;
	struct ctx *c = t->c;
	const char *detail, *before;
	long long file_id = 0;
	struct inc now;
	enum db_rc rc;

	int st = inc_lock(c, c->id, sp->vals[F_VERSION], sp->act, &now);
	if (st != TX_COMMIT)
		return st;
	before = state_json(c, &now);
	apply(c, &now, sp->act, sp->vals, sp->at, &detail);
	if (sp->file != NULL && (rc = inc_file_store(c, sp->file, sp->type, now.unit_id, &file_id)) != DB_OK)
		return rc;
	struct db_val up[NSTATE + 3];
	for (size_t i = 0; i < NSTATE; i++)
		up[i] = param(&now, state_cols[i]);
	up[NSTATE] = DBS(c->acct.login);
	up[NSTATE + 1] = DBI(c->id);
	up[NSTATE + 2] = DBI(now.version);
	if ((rc = SQL_RUN(c, INC_SQL_UPDATE_STEPS, up, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	char b[20], recorded[20];
	inc_time_format(sp->at, b);
	inc_time_format(inc_now(), recorded);
	struct db_val row[] = {
		DBI(c->id), DBS(inc_act_code[sp->act]), DBS(b), DBS(recorded), DBS(c->acct.login),
		DBS(c->acct.name), DBS(detail), file_id ? DBI(file_id) : DBN,
	};
	if ((rc = SQL_RUN(c, INC_SQL_STEP_INSERT, row, NULL, NULL)) != DB_OK)
		return rc;
	t->record = "incident";
	t->id = c->id;
	t->action = inc_act_code[sp->act];
	t->before = before;
	t->after = state_json(c, &now);
	t->then = ar_printf(c->ar, "/incidents/%lld?saved=1", c->id);
	return TX_COMMIT;
}

/*
 * A lost race: the incident as it is now with the step's form as sent,
 * unless the incident's last step is this very one (the form's double
 * submit: done).
 */
static int
conflict(struct ctx *c, int act, const char **vals)
{
	struct inc now;
	int st = inc_find(c, &now);
	if (st != 200)
		return st;
	if (double_submit(c, &now, act, vals[F_VERSION]))
		return resp_redirect(c, ar_printf(c->ar, "/incidents/%lld?saved=1", c->id));
	if (strcmp(now.v[IC_STATUS], "closed") == 0)
		pg_msg(c, "", "closed");
	return again(c, 409, &now, act, vals, NULL);
}

int
inc_step(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *ferr = NULL;
	struct step sp = { .act = step_of(c), .vals = vals, .type = SNIFF_OTHER };
	struct inc in;
	int st;

	if (sp.act < 0)
		return 404;
	if ((st = inc_find(c, &in)) != 200)
		return st;
	if (!inc_may(c, &in, sp.act))
		return auth_deny(c, "incident", c->id);
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (*vals[F_VERSION] == '\0')
		return 400;	/* every step form carries it: this one was not made by the page */
	bad += check(c, &in, sp.act, vals, errs, &sp.at);
	if (sp.act == INC_ACT_RECTIFY && (sp.file = inc_upload(c, "file", &sp.type, &ferr)) != NULL && ferr) {
		pg_msg(c, "file", ferr);
		if (strcmp(ferr, "too_large") == 0)
			return again(c, 413, &in, sp.act, vals, errs);
		bad++;
	}
	if (bad)
		return again(c, 422, &in, sp.act, vals, errs);
	/* a step has no nonce: its double submit is told by the incident's last step */
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, step_tx, &sp);
	return st == 409 ? conflict(c, sp.act, vals) : st;
}
