/*
 * template.c — the template versions: the list of every kind's versions,
 * one version's text, and its print view for a party (A4, numbered clauses
 * as in the seed, signature, seal and date blanks).  A version's text is
 * the XML stored when it was published (schema/xml/pledge-template.xsd);
 * the page carries it as it is, and the view numbers and lays it out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include "pledges.h"

struct tnode {
	struct ctx *c;
	xmlNodePtr parent;
	int with_body, n;
	const char *kind;
};

static int
template_row(void *arg, const struct db_row *r)
{
	static const struct pl_attr attrs[] = {
		{ T_ID, "id" }, { T_KIND, "kind" }, { T_VERSION, "version" },
		{ T_PUBLISHED_AT, "published-at" }, { T_PUBLISHED_BY, "published-by" },
	};
	struct tnode *t = arg;
	xmlNodePtr n = pg_node(t->parent, "template");
	pl_attrs(n, r, attrs, APP_COUNT(attrs));
	pg_text(n, "title", r->v[T_TITLE]);
	pg_text(n, "note", r->v[T_NOTE]);
	t->kind = ar_strdup(t->c->ar, r->v[T_KIND]);
	t->n++;
	if (!t->with_body)
		return 0;
	pg_attr(n, "sha256", r->v[T_SHA256]);
	/* Published texts were validated against the XSD; still, no network, no entities. */
	xmlDocPtr d = xmlReadMemory(r->v[T_BODY], (int)r->len[T_BODY], "template.xml", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (d == NULL)
		return -1;
	xmlNodePtr body = pg_node(n, "body");
	xmlAddChild(body, xmlDocCopyNode(xmlDocGetRootElement(d), t->c->doc, 1));
	xmlFreeDoc(d);
	return 0;
}

int
pl_templates(struct ctx *c)
{
	struct tnode t = { c, NULL, 0, 0, NULL };
	c->view = VIEW(PL_VIEW_TEMPLATES);
	pl_kinds_node(c);
	t.parent = pg_node(c->data, "templates");
	enum db_rc rc = SQL_RUN0(c, PL_SQL_TEMPLATES, template_row, &t);
	return rc == DB_OK ? 200 : app_dberr(rc);
}

/* Loads version c->id with its text under data; 404 when absent. */
static int
load_template(struct ctx *c, struct tnode *t)
{
	struct db_val v[] = { DBI(c->id) };
	t->c = c;
	t->parent = c->data;
	t->with_body = 1;
	enum db_rc rc = SQL_RUN(c, PL_SQL_TEMPLATE, v, template_row, t);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_attr(c->data, "domain", pl_set.domain);
	pg_attr(c->data, "site", c->cfg->site_name);	/* the texts are Chinese in every page language */
	return t->n ? 200 : 404;
}

int
pl_template(struct ctx *c)
{
	struct tnode t = { 0 };
	c->view = VIEW(PL_VIEW_TEMPLATE);
	return load_template(c, &t);
}

static int
signer_row(void *arg, const struct db_row *r)
{
	xmlNodePtr s = arg;
	pg_attr(s, "name", r->v[HOLDER_NAME]);
	pg_attr(s, "title", r->v[HOLDER_TITLE]);
	return 1;
}

int
pl_print(struct ctx *c)
{
	struct tnode t = { 0 };
	enum pl_party type;
	long long id;
	struct pl_party_ref p;

	c->view = VIEW(PL_VIEW_PRINT);
	int st = load_template(c, &t);
	if (st != 200 || !pl_party_arg(c, &type, &id))
		return st;	/* no party: a blank form to fill in by hand */
	if ((st = pl_party_load(c, type, id, &p)) != 200)
		return st;
	if (!pl_party_read(c, &p))
		return auth_deny(c, pl_party_code[type], id);
	int k = pl_kind(t.kind);
	if (k < 0 || pl_kind_party[k] != type)
		return 400;
	xmlNodePtr pn = pg_node(c->data, "party");
	pg_attr(pn, "type", pl_party_code[type]);
	pg_attri(pn, "id", p.id);
	pg_attr(pn, "code", p.code);
	pg_text(pn, "name", p.name);
	xmlNodePtr s = pg_node(pn, "signer");
	if (type == PL_PERSON)
		pg_attr(s, "name", p.name);
	if (type != PL_UNIT)
		return 200;
	struct db_val u[] = { DBI(p.unit_id) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_FIRST_HOLDER, u, signer_row, s);
	return rc == DB_OK ? 200 : app_dberr(rc);
}
