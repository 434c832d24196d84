/*
 * nav.h — the site's navigation in the page XML: one link per module the
 * site enables (config `modules`, in its order), so a site without a module
 * shows no link to it.  layout.xsl renders it; a view may ask it whether a
 * module is there before linking across (/page/nav/item[@module = '…']).
 */
#ifndef WANGAN_NAV_H
#define WANGAN_NAV_H
#include <libxml/tree.h>
#include "config.h"

/*
 * Appends <nav><item module="NAME" href="/NAME/"/>…</nav> to parent (the
 * page element) for each of cfg->modules; returns the nav element, or NULL
 * when libxml2 could not allocate it.
 */
xmlNodePtr nav_page(xmlNodePtr parent, const struct config *cfg);
#endif
