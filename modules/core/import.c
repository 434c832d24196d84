/*
 * import.c — the shared steps of an import; see import.h.
 *
 * The file is parsed once per request into rows (values by the kind's
 * column, dates typed into Excel turned from serial numbers into
 * YYYY-MM-DD); the checks then run over the rows: the columns' own
 * (required, type, length), duplicates of the natural key within the file,
 * and the kind's check against the database.  The preview runs them outside
 * any transaction; the confirmation runs them again inside its transaction,
 * so a register changed in between is checked as it is now, and writes only
 * when every row is still good.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "buf.h"
#include "import.h"
#include "page.h"
#include "resp.h"
#include "rowsrc.h"
#include "sha256.h"
#include "upload.h"
#include "xlsxread.h"

DB_COLNAMES(imp_file_cols, IMP_FILE_COLS);
const char *const imp_data_cols[2] = { "data", NULL };

static const char *const status_name[IMP_STATUS__MAX] = {
	[IMP_BAD] = "bad", [IMP_NEW] = "new", [IMP_CHANGE] = "change", [IMP_SAME] = "same",
};

void
imp_bad(struct imp_row *r, int col, const char *code)
{
	if (r->status == IMP_BAD && r->err != NULL)
		return;	/* the first reason stands */
	r->status = IMP_BAD;
	r->err = code;
	r->err_col = col;
}

const char *
imp_json(struct ctx *c, const char *const *names, const char *const *vals, size_t n)
{
	struct buf b;
	buf_init(&b, c->ar, 16384);
	buf_str(&b, "{");
	for (size_t i = 0; i < n; i++)
		if (vals[i] != NULL)
			buf_json_field(&b, names[i], vals[i]);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

/* The page's common part: data/@kind, @base, @step, the columns. */
static void
page_head(struct ctx *c, const struct imp_kind *k, const char *step)
{
	c->view = k->view;
	pg_attr(c->data, "kind", k->name);
	pg_attr(c->data, "base", k->base);
	pg_attr(c->data, "step", step);
	pg_attri(c->data, "max-kb", IMP_MAX_FILE / 1024);
	pg_attri(c->data, "max-rows", IMP_MAX_ROWS);
	xmlNodePtr cols = pg_node(c->data, "cols");
	for (size_t i = 0; i < k->ncols; i++) {
		xmlNodePtr n = pg_node(cols, "col");
		pg_attr(n, "key", k->cols[i].key);
		pg_attr(n, "zh", k->cols[i].zh);
		pg_attr(n, "en", k->cols[i].en);
		if (k->cols[i].f.required)
			pg_attr(n, "required", "1");
	}
}

int
imp_form(struct ctx *c, const struct imp_kind *k)
{
	page_head(c, k, "form");
	return 200;
}

/* The form again with a file-level refusal (a picture, a zip bomb, too large). */
static int
refuse(struct ctx *c, const struct imp_kind *k, int status, const char *code, long line,
    const char *arg)
{
	page_head(c, k, "form");
	xmlNodePtr e = pg_node(c->data, "error");
	/* rowsrc.h's and xlsxread.h's codes ("not_table", "xlsx_bomb") as this page's messages */
	if (strncmp(code, "imp_", 4) != 0)
		code = ar_printf(c->ar, "imp_%s", code);
	pg_attr(e, "code", code);
	if (line > 0)
		pg_attri(e, "line", line);
	if (arg != NULL)
		pg_attr(e, "arg", arg);
	return status;
}

int
imp_template(struct ctx *c, const struct imp_kind *k)
{
	struct buf b;
	char extra[160];
	buf_init(&b, c->ar, 4096);
	buf_str(&b, "\xef\xbb\xbf");	/* so Excel opens it as UTF-8 */
	for (size_t i = 0; i < k->ncols; i++) {
		if (i > 0)
			buf_str(&b, ",");
		buf_str(&b, k->cols[i].zh);
	}
	buf_str(&b, "\r\n");
	snprintf(extra, sizeof(extra),
	    "Content-Disposition: attachment; filename=\"wangan-%s-template.csv\"\r\n", k->name);
	resp_header(c, 200, "text/csv; charset=utf-8", extra);
	resp_write(c, b.p, b.len);
	return 200;
}

/* A header title as compared: trimmed, a trailing * (a required mark) dropped. */
static const char *
title_key(struct ctx *c, const char *s)
{
	size_t n = strlen(s);
	while (*s == ' ' || *s == '\t')
		s++, n--;
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xef\xbc\x8a", 3) == 0)	/* ＊ */
			n -= 3;
		else
			break;
	}
	return ar_strndup(c->ar, s, n);
}

/* Maps the header's fields to columns (map[field] = column or -1): 0, or a refusal. */
static int
header(struct imp_run *run, const char **f, int n, int *map)
{
	const struct imp_kind *k = run->k;
	int seen[IMP_MAX_COLS] = { 0 };

	for (int i = 0; i < n; i++) {
		const char *t = title_key(run->c, f[i]);
		map[i] = -1;
		for (size_t j = 0; j < k->ncols && t != NULL; j++)
			if (strcmp(t, k->cols[j].zh) == 0 || strcasecmp(t, k->cols[j].en) == 0 ||
			    strcasecmp(t, k->cols[j].key) == 0)
				map[i] = (int)j;
		if (map[i] >= 0 && seen[map[i]]++) {
			run->file_err = "imp_column_twice";
			run->file_err_arg = f[i];
			return -1;
		}
		if (map[i] < 0 && f[i][0] != '\0' && run->nignored < IMP_MAX_COLS)
			run->ignored[run->nignored++] = f[i];
	}
	for (size_t j = 0; j < k->ncols; j++)
		if (k->cols[j].f.required && !seen[j]) {
			run->file_err = "imp_column_missing";
			run->file_err_arg = k->cols[j].zh;
			return -1;
		}
	return 0;
}

/* Trims spaces (ASCII and the ideographic U+3000) at both ends. */
static const char *
trim(struct ctx *c, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++, n--;
		else if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3, n -= 3;
		else
			break;
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	return ar_strndup(c->ar, s, n);
}

/* Reads the file into run->rows: 0, or -1 with run->file_err. */
static int
parse(struct imp_run *run, const unsigned char *p, size_t len)
{
	struct ctx *c = run->c;
	const struct imp_kind *k = run->k;
	struct rowsrc rs;
	const char *f[ROWSRC_MAX_FIELDS];
	int map[ROWSRC_MAX_FIELDS], n, have_header = 0, nf = 0;

	if (rowsrc_open(&rs, c->ar, p, len) != 0) {
		run->file_err = rs.err;
		return -1;
	}
	run->rows = ar_alloc(c->ar, IMP_MAX_ROWS * sizeof(*run->rows));
	if (run->rows == NULL) {
		rowsrc_close(&rs);
		run->file_err = "nomem";
		return -1;
	}
	while ((n = rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS)) > 0) {
		if (!have_header) {
			if (header(run, f, n, map) != 0) {
				run->file_err_line = rs.line;
				rowsrc_close(&rs);
				return -1;
			}
			have_header = 1;
			nf = n;
			continue;
		}
		if (run->nrows == IMP_MAX_ROWS) {
			run->file_err = "imp_rows";
			run->file_err_line = rs.line;
			rowsrc_close(&rs);
			return -1;
		}
		struct imp_row *r = &run->rows[run->nrows++];
		memset(r, 0, sizeof(*r));
		r->line = rs.line;
		r->err_col = -1;
		for (size_t j = 0; j < k->ncols; j++)
			r->v[j] = "";
		for (int i = 0; i < n; i++) {
			if (i >= nf || map[i] < 0) {
				if (i >= nf && f[i][0] != '\0')
					r->extra = 1;
				continue;
			}
			const char *v = trim(c, f[i]);
			char d[11];
			/* a date typed into Excel arrives as its serial number (xlsxread.h) */
			if (k->cols[map[i]].f.type == V_DATE && rs.kind == ROWSRC_XLSX &&
			    xlsx_serial_date(v, d) == 0)
				v = ar_strdup(c->ar, d);
			r->v[map[i]] = v;
		}
		/* the kind's check may write a value in its canonical form; the preview shows the file's */
		memcpy(r->shown, r->v, sizeof(r->shown));
	}
	rowsrc_close(&rs);
	if (n < 0) {
		run->file_err = rs.err;
		run->file_err_line = rs.line;
		return -1;
	}
	if (!have_header || run->nrows == 0) {
		run->file_err = have_header ? "imp_no_rows" : "imp_empty";
		return -1;
	}
	return 0;
}

/*
 * Every row's checks, from scratch: the columns' and the kind's (which may
 * write a value in its canonical form: 第一责任人 → first), then duplicates
 * of the natural key among the rows still good, compared in that form.
 */
static enum db_rc
check_all(struct imp_run *run)
{
	const struct imp_kind *k = run->k;
	memset(run->count, 0, sizeof(run->count));
	for (size_t i = 0; i < run->nrows; i++) {
		struct imp_row *r = &run->rows[i];
		r->status = IMP_NEW;
		r->err = NULL;
		r->err_col = -1;
		r->err_line = 0;
		if (r->extra)
			imp_bad(r, -1, "imp_extra_cell");
		for (size_t j = 0; j < k->ncols && r->status != IMP_BAD; j++) {
			const char *e = NULL;
			if (r->v[j][0] == '\0')
				e = k->cols[j].f.required ? "required" : NULL;
			else
				e = valid_check(&k->cols[j].f, r->v[j]);
			/* a code column's "token" reads as a form's lost identifier: say what it means here */
			if (e != NULL && strcmp(e, "token") == 0)
				e = "imp_code";
			if (e != NULL)
				imp_bad(r, (int)j, e);
		}
		if (r->status != IMP_BAD) {
			enum db_rc rc = k->check(run, r);
			if (rc != DB_OK)
				return rc;
		}
	}
	for (size_t i = 0; i < run->nrows; i++) {
		struct imp_row *r = &run->rows[i];
		/* the same natural key on an earlier good line */
		for (size_t p = 0; p < i && r->status != IMP_BAD; p++) {
			size_t same = 0;
			if (run->rows[p].status == IMP_BAD)
				continue;
			for (size_t q = 0; q < k->nkey; q++)
				same += strcasecmp(run->rows[p].v[k->key[q]], r->v[k->key[q]]) == 0;
			if (same == k->nkey) {
				imp_bad(r, k->key[0], "imp_duplicate");
				r->err_line = run->rows[p].line;
			}
		}
		run->count[r->status]++;
	}
	return DB_OK;
}

/* The preview: every row with its status and reason, the confirm form when all are good. */
static int
preview(struct imp_run *run, int status)
{
	struct ctx *c = run->c;
	const struct imp_kind *k = run->k;
	char nonce[TX_NONCE_LEN + 1];

	page_head(c, k, "preview");
	xmlNodePtr f = pg_node(c->data, "file");
	pg_attr(f, "sha256", run->sha256);
	pg_attr(f, "filename", run->filename);
	pg_attri(f, "size", (long long)run->size);
	pg_attri(f, "rows", (long long)run->nrows);
	for (int s = 0; s < IMP_STATUS__MAX; s++)
		pg_attri(f, status_name[s], (long long)run->count[s]);
	if (run->nignored > 0) {
		xmlNodePtr ig = pg_node(c->data, "ignored");
		for (size_t i = 0; i < run->nignored; i++)
			pg_text(ig, "title", run->ignored[i]);
	}
	xmlNodePtr rows = pg_node(c->data, "rows");
	for (size_t i = 0; i < run->nrows; i++) {
		const struct imp_row *r = &run->rows[i];
		xmlNodePtr n = pg_node(rows, "row");
		pg_attri(n, "line", r->line);
		pg_attr(n, "status", status_name[r->status]);
		if (r->status == IMP_BAD) {
			pg_attr(n, "err", r->err);
			if (r->err_col >= 0)
				pg_attr(n, "err-col", k->cols[r->err_col].key);
			if (r->err_line > 0)
				pg_attri(n, "err-line", r->err_line);
		}
		for (size_t j = 0; j < k->ncols; j++)
			pg_text(n, "v", r->shown[j]);
	}
	if (run->count[IMP_BAD] == 0) {
		tx_nonce(nonce);
		xmlNodePtr cf = pg_node(c->data, "confirm");
		pg_attr(cf, "nonce", nonce);
	}
	return status;
}

static int
file_row(void *arg, const struct db_row *r)
{
	struct imp_run *run = arg;
	run->file_id = atoll(r->v[IF_ID]);
	run->filename = ar_strdup(run->c->ar, r->v[IF_FILENAME]);
	run->size = (size_t)atoll(r->v[IF_SIZE]);
	return 0;
}

struct store {
	struct imp_run *run;
	const struct req_file *f;
};

/* Keeps the upload (once per kind and hash), in pieces of UP_CHUNK. */
static int
store_tx(struct tx *t, void *arg)
{
	struct store *s = arg;
	struct imp_run *run = s->run;
	const struct imp_sql *q = &run->k->sql;
	struct ctx *c = t->c;
	enum db_rc rc;
	struct db_val h[] = { DBS(run->sha256) };

	run->file_id = 0;
	if ((rc = db_run(c->db, q->find, h, 1, file_row, run)) != DB_OK)
		return rc;
	if (run->file_id != 0)
		return TX_COMMIT;
	struct db_val m[] = {
		DBS(run->sha256), DBI((long long)s->f->len), DBS(s->f->filename ? s->f->filename : ""),
		DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, q->file, m, 4, NULL, NULL)) != DB_OK)
		return rc;
	run->file_id = (long long)db_insert_id(c->db);
	for (size_t off = 0, seq = 0; off < s->f->len; off += UP_CHUNK, seq++) {
		size_t n = s->f->len - off < UP_CHUNK ? s->f->len - off : UP_CHUNK;
		struct db_val ch[] = { DBI(run->file_id), DBI((long long)seq), DBB(s->f->data + off, n) };
		if ((rc = db_run(c->db, q->chunk, ch, 3, NULL, NULL)) != DB_OK)
			return rc;
	}
	return TX_COMMIT;
}

static void
hash_hex(const unsigned char *p, size_t n, char out[65])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, p, n);
	sha256_final(&h, d);
	hex_encode(d, 32, out);
}

int
imp_upload(struct ctx *c, const struct imp_kind *k, void *arg)
{
	struct imp_run run = { .c = c, .k = k, .arg = arg };
	const struct req_file *f = NULL;
	enum db_rc rc;

	for (size_t i = 0; i < c->req.nfiles; i++)
		if (strcmp(c->req.files[i].name, "file") == 0)
			f = &c->req.files[i];
	if (f == NULL || f->len == 0)
		return refuse(c, k, 422, "imp_no_file", 0, NULL);
	if (f->len > IMP_MAX_FILE)
		return refuse(c, k, 413, "imp_too_large", 0, NULL);
	hash_hex(f->data, f->len, run.sha256);
	run.filename = f->filename ? f->filename : "";
	run.size = f->len;
	/* refuse what is no table before keeping it */
	if (parse(&run, f->data, f->len) != 0)
		return refuse(c, k, 422, run.file_err, run.file_err_line, run.file_err_arg);
	struct store s = { &run, f };
	struct tx t = { .c = c };
	int st = tx_run(&t, store_tx, &s);
	if (st != 200)
		return st;
	if ((rc = check_all(&run)) != DB_OK)
		return app_dberr(rc);
	return preview(&run, run.count[IMP_BAD] ? 422 : 200);
}

static int
data_row(void *arg, const struct db_row *r)
{
	struct buf *b = arg;
	return buf_add(b, r->v[0], r->len[0]) != 0;
}

/* The confirmation's transaction: check every row again, then write them all or none. */
static int
confirm_tx(struct tx *t, void *arg)
{
	struct imp_run *run = arg;
	struct ctx *c = t->c;
	const struct imp_kind *k = run->k;
	enum db_rc rc;
	size_t created = 0, changed = 0;

	if ((rc = check_all(run)) != DB_OK)
		return rc;
	if (run->count[IMP_BAD] > 0)
		return 422;
	for (size_t i = 0; i < run->nrows; i++) {
		struct imp_row *r = &run->rows[i];
		if (r->status == IMP_SAME)
			continue;
		int st = k->apply(run, t, r);
		if (st == IMP_SAME_AFTER)
			continue;
		if (st != TX_COMMIT)
			return st;
		if (r->status == IMP_NEW)
			created++;
		else
			changed++;
	}
	if (k->finish != NULL) {
		int st = k->finish(run, t);
		if (st != TX_COMMIT)
			return st;
	}
	size_t same = run->nrows - created - changed;
	struct db_val d[] = {
		DBS(c->acct.login), DBI((long long)run->nrows), DBI((long long)created),
		DBI((long long)changed), DBI((long long)same), DBI(run->file_id),
	};
	if ((rc = db_run(c->db, k->sql.done, d, 6, NULL, NULL)) != DB_OK)
		return rc;
	/* the import itself is audited only when it changed something */
	if (created + changed > 0) {
		t->record = "import";
		t->id = run->file_id;
		t->action = "import";
		t->after = ar_printf(c->ar, "{\"kind\":\"%s\",\"sha256\":\"%s\",\"rows\":%zu,"
		    "\"created\":%zu,\"changed\":%zu,\"same\":%zu}", k->name, run->sha256,
		    run->nrows, created, changed, same);
	}
	t->then = ar_printf(c->ar, "%s/%lld", k->base, run->file_id);
	return TX_COMMIT;
}

int
imp_confirm(struct ctx *c, const struct imp_kind *k, void *arg)
{
	static const struct vfield fsha = { "sha256", V_TOKEN, 1, 64, NULL };
	static const struct vfield fnonce = { "nonce", V_TOKEN, 1, TX_NONCE_LEN, NULL };
	struct imp_run run = { .c = c, .k = k, .arg = arg };
	const char *sha = ctx_f(c, "sha256"), *nonce = ctx_f(c, "nonce");
	struct buf b;
	enum db_rc rc;

	if (sha == NULL || nonce == NULL || valid_check(&fsha, sha) != NULL || strlen(sha) != 64 ||
	    valid_check(&fnonce, nonce) != NULL)
		return pg_error(c, 400, "bad_request");
	snprintf(run.sha256, sizeof(run.sha256), "%s", sha);
	struct db_val h[] = { DBS(run.sha256) };
	if ((rc = db_run(c->db, k->sql.find, h, 1, file_row, &run)) != DB_OK)
		return app_dberr(rc);
	if (run.file_id == 0)
		return refuse(c, k, 404, "imp_gone", 0, NULL);
	buf_init(&b, c->ar, IMP_MAX_FILE);
	struct db_val id[] = { DBI(run.file_id) };
	if ((rc = db_run(c->db, k->sql.read, id, 1, data_row, &b)) != DB_OK)
		return app_dberr(rc);
	if (b.err || b.len != run.size)
		return pg_error(c, 500, "internal");
	if (parse(&run, (const unsigned char *)b.p, b.len) != 0)
		return refuse(c, k, 422, run.file_err, run.file_err_line, run.file_err_arg);
	struct tx t = { .c = c, .nonce = nonce };
	int st = tx_run(&t, confirm_tx, &run);
	if (st == 422)
		return preview(&run, 422);
	return st;
}

static int
result_row(void *arg, const struct db_row *r)
{
	struct ctx *c = arg;
	xmlNodePtr n = pg_node(c->data, "result");
	c->id = -1;	/* found */
	for (size_t i = 0; i < imp_file_col__MAX; i++)
		pg_attr(n, imp_file_cols[i], r->v[i]);
	return 0;
}

int
imp_result(struct ctx *c, const struct imp_kind *k)
{
	struct db_val id[] = { DBI(c->id) };
	page_head(c, k, "result");
	enum db_rc rc = db_run(c->db, k->sql.get, id, 1, result_row, c);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (c->id != -1)
		return pg_error(c, 404, "not_found");
	return 200;
}
