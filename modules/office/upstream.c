/*
 * upstream.c — the office's upstream pages and CLI (upstream.h):
 *
 *   GET  /office/upstream              the upstreams, each with its last export and two buttons
 *   POST /office/upstream/{id}/export  kind=full|incremental: the document as a download,
 *                                      its log row written (X-Wangan-Export, X-Wangan-Sha256)
 *   GET  /office/upstream/log          the log, newest first, ?upstream=ID, pages by ?before=ID
 *   wangan-office --upstream-export CODE [--full] FILE|-    the same export by 'cli'
 *
 * Only the office reaches these (the route table); the form carries the
 * CSRF token like every POST.  A second click is a second export, logged
 * as such (an incremental right after another is empty): nothing the user
 * typed can be lost, so the form has no nonce.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "resp.h"
#include "upstream.h"

struct one {
	struct ctx *c;
	const char *v[up_col__MAX];
	int n;
};

static int
one_row(void *arg, const struct db_row *r)
{
	struct one *o = arg;
	of_copy_row(o->c, r, o->v, up_col__MAX);
	o->n++;
	return 0;
}

static int
list_row(void *arg, const struct db_row *r)
{
	xmlNodePtr list = arg;
	xmlNodePtr n = pg_node(list, "upstream");
	for (size_t i = 0; i < up_list_col__MAX; i++)
		if (i != UL_NAME)
			pg_attr(n, up_list_cols[i], r->v[i]);
	pg_text(n, "name", r->v[UL_NAME]);
	return 0;
}

int
of_upstreams(struct ctx *c)
{
	c->view = VIEW(OF_VIEW_UPSTREAMS);
	enum db_rc rc = SQL_RUN0(c, OF_SQL_UP_LIST, list_row, pg_node(c->data, "upstreams"));
	return rc == DB_OK ? 200 : app_dberr(rc);
}

enum { Q_UPSTREAM, Q_BEFORE, Q__MAX };
static const struct vfield qfields[Q__MAX] = {
	[Q_UPSTREAM] = { "upstream", V_INT, 0, 10, NULL },
	[Q_BEFORE]   = { "before", V_INT, 0, 20, NULL },
};

struct log {
	struct ctx *c;
	xmlNodePtr node;
	int n;
	const char *last;
};

static int
log_row(void *arg, const struct db_row *r)
{
	struct log *l = arg;
	if (++l->n > UP_LOG_ROWS) {
		pg_attr(l->node, "next", l->last);
		return 1;
	}
	xmlNodePtr e = pg_node(l->node, "export");
	for (size_t i = 0; i < up_log_col__MAX; i++)
		pg_attr(e, up_log_cols[i], r->v[i]);
	l->last = ar_strdup(l->c->ar, r->v[UG_ID]);
	return 0;
}

int
of_upstream_log(struct ctx *c)
{
	const char *q[Q__MAX], *errs[Q__MAX];
	if (valid_form(qfields, Q__MAX, c->req.q, c->req.nq, c->ar, q, errs) != 0)
		return 400;
	c->view = VIEW(OF_VIEW_UPSTREAM_LOG);
	pg_attr(pg_node(c->data, "filter"), "upstream", q[Q_UPSTREAM]);
	long long up = atoll(q[Q_UPSTREAM]);
	long long before = *q[Q_BEFORE] ? atoll(q[Q_BEFORE]) : (1LL << 62);
	struct log l = { c, pg_node(c->data, "exports"), 0, "" };
	struct db_val p[] = { DBI(before), DBI(up), DBI(up) };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UP_LOG, p, log_row, &l);
	if (rc == DB_OK)
		rc = SQL_RUN0(c, OF_SQL_UP_LIST, list_row, pg_node(c->data, "upstreams"));
	return rc == DB_OK ? 200 : app_dberr(rc);
}

enum { E_KIND, E__MAX };
static const char *const kinds[] = { "full", "incremental", NULL };
static const struct vfield efields[E__MAX] = {
	[E_KIND] = { "kind", V_CHOICE, 1, 12, kinds },
};

int
of_upstream_export(struct ctx *c)
{
	const char *vals[E__MAX], *errs[E__MAX];
	if (valid_form(efields, E__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0)
		return pg_error(c, 400, "upstream_kind");
	struct one o = { .c = c };
	struct db_val k[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UP_GET, k, one_row, &o);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (o.n == 0)
		return 404;
	struct up_result res;
	int st = up_run(c, o.v, strcmp(vals[E_KIND], "full") == 0, &res);
	if (st == 409)
		return pg_error(c, 409, "upstream_disabled");
	if (st != 200)
		return st;
	char extra[320];
	snprintf(extra, sizeof(extra), "Content-Disposition: attachment; filename=\"%s\"\r\n"
	    "X-Wangan-Export: %lld\r\nX-Wangan-Rows: %lld\r\nX-Wangan-Sha256: %s\r\n",
	    res.filename, res.id, res.rows, res.sha256);
	resp_header(c, 200, "application/xml; charset=utf-8", extra);
	resp_write(c, res.bytes, (size_t)res.len);
	xmlFree(res.bytes);
	return 200;
}

/*
 * --upstream-export CODE [--full] FILE|-: the document to FILE (- for
 * stdout), a line to stderr with the log row, records, bytes and SHA-256.
 */
int
of_upstream_cli(struct ctx *c)
{
	const char *code = NULL, *file = NULL;
	int full = 0;
	for (int i = 0; i < c->nargs; i++) {
		if (strcmp(c->args[i], "--full") == 0)
			full = 1;
		else if (code == NULL)
			code = c->args[i];
		else if (file == NULL)
			file = c->args[i];
		else
			code = "";
	}
	if (code == NULL || !*code || file == NULL) {
		fprintf(stderr, "usage: wangan-office --upstream-export CODE [--full] FILE|-\n");
		return 2;
	}
	struct one o = { .c = c };
	struct db_val k[] = { DBS(code) };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UP_BY_CODE, k, one_row, &o);
	if (rc != DB_OK)
		return 1;
	if (o.n == 0) {
		fprintf(stderr, "wangan-office: no upstream %s\n", code);
		return 1;
	}
	struct up_result res;
	int st = up_run(c, o.v, full, &res);
	if (st != 200) {
		fprintf(stderr, "wangan-office: the export to %s failed%s\n", code,
		    st == 409 ? ": the upstream is disabled" : " (see the log)");
		return 1;
	}
	FILE *f = strcmp(file, "-") == 0 ? stdout : fopen(file, "wb");
	int bad = f == NULL || fwrite(res.bytes, 1, (size_t)res.len, f) != (size_t)res.len;
	if (f != NULL && f != stdout && fclose(f) != 0)
		bad = 1;
	xmlFree(res.bytes);
	if (bad) {
		/* the log row says it was made; the operator learns it did not reach the file */
		fprintf(stderr, "wangan-office: cannot write %s (export %lld is logged)\n", file, res.id);
		return 1;
	}
	fprintf(stderr, "export %lld to %s: %s, %lld records, %d bytes, sha256 %s\n", res.id, code,
	    full ? "full" : "incremental", res.rows, res.len, res.sha256);
	return 0;
}
