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
#include <stdlib.h>
#include <string.h>
#include "systems.h"

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last, *last_due;
	int today;
};

void
sys_row_node(struct ctx *c, xmlNodePtr s, const struct db_row *r)
{
	/* id, unit_id, code, unit name, name_en, name, kind, level, status, next_due, cii,
	 * filing_no, last assessed, go-live */
	char due[11];
	pg_attr(s, "id", r->v[0]);
	pg_attr(s, "unit-id", r->v[1]);
	pg_attr(s, "unit-code", r->v[2]);
	pg_attr(s, "kind", r->v[6]);
	pg_attr(s, "level", r->v[7]);
	pg_attr(s, "status", r->v[8]);
	pg_attr(s, "cii", r->v[10]);
	if (*r->v[9]) {
		pg_attr(s, "next-due", r->v[9]);
		pg_attr(s, "overdue", strcmp(r->v[9], sys_today(c)) < 0 ? "1" : "0");
		/* which rule set the date matters only where two apply */
		if (strcmp(r->v[10], "1") == 0)
			pg_attr(s, "due-kind", sys_due_text(r->v[7], r->v[12], r->v[13], r->v[10], r->v[8],
			    due) == SYS_DUE_CII ? "cii" : "cycle");
	}
	if (*r->v[11])
		pg_attr(s, "filed", "1");
	pg_text(s, "name", r->v[5]);
	pg_text(s, "unit", c->lang == LANG_EN && *r->v[4] ? r->v[4] : r->v[3]);
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	if (l->n++ == SYS_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	sys_row_node(l->c, pg_node(l->parent, "system"), r);
	l->last = ar_strdup(l->c->ar, r->v[0]);
	l->last_due = ar_strdup(l->c->ar, r->v[9]);
	return 0;
}

/*
 * Runs the page of filter f into <systems> under parent, with @next (and
 * @next-due) when there is more, and @count.
 */
int
sys_list_rows(struct ctx *c, const struct sys_filter *f, xmlNodePtr parent)
{
	struct db_val p[16];
	size_t np = 0;
	int sql, graded = *f->level && strcmp(f->level, "0") != 0;
	struct db_val level = graded ? DBI(atoi(f->level)) : DBN;
	struct list l = { c, pg_node(parent, "systems"), 0, NULL, NULL, 0 };

	/* the key to read along, and its value */
	if (f->overdue) {
		sql = f->unit ? SYS_SQL_LIST_UNIT_DUE : SYS_SQL_LIST_DUE;
		if (f->unit)
			p[np++] = DBI(f->unit);
		p[np++] = DBS(sys_today(c));
	} else if (f->unit) {
		sql = SYS_SQL_LIST_UNIT;
		p[np++] = DBI(f->unit);
	} else if (*f->level) {
		sql = SYS_SQL_LIST_LEVEL;
		p[np++] = level;
	} else if (*f->kind) {
		sql = SYS_SQL_LIST_KIND;
		p[np++] = DBS(f->kind);
	} else if (*f->status) {
		sql = SYS_SQL_LIST_STATUS;
		p[np++] = DBS(f->status);
	} else {
		sql = SYS_SQL_LIST_ALL;
	}
	/* every filter again, on the rows the key gives (SYS_LIST_REST) */
	p[np++] = DBI(f->unit);
	p[np++] = DBI(f->unit);
	p[np++] = DBS(f->kind);
	p[np++] = DBS(f->kind);
	p[np++] = DBI(*f->level != '\0');
	p[np++] = level;
	p[np++] = DBS(f->status);
	p[np++] = DBS(f->status);
	if (f->overdue) {
		const char *from = *f->after_due ? f->after_due : "1000-01-01";
		p[np++] = DBS(from);
		p[np++] = DBS(from);
	}
	p[np++] = DBI(f->after);
	enum db_rc rc = db_run(c->db, SQL(sql), p, np, list_row, &l);
	if (rc != DB_OK)
		return sys_db_status(rc);
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

static int
id_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
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

	c->view = view_id("systems/list");
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
		struct db_val u = DBS(unit);
		enum db_rc rc = db_run(c->db, SQL(SYS_SQL_UNIT), &u, 1, id_row, &f.unit);
		if (rc != DB_OK)
			return sys_db_status(rc);
		if (f.unit == 0)
			f.unit = -1;	/* no such unit: an empty page, not every unit */
	}
	pg_attr(fn, "unit", unit ? unit : "");
	pg_attri(fn, "unit-id", f.unit > 0 ? f.unit : 0);
	pg_attr(fn, "kind", f.kind);
	pg_attr(fn, "level", f.level);
	pg_attr(fn, "status", f.status);
	pg_attr(fn, "overdue", f.overdue ? "1" : "0");
	return sys_list_rows(c, &f, c->data);
}
