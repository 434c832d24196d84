/*
 * todo.c — GET /home/: the reader's to-do in three groups, overdue, due
 * soon and awaiting them (home.h), and for the office, the leading group
 * and the auditor every unit's overdue counted by module and kind.
 *
 * Who sees what: a unit's staff its unit's items for the unit, the unit
 * head those and its own (approvals, reviews); the office, the centre and
 * the leading group what awaits them in every unit (the actor column),
 * the auditor nothing to do.  The unit filter is in the SQL: a unit
 * account never reads another unit's row.
 */
#include <stdlib.h>
#include <string.h>
#include "home.h"

static const char *const group_name[HM_GROUP__MAX] = {
	[HM_AWAITING] = "awaiting", [HM_OVERDUE] = "overdue", [HM_SOON] = "soon",
};
/* The order the page shows them in: what is late first. */
static const enum hm_group group_order[HM_GROUP__MAX] = { HM_OVERDUE, HM_SOON, HM_AWAITING };

struct collect {
	struct ctx *c;
	const struct hm_window *w;
	xmlNodePtr group[HM_GROUP__MAX];
	size_t n[HM_GROUP__MAX];
	int more[HM_GROUP__MAX];
	int units;		/* show each item's unit: the reader's are every unit's */
	size_t read;
};

static int
item_row(void *arg, const struct db_row *r)
{
	struct collect *k = arg;
	const char *const *v = r->v;
	struct hm_stand st;
	int due_day;
	if (++k->read > HM_READ_ROWS) {
		for (int g = 0; g < HM_GROUP__MAX; g++)
			k->more[g] = 1;	/* not all read: none of the counts is whole */
		return 1;
	}
	hm_stand_item(k->c->cal, k->w, v[IT_CLOCK], v[IT_KIND], v[IT_DUE], v[IT_SINCE], hm_set.resign_days,
	    &st, &due_day);
	if (k->n[st.group] == HM_GROUP_ROWS) {
		k->more[st.group] = 1;
		return 0;
	}
	k->n[st.group]++;
	xmlNodePtr n = pg_node(k->group[st.group], "item");
	pg_attr(n, "module", v[IT_MODULE]);
	pg_attr(n, "kind", v[IT_KIND]);
	pg_attr(n, "unit-id", v[IT_UNIT_ID]);
	pg_attr(n, "record", v[IT_RECORD]);
	pg_attr(n, "state", v[IT_STATE]);
	pg_attr(n, "clock", v[IT_CLOCK]);
	pg_attr(n, "link", v[IT_LINK]);
	pg_attr(n, "actor", v[IT_ACTOR]);
	if (*v[IT_DUE])
		pg_attr(n, "due", v[IT_DUE]);
	else if (due_day != WD_INVALID) {
		/* a computed due day (a re-sign) */
		char d[11];
		wd_format(due_day, d);
		pg_attr(n, "due", d);
	}
	if (*v[IT_SINCE])
		pg_attr(n, "since", v[IT_SINCE]);
	if (st.left >= 0)
		pg_attri(n, "left", st.left);
	if (st.late >= 0)
		pg_attri(n, "late", st.late);
	if (st.late_days >= 0)
		pg_attri(n, "late-days", st.late_days);
	pg_text(n, "title", v[IT_TITLE]);
	if (k->units)
		pg_text(n, "unit", k->c->lang == LANG_EN && *v[IT_UNIT_NAME_EN] ? v[IT_UNIT_NAME_EN] :
		    v[IT_UNIT_NAME]);
	return 0;
}

static int
sum_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "row");
	pg_attr(n, "module", r->v[SM_MODULE]);
	pg_attr(n, "kind", r->v[SM_KIND]);
	pg_attr(n, "count", r->v[SM_COUNT]);
	pg_attr(n, "oldest", r->v[SM_OLDEST]);
	return 0;
}

/* What the role acts as in the view's actor column (schema/025-todo.sql). */
static const char *
actors(enum role r)
{
	switch (r) {
	case ROLE_UNIT_STAFF: return "unit";
	case ROLE_UNIT_HEAD: return "unit,unit_head";
	case ROLE_OFFICE: return "office";
	case ROLE_CENTER: return "center";
	case ROLE_LEADER: return "leader";
	default: return "";	/* the auditor reads; nothing awaits it */
	}
}

int
hm_todo(struct ctx *c)
{
	struct hm_window w;
	char today[11], horizon[11], before[11], now[WD_NOW_LEN];
	enum db_rc rc = DB_OK;

	c->view = VIEW(HM_VIEW_TODO);
	w.today = wd_today();
	wd_now(now);
	w.now = hm_time(now);
	w.cutoff = hm_cutoff(c->cal, w.today, hm_set.soon_days);
	w.soon_secs = 3600L * hm_set.soon_hours;
	wd_format(w.today, today);
	/* a scheduled duty shows from the day its deadline enters the window: due before the day after */
	wd_format(w.cutoff + 1, horizon);
	xmlNodePtr top = pg_node(c->data, "todo");
	pg_attr(top, "role", c->acct.role_name);
	pg_attri(top, "soon-days", hm_set.soon_days);
	pg_attri(top, "soon-hours", hm_set.soon_hours);
	pg_attri(top, "cap", HM_GROUP_ROWS);
	struct collect k = { .c = c, .w = &w, .units = !(c->acct.role & ROLES_UNIT) };
	for (int i = 0; i < HM_GROUP__MAX; i++) {
		enum hm_group g = group_order[i];
		k.group[g] = pg_node(top, "group");
		pg_attr(k.group[g], "name", group_name[g]);
	}
	const char *act = actors(c->acct.role);
	/* a re-sign is overdue when its clock started on or before this day */
	wd_format(hm_start_before(c->cal, w.today, hm_set.resign_days), before);
	struct db_val p[] = { DBI((c->acct.role & ROLES_UNIT) ? c->acct.unit_id : 0), DBS(act),
		DBS(hm_set.modules), DBS(hm_set.roles), DBS(hm_set.resign_kinds), DBS(horizon), DBS(today),
		DBS(now), DBS(before) };
	if ((rc = SQL_RUN(c, HM_SQL_SET, p, NULL, NULL)) != DB_OK)
		return app_dberr(rc);
	if (c->acct.role & ROLES_UNIT)
		rc = SQL_RUN0(c, HM_SQL_UNIT, item_row, &k);
	else if (*act)
		rc = SQL_RUN0(c, HM_SQL_ACTOR, item_row, &k);
	if (rc != DB_OK)
		return app_dberr(rc);
	for (int g = 0; g < HM_GROUP__MAX; g++) {
		pg_attri(k.group[g], "count", (long long)k.n[g]);
		if (k.more[g])
			pg_attr(k.group[g], "more", "1");
	}
	if (c->acct.role & ROLES_READ_ALL) {
		xmlNodePtr sum = pg_node(top, "summary");
		rc = SQL_RUN0(c, HM_SQL_OVERDUE, sum_row, sum);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	return 200;
}
