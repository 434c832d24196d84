/*
 * list.c — GET /duties/: a year's duties (?year=, default this year).  The
 * office, the leading group and the auditor see every unit × duty and the
 * office's own, filtered by unit (?unit=ID) and duty (?duty=CODE), with a
 * count per duty (done, submitted, overdue); a unit's accounts (and the
 * centre) see their own unit's, whatever the query says: the unit filter
 * is then theirs, in the SQL.  A page is DU_PAGE_ROWS rows after ?after=ID.
 */
#include <stdlib.h>
#include <string.h>
#include "duties.h"

struct rows {
	struct ctx *c;
	xmlNodePtr parent;
	const char *today;
	size_t n;
	const char *last;
};

static int
inst_row(void *arg, const struct db_row *r)
{
	struct rows *k = arg;
	const char *const *v = r->v;
	int en = k->c->lang == LANG_EN;
	if (++k->n > DU_PAGE_ROWS)
		return 1;	/* the 101st says there is a next page */
	k->last = ar_strdup(k->c->ar, v[LI_ID]);
	xmlNodePtr n = pg_node(k->parent, "inst");
	pg_attr(n, "id", v[LI_ID]);
	pg_attr(n, "code", v[LI_CODE]);
	pg_attr(n, "owner", v[LI_OWNER]);
	pg_attr(n, "unit-id", v[LI_UNIT_ID]);
	pg_attr(n, "unit-code", v[LI_UNIT_CODE]);
	pg_attr(n, "due", v[LI_DUE]);
	pg_attr(n, "state", v[LI_STATE]);
	pg_attr(n, "stand", du_stand_name(du_standing(v[LI_STATE], v[LI_DUE], k->today)));
	pg_attr(n, "files", v[LI_FILES]);
	pg_attr(n, "version", v[LI_VERSION]);
	pg_text(n, "title", en ? v[LI_TITLE_EN] : v[LI_TITLE]);
	if (atoll(v[LI_UNIT_ID]) > 0)
		pg_text(n, "unit", en && *v[LI_UNIT_NAME_EN] ? v[LI_UNIT_NAME_EN] : v[LI_UNIT_NAME]);
	return 0;
}

static int
def_row(void *arg, const struct db_row *r)
{
	struct rows *k = arg;
	xmlNodePtr n = pg_node(k->parent, "def");
	pg_attr(n, "code", r->v[DF_CODE]);
	pg_attr(n, "owner", r->v[DF_OWNER]);
	pg_attr(n, "title", k->c->lang == LANG_EN ? r->v[DF_TITLE_EN] : r->v[DF_TITLE]);
	return 0;
}

static int
unit_row(void *arg, const struct db_row *r)
{
	struct rows *k = arg;
	xmlNodePtr n = pg_node(k->parent, "unit");
	pg_attr(n, "id", r->v[UN_ID]);
	pg_attr(n, "code", r->v[UN_CODE]);
	pg_attr(n, "name", k->c->lang == LANG_EN && *r->v[UN_NAME_EN] ? r->v[UN_NAME_EN] : r->v[UN_NAME]);
	return 0;
}

static int
sum_row(void *arg, const struct db_row *r)
{
	struct rows *k = arg;
	xmlNodePtr n = pg_node(k->parent, "row");
	pg_attr(n, "code", r->v[SU_CODE]);
	pg_attr(n, "title", k->c->lang == LANG_EN ? r->v[SU_TITLE_EN] : r->v[SU_TITLE]);
	pg_attr(n, "n", r->v[SU_N]);
	pg_attr(n, "done", r->v[SU_DONE]);
	pg_attr(n, "submitted", r->v[SU_SUBMITTED]);
	pg_attr(n, "overdue", r->v[SU_OVERDUE]);
	return 0;
}

static int
year_row(void *arg, const struct db_row *r)
{
	pg_text(arg, "y", r->v[YS_YEAR]);
	return 0;
}

/* A query number within [lo, hi], else dflt (a filter typed by hand is no error: it is ignored). */
static long long
q_num(struct ctx *c, const char *key, long long lo, long long hi, long long dflt)
{
	const char *s = ctx_q(c, key);
	if (s == NULL || *s == '\0' || strlen(s) > 18 || strspn(s, "0123456789") != strlen(s))
		return dflt;
	long long v = atoll(s);
	return v < lo || v > hi ? dflt : v;
}

int
du_list(struct ctx *c)
{
	static const struct vfield code_f = { "duty", V_TOKEN, 0, 32, NULL };
	int all = (c->acct.role & ROLES_READ_ALL) != 0;
	long long year = q_num(c, "year", DU_YEAR_MIN, DU_YEAR_MAX, du_this_year());
	/* a unit account's own unit, always; one without a unit matches nothing (-1), never "all" (0) */
	long long unit = all ? q_num(c, "unit", 1, 0x7fffffffLL, 0) : c->acct.unit_id > 0 ? c->acct.unit_id : -1;
	long long after = q_num(c, "after", 1, 0x7fffffffffffLL, 0);
	const char *duty = ctx_q(c, "duty");
	enum db_rc rc;
	if (duty == NULL || valid_check(&code_f, duty) != NULL)
		duty = "";

	c->view = VIEW(DU_VIEW_LIST);
	xmlNodePtr top = pg_node(c->data, "duties");
	pg_attri(top, "year", year);
	pg_attr(top, "today", wd_today_str(c->ar));
	pg_attr(top, "office", c->acct.role == ROLE_OFFICE ? "1" : "0");
	pg_attr(top, "all", all ? "1" : "0");
	if (all && unit)
		pg_attri(top, "unit", unit);
	if (*duty)
		pg_attr(top, "duty", duty);
	if (after)
		pg_attri(top, "after", after);

	struct rows k = { c, pg_node(top, "years"), wd_today_str(c->ar), 0, NULL };
	if ((rc = SQL_RUN0(c, DU_SQL_YEARS, year_row, k.parent)) != DB_OK)
		return app_dberr(rc);
	k.parent = pg_node(top, "defs");
	if ((rc = SQL_RUN0(c, DU_SQL_DEFS, def_row, &k)) != DB_OK)
		return app_dberr(rc);
	if (all) {
		k.parent = pg_node(top, "units");
		if ((rc = SQL_RUN0(c, DU_SQL_UNITS, unit_row, &k)) != DB_OK)
			return app_dberr(rc);
		k.parent = pg_node(top, "summary");
		struct db_val sp[] = { DBS(k.today), DBI(year) };
		if ((rc = SQL_RUN(c, DU_SQL_SUMMARY, sp, sum_row, &k)) != DB_OK)
			return app_dberr(rc);
	}
	k.parent = pg_node(top, "rows");
	struct db_val p[] = { DBI(year), DBI(unit), DBI(unit), DBS(duty), DBS(duty), DBI(after) };
	if ((rc = SQL_RUN(c, DU_SQL_LIST, p, inst_row, &k)) != DB_OK)
		return app_dberr(rc);
	pg_attri(k.parent, "count", (long long)(k.n > DU_PAGE_ROWS ? DU_PAGE_ROWS : k.n));
	if (k.n > DU_PAGE_ROWS && k.last != NULL)
		pg_attr(top, "next", k.last);
	return 200;
}
