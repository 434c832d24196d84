/*
 * export.c — GET /systems/export.xml (and `wangan-systems --export FILE`):
 * the inventory for the upstream platforms — every system with its unit,
 * kind, addresses, vendor, hosting, administrator, lifecycle, protection
 * level, filing, last assessment and next due date.  One unbuffered query
 * streamed row by row through xmlTextWriter (xmlout.h), so memory stays
 * flat whatever the size.  Valid against schema/xml/systems.xsd.  Each
 * <system> is xsystem.c's, as in the office's upstream canonical export.
 */
#include "systems.h"
#include "xsystem.h"

static int
export_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;
	sys_x_row(x, r);
	return x->err;
}

int
sys_export(struct ctx *c)
{
	struct xo x;
	if (xo_open(&x, c, "systems.xml", "systems", SYS_X_NS) != 0)
		return 500;
	xo_attr(&x, "today", wd_today_str(c->ar));
	enum db_rc rc = SQL_RUN0(c, SYS_SQL_EXPORT, export_row, &x);
	return xo_close(&x, rc);
}
