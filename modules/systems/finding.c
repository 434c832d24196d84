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
 * with its audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mysqld_error.h>
#include "systems.h"

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

/* A finding as SYS_SQL_FINDING gives it. */
enum { FC_ID, FC_SYSTEM, FC_ASSESSMENT, FC_TEXT, FC_DEADLINE, FC_DONE, FC_VERSION, FC_UPDATED_BY,
	FC_UPDATED_AT, FC_ASSESSED, FC__MAX };

struct finding {
	struct ctx *c;
	const char *v[FC__MAX];
	int n;
};

static int
finding_row(void *arg, const struct db_row *r)
{
	struct finding *f = arg;
	for (int i = 0; i < FC__MAX; i++)
		f->v[i] = ar_strdup(f->c->ar, r->v[i]);
	f->n++;
	return 0;
}

static enum db_rc
load(struct ctx *c, long long id, struct finding *f, int lock)
{
	struct db_val v = DBI(id);
	memset(f, 0, sizeof(*f));
	f->c = c;
	return db_run(c->db, SQL(lock ? SYS_SQL_FINDING_LOCK : SYS_SQL_FINDING), &v, 1, finding_row, f);
}

/* The assessment a finding is added to, and its date once found among the system's. */
struct adate {
	long long id;
	char date[11];
};

static int
assessment_row(void *arg, const struct db_row *r)
{
	/* id, date, … (SYS_SQL_ASSESSMENTS) */
	struct adate *a = arg;
	if (atoll(r->v[0]) == a->id)
		snprintf(a->date, sizeof(a->date), "%s", r->v[1]);
	return 0;
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
	if (app_done_before(c, SQL(SYS_SQL_FINDING_NONCE), vals[SYS_FF_NONCE], "/systems/", "?saved=1", &st))
		return st;
	a.id = atoll(vals[SYS_FF_ASSESSMENT]);
	struct db_val sv = DBI(c->id);
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_ASSESSMENTS), &sv, 1, assessment_row, &a);
	if (rc != DB_OK)
		return sys_db_status(rc);
	if (a.date[0] == '\0')
		return 400;	/* not an assessment of this system */
	if (errs[SYS_FF_DEADLINE] == NULL && strcmp(vals[SYS_FF_DEADLINE], a.date) < 0) {
		errs[SYS_FF_DEADLINE] = "sys_before";
		bad++;
	}
	if (bad)
		return sys_view_page(c, 422, vals, errs);
	if ((rc = db_begin(c->db)) != DB_OK)
		return sys_db_status(rc);
	struct db_val ins[] = {
		DBI(a.id), DBI(c->id), DBS(vals[SYS_FF_TEXT]), DBS(vals[SYS_FF_DEADLINE]),
		DBS(vals[SYS_FF_NONCE]), DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, SQL(SYS_SQL_FINDING_INSERT), ins, 7, NULL, NULL)) != DB_OK)
		goto fail;
	long long id = (long long)db_insert_id(c->db);
	struct buf b;
	buf_init(&b, c->ar, 4096);
	buf_printf(&b, "{\"system\":%lld,\"assessment\":%lld,\"fix_deadline\":\"%s\",\"finding\":\"",
	    c->id, a.id, vals[SYS_FF_DEADLINE]);
	buf_json(&b, vals[SYS_FF_TEXT]);
	buf_str(&b, "\"}");
	if ((rc = audit_write(c, "finding", id, "create", NULL, buf_cstr(&b))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/systems/%lld?saved=1#findings", c->id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (rc == DB_DUP && app_done_before(c, SQL(SYS_SQL_FINDING_NONCE), vals[SYS_FF_NONCE], "/systems/",
	    "?saved=1", &st))
		return st;
	return 500;
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
	else if (strcmp(f->v[FC_DEADLINE], sys_today(c)) < 0)
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
		return sys_db_status(rc);
	if (f->n == 0)
		return 404;
	return sys_open(c, atoll(f->v[FC_SYSTEM]), s, 1);
}

static int
form_page(struct ctx *c, int status, const struct sys *s, const struct finding *f, const char **vals,
    const char **errs)
{
	c->view = view_id("systems/finding");
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
	vals[F_DONE] = *f.v[FC_DONE] ? f.v[FC_DONE] : sys_today(c);
	vals[F_VERSION] = f.v[FC_VERSION];
	return form_page(c, 200, &s, &f, vals, NULL);
}

int
sys_finding_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct finding f, now;
	struct sys s;
	int tries = 0;
	enum db_rc rc;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int st = open_finding(c, &f, &s);
	if (st != 200)
		return st;
	if (errs[F_DONE] == NULL && *vals[F_DONE]) {
		if (strcmp(vals[F_DONE], sys_today(c)) > 0)
			errs[F_DONE] = "sys_future", bad++;
		else if (strcmp(vals[F_DONE], f.v[FC_ASSESSED]) < 0)
			errs[F_DONE] = "sys_before", bad++;
	}
	if (bad)
		return form_page(c, 422, &s, &f, vals, errs);
retry:
	if ((rc = db_begin(c->db)) != DB_OK)
		return sys_db_status(rc);
	if ((rc = load(c, c->id, &now, 1)) != DB_OK)
		goto fail;
	if (now.n == 0) {
		db_rollback(c->db);
		return 404;
	}
	if (strcmp(now.v[FC_VERSION], vals[F_VERSION]) != 0)
		goto conflict;
	struct db_val p[] = { DBSN(vals[F_DONE]), DBS(c->acct.login), DBI(c->id), DBI(atoll(vals[F_VERSION])) };
	if ((rc = db_run(c->db, SQL(SYS_SQL_FINDING_DONE), p, 4, NULL, NULL)) != DB_OK)
		goto fail;
	if (db_affected(c->db) != 1)
		goto conflict;
	if ((rc = audit_write(c, "finding", c->id, *vals[F_DONE] ? "done" : "reopen",
	    ar_printf(c->ar, "{\"done_date\":\"%s\"}", now.v[FC_DONE]),
	    ar_printf(c->ar, "{\"done_date\":\"%s\"}", vals[F_DONE]))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/systems/%s?saved=1#findings", f.v[FC_SYSTEM]));
conflict:
	db_rollback(c->db);
	if ((rc = load(c, c->id, &now, 0)) != DB_OK)
		return sys_db_status(rc);
	/* the finding already holds the typed date: this edit's double submit landed */
	if (now.n && strcmp(now.v[FC_DONE], vals[F_DONE]) == 0)
		return resp_redirect(c, ar_printf(c->ar, "/systems/%s?saved=1#findings", f.v[FC_SYSTEM]));
	pg_conflict(c);
	vals[F_VERSION] = now.v[FC_VERSION];	/* submitting again is a decision over the newer record */
	return form_page(c, 409, &s, now.n ? &now : &f, vals, NULL);
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (db_errno(c->db) == ER_LOCK_DEADLOCK && ++tries < 3)
		goto retry;
	return 500;
}
