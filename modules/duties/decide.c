/*
 * decide.c — an instance's steps: the owner submits it (POST ID/submit:
 * once it holds the files and the required figures its duty asks for), the
 * office accepts it (done) or returns it with a reason (POST ID/accept,
 * ID/return), and the owner may then complete and submit it again.
 *
 * Each step is an edit from the version the page showed, in one
 * transaction holding the instance's row, with its audit row (tx.h).  A
 * step sent twice finds the instance already where the first one took it
 * and goes to the page; any other change in between is a 409.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "duties.h"
#include "tx.h"

enum { SF_VERSION, SF_REASON, SF__MAX };
static const struct vfield fields[SF__MAX] = {
	[SF_VERSION] = { "version", V_INT, 1, 10, NULL },
	[SF_REASON]  = { "reason", V_MULTILINE, 0, 500, NULL },
};

enum step { ST_SUBMIT, ST_ACCEPT, ST_RETURN };
static const char *const step_state[] = {
	[ST_SUBMIT] = "submitted", [ST_ACCEPT] = "accepted", [ST_RETURN] = "returned",
};
static const char *const step_action[] = {
	[ST_SUBMIT] = "submit", [ST_ACCEPT] = "accept", [ST_RETURN] = "return",
};

struct step_arg {
	enum step step;
	const char **vals;
	const char *missing;	/* submit refused: du_files_missing, du_figures_missing */
};

static int
count_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

/* What a submission lacks, or NULL: the duty's files, its required figures. */
static enum db_rc
lacks(struct ctx *c, const struct du_inst *in, const char **what)
{
	long long nfiles = 0;
	struct du_figs fs;
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, DU_SQL_NFILES, p, count_row, &nfiles);
	*what = NULL;
	if (rc != DB_OK)
		return rc;
	if (nfiles < atoll(in->v[IN_MIN_FILES])) {
		*what = "du_files_missing";
		return DB_OK;
	}
	if ((rc = du_figures(c, c->id, &fs)) != DB_OK)
		return rc;
	for (size_t i = 0; i < fs.n; i++)
		if (strcmp(fs.f[i].v[FG_REQUIRED], "1") == 0 && *fs.f[i].v[FG_VALUE] == '\0')
			*what = "du_figures_missing";
	return DB_OK;
}

static int
step_tx(struct tx *t, void *arg)
{
	struct step_arg *s = arg;
	struct ctx *c = t->c;
	struct du_inst now;
	enum db_rc rc;

	s->missing = NULL;
	if ((rc = du_load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if (strcmp(now.v[IN_VERSION], s->vals[SF_VERSION]) != 0)
		return 409;
	if (s->step == ST_SUBMIT) {
		if (strcmp(now.v[IN_STATE], "open") != 0 && strcmp(now.v[IN_STATE], "returned") != 0)
			return 409;
		if ((rc = lacks(c, &now, &s->missing)) != DB_OK)
			return rc;
		if (s->missing != NULL)
			return 422;
		struct db_val p[] = { DBS(c->acct.login), DBS(c->acct.login), DBI(c->id),
			DBI(atoll(s->vals[SF_VERSION])) };
		rc = SQL_RUN(c, DU_SQL_SUBMIT, p, NULL, NULL);
	} else {
		if (strcmp(now.v[IN_STATE], "submitted") != 0)
			return 409;
		struct db_val p[] = { DBS(step_state[s->step]), DBS(s->step == ST_RETURN ? s->vals[SF_REASON] : ""),
			DBS(c->acct.login), DBS(c->acct.login), DBI(c->id), DBI(atoll(s->vals[SF_VERSION])) };
		rc = SQL_RUN(c, DU_SQL_DECIDE, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct buf b, a;
	buf_init(&b, c->ar, 1024);
	buf_init(&a, c->ar, 2048);
	buf_str(&b, "{");
	buf_json_field(&b, "state", now.v[IN_STATE]);
	buf_str(&b, "}");
	buf_str(&a, "{");
	buf_json_field(&a, "state", step_state[s->step]);
	if (s->step == ST_RETURN) {
		buf_str(&a, ",");
		buf_json_field(&a, "reason", s->vals[SF_REASON]);
	}
	buf_str(&a, "}");
	t->record = "duty_instance";
	t->id = c->id;
	t->action = step_action[s->step];
	t->before = buf_cstr(&b);
	t->after = buf_cstr(&a);
	t->then = ar_printf(c->ar, "/duties/%lld?saved=1", c->id);
	return TX_COMMIT;
}

static int
step(struct ctx *c, enum step which)
{
	const char *vals[SF__MAX], *errs[SF__MAX];
	struct du_inst in;
	struct du_form t = { 0 };

	size_t bad = valid_form(fields, SF__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[SF_VERSION])
		return 400;
	/* the office decides on every instance; the owner's accounts submit their own */
	int st = du_open(c, &in, which == ST_SUBMIT);
	if (st != 200)
		return st;
	if (which == ST_RETURN && errs[SF_REASON] == NULL && *vals[SF_REASON] == '\0')
		errs[SF_REASON] = "du_reason", bad++;
	if (which == ST_RETURN)
		du_form_add(&t, "reason", vals[SF_REASON], errs[SF_REASON]);
	if (bad)
		return du_again(c, 422, &in, &t);
	struct step_arg s = { which, vals, NULL };
	struct tx x = { .c = c, .nonce = NULL };
	st = tx_run(&x, step_tx, &s);
	if (st == 422 && s.missing != NULL) {
		du_form_add(&t, "", "", s.missing);
		return du_again(c, 422, &in, &t);
	}
	if (st != 409)
		return st;
	struct du_inst now;
	enum db_rc rc = du_load(c, c->id, &now, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (now.n == 0)
		return 404;
	/* the step already done (sent twice): the page, as after the first */
	if (strcmp(now.v[IN_STATE], step_state[which]) == 0)
		return resp_redirect(c, ar_printf(c->ar, "/duties/%lld?saved=1", c->id));
	pg_conflict(c);
	return du_again(c, 409, &now, &t);
}

int
du_submit(struct ctx *c)
{
	return step(c, ST_SUBMIT);
}

int
du_accept(struct ctx *c)
{
	return step(c, ST_ACCEPT);
}

int
du_return(struct ctx *c)
{
	return step(c, ST_RETURN);
}
