/*
 * sql.c — the registration module's statements, with the parameters and
 * columns reg.h names for each (checked against the server at start).
 */
#include "import.h"
#include "reg.h"
#include "xunit.h"

/*
 * The list reads the summary (schema 003, 008, 010): one row per unit, clustered by
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

/*
 * The list with its everyday tools (list.c, core/listq.h): one statement per
 * sort column and direction, in listq's order.  Sorted by code it reads the
 * clustered key, by name along reg_summary_name (schema 028), both with the
 * code as the tie, seeking (col, code) past the last row.  FORCE INDEX: on a
 * first page (no seek) MariaDB would rather sort the whole table than walk
 * an index that does not cover the row; a unit's own roles still read their
 * one row by reg_summary_unit.  The search ?q= is a
 * prefix of the code, the unit's names or any current holder's name: a scan
 * of reg_summary along the sort, bounded by the number of units (one row
 * each; a school has a few hundred, the bench 2,000), so five more indexes
 * on holder names would cost every change more than they save here.  The
 * parameters: (own, own, first, at, at, after, q, like × 8, missing, missing,
 * late, limit): a page asks for 51 rows, an export for all of them.
 */
#define REG_LQ_SQL(col, idx, cmp, dir) \
	"SELECT unit_id, code, name, name_en, kind," \
	" first_name, first_mobile, direct_name, direct_mobile," \
	" secadmin_name, secadmin_mobile, liaison_name, liaison_mobile," \
	" sysadmin_name, sysadmin_mobile, late" \
	" FROM reg_summary FORCE INDEX (" idx ", reg_summary_unit)" \
	" WHERE (? = 0 OR unit_id = ?) AND active = 1" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND code " cmp " ?))" \
	" AND (? = '' OR code LIKE ? OR name LIKE ? OR name_en LIKE ? OR first_name LIKE ?" \
	"  OR direct_name LIKE ? OR secadmin_name LIKE ? OR liaison_name LIKE ? OR sysadmin_name LIKE ?)" \
	" AND (? = '' OR (CASE ? WHEN 'first' THEN first_name WHEN 'direct' THEN direct_name" \
	"  WHEN 'secadmin' THEN secadmin_name WHEN 'liaison' THEN liaison_name" \
	"  ELSE sysadmin_name END) IS NULL)" \
	" AND (? = 0 OR late = 1)" \
	" ORDER BY " col " " dir ", code " dir " LIMIT ?"

#define REG_HOLDER_SELECT \
	"SELECT id, role, name, title, COALESCE(office_phone, '') AS `office-phone`," \
	" COALESCE(mobile, '') AS mobile, COALESCE(email, '') AS email," \
	" effective_date AS effective, ended_date AS ended, reported_at AS reported, deadline, late," \
	" version, created_by AS `by` FROM reg_holder "

static DB_COLNAMES(list_cols, REG_LIST_COLS);
static DB_COLNAMES(unit_cols, REG_UNIT_COLS);
static DB_COLNAMES(imp_unit_cols, REG_IMP_UNIT_COLS);
static DB_COLNAMES(late_cols, REG_LATE_COLS);
DB_COLNAMES(reg_holder_cols, REG_HOLDER_COLS);

const struct db_stmt reg_sql[REG_SQL__MAX] = {
	DB_SQL(REG_SQL_LIST_AFTER, REG_LIST_SQL("", ">", "ASC"), list_cols),
	DB_SQL(REG_SQL_LIST_BEFORE, REG_LIST_SQL("", "<", "DESC"), list_cols),
	DB_SQL(REG_SQL_LIST_OWN_AFTER, REG_LIST_SQL("unit_id = ? AND ", ">", "ASC"), list_cols),
	DB_SQL(REG_SQL_LIST_OWN_BEFORE, REG_LIST_SQL("unit_id = ? AND ", "<", "DESC"), list_cols),
	DB_SQL(REG_SQL_UNIT,
	    "SELECT id, code, name, COALESCE(name_en, '') AS name_en, kind FROM unit"
	    " WHERE id = ? AND active = 1", unit_cols),
	DB_SQL(REG_SQL_HOLDERS, REG_HOLDER_SELECT
	    "WHERE unit_id = ? ORDER BY role, effective_date DESC, id DESC", reg_holder_cols),
	DB_SQL(REG_SQL_ON_DATE, REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND effective_date <= ? AND (ended_date IS NULL OR ended_date > ?)"
	    " ORDER BY role, effective_date DESC, id DESC", reg_holder_cols),
	DB_SQL(REG_SQL_CURRENT, REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND is_current = 1 ORDER BY role", reg_holder_cols),
	DB_SQL(REG_SQL_CURRENT_ROLE, REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND role = ? AND is_current = 1", reg_holder_cols),
	DB_SQL(REG_SQL_CURRENT_LOCK, REG_HOLDER_SELECT
	    "WHERE unit_id = ? AND role = ? AND is_current = 1 FOR UPDATE", reg_holder_cols),
	DB_SQL(REG_SQL_CLOSE,
	    "UPDATE reg_holder SET ended_date = ?, is_current = NULL, version = version + 1,"
	    " updated_by = ? WHERE id = ? AND version = ? AND is_current = 1", NULL),
	DB_SQL(REG_SQL_INSERT,
	    "INSERT INTO reg_holder (unit_id, role, name, title, office_phone, mobile, email,"
	    " effective_date, is_current, reported_at, deadline, late, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,1,?,?,?,?,?,?)", NULL),
	/* the list's read model: schema/010's procedure, for one unit or (NULL) all */
	DB_SQL(REG_SQL_SUMMARY, "CALL reg_summary_refresh(?)", NULL),
	/* the demo loader (demo.c) */
	DB_SQL(REG_SQL_DEMO_HAS, "SELECT COUNT(*) AS n FROM reg_holder", db_count_cols),
	DB_SQL(REG_SQL_DEMO_UNITS, "SELECT id FROM unit WHERE active = 1 ORDER BY id", db_id_cols),
	DB_SQL(REG_SQL_DEMO_HOLDER,
	    "INSERT INTO reg_holder (unit_id, role, name, title, office_phone, mobile, email,"
	    " effective_date, ended_date, is_current, reported_at, deadline, late, nonce, created_by,"
	    " updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'demo','demo')", NULL),
	DB_SQL(REG_SQL_LQ_CODE_ASC, REG_LQ_SQL("code", "PRIMARY", ">", "ASC"), list_cols),
	DB_SQL(REG_SQL_LQ_CODE_DESC, REG_LQ_SQL("code", "PRIMARY", "<", "DESC"), list_cols),
	DB_SQL(REG_SQL_LQ_NAME_ASC, REG_LQ_SQL("name", "reg_summary_name", ">", "ASC"), list_cols),
	DB_SQL(REG_SQL_LQ_NAME_DESC, REG_LQ_SQL("name", "reg_summary_name", "<", "DESC"), list_cols),
	/*
	 * The late holders of the units a list page spans (code from … to): the
	 * unit's code index, then reg_holder_late (unit_id, late) per unit.
	 */
	DB_SQL(REG_SQL_LATE_ITEMS,
	    "SELECT h.unit_id, h.id, h.role, h.name, h.deadline, DATE(h.reported_at) AS reported,"
	    " COALESCE(h.is_current, 0) AS current"
	    " FROM unit u STRAIGHT_JOIN reg_holder h ON h.unit_id = u.id AND h.late = 1"
	    " WHERE u.code BETWEEN ? AND ? AND u.active = 1"
	    " ORDER BY u.code, h.deadline DESC, h.id DESC LIMIT 1000", late_cols),
	/* a correction of the current holder's own details: the same person, same term */
	DB_SQL(REG_SQL_CORRECT,
	    "UPDATE reg_holder SET name = ?, title = ?, office_phone = ?, mobile = ?, email = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ? AND is_current = 1"
	    " AND unit_id = ?", NULL),
	DB_SQL(REG_SQL_EXPORT, "SELECT" REG_X_SELECT REG_X_ALL, reg_x_cols),
	/* the import (import.c): the kept file, then units by code and their changes */
	DB_SQL(REG_SQL_IMP_FIND, IMP_SQL_FIND("units"), imp_file_cols),
	DB_SQL(REG_SQL_IMP_GET, IMP_SQL_GET("units"), imp_file_cols),
	DB_SQL(REG_SQL_IMP_FILE, IMP_SQL_FILE("units"), NULL),
	DB_SQL(REG_SQL_IMP_CHUNK, IMP_SQL_CHUNK, NULL),
	DB_SQL(REG_SQL_IMP_READ, IMP_SQL_READ, imp_data_cols),
	DB_SQL(REG_SQL_IMP_DONE, IMP_SQL_DONE, NULL),
	DB_SQL(REG_SQL_IMP_UNIT,
	    "SELECT id, name, kind, active, version FROM unit WHERE code = ?", imp_unit_cols),
	DB_SQL(REG_SQL_IMP_UNIT_LOCK,
	    "SELECT id, name, kind, active, version FROM unit WHERE code = ? FOR UPDATE", imp_unit_cols),
	DB_SQL(REG_SQL_IMP_UNIT_ADD,
	    "INSERT INTO unit (code, name, kind, created_by, updated_by) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(REG_SQL_IMP_UNIT_SET,
	    "UPDATE unit SET name = ?, kind = ?, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?", NULL),
};
