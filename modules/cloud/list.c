/*
 * list.c — the requests, newest first, 50 a page (?after=ID), by state and
 * "awaiting me".  A unit's staff see their unit's; the office, the leading
 * group, the auditor and the centre see every unit's.  Each filter reads
 * along its own index: (id), (state, id), (unit, id), (unit, state, id).
 *
 * The everyday tools (core/listq.h): ?q= (a server's name, IP, the
 * applicant or the contact), ?sort=id|applicant|unit|state&dir=, and
 * ?format=csv|xlsx for exactly those rows, the filters kept (one statement
 * per sort, sql.c's CL_LQ_SQL).  The plain list (newest first, no search)
 * keeps its statements; the date lists keep their order by date, cursor
 * (?at=DATE&after=ID) and no tools.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cloud.h"
#include "listq.h"
#include "sheet.h"

static const struct lq_col lq_cols[] = {
	{ "id", LQ_INT, 1 }, { "applicant", LQ_STR, 0 }, { "unit", LQ_STR, 0 }, { "state", LQ_INT, 0 },
};
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 1, LQ_INT };
static const int lq_stmt[] = {
	CL_SQL_LQ_ID_ASC, CL_SQL_LQ_ID_DESC, CL_SQL_LQ_APPLICANT_ASC, CL_SQL_LQ_APPLICANT_DESC,
	CL_SQL_LQ_UNIT_ASC, CL_SQL_LQ_UNIT_DESC, CL_SQL_LQ_STATE_ASC, CL_SQL_LQ_STATE_DESC,
};
/* the row's value each sort seeks on: the unit's code, the state's number in the flow */
static const int lq_seek[] = { LS_ID, LS_APPLICANT, LS_CODE, LS_STATE_NO };
_Static_assert(APP_COUNT(lq_stmt) == 2 * APP_COUNT(lq_cols) && APP_COUNT(lq_seek) == APP_COUNT(lq_cols),
    "a statement per sort and direction, a seek column per sort");

/* The export's columns, as the page shows them, and the server's name the search finds. */
static const char *const sheet_keys[] = {
	"sheet.cloud.id", "sheet.cloud.unit_code", "cloud.unit", "cfield.applicant", "cfield.server_name",
	"cfield.vcpu", "cfield.memory_gib", "cfield.disk_gib", "cloud.state", "sheet.cloud.since", "cfield.ip",
	"cloud.kind",
};

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last;
	int col;		/* a date list's column (LS_DUE, LS_REGISTERED, LS_TO), or -1 */
	const char *last_at, *today;
	int seek;		/* the sort's seek column (lq_seek) with the tools, or -1 */
	struct sheet *sheet;	/* an export: rows go there instead */
};

static void
sheet_put(struct list *l, const struct db_row *r)
{
	const char *const *v = r->v;
	enum lang g = l->c->lang;
	char state[48], kind[24];
	snprintf(state, sizeof(state), "cstate.%s", v[LS_STATE]);
	snprintf(kind, sizeof(kind), "ckind.%s", v[LS_KIND]);
	const char *row[] = {
		v[LS_ID], v[LS_CODE], g == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME],
		v[LS_APPLICANT], v[LS_SERVER], v[LS_VCPU], v[LS_MEMORY], v[LS_DISK], sheet_title(g, state),
		v[LS_SINCE], v[LS_IP], sheet_title(g, kind),
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
	if (l->n++ == CL_PAGE_ROWS)
		return 1;
	xmlNodePtr n = pg_node(l->parent, "vm");
	pg_attr(n, "id", v[LS_ID]);
	pg_attr(n, "unit-id", v[LS_UNIT_ID]);
	pg_attr(n, "unit-code", v[LS_CODE]);
	pg_attr(n, "state", v[LS_STATE]);
	pg_attr(n, "vcpu", v[LS_VCPU]);
	pg_attr(n, "memory", v[LS_MEMORY]);
	pg_attr(n, "disk", v[LS_DISK]);
	if (*v[LS_IP])
		pg_attr(n, "ip", v[LS_IP]);
	pg_attr(n, "since", v[LS_SINCE]);
	pg_attr(n, "kind", v[LS_KIND]);
	pg_text(n, "unit", l->c->lang == LANG_EN && *v[LS_UNIT_NAME_EN] ? v[LS_UNIT_NAME_EN] : v[LS_UNIT_NAME]);
	pg_text(n, "applicant", v[LS_APPLICANT]);
	if (*v[LS_SERVER])
		pg_text(n, "server", v[LS_SERVER]);
	if (l->seek >= 0)
		l->last_at = ar_strdup(l->c->ar, v[l->seek]);
	if (l->col >= 0) {	/* a list by a date: the date it is about, and the cursor */
		pg_attr(n, "date", v[l->col]);
		l->last_at = ar_strdup(l->c->ar, v[l->col]);
	}
	if (l->col == LS_TO && strcmp(v[LS_TO], l->today) < 0)
		pg_attr(n, "expired", "1");
	l->last = ar_strdup(l->c->ar, v[LS_ID]);
	return 0;
}

/* The state that awaits this account: the step its role takes. */
static const char *
awaiting(const struct ctx *c)
{
	switch (c->acct.role) {
	case ROLE_UNIT_HEAD: return "submitted";
	case ROLE_OFFICE: return "unit_approved";
	case ROLE_CENTER: return "office_approved";
	case ROLE_UNIT_STAFF: return "returned";
	default: return "";
	}
}

/* A day as "YYYY-MM-DD" in the request's arena. */
static const char *
day(struct ctx *c, int d)
{
	char *t = ar_alloc(c->ar, 11);
	if (t == NULL)
		return "";
	wd_format(d, t);
	return t;
}

/*
 * The date lists of the live VMs (rereg.c's rules): ?due=soon (due within
 * the notice days) and ?due=overdue, ?reclaimable=1, ?expiring=1 (the
 * period ending within the notice days, or past), oldest first, paged by
 * (?at=DATE, ?after=ID).  Bounds [from, before) on the list's date.
 */
static enum db_rc
date_list(struct ctx *c, struct list *l, long long unit, int which, const char *at, long long after)
{
	static const enum cl_sql_id all[] = { CL_SQL_LIST_DUE, CL_SQL_LIST_DUE, CL_SQL_LIST_REG, CL_SQL_LIST_PERIOD };
	static const enum cl_sql_id one[] = { CL_SQL_LIST_UNIT_DUE, CL_SQL_LIST_UNIT_DUE, CL_SQL_LIST_UNIT_REG,
		CL_SQL_LIST_UNIT_PERIOD };
	static const int cols[] = { LS_DUE, LS_DUE, LS_REGISTERED, LS_TO };
	int today = wd_today();
	const char *from = "1000-01-01", *before;
	switch (which) {
	case 0: from = day(c, today); before = day(c, today + cl_due.rereg_notice + 1); break;	/* soon */
	case 1: before = day(c, today); break;							/* overdue */
	case 2: before = day(c, cl_reclaim_cutoff(&cl_due, today) + 1); break;			/* reclaimable */
	default: before = day(c, today + cl_due.expiry_notice + 1); break;			/* expiring */
	}
	if (at != NULL && *at && strcmp(at, from) > 0)
		from = at;
	l->col = cols[which];
	l->today = day(c, today);
	if (unit) {
		struct db_val p[] = { DBI(unit), DBS(from), DBS(from), DBI(after), DBS(before),
			DBI(unit), DBS(from), DBS(from), DBI(after), DBS(before) };
		return db_run(c->db, SQL(one[which]), p, 10, list_row, l);
	}
	struct db_val p[] = { DBS(from), DBS(from), DBI(after), DBS(before),
		DBS(from), DBS(from), DBI(after), DBS(before) };
	return db_run(c->db, SQL(all[which]), p, 8, list_row, l);
}

/* The page or export with search and sort, the filters as the plain list takes them (CL_LQ_SQL). */
static int
list_tools(struct ctx *c, long long unit, const char *state, const char *kind, const struct listq *lq,
    int exp, enum sheet_fmt fmt)
{
	struct db_val p[] = {
		DBI(unit), DBI(unit), DBS(state), DBS(state), DBS(kind), DBS(kind),
		DBI(lq->first), DBS(lq->at), DBS(lq->at), DBS(lq->after),
		DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like), DBS(lq->like),
		DBI(exp ? LQ_NO_LIMIT : CL_PAGE_ROWS + 1),
	};
	_Static_assert(DB_NARGS(p) == CL_SQL_LQ_ID_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(lq)]);
	struct list l = { c, pg_node(c->data, "vms"), 0, NULL, -1, NULL, "", lq_seek[lq->sort], NULL };
	if (exp)
		return sheet_run(c, fmt, "cloud", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p, DB_NARGS(p),
		    list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	lq_rows_end(c, l.parent, lq, l.n, CL_PAGE_ROWS, l.last_at, l.last);
	return 200;
}

int
cl_list(struct ctx *c)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fstate = { "state", V_CHOICE, 0, 16, cl_states };
	static const char *const dues[] = { "soon", "overdue", NULL }, *const kinds[] = { "vm", "host", NULL };
	static const struct vfield fdue = { "due", V_CHOICE, 0, 8, dues };
	static const struct vfield fkind = { "kind", V_CHOICE, 0, 4, kinds };
	static const struct vfield fat = { "at", V_DATE, 0, 10, NULL };
	const char *after = ctx_q(c, "after"), *state = ctx_q(c, "state"), *mine = ctx_q(c, "mine");
	const char *due = ctx_q(c, "due"), *kind = ctx_q(c, "kind"), *at = ctx_q(c, "at"), *qunit = ctx_q(c, "unit");
	const char *recl = ctx_q(c, "reclaimable"), *exp = ctx_q(c, "expiring");
	int me = mine != NULL && strcmp(mine, "1") == 0;
	enum db_rc rc;

	c->view = VIEW(CL_VIEW_LIST);
	if ((after && *after && valid_check(&fid, after)) || (state && *state && valid_check(&fstate, state)) ||
	    (due && *due && valid_check(&fdue, due)) || (kind && *kind && valid_check(&fkind, kind)) ||
	    (qunit && *qunit && valid_check(&fid, qunit)))
		return 400;
	long long from = after && *after ? atoll(after) : 0x7fffffff;
	if (state == NULL)
		state = "";
	if (me)
		state = awaiting(c);
	/* one list at a time: awaiting me, due, reclaimable, expiring, kind, state */
	int which = me ? -1 : due && *due ? (strcmp(due, "soon") == 0 ? 0 : 1) :
	    recl && strcmp(recl, "1") == 0 ? 2 : exp && strcmp(exp, "1") == 0 ? 3 : -1;
	if (which >= 0 && at && *at && valid_check(&fat, at))
		return 400;	/* the date lists' cursor; the other lists' ?at= is the tools' (listq.h) */
	if (which >= 0 || (kind && *kind && !me))
		state = "";
	if (kind == NULL || which >= 0 || me)
		kind = "";
	/* a unit's own roles see their unit whatever they ask; the others any unit, or all */
	long long unit = (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : qunit && *qunit ? atoll(qunit) : 0;
	xmlNodePtr fn = pg_node(c->data, "filter");
	pg_attr(fn, "state", state);
	pg_attr(fn, "mine", me ? "1" : "0");
	pg_attr(fn, "due", which == 0 ? "soon" : which == 1 ? "overdue" : "");
	pg_attr(fn, "reclaimable", which == 2 ? "1" : "0");
	pg_attr(fn, "expiring", which == 3 ? "1" : "0");
	pg_attr(fn, "kind", kind);
	if (unit && !(c->acct.role & ROLES_UNIT))
		pg_attri(fn, "unit", unit);
	enum sheet_fmt fmt;
	int st, wants = sheet_wanted(c, &fmt);
	if (wants < 0 || (wants && which >= 0))	/* a date list's order is its own: no export of it here */
		return pg_error(c, 400, "list_format");
	if (which < 0) {	/* a date list's ?at= is a date: not the tools' cursor */
		struct listq lq;
		if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0)
			return st;
		lq_node(c, fn, &lq, &lq_def);
		if (wants || !lq_is_plain(&lq, &lq_def))
			return list_tools(c, unit, state, kind, &lq, wants, fmt);
	}
	struct list l = { c, pg_node(c->data, "vms"), 0, NULL, -1, NULL, "", -1, NULL };
	if (which >= 0) {
		rc = date_list(c, &l, unit, which, at, after && *after ? atoll(after) : 0);
	} else if (*kind && unit) {
		struct db_val p[] = { DBI(unit), DBS(kind), DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_UNIT_KIND, p, list_row, &l);
	} else if (*kind) {
		struct db_val p[] = { DBS(kind), DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_KIND, p, list_row, &l);
	} else if (unit && *state) {
		struct db_val p[] = { DBI(unit), DBS(state), DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_UNIT_STATE, p, list_row, &l);
	} else if (unit) {
		struct db_val p[] = { DBI(unit), DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_UNIT, p, list_row, &l);
	} else if (*state) {
		struct db_val p[] = { DBS(state), DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_STATE, p, list_row, &l);
	} else {
		struct db_val p[] = { DBI(from) };
		rc = SQL_RUN(c, CL_SQL_LIST_ALL, p, list_row, &l);
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (l.n > CL_PAGE_ROWS) {
		pg_attr(l.parent, "next", l.last);
		if (l.col >= 0)
			pg_attr(l.parent, "next-at", l.last_at);
	}
	pg_attri(l.parent, "count", (long long)(l.n > CL_PAGE_ROWS ? CL_PAGE_ROWS : l.n));
	return 200;
}
