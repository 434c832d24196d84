/*
 * buf.h — a growable byte string with a hard maximum (curl's dynbuf idea):
 * appending past the cap fails and marks the buffer, it never grows without
 * bound.  Memory comes from an arena, so there is nothing to free.
 */
#ifndef WANGAN_BUF_H
#define WANGAN_BUF_H
#include <stddef.h>
#include "arena.h"

struct buf {
	struct arena *ar;
	char *p;
	size_t len, cap, max;
	int err;	/* set once an append failed; later appends do nothing */
};

void buf_init(struct buf *b, struct arena *ar, size_t max);
int  buf_add(struct buf *b, const char *s, size_t n);
int  buf_str(struct buf *b, const char *s);
int  buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends s as the body of a JSON string (quotes not included). */
int  buf_json(struct buf *b, const char *s);
/* Appends "key":"val" to an object being written, after a comma unless it
 * follows the object's opening brace: an audit's before/after, field by field. */
int  buf_json_field(struct buf *b, const char *key, const char *val);
const char *buf_cstr(struct buf *b);
#endif
