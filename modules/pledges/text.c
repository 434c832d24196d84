/*
 * text.c — a template version's text as the publish form edits it, and
 * back: the title, the preamble and the closing one paragraph per line, the
 * clauses one per line with their items on the lines after, each starting
 * "- ".  {site} and {domain} stand for the school's name and domain in the
 * title and the clauses.  The XML is urn:wangan:pledge-template:1
 * (schema/xml/pledge-template.xsd), written in the schema's order.
 */
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include "buf.h"
#include "pledges.h"

#define PT_NS "urn:wangan:pledge-template:1"
#define PT_MAX_CLAUSES 99	/* the view numbers 一 … 九十九 */

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

void
pl_text_of(struct ctx *c, xmlDocPtr d, const char *part[PL_TEXT__MAX])
{
	struct buf b[PL_TEXT__MAX];
	for (int i = 0; i < PL_TEXT__MAX; i++)
		buf_init(&b[i], c->ar, 64 * 1024);
	for (xmlNodePtr n = xmlDocGetRootElement(d)->children; n != NULL; n = n->next) {
		if (is(n, "title"))
			line(&b[PL_TEXT_TITLE], "", n->children);
		for (xmlNodePtr p = n->children; (is(n, "preamble") || is(n, "closing")) && p; p = p->next)
			if (is(p, "p"))
				line(&b[is(n, "preamble") ? PL_TEXT_PREAMBLE : PL_TEXT_CLOSING], "", p->children);
		if (!is(n, "clause"))
			continue;
		/* the lead text is what comes before the first item */
		xmlNodePtr lead = xmlNewNode(NULL, BAD_CAST "lead");
		for (xmlNodePtr k = n->children; k != NULL && !is(k, "item"); k = k->next)
			xmlAddChild(lead, xmlCopyNode(k, 1));
		line(&b[PL_TEXT_CLAUSES], "", lead->children);
		xmlFreeNode(lead);
		for (xmlNodePtr k = n->children; k != NULL; k = k->next)
			if (is(k, "item"))
				line(&b[PL_TEXT_CLAUSES], "- ", k->children);
	}
	const char *t = buf_cstr(&b[PL_TEXT_TITLE]);
	part[PL_TEXT_TITLE] = ar_strndup(c->ar, t, strcspn(t, "\n"));
	for (int i = PL_TEXT_PREAMBLE; i < PL_TEXT__MAX; i++)
		part[i] = buf_cstr(&b[i]);
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

xmlDocPtr
pl_text_doc(const char *kind, int version, const char *const part[PL_TEXT__MAX], xmlDocPtr base,
    const char *login, int *bad_part, const char **code)
{
	char num[16];
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "template");
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST PT_NS, NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(d, root);
	xmlNewProp(root, BAD_CAST "kind", BAD_CAST kind);
	snprintf(num, sizeof(num), "%d", version);
	xmlNewProp(root, BAD_CAST "version", BAD_CAST num);
	xmlNewProp(root, BAD_CAST "lang", BAD_CAST "zh-CN");
	xmlNewProp(root, BAD_CAST "source", BAD_CAST login);
	const char *title = part[PL_TEXT_TITLE];
	add_text(ns, xmlNewChild(root, ns, BAD_CAST "title", NULL), title, strlen(title), 1);
	const char *bad;
	if ((bad = add_paras(ns, root, "preamble", part[PL_TEXT_PREAMBLE])) != NULL)
		*bad_part = PL_TEXT_PREAMBLE;
	else if ((bad = add_clauses(ns, root, part[PL_TEXT_CLAUSES])) != NULL)
		*bad_part = PL_TEXT_CLAUSES;
	else if ((bad = add_paras(ns, root, "closing", part[PL_TEXT_CLOSING])) != NULL)
		*bad_part = PL_TEXT_CLOSING;
	if (bad != NULL) {
		*code = bad;
		xmlFreeDoc(d);
		return NULL;
	}
	/* the signature lines are the base's: the form does not edit them */
	xmlNodePtr signatures = NULL;
	for (xmlNodePtr n = xmlDocGetRootElement(base)->children; n != NULL; n = n->next)
		if (is(n, "signatures"))
			signatures = n;
	if (signatures != NULL) {
		xmlNodePtr sig = xmlDocCopyNode(signatures, d, 1);
		xmlAddChild(root, sig);
		xmlReconciliateNs(d, sig);
	}
	return d;
}
