/*
 * unit.c — one unit: its current holders, the full history of who held each
 * role from when to when (or, with ?on=DATE, who held it that day), and the
 * print view of the registration form (登记表, seed 000 appendix 1).
 */
#include <stdlib.h>
#include <string.h>
#include "reg.h"

struct holders {
	struct ctx *c;
	xmlNodePtr parent;
	int n;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct holders *h = arg;
	xmlNodePtr u = pg_node(h->parent, "unit");
	pg_attr(u, "id", r->v[U_ID]);
	pg_attr(u, "code", r->v[U_CODE]);
	pg_attr(u, "kind", r->v[U_KIND]);
	pg_text(u, "name", h->c->lang == LANG_EN && *r->v[U_NAME_EN] ? r->v[U_NAME_EN] : r->v[U_NAME]);
	pg_text(u, "name-zh", r->v[U_NAME]);
	h->n++;
	return 0;
}

int
reg_load_unit(struct ctx *c, xmlNodePtr parent, long long id)
{
	struct holders h = { c, parent, 0 };
	struct db_val p[] = { DBI(id) };
	enum db_rc rc = SQL_RUN(c, REG_SQL_UNIT, p, unit_row, &h);
	if (rc != DB_OK)
		return app_dberr(rc);
	return h.n ? 200 : 404;
}

void
reg_roles_node(struct ctx *c, const char *selected)
{
	reg_roles_sync(c->cfg);
	xmlNodePtr rs = pg_node(c->data, "roles");
	pg_attri(rs, "report-days", reg_report_days(c->cfg));
	pg_attr(rs, "report-unit", reg_report_unit(c->cfg));
	for (int r = 0; r < REG_ROLE__MAX; r++) {
		if (!reg_set.enabled[r])
			continue;
		xmlNodePtr n = pg_node(rs, "role");
		pg_attr(n, "code", reg_role_code[r]);
		pg_attr(n, "required", reg_set.required[r] ? "1" : "0");
		if (selected != NULL && strcmp(selected, reg_role_code[r]) == 0)
			pg_attr(n, "selected", "1");
	}
}

/* Every holder row becomes <holder role=… …><name>…</name>…</holder>. */
static int
holder_row(void *arg, const struct db_row *r)
{
	struct holders *h = arg;
	xmlNodePtr n = pg_node(h->parent, "holder");
	pg_attr(n, "id", r->v[H_ID]);
	pg_attr(n, "role", r->v[H_ROLE]);
	pg_attr(n, "version", r->v[H_VERSION]);
	pg_attr(n, "late", r->v[H_LATE]);
	for (size_t i = H_NAME; i < reg_holder_col__MAX; i++)
		if (i != H_LATE && i != H_VERSION && !r->null[i])
			pg_text(n, reg_holder_cols[i], r->v[i]);
	return 0;
}

int
reg_current(struct ctx *c, xmlNodePtr parent, long long unit_id)
{
	struct holders h = { c, parent, 0 };
	struct db_val p[] = { DBI(unit_id) };
	enum db_rc rc = SQL_RUN(c, REG_SQL_CURRENT, p, holder_row, &h);
	return rc == DB_OK ? 200 : app_dberr(rc);
}

/* Unit checks shared by the unit page and the print view. */
static int
unit_open(struct ctx *c)
{
	if (!auth_unit_read(c, c->id))
		return auth_deny(c, "unit", c->id);
	int st = reg_load_unit(c, c->data, c->id);
	if (st != 200)
		return st;
	reg_roles_node(c, NULL);
	return reg_current(c, pg_node(c->data, "current"), c->id);
}

int
reg_unit(struct ctx *c)
{
	const char *on = ctx_q(c, "on");
	c->view = VIEW(REG_VIEW_UNIT);
	int st = unit_open(c);
	if (st != 200)
		return st;
	if (ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	pg_attr(c->data, "can-edit", auth_unit_write(c, c->id) ? "1" : "0");

	struct holders h = { c, pg_node(c->data, "history"), 0 };
	enum db_rc rc;
	if (on != NULL && *on) {
		pg_attr(h.parent, "on", on);	/* echoed, so the user sees what was wrong */
		if (wd_parse(on) == WD_INVALID) {
			pg_msg(c, "on", "date");
			return 422;
		}
		struct db_val p[] = { DBI(c->id), DBS(on), DBS(on) };
		rc = SQL_RUN(c, REG_SQL_ON_DATE, p, holder_row, &h);
	} else {
		struct db_val p[] = { DBI(c->id) };
		rc = SQL_RUN(c, REG_SQL_HOLDERS, p, holder_row, &h);
	}
	return rc == DB_OK ? 200 : app_dberr(rc);
}

int
reg_print(struct ctx *c)
{
	c->view = VIEW(REG_VIEW_PRINT);
	return unit_open(c);
}
