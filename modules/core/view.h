/*
 * view.h — the stylesheet cache.  Every view of the module is compiled once
 * per language at start (the build produced one stylesheet per language with
 * the strings compiled in), then the security preferences are locked: no
 * file writes, no directories, no network, reads only below xslt_dir.
 */
#ifndef WANGAN_VIEW_H
#define WANGAN_VIEW_H
#include "app.h"

int  view_load(const char *dir, const char *const *names, size_t n);
void view_free(void);
/* Renders c->doc with the view c->view as HTML, or the XML itself. */
int  view_render(struct ctx *c, int status, int as_xml);
#endif
