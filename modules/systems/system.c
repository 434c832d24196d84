/*
 * system.c — one system: loading it with the access check, its page
 * (inventory, grading and filing, assessments with their reports, the
 * findings to fix) and its print view, the filing record on A4 for
 * signature and seal.  Everyone who may see a system's unit sees its page;
 * a unit's staff and the office may edit it; the office records
 * assessments and findings on it.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "systems.h"
#include "tx.h"


void
sys_json_fields(struct buf *b, const struct vfield *t, const char **v, int from, int to)
{
	buf_str(b, "{");
	for (int i = from; i <= to; i++) {
		buf_printf(b, "%s\"%s\":\"", i > from ? "," : "", t[i].key);
		buf_json(b, v[i]);
		buf_str(b, "\"");
	}
}

enum sys_due_kind
sys_due_text(const char *level, const char *last, const char *golive, const char *cii,
    const char *status, char due[11])
{
	enum sys_due_kind k;
	struct sys_due_in in = { atoi(level), wd_parse(last), wd_parse(golive),
		strcmp(cii, "1") == 0, strcmp(status, "retired") == 0 };
	int d = sys_next_due(&sys_set, &in, &k);
	due[0] = '\0';
	if (d != WD_INVALID)
		wd_format(d, due);
	return k;
}

static int
sys_row(void *arg, const struct db_row *r)
{
	struct sys *s = arg;
	for (size_t i = 0; i < sys_col__MAX; i++)
		s->v[i] = ar_strdup(s->c->ar, r->v[i]);
	s->n++;
	return 0;
}

enum db_rc
sys_load(struct ctx *c, long long id, struct sys *s, int lock)
{
	struct db_val p[] = { DBI(id) };
	memset(s, 0, sizeof(*s));
	s->c = c;
	return lock ? SQL_RUN(c, SYS_SQL_LOCK, p, sys_row, s) : SQL_RUN(c, SYS_SQL_GET, p, sys_row, s);
}

int
sys_open(struct ctx *c, long long id, struct sys *s, int write)
{
	enum db_rc rc = sys_load(c, id, s, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (s->n == 0)
		return 404;
	long long unit = atoll(s->v[SC_UNIT_ID]);
	if (!(write ? auth_unit_write(c, unit) : auth_unit_read(c, unit)))
		return auth_deny(c, "system", id);
	return 200;
}

xmlNodePtr
sys_node(struct ctx *c, xmlNodePtr parent, const char *name, const struct sys *s)
{
	char due[11];
	xmlNodePtr n = pg_node(parent, name);
	for (size_t i = 0; i < sys_col__MAX; i++)
		if (i != SC_UNIT_NAME && i != SC_UNIT_NAME_EN)
			pg_text(n, sys_system_cols[i], s->v[i]);
	pg_text(n, "unit-name", c->lang == LANG_EN && *s->v[SC_UNIT_NAME_EN] ?
	    s->v[SC_UNIT_NAME_EN] : s->v[SC_UNIT_NAME]);
	const char *next = s->v[SC_NEXT_DUE];
	pg_attr(n, "overdue", *next && strcmp(next, wd_today_str(c->ar)) < 0 ? "1" : "0");
	enum sys_due_kind k = sys_due_text(s->v[SC_LEVEL], s->v[SC_LAST], s->v[SC_GOLIVE], s->v[SC_CII],
	    s->v[SC_STATUS], due);
	pg_attr(n, "due-kind", k == SYS_DUE_CII ? "cii" : k == SYS_DUE_CYCLE ? "cycle" : "none");
	return n;
}

static int
assessment_row(void *arg, const struct db_row *r)
{
	xmlNodePtr a = pg_node(arg, "assessment");
	pg_attr(a, "id", r->v[AS_ID]);
	pg_attr(a, "date", r->v[AS_DATE]);
	pg_attr(a, "result", r->v[AS_RESULT]);
	pg_attr(a, "score", r->v[AS_SCORE]);
	if (strcmp(r->v[AS_REPORT], "0") != 0) {
		pg_attr(a, "report-id", r->v[AS_REPORT]);
		pg_attr(a, "mime", r->v[AS_MIME]);
		pg_attr(a, "size", r->v[AS_SIZE]);
		pg_attr(a, "sha256", r->v[AS_SHA256]);
	}
	pg_attr(a, "by", r->v[AS_BY]);
	pg_text(a, "agency", r->v[AS_AGENCY]);
	return 0;
}

enum db_rc
sys_assessments_node(struct ctx *c, xmlNodePtr parent, long long id)
{
	struct db_val p[] = { DBI(id) };
	return SQL_RUN(c, SYS_SQL_ASSESSMENTS, p, assessment_row, pg_node(parent, "assessments"));
}

struct findings {
	struct ctx *c;
	xmlNodePtr parent;
	const char *today;
};

static int
finding_row(void *arg, const struct db_row *r)
{
	struct findings *f = arg;
	xmlNodePtr n = pg_node(f->parent, "finding");
	pg_attr(n, "id", r->v[FL_ID]);
	pg_attr(n, "assessment", r->v[FL_ASSESSMENT]);
	pg_attr(n, "deadline", r->v[FL_DEADLINE]);
	pg_attr(n, "version", r->v[FL_VERSION]);
	if (*r->v[FL_DONE]) {
		pg_attr(n, "done", r->v[FL_DONE]);
		pg_attr(n, "by", r->v[FL_BY]);
	} else if (strcmp(r->v[FL_DEADLINE], f->today) < 0) {
		pg_attr(n, "overdue", "1");
	}
	pg_text(n, "text", r->v[FL_TEXT]);
	return 0;
}

static int
website_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "website");
	pg_attr(n, "id", r->v[WB_ID]);
	pg_attr(n, "state", r->v[WB_STATE]);
	return 0;
}

int
sys_view_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct sys s;
	char nonce[TX_NONCE_LEN + 1];
	const char *blank[SYS_FF__MAX] = { "", "", "", nonce };

	c->view = VIEW(SYS_VIEW_SYSTEM);
	int st = sys_open(c, c->id, &s, 0);
	if (st != 200)
		return st;
	sys_node(c, c->data, "system", &s);
	pg_attr(c->data, "writable", auth_unit_write(c, atoll(s.v[SC_UNIT_ID])) ? "1" : "0");
	pg_attr(c->data, "grades", c->acct.role == ROLE_OFFICE ? "1" : "0");
	enum db_rc rc = sys_assessments_node(c, c->data, c->id);
	struct db_val p[] = { DBI(c->id) };
	struct findings f = { c, pg_node(c->data, "findings"), wd_today_str(c->ar) };
	if (rc == DB_OK)
		rc = SQL_RUN(c, SYS_SQL_FINDINGS, p, finding_row, &f);
	if (rc == DB_OK && strcmp(s.v[SC_KIND], "website") == 0)
		rc = SQL_RUN(c, SYS_SQL_WEBSITE, p, website_row, c->data);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (c->acct.role == ROLE_OFFICE) {
		/* the add-finding form: blank with a fresh nonce, or as typed on a 422 */
		tx_nonce(nonce);
		pg_form(c, c->data, sys_finding_fields, SYS_FF__MAX, vals ? vals : blank, errs);
	}
	if (status == 200 && ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return status;
}

int
sys_view(struct ctx *c)
{
	return sys_view_page(c, 200, NULL, NULL);
}

int
sys_print(struct ctx *c)
{
	struct sys s;
	c->view = VIEW(SYS_VIEW_PRINT);
	int st = sys_open(c, c->id, &s, 0);
	if (st != 200)
		return st;
	sys_node(c, c->data, "system", &s);
	enum db_rc rc = sys_assessments_node(c, c->data, c->id);
	return rc == DB_OK ? 200 : app_dberr(rc);
}
