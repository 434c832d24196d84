/*
 * evidence.c — what an owner puts on an instance while it is open or
 * returned: files (POST ID/files: a scan, PDF, JPEG or PNG by its bytes, at
 * most REQ_MAX_FILE, stored with its SHA-256 by the core's upload.c; the
 * form's nonce makes a double submit one file) and figures (POST
 * ID/figures: each within its range, with at most its decimals; one bad
 * value and nothing is saved, the form comes back as typed with the
 * reason).  A figure's threshold is shown, not enforced: a unit below it
 * says so truthfully, and the office decides.  And the download (GET
 * files/ID), to those who may read the instance.
 *
 * Saving figures is an edit of the instance: the form carries its version,
 * and a save over a newer version gets 409 with the instance as it is now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "duties.h"
#include "tx.h"
#include "upload.h"

/* A figure as typed: at most this many characters ("1234567890.12"). */
#define DU_FIG_TEXT 16

static int
is_open(const struct du_inst *in)
{
	return strcmp(in->v[IN_STATE], "open") == 0 || strcmp(in->v[IN_STATE], "returned") == 0;
}

/* ---- files -------------------------------------------------------------- */

enum { UF_NOTE, UF_NONCE, UF__MAX };
static const struct vfield up_fields[UF__MAX] = {
	[UF_NOTE]  = { "note", V_TEXT, 0, 100, NULL },
	[UF_NONCE] = { "nonce", V_TOKEN, 1, 32, NULL },
};

struct upload {
	const char **vals;
	const struct req_file *f;
	enum sniff_type type;
	int refused;		/* the message code's reason, set by the transaction: 1 closed, 2 too many */
};

static int
count_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

static int
upload_tx(struct tx *t, void *arg)
{
	struct upload *u = arg;
	struct ctx *c = t->c;
	struct du_inst now;
	long long nfiles = 0, id = 0;
	enum db_rc rc;

	u->refused = 0;
	if ((rc = du_load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if (!is_open(&now))
		return u->refused = 1, 409;
	struct db_val p[] = { DBI(c->id) };
	if ((rc = SQL_RUN(c, DU_SQL_NFILES, p, count_row, &nfiles)) != DB_OK)
		return rc;
	if (nfiles >= DU_MAX_FILES)
		return u->refused = 2, 422;
	if ((rc = up_store(c, SQL(DU_SQL_FILE_INSERT), SQL(DU_SQL_CHUNK_INSERT), u->f, u->type, &id)) != DB_OK)
		return rc;
	long long unit = atoll(now.v[IN_UNIT_ID]);
	struct db_val l[] = { DBI(c->id), unit > 0 ? DBI(unit) : DBN, DBS(u->vals[UF_NOTE]), DBI(id) };
	if ((rc = SQL_RUN(c, DU_SQL_FILE_LINK, l, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"instance\":%lld,\"size\":%zu,", c->id, u->f->len);
	buf_json_field(&b, "mime", sniff_mime(u->type));
	buf_str(&b, ",");
	buf_json_field(&b, "filename", u->f->filename);
	buf_str(&b, ",");
	buf_json_field(&b, "note", u->vals[UF_NOTE]);
	buf_str(&b, "}");
	t->record = "duty_file";
	t->id = id;
	t->action = "create";
	t->after = buf_cstr(&b);
	t->then = ar_printf(c->ar, "/duties/%lld?saved=1#files", c->id);
	return TX_COMMIT;
}

int
du_upload(struct ctx *c)
{
	const char *vals[UF__MAX], *errs[UF__MAX];
	struct du_inst in;
	struct du_form t = { 0 };
	struct upload u = { vals, NULL, SNIFF_OTHER, 0 };

	size_t bad = valid_form(up_fields, UF__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[UF_NONCE])
		return 400;	/* the form's own field, not something a user typed */
	int st = du_open(c, &in, 1);
	if (st != 200)
		return st;
	du_form_add(&t, "note", vals[UF_NOTE], errs[UF_NOTE]);
	if (!is_open(&in)) {
		du_form_add(&t, "", "", "du_closed");
		return du_again(c, 409, &in, &t);
	}
	const char *ferr = up_check(c, "file", &u.f, &u.type);
	if (ferr != NULL) {
		du_form_add(&t, "file", "", ferr);
		return du_again(c, strcmp(ferr, "too_large") == 0 ? 413 : 422, &in, &t);
	}
	if (bad)
		return du_again(c, 422, &in, &t);
	struct tx x = { .c = c, .nonce = vals[UF_NONCE] };
	st = tx_run(&x, upload_tx, &u);
	if (u.refused) {
		du_form_add(&t, "", "", u.refused == 1 ? "du_closed" : "du_too_many");
		return du_again(c, st, &in, &t);
	}
	return st;
}

struct dl {
	long long id, size, instance;
	char mime[32];
};

static int
dl_row(void *arg, const struct db_row *r)
{
	struct dl *d = arg;
	d->id = atoll(r->v[DL_ID]);
	d->size = atoll(r->v[DL_SIZE]);
	d->instance = atoll(r->v[DL_INSTANCE]);
	snprintf(d->mime, sizeof(d->mime), "%s", r->v[DL_MIME]);
	return 0;
}

/* GET files/{id}: the file, as an attachment of its sniffed type, to those who may read its instance. */
int
du_file(struct ctx *c)
{
	struct dl d = { 0, 0, 0, "" };
	struct du_inst in;
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, DU_SQL_FILE, p, dl_row, &d);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (d.id == 0 || d.instance == 0)
		return 404;
	if ((rc = du_load(c, d.instance, &in, 0)) != DB_OK)
		return app_dberr(rc);
	if (in.n == 0)
		return 404;
	if (!du_may_read(c, &in))
		return auth_deny(c, "duty_file", d.id);
	return up_send(c, SQL(DU_SQL_CHUNKS), d.id, d.mime, d.size, ar_printf(c->ar, "duty-%lld-file-%lld",
	    d.instance, d.id));
}

/*
 * A file taken off (POST files/ID/delete): while its instance is open or
 * returned, by those who may act on it — a wrong scan, before the office
 * sees it.  The bytes go; the audit row keeps its name, size and SHA-256.
 * Sent twice, the second finds no file and goes to the instance's page.
 */
struct fdel {
	long long file, instance;
	int closed;
};

struct meta {
	struct ctx *c;
	long long instance;
	const char *v[du_meta_col__MAX];
};

static int
meta_row(void *arg, const struct db_row *r)
{
	struct meta *m = arg;
	m->instance = atoll(r->v[FM_INSTANCE]);
	for (int i = 0; i < du_meta_col__MAX; i++)
		m->v[i] = ar_strdup(m->c->ar, r->v[i]);
	return 0;
}

static int
delete_tx(struct tx *t, void *arg)
{
	struct fdel *d = arg;
	struct ctx *c = t->c;
	struct du_inst now;
	struct meta m = { c, 0, { NULL } };
	enum db_rc rc;

	d->closed = 0;
	if ((rc = du_load(c, d->instance, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if (!is_open(&now))
		return d->closed = 1, 409;
	struct db_val p[] = { DBI(d->file) };
	if ((rc = SQL_RUN(c, DU_SQL_FILE_META, p, meta_row, &m)) != DB_OK)
		return rc;
	if (m.instance != d->instance)
		return 404;	/* gone meanwhile */
	if ((rc = SQL_RUN(c, DU_SQL_CHUNK_DEL, p, NULL, NULL)) != DB_OK)
		return rc;
	struct db_val q[] = { DBI(d->file), DBI(d->instance) };
	if ((rc = SQL_RUN(c, DU_SQL_FILE_DEL, q, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"instance\":%lld,\"size\":%s,", d->instance, m.v[FM_SIZE]);
	buf_json_field(&b, "sha256", m.v[FM_SHA]);
	buf_str(&b, ",");
	buf_json_field(&b, "filename", m.v[FM_NAME]);
	buf_str(&b, ",");
	buf_json_field(&b, "note", m.v[FM_NOTE]);
	buf_str(&b, "}");
	t->record = "duty_file";
	t->id = d->file;
	t->action = "delete";
	t->before = buf_cstr(&b);
	t->then = ar_printf(c->ar, "/duties/%lld?saved=1#files", d->instance);
	return TX_COMMIT;
}

static const struct vfield del_field = { "instance", V_INT, 1, 18, NULL };

int
du_file_delete(struct ctx *c)
{
	struct dl f = { 0, 0, 0, "" };
	struct du_inst in;
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, DU_SQL_FILE, p, dl_row, &f);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (f.id == 0) {
		/* gone: the form sent twice goes to the instance it named, for those who may read it */
		const char *from = ctx_f(c, "instance");
		long long back = from != NULL && valid_check(&del_field, from) == NULL ? atoll(from) : 0;
		if (back > 0 && (rc = du_load(c, back, &in, 0)) == DB_OK && in.n && du_may_read(c, &in))
			return resp_redirect(c, ar_printf(c->ar, "/duties/%lld#files", back));
		return rc != DB_OK ? app_dberr(rc) : 404;
	}
	if (f.instance == 0)
		return 404;
	if ((rc = du_load(c, f.instance, &in, 0)) != DB_OK)
		return app_dberr(rc);
	if (in.n == 0)
		return 404;
	if (!du_may_write(c, &in))
		return auth_deny(c, "duty_file", f.id);
	struct fdel d = { f.id, f.instance, 0 };
	struct tx x = { .c = c, .nonce = NULL };
	int st = tx_run(&x, delete_tx, &d);
	if (st == 404)	/* sent twice: the file is gone, as the first one left it */
		return resp_redirect(c, ar_printf(c->ar, "/duties/%lld#files", f.instance));
	if (st == 409 && d.closed) {
		struct du_form t = { 0 };
		du_form_add(&t, "", "", "du_closed");
		return du_again(c, 409, &in, &t);
	}
	return st;
}

/* ---- figures ------------------------------------------------------------ */

enum { FF_VERSION, FF__MAX };
static const struct vfield fig_fields[FF__MAX] = {
	[FF_VERSION] = { "version", V_INT, 1, 10, NULL },
};

/* s without the blanks around it, in the arena. */
static const char *
trim(struct ctx *c, const char *s)
{
	if (s == NULL)
		return "";
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	const char *out = ar_strndup(c->ar, s, n);
	return out != NULL ? out : "";
}

struct figsave {
	const char *version;
	const struct du_figs *fs;
	const char *typed[DU_MAX_FIGURES];	/* as typed, trimmed; "" clears */
	long long val[DU_MAX_FIGURES];
};

static void
figs_json(struct buf *b, const struct du_figs *fs, const char *const *vals)
{
	buf_str(b, "{");
	for (size_t i = 0; i < fs->n; i++) {
		if (i)
			buf_str(b, ",");
		buf_json_field(b, fs->f[i].v[FG_CODE], vals[i]);
	}
	buf_str(b, "}");
}

static int
figures_tx(struct tx *t, void *arg)
{
	struct figsave *s = arg;
	struct ctx *c = t->c;
	struct du_inst now;
	struct du_figs was;
	enum db_rc rc;

	if ((rc = du_load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.n == 0)
		return 404;
	if (!is_open(&now) || strcmp(now.v[IN_VERSION], s->version) != 0)
		return 409;
	if ((rc = du_figures(c, c->id, &was)) != DB_OK)
		return rc;
	const char *before[DU_MAX_FIGURES];
	for (size_t i = 0; i < s->fs->n; i++) {
		const struct du_fig *f = &s->fs->f[i];
		before[i] = i < was.n ? was.f[i].v[FG_VALUE] : "";
		if (*s->typed[i]) {
			char num[24];
			du_figure_format(s->val[i], 2, num);
			struct db_val p[] = { DBI(c->id), DBI(atoll(f->v[FG_ID])), DBS(num), DBS(c->acct.login) };
			rc = SQL_RUN(c, DU_SQL_VALUE_SET, p, NULL, NULL);
		} else {
			struct db_val p[] = { DBI(c->id), DBI(atoll(f->v[FG_ID])) };
			rc = SQL_RUN(c, DU_SQL_VALUE_DEL, p, NULL, NULL);
		}
		if (rc != DB_OK)
			return rc;
	}
	struct db_val p[] = { DBS(c->acct.login), DBI(c->id), DBI(atoll(s->version)) };
	if ((rc = SQL_RUN(c, DU_SQL_TOUCH, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct buf b, a;
	buf_init(&b, c->ar, 4096);
	buf_init(&a, c->ar, 4096);
	figs_json(&b, &was, before);
	figs_json(&a, s->fs, s->typed);
	t->record = "duty_instance";
	t->id = c->id;
	t->action = "figures";
	t->before = buf_cstr(&b);
	t->after = buf_cstr(&a);
	t->then = ar_printf(c->ar, "/duties/%lld?saved=1#figures", c->id);
	return TX_COMMIT;
}

int
du_save_figures(struct ctx *c)
{
	const char *vals[FF__MAX], *errs[FF__MAX];
	struct du_inst in;
	struct du_figs fs;
	struct du_form t = { 0 };
	struct figsave s;
	size_t bad = 0;

	valid_form(fig_fields, FF__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[FF_VERSION])
		return 400;
	int st = du_open(c, &in, 1);
	if (st != 200)
		return st;
	enum db_rc rc = du_figures(c, c->id, &fs);
	if (rc != DB_OK)
		return app_dberr(rc);
	memset(&s, 0, sizeof(s));
	s.version = vals[FF_VERSION];
	s.fs = &fs;
	for (size_t i = 0; i < fs.n; i++) {
		const struct du_fig *f = &fs.f[i];
		const char *name = ar_printf(c->ar, "fig_%s", f->v[FG_CODE]);
		const char *v = trim(c, ctx_f(c, name)), *err = NULL;
		if (valid_utf8_len(v) > DU_FIG_TEXT)
			err = "du_number";
		else if (*v)
			err = du_figure_parse(v, f->decimals, f->lo, f->hi, &s.val[i]);
		s.typed[i] = v;
		if (err)
			bad++;
		du_form_add(&t, name, v, err);
	}
	du_form_add(&t, "version", vals[FF_VERSION], NULL);
	if (!is_open(&in)) {
		du_form_add(&t, "", "", "du_closed");
		return du_again(c, 409, &in, &t);
	}
	if (bad)
		return du_again(c, 422, &in, &t);
	struct tx x = { .c = c, .nonce = NULL };	/* an edit: the version check, no nonce */
	st = tx_run(&x, figures_tx, &s);
	if (st != 409)
		return st;
	/* a lost race: the instance as it is now, beside the values typed */
	struct du_inst now;
	if ((rc = du_load(c, c->id, &now, 0)) != DB_OK)
		return app_dberr(rc);
	if (now.n == 0)
		return 404;
	pg_conflict(c);
	t.val[t.n - 1] = now.v[IN_VERSION];	/* submitting again is a decision over the newer record */
	if (!is_open(&now))
		du_form_add(&t, "", "", "du_closed");
	return du_again(c, 409, &now, &t);
}
