/*
 * assess.c — recording an assessment (等级测评) of a system: its date, the
 * agency, the result (pass, basic pass, fail), the score and the report
 * (PDF, JPEG or PNG by its bytes, at most 20 MiB, stored with its SHA-256
 * by the core's upload.c), and downloading the report again.  The office
 * records assessments; the report is served to those who may see the
 * system, as an attachment with the type sniffed when it was stored.
 *
 * Saving locks the system row, stores the report and the assessment, and
 * sets the system's last assessment and next due date from the latest
 * assessment by date, in one transaction with its audit row.  The form
 * carries a nonce (a unique key): a double submit records one assessment.
 * Assessments are never edited, so there is no version to check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mysqld_error.h>
#include "systems.h"
#include "upload.h"

enum { F_DATE, F_AGENCY, F_RESULT, F_SCORE, F_NONCE, F__MAX };

static const struct vfield fields[F__MAX] = {
	[F_DATE]   = { "assessed_date", V_DATE, 1, 10, NULL },
	[F_AGENCY] = { "agency", V_TEXT, 1, 128, NULL },
	[F_RESULT] = { "result", V_CHOICE, 1, 10, sys_results },
	[F_SCORE]  = { "score", V_TEXT, 0, 6, NULL },
	[F_NONCE]  = { "nonce", V_TOKEN, 1, 32, NULL },
};

/* A score from 0 to 100 with at most two decimals: "87", "87.5", "100.00". */
static int
score_ok(const char *s)
{
	size_t i = strspn(s, "0123456789"), f = 0;
	if (i == 0 || i > 3)
		return 0;
	if (s[i] == '.') {
		f = strspn(s + i + 1, "0123456789");
		if (f == 0 || f > 2)
			return 0;
	}
	return s[i + (f ? f + 1 : 0)] == '\0' && atof(s) <= 100.0;
}

/* The page: the system (already open), the form, the upload's limit. */
static int
form_page(struct ctx *c, int status, const struct sys *s, const char **vals, const char **errs)
{
	c->view = view_id("systems/assess");
	sys_node(c, c->data, "system", s);
	pg_attri(c->data, "max-report", REQ_MAX_FILE);
	if (status != 200)
		pg_attr(c->data, "report-again", "1");	/* a browser never refills a file input */
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
sys_assess_form(struct ctx *c)
{
	struct sys s;
	char nonce[33];
	const char *vals[F__MAX] = { sys_today(c), "", "", "", nonce };
	int st = sys_open(c, c->id, &s, 1);
	if (st != 200)
		return st;
	tx_nonce(nonce);
	return form_page(c, 200, &s, vals, NULL);
}

struct last {
	char id[24], date[11];
};

static int
last_row(void *arg, const struct db_row *r)
{
	struct last *l = arg;	/* id, date */
	snprintf(l->id, sizeof(l->id), "%s", r->v[0]);
	snprintf(l->date, sizeof(l->date), "%s", r->v[1]);
	return 0;
}

/*
 * The system's last assessment and next due date from its assessments, in
 * the transaction that holds its row (s, as locked).
 */
static enum db_rc
set_due(struct ctx *c, const struct sys *s)
{
	char due[11];
	struct last l = { "", "" };
	struct db_val v = DBI(atoll(s->v[SC_ID]));
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_LAST_ASSESSMENT), &v, 1, last_row, &l);
	if (rc != DB_OK)
		return rc;
	sys_due_text(s->v[SC_LEVEL], l.date, s->v[SC_GOLIVE], s->v[SC_CII], s->v[SC_STATUS], due);
	struct db_val p[] = {
		DBSN(l.date), *l.id ? DBI(atoll(l.id)) : DBN, DBSN(due), DBS(c->acct.login), v,
	};
	return db_run(c->db, SQL(SYS_SQL_SET_DUE), p, 5, NULL, NULL);
}

static const char *
after_json(struct ctx *c, const char **v, long long report, const struct req_file *f)
{
	struct buf b;
	buf_init(&b, c->ar, 4096);
	sys_json_fields(&b, fields, v, F_DATE, F_SCORE);
	buf_printf(&b, ",\"report_id\":%lld,\"report_size\":%zu}", report, f->len);
	return buf_cstr(&b);
}

int
sys_assess(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	const struct req_file *report = NULL;
	struct sys s, now;
	int st, tries = 0;
	enum db_rc rc;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if ((st = sys_open(c, c->id, &s, 1)) != 200)
		return st;
	enum sniff_type type;
	const char *report_err = up_check(c, "report", &report, &type);
	if (report_err != NULL) {
		pg_msg(c, "report", report_err);
		if (strcmp(report_err, "too_large") == 0)
			return form_page(c, 413, &s, vals, errs);
		bad++;
	}
	if (errs[F_DATE] == NULL && strcmp(vals[F_DATE], sys_today(c)) > 0) {
		errs[F_DATE] = "sys_future";
		bad++;
	}
	if (errs[F_SCORE] == NULL && *vals[F_SCORE] && !score_ok(vals[F_SCORE])) {
		errs[F_SCORE] = "sys_score";
		bad++;
	}
	if (bad)
		return form_page(c, 422, &s, vals, errs);
retry:
	if (app_done_before(c, SQL(SYS_SQL_ASSESS_NONCE), vals[F_NONCE], "/systems/", "?saved=1", &st))
		return st;
	if ((rc = db_begin(c->db)) != DB_OK)
		return sys_db_status(rc);
	if ((rc = sys_load(c, c->id, &now, 1)) != DB_OK)
		goto fail;
	long long report_id = 0;
	if ((rc = up_store(c, SQL(SYS_SQL_REPORT_INSERT), SQL(SYS_SQL_REPORT_CHUNK), report, type,
	    &report_id)) != DB_OK)
		goto fail;
	struct db_val ins[] = {
		DBI(c->id), DBS(vals[F_DATE]), DBS(vals[F_AGENCY]), DBS(vals[F_RESULT]),
		*vals[F_SCORE] ? DBS(vals[F_SCORE]) : DBN, DBI(report_id), DBS(vals[F_NONCE]),
		DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, SQL(SYS_SQL_ASSESS_INSERT), ins, 8, NULL, NULL)) != DB_OK)
		goto fail;
	long long id = (long long)db_insert_id(c->db);
	if ((rc = set_due(c, &now)) != DB_OK)
		goto fail;
	if ((rc = audit_write(c, "assessment", id, "create", NULL, after_json(c, vals, report_id, report))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/systems/%lld?saved=1", c->id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (db_errno(c->db) == ER_LOCK_DEADLOCK && ++tries < 3)
		goto retry;
	/* a concurrent double submit of this form won */
	if (rc == DB_DUP && app_done_before(c, SQL(SYS_SQL_ASSESS_NONCE), vals[F_NONCE], "/systems/",
	    "?saved=1", &st))
		return st;
	return 500;
}

struct one {
	long long system, report, size;
	char mime[32];
};

static int
assessment_row(void *arg, const struct db_row *r)
{
	struct one *o = arg;	/* id, system, report, mime, size */
	o->system = atoll(r->v[1]);
	o->report = atoll(r->v[2]);
	snprintf(o->mime, sizeof(o->mime), "%s", r->v[3]);
	o->size = atoll(r->v[4]);
	return 0;
}

int
sys_report(struct ctx *c)
{
	struct one o = { 0, 0, 0, "" };
	struct sys s;
	struct db_val v = DBI(c->id);
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_ASSESSMENT), &v, 1, assessment_row, &o);
	if (rc != DB_OK)
		return sys_db_status(rc);
	if (o.system == 0)
		return 404;
	int st = sys_open(c, o.system, &s, 0);
	if (st != 200)
		return st;
	if (o.report == 0)
		return 404;
	return up_send(c, SQL(SYS_SQL_REPORT_CHUNKS), o.report, o.mime, o.size,
	    ar_printf(c->ar, "assessment-%lld-report", c->id));
}
