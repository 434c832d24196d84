/*
 * list.c — the filings, newest first, 50 a page (?after=ID), by state and
 * "awaiting me".  A unit's own roles see their unit's, whatever they ask;
 * the office, the leading group, the auditor and the centre every unit's
 * (?unit= narrows).  Each filter reads along its own index: (id),
 * (state, id), (unit, id), (unit, state, id).
 *
 * The everyday tools (core/listq.h): ?q= (a site's name, domain, IP, the
 * leader or the administrator), ?sort=id|domain|name|unit|state&dir=, and
 * ?format=csv|xlsx for exactly those rows, every list's filter kept (one
 * statement per sort, sql.c's WS_LQ_SQL).  The plain lists (newest first,
 * no search) keep their own statements and cursors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "listq.h"
#include "sheet.h"
#include "websites.h"

static const struct lq_col lq_cols[] = {
	{ "id", LQ_INT, 1 }, { "domain", LQ_STR, 0 }, { "name", LQ_STR, 0 }, { "unit", LQ_STR, 0 },
	{ "state", LQ_INT, 0 },
};
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 1, LQ_INT };
static const int lq_stmt[] = {
	WS_SQL_LQ_ID_ASC, WS_SQL_LQ_ID_DESC, WS_SQL_LQ_DOMAIN_ASC, WS_SQL_LQ_DOMAIN_DESC,
	WS_SQL_LQ_NAME_ASC, WS_SQL_LQ_NAME_DESC, WS_SQL_LQ_UNIT_ASC, WS_SQL_LQ_UNIT_DESC,
	WS_SQL_LQ_STATE_ASC, WS_SQL_LQ_STATE_DESC,
};
/* the row's value each sort seeks on: the unit's code, the state's number in the flow */
static const int lq_seek[] = { LS_ID, LS_DOMAIN, LS_NAME, LS_CODE, LS_STATE_NO };
_Static_assert(APP_COUNT(lq_stmt) == 2 * APP_COUNT(lq_cols) && APP_COUNT(lq_seek) == APP_COUNT(lq_cols),
    "a statement per sort and direction, a seek column per sort");

/* The export's columns, as the page shows them. */
static const char *const sheet_keys[] = {
	"sheet.web.id", "sheet.web.unit_code", "web.unit", "wfield.name", "wfield.domain", "wfield.location",
	"web.state", "sheet.web.since", "web.file_by",
};

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last;
	int seek;		/* the sort's seek column (lq_seek), or -1 for the plain lists */
	const char *last_at;
	struct sheet *sheet;	/* an export: rows go there instead */
};

static void
sheet_put(struct list *l, const struct db_row *r)
{
	const char *const *v = r->v;
	enum lang g = l->c->lang;
	char loc[48], state[48];
	snprintf(loc, sizeof(loc), "wloc.%s", v[LS_LOCATION]);
	snprintf(state, sizeof(state), "wstate.%s", v[LS_STATE]);
	const char *row[] = {
		v[LS_ID], v[LS_CODE], g == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME],
		v[LS_NAME], v[LS_DOMAIN], *v[LS_LOCATION] ? sheet_title(g, loc) : "", sheet_title(g, state),
		v[LS_SINCE], strcmp(v[LS_STATE], "discovered") == 0 ? v[LS_FILE_BY] : "",
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(l->sheet, row);
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	const char *const *v = r->v;
	if (l->sheet != NULL) {
		sheet_put(l, r);
		return 0;
	}
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
	if (l->seek >= 0)
		l->last_at = ar_strdup(l->c->ar, v[l->seek]);
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

/* Which of the lists a request asks for: one at a time, the first of these that is on. */
struct wfilter {
	long long unit;		/* 0: every unit */
	int due, refile, trig, down, fail, me;
	const char *state;	/* the state filter ("": any); awaiting me: the first state it awaits, shown
				 * on the page (the list itself takes all three) */
	const char *const *await;
};

static int ws_list_more(struct ctx *c, const struct wfilter *f);

/* One list at a time, as the plain lists always took them: the first of these that is on. */
static void
one_list(struct wfilter *f)
{
	int *on[] = { &f->due, &f->refile, &f->trig, &f->down, &f->fail, &f->me };
	int seen = 0;
	for (size_t i = 0; i < APP_COUNT(on); i++) {
		if (seen)
			*on[i] = 0;
		seen |= *on[i];
	}
}

/* The page or export with search and sort: one statement whatever the list (sql.c's WS_LQ_SQL). */
static int
list_tools(struct ctx *c, const struct wfilter *f, const struct listq *lq, int exp, enum sheet_fmt fmt)
{
	int other = f->due || f->refile || f->trig || f->down || f->fail || f->me;
	const char *state = other ? "" : f->state;
	struct db_val p[] = {
		DBI(f->unit), DBI(f->unit), DBS(state), DBS(state),
		DBI(f->me), DBS(f->await[0]), DBS(f->await[1]), DBS(f->await[2]),
		DBI(f->down), DBI(f->trig), DBI(ws_wset.trigger_hours), DBI(f->fail),
		DBI(f->due), DBS(wd_today_str(c->ar)), DBI(f->refile),
		DBI(lq->first), DBS(lq->at), DBS(lq->at), DBS(lq->after),
		DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like),
		DBS(lq->like), DBI(exp ? LQ_NO_LIMIT : WS_PAGE_ROWS + 1),
	};
	_Static_assert(DB_NARGS(p) == WS_SQL_LQ_ID_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(lq)]);
	struct list l = { c, pg_node(c->data, "sites"), 0, NULL, lq_seek[lq->sort], NULL, NULL };
	if (exp)
		return sheet_run(c, fmt, "websites", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p, DB_NARGS(p),
		    list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	lq_rows_end(c, l.parent, lq, l.n, WS_PAGE_ROWS, l.last_at, l.last);
	return 200;
}

int
ws_list(struct ctx *c)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fstate = { "state", V_CHOICE, 0, 16, ws_states };
	static const struct vfield fdate = { "from", V_DATE, 0, 10, NULL };
	const char *after = ctx_q(c, "after"), *state = ctx_q(c, "state"), *mine = ctx_q(c, "mine");
	const char *qunit = ctx_q(c, "unit"), *from = ctx_q(c, "from");
	/* the watcher's two lists (watch.c): down now, and the accountability triggers */
	const char *qdown = ctx_q(c, "down"), *qtrig = ctx_q(c, "trigger");
	/* check.c's lists: ?overdue=1 (open findings past fix-by), ?failing=1 (the last check failed) */
	const char *overdue = ctx_q(c, "overdue"), *failing = ctx_q(c, "failing");
	/* ?for_suspension=1, ?refile=1: ws_list_more below */
	const char *due = ctx_q(c, "for_suspension"), *rf = ctx_q(c, "refile");
	struct wfilter f = { 0, due != NULL && strcmp(due, "1") == 0, rf != NULL && strcmp(rf, "1") == 0,
		qtrig != NULL && strcmp(qtrig, "1") == 0, qdown != NULL && strcmp(qdown, "1") == 0,
		failing != NULL && strcmp(failing, "1") == 0, mine != NULL && strcmp(mine, "1") == 0, "", awaiting(c) };
	one_list(&f);
	int more = f.due || f.refile;
	enum db_rc rc;

	c->view = VIEW(WS_VIEW_LIST);
	if ((after && *after && valid_check(&fid, after)) || (qunit && *qunit && valid_check(&fid, qunit)) ||
	    (more && from && *from && valid_check(&fdate, from)) ||
	    (!more && state && *state && valid_check(&fstate, state)))
		return 400;
	f.unit = (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : qunit && *qunit ? atoll(qunit) : 0;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);
	if (exp < 0)
		return pg_error(c, 400, "list_format");
	if (!more && overdue != NULL && strcmp(overdue, "1") == 0) {
		if (exp)	/* the findings past fix-by are a list of their own: no export of it here */
			return pg_error(c, 400, "list_format");
		return ws_overdue_list(c, f.unit);
	}
	struct listq lq;
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0)
		return st;

	xmlNodePtr fn = pg_node(c->data, "filter");
	if (more) {
		pg_attr(fn, "state", f.due ? "discovered" : "");
		pg_attr(fn, "mine", "0");
		pg_attr(fn, f.due ? "for_suspension" : "refile", "1");
	} else {
		f.state = f.me ? f.await[0] : state ? state : "";
		pg_attr(fn, "state", f.state);
		pg_attr(fn, "mine", f.me ? "1" : "0");
		if (f.me && *f.await[1])
			pg_attr(fn, "awaiting", ar_printf(c->ar, "%s %s %s", f.await[0], f.await[1], f.await[2]));
		pg_attr(fn, "down", f.down ? "1" : "0");
		pg_attr(fn, "trigger", f.trig ? "1" : "0");
		pg_attr(fn, "failing", f.fail ? "1" : "0");
	}
	if (f.unit && !(c->acct.role & ROLES_UNIT))
		pg_attri(fn, "unit", f.unit);
	lq_node(c, fn, &lq, &lq_def);
	if (exp || !lq_is_plain(&lq, &lq_def))
		return list_tools(c, &f, &lq, exp, fmt);
	if (more)
		return ws_list_more(c, &f);

	long long unit = f.unit, from_id = after && *after ? atoll(after) : 0x7fffffff;
	const char *const *await = f.await;
	state = f.state;
	struct list l = { c, pg_node(c->data, "sites"), 0, NULL, -1, NULL, NULL };
	if (f.trig) {
		struct db_val p[] = { DBI(ws_wset.trigger_hours), DBI(unit), DBI(unit), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_TRIGGER, p, list_row, &l);
	} else if (f.down) {
		struct db_val p[] = { DBI(unit), DBI(unit), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_DOWN, p, list_row, &l);
	} else if (f.fail && unit) {
		struct db_val p[] = { DBI(unit), DBI(from_id), DBI(unit), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_FAILING, p, list_row, &l);
	} else if (f.fail) {
		struct db_val p[] = { DBI(from_id), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_FAILING, p, list_row, &l);
	} else if (f.me && unit) {
		struct db_val p[] = { DBI(unit), DBS(await[0]), DBI(from_id), DBI(unit), DBS(await[1]), DBI(from_id),
			DBI(unit), DBS(await[2]), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_AWAIT, p, list_row, &l);
	} else if (f.me) {
		struct db_val p[] = { DBS(await[0]), DBI(from_id), DBS(await[1]), DBI(from_id), DBS(await[2]),
			DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_AWAIT, p, list_row, &l);
	} else if (unit && *state) {
		struct db_val p[] = { DBI(unit), DBS(state), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT_STATE, p, list_row, &l);
	} else if (unit) {
		struct db_val p[] = { DBI(unit), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_UNIT, p, list_row, &l);
	} else if (*state) {
		struct db_val p[] = { DBS(state), DBI(from_id) };
		rc = SQL_RUN(c, WS_SQL_LIST_STATE, p, list_row, &l);
	} else {
		struct db_val p[] = { DBI(from_id) };
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
	const char *from = at && *at ? at : "1000-01-01", *today = wd_today_str(c->ar);
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
ws_list_more(struct ctx *c, const struct wfilter *f)
{
	const char *after = ctx_q(c, "after"), *from = ctx_q(c, "from");
	struct due d = { { c, pg_node(c->data, "sites"), 0, NULL, -1, NULL, NULL }, NULL };
	enum db_rc rc;
	if (f->due) {
		const char *fb = from && *from ? from : "1000-01-01";
		long long id = after && *after ? atoll(after) : 0;
		struct db_val p[] = { DBI(f->unit), DBI(f->unit), DBS(wd_today_str(c->ar)), DBS(fb), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_FOR_SUSPENSION, p, due_row, &d);
	} else {
		long long id = after && *after ? atoll(after) : 0x7fffffff;
		struct db_val p[] = { DBI(f->unit), DBI(f->unit), DBI(id) };
		rc = SQL_RUN(c, WS_SQL_LIST_REFILE, p, list_row, &d.l);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (d.l.n > WS_PAGE_ROWS) {
		pg_attr(d.l.parent, "next", d.l.last);
		if (f->due)
			pg_attr(d.l.parent, "next-from", d.last_from);
	}
	pg_attri(d.l.parent, "count", (long long)(d.l.n > WS_PAGE_ROWS ? WS_PAGE_ROWS : d.l.n));
	return 200;
}
