/*
 * ctx.h — one request as a handler sees it: the parsed request, the
 * account, the database handle, the request's arena, the page XML being
 * built and the view that will render it.  The worker (worker.c) fills it
 * and releases everything it holds when the request ends.
 */
#ifndef WANGAN_CTX_H
#define WANGAN_CTX_H
#include <libxml/tree.h>
#include "arena.h"
#include "auth.h"
#include "config.h"
#include "request.h"
#include "workday.h"

enum lang { LANG_ZH, LANG_EN, LANG__MAX };

struct module;
struct db;
struct out;
struct FCGX_Request;

struct ctx {
	const struct module *mod;
	const char *mod_name;		/* mod->name: the URL prefix, the audit's module */
	const struct config *cfg;
	struct db *db;
	const struct wd_cal *cal;
	struct arena *ar;
	struct req req;
	struct account acct;
	struct FCGX_Request *fr;	/* NULL in a CLI run: output is stdout */
	struct out *out;		/* the response's bytes (out.h); NULL with fr */
	enum lang lang;
	char reqid[17];
	long long id;			/* the {id} of the route, or 0 */
	int sent;			/* headers are out: no retry, no error page */
	int view;			/* VIEW(…) of the module, or VIEW_ERROR (page.h) */
	xmlDocPtr doc;
	xmlNodePtr root, data, msgs;
	const char *cookie;		/* one Set-Cookie value to send, or NULL */
	long long nrequest;
	char *const *args;		/* a CLI verb's arguments (app.h), else NULL */
	int nargs;
};

/* A query parameter or form value, or NULL. */
const char *ctx_q(const struct ctx *c, const char *key);
const char *ctx_f(const struct ctx *c, const char *key);
#endif
