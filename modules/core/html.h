/*
 * html.h — the HTML writer: escaping and the serializer of a transform's
 * result tree.  Bytes collect in a chunk and go to a sink when it fills, so
 * a page is written in a few large pieces (view.c sends them to FastCGI,
 * rows.c keeps them in memory).
 *
 * libxml2's own HTML serializer looks every element up in a table by name
 * and was a sixth of the list page's time; the views emit plain HTML with
 * no scripts, so the rules here are few: void elements have no end tag,
 * text and attribute values are escaped, the text of <style> is written as
 * it is, and so is a text node named xmlStringTextNoenc — which only rows.c
 * makes, out of text it escaped itself (the stylesheets may not use
 * disable-output-escaping: `make check-banned`).
 */
#ifndef WANGAN_HTML_H
#define WANGAN_HTML_H
#include <stddef.h>
#include <string.h>
#include <libxml/tree.h>

#define HW_CHUNK 16384

struct hw {
	/* Takes a full chunk; returns 0, or -1 to stop the writer. */
	int (*sink)(void *arg, const char *p, size_t n);
	void *arg;
	size_t n;
	int err;
	char b[HW_CHUNK];
};

void hw_init(struct hw *h, int (*sink)(void *, const char *, size_t), void *arg);
void hw_put_slow(struct hw *h, const char *s, size_t n);
/* Hands what is collected to the sink; returns -1 once any write failed. */
int  hw_flush(struct hw *h);

/* Called a dozen times per element: the common case stays inline. */
static inline void
hw_put(struct hw *h, const char *s, size_t n)
{
	if (n > sizeof(h->b) - h->n) {
		hw_put_slow(h, s, n);
		return;
	}
	memcpy(h->b + h->n, s, n);
	h->n += n;
}

/* s escaped as HTML text (& < >), or as a double-quoted attribute value (also "). */
void hw_esc(struct hw *h, const xmlChar *s, int attr);
/* HTML's void elements (no end tag, no content). */
int  hw_void(const xmlChar *name);
/* Serializes the nodes from n on, and their children, as HTML. */
void hw_tree(struct hw *h, xmlNodePtr n);
#endif
