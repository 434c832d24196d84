/*
 * sign.c — recording a signing: which version of which kind, for which
 * party, signed by whom and when, sealed or not, and the scan of the signed
 * paper (PDF, JPEG or PNG by its bytes, at most 20 MiB).  The form prefills
 * the signer with the unit's current first responsible person
 * (registration).  The POST stores the scan, supersedes the party's current
 * signing of the kind and inserts the new one, in one transaction with its
 * audit row.
 *
 * Concurrency: the form carries the id of the current signing it saw (0 for
 * none).  If another signing landed in between, the POST gets 409 with what
 * is current now and every value typed (the file has to be chosen again: a
 * browser never refills a file input).  The form's nonce is taken in the
 * same transaction (tx.h): a double submit stores one signing and sends the
 * second to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "pledges.h"
#include "tx.h"
#include "upload.h"

enum { F_KIND, F_PARTY_TYPE, F_PARTY_ID, F_TEMPLATE, F_SIGNER, F_TITLE, F_DATE, F_SEALED,
	F_CURRENT, F_NONCE, F__MAX };

static const char *const party_choices[] = { "unit", "vendor", "person", NULL };
static const char *const sealed_choices[] = { "0", "1", NULL };

static struct vfield fields[F__MAX] = {
	[F_KIND]       = { "kind", V_CHOICE, 1, 16, NULL },
	[F_PARTY_TYPE] = { "party_type", V_CHOICE, 1, 8, party_choices },
	[F_PARTY_ID]   = { "party_id", V_INT, 1, 12, NULL },
	[F_TEMPLATE]   = { "template_id", V_INT, 1, 12, NULL },
	[F_SIGNER]     = { "signer_name", V_TEXT, 1, 32, NULL },
	[F_TITLE]      = { "signer_title", V_TEXT, 0, 32, NULL },
	[F_DATE]       = { "signed_date", V_DATE, 1, 10, NULL },
	[F_SEALED]     = { "sealed", V_CHOICE, 0, 1, sealed_choices },
	[F_CURRENT]    = { "current_id", V_INT, 1, 20, NULL },
	[F_NONCE]      = { "nonce", V_TOKEN, 1, 32, NULL },
};

struct tpl {
	long long id;
	char kind[20], version[12], title[201];
};

static int
tpl_row(void *arg, const struct db_row *r)
{
	struct tpl *t = arg;
	t->id = atoll(r->v[T_ID]);
	snprintf(t->kind, sizeof(t->kind), "%s", r->v[T_KIND]);
	snprintf(t->version, sizeof(t->version), "%s", r->v[T_VERSION]);
	snprintf(t->title, sizeof(t->title), "%s", r->v[T_TITLE]);
	return 0;
}

struct cur {
	long long id;
	char signed_date[11];
};

static int
cur_row(void *arg, const struct db_row *r)
{
	struct cur *k = arg;
	k->id = atoll(r->v[CUR_ID]);
	snprintf(k->signed_date, sizeof(k->signed_date), "%s", r->v[CUR_SIGNED]);
	return 0;
}

static enum db_rc
current(struct ctx *c, const char *kind, const struct pl_party_ref *p, struct cur *k, int lock)
{
	struct db_val v[] = { DBS(kind), DBS(pl_party_code[p->type]), DBI(p->id) };
	k->id = 0;
	k->signed_date[0] = '\0';
	return lock ? SQL_RUN(c, PL_SQL_CURRENT_LOCK, v, cur_row, k) :
	    SQL_RUN(c, PL_SQL_CURRENT_SIGNING, v, cur_row, k);
}

/* The page around the form: the party, the template version, the current signing. */
static int
form_page(struct ctx *c, int status, const struct pl_party_ref *p, const struct tpl *t,
    const struct cur *k, const char **vals, const char **errs)
{
	c->view = VIEW(PL_VIEW_SIGN);
	pl_kinds_node(c);
	xmlNodePtr pn = pg_node(c->data, "party");
	pg_attr(pn, "type", pl_party_code[p->type]);
	pg_attri(pn, "id", p->id);
	pg_attri(pn, "unit-id", p->unit_id);
	pg_attr(pn, "code", p->code);
	pg_text(pn, "name", p->name);
	if (t != NULL && t->id) {
		xmlNodePtr tn = pg_node(c->data, "template");
		pg_attri(tn, "id", t->id);
		pg_attr(tn, "kind", t->kind);
		pg_attr(tn, "version", t->version);
		pg_text(tn, "title", t->title);
	}
	if (k != NULL && k->id) {
		xmlNodePtr cn = pg_node(c->data, "current");
		pg_attri(cn, "id", k->id);
		pg_attr(cn, "signed", k->signed_date);
	}
	pg_attri(c->data, "max-scan", REQ_MAX_FILE);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

static int
signer_row(void *arg, const struct db_row *r)
{
	const char **v = arg;
	v[F_SIGNER] = r->v[HOLDER_NAME];
	v[F_TITLE] = r->v[HOLDER_TITLE];
	return 1;
}

/* The kind and party of a request, checked: the kind is signed by that type of party, which exists and this account may sign for. */
static int
open_party(struct ctx *c, const char *kind, enum pl_party type, long long id, struct pl_party_ref *p)
{
	int k = pl_kind(kind);
	if (k < 0 || pl_kind_party[k] != type)
		return 400;
	int st = pl_party_load(c, type, id, p);
	if (st != 200)
		return st;
	return pl_party_write(c, p) ? 200 : auth_deny(c, pl_party_code[type], id);
}

int
pl_sign_form(struct ctx *c)
{
	const char *kind = ctx_q(c, "kind"), *vals[F__MAX] = { 0 };
	enum pl_party type;
	long long id;
	struct pl_party_ref p;
	struct tpl t = { 0 };
	struct cur k;
	char nonce[TX_NONCE_LEN + 1], today[11];

	fields[F_KIND].choices = pl_set.kind_choices;
	if (kind == NULL || !pl_party_arg(c, &type, &id))
		return 400;
	int st = open_party(c, kind, type, id, &p);
	if (st != 200)
		return st;
	struct db_val kv[] = { DBS(kind) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_LATEST_TEMPLATE, kv, tpl_row, &t);
	if (rc == DB_OK)
		rc = current(c, kind, &p, &k, 0);
	/* Prefill the signer: a unit's first responsible person, or the person. */
	if (rc == DB_OK && type == PL_UNIT) {
		struct db_val u[] = { DBI(p.unit_id) };
		rc = SQL_RUN(c, PL_SQL_FIRST_HOLDER, u, signer_row, vals);
	} else if (type == PL_PERSON) {
		vals[F_SIGNER] = p.name;
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (t.id == 0)
		return 404;
	tx_nonce(nonce);
	wd_format(wd_today(), today);
	vals[F_KIND] = kind;
	vals[F_PARTY_TYPE] = pl_party_code[type];
	vals[F_PARTY_ID] = ar_printf(c->ar, "%lld", id);
	vals[F_TEMPLATE] = ar_printf(c->ar, "%lld", t.id);
	vals[F_DATE] = today;
	vals[F_SEALED] = type == PL_PERSON ? "0" : "1";
	vals[F_CURRENT] = ar_printf(c->ar, "%lld", k.id);
	vals[F_NONCE] = nonce;
	for (int i = 0; i < F__MAX; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return form_page(c, 200, &p, &t, &k, vals, NULL);
}

/* A 422 or 409: the form again with everything typed, beside what is current now. */
static int
again(struct ctx *c, int status, const struct pl_party_ref *p, const char **vals, const char **errs)
{
	struct tpl t = { 0 };
	struct cur k = { 0 };
	struct db_val tv[] = { DBI(atoll(vals[F_TEMPLATE])) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_TEMPLATE, tv, tpl_row, &t);
	if (rc == DB_OK)
		rc = current(c, vals[F_KIND], p, &k, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (status == 409) {
		pg_conflict(c);
		/* resubmitting replaces the signing current now, knowingly */
		vals[F_CURRENT] = ar_printf(c->ar, "%lld", k.id);
	}
	pg_attr(c->data, "scan-again", "1");
	return form_page(c, status, p, &t, &k, vals, errs);
}

static const char *
after_json(struct ctx *c, const char **v, long long scan, const struct req_file *f)
{
	struct buf b;
	static const int keys[] = { F_KIND, F_PARTY_TYPE, F_PARTY_ID, F_TEMPLATE, F_SIGNER, F_TITLE,
		F_DATE, F_SEALED };
	buf_init(&b, c->ar, 4096);
	buf_str(&b, "{");
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		buf_json_field(&b, fields[keys[i]].key, v[keys[i]]);
	}
	buf_printf(&b, ",\"scan_id\":%lld,\"scan_size\":%zu}", scan, f->len);
	return buf_cstr(&b);
}

/* What the signing's transaction needs from the validated request. */
struct signing {
	const char **vals;
	const struct pl_party_ref *p;
	const struct tpl *t;
	const struct req_file *scan;
	enum sniff_type scan_type;
};

/*
 * Stores the scan, supersedes the party's current signing of the kind and
 * inserts the new one.  409: another signing became current since the form
 * was shown.
 */
static int
sign_tx(struct tx *t, void *arg)
{
	struct signing *sg = arg;
	struct ctx *c = t->c;
	const char **vals = sg->vals;
	const struct pl_party_ref *p = sg->p;
	struct cur k;
	long long scan_id = 0;
	enum db_rc rc;

	if ((rc = current(c, vals[F_KIND], p, &k, 1)) != DB_OK)
		return rc;
	if (k.id != atoll(vals[F_CURRENT]))
		return 409;
	if ((rc = up_store(c, SQL(PL_SQL_SCAN_INSERT), SQL(PL_SQL_CHUNK_INSERT), sg->scan, sg->scan_type,
	    &scan_id)) != DB_OK)
		return rc;
	if (k.id) {
		struct db_val sv[] = { DBS(c->acct.login), DBI(k.id) };
		if ((rc = SQL_RUN(c, PL_SQL_SUPERSEDE, sv, NULL, NULL)) != DB_OK)
			return rc;
	}
	struct db_val ins[] = {
		DBS(vals[F_KIND]), DBI(sg->t->id), DBS(pl_party_code[p->type]), DBI(p->id),
		p->unit_id ? DBI(p->unit_id) : DBN, DBS(vals[F_SIGNER]), DBS(vals[F_TITLE]),
		DBS(vals[F_DATE]), DBI(strcmp(vals[F_SEALED], "1") == 0), DBI(scan_id),
		DBS(vals[F_NONCE]), DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, PL_SQL_SIGNING_INSERT, ins, NULL, NULL)) != DB_OK)
		return rc;
	long long id = (long long)db_insert_id(c->db);
	if (k.id) {
		struct db_val sb[] = { DBI(id), DBI(k.id) };
		if ((rc = SQL_RUN(c, PL_SQL_SUPERSEDED_BY, sb, NULL, NULL)) != DB_OK)
			return rc;
	}
	t->record = "signing";
	t->id = id;
	t->action = k.id ? "resign" : "sign";
	t->before = k.id ? ar_printf(c->ar, "{\"superseded\":%lld}", k.id) : NULL;
	t->after = after_json(c, vals, scan_id, sg->scan);
	t->then = ar_printf(c->ar, "/pledges/signings/%lld?saved=1", id);
	return TX_COMMIT;
}

int
pl_sign(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct pl_party_ref p;
	struct tpl t = { 0 };
	struct signing sg = { vals, &p, &t, NULL, SNIFF_OTHER };
	int st;

	fields[F_KIND].choices = pl_set.kind_choices;
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[F_KIND] || errs[F_PARTY_TYPE] || errs[F_PARTY_ID])
		return 400;	/* the form's hidden fields: not something a user typed */
	enum pl_party type = pl_party_type(vals[F_PARTY_TYPE]);
	if ((st = open_party(c, vals[F_KIND], type, atoll(vals[F_PARTY_ID]), &p)) != 200)
		return st;
	const char *scan_err = up_check(c, "scan", &sg.scan, &sg.scan_type);
	if (scan_err != NULL) {
		pg_msg(c, "scan", scan_err);
		if (strcmp(scan_err, "too_large") == 0)
			return again(c, 413, &p, vals, errs);
		bad++;
	}
	if (errs[F_DATE] == NULL && wd_parse(vals[F_DATE]) > wd_today()) {
		errs[F_DATE] = "future";
		bad++;
	}
	struct db_val tv[] = { DBI(atoll(vals[F_TEMPLATE])) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_TEMPLATE, tv, tpl_row, &t);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (t.id == 0 || strcmp(t.kind, vals[F_KIND]) != 0)
		return 400;
	if (bad)
		return again(c, 422, &p, vals, errs);
	struct tx txn = { .c = c, .nonce = vals[F_NONCE] };
	st = tx_run(&txn, sign_tx, &sg);
	/* 409: another signing landed first (tx_run answers a duplicate key so, too) */
	return st == 409 ? again(c, 409, &p, vals, errs) : st;
}
