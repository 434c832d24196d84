/*
 * publish.c — the office publishes a new version of a template.  The form
 * starts from the latest version as plain text: the title, the preamble
 * and the closing one paragraph per line, the clauses one per line with
 * their items on the lines after, each starting "- ".  {site} and {domain}
 * stand for the school's name and domain in the title and the clauses.  The
 * signature lines are kept from the version the form started from.  The POST
 * builds the version's XML (urn:wangan:pledge-template:1) and inserts it as
 * the next version of its kind, in one transaction with its audit row;
 * signings keep pointing at the versions they signed.
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

#define PT_NS "urn:wangan:pledge-template:1"
#define PT_MAX_CLAUSES 99	/* the view numbers 一 … 九十九 */

enum { F_KIND, F_BASE, F_TITLE, F_PREAMBLE, F_CLAUSES, F_CLOSING, F_NOTE, F_NONCE, F__MAX };

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

/* Text with <site/> and <domain/> written as {site} and {domain}. */
static void
text_of(struct buf *b, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			xmlChar *t = xmlNodeGetContent(n);
			buf_str(b, (const char *)t);
			xmlFree(t);
		} else if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "site")) {
			buf_str(b, "{site}");
		} else if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "domain")) {
			buf_str(b, "{domain}");
		}
	}
}

/* One trimmed line per paragraph, clause or item. */
static void
line(struct buf *b, const char *prefix, xmlNodePtr first)
{
	struct buf t;
	buf_init(&t, b->ar, 8192);
	text_of(&t, first);
	const char *s = buf_cstr(&t), *e = s + strlen(s);
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	buf_str(b, prefix);
	buf_add(b, s, (size_t)(e - s));
	buf_str(b, "\n");
}

static int
is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

/* The form's texts from a version's XML. */
static void
to_text(struct ctx *c, xmlDocPtr d, const char **vals)
{
	struct buf part[4];	/* title, preamble, clauses, closing */
	for (int i = 0; i < 4; i++)
		buf_init(&part[i], c->ar, 64 * 1024);
	for (xmlNodePtr n = xmlDocGetRootElement(d)->children; n != NULL; n = n->next) {
		if (is(n, "title"))
			line(&part[0], "", n->children);
		for (xmlNodePtr p = n->children; (is(n, "preamble") || is(n, "closing")) && p; p = p->next)
			if (is(p, "p"))
				line(&part[is(n, "preamble") ? 1 : 3], "", p->children);
		if (!is(n, "clause"))
			continue;
		/* the lead text is what comes before the first item */
		xmlNodePtr lead = xmlNewNode(NULL, BAD_CAST "lead");
		for (xmlNodePtr k = n->children; k != NULL && !is(k, "item"); k = k->next)
			xmlAddChild(lead, xmlCopyNode(k, 1));
		line(&part[2], "", lead->children);
		xmlFreeNode(lead);
		for (xmlNodePtr k = n->children; k != NULL; k = k->next)
			if (is(k, "item"))
				line(&part[2], "- ", k->children);
	}
	const char *t = buf_cstr(&part[0]);
	vals[F_TITLE] = ar_strndup(c->ar, t, strcspn(t, "\n"));
	vals[F_PREAMBLE] = buf_cstr(&part[1]);
	vals[F_CLAUSES] = buf_cstr(&part[2]);
	vals[F_CLOSING] = buf_cstr(&part[3]);
}

/* Adds text to parent, turning {site} and {domain} into their elements where placeholders may stand. */
static void
add_text(xmlNsPtr ns, xmlNodePtr parent, const char *s, size_t n, int placeholders)
{
	const char *end = s + n;
	while (s < end) {
		const char *site = placeholders ? strstr(s, "{site}") : NULL;
		const char *dom = placeholders ? strstr(s, "{domain}") : NULL;
		const char *next = site && (!dom || site < dom) ? site : dom;
		if (next == NULL || next >= end) {
			xmlAddChild(parent, xmlNewTextLen(BAD_CAST s, (int)(end - s)));
			return;
		}
		if (next > s)
			xmlAddChild(parent, xmlNewTextLen(BAD_CAST s, (int)(next - s)));
		xmlNewChild(parent, ns, BAD_CAST(next == site ? "site" : "domain"), NULL);
		s = next + (next == site ? 6 : 8);
	}
}

/* The next non-empty line of a textarea from s, trimmed: its start and length, and where to go on. */
static const char *
each_line(const char *s, size_t *len, const char **next)
{
	while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return NULL;
	const char *e = s + strcspn(s, "\r\n");
	*next = e;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*len = (size_t)(e - s);
	return s;
}

/* Characters (code points) in s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

/* Paragraphs, one per line, as <name><p>…</p>…</name>; none when the text is empty. */
static const char *
add_paras(xmlNsPtr ns, xmlNodePtr root, const char *name, const char *text)
{
	const char *s, *next;
	size_t n;
	xmlNodePtr box = NULL;
	for (const char *p = text; (s = each_line(p, &n, &next)) != NULL; p = next) {
		if (chars(s, n) > 2000)
			return "too_long";
		box = box ? box : xmlNewChild(root, ns, BAD_CAST name, NULL);
		add_text(ns, xmlNewChild(box, ns, BAD_CAST "p", NULL), s, n, 0);
	}
	return NULL;
}

/* Clauses one per line, their items on the lines after starting "- ". */
static const char *
add_clauses(xmlNsPtr ns, xmlNodePtr root, const char *text)
{
	const char *s, *next;
	size_t n;
	char num[16];
	int clauses = 0, items = 0;
	xmlNodePtr clause = NULL;
	for (const char *p = text; (s = each_line(p, &n, &next)) != NULL; p = next) {
		if (n >= 2 && s[0] == '-' && s[1] == ' ') {
			if (clause == NULL)
				return "item_first";
			if (chars(s + 2, n - 2) > 1000)
				return "too_long";
			snprintf(num, sizeof(num), "%d", ++items);
			xmlNodePtr it = xmlNewChild(clause, ns, BAD_CAST "item", NULL);
			xmlNewProp(it, BAD_CAST "n", BAD_CAST num);
			add_text(ns, it, s + 2, n - 2, 0);
			continue;
		}
		if (++clauses > PT_MAX_CLAUSES)
			return "too_many";
		if (chars(s, n) > 2000)
			return "too_long";
		items = 0;
		snprintf(num, sizeof(num), "%d", clauses);
		clause = xmlNewChild(root, ns, BAD_CAST "clause", NULL);
		xmlNewProp(clause, BAD_CAST "n", BAD_CAST num);
		add_text(ns, clause, s, n, 1);
	}
	return clauses ? NULL : "required";
}

/*
 * Builds a version's XML from the form's texts and the base's signature
 * lines, in the schema's order.  Returns the document, or NULL with *field
 * and *code naming the first problem.
 */
static xmlDocPtr
from_text(const char **v, int version, xmlNodePtr signatures, const char *login,
    int *field, const char **code)
{
	char num[16];
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "template");
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST PT_NS, NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(d, root);
	xmlNewProp(root, BAD_CAST "kind", BAD_CAST v[F_KIND]);
	snprintf(num, sizeof(num), "%d", version);
	xmlNewProp(root, BAD_CAST "version", BAD_CAST num);
	xmlNewProp(root, BAD_CAST "lang", BAD_CAST "zh-CN");
	xmlNewProp(root, BAD_CAST "source", BAD_CAST login);
	add_text(ns, xmlNewChild(root, ns, BAD_CAST "title", NULL), v[F_TITLE], strlen(v[F_TITLE]), 1);
	const char *bad;
	if ((bad = add_paras(ns, root, "preamble", v[F_PREAMBLE])) != NULL)
		*field = F_PREAMBLE;
	else if ((bad = add_clauses(ns, root, v[F_CLAUSES])) != NULL)
		*field = F_CLAUSES;
	else if ((bad = add_paras(ns, root, "closing", v[F_CLOSING])) != NULL)
		*field = F_CLOSING;
	if (bad != NULL) {
		*code = bad;
		xmlFreeDoc(d);
		return NULL;
	}
	if (signatures != NULL) {
		xmlNodePtr sig = xmlDocCopyNode(signatures, d, 1);
		xmlAddChild(root, sig);
		xmlReconciliateNs(d, sig);
	}
	return d;
}

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
	to_text(c, b.doc, vals);
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
	int st, field = -1;
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
	xmlNodePtr sig = NULL;
	for (xmlNodePtr n = xmlDocGetRootElement(b.doc)->children; n != NULL; n = n->next)
		if (is(n, "signatures"))
			sig = n;
	xmlDocPtr doc = bad ? NULL : from_text(vals, b.version + 1, sig, c->acct.login, &field, &code);
	if (doc == NULL) {
		/*
		 * A newer version says more than the typing errors: the text has to
		 * be redone over it anyway.  (A valid form over an older version
		 * goes on to tx_run, which sends a double submit to what the first
		 * one published.)
		 */
		if (last.id != b.id)
			return conflict(c, vals);
		if (field >= 0) {
			errs[field] = code;
			pg_msg(c, fields[field].key, code);
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
