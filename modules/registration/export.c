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

	if (strcmp(e->unit, r->v[X_CODE]) != 0) {
		if (e->unit[0])
			xo_end(x);
		snprintf(e->unit, sizeof(e->unit), "%s", r->v[X_CODE]);
		xo_start(x, "unit");
		xo_attr(x, "code", r->v[X_CODE]);
		xo_attr(x, "kind", r->v[X_KIND]);
		xo_elem(x, "name", r->v[X_NAME]);
		xo_elem(x, "nameEn", r->v[X_NAME_EN]);
	}
	if (!r->null[X_ROLE]) {
		xo_start(x, "holder");
		xo_attr(x, "role", r->v[X_ROLE]);
		xo_elem(x, "name", r->v[X_HOLDER]);
		xo_elem(x, "title", r->v[X_TITLE]);
		xo_elem(x, "officePhone", r->v[X_OFFICE_PHONE]);
		xo_elem(x, "mobile", r->v[X_MOBILE]);
		xo_elem(x, "email", r->v[X_EMAIL]);
		xo_elem(x, "effective", r->v[X_EFFECTIVE]);
		xo_datetime(x, "reported", r->v[X_REPORTED]);
		xo_elem(x, "deadline", r->v[X_DEADLINE]);
		xo_elem(x, "late", strcmp(r->v[X_LATE], "1") == 0 ? "true" : "false");
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
	enum db_rc rc = SQL_RUN0(c, REG_SQL_EXPORT, export_row, &e);
	return xo_close(&e.x, rc);	/* closes the open <unit> too */
}
