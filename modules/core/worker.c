/*
 * worker.c — one worker process and its request cycle; see worker.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <fcgiapp.h>
#include "auth.h"
#include "csrf.h"
#include "ctx.h"
#include "dispatch.h"
#include "log.h"
#include "out.h"
#include "page.h"
#include "resp.h"
#include "server.h"
#include "setting.h"
#include "sql.h"
#include "tx.h"
#include "view.h"
#include "worker.h"
#include "xmlmem.h"

/* Re-read the calendar this often, so the office's yearly load shows up. */
#define CAL_REFRESH_SECONDS 300

static int
calendar_row(void *arg, const struct db_row *r)
{
	wd_add_text(arg, r->v[CAL_DAY], r->v[CAL_KIND]);
	return 0;
}

enum db_rc
worker_refresh(struct app *a, struct db *db)
{
	time_t now = time(NULL);
	if (a->cal_connects == db_connects(db) && now - a->cal_loaded < CAL_REFRESH_SECONDS)
		return setting_refresh(db);	/* i13 office: the office's settings, at most every few seconds */
	struct db_val tz[] = { DBS(a->tzoff) }, wait[] = { DBI(a->lock_wait) };
	enum db_rc rc = DB_OK;
	/* Session settings last as long as the connection: set them after each connect only. */
	if (a->cal_connects != db_connects(db) &&
	    ((rc = DB_RUN(db, CORE_SQL_TZ, tz, NULL, NULL)) != DB_OK ||
	    (rc = DB_RUN(db, CORE_SQL_LOCK_WAIT, wait, NULL, NULL)) != DB_OK))
		return rc;
	wd_init(&a->cal);
	if ((rc = DB_RUN0(db, CORE_SQL_CALENDAR, calendar_row, &a->cal)) != DB_OK)
		return rc;
	a->cal_connects = db_connects(db);
	a->cal_loaded = now;
	return setting_refresh(db);
}

/* The page XML itself only when the client asks for it first (browsers list it later). */
static int
wants_xml(const struct ctx *c)
{
	const char *a = c->req.accept;
	return a != NULL && (strncmp(a, "application/xml", 15) == 0 || strncmp(a, "text/xml", 8) == 0);
}

/* The error page's code for a status a handler returned without a page. */
static const char *
error_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 403: return "forbidden_record";
	case 404: return "not_found";
	case 405: return "method";
	case 409: return "conflict";
	case 413: return "too_large";
	case 503: return "database";
	default: return "internal";
	}
}

/*
 * The door every signed-in route passes: the account, the page, the role
 * and on POST the CSRF token.  0 to go on, else the error page's status.
 */
static int
gate(struct ctx *c, const struct route *rt)
{
	if (c->acct.login == NULL) {
		log_msg("%s unknown account '%s'", c->reqid, c->req.remote_user);
		return pg_error(c, 403, "unknown_account");
	}
	pg_begin(c);
	if (!(rt->roles & c->acct.role)) {
		log_msg("%s DENIED account=%s role=%s %s", c->reqid, c->acct.login,
		    c->acct.role_name, c->req.path);
		return pg_error(c, 403, "forbidden_role");
	}
	if (rt->method == REQ_POST &&
	    !csrf_check(c->cfg, c->acct.login, ctx_f(c, "csrf"), (long)time(NULL))) {
		log_msg("%s CSRF token missing or invalid for %s", c->reqid, c->acct.login);
		return pg_error(c, 403, "csrf");
	}
	return 0;
}

/* Runs the route: account, role, CSRF, handler; reconnects once if the DB went away. */
static int
run(struct app *a, struct ctx *c, const struct route *rt)
{
	int status = APP_LOST;
	for (int attempt = 0; attempt < 2 && status == APP_LOST && !c->sent; attempt++) {
		pg_end(c);
		memset(&c->acct, 0, sizeof(c->acct));
		enum db_rc rc = db_ensure(c->db);
		if (rc == DB_OK)
			rc = worker_refresh(a, c->db);
		/* a public route (sign-in) has no account yet: it checks its own form */
		int pub = (rt->flags & ROUTE_PUBLIC) != 0;
		if (rc == DB_OK && !pub)
			rc = auth_account(c, a->account_ttl);
		if (rc == DB_LOST)
			continue;
		if (rc != DB_OK)
			return pg_error(c, 500, "internal");
		int st = pub ? 0 : gate(c, rt);
		if (st != 0)
			return st;
		status = rt->fn(c);
		if (status == APP_LOST && !c->sent)
			log_msg("%s database lost during the request; %s", c->reqid,
			    attempt == 0 ? "retrying once" : "giving up");
	}
	if (status == APP_LOST)
		return pg_error(c, 503, "database");
	return status;
}

static const char *
method_name(enum req_method m)
{
	return m == REQ_POST ? "POST" : m == REQ_GET ? "GET" : m == REQ_HEAD ? "HEAD" : "OTHER";
}

static void
handle(struct app *a, struct ctx *c)
{
	struct timespec t0, t1;
	int status = 500;
	const struct route *rt = NULL;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(c->reqid, sizeof(c->reqid), "%06x%010llx", (unsigned)getpid() & 0xffffff,
	    (unsigned long long)++a->nrequest);
	c->nrequest = a->nrequest;
	enum req_err e = req_read(&c->req, c->ar, c->fr);
	if (c->req.path == NULL)
		c->req.path = "/";
	pg_lang(c);
	if (e == REQ_OK && (rt = dispatch_find(c, &status)) != NULL)
		e = req_body(&c->req, c->ar, c->fr, dispatch_body_limit(rt), (rt->flags & ROUTE_UPLOAD) != 0);
	/* What the route did not take is read now, before the answer: see hang_up(). */
	if (c->fr != NULL && req_drain(c->fr, REQ_MAX_DRAIN, REQ_DRAIN_MS) != 0)
		log_msg("%s request body left unread; closing the connection", c->reqid);
	if (e != REQ_OK)
		status = pg_error(c, (int)e, e == REQ_TOO_LARGE ? "too_large" : "bad_request");
	else if (rt == NULL)
		status = pg_error(c, status, status == 405 ? "method" : "not_found");
	else if (rt->flags & ROUTE_NOAUTH)
		status = rt->fn(c);
	else if (!(rt->flags & ROUTE_PUBLIC) &&
	    (c->req.remote_user == NULL || *c->req.remote_user == '\0'))
		status = pg_error(c, 403, "unknown_account");
	else
		status = run(a, c, rt);
	/*
	 * A handler that gives up gets the standard error page: always for
	 * 400, 404 and 500 (whatever view it had begun), and for any other
	 * status >= 400 it returned without a page of its own (a 409 or 422
	 * with its form keeps its view).
	 */
	if (!c->sent && c->view != VIEW_ERROR &&
	    (status == 400 || status == 404 || status == 500 || (status >= 400 && c->view == VIEW_NONE)))
		status = pg_error(c, status, error_code(status));

	if (!c->sent && c->doc != NULL) {
		pg_saved(c, status);
		pg_attr(c->root, "view", view_name(c->view));
		pg_attri(c->root, "status", status);
		if (view_render(c, status, wants_xml(c)) != 0 && !c->sent)
			resp_text(c, 500, "internal error\n");
	} else if (!c->sent) {
		resp_text(c, status >= 400 ? status : 500, "internal error\n");
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
	/* The health probe stays out of the log: load balancers call it constantly. */
	if (rt == NULL || !(rt->flags & (ROUTE_NOAUTH | ROUTE_QUIET)) || status >= 300)
		log_msg("%s %s %s %s %d %ldus", c->reqid,
		    c->acct.login ? c->acct.login : (c->req.remote_user ? c->req.remote_user : "-"),
		    method_name(c->req.method), c->req.path, status, us);
	pg_end(c);
}

/*
 * On a unix socket, skip libfcgi's lingering close: it shuts down the write
 * side, then waits for nginx to hang up before closing, which keeps the
 * worker from its next request.  That wait guards TCP against a reset that
 * discards the response; a unix socket delivers what was written either
 * way, as long as nothing sent to us is left unread — handle() drained
 * stdin before answering (req_drain), so detach, which makes FCGX_Finish_r
 * close at once.  Never read stdin here: once the answer is out, nginx
 * sends no more of the body and waits for us.
 */
static void
hang_up(FCGX_Request *fr)
{
	FCGX_Detach(fr);
}

static void
ctx_start(struct ctx *c, struct app *a, struct db *db, struct arena *ar)
{
	memset(c, 0, sizeof(*c));
	c->mod = a->mod;
	c->mod_name = a->mod->name;
	c->cfg = &a->cfg;
	c->db = db;
	c->cal = &a->cal;
	c->ar = ar;
}

int
worker_main(int fd, void *arg)
{
	struct app *a = arg;
	FCGX_Request fr;
	struct arena ar;
	static struct out out;	/* 64 KiB: one per worker process */
	struct db *db = db_new(&a->cfg, a->stmt, a->nstmt);

	if (db == NULL || FCGX_Init() != 0 || FCGX_InitRequest(&fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return -1;
	struct sockaddr_storage sa;
	socklen_t salen = sizeof(sa);
	int unix_sock = getsockname(fd, (struct sockaddr *)&sa, &salen) == 0 && sa.ss_family == AF_UNIX;

	ar_init(&ar);
	if (db_ensure(db) != DB_OK)
		log_msg("worker: database not reachable yet; will retry per request");
	while (server_wait(fd)) {
		/* the socket is non-blocking (server.c): another worker may have taken the connection */
		int rc = FCGX_Accept_r(&fr);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK)
			continue;
		if (rc < 0)
			break;
		struct ctx c;
		ctx_start(&c, a, db, &ar);
		c.fr = &fr;
		c.out = &out;
		out_begin(&out, &fr);
		xm_begin();
		handle(a, &c);
		out_flush(&out);
		if (unix_sock)
			hang_up(&fr);
		FCGX_Finish_r(&fr);
		/* Housekeeping once an hour, after the answer is out: nobody waits for it. */
		if (!db_lost(db))
			tx_purge(&c);
		xm_end();
		ar_reset(&ar);
	}
	ar_free(&ar);
	db_free(db);
	return 0;
}

int
worker_cli(struct app *a, handler_fn fn, const char *what, char *const *args, int nargs)
{
	struct arena ar;
	struct db *db = db_new(&a->cfg, a->stmt, a->nstmt);
	struct ctx c;
	int rc = -1;

	ar_init(&ar);
	if (fn == NULL || db == NULL || db_ensure(db) != DB_OK || worker_refresh(a, db) != DB_OK)
		goto done;
	ctx_start(&c, a, db, &ar);
	snprintf(c.reqid, sizeof(c.reqid), "cli%013d", (int)getpid());
	c.acct.login = "cli";
	c.acct.role = ROLE_OFFICE;
	c.acct.role_name = "office";
	c.req.path = what;
	c.args = args;
	c.nargs = nargs;
	int st = fn(&c);
	rc = (st == 0 || st == 200) && fflush(stdout) == 0 ? 0 : -1;
done:
	if (rc != 0)
		log_msg("%s failed", what);
	db_free(db);
	ar_free(&ar);
	return rc;
}
