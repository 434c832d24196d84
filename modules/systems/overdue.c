/*
 * overdue.c — the overdue list: systems whose next assessment (or CII
 * yearly report) date has passed, oldest first; findings past their fix
 * deadline and not done, oldest first; and the critical information
 * infrastructure whose yearly report falls due from today to this year's
 * report date (Dec 15), so the office sees them coming.  A unit's staff
 * see their own unit's.
 *
 * Both lists page by their index, 50 rows at a time: ?list=systems or
 * ?list=findings with after_due=DATE&after=ID continues one of them
 * alone; without list= the page shows the first page of each.
 */
#include <stdlib.h>
#include <string.h>
#include "systems.h"

struct rows {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last, *last_due;
};

static int
finding_row(void *arg, const struct db_row *r)
{
	struct rows *l = arg;
	const char *const *v = r->v;
	if (l->n++ == SYS_PAGE_ROWS)
		return 1;
	xmlNodePtr f = pg_node(l->parent, "finding");
	pg_attr(f, "id", v[OF_ID]);
	pg_attr(f, "system-id", v[OF_SYSTEM]);
	pg_attr(f, "deadline", v[OF_DEADLINE]);
	pg_attr(f, "assessed", v[OF_ASSESSED]);
	pg_attr(f, "unit-code", v[OF_UNIT_CODE]);
	pg_text(f, "text", v[OF_TEXT]);
	pg_text(f, "system", v[OF_SYSTEM_NAME]);
	pg_text(f, "unit", l->c->lang == LANG_EN && *v[OF_UNIT_NAME_EN] ? v[OF_UNIT_NAME_EN] : v[OF_UNIT_NAME]);
	l->last = ar_strdup(l->c->ar, v[OF_ID]);
	l->last_due = ar_strdup(l->c->ar, v[OF_DEADLINE]);
	return 0;
}

static int
cii_row(void *arg, const struct db_row *r)
{
	struct rows *l = arg;
	if (l->n++ == SYS_PAGE_ROWS)
		return 1;
	sys_row_node(l->c, pg_node(l->parent, "system"), r);
	return 0;
}

/* The next report date of critical information infrastructure, today or later. */
static void
cii_date(char out[11])
{
	int y, m, d, today = wd_today();
	wd_civil(today, &y, &m, &d);
	int due = wd_ymd(y, sys_set.cii_month, sys_set.cii_day);
	if (due == WD_INVALID)	/* Feb 29 in a common year */
		due = wd_ymd(y, sys_set.cii_month, sys_set.cii_day - 1);
	if (due < today)
		due = wd_add_months(due, 12);
	wd_format(due, out);
}

int
sys_overdue(struct ctx *c)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fdue = { "after_due", V_DATE, 0, 10, NULL };
	const char *list = ctx_q(c, "list"), *after = ctx_q(c, "after"), *due = ctx_q(c, "after_due");
	long long unit = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	const char *today = wd_today_str(c->ar);
	enum db_rc rc = DB_OK;
	char cii[11];
	int st;

	c->view = VIEW(SYS_VIEW_OVERDUE);
	if ((after && valid_check(&fid, after)) || (due && valid_check(&fdue, due)))
		return 400;
	if (list != NULL && strcmp(list, "systems") != 0 && strcmp(list, "findings") != 0)
		list = NULL;
	pg_attr(c->data, "list", list ? list : "");
	int sys_only = list && strcmp(list, "systems") == 0, find_only = list && strcmp(list, "findings") == 0;
	if (!find_only) {
		struct sys_filter f = { unit, "", "", "", 1, sys_only && due ? due : "",
			sys_only && after ? atoll(after) : 0 };
		if ((st = sys_list_rows(c, &f, c->data)) != 200)
			return st;
	}
	if (!sys_only) {
		const char *from = find_only && due ? due : "1000-01-01";
		struct rows l = { c, pg_node(c->data, "findings"), 0, NULL, NULL };
		struct db_val p[] = { DBS(today), DBI(unit), DBI(unit), DBS(from), DBS(from),
			DBI(find_only && after ? atoll(after) : 0) };
		rc = SQL_RUN(c, SYS_SQL_OVERDUE_FINDINGS, p, finding_row, &l);
		if (rc != DB_OK)
			return app_dberr(rc);
		if (l.n > SYS_PAGE_ROWS) {
			pg_attr(l.parent, "next", l.last);
			pg_attr(l.parent, "next-due", l.last_due);
		}
		pg_attri(l.parent, "count", (long long)(l.n > SYS_PAGE_ROWS ? SYS_PAGE_ROWS : l.n));
	}
	if (!list) {
		cii_date(cii);
		struct rows l = { c, pg_node(c->data, "cii"), 0, NULL, NULL };
		pg_attr(l.parent, "due", cii);
		struct db_val p[] = { DBS(today), DBS(cii), DBI(unit), DBI(unit) };
		rc = SQL_RUN(c, SYS_SQL_CII_DUE, p, cii_row, &l);
		if (rc != DB_OK)
			return app_dberr(rc);
		if (l.n > SYS_PAGE_ROWS)
			pg_attr(l.parent, "more", "1");
	}
	return 200;
}
