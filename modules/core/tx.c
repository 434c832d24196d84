/*
 * tx.c — the one way a handler writes; see tx.h.
 *
 * The nonce is looked up before the transaction (the common double click
 * lands after the first submit committed: one read, no lock) and taken
 * inside it, as a unique key: a second submit racing the first waits on
 * that key and then fails with a duplicate, so it can never write twice.
 */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <stdlib.h>
#include "app.h"
#include "audit.h"
#include "ctx.h"
#include "log.h"
#include "page.h"
#include "resp.h"
#include "sha256.h"
#include "sql.h"
#include "tx.h"

#define TX_SEEN (-100)	/* the nonce was taken by a submit that committed first */
#define TX_PURGE_SECONDS 3600

struct seen {
	struct ctx *c;
	const char *then;
};

static int
then_row(void *arg, const struct db_row *r)
{
	struct seen *s = arg;
	s->then = ar_strdup(s->c->ar, r->v[NONCE_THEN_URL]);
	return 0;
}

/* 0 when the nonce is new; else the 303 to where its submit went, or a failure status. */
static int
seen_before(struct tx *t)
{
	struct seen s = { t->c, NULL };
	struct db_val p[] = { DBS(t->nonce), DBS(t->c->acct.login) };
	enum db_rc rc = DB_RUN(t->c->db, CORE_SQL_NONCE_GET, p, then_row, &s);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (s.then == NULL)
		return 0;
	log_msg("%s double submit of nonce %s: sent to %s", t->c->reqid, t->nonce, s.then);
	return resp_redirect(t->c, s.then);
}

/* A record or action name that may travel in the saved= code: [a-z0-9_-], 1 to 40 bytes. */
static int
saved_name_ok(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		    s[n] == '_' || s[n] == '-') || n == 40)
			return 0;
	return n > 0;
}

/*
 * "saved=1" in t->then becomes "saved=RECORD.ACTION" (the audit row's), so
 * the page the 303 lands on says what happened ("已撤回。") instead of the
 * same "saved" after every action (issue 13).  A then without saved=1 (the
 * action leads elsewhere) or names of other characters stay as they are.
 */
static const char *
saved_then(struct tx *t)
{
	const char *then = t->then, *p, *action = t->action ? t->action : "change";
	if (then == NULL || t->record == NULL || (p = strstr(then, "saved=1")) == NULL ||
	    (p[7] != '\0' && p[7] != '&' && p[7] != '#') ||
	    !saved_name_ok(t->record) || !saved_name_ok(action))
		return then;
	return ar_printf(t->c->ar, "%.*ssaved=%s.%s%s", (int)(p - then), then, t->record, action, p + 7);
}

/* One run of the transaction after its BEGIN: TX_COMMIT, fn's status, TX_SEEN or a db_rc. */
static int
attempt(struct tx *t, tx_fn fn, void *arg)
{
	struct ctx *c = t->c;
	char now[WD_NOW_LEN];
	enum db_rc rc;

	if (t->nonce != NULL) {
		wd_now(now);
		struct db_val p[] = { DBS(t->nonce), DBS(c->acct.login), DBS(c->mod_name), DBS(now) };
		rc = DB_RUN(c->db, CORE_SQL_NONCE_TAKE, p, NULL, NULL);
		if (rc != DB_OK)
			return rc == DB_DUP ? TX_SEEN : rc;
	}
	t->record = t->action = t->before = t->after = NULL;
	t->id = 0;
	int st = fn(t, arg);
	if (st != TX_COMMIT)
		return st;
	t->then = saved_then(t);
	if (t->record != NULL &&
	    (rc = audit_write(c, t->record, t->id, t->action ? t->action : "change",
	    t->before, t->after)) != DB_OK)
		return rc;
	if (t->nonce != NULL) {
		struct db_val p[] = { DBS(t->then ? t->then : ""), DBS(t->nonce) };
		if ((rc = DB_RUN(c->db, CORE_SQL_NONCE_DONE, p, NULL, NULL)) != DB_OK)
			return rc;
	}
	return db_commit(c->db);
}

int
tx_run(struct tx *t, tx_fn fn, void *arg)
{
	struct ctx *c = t->c;
	int st;

	if (t->nonce != NULL && (st = seen_before(t)) != 0)
		return st;
	for (t->tries = 1;; t->tries++) {
		enum db_rc rc = db_begin(c->db);
		if (rc != DB_OK)
			return app_dberr(rc);
		st = attempt(t, fn, arg);
		if (st == TX_COMMIT)
			break;
		db_rollback(c->db);
		if (st > 0)
			return st;
		if (st == TX_SEEN)
			return (st = seen_before(t)) != 0 ? st : 409;
		if (st == DB_LOST)
			return APP_LOST;
		if (!db_retryable(c->db))
			return st == DB_DUP ? 409 : 500;
		/*
		 * InnoDB picked us as a deadlock victim, or a row stayed locked past
		 * lock_wait_seconds: the other transaction may not have committed
		 * yet, so run ours again (it then sees the outcome).
		 */
		log_msg("%s transaction %s (%u), try %d of %d", c->reqid,
		    db_errno(c->db) == 1205 ? "waited too long for a lock" : "deadlocked",
		    db_errno(c->db), t->tries, TX_TRIES);
		if (t->tries == TX_TRIES)
			return pg_error(c, 503, "busy");
	}
	if (t->then == NULL)
		return 200;
	return resp_redirect(c, t->then);
}

enum db_rc
tx_audit(struct tx *t, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after)
{
	return audit_write(t->c, record_type, record_id, action, before, after);
}

void
tx_nonce(char out[TX_NONCE_LEN + 1])
{
	unsigned char r[TX_NONCE_LEN / 2];
	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		/* getrandom on Linux ≥ 3.17 does not fail for 16 bytes; be loud if it does */
		log_msg("tx: getrandom failed");
		abort();
	}
	hex_encode(r, sizeof(r), out);
}

void
tx_purge(struct ctx *c)
{
	static time_t last;
	time_t now = time(NULL);
	char before[WD_NOW_LEN];
	struct tm tm;

	if (now - last < TX_PURGE_SECONDS)
		return;
	last = now;
	time_t cut = now - c->cfg->csrf_ttl - 60;
	localtime_r(&cut, &tm);
	strftime(before, sizeof(before), "%Y-%m-%d %H:%M:%S", &tm);
	struct db_val p[] = { DBS(before) };
	if (DB_RUN(c->db, CORE_SQL_NONCE_PURGE, p, NULL, NULL) != DB_OK)
		log_msg("tx: purging old form nonces failed");
}
