/*
 * list.c — the list of units with each role's current holder.  Paginated by
 * index: ?after=CODE or ?before=CODE seeks on the unit code, so a page costs
 * the same on the first page and the last.  Filters: ?missing=ROLE (no
 * current holder of that role), ?late=1 (a change reported after its
 * deadline).  A unit's own staff see only their unit.
 */
#include <stdlib.h>
#include <string.h>
#include "reg.h"

struct list {
	struct ctx *c;
	xmlNodePtr units;
	size_t n;
	xmlNodePtr rows[REG_PAGE_ROWS];
	const char *code[REG_PAGE_ROWS];
};

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	if (l->n == REG_PAGE_ROWS) {	/* the 51st row only says "there is more" */
		l->n++;
		return 1;
	}
	/* made in the document, so attaching it later walks nothing */
	xmlNodePtr u = xmlNewDocNode(l->c->doc, NULL, BAD_CAST "unit", NULL);
	pg_attr(u, "id", r->v[L_UNIT_ID]);
	pg_attr(u, "code", r->v[L_CODE]);
	pg_attr(u, "kind", r->v[L_KIND]);
	pg_attr(u, "late", r->v[L_LATE]);
	pg_text(u, "name", l->c->lang == LANG_EN && *r->v[L_NAME_EN] ? r->v[L_NAME_EN] : r->v[L_NAME]);
	/* One <holder> per enabled role, in role order, empty when nobody holds it:
	 * the view then pairs cells by position instead of searching by role. */
	for (int k = 0; k < REG_ROLE__MAX; k++) {
		if (!reg_set.enabled[k])
			continue;
		xmlNodePtr h = pg_node(u, "holder");
		pg_attr(h, "role", reg_role_code[k]);
		if (r->null[L_FIRST_NAME + 2 * k])
			continue;
		pg_attr(h, "name", r->v[L_FIRST_NAME + 2 * k]);
		pg_attr(h, "mobile", r->v[L_FIRST_MOBILE + 2 * k]);
	}
	l->code[l->n] = ar_strdup(l->c->ar, r->v[L_CODE]);
	l->rows[l->n++] = u;
	return 0;
}

int
reg_list(struct ctx *c)
{
	const char *after = ctx_q(c, "after"), *before = ctx_q(c, "before");
	const char *missing = ctx_q(c, "missing"), *late = ctx_q(c, "late");
	struct list l = { .c = c };
	long long only = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	struct vfield role = { "missing", V_CHOICE, 0, 16, reg_set.role_choices };
	struct vfield code = { "after", V_TOKEN, 0, 32, NULL };

	c->view = VIEW(REG_VIEW_LIST);
	if (valid_check(&role, missing ? missing : "") != NULL)
		missing = NULL;
	reg_roles_node(c, missing);
	if ((after && valid_check(&code, after)) || (before && valid_check(&code, before)))
		return 400;
	int is_late = late != NULL && strcmp(late, "1") == 0;
	int back = before != NULL && *before;
	const char *key = back ? before : after ? after : "";

	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "missing", missing ? missing : "");
	pg_attr(f, "late", is_late ? "1" : "0");
	const char *m = missing ? missing : "";
	enum db_rc rc;
	if (only) {
		struct db_val p[] = { DBI(only), DBS(key), DBS(m), DBS(m), DBI(is_late) };
		rc = back ? SQL_RUN(c, REG_SQL_LIST_OWN_BEFORE, p, list_row, &l) :
		    SQL_RUN(c, REG_SQL_LIST_OWN_AFTER, p, list_row, &l);
	} else {
		struct db_val p[] = { DBS(key), DBS(m), DBS(m), DBI(is_late) };
		rc = back ? SQL_RUN(c, REG_SQL_LIST_BEFORE, p, list_row, &l) :
		    SQL_RUN(c, REG_SQL_LIST_AFTER, p, list_row, &l);
	}
	if (rc != DB_OK)
		return app_dberr(rc);

	int more = l.n > REG_PAGE_ROWS;
	size_t shown = more ? REG_PAGE_ROWS : l.n;
	l.units = pg_node(c->data, "units");
	/* Walking backwards fetched the rows in descending order: put them back. */
	for (size_t i = 0; i < shown; i++)
		xmlAddChild(l.units, l.rows[back ? shown - 1 - i : i]);
	if (shown > 0) {
		const char *first = l.code[back ? shown - 1 : 0], *last = l.code[back ? 0 : shown - 1];
		/* "previous" exists when we came forward from somewhere, or going back found more */
		if ((back && more) || (!back && *key))
			pg_attr(l.units, "prev", first);
		if ((!back && more) || back)
			pg_attr(l.units, "next", last);
	}
	pg_attri(l.units, "count", (long long)shown);
	return 200;
}
