/* xunit.c — see xunit.h. */
#include <stdio.h>
#include <string.h>
#include "xunit.h"

DB_COLNAMES(reg_x_cols, REG_X_COLS);

int
reg_x_row(struct xo *x, struct reg_x *u, const struct db_row *r)
{
	const char *const *v = r->v;
	if (strcmp(u->unit, v[XU_CODE]) != 0) {
		reg_x_end(x, u);
		snprintf(u->unit, sizeof(u->unit), "%s", v[XU_CODE]);
		xo_start(x, "unit");
		xo_attr(x, "code", v[XU_CODE]);
		xo_attr(x, "kind", v[XU_KIND]);
		xo_elem(x, "name", v[XU_NAME]);
		xo_elem(x, "nameEn", v[XU_NAME_EN]);
	}
	if (r->null[XU_ROLE])
		return 0;
	xo_start(x, "holder");
	xo_attr(x, "role", v[XU_ROLE]);
	xo_elem(x, "name", v[XU_HOLDER]);
	xo_elem(x, "title", v[XU_TITLE]);
	xo_elem(x, "officePhone", v[XU_OFFICE_PHONE]);
	xo_elem(x, "mobile", v[XU_MOBILE]);
	xo_elem(x, "email", v[XU_EMAIL]);
	xo_elem(x, "effective", v[XU_EFFECTIVE]);
	xo_datetime(x, "reported", v[XU_REPORTED]);
	xo_elem(x, "deadline", v[XU_DEADLINE]);
	xo_elem(x, "late", strcmp(v[XU_LATE], "1") == 0 ? "true" : "false");
	xo_end(x);
	return 1;
}

void
reg_x_end(struct xo *x, struct reg_x *u)
{
	if (u->unit[0])
		xo_end(x);
	u->unit[0] = '\0';
}
