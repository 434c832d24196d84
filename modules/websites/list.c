/*
 * list.c — the filings, newest first, 50 a page (?after=ID), by state and
 * "awaiting me".  A unit's own roles see their unit's, whatever they ask;
 * the office, the leading group, the auditor and the centre every unit's
 * (?unit= narrows).  Each filter reads along its own index: (id),
 * (state, id), (unit, id), (unit, state, id).
 */
#include <stdlib.h>
#include <string.h>
#include "websites.h"

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last;
};

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	const char *const *v = r->v;
	if (l->n++ == WS_PAGE_ROWS)
		return 1;
	xmlNodePtr n = pg_node(l->parent, "site");
	pg_attr(n, "id", v[LS_ID]);
	pg_attr(n, "unit-id", v[LS_UNIT_ID]);
	pg_attr(n, "unit-code", v[LS_CODE]);
	pg_attr(n, "state", v[LS_STATE]);
	pg_attr(n, "since", v[LS_SINCE]);
	pg_attr(n, "domain", v[LS_DOMAIN]);
	pg_attr(n, "location", v[LS_LOCATION]);
	if (*v[LS_FILE_BY])
		pg_attr(n, "file-by", v[LS_FILE_BY]);	/* discovered: the deadline to file it */
	pg_text(n, "unit", l->c->lang == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME]);
	pg_text(n, "name", v[LS_NAME]);
	l->last = ar_strdup(l->c->ar, v[LS_ID]);
	return 0;
}

/* The states that await this account, the first the one the filter shows: its role takes the
 * next step there ("" matches no filing).  The office's own duty, the triggers, is ?trigger=1. */
static const char *const *
awaiting(const struct ctx *c)
{
	static const char *const head[] = { "submitted", "", "" };
	static const char *const center[] = { "approved", "recheck", "passed" };
	static const char *const staff[] = { "returned", "rectifying", "discovered" };
	static const char *const none[] = { "", "", "" };
	switch (c->acct.role) {
	case ROLE_UNIT_HEAD: return head;
	case ROLE_CENTER: return center;
	case ROLE_UNIT_STAFF: return staff;
	default: return none;
	}
}

static int ws_list_more(struct ctx *c, int *st);

int
ws_list(struct ctx *c)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fstate = { "state", V_CHOICE, 0, 16, ws_states };
	const char *after = ctx_q(c, "after"), *state = ctx_q(c, "state"), *mine = ctx_q(c, "mine");
	const char *qunit = ctx_q(c, "unit");
	/* the watcher's two lists (watch.c): down now, and the accountability triggers */
	const char *qdown = ctx_q(c, "down"), *qtrig = ctx_q(c, "trigger");
	int down = qdown != NULL && strcmp(qdown, "1") == 0, trig = qtrig != NULL && strcmp(qtrig, "1") == 0;
	int me = mine != NULL && strcmp(mine, "1") == 0;
	enum db_rc rc;

	c->view = VIEW(WS_VIEW_LIST);
	int more_st;
	if (ws_list_more(c, &more_st))
		return more_st;	/* ?for_suspension=1, ?refile=1: below */
	if ((after && *after && valid_check(&fid, after)) || (state && *state && valid_check(&fstate, state)) ||
	    (qunit && *qunit && valid_check(&fid, qunit)))
		return 400;
	long long from = after && *after ? atoll(after) : 0x7fffffff;
	if (state == NULL)
		state = "";
	const char *const *await = awaiting(c);
	if (me)
		state = await[0];
	long long unit = (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : qunit && *qunit ? atoll(qunit) : 0;
	xmlNodePtr fn = pg_node(c->data, "filter");
	pg_attr(fn, "state", state);
	pg_attr(fn, "mine", me ? "1" : "0");
	if (me && *await[1])
		pg_attr(fn, "awaiting", ar_printf(c->ar, "%s %s %s", await[0], await[1], await[2]));
	if (unit && !(c->acct.role & ROLES_UNIT))
		pg_attri(fn, "unit", unit);
	pg_attr(fn, "down", down ? "1" : "0");
	pg_attr(fn, "trigger", trig ? "1" : "0");
	/* check.c's lists: ?overdue=1 (open findings past fix-by), ?failing=1 (the last check failed) */
	const char *overdue = ctx_q(c, "overdue"), *failing = ctx_q(c, "failing");
	if (overdue != NULL && strcmp(overdue, "1") == 0)
		return ws_overdue_list(c, unit);
	int fail = failing != NULL && strcmp(failing, "1") == 0;
	pg_attr(fn, "failing", fail ? "1" : "0");
	struct list l = { c, pg_node(c->data, "sites"), 0, NULL };
	if (trig) {
		struct db_val p[] = { DBI(ws_wset.trigger_hours), DBI(unit), DBI(unit), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_TRIGGER, p, list_row, &l);
	} else if (down) {
		struct db_val p[] = { DBI(unit), DBI(unit), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_DOWN, p, list_row, &l);
	} else if (fail && unit) {
		struct db_val p[] = { DBI(unit), DBI(from), DBI(unit), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_FAILING, p, list_row, &l);
	} else if (fail) {
		struct db_val p[] = { DBI(from), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_FAILING, p, list_row, &l);
	} else if (me && unit) {
		struct db_val p[] = { DBI(unit), DBS(await[0]), DBI(from), DBI(unit), DBS(await[1]), DBI(from),
			DBI(unit), DBS(await[2]), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_AWAIT, p, list_row, &l);
	} else if (me) {
		struct db_val p[] = { DBS(await[0]), DBI(from), DBS(await[1]), DBI(from), DBS(await[2]), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_AWAIT, p, list_row, &l);
	} else if (unit && *state) {
		struct db_val p[] = { DBI(unit), DBS(state), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_STATE, p, list_row, &l);
	} else if (unit) {
		struct db_val p[] = { DBI(unit), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT, p, list_row, &l);
	} else if (*state) {
		struct db_val p[] = { DBS(state), DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_STATE, p, list_row, &l);
	} else {
		struct db_val p[] = { DBI(from) };
		rc = SQL_RUN(c, WS_SQL_LIST_ALL, p, list_row, &l);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (l.n > WS_PAGE_ROWS)
		pg_attr(l.parent, "next", l.last);
	pg_attri(l.parent, "count", (long long)(l.n > WS_PAGE_ROWS ? WS_PAGE_ROWS : l.n));
	return 200;
}

/* ?overdue=1: open findings past fix-by, oldest first, 50 a page (?at=DATE&after=ID, the last row's). */
struct overdue {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *at, *last;
};

static int
overdue_row(void *arg, const struct db_row *r)
{
	struct overdue *o = arg;
	const char *const *v = r->v;
	if (o->n++ == WS_PAGE_ROWS)
		return 1;
	xmlNodePtr n = pg_node(o->parent, "finding");
	pg_attr(n, "id", v[OD_ID]);
	pg_attr(n, "site", v[OD_SITE]);
	pg_attr(n, "unit-code", v[OD_CODE]);
	pg_attr(n, "domain", v[OD_DOMAIN]);
	pg_attr(n, "severity", v[OD_SEVERITY]);
	pg_attr(n, "fix-by", v[OD_FIX_BY]);
	pg_text(n, "unit", o->c->lang == LANG_EN && *v[OD_UNIT_NAME_EN] ? v[OD_UNIT_NAME_EN] : v[OD_UNIT_NAME]);
	pg_text(n, "description", v[OD_DESC]);
	o->at = ar_strdup(o->c->ar, v[OD_FIX_BY]);
	o->last = ar_strdup(o->c->ar, v[OD_ID]);
	return 0;
}

int
ws_overdue_list(struct ctx *c, long long unit)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fat = { "at", V_DATE, 0, 10, NULL };
	const char *after = ctx_q(c, "after"), *at = ctx_q(c, "at");
	enum db_rc rc;
	if ((after && *after && valid_check(&fid, after)) || (at && *at && valid_check(&fat, at)))
		return 400;
	c->view = VIEW(WS_VIEW_OVERDUE);
	const char *from = at && *at ? at : "1000-01-01", *today = ws_today(c);
	long long id = after && *after ? atoll(after) : 0;
	struct overdue o = { c, pg_node(c->data, "findings"), 0, NULL, NULL };
	if (unit && !(c->acct.role & ROLES_UNIT))
		pg_attri(o.parent, "unit", unit);
	if (unit) {
		struct db_val p[] = { DBI(unit), DBS(today), DBS(from), DBS(from), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_OVERDUE, p, overdue_row, &o);
	} else {
		struct db_val p[] = { DBS(today), DBS(from), DBS(from), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_OVERDUE, p, overdue_row, &o);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (o.n > WS_PAGE_ROWS) {
		pg_attr(o.parent, "next-at", o.at);
		pg_attr(o.parent, "next", o.last);
	}
	pg_attri(o.parent, "count", (long long)(o.n > WS_PAGE_ROWS ? WS_PAGE_ROWS : o.n));
	return 200;
}

/*
 * ?for_suspension=1: discovered sites still not filed after their deadline
 * (file_by before today), the earliest deadline first, paged by (file_by,
 * id) along web_site_file_by (state, file_by, id): the centre suspends them
 * from their pages.  ?refile=1: the sites with a pending re-filing, for the
 * centre to decide.  A unit's own roles see their unit's only.
 */
struct due {
	struct list l;	/* first: list_row takes it */
	const char *last_from;
};

static int
due_row(void *arg, const struct db_row *r)
{
	struct due *d = arg;
	int stop = list_row(&d->l, r);
	if (!stop)
		d->last_from = ar_strdup(d->l.c->ar, r->v[LS_FILE_BY]);
	return stop;
}

static int
ws_list_more(struct ctx *c, int *st)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fdate = { "from", V_DATE, 0, 10, NULL };
	const char *due = ctx_q(c, "for_suspension"), *rf = ctx_q(c, "refile");
	int is_due = due != NULL && strcmp(due, "1") == 0, is_rf = rf != NULL && strcmp(rf, "1") == 0;
	if (!is_due && !is_rf)
		return 0;
	const char *after = ctx_q(c, "after"), *from = ctx_q(c, "from"), *qunit = ctx_q(c, "unit");
	*st = 400;
	if ((after && *after && valid_check(&fid, after)) || (from && *from && valid_check(&fdate, from)) ||
	    (qunit && *qunit && valid_check(&fid, qunit)))
		return 1;
	long long unit = (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : qunit && *qunit ? atoll(qunit) : 0;
	xmlNodePtr fn = pg_node(c->data, "filter");
	pg_attr(fn, "state", is_due ? "discovered" : "");
	pg_attr(fn, "mine", "0");
	pg_attr(fn, is_due ? "for_suspension" : "refile", "1");
	if (unit && !(c->acct.role & ROLES_UNIT))
		pg_attri(fn, "unit", unit);
	struct due d = { { c, pg_node(c->data, "sites"), 0, NULL }, NULL };
	enum db_rc rc;
	if (is_due) {
		const char *f = from && *from ? from : "1000-01-01";
		long long id = after && *after ? atoll(after) : 0;
		struct db_val p[] = { DBI(unit), DBI(unit), DBS(ws_today(c)), DBS(f), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_FOR_SUSPENSION, p, due_row, &d);
	} else {
		long long id = after && *after ? atoll(after) : 0x7fffffff;
		struct db_val p[] = { DBI(unit), DBI(unit), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_REFILE, p, list_row, &d.l);
	}
	if (rc != DB_OK) {
		*st = app_dberr(rc);
		return 1;
	}
	if (d.l.n > WS_PAGE_ROWS) {
		pg_attr(d.l.parent, "next", d.l.last);
		if (is_due)
			pg_attr(d.l.parent, "next-from", d.last_from);
	}
	pg_attri(d.l.parent, "count", (long long)(d.l.n > WS_PAGE_ROWS ? WS_PAGE_ROWS : d.l.n));
	*st = 200;
	return 1;
}
