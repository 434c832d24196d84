/*
 * list.c — the list of units with each role's current holder.  Paginated by
 * index: ?after=CODE or ?before=CODE seeks on the unit code, so a page costs
 * the same on the first page and the last.  Filters: ?missing=ROLE (no
 * current holder of that role), ?late=1 (a change reported after its
 * deadline).  A unit's own staff see only their unit.
 */
#include <stdlib.h>
#include <string.h>
#include "listq.h"
#include "reg.h"
#include "sheet.h"

/*
 * The everyday tools (core/listq.h): ?q= (a code, a unit's name, a holder's
 * name), ?sort=code|name&dir=asc|desc, and ?format=csv|xlsx for exactly
 * those rows.  The plain list, by code ascending with no search, keeps its
 * older statements and their ?before= for the previous page.
 */
static const struct lq_col lq_cols[] = { { "code", LQ_STR, 1 }, { "name", LQ_STR, 0 } };
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 0, LQ_STR };
static const int lq_stmt[] = {
	REG_SQL_LQ_CODE_ASC, REG_SQL_LQ_CODE_DESC, REG_SQL_LQ_NAME_ASC, REG_SQL_LQ_NAME_DESC,
};
#define REG_LQ_NP REG_SQL_LQ_CODE_ASC__NP

struct list {
	struct ctx *c;
	xmlNodePtr units;
	size_t n;
	xmlNodePtr rows[REG_PAGE_ROWS];
	const char *code[REG_PAGE_ROWS];
	int by_name;
	const char *sortval[REG_PAGE_ROWS];	/* the sort-by-name seek's value: the Chinese name */
	long long id[REG_PAGE_ROWS];
	int nlate[REG_PAGE_ROWS];	/* late items attached to each row */
	int late[REG_PAGE_ROWS];	/* the row's summary says late */
	size_t shown;
};

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	if (l->n == REG_PAGE_ROWS) {	/* the 51st row only says "there is more" */
		l->n++;
		return 1;
	}
	/* made in the document, so attaching it later walks nothing */
	xmlNodePtr u = xmlNewDocNode(l->c->doc, NULL, BAD_CAST "unit", NULL);
	pg_attr(u, "id", r->v[L_UNIT_ID]);
	pg_attr(u, "code", r->v[L_CODE]);
	pg_attr(u, "kind", r->v[L_KIND]);
	pg_attr(u, "late", r->v[L_LATE]);
	pg_text(u, "name", l->c->lang == LANG_EN && *r->v[L_NAME_EN] ? r->v[L_NAME_EN] : r->v[L_NAME]);
	/* One <holder> per enabled role, in role order, empty when nobody holds it:
	 * the view then pairs cells by position instead of searching by role. */
	for (int k = 0; k < REG_ROLE__MAX; k++) {
		if (!reg_set.enabled[k])
			continue;
		xmlNodePtr h = pg_node(u, "holder");
		pg_attr(h, "role", reg_role_code[k]);
		pg_attr(h, "required", reg_set.required[k] ? "1" : "0");
		if (r->null[L_FIRST_NAME + 2 * k])
			continue;
		pg_attr(h, "name", r->v[L_FIRST_NAME + 2 * k]);
		pg_attr(h, "mobile", r->v[L_FIRST_MOBILE + 2 * k]);
	}
	l->code[l->n] = ar_strdup(l->c->ar, r->v[L_CODE]);
	if (l->by_name)
		l->sortval[l->n] = ar_strdup(l->c->ar, r->v[L_NAME]);
	l->id[l->n] = atoll(r->v[L_UNIT_ID]);
	l->nlate[l->n] = 0;
	l->late[l->n] = r->v[L_LATE] != NULL && strcmp(r->v[L_LATE], "1") == 0;
	l->rows[l->n++] = u;
	return 0;
}

/* The export's columns: code, name, each enabled role's holder and mobile, late. */
struct sheet_rows {
	struct sheet *s;
	const char *yes;
};

static size_t
sheet_cols(const char **keys)
{
	static const char *const role_keys[REG_ROLE__MAX][2] = {
		{ "sheet.reg.first", "sheet.reg.first_mobile" }, { "sheet.reg.direct", "sheet.reg.direct_mobile" },
		{ "sheet.reg.secadmin", "sheet.reg.secadmin_mobile" },
		{ "sheet.reg.liaison", "sheet.reg.liaison_mobile" },
		{ "sheet.reg.sysadmin", "sheet.reg.sysadmin_mobile" },
	};
	size_t n = 0;
	keys[n++] = "sheet.reg.code";
	keys[n++] = "sheet.reg.name";
	for (int k = 0; k < REG_ROLE__MAX; k++)
		if (reg_set.enabled[k]) {
			keys[n++] = role_keys[k][0];
			keys[n++] = role_keys[k][1];
		}
	keys[n++] = "sheet.reg.late";
	return n;
}

static int
sheet_row_fn(void *arg, const struct db_row *r)
{
	struct sheet_rows *sr = arg;
	const char *v[2 * REG_ROLE__MAX + 3];
	size_t n = 0;
	v[n++] = r->v[L_CODE];
	v[n++] = r->v[L_NAME];
	for (int k = 0; k < REG_ROLE__MAX; k++)
		if (reg_set.enabled[k]) {
			v[n++] = r->v[L_FIRST_NAME + 2 * k];
			v[n++] = r->v[L_FIRST_MOBILE + 2 * k];
		}
	v[n++] = strcmp(r->v[L_LATE], "1") == 0 ? sr->yes : "";
	sheet_row(sr->s, v);
	return 0;
}

/*
 * A late holder of a unit on the page: <late-item unit role holder deadline
 * reported days current/> under its row, days being the working days it was
 * reported after its deadline, so "late" says which role and how late.
 */
static int
late_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	long long unit = atoll(r->v[LT_UNIT_ID]);
	for (size_t i = 0; i < l->shown; i++) {
		if (l->id[i] != unit)
			continue;
		if (l->nlate[i]++ >= REG_LATE_PER_UNIT)
			return 0;
		xmlNodePtr n = pg_node(l->rows[i], "late-item");
		pg_attr(n, "unit", r->v[LT_UNIT_ID]);
		pg_attr(n, "holder", r->v[LT_ID]);
		pg_attr(n, "role", r->v[LT_ROLE]);
		pg_attr(n, "name", r->v[LT_NAME]);
		pg_attr(n, "deadline", r->v[LT_DEADLINE]);
		pg_attr(n, "reported", r->v[LT_REPORTED]);
		pg_attr(n, "current", r->v[LT_CURRENT]);
		pg_attri(n, "days", wd_between(l->c->cal, wd_parse(r->v[LT_DEADLINE]),
		    wd_parse(r->v[LT_REPORTED])));
		return 0;
	}
	return 0;
}

int
reg_list(struct ctx *c)
{
	reg_roles_sync(c->cfg);
	const char *after = ctx_q(c, "after"), *before = ctx_q(c, "before");
	const char *missing = ctx_q(c, "missing"), *late = ctx_q(c, "late");
	struct list l = { .c = c };
	long long only = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	struct vfield role = { "missing", V_CHOICE, 0, 16, reg_set.role_choices };
	struct vfield code = { "after", V_TOKEN, 0, 32, NULL };

	c->view = VIEW(REG_VIEW_LIST);
	if (valid_check(&role, missing ? missing : "") != NULL)
		missing = NULL;
	reg_roles_node(c, missing);
	if ((after && valid_check(&code, after)) || (before && valid_check(&code, before)))
		return 400;
	int is_late = late != NULL && strcmp(late, "1") == 0;
	int back = before != NULL && *before;
	const char *key = back ? before : after ? after : "";
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);
	if (exp < 0)
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0)
		return st;

	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "missing", missing ? missing : "");
	pg_attr(f, "late", is_late ? "1" : "0");
	lq_node(c, f, &lq, &lq_def);
	const char *m = missing ? missing : "";
	enum db_rc rc;
	if (exp || *lq.q || lq_variant(&lq) != 0) {
		if (back)
			return 400;	/* ?before= belongs to the plain list */
		struct db_val p[] = { DBI(only), DBI(only), DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after),
			DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like),
			DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(m), DBS(m), DBI(is_late),
			DBI(exp ? LQ_NO_LIMIT : REG_PAGE_ROWS + 1) };
		int id = SQL(lq_stmt[lq_variant(&lq)]);
		_Static_assert(DB_NARGS(p) == REG_LQ_NP, "the listq statements' parameters");
		if (exp) {
			const char *keys[2 * REG_ROLE__MAX + 3];
			size_t nk = sheet_cols(keys);
			struct sheet_rows sr = { NULL, sheet_title(c->lang, "sheet.yes") };
			return sheet_run(c, fmt, "registration", keys, nk, &sr.s, id, p, DB_NARGS(p), sheet_row_fn, &sr);
		}
		l.by_name = lq.sort == 1;
		if ((rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l)) != DB_OK)
			return app_dberr(rc);
		size_t shown = l.n > REG_PAGE_ROWS ? REG_PAGE_ROWS : l.n;
		l.units = pg_node(c->data, "units");
		for (size_t i = 0; i < shown; i++)
			xmlAddChild(l.units, l.rows[i]);
		int more = l.n > REG_PAGE_ROWS;
		/* the name sorted on is the Chinese one, whatever the page shows */
		const char *last = more ? l.code[shown - 1] : "";
		lq_end(c, l.units, &lq, more, shown, more && lq.sort == 1 ? l.sortval[shown - 1] : last, last);
		return 200;
	}
	if (only) {
		struct db_val p[] = { DBI(only), DBS(key), DBS(m), DBS(m), DBI(is_late) };
		rc = back ? SQL_RUN(c, REG_SQL_LIST_OWN_BEFORE, p, list_row, &l) :
		    SQL_RUN(c, REG_SQL_LIST_OWN_AFTER, p, list_row, &l);
	} else {
		struct db_val p[] = { DBS(key), DBS(m), DBS(m), DBI(is_late) };
		rc = back ? SQL_RUN(c, REG_SQL_LIST_BEFORE, p, list_row, &l) :
		    SQL_RUN(c, REG_SQL_LIST_AFTER, p, list_row, &l);
	}
	if (rc != DB_OK)
		return app_dberr(rc);

	int more = l.n > REG_PAGE_ROWS;
	size_t shown = more ? REG_PAGE_ROWS : l.n;
	l.shown = shown;
	int any_late = 0;
	for (size_t i = 0; i < shown; i++)
		any_late |= l.late[i];
	if (any_late) {
		const char *lo = l.code[back ? shown - 1 : 0], *hi = l.code[back ? 0 : shown - 1];
		struct db_val p[] = { DBS(lo), DBS(hi) };
		if ((rc = SQL_RUN(c, REG_SQL_LATE_ITEMS, p, late_row, &l)) != DB_OK)
			return app_dberr(rc);
	}
	l.units = pg_node(c->data, "units");
	/* Walking backwards fetched the rows in descending order: put them back. */
	for (size_t i = 0; i < shown; i++)
		xmlAddChild(l.units, l.rows[back ? shown - 1 - i : i]);
	if (shown > 0) {
		const char *first = l.code[back ? shown - 1 : 0], *last = l.code[back ? 0 : shown - 1];
		/* "previous" exists when we came forward from somewhere, or going back found more */
		if ((back && more) || (!back && *key))
			pg_attr(l.units, "prev", first);
		if ((!back && more) || back)
			pg_attr(l.units, "next", last);
	}
	pg_attri(l.units, "count", (long long)shown);
	return 200;
}
