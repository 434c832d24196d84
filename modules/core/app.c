/*
 * app.c — a module's binary: its options, its configuration, the statement
 * table (the core's, then the module's) checked against the server once
 * before the workers fork, its stylesheets, and then the prefork server or
 * a CLI verb (--export, the module's own).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include "app.h"
#include "log.h"
#include "page.h"
#include "server.h"
#include "sheet.h"
#include "sql.h"
#include "view.h"
#include "worker.h"
#include "xmlmem.h"

static void
usage(const struct module *m, const char *prog)
{
	fprintf(stderr, "usage: %s [--config FILE] [--listen PATH|HOST:PORT] [--workers N]\n"
	    "       [--pidfile FILE] [--check] [--export FILE|-]", prog);
	for (size_t i = 0; i < m->nverbs; i++)
		fprintf(stderr, " [--%s]", m->verbs[i].name);
	fprintf(stderr, "\nWithout --listen the socket is taken from fd 0 (spawn-fcgi) or systemd (fd 3).\n");
	for (size_t i = 0; i < m->nverbs; i++)
		fprintf(stderr, "  --%-10s %s\n", m->verbs[i].name, m->verbs[i].help);
}

/* The module's verb named by a long option, or NULL. */
static const struct verb *
find_verb(const struct module *m, const char *arg)
{
	if (arg == NULL || strncmp(arg, "--", 2) != 0)
		return NULL;
	for (size_t i = 0; i < m->nverbs; i++)
		if (strcmp(arg + 2, m->verbs[i].name) == 0)
			return &m->verbs[i];
	return NULL;
}

/* The core's statements, then the module's, in one table. */
static int
load_sql(struct app *a, const struct module *m)
{
	if (CORE_SQL__MAX + m->nsql > WORKER_MAX_SQL)
		return -1;
	memcpy(a->stmt, core_sql, sizeof(core_sql));
	for (size_t i = 0; i < m->nsql; i++)
		a->stmt[CORE_SQL__MAX + i] = m->sql[i];
	a->nstmt = CORE_SQL__MAX + m->nsql;
	return 0;
}

/*
 * Connects and prepares every statement once, before forking: a statement
 * whose SQL, parameters or columns disagree with its table entry stops the
 * module here, at start, with the statement named in the log.  A database
 * that is down is not an error: the workers connect when it comes back.
 */
static int
check_sql(struct app *a)
{
	struct db *db = db_new(&a->cfg, a->stmt, a->nstmt);
	enum db_rc rc = db == NULL ? DB_ERR : db_ensure(db);
	db_free(db);
	if (rc == DB_LOST)
		log_msg("database not reachable at start; statements are checked when it is");
	return rc == DB_ERR ? -1 : 0;
}

static int
load_views(const struct app *a, const struct module *m)
{
	static const char *views[VIEW_MAX] = { [VIEW_NONE] = "core/error", [VIEW_ERROR] = "core/error" };
	if (CORE_VIEW__MAX + m->nviews > VIEW_MAX)
		return -1;
	for (size_t i = 0; i < m->nviews; i++)
		views[CORE_VIEW__MAX + i] = m->views[i];
	return view_load(a->cfg.xslt_dir, views, CORE_VIEW__MAX + m->nviews);
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
	const struct verb *verb = NULL;
	struct server_opts so = { 0 };
	int check = 0, workers = 0, ch;
	char err[256];

	/*
	 * A module's own verb and what follows it are taken out before getopt
	 * sees them: the words after the verb are its arguments, its own
	 * options too (--upstream-export CODE --full FILE).
	 */
	char **vargs = NULL;
	int nvargs = 0;
	for (int i = 1; i < argc; i++)
		if (find_verb(m, argv[i]) != NULL) {
			verb = find_verb(m, argv[i]);
			vargs = argv + i + 1;
			nvargs = argc - i - 1;
			argc = i;
			break;
		}
	while ((ch = getopt_long(argc, argv, "c:l:w:p:ke:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case 'l': so.listen = optarg; break;
		case 'w': workers = atoi(optarg); break;
		case 'p': so.pidfile = optarg; break;
		case 'k': check = 1; break;
		case 'e': export = optarg; break;
		default: usage(m, argv[0]); return ch == 'h' ? 0 : 2;
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
	a.account_ttl = a.cfg.account_cache_seconds;
	a.lock_wait = config_int(&a.cfg, "lock_wait_seconds", 5, 1, 120);
	config_zone(&a.cfg, a.tzoff);
	if (load_sql(&a, m) != 0 || (m->init != NULL && m->init(&a.cfg) != 0) || xm_init() != 0)
		return 1;
	xmlInitParser();
	/* An export writes XML with xmlTextWriter: it needs no stylesheets, and skipping them keeps its memory small. */
	if (export != NULL) {
		if (strcmp(export, "-") != 0 && freopen(export, "w", stdout) == NULL) {
			fprintf(stderr, "wangan-%s: cannot write %s\n", m->name, export);
			return 1;
		}
		return worker_cli(&a, m->export_fn, "--export", NULL, 0) == 0 ? 0 : 1;
	}
	if (verb != NULL)
		return worker_cli(&a, verb->fn, verb->name, vargs, nvargs) == 0 ? 0 : 1;
	if (load_views(&a, m) != 0) {
		fprintf(stderr, "wangan-%s: cannot load stylesheets from %s\n", m->name, a.cfg.xslt_dir);
		return 1;
	}
	/* the export column titles (sheet.h), compiled per language like the views */
	if (sheet_init(a.cfg.xslt_dir) != 0) {
		fprintf(stderr, "wangan-%s: cannot read export titles from %s\n", m->name, a.cfg.xslt_dir);
		return 1;
	}
	if (check_sql(&a) != 0) {
		fprintf(stderr, "wangan-%s: a statement disagrees with its table entry (see the log)\n", m->name);
		return 1;
	}
	if (check) {
		printf("wangan-%s: configuration, statements and stylesheets OK\n", m->name);
		return 0;
	}
	so.workers = workers > 0 ? workers : a.cfg.workers;
	so.mode = a.cfg.socket_mode;
	so.group = a.cfg.socket_group;
	int rc = server_run(&so, worker_main, &a);
	view_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc == 0 ? 0 : 1;
}
