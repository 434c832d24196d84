/* listq.c — a list's search, sort and seek parameters; see listq.h. */
#include <string.h>
#include "ctx.h"
#include "listq.h"
#include "page.h"
#include "valid.h"

const char *const lq_err_code[LQ_ERR__MAX] = {
	[LQ_OK] = "", [LQ_BAD_SORT] = "list_sort", [LQ_BAD_DIR] = "list_dir",
	[LQ_LONG_Q] = "list_q_long", [LQ_BAD_Q] = "list_q", [LQ_BAD_SEEK] = "list_seek",
};

/* The validator of a seek value, by its column's type. */
static const struct vfield seek_field[LQ_TYPE__MAX] = {
	[LQ_STR] = { "at", V_TEXT, 1, LQ_MAX_AT, NULL },
	[LQ_INT] = { "at", V_INT, 1, 20, NULL },
	[LQ_DATE] = { "at", V_DATE, 1, 10, NULL },
};

/* Leading and trailing blanks go: a pasted name often carries them. */
static const char *
trim(struct arena *ar, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return ar_strndup(ar, s, n);
}

/* "q%" with LIKE's escape character and wildcards escaped, so a typed % or _ means itself. */
static const char *
like_prefix(struct arena *ar, const char *q)
{
	size_t n = strlen(q), k = 0;
	char *p = ar_alloc(ar, 2 * n + 2);
	if (p == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (q[i] == '\\' || q[i] == '%' || q[i] == '_')
			p[k++] = '\\';
		p[k++] = q[i];
	}
	p[k++] = '%';
	p[k] = '\0';
	return p;
}

enum lq_err
lq_parse(struct listq *lq, const struct lq_def *d, struct arena *ar,
    const char *sort, const char *dir, const char *q, const char *at, const char *after)
{
	static const struct vfield fq = { "q", V_TEXT, 0, LQ_MAX_Q, NULL };
	memset(lq, 0, sizeof(*lq));
	lq->desc = d->desc;
	lq->q = lq->like = lq->at = lq->after = "";
	lq->first = 1;
	if (sort != NULL && *sort) {
		size_t i;
		for (i = 0; i < d->ncols && strcmp(d->cols[i].key, sort) != 0; i++)
			;
		if (i == d->ncols)
			return LQ_BAD_SORT;
		lq->sort = i;
	}
	if (dir != NULL && *dir) {
		if (strcmp(dir, "asc") == 0)
			lq->desc = 0;
		else if (strcmp(dir, "desc") == 0)
			lq->desc = 1;
		else
			return LQ_BAD_DIR;
	}
	if (q != NULL && *q) {
		/* counted before trimming too: a megabyte of blanks is no search either */
		if (strlen(q) > 4 * LQ_MAX_Q + 64)
			return LQ_LONG_Q;
		const char *t = trim(ar, q);
		if (t == NULL)
			return LQ_BAD_Q;
		if (valid_utf8_len(t) > LQ_MAX_Q)
			return LQ_LONG_Q;
		if (*t && valid_check(&fq, t) != NULL)
			return LQ_BAD_Q;
		if (*t && (lq->like = like_prefix(ar, t)) == NULL)
			return LQ_BAD_Q;
		lq->q = t;
	}
	int has_at = at != NULL && *at, has_after = after != NULL && *after;
	if (has_at && !has_after)
		return LQ_BAD_SEEK;
	if (has_after) {
		if (!has_at && !d->cols[lq->sort].is_tie)
			return LQ_BAD_SEEK;
		if (!has_at)
			at = after;
		if (valid_check(&seek_field[d->cols[lq->sort].type], at) != NULL ||
		    valid_check(&seek_field[d->tie], after) != NULL)
			return LQ_BAD_SEEK;
		if ((lq->at = ar_strdup(ar, at)) == NULL || (lq->after = ar_strdup(ar, after)) == NULL)
			return LQ_BAD_SEEK;
		lq->first = 0;
	}
	return LQ_OK;
}

int
lq_variant(const struct listq *lq)
{
	return (int)lq->sort * 2 + (lq->desc != 0);
}

int
lq_is_plain(const struct listq *lq, const struct lq_def *d)
{
	return !*lq->q && lq->sort == 0 && (lq->desc != 0) == (d->desc != 0);
}

const char *
lq_sort_key(const struct listq *lq, const struct lq_def *d)
{
	return d->cols[lq->sort].key;
}

int
lq_from_ctx(struct ctx *c, const struct lq_def *d, struct listq *lq)
{
	enum lq_err e = lq_parse(lq, d, c->ar, ctx_q(c, "sort"), ctx_q(c, "dir"), ctx_q(c, "q"),
	    ctx_q(c, "at"), ctx_q(c, "after"));
	if (e == LQ_OK)
		return 0;
	return pg_error(c, 400, lq_err_code[e]);
}

const char *
lq_urlenc(struct arena *ar, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), k = 0;
	char *p = ar_alloc(ar, 3 * n + 1);
	if (p == NULL)
		return "";
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '.' || ch == '_' || ch == '~')
			p[k++] = (char)ch;
		else {
			p[k++] = '%';
			p[k++] = hex[ch >> 4];
			p[k++] = hex[ch & 15];
		}
	}
	p[k] = '\0';
	return p;
}

/*
 * XSLT 1.0 cannot escape a URL's parts, so the links' query pieces are made
 * here: lq-q "&q=…" (or ""), lq "&q=…&sort=…&dir=…" with only what differs
 * from the list's default, for the pager, the filter bar and the exports.
 */
void
lq_node(struct ctx *c, xmlNodePtr filter, const struct listq *lq, const struct lq_def *d)
{
	int dsort = lq->sort == 0, ddir = lq->desc == d->desc;
	const char *q = *lq->q ? ar_printf(c->ar, "&q=%s", lq_urlenc(c->ar, lq->q)) : "";
	pg_attr(filter, "sort", lq_sort_key(lq, d));
	pg_attr(filter, "dir", lq->desc ? "desc" : "asc");
	pg_attr(filter, "q", lq->q);
	pg_attr(filter, "lq-q", q);
	pg_attr(filter, "lq", ar_printf(c->ar, "%s%s%s%s%s", q, dsort && ddir ? "" : "&sort=",
	    dsort && ddir ? "" : lq_sort_key(lq, d), dsort && ddir ? "" : "&dir=",
	    dsort && ddir ? "" : lq->desc ? "desc" : "asc"));
}

void
lq_next(struct ctx *c, xmlNodePtr rows, const char *at, const char *id)
{
	pg_attr(rows, "next-at", lq_urlenc(c->ar, at));
	pg_attr(rows, "next", lq_urlenc(c->ar, id));
}

void
lq_end(struct ctx *c, xmlNodePtr rows, const struct listq *lq, int more, size_t count, const char *at,
    const char *id)
{
	if (more)
		lq_next(c, rows, at, id);
	if (!lq->first)
		pg_attr(rows, "first", "1");
	pg_attri(rows, "count", (long long)count);
}

void
lq_rows_end(struct ctx *c, xmlNodePtr rows, const struct listq *lq, size_t n, size_t page,
    const char *at, const char *id)
{
	lq_end(c, rows, lq, n > page, n > page ? page : n, at, id);
}
