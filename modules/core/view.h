/*
 * view.h — the stylesheet cache.  Every view of the module is compiled once
 * per language at start (the build produced one stylesheet per language with
 * the strings compiled in), then the security preferences are locked: no
 * file writes, no directories, no network, reads only below xslt_dir.
 * Views are numbered: the core's (page.h) first, then the module's in the
 * order of its table, so VIEW(id) is an index.
 */
#ifndef WANGAN_VIEW_H
#define WANGAN_VIEW_H
#include <stddef.h>

#define VIEW_MAX 64

struct ctx;

int  view_load(const char *dir, const char *const *names, size_t n);
void view_free(void);
/* The view's name, "registration/list", or NULL when no such view. */
const char *view_name(int view);
/* Renders c->doc with the view c->view as HTML, or the XML itself. */
int  view_render(struct ctx *c, int status, int as_xml);
#endif
