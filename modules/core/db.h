/*
 * db.h — one MariaDB connection per worker and a statement table prepared
 * once per connection (magma's pattern).  Statements are identified by their
 * index in the table.  When the connection is lost, db_run() fails with
 * DB_LOST and marks the handle; db_ensure() then reconnects and re-prepares
 * everything explicitly — libmariadb's auto-reconnect stays off, because it
 * would silently drop the prepared statements and any open transaction.
 *
 * Results are fetched unbuffered, row by row, into buffers bound once at
 * prepare time, so an export streams in constant memory.  A row callback
 * must not run another statement (the connection is busy streaming).
 */
#ifndef WANGAN_DB_H
#define WANGAN_DB_H
#include <stddef.h>
#include "config.h"

#define DB_MAX_PARAMS 32
#define DB_MAX_COLS   64	/* an incident row with its step (incidents export) */
#define DB_MAX_COLLEN (64 * 1024)

enum db_rc { DB_OK = 0, DB_ERR = -1, DB_LOST = -2, DB_DUP = -3 };

enum db_type { DB_STR, DB_INT, DB_NULL, DB_BLOB };
struct db_val {
	enum db_type t;
	const char *s;
	long long i;		/* the integer, or a blob's length */
};
#define DBS(x) ((struct db_val){ DB_STR, (x), 0 })
#define DBI(x) ((struct db_val){ DB_INT, NULL, (long long)(x) })
#define DBN    ((struct db_val){ DB_NULL, NULL, 0 })
/* n bytes that may hold NULs (a scan's piece); at most DB_MAX_COLLEN. */
#define DBB(p, n) ((struct db_val){ DB_BLOB, (const char *)(p), (long long)(n) })
/* A string or SQL NULL when the string is empty. */
#define DBSN(x) ((x) != NULL && *(x) ? DBS(x) : DBN)

struct db_row {
	size_t n;
	const char *const *v;		/* NUL-terminated; "" for NULL */
	const unsigned long *len;
	const char *null;		/* null[i] != 0 when column i is NULL */
};
/* Return 0 to go on, non-zero to stop reading (the rest is discarded). */
typedef int (*db_row_fn)(void *ctx, const struct db_row *row);

struct db;

struct db *db_new(const struct config *cfg, const char *const *sql, size_t nsql);
void db_free(struct db *db);
/* Connects and prepares every statement if not connected; DB_OK or DB_LOST. */
enum db_rc db_ensure(struct db *db);
enum db_rc db_run(struct db *db, int id, const struct db_val *p, size_t np,
    db_row_fn fn, void *ctx);
enum db_rc db_begin(struct db *db);
enum db_rc db_commit(struct db *db);
void db_rollback(struct db *db);
unsigned long long db_affected(const struct db *db);
unsigned long long db_insert_id(const struct db *db);
unsigned db_errno(const struct db *db);
int db_lost(const struct db *db);
/* How often this worker connected and prepared: proof of "once", not per request. */
unsigned long db_connects(const struct db *db);
unsigned long db_prepares(const struct db *db);
#endif
