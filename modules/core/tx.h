/*
 * tx.h — the one way a handler writes.  The handler validates, fills a
 * struct tx and calls tx_run() with its write callback; tx_run():
 *
 *   - sends a double submit (a form nonce this account already used) to
 *     where the first one went, before and inside the transaction: the nonce
 *     is taken (a unique key) in the same transaction as the write;
 *   - begins, calls fn, and on TX_COMMIT writes the audit row described by
 *     the tx (before/after), records where the form went, commits, and
 *     answers 303 to t->then (or returns 200 when then is NULL and there is
 *     no nonce);
 *   - rolls back whenever fn does not commit, and returns fn's status (a
 *     409, 422, 403 … for the handler to build the page for, outside the
 *     transaction);
 *   - runs the whole transaction again on a deadlock or lock wait timeout
 *     (MariaDB 1213, 1205; Galera's certification failure is 1213), up to
 *     TX_TRIES times, then answers 503 "busy";
 *   - answers a lost connection with APP_LOST (the worker reconnects and
 *     runs the handler once more, then 503), a duplicate key from fn with
 *     409, and anything else with 500.
 *
 * The callback may run more than once: it only reads and writes the
 * database and fills the tx (never the page), and starts from the same
 * inputs each time.
 */
#ifndef WANGAN_TX_H
#define WANGAN_TX_H
#include "db.h"

#define TX_TRIES 3
#define TX_NONCE_LEN 32
#define TX_COMMIT 0	/* fn: commit; a positive status: roll back and return it */

struct ctx;

struct tx {
	struct ctx *c;
	const char *nonce;	/* the form's nonce (tx_nonce), or NULL: no double-submit check */
	/* Filled by fn: */
	const char *record;	/* the audit row's record type, or NULL: no row */
	long long id;		/* its id */
	const char *action;	/* "create", "change", … */
	const char *before;	/* JSON of the record before, or NULL */
	const char *after;	/* JSON after, or NULL */
	const char *then;	/* where to send the user on commit: "/module/…" */
	int tries;		/* set by tx_run: how many times fn ran */
};

typedef int (*tx_fn)(struct tx *t, void *arg);

int tx_run(struct tx *t, tx_fn fn, void *arg);
/* A further audit row in fn's transaction (a change that touches two records). */
enum db_rc tx_audit(struct tx *t, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after);
/* A fresh random nonce for a form: TX_NONCE_LEN hex digits. */
void tx_nonce(char out[TX_NONCE_LEN + 1]);
/*
 * Once an hour per worker: forgets nonces older than the CSRF token's life
 * (after it a resubmit fails the CSRF check anyway).
 */
void tx_purge(struct ctx *c);
#endif
