/*
 * status.c — where each party stands with each kind, and the coverage
 * report.  A (kind, party) is missing (no signing), signed, or needs a
 * re-sign: the kind is one the site re-signs on a new first responsible
 * person (pledges.resign_kinds) and the unit's first responsible person
 * changed after the current signing.  The re-sign is due pledges.resign_days
 * working days after that change (the first one after the signing), by the
 * core calendar; past that it is overdue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "listq.h"
#include "pledges.h"
#include "setting.h"
#include "sheet.h"
#include "unitpick.h"

void
pl_due(struct ctx *c, const char *changed, char due[11], int *overdue)
{
	int day = wd_parse(changed);
	due[0] = '\0';
	*overdue = 0;
	if (day == WD_INVALID)
		return;
	int d = wd_add(c->cal, day, (int)setting_int(c->cfg, "pledges.resign_days", 10, 1, 90));
	wd_format(d, due);
	*overdue = wd_today() > d;
}

/* The latest change date whose re-sign is overdue today: due dates grow with the change date. */
static void
overdue_before(struct ctx *c, char out[11])
{
	int today = wd_today(), d = today;
	int days = (int)setting_int(c->cfg, "pledges.resign_days", 10, 1, 90);
	while (wd_add(c->cal, d, days) >= today)
		d--;
	wd_format(d, out);
}

void
pl_status_row(struct ctx *c, xmlNodePtr parent, const char *elem, const struct db_row *r)
{
	static const struct pl_attr attrs[] = {
		{ COV_KIND, "kind" }, { COV_PTYPE, "party-type" }, { COV_PID, "party-id" },
		{ COV_UNIT_ID, "unit-id" }, { COV_CODE, "code" }, { COV_STATUS, "status" },
	};
	xmlNodePtr n = pg_node(parent, elem);
	char due[11];
	int overdue;
	pl_attrs(n, r, attrs, APP_COUNT(attrs));
	if (strcmp(r->v[COV_SIGNING], "0") != 0) {
		pg_attr(n, "signing-id", r->v[COV_SIGNING]);
		pg_attr(n, "signed", r->v[COV_SIGNED]);
	}
	if (*r->v[COV_CHANGED]) {
		pl_due(c, r->v[COV_CHANGED], due, &overdue);
		pg_attr(n, "changed", r->v[COV_CHANGED]);
		pg_attr(n, "due", due);
		pg_attr(n, "overdue", overdue ? "1" : "0");
	}
	pg_text(n, "name", c->lang == LANG_EN && *r->v[COV_NAME_EN] ? r->v[COV_NAME_EN] : r->v[COV_NAME]);
}

void
pl_signing_node(xmlNodePtr parent, const struct db_row *r)
{
	/* the columns that are attributes of <signing>, as the page names them */
	static const struct pl_attr attrs[] = {
		{ SG_ID, "id" }, { SG_KIND, "kind" }, { SG_PTYPE, "party-type" },
		{ SG_PID, "party-id" }, { SG_UNIT_ID, "unit-id" }, { SG_TEMPLATE_ID, "template-id" },
		{ SG_VERSION, "version" }, { SG_SIGNED, "signed" }, { SG_SEALED, "sealed" },
		{ SG_CURRENT, "current" }, { SG_SUPERSEDED_BY, "superseded-by" },
		{ SG_CREATED_AT, "created-at" }, { SG_CREATED_BY, "created-by" },
	};
	xmlNodePtr n = pg_node(parent, "signing");
	pl_attrs(n, r, attrs, APP_COUNT(attrs));
	pg_text(n, "title", r->v[SG_TITLE]);
	xmlNodePtr s = pg_node(n, "signer");
	pg_attr(s, "name", r->v[SG_SIGNER]);
	pg_attr(s, "title", r->v[SG_SIGNER_TITLE]);
	if (strcmp(r->v[SG_SCAN_ID], "0") != 0) {
		xmlNodePtr sc = pg_node(n, "scan");
		pg_attr(sc, "id", r->v[SG_SCAN_ID]);
		pg_attr(sc, "mime", r->v[SG_SCAN_MIME]);
		pg_attr(sc, "size", r->v[SG_SCAN_SIZE]);
		pg_attr(sc, "sha256", r->v[SG_SCAN_SHA256]);
	}
}

/*
 * The everyday tools (core/listq.h): ?q= (a prefix of the party's code or
 * name: a unit's, a vendor's, a person's), ?sort=code|unit|status&dir=, and
 * ?format=csv|xlsx for exactly those rows, the filters kept.  The tie-break
 * is the row's unique key k.  The plain page (no sort, search or seek) keeps
 * its order (missing first, then re-signs by date) and its ?after=K pager.
 */
static const struct lq_col lq_cols[] = { { "code", LQ_STR, 0 }, { "unit", LQ_STR, 0 }, { "status", LQ_STR, 0 } };
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 0, LQ_STR };
static const int lq_stmt[] = {
	PL_SQL_COV_CODE_ASC, PL_SQL_COV_CODE_DESC, PL_SQL_COV_UNIT_ASC, PL_SQL_COV_UNIT_DESC,
	PL_SQL_COV_STATUS_ASC, PL_SQL_COV_STATUS_DESC,
};
static const int lq_seek[] = { COV_CODE, COV_NAME, COV_STATUS };
_Static_assert(APP_COUNT(lq_stmt) == 2 * APP_COUNT(lq_cols) && APP_COUNT(lq_seek) == APP_COUNT(lq_cols),
    "a statement per sort and direction, a seek column per sort");

/* The export's columns, as the page shows them. */
static const char *const sheet_keys[] = {
	"sheet.pl.kind", "sheet.pl.code", "sheet.pl.name", "sheet.pl.status", "sheet.pl.signed",
	"sheet.pl.changed", "sheet.pl.due",
};

struct rows {
	struct ctx *c;
	xmlNodePtr parent;
	const char *elem;
	size_t n;
	const char *last;	/* the keyset of the last row shown */
	int seek;		/* the tools' sort column (lq_seek), or -1 */
	const char *last_at;
	struct sheet *sheet;	/* an export: rows go there instead */
};

static void
sheet_put(struct rows *rs, const struct db_row *r)
{
	const char *const *v = r->v;
	enum lang g = rs->c->lang;
	char kind[40], status[24], due[11] = "";
	int overdue = 0;
	snprintf(kind, sizeof(kind), "plkind.%s", v[COV_KIND]);
	if (*v[COV_CHANGED])
		pl_due(rs->c, v[COV_CHANGED], due, &overdue);
	snprintf(status, sizeof(status), "plstatus.%s", overdue ? "overdue" : v[COV_STATUS]);
	const char *row[] = {
		sheet_title(g, kind), v[COV_CODE], g == LANG_EN && *v[COV_NAME_EN] ? v[COV_NAME_EN] : v[COV_NAME],
		sheet_title(g, status), v[COV_SIGNED], v[COV_CHANGED], due,
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(rs->sheet, row);
}

static int
coverage_row(void *arg, const struct db_row *r)
{
	struct rows *rs = arg;
	if (rs->sheet != NULL) {
		sheet_put(rs, r);
		return 0;
	}
	if (rs->n++ == PL_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	pl_status_row(rs->c, rs->parent, rs->elem, r);
	rs->last = ar_strdup(rs->c->ar, r->v[COV_KEY]);
	if (rs->seek >= 0)
		rs->last_at = ar_strdup(rs->c->ar, r->v[rs->seek]);
	return 0;
}

static const char *const status_choices[] = {
	"open", "missing", "resign", "overdue", "signed", "all", NULL,
};

enum db_rc
pl_coverage_query(struct ctx *c, int paged, long long unit, const char *kind,
    const char *status, const char *after, db_row_fn fn, void *arg)
{
	char od[11];
	overdue_before(c, od);
	struct db_val p[] = {
		DBS(pl_set.resign_list), DBI(unit), DBI(unit), DBS(kind), DBS(kind), DBS(after),
		DBS(status), DBS(status), DBS(status), DBS(status), DBS(od),
	};
	return paged ? SQL_RUN(c, PL_SQL_COVERAGE, p, fn, arg) : SQL_RUN(c, PL_SQL_COVERAGE_ALL, p, fn, arg);
}

/* One page of the coverage under parent as elem elements. */
static int
coverage_run(struct ctx *c, xmlNodePtr parent, const char *elem, long long unit,
    const char *kind, const char *status, const char *after, size_t *n, const char **last)
{
	struct rows rs = { c, parent, elem, 0, NULL, -1, NULL, NULL };
	enum db_rc rc = pl_coverage_query(c, 1, unit, kind, status, after, coverage_row, &rs);
	if (rc != DB_OK)
		return app_dberr(rc);
	*n = rs.n;
	*last = rs.last;
	return 200;
}

/* The page or export with search and sort, the filters as the plain page takes them (PL_COVERAGE_LQ). */
static int
coverage_tools(struct ctx *c, xmlNodePtr rows, long long unit, const char *kind, const char *status,
    const struct listq *lq, int exp, enum sheet_fmt fmt)
{
	char od[11];
	overdue_before(c, od);
	struct db_val p[] = {
		DBS(pl_set.resign_list), DBI(unit), DBI(unit), DBS(kind), DBS(kind), DBS(""),
		DBS(status), DBS(status), DBS(status), DBS(status), DBS(od),
		DBI(lq->first), DBS(lq->at), DBS(lq->at), DBS(lq->after),
		DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like),
		DBI(exp ? LQ_NO_LIMIT : PL_PAGE_ROWS + 1),
	};
	_Static_assert(DB_NARGS(p) == PL_SQL_COV_CODE_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(lq)]);
	struct rows rs = { c, rows, "row", 0, NULL, lq_seek[lq->sort], NULL, NULL };
	if (exp)
		return sheet_run(c, fmt, "coverage", sheet_keys, APP_COUNT(sheet_keys), &rs.sheet, id, p,
		    DB_NARGS(p), coverage_row, &rs);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), coverage_row, &rs);
	if (rc != DB_OK)
		return app_dberr(rc);
	lq_rows_end(c, rows, lq, rs.n, PL_PAGE_ROWS, rs.last_at, rs.last);
	return 200;
}

int
pl_coverage(struct ctx *c)
{
	struct vfield fk = { "kind", V_CHOICE, 0, 16, pl_set.kind_choices };
	struct vfield fs = { "status", V_CHOICE, 0, 8, status_choices };
	struct vfield fu = { "unit", V_INT, 0, 12, NULL };
	struct vfield fa = { "after", V_TOKEN, 0, 40, NULL };
	const char *kind = ctx_q(c, "kind"), *status = ctx_q(c, "status");
	const char *unit = ctx_q(c, "unit"), *after = ctx_q(c, "after");
	size_t n;
	const char *last;

	c->view = VIEW(PL_VIEW_COVERAGE);
	if (kind == NULL || valid_check(&fk, kind) != NULL)
		kind = "";
	if (status == NULL || *status == '\0' || valid_check(&fs, status) != NULL)
		status = "open";
	if (unit == NULL || valid_check(&fu, unit) != NULL)
		unit = "";
	enum sheet_fmt fmt;
	int wants = sheet_wanted(c, &fmt);
	if (wants < 0)
		return pg_error(c, 400, "list_format");
	/* the plain page's ?after=K is its own pager's, not the tools' seek */
	const char *qs = ctx_q(c, "sort"), *qq = ctx_q(c, "q"), *qa = ctx_q(c, "at"), *qd = ctx_q(c, "dir");
	int tools = wants || (qs && *qs) || (qq && *qq) || (qa && *qa) || (qd && *qd);
	struct listq lq = { 0, 0, "", "", 1, "", "" };
	int st;
	if (tools && (st = lq_from_ctx(c, &lq_def, &lq)) != 0)
		return st;
	if (!tools && after != NULL && valid_check(&fa, after) != NULL)
		return 400;
	long long only = atoll(unit);
	/* A unit's staff see their own unit's parties, whatever the filter says. */
	if (!(c->acct.role & ROLES_READ_ALL))
		only = c->acct.unit_id;
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "kind", kind);
	pg_attr(f, "status", status);
	pg_attr(f, "unit", only ? ar_printf(c->ar, "%lld", only) : "");
	pl_kinds_node(c);
	if (c->acct.role & ROLES_READ_ALL) {	/* the unit filter's picker (unitpick.h) */
		enum db_rc prc = up_node(c, c->data);
		if (prc != DB_OK)
			return app_dberr(prc);
	}
	lq_node(c, f, &lq, &lq_def);
	xmlNodePtr rows = pg_node(c->data, "rows");
	if (tools)
		return coverage_tools(c, rows, only, kind, status, &lq, wants, fmt);
	st = coverage_run(c, rows, "row", only, kind, status, after ? after : "", &n, &last);
	if (st != 200)
		return st;
	if (n > PL_PAGE_ROWS)
		pg_attr(rows, "next", last);
	pg_attri(rows, "count", (long long)(n > PL_PAGE_ROWS ? PL_PAGE_ROWS : n));
	return 200;
}

int
pl_unit_parties(struct ctx *c, xmlNodePtr parent, long long unit)
{
	size_t n;
	const char *last;
	return coverage_run(c, parent, "party", unit, "", "all", "", &n, &last);
}
