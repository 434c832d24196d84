/* html.c — see html.h. */
#include <libxml/parserInternals.h>
#include "html.h"

void
hw_init(struct hw *h, int (*sink)(void *, const char *, size_t), void *arg)
{
	h->sink = sink;
	h->arg = arg;
	h->n = 0;
	h->err = 0;
}

int
hw_flush(struct hw *h)
{
	if (h->n && !h->err && h->sink(h->arg, h->b, h->n) != 0)
		h->err = 1;
	h->n = 0;
	return h->err ? -1 : 0;
}

void
hw_put_slow(struct hw *h, const char *s, size_t n)
{
	hw_flush(h);
	if (n > sizeof(h->b)) {
		if (!h->err && h->sink(h->arg, s, n) != 0)
			h->err = 1;
		return;
	}
	memcpy(h->b, s, n);
	h->n = n;
}

/* Which bytes need escaping: 1 in text and attributes, 2 in attributes only. */
static const unsigned char esc[256] = { ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 2 };

void
hw_esc(struct hw *h, const xmlChar *t, int attr)
{
	const unsigned char *s = t, *run = t;
	unsigned char stop = attr ? 2 : 1;
	if (s == NULL)
		return;
	for (; *s; s++) {
		if (esc[*s] == 0 || esc[*s] > stop)
			continue;
		hw_put(h, (const char *)run, (size_t)(s - run));
		switch (*s) {
		case '&': hw_put(h, "&amp;", 5); break;
		case '<': hw_put(h, "&lt;", 4); break;
		case '>': hw_put(h, "&gt;", 4); break;
		default:  hw_put(h, "&quot;", 6); break;
		}
		run = s + 1;
	}
	hw_put(h, (const char *)run, (size_t)(s - run));
}

/* By first letter, since this runs for every element. */
int
hw_void(const xmlChar *name)
{
	const char *n = (const char *)name;
	switch (n[0]) {
	case 'a': return strcmp(n, "area") == 0;
	case 'b': return strcmp(n, "br") == 0 || strcmp(n, "base") == 0;
	case 'c': return strcmp(n, "col") == 0;
	case 'e': return strcmp(n, "embed") == 0;
	case 'h': return strcmp(n, "hr") == 0;
	case 'i': return strcmp(n, "input") == 0 || strcmp(n, "img") == 0;
	case 'l': return strcmp(n, "link") == 0;
	case 'm': return strcmp(n, "meta") == 0;
	case 's': return strcmp(n, "source") == 0;
	case 't': return strcmp(n, "track") == 0;
	case 'w': return strcmp(n, "wbr") == 0;
	default: return 0;
	}
}

static void
raw(struct hw *h, const xmlChar *s)
{
	if (s != NULL)
		hw_put(h, (const char *)s, strlen((const char *)s));
}

static void
tree(struct hw *h, xmlNodePtr n, int rawtext)
{
	for (; n != NULL && !h->err; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE: {
			size_t len = strlen((const char *)n->name);
			hw_put(h, "<", 1);
			hw_put(h, (const char *)n->name, len);
			for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
				hw_put(h, " ", 1);
				raw(h, a->name);
				hw_put(h, "=\"", 2);
				for (xmlNodePtr t = a->children; t != NULL; t = t->next)
					hw_esc(h, t->content, 1);
				hw_put(h, "\"", 1);
			}
			hw_put(h, ">", 1);
			if (hw_void(n->name))
				break;
			tree(h, n->children, n->name[0] == 's' && strcmp((const char *)n->name, "style") == 0);
			hw_put(h, "</", 2);
			hw_put(h, (const char *)n->name, len);
			hw_put(h, ">", 1);
			break;
		}
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (rawtext || n->name == xmlStringTextNoenc)
				raw(h, n->content);
			else
				hw_esc(h, n->content, 0);
			break;
		default:	/* comments, PIs, the DTD node: not part of the page */
			break;
		}
	}
}

void
hw_tree(struct hw *h, xmlNodePtr n)
{
	tree(h, n, 0);
}
