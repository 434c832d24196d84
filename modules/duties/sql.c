/*
 * sql.c — the duties module's statements (duties.h names their parameters
 * and columns; checked against the server at start).  Tables: duty_*
 * (schema/034-duties.sql) and unit.
 */
#include "duties.h"

static DB_COLNAMES(def_cols, DU_DEF_COLS);
static DB_COLNAMES(list_cols, DU_LIST_COLS);
static DB_COLNAMES(sum_cols, DU_SUM_COLS);
static DB_COLNAMES(years_cols, DU_YEARS_COLS);
static DB_COLNAMES(unit_cols, DU_UNIT_COLS);
static DB_COLNAMES(inst_cols, DU_INST_COLS);
static DB_COLNAMES(fig_cols, DU_FIG_COLS);
static DB_COLNAMES(file_cols, DU_FILE_COLS);
static DB_COLNAMES(dl_cols, DU_DL_COLS);
static DB_COLNAMES(year_cols, DU_YEAR_COLS);
static DB_COLNAMES(meta_cols, DU_META_COLS);
static const char *const chunk_cols[] = { "data", NULL };

#define DU_INST_SELECT \
	"SELECT i.id, i.duty_id, d.code, d.title_zh, d.title_en, d.evidence_zh, d.evidence_en, d.owner," \
	" d.min_files, d.seed_ref, i.year, COALESCE(i.unit_id, 0) AS unit_id, COALESCE(u.code, '') AS unit_code," \
	" COALESCE(u.name, '') AS unit_name, COALESCE(u.name_en, '') AS unit_name_en, i.due_date, i.state," \
	" i.return_reason, COALESCE(i.submitted_at, '') AS submitted_at, COALESCE(i.submitted_by, '') AS submitted_by," \
	" COALESCE(i.decided_at, '') AS decided_at, COALESCE(i.decided_by, '') AS decided_by, i.version," \
	" i.updated_at, i.updated_by" \
	" FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id LEFT JOIN unit u ON u.id = i.unit_id" \
	" WHERE i.id = ?"

const struct db_stmt du_sql[DU_SQL__MAX] = {
	DB_SQL(DU_SQL_DEFS, "SELECT id, code, title_zh, title_en, owner, due_rule, due_month, due_day"
	    " FROM duty_def WHERE active = 1 ORDER BY sort, id", def_cols),
	/*
	 * Along duty_instance_year (year, id): a page is the next rows after
	 * the last id shown.  The unit filter is the reader's own unit for a
	 * unit account (list.c), so the office's own (no unit) never show there.
	 */
	DB_SQL(DU_SQL_LIST, "SELECT i.id, d.code, d.title_zh, d.title_en, d.owner, COALESCE(i.unit_id, 0) AS unit_id,"
	    " COALESCE(u.code, '') AS unit_code, COALESCE(u.name, '') AS unit_name,"
	    " COALESCE(u.name_en, '') AS unit_name_en, i.due_date, i.state, i.version,"
	    " (SELECT COUNT(*) FROM duty_file f WHERE f.instance_id = i.id) AS files"
	    " FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id LEFT JOIN unit u ON u.id = i.unit_id"
	    " WHERE i.year = ? AND (? = 0 OR i.unit_id = ?) AND (? = '' OR d.code = ?) AND i.id > ?"
	    " ORDER BY i.id LIMIT 101", list_cols),
	DB_SQL(DU_SQL_SUMMARY, "SELECT d.code, d.title_zh, d.title_en, COUNT(*) AS n,"
	    " CAST(SUM(i.state = 'accepted') AS SIGNED) AS done, CAST(SUM(i.state = 'submitted') AS SIGNED) AS submitted,"
	    " CAST(SUM(i.state IN ('open', 'returned') AND i.due_date < ?) AS SIGNED) AS overdue"
	    " FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id WHERE i.year = ?"
	    " GROUP BY d.id, d.code, d.title_zh, d.title_en, d.sort ORDER BY d.sort, d.id", sum_cols),
	DB_SQL(DU_SQL_YEARS, "SELECT y.year, (SELECT COUNT(*) FROM duty_instance i WHERE i.year = y.year) AS n,"
	    " (SELECT COUNT(*) FROM duty_instance i WHERE i.year = y.year AND i.state <> 'accepted') AS open"
	    " FROM duty_year y ORDER BY y.year DESC LIMIT 50", years_cols),
	DB_SQL(DU_SQL_UNITS, "SELECT id, code, name, COALESCE(name_en, '') AS name_en FROM unit"
	    " WHERE active = 1 AND kind <> 'school' ORDER BY code LIMIT 5000", unit_cols),
	DB_SQL(DU_SQL_GET, DU_INST_SELECT, inst_cols),
	DB_SQL(DU_SQL_LOCK, DU_INST_SELECT " FOR UPDATE", inst_cols),
	DB_SQL(DU_SQL_FIGURES, "SELECT f.id, f.code, f.label_zh, f.label_en, f.unit, f.min_value, f.max_value,"
	    " f.decimals, COALESCE(f.threshold, '') AS threshold, f.required, COALESCE(v.value, '') AS value"
	    " FROM duty_instance i JOIN duty_figure f ON f.duty_id = i.duty_id"
	    " LEFT JOIN duty_value v ON v.instance_id = i.id AND v.figure_id = f.id"
	    " WHERE i.id = ? ORDER BY f.sort, f.id LIMIT 16", fig_cols),
	DB_SQL(DU_SQL_FILES, "SELECT id, note, mime, size, filename, created_at, created_by FROM duty_file"
	    " WHERE instance_id = ? ORDER BY id LIMIT 20", file_cols),
	DB_SQL(DU_SQL_NFILES, "SELECT COUNT(*) AS n FROM duty_file WHERE instance_id = ?", db_count_cols),
	DB_SQL(DU_SQL_VALUE_SET, "INSERT INTO duty_value (instance_id, figure_id, value, updated_by) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_by = VALUES(updated_by)", NULL),
	DB_SQL(DU_SQL_VALUE_DEL, "DELETE FROM duty_value WHERE instance_id = ? AND figure_id = ?", NULL),
	DB_SQL(DU_SQL_TOUCH, "UPDATE duty_instance SET version = version + 1, updated_by = ?"
	    " WHERE id = ? AND version = ?", NULL),
	DB_SQL(DU_SQL_SUBMIT, "UPDATE duty_instance SET state = 'submitted', submitted_at = NOW(), submitted_by = ?,"
	    " updated_by = ?, version = version + 1"
	    " WHERE id = ? AND version = ? AND state IN ('open', 'returned')", NULL),
	DB_SQL(DU_SQL_DECIDE, "UPDATE duty_instance SET state = ?, return_reason = ?, decided_at = NOW(), decided_by = ?,"
	    " updated_by = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'submitted'", NULL),
	DB_SQL(DU_SQL_FILE_INSERT,
	    "INSERT INTO duty_file (mime, size, sha256, filename, created_by) VALUES (?, ?, ?, ?, ?)", NULL),
	DB_SQL(DU_SQL_FILE_LINK, "UPDATE duty_file SET instance_id = ?, unit_id = ?, note = ? WHERE id = ?", NULL),
	DB_SQL(DU_SQL_CHUNK_INSERT, "INSERT INTO duty_file_chunk (file_id, seq, data) VALUES (?, ?, ?)", NULL),
	DB_SQL(DU_SQL_FILE, "SELECT id, mime, size, COALESCE(instance_id, 0) AS instance_id,"
	    " COALESCE(unit_id, 0) AS unit_id FROM duty_file WHERE id = ?", dl_cols),
	DB_SQL(DU_SQL_CHUNKS, "SELECT data FROM duty_file_chunk WHERE file_id = ? ORDER BY seq", chunk_cols),
	DB_SQL(DU_SQL_FILE_META, "SELECT COALESCE(instance_id, 0) AS instance_id, filename, size, sha256, note"
	    " FROM duty_file WHERE id = ?", meta_cols),
	DB_SQL(DU_SQL_CHUNK_DEL, "DELETE FROM duty_file_chunk WHERE file_id = ?", NULL),
	DB_SQL(DU_SQL_FILE_DEL, "DELETE FROM duty_file WHERE id = ? AND instance_id = ?", NULL),
	DB_SQL(DU_SQL_YEAR_GET, "SELECT year, inspect_due, version FROM duty_year WHERE year = ?", year_cols),
	DB_SQL(DU_SQL_YEAR_PUT, "INSERT INTO duty_year (year, inspect_due, created_by, updated_by) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE version = version + IF(inspect_due = VALUES(inspect_due), 0, 1),"
	    " inspect_due = VALUES(inspect_due), updated_by = VALUES(updated_by)", NULL),
	/* INSERT IGNORE: opening a year again adds what is missing (a new unit) and keeps the rest */
	DB_SQL(DU_SQL_OPEN_UNITS, "INSERT IGNORE INTO duty_instance (duty_id, year, unit_id, due_date, created_by,"
	    " updated_by) SELECT ?, ?, u.id, ?, ?, ? FROM unit u WHERE u.active = 1 AND u.kind <> 'school'"
	    " ORDER BY u.code", NULL),
	DB_SQL(DU_SQL_OPEN_OFFICE, "INSERT IGNORE INTO duty_instance (duty_id, year, unit_id, due_date, created_by,"
	    " updated_by) VALUES (?, ?, NULL, ?, ?, ?)", NULL),
	DB_SQL(DU_SQL_SET_DUE, "UPDATE duty_instance i JOIN duty_def d ON d.id = i.duty_id"
	    " SET i.due_date = ?, i.version = i.version + 1, i.updated_by = ?"
	    " WHERE i.year = ? AND d.due_rule = 'office_sets' AND i.due_date <> ?", NULL),
};
