/*
 * app.c — the request cycle shared by every module; see app.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <fcgiapp.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include "app.h"
#include "log.h"
#include "nav.h"
#include "server.h"
#include "view.h"
#include "out.h"
#include "xmlmem.h"

/* Re-read the calendar this often, so the office's yearly load shows up. */
#define CAL_REFRESH_SECONDS 300
#define APP_MAX_SQL 128

static const char *const core_sql[CORE_SQL__MAX] = {
	[CORE_SQL_ACCOUNT] =
	    "SELECT a.id, a.login, a.name, a.role, a.unit_id, u.code, u.name, "
	    "COALESCE(u.name_en, '') FROM account a JOIN unit u ON u.id = a.unit_id "
	    "WHERE a.login = ? AND a.active = 1",
	[CORE_SQL_AUDIT] =
	    "INSERT INTO audit (at, login, role, unit_id, module, record_type, record_id, "
	    "action, before_data, after_data, request_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
	[CORE_SQL_CALENDAR] = "SELECT day, kind FROM calendar_day",
	[CORE_SQL_TZ] = "SET time_zone = ?",
};

static const char *const lang_code[LANG__MAX] = { "zh-CN", "en" };

struct app {
	const struct module *mod;
	struct config cfg;
	const char *sql[APP_MAX_SQL];
	struct wd_cal cal;
	unsigned long cal_connects;
	time_t cal_loaded;
	long long nrequest;
	char tzoff[8];
	long account_ttl;	/* account_cache_seconds */
};

static const struct {
	int code;
	const char *text;
} reasons[] = {
	{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
	{ 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 409, "Conflict" }, { 413, "Payload Too Large" }, { 422, "Unprocessable Entity" },
	{ 500, "Internal Server Error" }, { 503, "Service Unavailable" },
};

static const char *
reason(int code)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].text;
	return "";
}

int
app_write(struct ctx *c, const void *p, size_t n)
{
	if (c->out == NULL)
		return fwrite(p, 1, n, stdout) == n ? 0 : -1;
	return out_write(c->out, p, n);
}

void
app_header(struct ctx *c, int status, const char *type, const char *extra)
{
	char h[APP_MAX_HEADER];
	if (c->sent || c->out == NULL) {
		c->sent = 1;
		return;
	}
	c->sent = 1;
	int n = snprintf(h, sizeof(h),
	    "Status: %d %s\r\nContent-Type: %s\r\n"
	    "X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\nCache-Control: no-store\r\n"
	    "Content-Security-Policy: default-src 'none'; style-src 'self' 'unsafe-inline'; "
	    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'\r\n"
	    "X-Request-Id: %s\r\n%s%s%s%s\r\n",
	    status, reason(status), type, c->reqid,
	    c->cookie ? "Set-Cookie: " : "", c->cookie ? c->cookie : "", c->cookie ? "\r\n" : "",
	    extra ? extra : "");
	/* The cookie and extra headers are ours and short; a cut header would be a bug. */
	if (n < 0 || (size_t)n >= sizeof(h))
		n = snprintf(h, sizeof(h), "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain; charset=utf-8\r\n\r\n");
	out_write(c->out, h, (size_t)n);
}

static int
id_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

int
app_done_before(struct ctx *c, int sql, const char *nonce, const char *before,
    const char *after, int *status)
{
	long long id = 0;
	struct db_val p = DBS(nonce);
	enum db_rc rc = db_run(c->db, sql, &p, 1, id_row, &id);
	if (rc != DB_OK) {
		*status = rc == DB_LOST ? APP_LOST : 500;
		return 1;
	}
	if (id == 0)
		return 0;
	*status = app_redirect(c, ar_printf(c->ar, "%s%lld%s", before, id, after));
	return 1;
}

int
app_text(struct ctx *c, int status, const char *text)
{
	app_header(c, status, "text/plain; charset=utf-8", NULL);
	app_write(c, text, strlen(text));
	return status;
}

int
app_redirect(struct ctx *c, const char *url)
{
	char extra[REQ_MAX_PATH + 32];
	/* Same-site paths only: "//host" or "/\\host" would leave the site. */
	if (url == NULL || strpbrk(url, "\r\n") != NULL || url[0] != '/' || url[1] == '/' || url[1] == '\\')
		return 500;
	snprintf(extra, sizeof(extra), "Location: %s\r\n", url);
	app_header(c, 303, "text/plain; charset=utf-8", extra);
	return 303;
}

const char *
app_q(const struct ctx *c, const char *key)
{
	return req_get(c->req.q, c->req.nq, key);
}

const char *
app_f(const struct ctx *c, const char *key)
{
	return req_get(c->req.f, c->req.nf, key);
}

void
app_now(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* ?lang= wins and is remembered in a cookie; then the cookie; then Accept-Language. */
static void
choose_lang(struct ctx *c)
{
	const char *q = app_q(c, "lang");
	char ck[8];

	c->lang = LANG_ZH;
	if (q != NULL) {
		c->lang = strncasecmp(q, "en", 2) == 0 ? LANG_EN : LANG_ZH;
		c->cookie = c->lang == LANG_EN ? "wangan_lang=en; Path=/; SameSite=Lax; HttpOnly"
		    : "wangan_lang=zh-CN; Path=/; SameSite=Lax; HttpOnly";
	} else if (req_cookie(c->req.cookie, "wangan_lang", ck, sizeof(ck)) == 0) {
		c->lang = strcmp(ck, "en") == 0 ? LANG_EN : LANG_ZH;
	} else if (c->req.accept_lang != NULL) {
		c->lang = strncasecmp(c->req.accept_lang, "en", 2) == 0 ? LANG_EN : LANG_ZH;
	}
}

/* The page XML itself only when the client asks for it first (browsers list it later). */
static int
wants_xml(const struct ctx *c)
{
	const char *a = c->req.accept;
	return a != NULL && (strncmp(a, "application/xml", 15) == 0 || strncmp(a, "text/xml", 8) == 0);
}

static int
account_row(void *arg, const struct db_row *r)
{
	struct ctx *c = arg;
	struct account *a = &c->acct;
	static const struct { const char *name; enum role role; } roles[] = {
		{ "unit_staff", ROLE_UNIT_STAFF }, { "unit_head", ROLE_UNIT_HEAD },
		{ "office", ROLE_OFFICE }, { "leader", ROLE_LEADER }, { "auditor", ROLE_AUDITOR },
	};
	a->id = atoll(r->v[0]);
	a->login = ar_strdup(c->ar, r->v[1]);
	a->name = ar_strdup(c->ar, r->v[2]);
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(r->v[3], roles[i].name) == 0)
			a->role = roles[i].role;
	a->role_name = pg_roles_name(a->role);
	a->unit_id = atoll(r->v[4]);
	a->unit_code = ar_strdup(c->ar, r->v[5]);
	a->unit_name = ar_strdup(c->ar, r->v[6]);
	a->unit_name_en = ar_strdup(c->ar, r->v[7]);
	return 0;
}

static int
calendar_row(void *arg, const struct db_row *r)
{
	wd_add_text(arg, r->v[0], r->v[1]);
	return 0;
}

/* Loads the calendar after each (re)connect and every CAL_REFRESH_SECONDS. */
static enum db_rc
calendar_refresh(struct app *a, struct db *db)
{
	time_t now = time(NULL);
	if (a->cal_connects == db_connects(db) && now - a->cal_loaded < CAL_REFRESH_SECONDS)
		return DB_OK;
	struct db_val tz = DBS(a->tzoff);
	enum db_rc rc = db_run(db, CORE_SQL_TZ, &tz, 1, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	wd_init(&a->cal);
	rc = db_run(db, CORE_SQL_CALENDAR, NULL, 0, calendar_row, &a->cal);
	if (rc != DB_OK)
		return rc;
	a->cal_connects = db_connects(db);
	a->cal_loaded = now;
	return DB_OK;
}

/*
 * The raw query string minus any lang=…, ending in '&' when not empty, so
 * the language switch can keep filters and paging: href="{path}?{query}lang=en".
 */
static const char *
query_without_lang(struct ctx *c)
{
	struct buf b;
	const char *q = c->req.query;
	buf_init(&b, c->ar, REQ_MAX_QUERY + 1);
	while (q != NULL && *q) {
		const char *end = strchr(q, '&');
		size_t n = end ? (size_t)(end - q) : strlen(q);
		if (n > 0 && strncmp(q, "lang=", 5) != 0) {
			buf_add(&b, q, n);
			buf_add(&b, "&", 1);
		}
		q = end ? end + 1 : NULL;
	}
	return buf_cstr(&b);
}

static void
envelope(struct ctx *c)
{
	char today[11], tok[80];
	c->doc = xmlNewDoc(BAD_CAST "1.0");
	c->doc->encoding = xmlStrdup(BAD_CAST "UTF-8");	/* else the XML view escapes every CJK character */
	c->root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(c->doc, c->root);
	pg_attr(c->root, "module", c->mod->name);
	pg_attr(c->root, "lang", lang_code[c->lang]);
	pg_attr(c->root, "reqid", c->reqid);
	pg_attr(c->root, "base", ar_printf(c->ar, "/%s/", c->mod->name));
	pg_attr(c->root, "path", c->req.path);
	wd_format(wd_today(), today);
	pg_attr(c->root, "today", today);
	const char *en = config_get(c->cfg, "site_name_en", "");
	pg_attr(c->root, "site", c->lang == LANG_EN && *en ? en : c->cfg->site_name);
	pg_attr(c->root, "query", query_without_lang(c));
	if (c->acct.login != NULL) {
		xmlNodePtr a = pg_node(c->root, "account");
		pg_attr(a, "login", c->acct.login);
		pg_attr(a, "name", c->acct.name);
		pg_attr(a, "role", c->acct.role_name);
		pg_attri(a, "unit-id", c->acct.unit_id);
		pg_attr(a, "unit-code", c->acct.unit_code);
		pg_attr(a, "unit-name", c->lang == LANG_EN && *c->acct.unit_name_en ?
		    c->acct.unit_name_en : c->acct.unit_name);
		csrf_make(c->cfg, c->acct.login, (long)time(NULL), tok);
		pg_text(c->root, "csrf", tok);
	}
	nav_page(c->root, c->cfg);
	c->msgs = pg_node(c->root, "messages");
	c->data = pg_node(c->root, "data");
}

static void
drop_envelope(struct ctx *c)
{
	xm_doc_free(c->doc);
	c->doc = NULL;
	c->root = c->data = c->msgs = NULL;
	c->view = NULL;
}

/* Matches "{id}/change" against "17/change"; fills c->id. */
static int
match(struct ctx *c, const char *pat, const char *path)
{
	long long id = 0;
	while (*pat && *path) {
		if (strncmp(pat, "{id}", 4) == 0) {
			if (*path < '1' || *path > '9')
				return 0;
			id = 0;
			for (; *path >= '0' && *path <= '9'; path++) {
				if (id > 100000000000000LL)
					return 0;
				id = id * 10 + (*path - '0');
			}
			pat += 4;
			continue;
		}
		if (*pat++ != *path++)
			return 0;
	}
	if (*pat || *path)
		return 0;
	c->id = id;
	return 1;
}

static int
health(struct ctx *c)
{
	char b[256];
	snprintf(b, sizeof(b), "ok\nworker=%d requests=%lld connects=%lu prepares=%lu\n",
	    (int)getpid(), c->nrequest, db_connects(c->db), db_prepares(c->db));
	return app_text(c, 200, b);
}

static const struct route health_route = { REQ_GET, "health", health, ROLES_ALL, ROUTE_NOAUTH };

static const struct route *
find_route(struct ctx *c, int *status)
{
	const struct module *m = c->mod;
	size_t plen = strlen(m->name);
	const char *p = c->req.path;
	enum req_method meth = c->req.method == REQ_HEAD ? REQ_GET : c->req.method;

	*status = 404;
	if (p[0] != '/' || strncmp(p + 1, m->name, plen) != 0 || p[plen + 1] != '/')
		return NULL;
	p += plen + 2;
	if (meth == REQ_GET && strcmp(p, "health") == 0)
		return &health_route;
	for (size_t i = 0; i < m->nroutes; i++) {
		if (!match(c, m->routes[i].pattern, p))
			continue;
		if (m->routes[i].method == meth)
			return &m->routes[i];
		*status = 405;
	}
	return NULL;
}

static int
error_page(struct ctx *c, int status, const char *code)
{
	drop_envelope(c);
	envelope(c);
	c->view = "core/error";
	pg_attr(c->data, "code", code);
	return status;
}

/* Runs the route: account, role, CSRF, handler; reconnects once if the DB went away. */
static int
run(struct app *a, struct ctx *c, const struct route *rt)
{
	int status = APP_LOST;
	for (int attempt = 0; attempt < 2 && status == APP_LOST && !c->sent; attempt++) {
		drop_envelope(c);
		memset(&c->acct, 0, sizeof(c->acct));
		if (db_ensure(c->db) != DB_OK || calendar_refresh(a, c->db) != DB_OK)
			continue;
		if (!auth_cache_get(c->req.remote_user, &c->acct, a->account_ttl)) {
			struct db_val u = DBS(c->req.remote_user);
			enum db_rc rc = db_run(c->db, CORE_SQL_ACCOUNT, &u, 1, account_row, c);
			if (rc == DB_LOST)
				continue;
			if (rc != DB_OK)
				return error_page(c, 500, "internal");
			if (c->acct.login != NULL)
				auth_cache_put(&c->acct);
		}
		if (c->acct.login == NULL) {
			log_msg("%s unknown account '%s'", c->reqid, c->req.remote_user);
			return error_page(c, 403, "unknown_account");
		}
		envelope(c);
		if (!(rt->roles & c->acct.role)) {
			log_msg("%s DENIED account=%s role=%s %s", c->reqid, c->acct.login,
			    c->acct.role_name, c->req.path);
			return error_page(c, 403, "forbidden_role");
		}
		if (rt->method == REQ_POST &&
		    !csrf_check(c->cfg, c->acct.login, app_f(c, "csrf"), (long)time(NULL))) {
			log_msg("%s CSRF token missing or invalid for %s", c->reqid, c->acct.login);
			return error_page(c, 403, "csrf");
		}
		status = rt->fn(c);
		if (status == APP_LOST && !c->sent)
			log_msg("%s database lost during the request; %s", c->reqid,
			    attempt == 0 ? "retrying once" : "giving up");
	}
	if (status == APP_LOST)
		return error_page(c, 503, "database");
	return status;
}

static void
handle(struct app *a, struct ctx *c)
{
	struct timespec t0, t1;
	int status;
	const struct route *rt = NULL;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(c->reqid, sizeof(c->reqid), "%06x%010llx", (unsigned)getpid() & 0xffffff,
	    (unsigned long long)++a->nrequest);
	c->nrequest = a->nrequest;
	enum req_err e = req_read(&c->req, c->ar, c->fr);
	if (c->req.path == NULL)
		c->req.path = "/";
	choose_lang(c);
	if (e == REQ_OK && (rt = find_route(c, &status)) != NULL)
		e = req_body(&c->req, c->ar, c->fr, (rt->flags & ROUTE_UPLOAD) ? REQ_MAX_UPLOAD :
		    (rt->flags & ROUTE_LONGFORM) ? REQ_MAX_LONGFORM : REQ_MAX_BODY,
		    (rt->flags & ROUTE_UPLOAD) != 0);
	if (e != REQ_OK)
		status = error_page(c, (int)e, e == REQ_TOO_LARGE ? "too_large" : "bad_request");
	else if (rt == NULL)
		status = error_page(c, status, status == 405 ? "method" : "not_found");
	else if (rt->flags & ROUTE_NOAUTH)
		status = rt->fn(c);
	else if (c->req.remote_user == NULL || *c->req.remote_user == '\0')
		status = error_page(c, 403, "unknown_account");
	else
		status = run(a, c, rt);
	/* A handler that gives up with a bare status gets the standard error page. */
	if (!c->sent && (status == 400 || status == 404 || status == 500) &&
	    (c->view == NULL || strcmp(c->view, "core/error") != 0))
		status = error_page(c, status, status == 404 ? "not_found" :
		    status == 400 ? "bad_request" : "internal");

	if (!c->sent && c->doc != NULL) {
		if (c->view == NULL)
			c->view = "core/error";
		pg_attr(c->root, "view", c->view);
		pg_attri(c->root, "status", status);
		if (view_render(c, status, wants_xml(c)) != 0 && !c->sent)
			app_text(c, 500, "internal error\n");
	} else if (!c->sent) {
		app_text(c, status >= 400 ? status : 500, "internal error\n");
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
	/* The health probe stays out of the log: load balancers call it constantly. */
	if (rt == NULL || !(rt->flags & ROUTE_NOAUTH) || status != 200)
		log_msg("%s %s %s %s %d %ldus", c->reqid,
		    c->acct.login ? c->acct.login : (c->req.remote_user ? c->req.remote_user : "-"),
		    c->req.method == REQ_POST ? "POST" : c->req.method == REQ_GET ? "GET" : "OTHER",
		    c->req.path, status, us);
	drop_envelope(c);
}

/*
 * On a unix socket, skip libfcgi's lingering close: it shuts down the write
 * side, then waits for nginx to hang up before closing, which keeps the
 * worker from its next request.  That wait guards TCP against a reset that
 * discards the response; a unix socket delivers what was written either
 * way, as long as nothing sent to us is left unread — so drain stdin first
 * (a body refused unread), then detach, which makes FCGX_Finish_r close at once.
 */
static void
hang_up(FCGX_Request *fr)
{
	char trash[4096];
	while (FCGX_GetStr(trash, sizeof(trash), fr->in) > 0)
		continue;
	FCGX_Detach(fr);
}

static int
worker(int fd, void *arg)
{
	struct app *a = arg;
	FCGX_Request fr;
	struct arena ar;
	static struct out out;	/* 64 KiB: one per worker process */
	struct db *db = db_new(&a->cfg, a->sql, CORE_SQL__MAX + a->mod->nsql);

	if (db == NULL || FCGX_Init() != 0 || FCGX_InitRequest(&fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return -1;
	struct sockaddr_storage sa;
	socklen_t salen = sizeof(sa);
	int unix_sock = getsockname(fd, (struct sockaddr *)&sa, &salen) == 0 && sa.ss_family == AF_UNIX;

	ar_init(&ar);
	if (db_ensure(db) != DB_OK)
		log_msg("worker: database not reachable yet; will retry per request");
	while (!server_stopping() && FCGX_Accept_r(&fr) >= 0) {
		struct ctx c = {
			.mod = a->mod, .cfg = &a->cfg, .db = db, .cal = &a->cal,
			.ar = &ar, .fr = &fr, .out = &out,
		};
		out_begin(&out, &fr);
		xm_begin();
		handle(a, &c);
		out_flush(&out);
		if (unix_sock)
			hang_up(&fr);
		FCGX_Finish_r(&fr);
		xm_end();
		ar_reset(&ar);
	}
	ar_free(&ar);
	db_free(db);
	return 0;
}

/* Streams the module's export to a file or stdout, as the office's CLI. */
static int
export_cli(struct app *a, const char *path)
{
	struct arena ar;
	struct db *db = db_new(&a->cfg, a->sql, CORE_SQL__MAX + a->mod->nsql);
	int rc = -1;

	ar_init(&ar);
	if (a->mod->export_fn == NULL || db == NULL || db_ensure(db) != DB_OK ||
	    calendar_refresh(a, db) != DB_OK)
		goto done;
	if (strcmp(path, "-") != 0 && freopen(path, "w", stdout) == NULL)
		goto done;
	struct ctx c = { .mod = a->mod, .cfg = &a->cfg, .db = db, .cal = &a->cal, .ar = &ar };
	snprintf(c.reqid, sizeof(c.reqid), "cli%013d", (int)getpid());
	c.acct.login = "cli";
	c.acct.role = ROLE_OFFICE;
	c.acct.role_name = "office";
	c.req.path = "--export";
	rc = a->mod->export_fn(&c) == 200 && fflush(stdout) == 0 ? 0 : -1;
done:
	if (rc != 0)
		log_msg("export failed");
	db_free(db);
	ar_free(&ar);
	return rc;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s [--config FILE] [--listen PATH|HOST:PORT] [--workers N]\n"
	    "       [--pidfile FILE] [--check] [--export FILE|-]\n"
	    "Without --listen the socket is taken from fd 0 (spawn-fcgi) or systemd (fd 3).\n", prog);
}

int
app_main(const struct module *m, int argc, char **argv)
{
	static struct app a;
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' }, { "listen", required_argument, NULL, 'l' },
		{ "workers", required_argument, NULL, 'w' }, { "pidfile", required_argument, NULL, 'p' },
		{ "check", no_argument, NULL, 'k' }, { "export", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	const char *conf = getenv("WANGAN_CONF") ? getenv("WANGAN_CONF") : CONFIG_DEFAULT;
	const char *export = NULL;
	struct server_opts so = { 0 };
	int check = 0, workers = 0, ch;
	char err[256];

	while ((ch = getopt_long(argc, argv, "c:l:w:p:ke:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case 'l': so.listen = optarg; break;
		case 'w': workers = atoi(optarg); break;
		case 'p': so.pidfile = optarg; break;
		case 'k': check = 1; break;
		case 'e': export = optarg; break;
		default: usage(argv[0]); return ch == 'h' ? 0 : 2;
		}
	}
	a.mod = m;
	if (config_load(&a.cfg, conf, err, sizeof(err)) != 0) {
		fprintf(stderr, "wangan-%s: config: %s\n", m->name, err);
		return 1;
	}
	if (a.cfg.csrf_secret == NULL || strlen(a.cfg.csrf_secret) < 32) {
		fprintf(stderr, "wangan-%s: config: csrf_secret must be set (at least 32 characters)\n", m->name);
		return 1;
	}
	a.account_ttl = config_int(&a.cfg, "account_cache_seconds", 5, 0, 300);
	config_zone(&a.cfg, a.tzoff);
	if (CORE_SQL__MAX + m->nsql > APP_MAX_SQL)
		return 1;
	for (size_t i = 0; i < CORE_SQL__MAX; i++)
		a.sql[i] = core_sql[i];
	for (size_t i = 0; i < m->nsql; i++)
		a.sql[CORE_SQL__MAX + i] = m->sql[i];
	if (m->init != NULL && m->init(&a.cfg) != 0)
		return 1;
	if (xm_init() != 0)
		return 1;
	xmlInitParser();
	/* An export writes XML with xmlTextWriter: it needs no stylesheets, and skipping them keeps its memory small. */
	if (export != NULL)
		return export_cli(&a, export) == 0 ? 0 : 1;
	static const char *views[APP_MAX_SQL] = { "core/error" };
	if (m->nviews + 1 > APP_MAX_SQL)
		return 1;
	for (size_t i = 0; i < m->nviews; i++)
		views[i + 1] = m->views[i];
	if (view_load(a.cfg.xslt_dir, views, m->nviews + 1) != 0) {
		fprintf(stderr, "wangan-%s: cannot load stylesheets from %s\n", m->name, a.cfg.xslt_dir);
		return 1;
	}
	if (check) {
		printf("wangan-%s: configuration and stylesheets OK\n", m->name);
		return 0;
	}
	so.workers = workers > 0 ? workers : a.cfg.workers;
	so.mode = a.cfg.socket_mode;
	so.group = a.cfg.socket_group;
	int rc = server_run(&so, worker, &a);
	view_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc == 0 ? 0 : 1;
}
