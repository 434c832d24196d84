/*
 * main.c — wangan-registration: routes, statements, settings.
 */
#include <stdio.h>
#include <string.h>
#include "reg.h"
#include "summary.h"

const char *const reg_role_code[REG_ROLE__MAX] = {
	"first", "direct", "secadmin", "liaison", "sysadmin",
};

struct reg_settings reg_set;

/*
 * The list reads the summary (summary.h): one row per unit, clustered by
 * code, so a page is one range read.  ?missing=ROLE picks the summary column
 * of that role with a CASE, so one statement serves every filter.  A unit's
 * own staff read their one row by unit id instead of scanning for it.  The
 * parameters are (key, missing, missing, late), after (unit id) for _OWN.
 */
#define REG_LIST_SQL(own, cmp, dir) \
	"SELECT unit_id, code, name, name_en, kind," \
	" first_name, first_mobile, direct_name, direct_mobile," \
	" secadmin_name, secadmin_mobile, liaison_name, liaison_mobile," \
	" sysadmin_name, sysadmin_mobile, late" \
	" FROM reg_summary" \
	" WHERE " own "active = 1 AND code " cmp " ?" \
	" AND (? = '' OR (CASE ? WHEN 'first' THEN first_name WHEN 'direct' THEN direct_name" \
	"  WHEN 'secadmin' THEN secadmin_name WHEN 'liaison' THEN liaison_name" \
	"  ELSE sysadmin_name END) IS NULL)" \
	" AND (? = 0 OR late = 1)" \
	" ORDER BY code " dir " LIMIT 51"

#define REG_HOLDER_SELECT \
	"SELECT id, role, name, title, COALESCE(office_phone, ''), COALESCE(mobile, '')," \
	" COALESCE(email, ''), effective_date, ended_date, reported_at, deadline, late," \
	" version, created_by FROM reg_holder "

const char *const reg_holder_cols[] = {
	"id", "role", "name", "title", "office-phone", "mobile", "email", "effective",
	"ended", "reported", "deadline", "late", "version", "by",
};
const size_t reg_holder_ncols = sizeof(reg_holder_cols) / sizeof(reg_holder_cols[0]);

const char *const reg_sql[REG_SQL__MAX] = {
	[REG_SQL_LIST_AFTER] = REG_LIST_SQL("", ">", "ASC"),
	[REG_SQL_LIST_BEFORE] = REG_LIST_SQL("", "<", "DESC"),
	[REG_SQL_LIST_OWN_AFTER] = REG_LIST_SQL("unit_id = ? AND ", ">", "ASC"),
	[REG_SQL_LIST_OWN_BEFORE] = REG_LIST_SQL("unit_id = ? AND ", "<", "DESC"),
	[REG_SQL_UNIT] =
	    "SELECT id, code, name, COALESCE(name_en, ''), kind FROM unit WHERE id = ? AND active = 1",
	[REG_SQL_HOLDERS] = REG_HOLDER_SELECT
	    "WHERE unit_id = ? ORDER BY role, effective_date DESC, id DESC",
	[REG_SQL_ON_DATE] = REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND effective_date <= ? AND (ended_date IS NULL OR ended_date > ?)"
	    " ORDER BY role, effective_date DESC, id DESC",
	[REG_SQL_CURRENT] = REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND is_current = 1 ORDER BY role",
	[REG_SQL_CURRENT_ROLE] = REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND role = ? AND is_current = 1",
	[REG_SQL_CURRENT_LOCK] = REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND role = ? AND is_current = 1 FOR UPDATE",
	[REG_SQL_CLOSE] =
	    "UPDATE reg_holder SET ended_date = ?, is_current = NULL, version = version + 1,"
	    " updated_by = ? WHERE id = ? AND version = ? AND is_current = 1",
	[REG_SQL_INSERT] =
	    "INSERT INTO reg_holder (unit_id, role, name, title, office_phone, mobile, email,"
	    " effective_date, is_current, reported_at, deadline, late, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,1,?,?,?,?,?,?)",
	[REG_SQL_NONCE] = "SELECT unit_id FROM reg_holder WHERE nonce = ?",
	[REG_SQL_SUMMARY] = REG_SUMMARY_REFRESH(" WHERE u.id = ?"),
	[REG_SQL_EXPORT] =
	    "SELECT u.code, u.name, COALESCE(u.name_en, ''), u.kind, h.role, h.name, h.title,"
	    " COALESCE(h.office_phone, ''), COALESCE(h.mobile, ''), COALESCE(h.email, ''),"
	    " h.effective_date, h.reported_at, h.deadline, h.late"
	    " FROM unit u LEFT JOIN reg_holder h ON h.unit_id = u.id AND h.is_current = 1"
	    " WHERE u.active = 1 ORDER BY u.code",
};

static const struct route routes[] = {
	{ REQ_GET,  "",                reg_list,        ROLES_ALL,      0 },
	{ REQ_GET,  "export.xml",      reg_export,      ROLES_READ_ALL, 0 },
	{ REQ_GET,  "{id}",            reg_unit,        ROLES_ALL,      0 },
	{ REQ_GET,  "{id}/print",      reg_print,       ROLES_ALL,      0 },
	{ REQ_GET,  "{id}/change",     reg_change_form, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "{id}/change",     reg_change,      ROLES_UNIT | ROLE_OFFICE, 0 },
};

static const char *const views[] = {
	"registration/list", "registration/unit", "registration/change", "registration/print",
};

/* registration.roles: which of the five roles this site keeps (seed 002 adds two). */
static int
reg_init(const struct config *cfg)
{
	char roles[256];
	size_t k = 0;
	reg_set.report_days = (int)config_int(cfg, "registration.report_days", 5, 1, 60);
	snprintf(roles, sizeof(roles), ",%s,", config_get(cfg, "registration.roles",
	    "first,direct,secadmin"));
	for (char *p = roles; *p; p++)
		if (*p == ' ')
			*p = ',';
	for (int r = 0; r < REG_ROLE__MAX; r++) {
		char key[32];
		snprintf(key, sizeof(key), ",%s,", reg_role_code[r]);
		/* The three roles of seed 000 are always kept. */
		reg_set.enabled[r] = r <= REG_SECADMIN || strstr(roles, key) != NULL;
		if (reg_set.enabled[r])
			reg_set.role_choices[k++] = reg_role_code[r];
	}
	reg_set.role_choices[k] = NULL;
	return 0;
}

static const struct module registration = {
	.name = "registration",
	.routes = routes, .nroutes = sizeof(routes) / sizeof(routes[0]),
	.sql = reg_sql, .nsql = REG_SQL__MAX,
	.views = views, .nviews = sizeof(views) / sizeof(views[0]),
	.init = reg_init,
	.export_fn = reg_export,
};

int
main(int argc, char **argv)
{
	return app_main(&registration, argc, argv);
}
