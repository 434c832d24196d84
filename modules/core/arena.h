/*
 * arena.h — per-request memory.  Everything a request allocates comes from
 * one arena and is released by one ar_reset() when the request ends, so no
 * handler has a free() path to get wrong (kcgi's "one free per request").
 */
#ifndef WANGAN_ARENA_H
#define WANGAN_ARENA_H
#include <stddef.h>

/* No single request may hold more than this; ar_alloc() returns NULL past it. */
#define AR_MAX_TOTAL (64u * 1024 * 1024)

struct ar_chunk;
struct arena {
	struct ar_chunk *head;
	size_t total;
};

void  ar_init(struct arena *ar);
void *ar_alloc(struct arena *ar, size_t n);
char *ar_strndup(struct arena *ar, const char *s, size_t n);
char *ar_strdup(struct arena *ar, const char *s);
char *ar_printf(struct arena *ar, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void  ar_reset(struct arena *ar);
void  ar_free(struct arena *ar);
#endif
