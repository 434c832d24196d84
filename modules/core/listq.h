/*
 * listq.h — a list page's everyday tools, parsed once for the page and for
 * its CSV/XLSX export alike: the search ?q=, the sort column ?sort= and
 * direction ?dir=, and the keyset seek ?at=VALUE&after=ID (the last row's
 * sort value and id), all checked against the list's own table of sortable
 * columns.
 *
 * No SQL is built here or anywhere (tools/check-sql): a list has one static
 * statement per sortable column and direction, laid out in that order
 * (column 0 ascending, column 0 descending, column 1 ascending, …), and
 * lq_variant() says which of them this request runs.  Each statement reads
 * along an index that starts with its sort column and ends with the id, and
 * seeks with
 *
 *	? = 1 OR (col > ? OR (col = ? AND id > ?))	(first page, at, at, after)
 *
 * (the mirror with < for a descending one), then ORDER BY col, id LIMIT 51:
 * MariaDB folds the bound first-page flag before it plans, so every page,
 * first or last, is one range read of 51 index entries whatever the sort.
 * The search is a prefix match (lq->like, "q%" with LIKE's own characters
 * escaped) on columns each list names in its statement's comment: a prefix
 * can use an index, a substring could not.
 */
#ifndef WANGAN_LISTQ_H
#define WANGAN_LISTQ_H
#include <stddef.h>
#include "arena.h"

#define LQ_MAX_Q     64		/* characters of a search */
#define LQ_MAX_AT    128	/* characters of a seek value */
#define LQ_MAX_COLS  8		/* sortable columns of one list */
#define LQ_NO_LIMIT  0x7fffffffffffLL	/* an export's LIMIT: every matching row */

/* What a seek value must look like: it is compared with the column in SQL. */
enum lq_type { LQ_STR, LQ_INT, LQ_DATE, LQ_TYPE__MAX };

struct lq_col {
	const char *key;	/* the ?sort= value, also the page's filter/@sort */
	enum lq_type type;
	int is_tie;		/* the column is the tie-break key itself (the id, a unit's code) */
};

struct lq_def {
	const struct lq_col *cols;	/* cols[0] is the default sort */
	size_t ncols;			/* ≤ LQ_MAX_COLS */
	int desc;			/* the default direction */
	enum lq_type tie;		/* the tie-break key's type: the id (LQ_INT), a code (LQ_STR) */
};

struct listq {
	size_t sort;		/* index into the def's cols */
	int desc;		/* 1: descending */
	const char *q;		/* the search, trimmed, or "" */
	const char *like;	/* "q%" for LIKE with \ % _ escaped, or "" */
	int first;		/* 1: no seek, the first page */
	const char *at;		/* the seek's sort value, "" on the first page */
	const char *after;	/* the seek's tie-break key (id or code), "" on the first page */
};

/* Why a request's list parameters were refused: each is a message key err.CODE. */
enum lq_err { LQ_OK, LQ_BAD_SORT, LQ_BAD_DIR, LQ_LONG_Q, LQ_BAD_Q, LQ_BAD_SEEK, LQ_ERR__MAX };
extern const char *const lq_err_code[LQ_ERR__MAX];

/*
 * Parses the raw parameters (any may be NULL: absent) against d into lq,
 * copying what it keeps into ar.  A sort key not in d, a dir other than
 * asc/desc, a q over LQ_MAX_Q characters or with control characters or bad
 * UTF-8, an at that is not of its column's type or an after that is not
 * of the tie's are refused with their code.  An after alone is the older
 * links' ?after=ID: taken when the sort column is the tie itself (at =
 * after), refused otherwise; an at alone is refused.
 */
enum lq_err lq_parse(struct listq *lq, const struct lq_def *d, struct arena *ar,
    const char *sort, const char *dir, const char *q, const char *at, const char *after);
/* The offset of this request's statement among the list's 2 * ncols: sort * 2 + desc. */
int lq_variant(const struct listq *lq);
/*
 * 1 when the request asks for the list as it always was: no search, the
 * default sort and direction — a list that keeps older statements for that
 * page (and their own cursors) runs them then.
 */
int lq_is_plain(const struct listq *lq, const struct lq_def *d);
/* The sort column's key. */
const char *lq_sort_key(const struct listq *lq, const struct lq_def *d);

struct ctx;
struct _xmlNode;
/*
 * The ctx side: reads sort, dir, q, at, after from the query string.  On a
 * refusal it answers the error page (400, err.list_…) and returns its
 * status, else 0.  lq_node() writes the accepted values on the page's
 * filter element (sort, dir, q, and the links' pieces lq-q, lq) for the
 * view's links and forms.
 */
int lq_from_ctx(struct ctx *c, const struct lq_def *d, struct listq *lq);
void lq_node(struct ctx *c, struct _xmlNode *filter, const struct listq *lq, const struct lq_def *d);
/* The next page's seek, on the rows element: next-at and next, both escaped for a URL. */
void lq_next(struct ctx *c, struct _xmlNode *rows, const char *at, const char *id);
/*
 * The end of a page read with the tools, the same on every list: n rows
 * fetched of at most page + 1 (the extra one only says there is more): the
 * next page's seek from the last row shown (at, id) when there is more,
 * first="1" when this is not the first page, and count.
 */
void lq_rows_end(struct ctx *c, struct _xmlNode *rows, const struct listq *lq, size_t n, size_t page,
    const char *at, const char *id);
/*
 * The same when the caller counts its own rows: the seek when more is set,
 * first="1", and count, the rows shown (the registration list, which reads
 * holders as extra rows, and the incidents' lists).
 */
void lq_end(struct ctx *c, struct _xmlNode *rows, const struct listq *lq, int more, size_t count,
    const char *at, const char *id);
/* s %-escaped for a URL's query (all but A-Z a-z 0-9 - . _ ~). */
const char *lq_urlenc(struct arena *ar, const char *s);
#endif
