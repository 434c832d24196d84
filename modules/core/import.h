/*
 * import.h — importing an existing register (a CSV or XLSX the office
 * kept) into a module's records, in two steps and one transaction:
 *
 *   POST …/import          the upload: the file is checked (size, type by
 *                          its bytes), kept in imp_file by its SHA-256, and
 *                          every row is checked and shown: new, changed,
 *                          unchanged, or bad with its line and reason.
 *   POST …/import/confirm  carries only the hash (and CSRF, a nonce): the
 *                          kept bytes are read again and checked again
 *                          inside the transaction, and written only if
 *                          every row is good; each record created or
 *                          changed is audited.  Rows match records by the
 *                          kind's natural key, and a row whose values the
 *                          record already holds writes nothing, so the
 *                          same file imported twice changes nothing.
 *   GET  …/import          the upload form, the columns, the template;
 *   GET  …/import/template.csv, …/import/{id} (the result).
 *
 * The header row names the columns, in Chinese (the template's titles) or
 * English, in any order; a column the kind does not know is shown as
 * ignored.  A module describes its kind (struct imp_kind): the columns,
 * which of them are the natural key, and two functions, check (classify a
 * row against the database) and apply (write it, in the transaction).
 */
#ifndef WANGAN_IMPORT_H
#define WANGAN_IMPORT_H
#include "ctx.h"
#include "tx.h"
#include "valid.h"

#define IMP_MAX_FILE (2u * 1024 * 1024)	/* and client_max_body_size 2304k in nginx */
#define IMP_MAX_ROWS 3000		/* data rows; a university has hundreds of units */
#define IMP_MAX_COLS 24

/*
 * The statements every importing module lists, with its kind's name in
 * the text (static SQL: tools/check-sql).  Parameters and columns:
 *   FIND (sha256) → id, filename, size, rows_total, rows_created, rows_changed,
 *        rows_same, imported_at, imported_by;  GET (id) → the same;
 *   FILE (sha256, size, filename, login);  CHUNK (file id, seq, data);
 *   READ (file id) → data, in order;  DONE (login, total, created, changed, same, id).
 */
#define IMP_FILE_COLS_SQL "id, filename, size, rows_total, rows_created, rows_changed," \
	" rows_same, COALESCE(imported_at, '') AS imported_at, COALESCE(imported_by, '') AS imported_by"
#define IMP_SQL_FIND(kind) "SELECT " IMP_FILE_COLS_SQL " FROM imp_file WHERE kind = '" kind "' AND sha256 = ?"
#define IMP_SQL_GET(kind) "SELECT " IMP_FILE_COLS_SQL " FROM imp_file WHERE kind = '" kind "' AND id = ?"
#define IMP_SQL_FILE(kind) "INSERT INTO imp_file (kind, sha256, size, filename, uploaded_by)" \
	" VALUES ('" kind "', ?, ?, ?, ?)"
#define IMP_SQL_CHUNK "INSERT INTO imp_chunk (file_id, seq, data) VALUES (?, ?, ?)"
#define IMP_SQL_READ "SELECT data FROM imp_chunk WHERE file_id = ? ORDER BY seq"
#define IMP_SQL_DONE "UPDATE imp_file SET imported_at = NOW(), imported_by = ?, rows_total = ?," \
	" rows_created = ?, rows_changed = ?, rows_same = ? WHERE id = ?"
#define IMP_FILE_COLS(C) \
	C(IF_ID, "id") C(IF_FILENAME, "filename") C(IF_SIZE, "size") C(IF_TOTAL, "rows_total") \
	C(IF_CREATED, "rows_created") C(IF_CHANGED, "rows_changed") C(IF_SAME, "rows_same") \
	C(IF_AT, "imported_at") C(IF_BY, "imported_by")
DB_COLUMNS(imp_file_col, IMP_FILE_COLS);
extern const char *const imp_file_cols[imp_file_col__MAX + 1];
extern const char *const imp_data_cols[2];

/* The module's statement ids (SQL(…)) for the above. */
struct imp_sql {
	int find, get, file, chunk, read, done;
};

/* A column: its key (the page XML, the strings impcol.KEY), its titles, its check. */
struct imp_col {
	const char *key;
	const char *zh, *en;	/* the header titles accepted; zh is the template's */
	struct vfield f;	/* type, required (a value, and so the column), maximum length */
};

enum imp_status { IMP_BAD, IMP_NEW, IMP_CHANGE, IMP_SAME, IMP_STATUS__MAX };

struct imp_row {
	long line;
	const char *v[IMP_MAX_COLS];	/* by the kind's column; "" when empty or absent */
	const char *shown[IMP_MAX_COLS];	/* as the file has them (Excel's dates as dates), for the preview */
	enum imp_status status;
	int err_col;			/* the column the reason is about, or -1 */
	const char *err;		/* the reason's message code (msg.CODE) */
	long err_line;			/* a duplicate: the line of the first one */
	int extra;			/* a value under no header */
};

struct imp_run;

struct imp_kind {
	const char *name;		/* "units": imp_file.kind, the page's data/@kind */
	const char *base;		/* "/registration/import" */
	int view;			/* the module's import view, VIEW(…) */
	const struct imp_col *cols;
	size_t ncols;
	const int *key;			/* the natural key's columns */
	size_t nkey;
	struct imp_sql sql;
	/*
	 * Classifies row r, which has passed the columns' checks and is not a
	 * duplicate: sets r->status (IMP_NEW, IMP_CHANGE or IMP_SAME), or
	 * IMP_BAD with r->err and r->err_col.  Reads only; DB_OK or a failure.
	 */
	enum db_rc (*check)(struct imp_run *run, struct imp_row *r);
	/*
	 * Writes row r (IMP_NEW or IMP_CHANGE) in the transaction t, auditing
	 * each record with tx_audit(); TX_COMMIT when written, IMP_SAME_AFTER
	 * when it found nothing to write after all, else a status or db_rc.
	 */
	int (*apply)(struct imp_run *run, struct tx *t, struct imp_row *r);
	/* Once after every row was applied (a read model to refresh); may be NULL. */
	int (*finish)(struct imp_run *run, struct tx *t);
};
#define IMP_SAME_AFTER 1

struct imp_run {
	struct ctx *c;
	const struct imp_kind *k;
	struct imp_row *rows;
	size_t nrows;
	long long file_id;
	char sha256[65];
	const char *filename;
	size_t size;
	const char *file_err;		/* a file-level refusal's message code, or NULL */
	long file_err_line;
	const char *file_err_arg;	/* the column title it is about, or NULL */
	const char *ignored[IMP_MAX_COLS];	/* header titles not used */
	size_t nignored;
	size_t count[IMP_STATUS__MAX];
	void *arg;			/* the kind's own, for check and apply */
};

int imp_form(struct ctx *c, const struct imp_kind *k);
int imp_template(struct ctx *c, const struct imp_kind *k);
int imp_upload(struct ctx *c, const struct imp_kind *k, void *arg);
int imp_confirm(struct ctx *c, const struct imp_kind *k, void *arg);
int imp_result(struct ctx *c, const struct imp_kind *k);
/* The value of column col of r, "" when empty. */
static inline const char *
imp_v(const struct imp_row *r, int col)
{
	return r->v[col];
}
/* Marks r bad: code about column col (or -1). */
void imp_bad(struct imp_row *r, int col, const char *code);
/* "before" and "after" JSON of a record from name/value pairs (n of each, NULL values skipped). */
const char *imp_json(struct ctx *c, const char *const *names, const char *const *vals, size_t n);
#endif
