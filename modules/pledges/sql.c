/*
 * sql.c — the pledges module's statements, with the parameters and columns
 * pledges.h names for each (checked against the server at start).
 */
#include "pledges.h"

#define PL_KIND_ORDER "'school_pledge','unit_pledge','letter1','letter2','website'," \
	"'cloud_vm','hosted_server','software'"

/*
 * Who must sign what: the rules every site has (the school signs the school
 * pledge, every other unit the unit pledge, every vendor letter (2), every
 * person the software pledge) plus pledge_requirement for the letters only
 * some units need.  Columns: kind, party type, party id, the party's unit
 * (0 for a vendor), code, name, English name.
 */
#define PL_PARTIES \
	"SELECT 'school_pledge' AS kind, 'unit' AS ptype, u.id AS pid, u.id AS unit_id," \
	"  u.code AS code, u.name AS name, COALESCE(u.name_en, '') AS name_en" \
	"  FROM unit u WHERE u.active = 1 AND u.kind = 'school'" \
	" UNION ALL SELECT 'unit_pledge', 'unit', u.id, u.id, u.code, u.name, COALESCE(u.name_en, '')" \
	"  FROM unit u WHERE u.active = 1 AND u.kind <> 'school'" \
	" UNION ALL SELECT r.kind, 'unit', u.id, u.id, u.code, u.name, COALESCE(u.name_en, '')" \
	"  FROM pledge_requirement r JOIN unit u ON u.id = r.unit_id WHERE u.active = 1" \
	" UNION ALL SELECT 'letter2', 'vendor', v.id, 0, v.uscc, v.name, ''" \
	"  FROM pledge_vendor v WHERE v.active = 1" \
	" UNION ALL SELECT 'software', 'person', p.id, p.unit_id, p.staff_no, p.name, ''" \
	"  FROM pledge_person p JOIN unit u ON u.id = p.unit_id WHERE p.active = 1 AND u.active = 1"

/*
 * The coverage: every required (kind, party) with its current signing and,
 * where the site wants a re-sign for the kind, the first change of the
 * unit's first responsible person after that signing (a join and MIN, not a
 * correlated subquery: MariaDB 10.11 loses the outer derived table's columns
 * when a prepared statement with one runs a second time).  status: missing,
 * resign or signed; k orders missing first, then re-signs by change date
 * (the due date grows with it), then kind and party, and is the keyset of
 * the pager.  Parameters: resign kinds, only unit (×2), kind (×2), after,
 * status (×4), last overdue change date.
 */
#define PL_COVERAGE_BODY \
	"SELECT kind, ptype, pid, unit_id, code, name, name_en, COALESCE(sid, 0) AS signing_id," \
	" COALESCE(signed_date, '') AS signed_date, COALESCE(changed, '') AS changed_date, status, k FROM (" \
	" SELECT x.*, CASE WHEN x.sid IS NULL THEN 'missing' WHEN x.changed IS NOT NULL THEN 'resign'" \
	"  ELSE 'signed' END AS status," \
	"  CONCAT(CASE WHEN x.sid IS NULL THEN '0' WHEN x.changed IS NOT NULL THEN '1' ELSE '2' END," \
	"   COALESCE(x.changed, '0000-00-00'), LPAD(FIELD(x.kind, " PL_KIND_ORDER "), 2, '0')," \
	"   x.ptype, LPAD(x.pid, 10, '0')) AS k" \
	" FROM (SELECT q.kind, q.ptype, q.pid, q.unit_id, q.code, q.name, q.name_en," \
	"  s.id AS sid, s.signed_date, MIN(h.effective_date) AS changed" \
	"  FROM (" PL_PARTIES ") q" \
	"  LEFT JOIN pledge_signing s ON s.kind = q.kind AND s.party_type = q.ptype" \
	"   AND s.party_id = q.pid AND s.is_current = 1" \
	"  LEFT JOIN reg_holder h ON q.ptype = 'unit' AND FIND_IN_SET(q.kind, ?) > 0" \
	"   AND h.unit_id = q.pid AND h.role = 'first' AND h.effective_date > s.signed_date" \
	"  WHERE (? = 0 OR q.unit_id = ?) AND (? = '' OR q.kind = ?)" \
	"  GROUP BY q.kind, q.ptype, q.pid, q.unit_id, q.code, q.name, q.name_en, s.id, s.signed_date) x) y" \
	" WHERE k > ? AND (? = 'all' OR (? = 'open' AND status <> 'signed') OR status = ?" \
	"  OR (? = 'overdue' AND status = 'resign' AND changed <= ?))"
#define PL_COVERAGE_SQL PL_COVERAGE_BODY " ORDER BY k"

/*
 * The coverage with the list tools (core/listq.h): the same rows (after ""),
 * sorted by col and then k, the unique key, sought with (at, k), searched by
 * a prefix of the party's code (a unit's code, a vendor's USCC, a person's
 * staff number) or its name (the unit's, the vendor's, the person's).  The
 * rows come from a derived table of every required (kind, party), a few
 * thousand at most, so no index serves the sort: MariaDB sorts them.
 * Parameters: the coverage's 11, first, at (x2), after, like (x4), limit.
 */
#define PL_COVERAGE_LQ(col, cmp, dir) \
	"SELECT * FROM (" PL_COVERAGE_BODY ") z" \
	" WHERE (? = 1 OR " col " " cmp " ? OR (" col " = ? AND k " cmp " ?))" \
	" AND (? = '' OR code LIKE ? OR name LIKE ? OR name_en LIKE ?)" \
	" ORDER BY " col " " dir ", k " dir " LIMIT ?"

/*
 * The vendors with the list tools: active (or not), a unit's staff those
 * serving their unit, by col then id along (active, name[, id]) or (active[, id]),
 * searched by a prefix of the name, the USCC or the contact person.
 * Parameters: active, only unit (x2), first, at (x2), after, like (x4), limit.
 */
#define PL_VENDORS_LQ(col, cmp, dir) \
	"SELECT v.id, v.uscc, v.name, v.contact, v.phone, v.active, COALESCE(s.id, 0) AS signing_id," \
	" COALESCE(s.signed_date, '') AS signed_date FROM pledge_vendor v" \
	" LEFT JOIN pledge_signing s ON s.kind = 'letter2' AND s.party_type = 'vendor'" \
	"  AND s.party_id = v.id AND s.is_current = 1" \
	" WHERE v.active = ? AND (? = 0 OR EXISTS (SELECT 1 FROM pledge_vendor_unit vu" \
	"  WHERE vu.vendor_id = v.id AND vu.unit_id = ?))" \
	" AND (? = 1 OR " col " " cmp " ? OR (" col " = ? AND v.id " cmp " ?))" \
	" AND (? = '' OR v.name LIKE ? OR v.uscc LIKE ? OR v.contact LIKE ?)" \
	" ORDER BY " col " " dir ", v.id " dir " LIMIT ?"

#define PL_SIGNING_SELECT \
	"SELECT s.id, s.kind, s.party_type, s.party_id, COALESCE(s.unit_id, 0) AS unit_id, s.template_id," \
	" t.version, t.title, s.signer_name, s.signer_title, s.signed_date, s.sealed," \
	" COALESCE(s.is_current, 0) AS is_current, COALESCE(s.superseded_by, 0) AS superseded_by," \
	" s.created_at, s.created_by, COALESCE(s.scan_id, 0) AS scan_id," \
	" COALESCE(c.mime, '') AS scan_mime, COALESCE(c.size, 0) AS scan_size," \
	" COALESCE(c.sha256, '') AS scan_sha256" \
	" FROM pledge_signing s JOIN pledge_template t ON t.id = s.template_id" \
	" LEFT JOIN pledge_scan c ON c.id = s.scan_id "

#define PL_TEMPLATE_HEAD \
	"SELECT id, kind, version, title, published_at, published_by, note"

#define PL_VENDOR_SELECT \
	"SELECT id, uscc, name, contact, phone, email, active, version FROM pledge_vendor WHERE id = ?"

#define PL_CURRENT_SELECT \
	"SELECT id, signed_date FROM pledge_signing" \
	" WHERE kind = ? AND party_type = ? AND party_id = ? AND is_current = 1"

static DB_COLNAMES(coverage_cols, PL_COVERAGE_COLS);
static DB_COLNAMES(signing_cols, PL_SIGNING_COLS);
static DB_COLNAMES(template_head_cols, PL_TEMPLATE_HEAD_COLS);
static DB_COLNAMES(template_cols, PL_TEMPLATE_COLS);
static DB_COLNAMES(export_template_cols, PL_EXPORT_TEMPLATE_COLS);
static DB_COLNAMES(unit_cols, PL_UNIT_COLS);
static DB_COLNAMES(vendor_cols, PL_VENDOR_COLS);
static DB_COLNAMES(person_cols, PL_PERSON_COLS);
static DB_COLNAMES(persons_cols, PL_PERSONS_COLS);
static DB_COLNAMES(vendors_cols, PL_VENDORS_COLS);
static DB_COLNAMES(vendor_unit_cols, PL_VENDOR_UNIT_COLS);
static DB_COLNAMES(current_cols, PL_CURRENT_COLS);
static DB_COLNAMES(holder_cols, PL_HOLDER_COLS);
static DB_COLNAMES(chunk_cols, PL_CHUNK_COLS);
static DB_COLNAMES(next_cols, PL_NEXT_COLS);
static DB_COLNAMES(requirement_cols, PL_REQUIREMENT_COLS);
static DB_COLNAMES(serves_cols, PL_SERVES_COLS);

const struct db_stmt pl_sql[PL_SQL__MAX] = {
	DB_SQL(PL_SQL_COVERAGE, PL_COVERAGE_SQL " LIMIT 51", coverage_cols),
	DB_SQL(PL_SQL_COVERAGE_ALL, PL_COVERAGE_SQL, coverage_cols),
	DB_SQL(PL_SQL_COV_CODE_ASC, PL_COVERAGE_LQ("code", ">", "ASC"), coverage_cols),
	DB_SQL(PL_SQL_COV_CODE_DESC, PL_COVERAGE_LQ("code", "<", "DESC"), coverage_cols),
	DB_SQL(PL_SQL_COV_UNIT_ASC, PL_COVERAGE_LQ("name", ">", "ASC"), coverage_cols),
	DB_SQL(PL_SQL_COV_UNIT_DESC, PL_COVERAGE_LQ("name", "<", "DESC"), coverage_cols),
	DB_SQL(PL_SQL_COV_STATUS_ASC, PL_COVERAGE_LQ("status", ">", "ASC"), coverage_cols),
	DB_SQL(PL_SQL_COV_STATUS_DESC, PL_COVERAGE_LQ("status", "<", "DESC"), coverage_cols),
	DB_SQL(PL_SQL_EXPORT_TEMPLATES,
	    "SELECT id, kind, version, title, published_at, sha256 FROM pledge_template"
	    " ORDER BY FIELD(kind, " PL_KIND_ORDER "), version", export_template_cols),
	DB_SQL(PL_SQL_EXPORT_SIGNINGS, PL_SIGNING_SELECT "ORDER BY s.id", signing_cols),
	DB_SQL(PL_SQL_UNIT,
	    "SELECT id, code, name, COALESCE(name_en, '') AS name_en, kind FROM unit"
	    " WHERE id = ? AND active = 1", unit_cols),
	DB_SQL(PL_SQL_REQUIREMENTS,
	    "SELECT r.kind FROM pledge_requirement r WHERE r.unit_id = ?"
	    " ORDER BY FIELD(r.kind, " PL_KIND_ORDER ")", requirement_cols),
	DB_SQL(PL_SQL_VENDOR, PL_VENDOR_SELECT, vendor_cols),
	DB_SQL(PL_SQL_PERSON,
	    "SELECT id, staff_no, name, unit_id, active, version FROM pledge_person WHERE id = ?",
	    person_cols),
	DB_SQL(PL_SQL_FIRST_HOLDER,
	    "SELECT name, title FROM reg_holder WHERE unit_id = ? AND role = 'first' AND is_current = 1",
	    holder_cols),
	DB_SQL(PL_SQL_LATEST_TEMPLATE, PL_TEMPLATE_HEAD
	    " FROM pledge_template WHERE kind = ? ORDER BY version DESC LIMIT 1", template_head_cols),
	DB_SQL(PL_SQL_TEMPLATE, PL_TEMPLATE_HEAD ", sha256, body FROM pledge_template WHERE id = ?",
	    template_cols),
	DB_SQL(PL_SQL_TEMPLATES, PL_TEMPLATE_HEAD
	    " FROM pledge_template ORDER BY FIELD(kind, " PL_KIND_ORDER "), version DESC",
	    template_head_cols),
	DB_SQL(PL_SQL_CURRENT_SIGNING, PL_CURRENT_SELECT, current_cols),
	DB_SQL(PL_SQL_CURRENT_LOCK, PL_CURRENT_SELECT " FOR UPDATE", current_cols),
	DB_SQL(PL_SQL_SCAN_INSERT,
	    "INSERT INTO pledge_scan (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)", NULL),
	DB_SQL(PL_SQL_CHUNK_INSERT,
	    "INSERT INTO pledge_scan_chunk (scan_id, seq, data) VALUES (?,?,?)", NULL),
	DB_SQL(PL_SQL_SUPERSEDE,
	    "UPDATE pledge_signing SET is_current = NULL, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND is_current = 1", NULL),
	DB_SQL(PL_SQL_SUPERSEDED_BY, "UPDATE pledge_signing SET superseded_by = ? WHERE id = ?", NULL),
	DB_SQL(PL_SQL_SIGNING_INSERT,
	    "INSERT INTO pledge_signing (kind, template_id, party_type, party_id, unit_id, signer_name,"
	    " signer_title, signed_date, sealed, scan_id, is_current, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?,?)", NULL),
	DB_SQL(PL_SQL_SIGNING, PL_SIGNING_SELECT "WHERE s.id = ?", signing_cols),
	DB_SQL(PL_SQL_PARTY_SIGNINGS, PL_SIGNING_SELECT
	    "WHERE s.party_type = ? AND s.party_id = ?"
	    " ORDER BY FIELD(s.kind, " PL_KIND_ORDER "), s.signed_date DESC, s.id DESC", signing_cols),
	DB_SQL(PL_SQL_SCAN_CHUNKS,
	    "SELECT data FROM pledge_scan_chunk WHERE scan_id = ? ORDER BY seq", chunk_cols),
	DB_SQL(PL_SQL_PERSONS,
	    "SELECT id, staff_no, name, active FROM pledge_person WHERE unit_id = ?"
	    " ORDER BY active DESC, name LIMIT 1000", persons_cols),
	DB_SQL(PL_SQL_PERSON_INSERT,
	    "INSERT INTO pledge_person (unit_id, name, staff_no, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?)", NULL),
	DB_SQL(PL_SQL_VENDOR_SERVES,
	    "SELECT 1 AS serves FROM pledge_vendor_unit WHERE vendor_id = ? AND unit_id = ?", serves_cols),
	DB_SQL(PL_SQL_VENDORS_NAME_ASC, PL_VENDORS_LQ("v.name", ">", "ASC"), vendors_cols),
	DB_SQL(PL_SQL_VENDORS_NAME_DESC, PL_VENDORS_LQ("v.name", "<", "DESC"), vendors_cols),
	DB_SQL(PL_SQL_VENDORS_ID_ASC, PL_VENDORS_LQ("v.id", ">", "ASC"), vendors_cols),
	DB_SQL(PL_SQL_VENDORS_ID_DESC, PL_VENDORS_LQ("v.id", "<", "DESC"), vendors_cols),
	DB_SQL(PL_SQL_VENDOR_UNITS,
	    "SELECT u.id, u.code, u.name, COALESCE(u.name_en, '') AS name_en FROM pledge_vendor_unit vu"
	    " JOIN unit u ON u.id = vu.unit_id WHERE vu.vendor_id = ? ORDER BY u.code", vendor_unit_cols),
	DB_SQL(PL_SQL_VENDOR_LOCK, PL_VENDOR_SELECT " FOR UPDATE", vendor_cols),
	DB_SQL(PL_SQL_VENDOR_INSERT,
	    "INSERT INTO pledge_vendor (name, uscc, contact, phone, email, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(PL_SQL_VENDOR_UPDATE,
	    "UPDATE pledge_vendor SET name = ?, uscc = ?, contact = ?, phone = ?, email = ?, active = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ?", NULL),
	DB_SQL(PL_SQL_VENDOR_UNITS_CLEAR, "DELETE FROM pledge_vendor_unit WHERE vendor_id = ?", NULL),
	DB_SQL(PL_SQL_VENDOR_UNIT_ADD,
	    "INSERT INTO pledge_vendor_unit (vendor_id, unit_id) SELECT ?, id FROM unit"
	    " WHERE code = ? AND active = 1", NULL),
	DB_SQL(PL_SQL_TEMPLATE_NEXT,
	    "SELECT COALESCE(MAX(version), 0) + 1 AS next_version FROM pledge_template"
	    " WHERE kind = ? FOR UPDATE", next_cols),
	DB_SQL(PL_SQL_TEMPLATE_INSERT,
	    "INSERT INTO pledge_template (kind, version, title, body, sha256, note, nonce, published_by)"
	    " VALUES (?,?,?,?,?,?,?,?)", NULL),
	DB_SQL(PL_SQL_REQ_ADD,
	    "INSERT IGNORE INTO pledge_requirement (kind, unit_id, created_by) VALUES (?,?,?)", NULL),
	DB_SQL(PL_SQL_REQ_DEL, "DELETE FROM pledge_requirement WHERE kind = ? AND unit_id = ?", NULL),
	/* the demo data (demo.c); it writes vendors and scans through the statements above */
	DB_SQL(PL_SQL_DEMO_HAS, "SELECT COUNT(*) AS n FROM pledge_vendor", db_count_cols),
	/* by the unit's code; a site without that demo unit gets none */
	DB_SQL(PL_SQL_DEMO_PERSON,
	    "INSERT INTO pledge_person (unit_id, name, staff_no, created_by, updated_by)"
	    " SELECT id, ?, ?, 'demo', 'demo' FROM unit WHERE code = ?", NULL),
	DB_SQL(PL_SQL_DEMO_REQUIREMENT,
	    "INSERT INTO pledge_requirement (kind, unit_id, created_by)"
	    " SELECT ?, id, 'demo' FROM unit WHERE code = ?", NULL),
	/* The unit's current first responsible person signs version 1, a while after
	 * taking office ("before": the predecessor signed, so a re-sign is open).
	 * Parameters: kind, "before" or a date (x2), scan, nonce suffix, kind, unit code. */
	DB_SQL(PL_SQL_DEMO_SIGNING,
	    "INSERT INTO pledge_signing (kind, template_id, party_type, party_id, unit_id,"
	    " signer_name, signer_title, signed_date, sealed, scan_id, is_current, nonce, created_by,"
	    " updated_by) SELECT ?, t.id, 'unit', u.id, u.id, h.name, h.title,"
	    " IF(? = 'before', h.effective_date - INTERVAL 30 DAY, GREATEST(h.effective_date, ?)),"
	    " 1, ?, 1, CONCAT('demo', u.id, ?), 'demo', 'demo'"
	    " FROM unit u JOIN reg_holder h ON h.unit_id = u.id AND h.role = 'first' AND h.is_current = 1"
	    " JOIN pledge_template t ON t.kind = ? AND t.version = 1 WHERE u.code = ?", NULL),
};
