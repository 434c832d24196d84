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
	static const char *const cols[] = { "id", "code", "name", "name-en", "kind" };
	xmlNodePtr u = pg_node(h->parent, "unit");
	for (size_t i = 0; i < 5; i++) {
		if (i == 2 || i == 3)
			continue;
		pg_attr(u, cols[i], r->v[i]);
	}
	pg_text(u, "name", h->c->lang == LANG_EN && *r->v[3] ? r->v[3] : r->v[2]);
	pg_text(u, "name-zh", r->v[2]);
	h->n++;
	return 0;
}

int
reg_load_unit(struct ctx *c, xmlNodePtr parent, long long id)
{
	struct holders h = { c, parent, 0 };
	struct db_val p = DBI(id);
	enum db_rc rc = db_run(c->db, SQL(REG_SQL_UNIT), &p, 1, unit_row, &h);
	if (rc == DB_LOST)
		return APP_LOST;
	if (rc != DB_OK)
		return 500;
	return h.n ? 200 : 404;
}

void
reg_roles_node(struct ctx *c, const char *selected)
{
	xmlNodePtr rs = pg_node(c->data, "roles");
	pg_attri(rs, "report-days", reg_set.report_days);
	for (int r = 0; r < REG_ROLE__MAX; r++) {
		if (!reg_set.enabled[r])
			continue;
		xmlNodePtr n = pg_node(rs, "role");
		pg_attr(n, "code", reg_role_code[r]);
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
	pg_attr(n, "id", r->v[0]);
	pg_attr(n, "role", r->v[1]);
	pg_attr(n, "version", r->v[12]);
	pg_attr(n, "late", r->v[11]);
	for (size_t i = 2; i < reg_holder_ncols; i++)
		if (i != 11 && i != 12 && !r->null[i])
			pg_text(n, reg_holder_cols[i], r->v[i]);
	return 0;
}

int
reg_current(struct ctx *c, xmlNodePtr parent, long long unit_id)
{
	struct holders h = { c, parent, 0 };
	struct db_val p = DBI(unit_id);
	enum db_rc rc = db_run(c->db, SQL(REG_SQL_CURRENT), &p, 1, holder_row, &h);
	return rc == DB_LOST ? APP_LOST : rc == DB_OK ? 200 : 500;
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
	const char *on = app_q(c, "on");
	c->view = "registration/unit";
	int st = unit_open(c);
	if (st != 200)
		return st;
	if (app_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	pg_attr(c->data, "can-edit", auth_unit_write(c, c->id) ? "1" : "0");

	struct holders h = { c, pg_node(c->data, "history"), 0 };
	struct db_val p[3] = { DBI(c->id) };
	enum db_rc rc;
	if (on != NULL && *on) {
		pg_attr(h.parent, "on", on);	/* echoed, so the user sees what was wrong */
		if (wd_parse(on) == WD_INVALID) {
			pg_msg(c, "on", "date");
			return 422;
		}
		p[1] = DBS(on);
		p[2] = DBS(on);
		rc = db_run(c->db, SQL(REG_SQL_ON_DATE), p, 3, holder_row, &h);
	} else {
		rc = db_run(c->db, SQL(REG_SQL_HOLDERS), p, 1, holder_row, &h);
	}
	return rc == DB_LOST ? APP_LOST : rc == DB_OK ? 200 : 500;
}

int
reg_print(struct ctx *c)
{
	c->view = "registration/print";
	return unit_open(c);
}
