/*
 * list.c — the requests, newest first, 50 a page (?after=ID), by state and
 * "awaiting me".  A unit's staff see their unit's; the office, the leading
 * group, the auditor and the centre see every unit's.  Each filter reads
 * along its own index: (id), (state, id), (unit, id), (unit, state, id).
 */
#include <stdlib.h>
#include <string.h>
#include "cloud.h"

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

int
cl_list(struct ctx *c)
{
	static const struct vfield fid = { "after", V_INT, 0, 12, NULL };
	static const struct vfield fstate = { "state", V_CHOICE, 0, 16, cl_states };
	const char *after = ctx_q(c, "after"), *state = ctx_q(c, "state"), *mine = ctx_q(c, "mine");
	int me = mine != NULL && strcmp(mine, "1") == 0;
	enum db_rc rc;

	c->view = VIEW(CL_VIEW_LIST);
	if ((after && *after && valid_check(&fid, after)) || (state && *state && valid_check(&fstate, state)))
		return 400;
	long long from = after && *after ? atoll(after) : 0x7fffffff;
	if (state == NULL)
		state = "";
	if (me)
		state = awaiting(c);
	xmlNodePtr fn = pg_node(c->data, "filter");
	pg_attr(fn, "state", state);
	pg_attr(fn, "mine", me ? "1" : "0");
	struct list l = { c, pg_node(c->data, "vms"), 0, NULL };
	long long unit = (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : 0;
	if (unit && *state) {
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
	if (l.n > CL_PAGE_ROWS)
		pg_attr(l.parent, "next", l.last);
	pg_attri(l.parent, "count", (long long)(l.n > CL_PAGE_ROWS ? CL_PAGE_ROWS : l.n));
	return 200;
}
