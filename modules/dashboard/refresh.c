/*
 * refresh.c — the snapshot: when it was taken, and taking it again.
 *
 * A page first reads dash_meta (one row by key).  When the snapshot is
 * older than dashboard.refresh_seconds, the worker asks for
 * GET_LOCK('wangan-dashboard', 0): the one that gets it re-reads the age
 * (another may have refreshed meanwhile), then runs one INSERT … SELECT …
 * ON DUPLICATE KEY UPDATE per duty in one transaction and releases the
 * lock; the others do not wait — they read the previous snapshot, which
 * InnoDB's consistent read keeps whole until the refresh commits.  The
 * refresh reads at READ COMMITTED, so its INSERT … SELECT takes no shared
 * locks on the modules' rows and never holds up their writes.
 */
#include <stdio.h>
#include <time.h>
#include "dashboard.h"
#include "resp.h"

struct meta {
	const char *at, *hm;
	long long ms;
	int stale, found;
};

static int
meta_row(void *arg, const struct db_row *r)
{
	struct meta *m = arg;
	m->found = 1;
	m->stale = r->v[DM_STALE][0] == '1';
	m->ms = atoll(r->v[DM_MS]);
	return 0;
}

struct meta_ctx {
	struct ctx *c;
	struct meta m;
};

static int
meta_keep(void *arg, const struct db_row *r)
{
	struct meta_ctx *x = arg;
	meta_row(&x->m, r);
	x->m.at = ar_strdup(x->c->ar, r->v[DM_AT]);
	x->m.hm = ar_strdup(x->c->ar, r->v[DM_HM]);
	return 0;
}

static enum db_rc
read_meta(struct ctx *c, struct meta *m)
{
	struct meta_ctx x = { c, { "", "", 0, 1, 0 } };
	struct db_val p[] = { DBI(dash_set.refresh_seconds) };
	enum db_rc rc = SQL_RUN(c, DASH_SQL_META, p, meta_keep, &x);
	*m = x.m;
	return rc;
}

int
dash_year(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

static long long
ms_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) * 1000LL + (b.tv_nsec - a->tv_nsec) / 1000000;
}

/* Every duty's statement, then the months and the meta row: inside the caller's transaction. */
static enum db_rc
refresh_run(struct ctx *c, const struct timespec *t0)
{
	long long y = dash_year();
	enum db_rc rc;
	struct db_val preg[] = { DBI(dash_set.nroles), DBI(dash_set.nroles), DBS(dash_set.roles), DBI(0), DBI(0) };
	struct db_val ppl[] = { DBS(dash_set.resign_kinds), DBI(0), DBI(0) };
	struct db_val psoon[] = { DBI(dash_set.soon_days), DBI(0), DBI(0) };
	struct db_val pall[] = { DBI(0), DBI(0) };
	struct db_val pinc[] = { DBI(y), DBI(y), DBI(0), DBI(0) };
	struct db_val pnot[] = { DBI(y), DBI(y), DBI(y), DBI(0), DBI(0) };
	struct db_val pper[] = { DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(0), DBI(0) };

	if ((rc = SQL_RUN0(c, DASH_SQL_UNITS, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_REG, preg, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_PLEDGE, ppl, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_SYS, psoon, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_VM, psoon, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_WEB, pall, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_INC, pinc, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_NOTICE, pnot, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, DASH_SQL_UP_PERIOD, pper, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN0(c, DASH_SQL_MONTHS_CLEAR, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN0(c, DASH_SQL_MONTHS, NULL, NULL)) != DB_OK)
		return rc;
	struct db_val pm[] = { DBI(ms_since(t0)), DBS(c->acct.login ? c->acct.login : "system") };
	return SQL_RUN(c, DASH_SQL_META_SET, pm, NULL, NULL);
}

static int
locked(struct ctx *c, enum db_rc *rc)
{
	long long n = 0;
	*rc = SQL_RUN0(c, DASH_SQL_LOCK, db_int_row, &n);
	return *rc == DB_OK && n == 1;
}

static void
unlock(struct ctx *c)
{
	long long n = 0;
	SQL_RUN0(c, DASH_SQL_UNLOCK, db_int_row, &n);
}

/*
 * Refreshes the snapshot when it is stale (or when force is set) and this
 * worker gets the lock; *done says whether it did.  DB_OK also when
 * another worker holds the lock: the caller reads the previous snapshot.
 */
enum db_rc
dash_refresh(struct ctx *c, int force, int *done)
{
	struct meta m;
	struct timespec t0;
	enum db_rc rc;

	*done = 0;
	if (!force && ((rc = read_meta(c, &m)) != DB_OK || !m.stale))
		return rc;
	if (!locked(c, &rc))
		return rc;
	/* another worker may have refreshed between our read and the lock */
	if (!force && ((rc = read_meta(c, &m)) != DB_OK || !m.stale))
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = SQL_RUN0(c, DASH_SQL_READ_COMMITTED, NULL, NULL)) != DB_OK ||
	    (rc = db_begin(c->db)) != DB_OK)
		goto fail;
	if ((rc = refresh_run(c, &t0)) != DB_OK) {
		db_rollback(c->db);
		goto fail;
	}
	if ((rc = db_commit(c->db)) == DB_OK)
		*done = 1;
fail:
	if (rc != DB_LOST)
		unlock(c);
	return rc;
}

/* <snapshot at hm ms stale?/> under parent. */
enum db_rc
dash_meta(struct ctx *c, xmlNodePtr parent)
{
	struct meta m;
	enum db_rc rc = read_meta(c, &m);
	if (rc != DB_OK)
		return rc;
	xmlNodePtr n = pg_node(parent, "snapshot");
	pg_attr(n, "at", m.at);
	pg_attr(n, "hm", m.hm);
	pg_attri(n, "ms", m.ms);
	if (m.stale)
		pg_attr(n, "stale", "1");
	return DB_OK;
}

struct forced {
	struct timespec t0;
};

static int
refresh_tx(struct tx *t, void *arg)
{
	struct forced *f = arg;
	enum db_rc rc = refresh_run(t->c, &f->t0);
	if (rc != DB_OK)
		return (int)rc;	/* tx_run: lost, retried on a deadlock, else 500 */
	t->record = "dash_meta";
	t->id = 1;
	t->action = "refresh";
	t->then = "/dashboard/?refreshed=1";
	return TX_COMMIT;
}

/* POST /dashboard/refresh: the office takes a snapshot now (CSRF checked by the worker). */
int
dash_refresh_post(struct ctx *c)
{
	enum db_rc rc;
	struct forced f;
	if (!locked(c, &rc)) {
		if (rc != DB_OK)
			return app_dberr(rc);
		return resp_redirect(c, "/dashboard/?busy=1");	/* another worker is at it now */
	}
	clock_gettime(CLOCK_MONOTONIC, &f.t0);
	if ((rc = SQL_RUN0(c, DASH_SQL_READ_COMMITTED, NULL, NULL)) != DB_OK) {
		unlock(c);
		return app_dberr(rc);
	}
	struct tx t = { .c = c };
	int st = tx_run(&t, refresh_tx, &f);
	if (st != APP_LOST)
		unlock(c);
	return st;
}
