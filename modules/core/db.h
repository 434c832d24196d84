/*
 * db.h — one MariaDB connection per worker and a statement table prepared
 * once per connection (magma's pattern).  Statements are identified by their
 * index in the table, and each entry says how many parameters its SQL takes
 * and the names of its result columns in order: both are checked against the
 * server when the statement is prepared, so a table that disagrees with its
 * SQL stops the module at start (db_ensure() answers DB_ERR and logs the
 * statement and the column), never a user's request later.
 *
 * A module lists its statements once, as S(ID, NPARAM) lines:
 *
 *	#define REG_STATEMENTS(S) S(REG_SQL_UNIT, 1) S(REG_SQL_HOLDERS, 1) …
 *	DB_STATEMENTS(reg_sql, REG_STATEMENTS, REG_SQL__MAX);
 *
 * which makes enum reg_sql { REG_SQL_UNIT, …, REG_SQL__MAX } and the
 * constants REG_SQL_UNIT__NP = 1, …  Its table then has, per statement,
 * DB_SQL(REG_SQL_UNIT, "SELECT …", unit_cols), and its calls go through
 * DB_RUN(), which refuses at compile time an argument array whose length is
 * not the statement's NPARAM.
 *
 * When the connection is lost, db_run() fails with
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

#define DB_MAX_PARAMS 40	/* the incidents demo row: 34 */
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

struct db_stmt {
	const char *name;		/* "REG_SQL_UNIT", for the log */
	const char *sql;
	unsigned nparam;		/* its ?s */
	const char *const *cols;	/* its result's column names, NULL-terminated; NULL: no result */
};

#define DB_ID_(id, np) id,
#define DB_NP_(id, np) id##__NP = (np),
#define DB_STATEMENTS(tag, list, max) \
	enum tag { list(DB_ID_) max }; \
	enum { list(DB_NP_) }
#define DB_SQL(id, text, cols) [id] = { #id, (text), id##__NP, (cols) }

/*
 * A statement's result columns, listed once as C(ID, "name") lines:
 * DB_COLUMNS(tag, LIST) makes enum tag { ID, …, tag__MAX } for the row
 * callback (r->v[ID]), [static] DB_COLNAMES(var, LIST) the names array of its
 * DB_SQL entry, which db_ensure() checks against the server's result: a
 * SELECT whose columns were reordered or renamed stops the module at start.
 */
#define DB_COL_ID_(id, name) id,
#define DB_COL_NAME_(id, name) name,
#define DB_COLUMNS(tag, list) enum tag { list(DB_COL_ID_) tag##__MAX }
#define DB_COLNAMES(var, list) const char *const var[] = { list(DB_COL_NAME_) NULL }

/* n, when n is np; a compile error (an array of negative size) when not. */
#define DB_CHECKED(n, np) ((size_t)(n) + 0 * sizeof(char[(size_t)(n) == (size_t)(np) ? 1 : -1]))
#define DB_NARGS(p) (sizeof(p) / sizeof((p)[0]))
/*
 * Runs table statement id with the parameter array p (an array, not a
 * pointer: its length is counted) or, DB_RUN0, with none.
 */
#define DB_RUN(db, id, p, fn, arg) \
	db_run((db), (id), (p), DB_CHECKED(DB_NARGS(p), id##__NP), (fn), (arg))
#define DB_RUN0(db, id, fn, arg) \
	db_run((db), (id), NULL, DB_CHECKED(0, id##__NP), (fn), (arg))

struct db_row {
	size_t n;
	const char *const *v;		/* NUL-terminated; "" for NULL */
	const unsigned long *len;
	const char *null;		/* null[i] != 0 when column i is NULL */
};
/* Return 0 to go on, non-zero to stop reading (the rest is discarded). */
typedef int (*db_row_fn)(void *ctx, const struct db_row *row);

/*
 * A result of one integer column: a COUNT(*) AS n (its DB_SQL entry names it
 * with db_count_cols) or an id (db_id_cols).  db_int_row stores the row's
 * value in the long long arg; with no row the arg keeps what it held.
 */
enum { DB_ONE_VALUE, DB_ONE__MAX };
extern const char *const db_count_cols[DB_ONE__MAX + 1];
extern const char *const db_id_cols[DB_ONE__MAX + 1];
int db_int_row(void *arg, const struct db_row *r);

struct db;

struct db *db_new(const struct config *cfg, const struct db_stmt *st, size_t nst);
void db_free(struct db *db);
/*
 * Connects and prepares every statement if not connected: DB_OK, DB_LOST
 * (no server), or DB_ERR (a statement's SQL, parameters or columns are not
 * what its table entry says: a bug, logged).
 */
enum db_rc db_ensure(struct db *db);
/* Runs statement id with np parameters (its table's count, else DB_ERR); see DB_RUN. */
enum db_rc db_run(struct db *db, int id, const struct db_val *p, size_t np,
    db_row_fn fn, void *ctx);
enum db_rc db_begin(struct db *db);
/*
 * A read-only transaction whose every read sees one moment: the snapshot is
 * taken at once (WITH CONSISTENT SNAPSHOT), not at the first read, so a time
 * read right after it names what the reads will see (office upstream export).
 */
enum db_rc db_begin_snapshot(struct db *db);
enum db_rc db_commit(struct db *db);
void db_rollback(struct db *db);
unsigned long long db_affected(const struct db *db);
unsigned long long db_insert_id(const struct db *db);
unsigned db_errno(const struct db *db);
/* The last failure was a deadlock (1213, also Galera's certification failure) or a lock wait timeout (1205). */
int db_retryable(const struct db *db);
int db_lost(const struct db *db);
/* How often this worker connected and prepared: proof of "once", not per request. */
unsigned long db_connects(const struct db *db);
unsigned long db_prepares(const struct db *db);
#endif
