/*
 * matrix.c — GET /dashboard/: the units × duties matrix, 50 units a page
 * from the snapshot, by unit code or worst first by any duty's red count
 * (?sort=DUTY), each along its own index of dash_unit; the next page is
 * keyed by the last row (?after=CODE&after_r=N), so a page costs 51 index
 * entries whatever the number of units.  The page first refreshes the
 * snapshot when it is stale (refresh.c).  GET /dashboard/print: the same
 * page on A4 landscape.
 */
#include <stdlib.h>
#include <string.h>
#include "dashboard.h"

static const char *const sort_choices[] = { "code", "reg", "pledge", "sys", "vm", "web", "inc",
	"notice", "period", NULL };
/* the list statement of each sort, in sort_choices' order */
static const int sort_sql[] = { DASH_SQL_BY_CODE, DASH_SQL_BY_REG, DASH_SQL_BY_PLEDGE, DASH_SQL_BY_SYS,
	DASH_SQL_BY_VM, DASH_SQL_BY_WEB, DASH_SQL_BY_INC, DASH_SQL_BY_NOTICE, DASH_SQL_BY_PERIOD };

void
dash_duties_node(struct ctx *c, xmlNodePtr parent)
{
	xmlNodePtr n = pg_node(parent, "duties");
	for (int d = 0; d < DUTY__MAX; d++) {
		if (!dash_set.enabled[d])
			continue;	/* a module the site does not run has no column */
		xmlNodePtr k = pg_node(n, "duty");
		pg_attr(k, "code", dash_duty_code[d]);
		pg_attr(k, "module", dash_duty_module[d]);
	}
}

void
dash_unit_node(struct ctx *c, xmlNodePtr parent, const struct db_row *r)
{
	const char *const *v = r->v;
	xmlNodePtr u = pg_node(parent, "unit");
	pg_attr(u, "id", v[DR_ID]);
	pg_attr(u, "code", v[DR_CODE]);
	pg_text(u, "name", c->lang == LANG_EN && *v[DR_NAME_EN] ? v[DR_NAME_EN] : v[DR_NAME]);
	for (int d = 0; d < DUTY__MAX; d++) {
		if (!dash_set.enabled[d])
			continue;
		const char *const *x = v + dash_row_col__MAX + 4 * d;
		xmlNodePtr k = pg_node(u, "c");
		pg_attr(k, "d", dash_duty_code[d]);
		pg_attr(k, "g", x[0]);
		pg_attr(k, "a", x[1]);
		pg_attr(k, "r", x[2]);
		pg_attr(k, "t", x[3]);
		/* the cell's colour and the count it shows, worst first; the unit again for its links */
		int i = strcmp(x[2], "0") ? 2 : strcmp(x[1], "0") ? 1 : strcmp(x[3], "0") ? 0 : -1;
		static const char *const state[] = { "green", "amber", "red" };
		pg_attr(k, "s", i < 0 ? "none" : state[i]);
		pg_attr(k, "n", i < 0 ? "0" : x[i]);
		pg_attr(k, "u", v[DR_ID]);
		pg_attr(k, "uc", v[DR_CODE]);
	}
}

struct page {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	int sort;
	const char *last_code, *last_r;
};

static int
page_row(void *arg, const struct db_row *r)
{
	struct page *p = arg;
	if (p->n++ == DASH_PAGE_ROWS)
		return 1;
	dash_unit_node(p->c, p->parent, r);
	p->last_code = ar_strdup(p->c->ar, r->v[DR_CODE]);
	if (p->sort > 0)
		p->last_r = ar_strdup(p->c->ar, r->v[dash_row_col__MAX + 4 * (p->sort - 1) + 2]);
	return 0;
}

/* The page of both views: snapshot, duties, 50 units. */
static int
matrix_page(struct ctx *c)
{
	static const struct vfield fsort = { "sort", V_CHOICE, 0, 8, sort_choices };
	static const struct vfield fafter = { "after", V_TOKEN, 0, 32, NULL };
	static const struct vfield fr = { "after_r", V_INT, 0, 9, NULL };
	const char *sort = ctx_q(c, "sort"), *after = ctx_q(c, "after"), *after_r = ctx_q(c, "after_r");
	int done;
	enum db_rc rc;

	if ((sort && *sort && valid_check(&fsort, sort)) || (after && *after && valid_check(&fafter, after)) ||
	    (after_r && *after_r && valid_check(&fr, after_r)))
		return 400;
	int s = 0;
	if (sort && *sort)
		while (strcmp(sort_choices[s], sort) != 0)
			s++;
	/* a sort by a duty whose module is off falls back to the code */
	if (s > 0 && !dash_set.enabled[s - 1])
		s = 0;
	if ((rc = dash_refresh(c, 0, &done)) != DB_OK || (rc = dash_meta(c, c->data)) != DB_OK)
		return app_dberr(rc);
	dash_duties_node(c, c->data);
	struct page p = { c, pg_node(c->data, "units"), 0, s, NULL, NULL };
	pg_attr(p.parent, "sort", sort_choices[s]);
	const char *code = after && *after ? after : "";
	if (s == 0) {
		struct db_val q[] = { DBS(code) };
		rc = db_run(c->db, SQL(DASH_SQL_BY_CODE), q, 1, page_row, &p);
	} else {
		/* the first page starts above any count */
		long long r = *code && after_r && *after_r ? atoll(after_r) : 0x7fffffffLL;
		struct db_val q[] = { DBI(r), DBI(r), DBS(code) };
		rc = db_run(c->db, SQL(sort_sql[s]), q, 3, page_row, &p);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (p.n > DASH_PAGE_ROWS) {
		pg_attr(p.parent, "next", p.last_code);
		if (p.last_r)
			pg_attr(p.parent, "next-r", p.last_r);
	}
	if (*code)
		pg_attr(p.parent, "paged", "1");
	pg_attri(p.parent, "count", (long long)(p.n > DASH_PAGE_ROWS ? DASH_PAGE_ROWS : p.n));
	if (ctx_q(c, "refreshed") != NULL)
		pg_attr(c->data, "refreshed", "1");
	if (ctx_q(c, "busy") != NULL)
		pg_attr(c->data, "busy", "1");
	return 200;
}

int
dash_matrix(struct ctx *c)
{
	c->view = VIEW(DASH_VIEW_MATRIX);
	return matrix_page(c);
}

int
dash_print(struct ctx *c)
{
	c->view = VIEW(DASH_VIEW_PRINT);
	return matrix_page(c);
}
