/*
 * xmlmem.h — libxml2's and libxslt's memory during a request.
 *
 * A list page builds two trees (the page XML and the transform's result) out
 * of some 15,000 small blocks, and malloc and free of those blocks, plus
 * walking both trees to free them, were a fifth of the page's CPU time.
 * While a request runs, libxml2's allocator takes blocks from one region
 * and the request's end releases them all at once.  Outside a request, or
 * past XM_REGION bytes in one request (a streamed export), blocks come from
 * malloc as usual, so memory stays flat however large the output grows.
 */
#ifndef WANGAN_XMLMEM_H
#define WANGAN_XMLMEM_H
#include <libxml/tree.h>

#define XM_REGION (4u * 1024 * 1024)

/* Installs the allocator; call once, before libxml2 allocates anything long-lived. */
int  xm_init(void);
/* Opens a request's region. */
void xm_begin(void);
/* Releases every block of the region at once and goes back to malloc. */
void xm_end(void);
/* Frees a document built during the request: with the region on, only its dictionary reference. */
void xm_doc_free(xmlDocPtr d);
/* Whether p lies in the request region (blocks past it come from malloc). */
int  xm_owns(const void *p);
/* The most the current or last request held in the region, in bytes. */
size_t xm_peak(void);
#endif
