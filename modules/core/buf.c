/* buf.c — capped growable strings; see buf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"

void
buf_init(struct buf *b, struct arena *ar, size_t max)
{
	b->ar = ar;
	b->p = NULL;
	b->len = b->cap = 0;
	b->max = max;
	b->err = 0;
}

int
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->err)
		return -1;
	if (n > b->max || b->len + n > b->max)
		goto fail;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (cap > b->max + 1)
			cap = b->max + 1;
		char *p = ar_alloc(b->ar, cap);
		if (p == NULL)
			goto fail;
		if (b->len)
			memcpy(p, b->p, b->len);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
fail:
	b->err = 1;
	return -1;
}

int
buf_str(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		b->err = 1;
		return -1;
	}
	return buf_add(b, tmp, (size_t)n);
}

int
buf_json(struct buf *b, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			buf_add(b, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			buf_add(b, esc, 6);
		} else {
			buf_add(b, (const char *)&c, 1);
		}
	}
	return b->err ? -1 : 0;
}

int
buf_json_field(struct buf *b, const char *key, const char *val)
{
	if (b->len > 0 && b->p[b->len - 1] != '{')
		buf_str(b, ",");
	buf_str(b, "\"");
	buf_json(b, key);
	buf_str(b, "\":\"");
	buf_json(b, val);
	return buf_str(b, "\"");
}

const char *
buf_cstr(struct buf *b)
{
	return b->p != NULL ? b->p : "";
}
