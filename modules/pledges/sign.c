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
 * browser never refills a file input).  The nonce is a unique key: a
 * double submit stores one signing and sends the second to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mysqld_error.h>
#include "pledges.h"
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
	struct tpl *t = arg;	/* id, kind, version, title, … */
	t->id = atoll(r->v[0]);
	snprintf(t->kind, sizeof(t->kind), "%s", r->v[1]);
	snprintf(t->version, sizeof(t->version), "%s", r->v[2]);
	snprintf(t->title, sizeof(t->title), "%s", r->v[3]);
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
	k->id = atoll(r->v[0]);
	snprintf(k->signed_date, sizeof(k->signed_date), "%s", r->v[1]);
	return 0;
}

static enum db_rc
current(struct ctx *c, const char *kind, const struct pl_party_ref *p, struct cur *k, int lock)
{
	struct db_val v[] = { DBS(kind), DBS(pl_party_code[p->type]), DBI(p->id) };
	k->id = 0;
	k->signed_date[0] = '\0';
	return db_run(c->db, SQL(lock ? PL_SQL_CURRENT_LOCK : PL_SQL_CURRENT_SIGNING), v, 3, cur_row, k);
}

/* The page around the form: the party, the template version, the current signing. */
static int
form_page(struct ctx *c, int status, const struct pl_party_ref *p, const struct tpl *t,
    const struct cur *k, const char **vals, const char **errs)
{
	c->view = view_id("pledges/sign");
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
	const char **v = arg;	/* name, title */
	v[F_SIGNER] = r->v[0];
	v[F_TITLE] = r->v[1];
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
	char nonce[33], today[11];

	fields[F_KIND].choices = pl_set.kind_choices;
	if (kind == NULL || !pl_party_arg(c, &type, &id))
		return 400;
	int st = open_party(c, kind, type, id, &p);
	if (st != 200)
		return st;
	struct db_val kv = DBS(kind);
	enum db_rc rc = db_run(c->db, SQL(PL_SQL_LATEST_TEMPLATE), &kv, 1, tpl_row, &t);
	if (rc == DB_OK)
		rc = current(c, kind, &p, &k, 0);
	/* Prefill the signer: a unit's first responsible person, or the person. */
	if (rc == DB_OK && type == PL_UNIT) {
		struct db_val u = DBI(p.unit_id);
		rc = db_run(c->db, SQL(PL_SQL_FIRST_HOLDER), &u, 1, signer_row, vals);
	} else if (type == PL_PERSON) {
		vals[F_SIGNER] = p.name;
	}
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
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

/* If this form's nonce already landed, the signing is done: 303 to it. */
static int
already_done(struct ctx *c, const char *nonce, int *status)
{
	return app_done_before(c, SQL(PL_SQL_NONCE), nonce, "/pledges/signings/", "?saved=1", status);
}

/* A 422 or 409: the form again with everything typed, beside what is current now. */
static int
again(struct ctx *c, int status, const struct pl_party_ref *p, const char **vals, const char **errs)
{
	struct tpl t = { 0 };
	struct cur k = { 0 };
	struct db_val tv = DBI(atoll(vals[F_TEMPLATE]));
	enum db_rc rc = db_run(c->db, SQL(PL_SQL_TEMPLATE), &tv, 1, tpl_row, &t);
	if (rc == DB_OK)
		rc = current(c, vals[F_KIND], p, &k, 0);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
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
		buf_printf(&b, "%s\"%s\":\"", i ? "," : "", fields[keys[i]].key);
		buf_json(&b, v[keys[i]]);
		buf_str(&b, "\"");
	}
	buf_printf(&b, ",\"scan_id\":%lld,\"scan_size\":%zu}", scan, f->len);
	return buf_cstr(&b);
}

int
pl_sign(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct pl_party_ref p;
	struct tpl t = { 0 };
	struct cur k;
	const struct req_file *scan = NULL;
	int st, tries = 0;

	fields[F_KIND].choices = pl_set.kind_choices;
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[F_KIND] || errs[F_PARTY_TYPE] || errs[F_PARTY_ID])
		return 400;	/* the form's hidden fields: not something a user typed */
	enum pl_party type = (enum pl_party)(strcmp(vals[F_PARTY_TYPE], "unit") == 0 ? PL_UNIT :
	    strcmp(vals[F_PARTY_TYPE], "vendor") == 0 ? PL_VENDOR : PL_PERSON);
	if ((st = open_party(c, vals[F_KIND], type, atoll(vals[F_PARTY_ID]), &p)) != 200)
		return st;
	enum sniff_type type_of_scan;
	const char *scan_err = up_check(c, "scan", &scan, &type_of_scan);
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
	struct db_val tv = DBI(atoll(vals[F_TEMPLATE]));
	enum db_rc rc = db_run(c->db, SQL(PL_SQL_TEMPLATE), &tv, 1, tpl_row, &t);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if (t.id == 0 || strcmp(t.kind, vals[F_KIND]) != 0)
		return 400;
	if (bad)
		return again(c, 422, &p, vals, errs);
retry:
	if (already_done(c, vals[F_NONCE], &st))
		return st;
	if ((rc = db_begin(c->db)) != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if ((rc = current(c, vals[F_KIND], &p, &k, 1)) != DB_OK)
		goto fail;
	if (k.id != atoll(vals[F_CURRENT])) {
		db_rollback(c->db);
		return again(c, 409, &p, vals, errs);
	}
	long long scan_id = 0;
	if ((rc = up_store(c, SQL(PL_SQL_SCAN_INSERT), SQL(PL_SQL_CHUNK_INSERT), scan, type_of_scan,
	    &scan_id)) != DB_OK)
		goto fail;
	if (k.id) {
		struct db_val sv[] = { DBS(c->acct.login), DBI(k.id) };
		if ((rc = db_run(c->db, SQL(PL_SQL_SUPERSEDE), sv, 2, NULL, NULL)) != DB_OK)
			goto fail;
	}
	struct db_val ins[] = {
		DBS(vals[F_KIND]), DBI(t.id), DBS(pl_party_code[p.type]), DBI(p.id),
		p.unit_id ? DBI(p.unit_id) : DBN, DBS(vals[F_SIGNER]), DBS(vals[F_TITLE]),
		DBS(vals[F_DATE]), DBI(strcmp(vals[F_SEALED], "1") == 0), DBI(scan_id),
		DBS(vals[F_NONCE]), DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, SQL(PL_SQL_SIGNING_INSERT), ins, 13, NULL, NULL)) != DB_OK)
		goto fail;
	long long id = (long long)db_insert_id(c->db);
	if (k.id) {
		struct db_val sb[] = { DBI(id), DBI(k.id) };
		if ((rc = db_run(c->db, SQL(PL_SQL_SUPERSEDED_BY), sb, 2, NULL, NULL)) != DB_OK)
			goto fail;
	}
	if ((rc = audit_write(c, "signing", id, k.id ? "resign" : "sign",
	    k.id ? ar_printf(c->ar, "{\"superseded\":%lld}", k.id) : NULL,
	    after_json(c, vals, scan_id, scan))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return resp_redirect(c, ar_printf(c->ar, "/pledges/signings/%lld?saved=1", id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (db_errno(c->db) == ER_LOCK_DEADLOCK && ++tries < 3)
		goto retry;
	/* a duplicate key: a concurrent submit of this form, or of another, won */
	if (rc == DB_DUP || db_errno(c->db) == ER_LOCK_DEADLOCK || db_errno(c->db) == ER_LOCK_WAIT_TIMEOUT) {
		if (already_done(c, vals[F_NONCE], &st))
			return st;
		return again(c, 409, &p, vals, errs);
	}
	return 500;
}
