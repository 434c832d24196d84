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
 * assessment by date, in one transaction with its audit row (tx.h).  The
 * form carries a nonce, taken in that transaction: a double submit records
 * one assessment.  Assessments are never edited, so there is no version to
 * check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "systems.h"
#include "tx.h"
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
	c->view = VIEW(SYS_VIEW_ASSESS);
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
	char nonce[TX_NONCE_LEN + 1];
	const char *vals[F__MAX] = { wd_today_str(c->ar), "", "", "", nonce };
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
	struct last *l = arg;
	snprintf(l->id, sizeof(l->id), "%s", r->v[LA_ID]);
	snprintf(l->date, sizeof(l->date), "%s", r->v[LA_DATE]);
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
	struct db_val v[] = { DBI(atoll(s->v[SC_ID])) };
	enum db_rc rc = SQL_RUN(c, SYS_SQL_LAST_ASSESSMENT, v, last_row, &l);
	if (rc != DB_OK)
		return rc;
	sys_due_text(s->v[SC_LEVEL], l.date, s->v[SC_GOLIVE], s->v[SC_CII], s->v[SC_STATUS], due);
	struct db_val p[] = {
		DBSN(l.date), *l.id ? DBI(atoll(l.id)) : DBN, DBSN(due), DBS(c->acct.login), v[0],
	};
	return SQL_RUN(c, SYS_SQL_SET_DUE, p, NULL, NULL);
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

/* What the assessment's transaction needs from the validated form. */
struct assessment {
	const char **vals;
	const struct req_file *report;
	enum sniff_type type;
};

/*
 * Stores the report and the assessment and sets the system's last
 * assessment and next due date, holding the system's row.
 */
static int
assess_tx(struct tx *t, void *arg)
{
	struct assessment *as = arg;
	struct ctx *c = t->c;
	const char **vals = as->vals;
	long long report_id = 0;
	struct sys now;
	enum db_rc rc;

	if ((rc = sys_load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if ((rc = up_store(c, SQL(SYS_SQL_REPORT_INSERT), SQL(SYS_SQL_REPORT_CHUNK), as->report, as->type,
	    &report_id)) != DB_OK)
		return rc;
	struct db_val ins[] = {
		DBI(c->id), DBS(vals[F_DATE]), DBS(vals[F_AGENCY]), DBS(vals[F_RESULT]),
		*vals[F_SCORE] ? DBS(vals[F_SCORE]) : DBN, DBI(report_id), DBS(vals[F_NONCE]),
		DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, SYS_SQL_ASSESS_INSERT, ins, NULL, NULL)) != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(c->db);
	if ((rc = set_due(c, &now)) != DB_OK)
		return rc;
	t->record = "assessment";
	t->action = "create";
	t->after = after_json(c, vals, report_id, as->report);
	t->then = ar_printf(c->ar, "/systems/%lld?saved=1", c->id);
	return TX_COMMIT;
}

int
sys_assess(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct assessment as = { vals, NULL, SNIFF_OTHER };
	struct sys s;
	int st;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if ((st = sys_open(c, c->id, &s, 1)) != 200)
		return st;
	const char *report_err = up_check(c, "report", &as.report, &as.type);
	if (report_err != NULL) {
		pg_msg(c, "report", report_err);
		if (strcmp(report_err, "too_large") == 0)
			return form_page(c, 413, &s, vals, errs);
		bad++;
	}
	if (errs[F_DATE] == NULL && strcmp(vals[F_DATE], wd_today_str(c->ar)) > 0) {
		errs[F_DATE] = "sys_future";
		bad++;
	}
	if (errs[F_SCORE] == NULL && *vals[F_SCORE] && !score_ok(vals[F_SCORE])) {
		errs[F_SCORE] = "sys_score";
		bad++;
	}
	if (bad)
		return form_page(c, 422, &s, vals, errs);
	struct tx t = { .c = c, .nonce = vals[F_NONCE] };
	return tx_run(&t, assess_tx, &as);
}

struct one {
	long long system, report, size;
	char mime[32];
};

static int
assessment_row(void *arg, const struct db_row *r)
{
	struct one *o = arg;
	o->system = atoll(r->v[RP_SYSTEM]);
	o->report = atoll(r->v[RP_REPORT]);
	snprintf(o->mime, sizeof(o->mime), "%s", r->v[RP_MIME]);
	o->size = atoll(r->v[RP_SIZE]);
	return 0;
}

int
sys_report(struct ctx *c)
{
	struct one o = { 0, 0, 0, "" };
	struct sys s;
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, SYS_SQL_ASSESSMENT, p, assessment_row, &o);
	if (rc != DB_OK)
		return app_dberr(rc);
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
