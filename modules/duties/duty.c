/*
 * duty.c — one instance of a duty (GET /duties/ID): its definition, due
 * day and where it stands, its figures against their thresholds, its files,
 * and the forms the reader may use on it — the owner's (upload, figures,
 * submit) while it is open or returned, the office's (accept, return) once
 * submitted.  And the checks every handler of an instance makes (du_open).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "duties.h"
#include "tx.h"


int
du_this_year(void)
{
	char t[11];
	wd_format(wd_today(), t);
	return atoi(t);
}

struct inst_read {
	struct ctx *c;
	struct du_inst *in;
};

static int
inst_row(void *arg, const struct db_row *r)
{
	struct inst_read *k = arg;
	for (int i = 0; i < du_inst_col__MAX; i++)
		k->in->v[i] = ar_strdup(k->c->ar, r->v[i]);
	k->in->n++;
	return 0;
}

enum db_rc
du_load(struct ctx *c, long long id, struct du_inst *in, int lock)
{
	struct db_val p[] = { DBI(id) };
	struct inst_read k = { c, in };
	memset(in, 0, sizeof(*in));
	return lock ? SQL_RUN(c, DU_SQL_LOCK, p, inst_row, &k) : SQL_RUN(c, DU_SQL_GET, p, inst_row, &k);
}

int
du_may_read(const struct ctx *c, const struct du_inst *in)
{
	long long unit = atoll(in->v[IN_UNIT_ID]);
	if (unit == 0)
		return (c->acct.role & ROLES_READ_ALL) != 0;	/* the office's own */
	return auth_unit_read(c, unit);
}

int
du_may_write(const struct ctx *c, const struct du_inst *in)
{
	long long unit = atoll(in->v[IN_UNIT_ID]);
	if (unit == 0)
		return c->acct.role == ROLE_OFFICE;
	return auth_unit_write(c, unit);
}

int
du_open(struct ctx *c, struct du_inst *in, int write)
{
	enum db_rc rc = du_load(c, c->id, in, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (in->n == 0)
		return 404;
	if (!(write ? du_may_write(c, in) : du_may_read(c, in)))
		return auth_deny(c, "duty_instance", c->id);
	return 200;
}

struct fig_read {
	struct ctx *c;
	struct du_figs *fs;
};

static int
fig_row(void *arg, const struct db_row *r)
{
	struct fig_read *k = arg;
	if (k->fs->n == DU_MAX_FIGURES)
		return 1;
	struct du_fig *f = &k->fs->f[k->fs->n++];
	for (int i = 0; i < du_fig_col__MAX; i++)
		f->v[i] = ar_strdup(k->c->ar, r->v[i]);
	f->lo = du_hundredths(f->v[FG_MIN]);
	f->hi = du_hundredths(f->v[FG_MAX]);
	f->decimals = atoi(f->v[FG_DECIMALS]);
	f->has_threshold = *f->v[FG_THRESHOLD] != '\0';
	f->threshold = f->has_threshold ? du_hundredths(f->v[FG_THRESHOLD]) : -1;
	return 0;
}

enum db_rc
du_figures(struct ctx *c, long long id, struct du_figs *fs)
{
	struct db_val p[] = { DBI(id) };
	struct fig_read k = { c, fs };
	fs->n = 0;
	return SQL_RUN(c, DU_SQL_FIGURES, p, fig_row, &k);
}

void
du_form_add(struct du_form *f, const char *name, const char *val, const char *err)
{
	if (f->n == DU_FORM_MAX)
		return;
	f->name[f->n] = name;
	f->val[f->n] = val;
	f->err[f->n] = err;
	f->n++;
}

const char *
du_num(struct ctx *c, long long v)
{
	char *out = ar_alloc(c->ar, 24);
	if (out == NULL)
		return "";
	du_figure_format(v, v % 100 == 0 ? 0 : 2, out);
	return out;
}

/* A typed value of the form, or NULL (not typed: show what is stored). */
static const char *
typed_val(const struct du_form *t, const char *name, const char **err)
{
	*err = NULL;
	for (size_t i = 0; t != NULL && i < t->n; i++)
		if (strcmp(t->name[i], name) == 0) {
			*err = t->err[i];
			return t->val[i];
		}
	return NULL;
}

/* One <field name error?>value</field> of the page's <form>, its error a page message too. */
static void
field(struct ctx *c, xmlNodePtr form, const struct du_form *t, const char *name, const char *stored,
    long long max)
{
	const char *err, *v = typed_val(t, name, &err);
	xmlNodePtr f = pg_text(form, "field", v != NULL ? v : stored);
	pg_attr(f, "name", name);
	if (max > 0)
		pg_attri(f, "max", max);
	if (err != NULL) {
		pg_attr(f, "error", err);
		pg_msg(c, name, err);
	}
}

static int
file_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "file");
	pg_attr(n, "id", r->v[FI_ID]);
	pg_attr(n, "note", r->v[FI_NOTE]);
	pg_attr(n, "mime", r->v[FI_MIME]);
	pg_attr(n, "size", r->v[FI_SIZE]);
	pg_attr(n, "name", r->v[FI_NAME]);
	pg_attr(n, "at", r->v[FI_AT]);
	pg_attr(n, "by", r->v[FI_BY]);
	return 0;
}

int
du_page(struct ctx *c, int status, const struct du_inst *in, const struct du_figs *fs,
    const struct du_form *typed)
{
	const char *const *v = in->v;
	int en = c->lang == LANG_EN;
	char nonce[TX_NONCE_LEN + 1];
	enum du_stand st = du_standing(v[IN_STATE], v[IN_DUE], wd_today_str(c->ar));
	int open = strcmp(v[IN_STATE], "open") == 0 || strcmp(v[IN_STATE], "returned") == 0;
	int writable = open && du_may_write(c, in);
	int decidable = strcmp(v[IN_STATE], "submitted") == 0 && c->acct.role == ROLE_OFFICE;

	c->view = VIEW(DU_VIEW_INSTANCE);
	xmlNodePtr n = pg_node(c->data, "instance");
	pg_attr(n, "id", v[IN_ID]);
	pg_attr(n, "code", v[IN_CODE]);
	pg_attr(n, "owner", v[IN_OWNER]);
	pg_attr(n, "year", v[IN_YEAR]);
	pg_attr(n, "due", v[IN_DUE]);
	pg_attr(n, "state", v[IN_STATE]);
	pg_attr(n, "stand", du_stand_name(st));
	pg_attr(n, "version", v[IN_VERSION]);
	pg_attr(n, "min-files", v[IN_MIN_FILES]);
	pg_attr(n, "writable", writable ? "1" : "0");
	pg_attr(n, "decidable", decidable ? "1" : "0");
	pg_attr(n, "updated-by", v[IN_UPDATED_BY]);
	pg_attr(n, "updated-at", v[IN_UPDATED_AT]);
	if (*v[IN_SUBMITTED_AT]) {
		pg_attr(n, "submitted-at", v[IN_SUBMITTED_AT]);
		pg_attr(n, "submitted-by", v[IN_SUBMITTED_BY]);
	}
	if (*v[IN_DECIDED_AT]) {
		pg_attr(n, "decided-at", v[IN_DECIDED_AT]);
		pg_attr(n, "decided-by", v[IN_DECIDED_BY]);
	}
	pg_text(n, "title", en ? v[IN_TITLE_EN] : v[IN_TITLE]);
	pg_text(n, "evidence", en ? v[IN_EVIDENCE_EN] : v[IN_EVIDENCE]);
	pg_text(n, "seed", v[IN_SEED]);
	if (atoll(v[IN_UNIT_ID]) > 0) {
		xmlNodePtr u = pg_text(n, "unit", en && *v[IN_UNIT_NAME_EN] ? v[IN_UNIT_NAME_EN] : v[IN_UNIT_NAME]);
		pg_attr(u, "code", v[IN_UNIT_CODE]);
	}
	if (*v[IN_REASON])
		pg_text(n, "reason", v[IN_REASON]);

	xmlNodePtr figs = pg_node(n, "figures");
	for (size_t i = 0; i < fs->n; i++) {
		const struct du_fig *f = &fs->f[i];
		xmlNodePtr g = pg_node(figs, "figure");
		pg_attr(g, "id", f->v[FG_ID]);
		pg_attr(g, "code", f->v[FG_CODE]);
		pg_attr(g, "unit", f->v[FG_UNIT]);
		pg_attr(g, "min", du_num(c, f->lo));
		pg_attr(g, "max", du_num(c, f->hi));
		pg_attri(g, "decimals", f->decimals);
		pg_attr(g, "required", f->v[FG_REQUIRED]);
		if (f->has_threshold)
			pg_attr(g, "threshold", du_num(c, f->threshold));
		if (*f->v[FG_VALUE]) {
			long long val = du_hundredths(f->v[FG_VALUE]);
			char shown[24];
			du_figure_format(val, f->decimals, shown);	/* as the figure is written: "4.5", "120" */
			pg_attr(g, "value", shown);
			if (f->has_threshold)
				pg_attr(g, "met", val >= f->threshold ? "1" : "0");
		}
		pg_text(g, "label", en ? f->v[FG_LABEL_EN] : f->v[FG_LABEL]);
	}
	xmlNodePtr files = pg_node(n, "files");
	struct db_val p[] = { DBI(atoll(v[IN_ID])) };
	enum db_rc rc = SQL_RUN(c, DU_SQL_FILES, p, file_row, files);
	if (rc != DB_OK)
		return app_dberr(rc);

	xmlNodePtr form = pg_node(c->data, "form");
	if (writable) {
		for (size_t i = 0; i < fs->n; i++) {
			const struct du_fig *f = &fs->f[i];
			char stored[24] = "";
			if (*f->v[FG_VALUE])
				du_figure_format(du_hundredths(f->v[FG_VALUE]), f->decimals, stored);
			field(c, form, typed, ar_printf(c->ar, "fig_%s", f->v[FG_CODE]), stored, 16);
		}
		tx_nonce(nonce);
		field(c, form, typed, "note", "", 100);
		field(c, form, typed, "nonce", nonce, 0);
	}
	if (decidable)
		field(c, form, typed, "reason", "", 500);
	field(c, form, typed, "version", v[IN_VERSION], 0);
	/* the messages of no form field: the page's own (submit's "files missing"), the file input's */
	for (size_t i = 0; typed != NULL && i < typed->n; i++)
		if ((*typed->name[i] == '\0' || strcmp(typed->name[i], "file") == 0) && typed->err[i] != NULL)
			pg_msg(c, typed->name[i], typed->err[i]);
	return status;
}

int
du_again(struct ctx *c, int status, const struct du_inst *in, const struct du_form *t)
{
	struct du_figs fs;
	enum db_rc rc = du_figures(c, atoll(in->v[IN_ID]), &fs);
	if (rc != DB_OK)
		return app_dberr(rc);
	return du_page(c, status, in, &fs, t);
}

/* GET {id} */
int
du_view(struct ctx *c)
{
	struct du_inst in;
	struct du_figs fs;
	int st = du_open(c, &in, 0);
	if (st != 200)
		return st;
	enum db_rc rc = du_figures(c, c->id, &fs);
	if (rc != DB_OK)
		return app_dberr(rc);
	return du_page(c, 200, &in, &fs, NULL);
}
