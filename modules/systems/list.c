/*
 * list.c — the inventory: 50 systems a page, paged by id (?after=ID), with
 * filters by unit, kind, level, status and overdue (the next assessment's
 * date has passed).  A unit's staff see their own unit's systems only.
 */
#include <stdlib.h>
#include <string.h>
#include "systems.h"

static const char *const kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
	"dingtalk_app", "mobile_app", "other", NULL };
static const char *const statuses[] = { "planned", "building", "trial", "online", "retired", NULL };
static const char *const levels[] = { "1", "2", "3", "4", NULL };

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last;
	int today;
};

static int
list_row(void *arg, const struct db_row *r)
{
	/* id, unit_id, code, unit name, unit name_en, name, kind, level, status, next_due, cii, filing_no */
	struct list *l = arg;
	if (l->n++ == SYS_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	xmlNodePtr s = pg_node(l->parent, "system");
	pg_attr(s, "id", r->v[0]);
	pg_attr(s, "unit-id", r->v[1]);
	pg_attr(s, "unit-code", r->v[2]);
	pg_attr(s, "kind", r->v[6]);
	pg_attr(s, "level", r->v[7]);
	pg_attr(s, "status", r->v[8]);
	pg_attr(s, "cii", r->v[10]);
	if (*r->v[9]) {
		pg_attr(s, "next-due", r->v[9]);
		pg_attr(s, "overdue", wd_parse(r->v[9]) < l->today && strcmp(r->v[8], "retired") != 0 ? "1" : "0");
	}
	if (*r->v[11])
		pg_attr(s, "filed", "1");
	pg_text(s, "name", r->v[5]);
	pg_text(s, "unit", l->c->lang == LANG_EN && *r->v[4] ? r->v[4] : r->v[3]);
	l->last = ar_strdup(l->c->ar, r->v[0]);
	return 0;
}

/* A query value if it is one of choices, else "". */
static const char *
choice(struct ctx *c, const char *key, const char *const *choices)
{
	const char *v = app_q(c, key);
	for (const char *const *p = choices; v != NULL && *p != NULL; p++)
		if (strcmp(v, *p) == 0)
			return v;
	return "";
}

int
sys_list(struct ctx *c)
{
	const char *kind = choice(c, "kind", kinds), *status = choice(c, "status", statuses);
	const char *level = choice(c, "level", levels);
	const char *unit = app_q(c, "unit"), *after = app_q(c, "after"), *od = app_q(c, "overdue");
	struct vfield fid = { "after", V_INT, 0, 12, NULL };
	char today[11];

	c->view = "systems/list";
	if ((after && valid_check(&fid, after)) || (unit && valid_check(&fid, unit)))
		return 400;
	long long only = unit ? atoll(unit) : 0;
	if (!(c->acct.role & ROLES_READ_ALL))
		only = c->acct.unit_id;	/* a unit's staff: their unit, whatever the filter says */
	int overdue = od != NULL && strcmp(od, "1") == 0;
	struct list l = { c, NULL, 0, NULL, wd_today() };
	wd_format(l.today, today);
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "unit", only ? ar_printf(c->ar, "%lld", only) : "");
	pg_attr(f, "kind", kind);
	pg_attr(f, "level", level);
	pg_attr(f, "status", status);
	pg_attr(f, "overdue", overdue ? "1" : "0");
	l.parent = pg_node(c->data, "systems");
	long long lv = atoll(level);
	struct db_val p[] = {
		DBI(only), DBI(only), DBS(kind), DBS(kind), DBI(lv), DBI(lv), DBS(status), DBS(status),
		DBI(overdue), DBS(today), DBI(after ? atoll(after) : 0),
	};
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_LIST), p, 11, list_row, &l);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if (l.n > SYS_PAGE_ROWS)
		pg_attr(l.parent, "next", l.last);
	pg_attri(l.parent, "count", (long long)(l.n > SYS_PAGE_ROWS ? SYS_PAGE_ROWS : l.n));
	return 200;
}
