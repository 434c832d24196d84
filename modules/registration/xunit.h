/*
 * xunit.h — a unit with its current holders as registration.xsd's <unit>:
 * the columns that select it and the one writer of its XML.  Compiled into
 * wangan-registration (its /registration/export.xml, export.c) and
 * wangan-office (the upstream canonical export, modules/office/upcanon.c),
 * so both documents hold the same element from the same code.  Each binary
 * keeps its statements in its own sql.c: SELECT REG_X_SELECT with its own
 * FROM and WHERE — REG_X_ALL for every active unit — ordered by unit code,
 * a unit's rows together.
 */
#ifndef WANGAN_XUNIT_H
#define WANGAN_XUNIT_H
#include "db.h"
#include "xmlout.h"

#define REG_X_NS "urn:wangan:registration:1"

/* A unit, and one current holder of it or NULLs (a unit without holders). */
#define REG_X_COLS(C) \
	C(XU_CODE, "code") C(XU_NAME, "name") C(XU_NAME_EN, "name_en") C(XU_KIND, "kind") \
	C(XU_ROLE, "role") C(XU_HOLDER, "holder") C(XU_TITLE, "title") \
	C(XU_OFFICE_PHONE, "office_phone") C(XU_MOBILE, "mobile") C(XU_EMAIL, "email") \
	C(XU_EFFECTIVE, "effective_date") C(XU_REPORTED, "reported_at") C(XU_DEADLINE, "deadline") \
	C(XU_LATE, "late")
DB_COLUMNS(reg_x_col, REG_X_COLS);
/* REG_X_COLS' names, for a statement's DB_SQL entry (xunit.c). */
extern const char *const reg_x_cols[reg_x_col__MAX + 1];

/* The select list giving REG_X_COLS (after SELECT), over unit u and reg_holder h. */
#define REG_X_SELECT \
	" u.code, u.name, COALESCE(u.name_en, '') AS name_en, u.kind, h.role," \
	" h.name AS holder, h.title, COALESCE(h.office_phone, '') AS office_phone," \
	" COALESCE(h.mobile, '') AS mobile, COALESCE(h.email, '') AS email," \
	" h.effective_date, h.reported_at, h.deadline, h.late"
/* Every active unit with its current holders: the registration export, and the upstream full one. */
#define REG_X_ALL \
	" FROM unit u LEFT JOIN reg_holder h ON h.unit_id = u.id AND h.is_current = 1" \
	" WHERE u.active = 1 ORDER BY u.code"

/* The writer's state between rows: the open <unit>'s code, "" before the first. */
struct reg_x {
	char unit[64];
};
/*
 * Writes row r (REG_X_COLS): a new unit's <unit> (closing the open one),
 * then its <holder> when the row has one.  1 when it wrote a holder, else
 * 0; a failure shows in x->err.
 */
int reg_x_row(struct xo *x, struct reg_x *u, const struct db_row *r);
/* Closes the open <unit>, if any. */
void reg_x_end(struct xo *x, struct reg_x *u);
#endif
