/*
 * page.h — the page XML a handler fills and a view renders:
 *
 *	<page module lang reqid base path today site query view status>
 *	  <account login name role unit-id unit-code unit-name/>  <csrf/>
 *	  <nav><item module href/>…</nav>   (the site's modules, nav.h)
 *	  <messages><msg field code/>…</messages>
 *	  <data>…the handler's…</data>
 *	</page>
 *
 * Text and attributes are escaped by libxml2, never spliced.  A handler
 * picks its view with c->view = VIEW(MOD_VIEW_…): a module's views are an
 * enum and a table of stylesheet names (app.h), after the core's own.
 */
#ifndef WANGAN_PAGE_H
#define WANGAN_PAGE_H
#include <libxml/tree.h>
#include "valid.h"

enum core_view { VIEW_NONE, VIEW_ERROR, CORE_VIEW__MAX };
#define VIEW(id) (CORE_VIEW__MAX + (int)(id))

struct ctx;

/* Picks the language: ?lang= (remembered a year in a cookie), the cookie, the site's default_lang. */
void pg_lang(struct ctx *c);
/* Starts the page XML: the envelope above with an empty <messages> and <data>. */
void pg_begin(struct ctx *c);
/* Frees the page XML, if any. */
void pg_end(struct ctx *c);
/* A fresh page that is the error page with code (a string key); returns status. */
int  pg_error(struct ctx *c, int status, const char *code);

xmlNodePtr pg_node(xmlNodePtr parent, const char *name);
xmlNodePtr pg_text(xmlNodePtr parent, const char *name, const char *text);
void pg_attr(xmlNodePtr n, const char *name, const char *val);
void pg_attri(xmlNodePtr n, const char *name, long long v);
void pg_msg(struct ctx *c, const char *field, const char *code);
/* The longest ?saved= code a page echoes: RECORD.ACTION (tx.c). */
#define PG_SAVED_MAX 81
/* ?saved=CODE on a 200 GET: the "saved" message, with what="CODE" (worker.c calls it). */
void pg_saved(struct ctx *c, int status);
/* A 409: the "conflict" message, and data/@conflict for the view to show both versions. */
void pg_conflict(struct ctx *c);
/* The form's submitted values, so a 422/409 page loses nothing typed. */
void pg_form(struct ctx *c, xmlNodePtr parent, const struct vfield *t, size_t n,
    const char **vals, const char **errs);
#endif
