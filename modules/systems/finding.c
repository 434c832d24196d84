/*
 * finding.c — what an assessment found, each to fix by a deadline.  The
 * office adds findings to a system's assessment (a form on the system
 * page, with a nonce: a double submit adds one); the system's unit or the
 * office records when a finding was fixed, or clears that date again.
 *
 * Recording it done is an edit: the form carries the finding's version,
 * and if someone saved the finding in between, the POST gets 409 with the
 * finding as it is now beside the date typed (unless it already holds that
 * date: the same edit submitted twice).  Every write is one transaction
 * with its audit row (tx.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "systems.h"
#include "tx.h"

const struct vfield sys_finding_fields[SYS_FF__MAX] = {
	[SYS_FF_ASSESSMENT] = { "assessment", V_INT, 1, 20, NULL },
	[SYS_FF_TEXT]       = { "finding", V_MULTILINE, 1, 1000, NULL },
	[SYS_FF_DEADLINE]   = { "fix_deadline", V_DATE, 1, 10, NULL },
	[SYS_FF_NONCE]      = { "nonce", V_TOKEN, 1, 32, NULL },
};

enum { F_DONE, F_VERSION, F__MAX };

static const struct vfield fields[F__MAX] = {
	[F_DONE]    = { "done_date", V_DATE, 0, 10, NULL },
	[F_VERSION] = { "version", V_INT, 1, 10, NULL },
};

/* A finding as SYS_SQL_FINDING gives it (enum sys_finding_col). */
struct finding {
	struct ctx *c;
	const char *v[sys_finding_col__MAX];
	int n;
};

static int
finding_row(void *arg, const struct db_row *r)
{
	struct finding *f = arg;
	for (int i = 0; i < sys_finding_col__MAX; i++)
		f->v[i] = ar_strdup(f->c->ar, r->v[i]);
	f->n++;
	return 0;
}

static enum db_rc
load(struct ctx *c, long long id, struct finding *f, int lock)
{
	struct db_val p[] = { DBI(id) };
	memset(f, 0, sizeof(*f));
	f->c = c;
	return lock ? SQL_RUN(c, SYS_SQL_FINDING_LOCK, p, finding_row, f) :
	    SQL_RUN(c, SYS_SQL_FINDING, p, finding_row, f);
}

/* The assessment a finding is added to, and its date once found among the system's. */
struct adate {
	long long id;
	char date[11];
};

static int
assessment_row(void *arg, const struct db_row *r)
{
	struct adate *a = arg;
	if (atoll(r->v[AS_ID]) == a->id)
		snprintf(a->date, sizeof(a->date), "%s", r->v[AS_DATE]);
	return 0;
}

/* What adding a finding needs from the validated form. */
struct added {
	const char **vals;
	long long assessment;
};

static int
add_tx(struct tx *t, void *arg)
{
	struct added *ad = arg;
	struct ctx *c = t->c;
	const char **vals = ad->vals;
	struct db_val ins[] = {
		DBI(ad->assessment), DBI(c->id), DBS(vals[SYS_FF_TEXT]), DBS(vals[SYS_FF_DEADLINE]),
		DBS(vals[SYS_FF_NONCE]), DBS(c->acct.login), DBS(c->acct.login),
	};
	enum db_rc rc = SQL_RUN(c, SYS_SQL_FINDING_INSERT, ins, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 4096);
	buf_printf(&b, "{\"system\":%lld,\"assessment\":%lld,\"fix_deadline\":\"%s\",\"finding\":\"",
	    c->id, ad->assessment, vals[SYS_FF_DEADLINE]);
	buf_json(&b, vals[SYS_FF_TEXT]);
	buf_str(&b, "\"}");
	t->record = "finding";
	t->id = (long long)db_insert_id(c->db);
	t->action = "create";
	t->after = buf_cstr(&b);
	t->then = ar_printf(c->ar, "/systems/%lld?saved=1#findings", c->id);
	return TX_COMMIT;
}

/* POST {id}/findings: the office adds a finding to one of the system's assessments. */
int
sys_finding_add(struct ctx *c)
{
	const char *vals[SYS_FF__MAX], *errs[SYS_FF__MAX];
	struct adate a = { 0, "" };
	struct sys s;
	int st;

	size_t bad = valid_form(sys_finding_fields, SYS_FF__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[SYS_FF_NONCE] || errs[SYS_FF_ASSESSMENT])
		return 400;	/* the form's own fields, not something a user typed */
	if ((st = sys_open(c, c->id, &s, 1)) != 200)
		return st;
	a.id = atoll(vals[SYS_FF_ASSESSMENT]);
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, SYS_SQL_ASSESSMENTS, p, assessment_row, &a);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (a.date[0] == '\0')
		return 400;	/* not an assessment of this system */
	if (errs[SYS_FF_DEADLINE] == NULL && strcmp(vals[SYS_FF_DEADLINE], a.date) < 0) {
		errs[SYS_FF_DEADLINE] = "sys_before";
		bad++;
	}
	if (bad)
		return sys_view_page(c, 422, vals, errs);
	struct added ad = { vals, a.id };
	struct tx t = { .c = c, .nonce = vals[SYS_FF_NONCE] };
	return tx_run(&t, add_tx, &ad);
}

/* <finding id system assessment assessed deadline done? version updated-by updated-at><text/></finding> */
static void
finding_node(struct ctx *c, const struct finding *f)
{
	xmlNodePtr n = pg_node(c->data, "finding");
	pg_attr(n, "id", f->v[FC_ID]);
	pg_attr(n, "system", f->v[FC_SYSTEM]);
	pg_attr(n, "assessment", f->v[FC_ASSESSMENT]);
	pg_attr(n, "assessed", f->v[FC_ASSESSED]);
	pg_attr(n, "deadline", f->v[FC_DEADLINE]);
	if (*f->v[FC_DONE])
		pg_attr(n, "done", f->v[FC_DONE]);
	else if (strcmp(f->v[FC_DEADLINE], wd_today_str(c->ar)) < 0)
		pg_attr(n, "overdue", "1");
	pg_attr(n, "version", f->v[FC_VERSION]);
	pg_attr(n, "updated-by", f->v[FC_UPDATED_BY]);
	pg_attr(n, "updated-at", f->v[FC_UPDATED_AT]);
	pg_text(n, "text", f->v[FC_TEXT]);
}

/* The finding c->id and its system, for writing: 200, 404, 403 (audited) or APP_LOST/500. */
static int
open_finding(struct ctx *c, struct finding *f, struct sys *s)
{
	enum db_rc rc = load(c, c->id, f, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (f->n == 0)
		return 404;
	return sys_open(c, atoll(f->v[FC_SYSTEM]), s, 1);
}

static int
form_page(struct ctx *c, int status, const struct sys *s, const struct finding *f, const char **vals,
    const char **errs)
{
	c->view = VIEW(SYS_VIEW_FINDING);
	sys_node(c, c->data, "system", s);
	finding_node(c, f);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
sys_finding_form(struct ctx *c)
{
	struct finding f;
	struct sys s;
	const char *vals[F__MAX];
	int st = open_finding(c, &f, &s);
	if (st != 200)
		return st;
	vals[F_DONE] = *f.v[FC_DONE] ? f.v[FC_DONE] : wd_today_str(c->ar);
	vals[F_VERSION] = f.v[FC_VERSION];
	return form_page(c, 200, &s, &f, vals, NULL);
}

/* A lost race: the finding as it is now beside the date typed. */
static int
conflict(struct ctx *c, const struct sys *s, const struct finding *f, const char **vals)
{
	struct finding now;
	enum db_rc rc = load(c, c->id, &now, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	/* the finding already holds the typed date: this edit's double submit landed */
	if (now.n && strcmp(now.v[FC_DONE], vals[F_DONE]) == 0)
		return resp_redirect(c, ar_printf(c->ar, "/systems/%s?saved=1#findings", f->v[FC_SYSTEM]));
	pg_conflict(c);
	vals[F_VERSION] = now.v[FC_VERSION];	/* submitting again is a decision over the newer record */
	return form_page(c, 409, s, now.n ? &now : f, vals, NULL);
}

/* What recording a finding done needs: the form, and the finding as the form showed it. */
struct done {
	const char **vals;
	const struct finding *f;
};

/*
 * Records the finding done (or open again) from the version the form
 * started from.  409: it changed since; 404: it is gone.
 */
static int
done_tx(struct tx *t, void *arg)
{
	struct done *d = arg;
	struct ctx *c = t->c;
	const char **vals = d->vals;
	struct finding now;
	enum db_rc rc;

	if ((rc = load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if (strcmp(now.v[FC_VERSION], vals[F_VERSION]) != 0)
		return 409;
	struct db_val p[] = { DBSN(vals[F_DONE]), DBS(c->acct.login), DBI(c->id), DBI(atoll(vals[F_VERSION])) };
	if ((rc = SQL_RUN(c, SYS_SQL_FINDING_DONE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->record = "finding";
	t->id = c->id;
	t->action = *vals[F_DONE] ? "done" : "reopen";
	t->before = ar_printf(c->ar, "{\"done_date\":\"%s\"}", now.v[FC_DONE]);
	t->after = ar_printf(c->ar, "{\"done_date\":\"%s\"}", vals[F_DONE]);
	t->then = ar_printf(c->ar, "/systems/%s?saved=1#findings", d->f->v[FC_SYSTEM]);
	return TX_COMMIT;
}

int
sys_finding_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct finding f;
	struct sys s;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int st = open_finding(c, &f, &s);
	if (st != 200)
		return st;
	if (errs[F_DONE] == NULL && *vals[F_DONE]) {
		if (strcmp(vals[F_DONE], wd_today_str(c->ar)) > 0)
			errs[F_DONE] = "sys_future", bad++;
		else if (strcmp(vals[F_DONE], f.v[FC_ASSESSED]) < 0)
			errs[F_DONE] = "sys_before", bad++;
	}
	if (bad)
		return form_page(c, 422, &s, &f, vals, errs);
	struct done d = { vals, &f };
	struct tx t = { .c = c, .nonce = NULL };	/* an edit: the version check, no nonce */
	st = tx_run(&t, done_tx, &d);
	return st == 409 ? conflict(c, &s, &f, vals) : st;
}
