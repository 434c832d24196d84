/*
 * publish.c — the office publishes a new version of a template.  The form
 * starts from the latest version as plain text (text.c); the signature
 * lines are kept from the version the form started from.  The POST builds
 * the version's XML and inserts it as the next version of its kind, in one
 * transaction with its audit row; signings keep pointing at the versions
 * they signed.
 *
 * If another version was published since the form was opened, the POST is
 * a 409 that keeps everything typed and names the version now current; the
 * form's nonce, taken in the same transaction (tx.h), makes a double submit
 * publish once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "buf.h"
#include "pledges.h"
#include "sha256.h"
#include "tx.h"

/* F_TITLE … F_CLOSING are the text's parts in pl_text's order (text.c). */
enum { F_KIND, F_BASE, F_TITLE, F_PREAMBLE, F_CLAUSES, F_CLOSING, F_NOTE, F_NONCE, F__MAX };
_Static_assert(F_CLOSING - F_TITLE == PL_TEXT_CLOSING - PL_TEXT_TITLE, "the form's text fields are pl_text's parts");

static struct vfield fields[F__MAX] = {
	[F_KIND]     = { "kind", V_CHOICE, 1, 16, NULL },
	[F_BASE]     = { "based_on", V_INT, 1, 12, NULL },
	[F_TITLE]    = { "title", V_TEXT, 1, 200, NULL },
	[F_PREAMBLE] = { "preamble", V_MULTILINE, 0, 6000, NULL },
	[F_CLAUSES]  = { "clauses", V_MULTILINE, 1, 10000, NULL },
	[F_CLOSING]  = { "closing", V_MULTILINE, 0, 6000, NULL },
	[F_NOTE]     = { "note", V_TEXT, 1, 200, NULL },
	[F_NONCE]    = { "nonce", V_TOKEN, 1, 32, NULL },
};

struct base {
	struct ctx *c;
	long long id;
	int version;
	char kind[20];
	xmlDocPtr doc;
};

static int
base_row(void *arg, const struct db_row *r)
{
	struct base *b = arg;
	b->id = atoll(r->v[T_ID]);
	b->version = atoi(r->v[T_VERSION]);
	snprintf(b->kind, sizeof(b->kind), "%s", r->v[T_KIND]);
	if (r->n > T_BODY)	/* PL_SQL_TEMPLATE: the text too */
		b->doc = xmlReadMemory(r->v[T_BODY], (int)r->len[T_BODY], "template.xml", "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	return 0;
}

static int
base_row_next(void *arg, const struct db_row *r)
{
	*(int *)arg = atoi(r->v[NEXT_VERSION]);
	return 0;
}

/* The latest version of kind (id and number only). */
static enum db_rc
latest(struct ctx *c, const char *kind, struct base *b)
{
	struct db_val v[] = { DBS(kind) };
	memset(b, 0, sizeof(*b));
	return SQL_RUN(c, PL_SQL_LATEST_TEMPLATE, v, base_row, b);
}

/* Version id with its parsed text; 200, 404 or APP_LOST/500. */
static int
load_base(struct ctx *c, long long id, struct base *b)
{
	struct db_val v[] = { DBI(id) };
	memset(b, 0, sizeof(*b));
	enum db_rc rc = SQL_RUN(c, PL_SQL_TEMPLATE, v, base_row, b);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (b->id == 0)
		return 404;
	return b->doc != NULL ? 200 : 500;
}

static int
form_page(struct ctx *c, int status, const struct base *b, const char **vals, const char **errs)
{
	c->view = VIEW(PL_VIEW_PUBLISH);
	pl_kinds_node(c);
	xmlNodePtr n = pg_node(c->data, "base");
	pg_attri(n, "id", b->id);
	pg_attr(n, "kind", b->kind);
	pg_attri(n, "version", b->version);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
pl_publish_form(struct ctx *c)
{
	const char *kind = ctx_q(c, "kind"), *vals[F__MAX] = { 0 };
	struct base last, b;
	char nonce[TX_NONCE_LEN + 1];

	if (pl_kind(kind) < 0)
		return 400;
	enum db_rc rc = latest(c, kind, &last);
	if (rc != DB_OK)
		return app_dberr(rc);
	int st = load_base(c, last.id, &b);
	if (st != 200)
		return st;
	pl_text_of(c, b.doc, vals + F_TITLE);
	tx_nonce(nonce);
	vals[F_KIND] = kind;
	vals[F_BASE] = ar_printf(c->ar, "%lld", b.id);
	vals[F_NOTE] = "";
	vals[F_NONCE] = nonce;
	return form_page(c, 200, &b, vals, NULL);
}

static const char *
audit_json(struct ctx *c, const char **v, int version, const char *sha)
{
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{\"kind\":\"");
	buf_json(&b, v[F_KIND]);
	buf_printf(&b, "\",\"version\":%d,\"sha256\":\"%s\",\"note\":\"", version, sha);
	buf_json(&b, v[F_NOTE]);
	buf_str(&b, "\"}");
	return buf_cstr(&b);
}

/* Someone published since this form was opened: show what is current, keep the text. */
static int
conflict(struct ctx *c, const char **vals)
{
	struct base last;
	enum db_rc rc = latest(c, vals[F_KIND], &last);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_conflict(c);
	vals[F_BASE] = ar_printf(c->ar, "%lld", last.id);
	return form_page(c, 409, &last, vals, NULL);
}

/* What the publishing transaction needs: the form, and the version's number, XML and checksum. */
struct version {
	const char **vals;
	int number;
	const char *xml, *sha;
};

/* Inserts the version as the next of its kind; 409 when another was published meanwhile. */
static int
publish_tx(struct tx *t, void *arg)
{
	struct version *v = arg;
	struct ctx *c = t->c;
	const char **vals = v->vals;
	int next = 0;
	struct db_val kv[] = { DBS(vals[F_KIND]) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_TEMPLATE_NEXT, kv, base_row_next, &next);
	if (rc != DB_OK)
		return rc;
	if (next != v->number)
		return 409;
	struct db_val ins[] = {
		DBS(vals[F_KIND]), DBI(next), DBS(vals[F_TITLE]), DBS(v->xml), DBS(v->sha),
		DBS(vals[F_NOTE]), DBS(vals[F_NONCE]), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, PL_SQL_TEMPLATE_INSERT, ins, NULL, NULL)) != DB_OK)
		return rc;
	t->record = "template";
	t->id = (long long)db_insert_id(c->db);
	t->action = "publish";
	t->after = audit_json(c, vals, next, v->sha);
	t->then = ar_printf(c->ar, "/pledges/templates/%lld?saved=1", t->id);
	return TX_COMMIT;
}

int
pl_publish(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *code = NULL;
	struct base b, last;
	int st, part = -1;
	unsigned char d[32];
	char sha[65];

	fields[F_KIND].choices = pl_set.kind_choices;
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[F_KIND] || errs[F_BASE])
		return 400;	/* hidden fields, not typed */
	if ((st = load_base(c, atoll(vals[F_BASE]), &b)) != 200)
		return st;
	if (strcmp(b.kind, vals[F_KIND]) != 0)
		return 400;
	enum db_rc rc = latest(c, vals[F_KIND], &last);
	if (rc != DB_OK)
		return app_dberr(rc);
	xmlDocPtr doc = bad ? NULL : pl_text_doc(vals[F_KIND], b.version + 1, vals + F_TITLE, b.doc,
	    c->acct.login, &part, &code);
	if (doc == NULL) {
		/*
		 * A newer version says more than the typing errors: the text has to
		 * be redone over it anyway.  (A valid form over an older version
		 * goes on to tx_run, which sends a double submit to what the first
		 * one published.)
		 */
		if (last.id != b.id)
			return conflict(c, vals);
		if (part >= 0) {
			errs[F_TITLE + part] = code;
			pg_msg(c, fields[F_TITLE + part].key, code);
		}
		return form_page(c, 422, &b, vals, errs);
	}
	xmlChar *xml = NULL;
	int len = 0;
	xmlDocDumpFormatMemoryEnc(doc, &xml, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (xml == NULL)
		return 500;
	struct sha256 h;
	sha256_init(&h);
	sha256_update(&h, xml, (size_t)len);
	sha256_final(&h, d);
	hex_encode(d, sizeof(d), sha);
	struct version v = { vals, b.version + 1, (const char *)xml, sha };
	struct tx t = { .c = c, .nonce = vals[F_NONCE] };
	st = tx_run(&t, publish_tx, &v);
	xmlFree(xml);
	/* 409: published meanwhile (tx_run answers a duplicate version so, too) */
	return st == 409 ? conflict(c, vals) : st;
}
