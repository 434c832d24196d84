/*
 * reg.h — the registration module (DOMAIN.md §1): responsible persons per
 * unit and role, their history, the reporting deadline, print and export.
 */
#ifndef WANGAN_REG_H
#define WANGAN_REG_H
#include "app.h"

#define REG_PAGE_ROWS 50

enum reg_role { REG_FIRST, REG_DIRECT, REG_SECADMIN, REG_LIAISON, REG_SYSADMIN, REG_ROLE__MAX };

enum reg_sql {
	REG_SQL_LIST_AFTER,
	REG_SQL_LIST_BEFORE,
	REG_SQL_LIST_OWN_AFTER,
	REG_SQL_LIST_OWN_BEFORE,
	REG_SQL_UNIT,
	REG_SQL_HOLDERS,
	REG_SQL_ON_DATE,
	REG_SQL_CURRENT,
	REG_SQL_CURRENT_ROLE,
	REG_SQL_CURRENT_LOCK,
	REG_SQL_CLOSE,
	REG_SQL_INSERT,
	REG_SQL_NONCE,
	REG_SQL_SUMMARY,
	REG_SQL_EXPORT,
	REG_SQL__MAX
};

extern const char *const reg_role_code[REG_ROLE__MAX];
extern const char *const reg_sql[REG_SQL__MAX];

/* Site settings, read once at start. */
struct reg_settings {
	int report_days;		/* registration.report_days, default 5 */
	int enabled[REG_ROLE__MAX];	/* registration.roles */
	const char *role_choices[REG_ROLE__MAX + 1];
};
extern struct reg_settings reg_set;

/* Holder columns as selected by REG_SQL_HOLDERS, REG_SQL_ON_DATE, REG_SQL_CURRENT. */
extern const char *const reg_holder_cols[];
extern const size_t reg_holder_ncols;

int reg_list(struct ctx *c);
int reg_unit(struct ctx *c);
int reg_print(struct ctx *c);
int reg_change_form(struct ctx *c);
int reg_change(struct ctx *c);
int reg_export(struct ctx *c);

/* Loads the unit (id, code, name, …) into <unit> under parent; 404 when absent. */
int reg_load_unit(struct ctx *c, xmlNodePtr parent, long long id);
/* Adds <roles><role code=…/></roles>: the roles this site keeps; the one
 * named selected (the list's filter, or NULL) gets selected="1". */
void reg_roles_node(struct ctx *c, const char *selected);
/* The current holders of a unit as <holder> elements under parent. */
int reg_current(struct ctx *c, xmlNodePtr parent, long long unit_id);
#endif
