/*
 * list.c — the inventory: 50 systems a page, with filters by unit (code),
 * kind, level (0: not graded), status and overdue.  A unit's staff see
 * their own unit's systems only, whatever the filter says.
 *
 * Paging by index: one statement per key.  The page reads along the key of
 * the most selective filter given — unit, then level, kind, status — from
 * the last id shown (?after=ID), and checks the other filters on the rows
 * it meets; with no filter along the primary key.  A single statement with
 * "(? = 0 OR col = ?)" for every filter made the planner walk the primary
 * key for ORDER BY id LIMIT 51, so a selective filter cost a scan of the
 * table.  Overdue systems come oldest due date first, paged by (next_due,
 * id) (?after_due=DATE&after=ID) along sys_system_due, or
 * sys_system_unit_due when a unit is given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "listq.h"
#include "sheet.h"
#include "systems.h"

/*
 * The everyday tools (core/listq.h): ?q= (a system's name, URL or domain,
 * IP, administrator), ?sort=id|name&dir=asc|desc, ?format=csv|xlsx for
 * exactly those rows.  The plain list (by id, no search) keeps the
 * statements above; the overdue list keeps its order by due date.
 */
static const struct lq_col lq_cols[] = { { "id", LQ_INT, 1 }, { "name", LQ_STR, 0 } };
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 0, LQ_INT };
static const int lq_plain[] = { SYS_SQL_LQ_ID_ASC, SYS_SQL_LQ_ID_DESC, SYS_SQL_LQ_NAME_ASC, SYS_SQL_LQ_NAME_DESC };
static const int lq_search[] = {
	SYS_SQL_LQQ_ID_ASC, SYS_SQL_LQQ_ID_DESC, SYS_SQL_LQQ_NAME_ASC, SYS_SQL_LQQ_NAME_DESC,
};

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last, *last_due, *last_name;
	struct sheet *sheet;	/* an export: rows go there instead */
};

/* The export's columns, as the page shows them. */
static const char *const sheet_keys[] = {
	"sheet.sys.id", "sysfield.name", "sheet.sys.unit_code", "sysfield.unit", "sysfield.kind",
	"systems.col_level", "sysfield.status", "systems.col_filed", "systems.col_due", "sysfield.cii",
};

static void
sheet_put(struct list *l, const struct db_row *r)
{
	const char *const *v = r->v;
	enum lang g = l->c->lang;
	char kind[48], level[16], status[32];
	snprintf(kind, sizeof(kind), "syskind.%s", v[LS_KIND]);
	snprintf(level, sizeof(level), "syslevel.%s", v[LS_LEVEL]);
	snprintf(status, sizeof(status), "sysstatus.%s", v[LS_STATUS]);
	int graded = strcmp(v[LS_LEVEL], "0") != 0 && strcmp(v[LS_LEVEL], "1") != 0;
	const char *row[] = {
		v[LS_ID], v[LS_NAME], v[LS_UNIT_CODE],
		g == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME],
		sheet_title(g, kind), sheet_title(g, level), sheet_title(g, status),
		!graded ? "" : sheet_title(g, *v[LS_FILING_NO] ? "systems.filed" : "systems.not_filed"),
		v[LS_NEXT_DUE], strcmp(v[LS_CII], "1") == 0 ? sheet_title(g, "sheet.yes") : "",
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(l->sheet, row);
}

int
sys_module_on(const struct ctx *c, const char *name)
{
	for (size_t i = 0; i < c->cfg->nmodules; i++)
		if (strcmp(c->cfg->modules[i], name) == 0)
			return 1;
	return 0;
}

void
sys_row_node(struct ctx *c, xmlNodePtr s, const struct db_row *r)
{
	const char *const *v = r->v;
	char due[11];
	pg_attr(s, "id", v[LS_ID]);
	pg_attr(s, "unit-id", v[LS_UNIT_ID]);
	pg_attr(s, "unit-code", v[LS_UNIT_CODE]);
	pg_attr(s, "kind", v[LS_KIND]);
	pg_attr(s, "level", v[LS_LEVEL]);
	pg_attr(s, "status", v[LS_STATUS]);
	pg_attr(s, "cii", v[LS_CII]);
	if (*v[LS_NEXT_DUE]) {
		pg_attr(s, "next-due", v[LS_NEXT_DUE]);
		pg_attr(s, "overdue", strcmp(v[LS_NEXT_DUE], wd_today_str(c->ar)) < 0 ? "1" : "0");
		/* which rule set the date matters only where two apply */
		if (strcmp(v[LS_CII], "1") == 0)
			pg_attr(s, "due-kind", sys_due_text(v[LS_LEVEL], v[LS_LAST], v[LS_GOLIVE], v[LS_CII],
			    v[LS_STATUS], due) == SYS_DUE_CII ? "cii" : "cycle");
	}
	if (*v[LS_FILING_NO])
		pg_attr(s, "filed", "1");
	/* a website entry's live filing, linked when the websites module is on (its page is there) */
	if (strcmp(v[LS_WEB_ID], "0") != 0) {
		pg_attr(s, "web-id", v[LS_WEB_ID]);
		pg_attr(s, "web-state", v[LS_WEB_STATE]);
		if (sys_module_on(c, "websites"))
			pg_attr(s, "web-link", "1");
	}
	pg_text(s, "name", v[LS_NAME]);
	pg_text(s, "unit", c->lang == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME]);
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	if (l->sheet != NULL) {
		sheet_put(l, r);
		return 0;
	}
	if (l->n++ == SYS_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	sys_row_node(l->c, pg_node(l->parent, "system"), r);
	l->last = ar_strdup(l->c->ar, r->v[LS_ID]);
	l->last_due = ar_strdup(l->c->ar, r->v[LS_NEXT_DUE]);
	if (l->last_name != NULL)
		l->last_name = ar_strdup(l->c->ar, r->v[LS_NAME]);
	return 0;
}

/* The filters again, on the rows the key gives (sql.c's SYS_LIST_REST): 8 parameters. */
#define SYS_REST(f, level) \
	DBI((f)->unit), DBI((f)->unit), DBS((f)->kind), DBS((f)->kind), \
	DBI(*(f)->level != '\0'), (level), DBS((f)->status), DBS((f)->status)

/*
 * Runs the page of filter f: along the key of its most selective filter
 * (unit, then level, kind, status), or for the overdue list along the due
 * date, from where the last page ended.
 */
static enum db_rc
list_run(struct ctx *c, const struct sys_filter *f, struct list *l)
{
	int graded = *f->level && strcmp(f->level, "0") != 0;
	struct db_val level = graded ? DBI(atoi(f->level)) : DBN;

	if (f->overdue) {
		const char *from = *f->after_due ? f->after_due : "1000-01-01";
		const char *today = wd_today_str(c->ar);
		if (f->unit) {
			struct db_val p[] = { DBI(f->unit), DBS(today), SYS_REST(f, level), DBS(from), DBS(from),
				DBI(f->after) };
			return SQL_RUN(c, SYS_SQL_LIST_UNIT_DUE, p, list_row, l);
		}
		struct db_val p[] = { DBS(today), SYS_REST(f, level), DBS(from), DBS(from), DBI(f->after) };
		return SQL_RUN(c, SYS_SQL_LIST_DUE, p, list_row, l);
	}
	if (!f->unit && !*f->level && !*f->kind && !*f->status) {
		struct db_val p[] = { SYS_REST(f, level), DBI(f->after) };
		return SQL_RUN(c, SYS_SQL_LIST_ALL, p, list_row, l);
	}
	/* the key to read along, and its value */
	struct db_val p[] = {
		f->unit ? DBI(f->unit) : *f->level ? level : *f->kind ? DBS(f->kind) : DBS(f->status),
		SYS_REST(f, level), DBI(f->after),
	};
	if (f->unit)
		return SQL_RUN(c, SYS_SQL_LIST_UNIT, p, list_row, l);
	if (*f->level)
		return SQL_RUN(c, SYS_SQL_LIST_LEVEL, p, list_row, l);
	if (*f->kind)
		return SQL_RUN(c, SYS_SQL_LIST_KIND, p, list_row, l);
	return SQL_RUN(c, SYS_SQL_LIST_STATUS, p, list_row, l);
}

/*
 * Runs the page of filter f into <systems> under parent, with @next (and
 * @next-due) when there is more, and @count.
 */
int
sys_list_rows(struct ctx *c, const struct sys_filter *f, xmlNodePtr parent)
{
	struct list l = { c, pg_node(parent, "systems"), 0, NULL, NULL, NULL, NULL };
	enum db_rc rc = list_run(c, f, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (l.n > SYS_PAGE_ROWS) {
		pg_attr(l.parent, "next", l.last);
		if (f->overdue)
			pg_attr(l.parent, "next-due", l.last_due);
	}
	pg_attri(l.parent, "count", (long long)(l.n > SYS_PAGE_ROWS ? SYS_PAGE_ROWS : l.n));
	return 200;
}

/* A query value if it is one of choices, else "". */
static const char *
choice(struct ctx *c, const char *key, const char *const *choices)
{
	const char *v = ctx_q(c, key);
	for (const char *const *p = choices; v != NULL && *p != NULL; p++)
		if (strcmp(v, *p) == 0)
			return v;
	return "";
}

int
sys_list(struct ctx *c)
{
	static const char *const levels[] = { "0", "1", "2", "3", "4", NULL };
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fdue = { "after_due", V_DATE, 0, 10, NULL };
	static const struct vfield fcode = { "unit", V_TOKEN, 0, 32, NULL };
	const char *unit = ctx_q(c, "unit"), *after = ctx_q(c, "after"), *due = ctx_q(c, "after_due");
	const char *od = ctx_q(c, "overdue");
	struct sys_filter f = {
		0, choice(c, "kind", sys_kinds), choice(c, "status", sys_statuses),
		choice(c, "level", levels), od != NULL && strcmp(od, "1") == 0, "", 0,
	};

	c->view = VIEW(SYS_VIEW_LIST);
	if ((after && valid_check(&fid, after)) || (due && valid_check(&fdue, due)) ||
	    (unit && valid_check(&fcode, unit)))
		return 400;
	f.after = after ? atoll(after) : 0;
	f.after_due = due ? due : "";
	xmlNodePtr fn = pg_node(c->data, "filter");
	if (!(c->acct.role & ROLES_READ_ALL)) {
		/* a unit's staff: their unit, whatever the filter says */
		f.unit = c->acct.unit_id;
		unit = c->acct.unit_code;
	} else if (unit != NULL && *unit) {
		struct db_val p[] = { DBS(unit) };
		enum db_rc rc = SQL_RUN(c, SYS_SQL_UNIT, p, db_int_row, &f.unit);
		if (rc != DB_OK)
			return app_dberr(rc);
		if (f.unit == 0)
			f.unit = -1;	/* no such unit: an empty page, not every unit */
	}
	pg_attr(fn, "unit", unit ? unit : "");
	pg_attri(fn, "unit-id", f.unit > 0 ? f.unit : 0);
	pg_attr(fn, "kind", f.kind);
	pg_attr(fn, "level", f.level);
	pg_attr(fn, "status", f.status);
	pg_attr(fn, "overdue", f.overdue ? "1" : "0");
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);
	if (exp < 0 || (exp && f.overdue))	/* the overdue list's order is its own: no export of it here */
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0)
		return st;
	lq_node(c, fn, &lq, &lq_def);
	if (f.overdue || (!exp && !*lq.q && lq_variant(&lq) == 0))
		return sys_list_rows(c, &f, c->data);

	int graded = *f.level && strcmp(f.level, "0") != 0;
	struct db_val level = graded ? DBI(atoi(f.level)) : DBN;
	struct db_val p[] = { SYS_REST(&f, level), DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after),
		DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like),
		DBI(exp ? LQ_NO_LIMIT : SYS_PAGE_ROWS + 1) };
	_Static_assert(DB_NARGS(p) == SYS_SQL_LQ_ID_ASC__NP, "the listq statements' parameters");
	int id = SQL((*lq.q ? lq_search : lq_plain)[lq_variant(&lq)]);
	struct list l = { c, pg_node(c->data, "systems"), 0, NULL, NULL, lq.sort == 1 ? "" : NULL, NULL };
	if (exp)
		return sheet_run(c, fmt, "systems", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p, DB_NARGS(p),
		    list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	lq_rows_end(c, l.parent, &lq, l.n, SYS_PAGE_ROWS, lq.sort == 1 ? l.last_name : l.last, l.last);
	return 200;
}
