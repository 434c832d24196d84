/*
 * app.h — the module contract.  A module is a static route table, a static
 * statement table, a list of views and handlers; app_main() does the rest:
 * configuration, stylesheets, the prefork server, and per request the
 * parsing, REMOTE_USER → account, role check, CSRF check on POST, the page
 * XML envelope, rendering, the log line and releasing the request's memory.
 *
 * A handler returns the HTTP status.  For a page it sets ctx->view and fills
 * ctx->data; for a redirect it calls app_redirect(); for a stream it writes
 * with app_header()/app_write().  Returning APP_LOST (the database went away
 * before anything was sent) makes the core reconnect and run the handler once
 * more, or answer 503.
 */
#ifndef WANGAN_APP_H
#define WANGAN_APP_H
#include <libxml/tree.h>
#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "request.h"
#include "valid.h"
#include "workday.h"

#define APP_LOST (-2)
/* Room for the response headers: the fixed ones, a cookie and a Location. */
#define APP_MAX_HEADER (2048 + REQ_MAX_PATH)

enum role {
	ROLE_UNIT_STAFF = 1 << 0,
	ROLE_UNIT_HEAD  = 1 << 1,
	ROLE_OFFICE     = 1 << 2,
	ROLE_LEADER     = 1 << 3,
	ROLE_AUDITOR    = 1 << 4,
};
#define ROLES_UNIT (ROLE_UNIT_STAFF | ROLE_UNIT_HEAD)
#define ROLES_READ_ALL (ROLE_OFFICE | ROLE_LEADER | ROLE_AUDITOR)
#define ROLES_ALL (ROLES_UNIT | ROLES_READ_ALL)

enum lang { LANG_ZH, LANG_EN, LANG__MAX };

/* Core statements come first in every worker's table; a module's follow. */
enum core_sql {
	CORE_SQL_ACCOUNT,
	CORE_SQL_AUDIT,
	CORE_SQL_CALENDAR,
	CORE_SQL_TZ,
	CORE_SQL__MAX
};
#define SQL(id) (CORE_SQL__MAX + (int)(id))

struct account {
	long long id, unit_id;
	const char *login, *name, *role_name;
	const char *unit_code, *unit_name, *unit_name_en;
	enum role role;
};

struct FCGX_Request;
struct ctx;
typedef int (*handler_fn)(struct ctx *);

enum route_flags {
	ROUTE_NOAUTH = 1 << 0,	/* no account lookup, no database: health */
	ROUTE_UPLOAD = 1 << 1,	/* a multipart body up to REQ_MAX_UPLOAD (scans) */
	ROUTE_LONGFORM = 1 << 2,	/* a url-encoded body up to REQ_MAX_LONGFORM */
};

struct route {
	enum req_method method;
	const char *pattern;	/* below the module prefix; "{id}" matches digits */
	handler_fn fn;
	unsigned roles;
	unsigned flags;
};

struct module {
	const char *name;			/* URL prefix /name/ and binary wangan-name */
	const struct route *routes;
	size_t nroutes;
	const char *const *sql;
	size_t nsql;
	const char *const *views;		/* "registration/list", … */
	size_t nviews;
	int (*init)(const struct config *cfg);	/* reads module settings, once */
	handler_fn export_fn;			/* `wangan-NAME --export FILE` */
};

struct out;
struct ctx {
	const struct module *mod;
	const struct config *cfg;
	struct db *db;
	const struct wd_cal *cal;
	struct arena *ar;
	struct req req;
	struct account acct;
	struct FCGX_Request *fr;	/* NULL in --export mode: output is stdout */
	struct out *out;		/* the response's bytes (out.h); NULL with fr */
	enum lang lang;
	char reqid[17];
	long long id;			/* the {id} of the route, or 0 */
	int sent;			/* headers are out: no retry, no error page */
	const char *view;
	xmlDocPtr doc;
	xmlNodePtr root, data, msgs;
	const char *cookie;		/* one Set-Cookie value to send, or NULL */
	long long nrequest;
};

int app_main(const struct module *m, int argc, char **argv);

/* Responses */
void app_header(struct ctx *c, int status, const char *type, const char *extra);
int  app_write(struct ctx *c, const void *p, size_t n);
int  app_redirect(struct ctx *c, const char *url);
/*
 * A create form's double submit: sql selects one id by the form's nonce.  If
 * the nonce already landed, *status is the 303 to before + id + after and 1
 * is returned; 0 when it did not; 1 with APP_LOST/500 in *status when the
 * lookup failed.
 */
int  app_done_before(struct ctx *c, int sql, const char *nonce, const char *before,
    const char *after, int *status);
int  app_text(struct ctx *c, int status, const char *text);

/* Page XML (page.c): text is escaped by libxml2, never spliced. */
xmlNodePtr pg_node(xmlNodePtr parent, const char *name);
xmlNodePtr pg_text(xmlNodePtr parent, const char *name, const char *text);
void pg_attr(xmlNodePtr n, const char *name, const char *val);
void pg_attri(xmlNodePtr n, const char *name, long long v);
void pg_msg(struct ctx *c, const char *field, const char *code);
/* A 409: the "conflict" message, and data/@conflict for the view to show both versions. */
void pg_conflict(struct ctx *c);
/* The form's submitted values, so a 422/409 page loses nothing typed. */
void pg_form(struct ctx *c, xmlNodePtr parent, const struct vfield *t, size_t n,
    const char **vals, const char **errs);
const char *pg_roles_name(enum role r);

/* Authorization (auth.c) */
int  auth_unit_read(struct ctx *c, long long unit_id);
int  auth_unit_write(struct ctx *c, long long unit_id);
/* Logs and audits a refused access; returns 403 for the handler to return. */
int  auth_deny(struct ctx *c, const char *record_type, long long record_id);
void csrf_make(const struct config *cfg, const char *login, long now, char out[80]);
int  csrf_check(const struct config *cfg, const char *login, const char *token, long now);
/* Per-worker account cache (auth.c): 1 and *out filled when fresh. */
int  auth_cache_get(const char *login, struct account *out, long ttl);
void auth_cache_put(const struct account *a);
/* A random hex nonce for create forms (double-submit key). */
void app_nonce(char out[33]);

/* Audit (audit.c): in the caller's transaction. */
enum db_rc audit_write(struct ctx *c, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after);

/* Query parameters and form values */
const char *app_q(const struct ctx *c, const char *key);
const char *app_f(const struct ctx *c, const char *key);
/* "2026-11-21 10:00:00" now in the site's time zone. */
void app_now(char out[20]);
#endif
