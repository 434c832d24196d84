/*
 * reg.h — the registration module (DOMAIN.md §1): responsible persons per
 * unit and role, their history, the reporting deadline, print and export.
 */
#ifndef WANGAN_REG_H
#define WANGAN_REG_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"

#define REG_PAGE_ROWS 50

enum reg_role { REG_FIRST, REG_DIRECT, REG_SECADMIN, REG_LIAISON, REG_SYSADMIN, REG_ROLE__MAX };

/* The statements (sql.c) and how many parameters each takes. */
#define REG_STATEMENTS(S) \
	S(REG_SQL_LIST_AFTER, 4) \
	S(REG_SQL_LIST_BEFORE, 4) \
	S(REG_SQL_LIST_OWN_AFTER, 5) \
	S(REG_SQL_LIST_OWN_BEFORE, 5) \
	S(REG_SQL_UNIT, 1) \
	S(REG_SQL_HOLDERS, 1) \
	S(REG_SQL_ON_DATE, 3) \
	S(REG_SQL_CURRENT, 1) \
	S(REG_SQL_CURRENT_ROLE, 2) \
	S(REG_SQL_CURRENT_LOCK, 2) \
	S(REG_SQL_CLOSE, 4) \
	S(REG_SQL_INSERT, 14) \
	S(REG_SQL_SUMMARY, 1) \
	S(REG_SQL_EXPORT, 0) \
	S(REG_SQL_DEMO_HAS, 0) \
	S(REG_SQL_DEMO_UNITS, 0) \
	S(REG_SQL_DEMO_HOLDER, 14) \
	S(REG_SQL_LQ_CODE_ASC, 19) S(REG_SQL_LQ_CODE_DESC, 19) \
	S(REG_SQL_LQ_NAME_ASC, 19) S(REG_SQL_LQ_NAME_DESC, 19) \
	S(REG_SQL_IMP_FIND, 1) \
	S(REG_SQL_IMP_GET, 1) \
	S(REG_SQL_IMP_FILE, 4) \
	S(REG_SQL_IMP_CHUNK, 3) \
	S(REG_SQL_IMP_READ, 1) \
	S(REG_SQL_IMP_DONE, 6) \
	S(REG_SQL_IMP_UNIT, 1) \
	S(REG_SQL_IMP_UNIT_LOCK, 1) \
	S(REG_SQL_IMP_UNIT_ADD, 5) \
	S(REG_SQL_IMP_UNIT_SET, 5) \
	S(REG_SQL_LATE_ITEMS, 2) \
	S(REG_SQL_CORRECT, 9)
DB_STATEMENTS(reg_sql_id, REG_STATEMENTS, REG_SQL__MAX);
extern const struct db_stmt reg_sql[REG_SQL__MAX];

/*
 * The REG_SQL_LIST_* columns: a unit of reg_summary with each role's holder
 * as (name, mobile) in role order, so role k's are L_FIRST_NAME + 2k.
 */
#define REG_LIST_COLS(C) \
	C(L_UNIT_ID, "unit_id") C(L_CODE, "code") C(L_NAME, "name") C(L_NAME_EN, "name_en") \
	C(L_KIND, "kind") C(L_FIRST_NAME, "first_name") C(L_FIRST_MOBILE, "first_mobile") \
	C(L_DIRECT_NAME, "direct_name") C(L_DIRECT_MOBILE, "direct_mobile") \
	C(L_SECADMIN_NAME, "secadmin_name") C(L_SECADMIN_MOBILE, "secadmin_mobile") \
	C(L_LIAISON_NAME, "liaison_name") C(L_LIAISON_MOBILE, "liaison_mobile") \
	C(L_SYSADMIN_NAME, "sysadmin_name") C(L_SYSADMIN_MOBILE, "sysadmin_mobile") \
	C(L_LATE, "late")
DB_COLUMNS(reg_list_col, REG_LIST_COLS);

/*
 * REG_SQL_LATE_ITEMS': the holders reported after their deadline, of the
 * units whose codes a list page spans, so the list says which role was
 * late and by how much instead of a bare "late".
 */
#define REG_LATE_COLS(C) \
	C(LT_UNIT_ID, "unit_id") C(LT_ID, "id") C(LT_ROLE, "role") C(LT_NAME, "name") \
	C(LT_DEADLINE, "deadline") C(LT_REPORTED, "reported") C(LT_CURRENT, "current")
DB_COLUMNS(reg_late_col, REG_LATE_COLS);
/* The most late items a list page shows per unit (the newest first). */
#define REG_LATE_PER_UNIT 3

/* REG_SQL_UNIT's. */
#define REG_UNIT_COLS(C) \
	C(U_ID, "id") C(U_CODE, "code") C(U_NAME, "name") C(U_NAME_EN, "name_en") C(U_KIND, "kind")
DB_COLUMNS(reg_unit_col, REG_UNIT_COLS);

/*
 * A holder row (REG_SQL_HOLDERS, _ON_DATE, _CURRENT*), its columns named as
 * the page XML names them: H_NAME … H_EMAIL are the change form's fields.
 */
#define REG_HOLDER_COLS(C) \
	C(H_ID, "id") C(H_ROLE, "role") C(H_NAME, "name") C(H_TITLE, "title") \
	C(H_OFFICE_PHONE, "office-phone") C(H_MOBILE, "mobile") C(H_EMAIL, "email") \
	C(H_EFFECTIVE, "effective") C(H_ENDED, "ended") C(H_REPORTED, "reported") \
	C(H_DEADLINE, "deadline") C(H_LATE, "late") C(H_VERSION, "version") C(H_BY, "by")
DB_COLUMNS(reg_holder_col, REG_HOLDER_COLS);
extern const char *const reg_holder_cols[reg_holder_col__MAX + 1];

/* REG_SQL_IMP_UNIT's: a unit by code, closed ones too (import.c). */
#define REG_IMP_UNIT_COLS(C) \
	C(IU_ID, "id") C(IU_NAME, "name") C(IU_KIND, "kind") C(IU_ACTIVE, "active") C(IU_VERSION, "version")
DB_COLUMNS(reg_imp_unit_col, REG_IMP_UNIT_COLS);

/* The views (main.c). */
enum reg_view { REG_VIEW_LIST, REG_VIEW_UNIT, REG_VIEW_CHANGE, REG_VIEW_PRINT, REG_VIEW_IMPORT,
	REG_VIEW__MAX };

extern const char *const reg_role_code[REG_ROLE__MAX];

/* Site settings, read once at start. */
struct reg_settings {
	int report_days;		/* registration.report_days at start; read reg_report_days() */
	int enabled[REG_ROLE__MAX];	/* registration.roles */
	/* registration.required_roles: an enabled role a unit must fill; the others
	 * are optional, shown "not set" and never counted as a gap */
	int required[REG_ROLE__MAX];
	const char *role_choices[REG_ROLE__MAX + 1];
};
extern struct reg_settings reg_set;

int reg_list(struct ctx *c);
int reg_unit(struct ctx *c);
int reg_print(struct ctx *c);
int reg_change_form(struct ctx *c);
int reg_change(struct ctx *c);
int reg_export(struct ctx *c);
/* The import of units and their responsible persons (import.c, core/import.h). */
int reg_import_form(struct ctx *c);
int reg_import_template(struct ctx *c);
int reg_import_upload(struct ctx *c);
int reg_import_confirm(struct ctx *c);
int reg_import_result(struct ctx *c);
/* wangan-registration --demo [SEED]: synthetic holders for the units there are. */
int reg_demo(struct ctx *c);

/* Loads the unit (id, code, name, …) into <unit> under parent; 404 when absent. */
int reg_load_unit(struct ctx *c, xmlNodePtr parent, long long id);
/* Adds <roles><role code=…/></roles>: the roles this site keeps; the one
 * named selected (the list's filter, or NULL) gets selected="1". */
void reg_roles_node(struct ctx *c, const char *selected);
/* The current holders of a unit as <holder> elements under parent. */
int reg_current(struct ctx *c, xmlNodePtr parent, long long unit_id);
/* registration.report_days as the site has it now: the office may change it without a restart (setting.h). */
int reg_report_days(const struct config *cfg);
/* registration.roles as the site has it now into reg_set.enabled/role_choices (main.c); cheap when unchanged. */
void reg_roles_sync(const struct config *cfg);
#endif
