/* arena.c — bump allocator released as a whole; see arena.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"

#define AR_CHUNK 16384

struct ar_chunk {
	struct ar_chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char mem[];
};

void
ar_init(struct arena *ar)
{
	ar->head = NULL;
	ar->total = 0;
}

/*
 * Returns n bytes aligned to 16, zeroed, or NULL when the request would pass
 * AR_MAX_TOTAL or memory is out.  Large blocks get a chunk of their own.
 */
void *
ar_alloc(struct arena *ar, size_t n)
{
	struct ar_chunk *c = ar->head;
	size_t need = (n + 15) & ~(size_t)15;

	if (n > AR_MAX_TOTAL || ar->total + need > AR_MAX_TOTAL)
		return NULL;
	if (c == NULL || c->size - c->used < need) {
		size_t sz = need > AR_CHUNK ? need : AR_CHUNK;
		c = malloc(sizeof(*c) + sz);
		if (c == NULL)
			return NULL;
		c->size = sz;
		c->used = 0;
		c->next = ar->head;
		ar->head = c;
	}
	void *p = c->mem + c->used;
	c->used += need;
	ar->total += need;
	memset(p, 0, need);
	return p;
}

char *
ar_strndup(struct arena *ar, const char *s, size_t n)
{
	char *p = ar_alloc(ar, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
ar_strdup(struct arena *ar, const char *s)
{
	return ar_strndup(ar, s, strlen(s));
}

char *
ar_printf(struct arena *ar, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = ar_alloc(ar, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Keeps the newest chunk (the common request fits in it) and frees the rest. */
void
ar_reset(struct arena *ar)
{
	struct ar_chunk *c = ar->head;
	if (c == NULL)
		return;
	struct ar_chunk *rest = c->next;
	while (rest != NULL) {
		struct ar_chunk *n = rest->next;
		free(rest);
		rest = n;
	}
	if (c->size > AR_CHUNK) {
		free(c);
		ar->head = NULL;
	} else {
		c->next = NULL;
		c->used = 0;
	}
	ar->total = 0;
}

void
ar_free(struct arena *ar)
{
	while (ar->head != NULL) {
		struct ar_chunk *n = ar->head->next;
		free(ar->head);
		ar->head = n;
	}
	ar->total = 0;
}
