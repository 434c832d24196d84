/*
 * worker.h — one worker process: its database connection (connected and
 * prepared once, re-prepared only after a lost connection), the calendar it
 * keeps fresh, and the FastCGI loop that reads a request, runs its route
 * and writes the answer and the log line.  A CLI run (--export, a verb)
 * uses the same pieces with stdout for output.
 */
#ifndef WANGAN_WORKER_H
#define WANGAN_WORKER_H
#include <time.h>
#include "app.h"
#include "config.h"
#include "db.h"
#include "workday.h"

#define WORKER_MAX_SQL 160

struct app {
	const struct module *mod;
	struct config cfg;
	struct db_stmt stmt[WORKER_MAX_SQL];	/* the core's statements, then the module's */
	size_t nstmt;
	struct wd_cal cal;
	unsigned long cal_connects;
	time_t cal_loaded;
	long long nrequest;
	char tzoff[8];
	long account_ttl;	/* account_cache_seconds */
	long lock_wait;		/* lock_wait_seconds: how long a write waits for a row lock */
};

/* The session settings after each (re)connect; the calendar then and every few minutes. */
enum db_rc worker_refresh(struct app *a, struct db *db);
/* The prefork server's per-process entry point (server.h). */
int worker_main(int fd, void *arg);
/* Runs handler fn as the office with output to stdout and the verb's arguments: 0 on success. */
int worker_cli(struct app *a, handler_fn fn, const char *what, char *const *args, int nargs);
#endif
