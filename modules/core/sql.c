/* sql.c — the core's statements; see sql.h. */
#include "sql.h"

static const char *const account_cols[ACC__MAX + 1] = {
	[ACC_ID] = "id", [ACC_LOGIN] = "login", [ACC_NAME] = "name", [ACC_ROLE] = "role",
	[ACC_UNIT_ID] = "unit_id", [ACC_UNIT_CODE] = "code", [ACC_UNIT_NAME] = "unit_name",
	[ACC_UNIT_NAME_EN] = "unit_name_en",
};
static const char *const calendar_cols[CAL__MAX + 1] = { [CAL_DAY] = "day", [CAL_KIND] = "kind" };
static const char *const nonce_cols[] = { "then_url", NULL };
static const char *const setting_cols[SET__MAX + 1] = { [SET_NAME] = "name", [SET_VALUE] = "value" };
static const char *const pick_cols[] = { "id", "code", "name", "name_en", NULL };

const struct db_stmt core_sql[CORE_SQL__MAX] = {
	DB_SQL(CORE_SQL_ACCOUNT,
	    "SELECT a.id, a.login, a.name, a.role, a.unit_id, u.code, u.name AS unit_name,"
	    " COALESCE(u.name_en, '') AS unit_name_en FROM account a JOIN unit u ON u.id = a.unit_id"
	    " WHERE a.login = ? AND a.active = 1", account_cols),
	DB_SQL(CORE_SQL_AUDIT,
	    "INSERT INTO audit (at, login, role, unit_id, module, record_type, record_id,"
	    " action, before_data, after_data, request_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(CORE_SQL_CALENDAR, "SELECT day, kind FROM calendar_day", calendar_cols),
	DB_SQL(CORE_SQL_TZ, "SET time_zone = ?", NULL),
	DB_SQL(CORE_SQL_LOCK_WAIT, "SET SESSION innodb_lock_wait_timeout = ?", NULL),
	/* the form nonces (tx.c): a double submit finds where the first one went */
	DB_SQL(CORE_SQL_NONCE_GET,
	    "SELECT then_url FROM form_nonce WHERE nonce = ? AND login = ?", nonce_cols),
	DB_SQL(CORE_SQL_NONCE_TAKE,
	    "INSERT INTO form_nonce (nonce, login, module, taken_at) VALUES (?,?,?,?)", NULL),
	DB_SQL(CORE_SQL_NONCE_DONE, "UPDATE form_nonce SET then_url = ? WHERE nonce = ?", NULL),
	DB_SQL(CORE_SQL_NONCE_PURGE, "DELETE FROM form_nonce WHERE taken_at < ? LIMIT 1000", NULL),
	/* i13 login: CORE_SQL_ACCOUNT by the unique sso_name (023) */
	DB_SQL(CORE_SQL_ACCOUNT_SSO,
	    "SELECT a.id, a.login, a.name, a.role, a.unit_id, u.code, u.name AS unit_name,"
	    " COALESCE(u.name_en, '') AS unit_name_en FROM account a JOIN unit u ON u.id = a.unit_id"
	    " WHERE a.sso_name = ? AND a.active = 1", account_cols),
	/* i13 office: the site settings (setting.c); MAX(version) reads the end of site_setting_version */
	DB_SQL(CORE_SQL_SETTING_VERSION, "SELECT COALESCE(MAX(version), 0) AS n FROM site_setting", db_count_cols),
	DB_SQL(CORE_SQL_SETTINGS, "SELECT name, value FROM site_setting LIMIT 32", setting_cols),
	/* i13 lists: the active units for a picker, by code along unit_active_code, at most ? */
	DB_SQL(CORE_SQL_UNIT_PICK,
	    "SELECT id, code, name, COALESCE(name_en, '') AS name_en FROM unit WHERE active = 1"
	    " ORDER BY code LIMIT ?", pick_cols),
};
