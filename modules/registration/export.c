/*
 * export.c — GET /registration/export.xml: every active unit with its current
 * holders, for the upstream platform, streamed (xmlout.h).  Valid against
 * schema/xml/registration.xsd.  Each <unit> is xunit.c's, as in the office's
 * upstream canonical export.
 */
#include "reg.h"
#include "xunit.h"

struct exp {
	struct xo x;
	struct reg_x u;
};

static int
export_row(void *arg, const struct db_row *r)
{
	struct exp *e = arg;
	reg_x_row(&e->x, &e->u, r);
	return e->x.err;
}

int
reg_export(struct ctx *c)
{
	struct exp e = { .u.unit = "" };
	if (xo_open(&e.x, c, "registration.xml", "registry", REG_X_NS) != 0)
		return 500;
	enum db_rc rc = SQL_RUN0(c, REG_SQL_EXPORT, export_row, &e);
	return xo_close(&e.x, rc);	/* closes the open <unit> too */
}
