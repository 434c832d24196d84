/*
 * export.c — GET /registration/export.xml: every active unit with its current
 * holders, for the upstream platform, streamed (xmlout.h).  Valid against
 * schema/xml/registration.xsd.
 */
#include <stdio.h>
#include <string.h>
#include "reg.h"
#include "xmlout.h"

#define REG_XMLNS "urn:wangan:registration:1"

struct exp {
	struct xo x;
	char unit[64];		/* code of the open <unit>, "" before the first */
};

static int
export_row(void *arg, const struct db_row *r)
{
	struct exp *e = arg;
	struct xo *x = &e->x;

	if (strcmp(e->unit, r->v[0]) != 0) {
		if (e->unit[0])
			xo_end(x);
		snprintf(e->unit, sizeof(e->unit), "%s", r->v[0]);
		xo_start(x, "unit");
		xo_attr(x, "code", r->v[0]);
		xo_attr(x, "kind", r->v[3]);
		xo_elem(x, "name", r->v[1]);
		xo_elem(x, "nameEn", r->v[2]);
	}
	if (!r->null[4]) {
		xo_start(x, "holder");
		xo_attr(x, "role", r->v[4]);
		xo_elem(x, "name", r->v[5]);
		xo_elem(x, "title", r->v[6]);
		xo_elem(x, "officePhone", r->v[7]);
		xo_elem(x, "mobile", r->v[8]);
		xo_elem(x, "email", r->v[9]);
		xo_elem(x, "effective", r->v[10]);
		xo_datetime(x, "reported", r->v[11]);
		xo_elem(x, "deadline", r->v[12]);
		xo_elem(x, "late", strcmp(r->v[13], "1") == 0 ? "true" : "false");
		xo_end(x);
	}
	return x->err;
}

int
reg_export(struct ctx *c)
{
	struct exp e = { .unit = "" };
	if (xo_open(&e.x, c, "registration.xml", "registry", REG_XMLNS) != 0)
		return 500;
	enum db_rc rc = db_run(c->db, SQL(REG_SQL_EXPORT), NULL, 0, export_row, &e);
	return xo_close(&e.x, rc);	/* closes the open <unit> too */
}
