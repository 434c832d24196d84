/*
 * app.h — the module contract.  A module is a static route table, a
 * statement table (db.h, sql.h), a view table and handlers; app_main() does
 * the rest: configuration, statements checked against the server and
 * stylesheets compiled before the workers fork, the prefork server, and per
 * request (worker.c) the parsing, REMOTE_USER → account, role check, CSRF
 * check on POST, the page envelope, rendering, the log line and releasing
 * the request's memory.
 *
 * A handler returns the HTTP status.  For a page it sets c->view =
 * VIEW(MOD_VIEW_…) and fills c->data (page.h); for a redirect it calls
 * resp_redirect(); for a stream it writes with resp_header()/resp_write()
 * (resp.h); a write goes through tx_run() (tx.h).  A failed read returns
 * app_dberr(rc): APP_LOST (the database went away before anything was sent)
 * makes the worker reconnect and run the handler once more, then answer 503.
 */
#ifndef WANGAN_APP_H
#define WANGAN_APP_H
#include <stddef.h>
#include "config.h"
#include "db.h"
#include "request.h"

#define APP_LOST (-2)

struct ctx;
typedef int (*handler_fn)(struct ctx *);

enum route_flags {
	ROUTE_NOAUTH = 1 << 0,	/* no account lookup, no database: health */
	ROUTE_UPLOAD = 1 << 1,	/* a multipart body up to REQ_MAX_UPLOAD (scans) */
	ROUTE_LONGFORM = 1 << 2,	/* a url-encoded body up to REQ_MAX_LONGFORM */
	/* i13 login: */
	/*
	 * Before sign-in (login): the database is ready but there is no account,
	 * no role check, no page begun (the handler calls pg_begin() when it
	 * renders) and no core CSRF check — the handler checks its own.
	 */
	ROUTE_PUBLIC = 1 << 3,
	ROUTE_QUIET = 1 << 4,	/* a success is not logged: nginx's auth_request runs it per request */
};

struct route {
	enum req_method method;
	const char *pattern;	/* below the module prefix; "{id}" matches digits */
	handler_fn fn;
	unsigned roles;		/* enum role bits (auth.h) */
	unsigned flags;
};

/*
 * A command-line verb of the module's binary: `wangan-NAME --demo [ARG…]`;
 * the handler finds the arguments in c->args, c->nargs.
 */
struct verb {
	const char *name;			/* "demo", run as --demo */
	const char *help;
	handler_fn fn;				/* as the office, output to stdout; 0 or 200: success */
};

struct module {
	const char *name;			/* URL prefix /name/ and binary wangan-name */
	const struct route *routes;
	size_t nroutes;
	const struct db_stmt *sql;		/* indexed by the module's statement enum */
	size_t nsql;
	const char *const *views;		/* indexed by its view enum: "registration/list", … */
	size_t nviews;
	int (*init)(const struct config *cfg);	/* reads module settings, once */
	handler_fn export_fn;			/* `wangan-NAME --export FILE` */
	const struct verb *verbs;		/* further CLI verbs, or NULL */
	size_t nverbs;
};

#define APP_COUNT(a) (sizeof(a) / sizeof((a)[0]))

int app_main(const struct module *m, int argc, char **argv);

/* What a handler returns for a failed read: APP_LOST to retry, else 500. */
static inline int
app_dberr(enum db_rc rc)
{
	return rc == DB_LOST ? APP_LOST : 500;
}
#endif
