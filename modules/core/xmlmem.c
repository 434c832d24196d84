/* xmlmem.c — see xmlmem.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <libxml/xmlmemory.h>
#include <libxml/dict.h>
#include "xmlmem.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Each block carries its size in front, for realloc; 16 keeps blocks aligned like malloc's. */
#define HDR 16

static unsigned char *base, *top, *limit;
static size_t peak;
static int on, spilled;	/* spilled: a block of this request came from malloc */

int
xm_owns(const void *p)
{
	return (const unsigned char *)p >= base && (const unsigned char *)p < limit;
}

static size_t
size_of(const void *p)
{
	size_t n;
	memcpy(&n, (const unsigned char *)p - HDR, sizeof(n));
	return n;
}

static void *
xm_malloc(size_t n)
{
	size_t need = (n + 15) & ~(size_t)15, room = (size_t)(limit - top);
	if (!on)
		return malloc(n);
	if (need < n || room < HDR || need > room - HDR) {
		spilled = 1;
		return malloc(n);
	}
	unsigned char *p = top + HDR;
	UNPOISON(top, HDR + need);
	memcpy(top, &n, sizeof(n));
	top = p + need;
	if ((size_t)(top - base) > peak)
		peak = (size_t)(top - base);
	return p;
}

/* Freeing the newest block gives its space back: XPath's temporary node sets come and go that way. */
static void
xm_free(void *p)
{
	if (p == NULL)
		return;
	if (!xm_owns(p)) {
		free(p);
		return;
	}
	if (!on)	/* released already with its request */
		return;
	size_t need = (size_of(p) + 15) & ~(size_t)15;
	if ((unsigned char *)p + need == top) {
		top = (unsigned char *)p - HDR;
		POISON(top, HDR + need);
	}
}

static void *
xm_realloc(void *p, size_t n)
{
	if (p == NULL)
		return xm_malloc(n);
	if (!xm_owns(p))
		return realloc(p, n);
	size_t old = size_of(p), have = (old + 15) & ~(size_t)15, need = (n + 15) & ~(size_t)15;
	if (need >= n && (unsigned char *)p + have == top && need <= (size_t)(limit - (unsigned char *)p)) {
		/* the newest block grows in place */
		UNPOISON(p, need);
		memcpy((unsigned char *)p - HDR, &n, sizeof(n));
		top = (unsigned char *)p + need;
		return p;
	}
	void *q = xm_malloc(n);
	if (q != NULL)
		memcpy(q, p, old < n ? old : n);
	return q;
}

static char *
xm_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xm_malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

int
xm_init(void)
{
	void *m = mmap(NULL, XM_REGION, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m == MAP_FAILED)
		return -1;
	base = top = m;
	limit = base + XM_REGION;
	POISON(base, XM_REGION);
	return xmlMemSetup(xm_free, xm_malloc, xm_realloc, xm_strdup);
}

void
xm_begin(void)
{
	on = base != NULL;
	spilled = 0;
	peak = 0;
}

void
xm_end(void)
{
	/* libxml2 keeps its last error, strings included, until the next one:
	 * drop it while its strings are still valid. */
	xmlResetLastError();
	POISON(base, (size_t)(top - base));
	top = base;
	on = 0;
}

void
xm_doc_free(xmlDocPtr d)
{
	if (d == NULL)
		return;
	if (!on || !xm_owns(d) || spilled) {	/* a spilled block needs its free() */
		xmlFreeDoc(d);
		return;
	}
	/* A result document shares the stylesheet's dictionary through a sub-dictionary:
	 * release that reference, or the stylesheet's count grows with every request. */
	if (d->dict != NULL)
		xmlDictFree(d->dict);
	d->dict = NULL;
}

size_t
xm_peak(void)
{
	return peak;
}
