/* page.c — the page XML; see page.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "buf.h"
#include "csrf.h"
#include "ctx.h"
#include "nav.h"
#include "page.h"
#include "xmlmem.h"

static const char *const lang_code[LANG__MAX] = { "zh-CN", "en" };

/*
 * The site's default first (config default_lang, zh-CN unless set), so a
 * browser's Accept-Language never decides: ?lang= chooses and is kept a
 * year in the cookie wangan_lang, which later requests follow.
 */
void
pg_lang(struct ctx *c)
{
	const char *q = ctx_q(c, "lang");
	char ck[8];

	c->lang = c->cfg->default_lang == 1 ? LANG_EN : LANG_ZH;
	if (q != NULL) {
		c->lang = strncasecmp(q, "en", 2) == 0 ? LANG_EN : LANG_ZH;
		c->cookie = c->lang == LANG_EN ?
		    "wangan_lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly" :
		    "wangan_lang=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly";
	} else if (req_cookie(c->req.cookie, "wangan_lang", ck, sizeof(ck)) == 0) {
		c->lang = strcmp(ck, "en") == 0 ? LANG_EN : LANG_ZH;
	}
}

/*
 * The raw query string minus any lang=…, ending in '&' when not empty, so
 * the language switch can keep filters and paging: href="{path}?{query}lang=en".
 */
static const char *
query_without_lang(struct ctx *c)
{
	struct buf b;
	const char *q = c->req.query;
	buf_init(&b, c->ar, REQ_MAX_QUERY + 1);
	while (q != NULL && *q) {
		const char *end = strchr(q, '&');
		size_t n = end ? (size_t)(end - q) : strlen(q);
		if (n > 0 && strncmp(q, "lang=", 5) != 0) {
			buf_add(&b, q, n);
			buf_add(&b, "&", 1);
		}
		q = end ? end + 1 : NULL;
	}
	return buf_cstr(&b);
}

void
pg_begin(struct ctx *c)
{
	char today[11], tok[CSRF_TOKEN_MAX];
	c->doc = xmlNewDoc(BAD_CAST "1.0");
	c->doc->encoding = xmlStrdup(BAD_CAST "UTF-8");	/* else the XML view escapes every CJK character */
	c->root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(c->doc, c->root);
	pg_attr(c->root, "module", c->mod_name);
	pg_attr(c->root, "lang", lang_code[c->lang]);
	pg_attr(c->root, "reqid", c->reqid);
	pg_attr(c->root, "base", ar_printf(c->ar, "/%s/", c->mod_name));
	pg_attr(c->root, "path", c->req.path);
	wd_format(wd_today(), today);
	pg_attr(c->root, "today", today);
	const char *en = config_get(c->cfg, "site_name_en", "");
	pg_attr(c->root, "site", c->lang == LANG_EN && *en ? en : c->cfg->site_name);
	pg_attr(c->root, "query", query_without_lang(c));
	if (c->acct.login != NULL) {
		xmlNodePtr a = pg_node(c->root, "account");
		pg_attr(a, "login", c->acct.login);
		pg_attr(a, "name", c->acct.name);
		pg_attr(a, "role", c->acct.role_name);
		pg_attri(a, "unit-id", c->acct.unit_id);
		pg_attr(a, "unit-code", c->acct.unit_code);
		pg_attr(a, "unit-name", c->lang == LANG_EN && *c->acct.unit_name_en ?
		    c->acct.unit_name_en : c->acct.unit_name);
		csrf_make(c->cfg, c->acct.login, (long)time(NULL), tok);
		pg_text(c->root, "csrf", tok);
	}
	nav_page(c->root, c->cfg);
	c->msgs = pg_node(c->root, "messages");
	c->data = pg_node(c->root, "data");
}

void
pg_end(struct ctx *c)
{
	xm_doc_free(c->doc);
	c->doc = NULL;
	c->root = c->data = c->msgs = NULL;
	c->view = VIEW_NONE;
}

int
pg_error(struct ctx *c, int status, const char *code)
{
	pg_end(c);
	pg_begin(c);
	c->view = VIEW_ERROR;
	pg_attr(c->data, "code", code);
	return status;
}

xmlNodePtr
pg_node(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

/* xmlNewTextChild stores text as-is; serialization escapes it. */
xmlNodePtr
pg_text(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST(text ? text : ""));
}

void
pg_attr(xmlNodePtr n, const char *name, const char *val)
{
	if (n != NULL && val != NULL)
		xmlNewProp(n, BAD_CAST name, BAD_CAST val);
}

void
pg_attri(xmlNodePtr n, const char *name, long long v)
{
	char b[24];
	snprintf(b, sizeof(b), "%lld", v);
	pg_attr(n, name, b);
}

void
pg_msg(struct ctx *c, const char *field, const char *code)
{
	xmlNodePtr m = pg_node(c->msgs, "msg");
	pg_attr(m, "field", field);
	pg_attr(m, "code", code);
}

void
pg_form(struct ctx *c, xmlNodePtr parent, const struct vfield *t, size_t n,
    const char **vals, const char **errs)
{
	xmlNodePtr f = pg_node(parent, "form");
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr v = pg_text(f, "field", vals[i]);
		pg_attr(v, "name", t[i].key);
		if (t[i].maxlen)
			pg_attri(v, "max", (long long)t[i].maxlen);
		if (errs != NULL && errs[i] != NULL) {
			pg_attr(v, "error", errs[i]);
			pg_msg(c, t[i].key, errs[i]);
		}
	}
}

/*
 * ?saved=CODE on a page a 303 led to (tx.c writes RECORD.ACTION there): the
 * "saved" message, with what="CODE" for layout.xsl to say what happened.
 * A module that added its own "saved" message gets the code on it; a page
 * that did not still shows the notice, so every module says it.
 */
void
pg_saved(struct ctx *c, int status)
{
	const char *q;
	xmlNodePtr m;
	size_t n;

	if (status != 200 || c->view == VIEW_ERROR || c->msgs == NULL || c->req.method != REQ_GET ||
	    (q = ctx_q(c, "saved")) == NULL)
		return;
	for (m = c->msgs->children; m != NULL; m = m->next) {
		xmlAttrPtr a = m->type == XML_ELEMENT_NODE ? xmlHasProp(m, BAD_CAST "code") : NULL;
		if (a != NULL && a->children != NULL && xmlStrEqual(a->children->content, BAD_CAST "saved"))
			break;
	}
	if (m == NULL) {
		m = pg_node(c->msgs, "msg");
		pg_attr(m, "code", "saved");
	}
	for (n = 0; q[n] && n <= PG_SAVED_MAX; n++)
		if (!((q[n] >= 'a' && q[n] <= 'z') || (q[n] >= '0' && q[n] <= '9') ||
		    q[n] == '_' || q[n] == '-' || q[n] == '.'))
			return;
	if (n > 0 && n <= PG_SAVED_MAX && strcmp(q, "1") != 0)
		pg_attr(m, "what", q);
}

void
pg_conflict(struct ctx *c)
{
	pg_msg(c, "", "conflict");
	pg_attr(c->data, "conflict", "1");
}
