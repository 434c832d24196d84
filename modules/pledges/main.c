/*
 * main.c — wangan-pledges: routes, statements, settings.
 */
#include <stdio.h>
#include <string.h>
#include "pledges.h"

const char *const pl_kind_code[PL_KIND__MAX] = {
	"school_pledge", "unit_pledge", "letter1", "letter2", "website",
	"cloud_vm", "hosted_server", "software",
};
const char *const pl_party_code[PL_PARTY__MAX] = { "unit", "vendor", "person" };
const enum pl_party pl_kind_party[PL_KIND__MAX] = {
	[PL_SCHOOL_PLEDGE] = PL_UNIT, [PL_UNIT_PLEDGE] = PL_UNIT, [PL_LETTER1] = PL_UNIT,
	[PL_LETTER2] = PL_VENDOR, [PL_WEBSITE] = PL_UNIT, [PL_CLOUD_VM] = PL_UNIT,
	[PL_HOSTED_SERVER] = PL_UNIT, [PL_SOFTWARE] = PL_PERSON,
};

struct pl_settings pl_set;

#define PL_KIND_ORDER "'school_pledge','unit_pledge','letter1','letter2','website'," \
	"'cloud_vm','hosted_server','software'"

/*
 * Who must sign what: the rules every site has (the school signs the school
 * pledge, every other unit the unit pledge, every vendor letter (2), every
 * person the software pledge) plus pledge_requirement for the letters only
 * some units need.  Columns: kind, kind's order, party type, party id, the
 * party's unit (0 for a vendor), code, name, English name.
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
#define PL_COVERAGE_SQL \
	"SELECT kind, ptype, pid, unit_id, code, name, name_en, COALESCE(sid, 0)," \
	" COALESCE(signed_date, ''), COALESCE(changed, ''), status, k FROM (" \
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
	"  OR (? = 'overdue' AND status = 'resign' AND changed <= ?))" \
	" ORDER BY k"

#define PL_SIGNING_SELECT \
	"SELECT s.id, s.kind, s.party_type, s.party_id, COALESCE(s.unit_id, 0), s.template_id," \
	" t.version, t.title, s.signer_name, s.signer_title, s.signed_date, s.sealed," \
	" COALESCE(s.is_current, 0), COALESCE(s.superseded_by, 0), s.created_at, s.created_by," \
	" COALESCE(s.scan_id, 0), COALESCE(c.mime, ''), COALESCE(c.size, 0), COALESCE(c.sha256, '')" \
	" FROM pledge_signing s JOIN pledge_template t ON t.id = s.template_id" \
	" LEFT JOIN pledge_scan c ON c.id = s.scan_id "

const char *const pl_sql[PL_SQL__MAX] = {
	[PL_SQL_COVERAGE] = PL_COVERAGE_SQL " LIMIT 51",
	[PL_SQL_COVERAGE_ALL] = PL_COVERAGE_SQL,
	[PL_SQL_EXPORT_TEMPLATES] =
	    "SELECT id, kind, version, title, published_at, sha256 FROM pledge_template"
	    " ORDER BY FIELD(kind, " PL_KIND_ORDER "), version",
	[PL_SQL_EXPORT_SIGNINGS] = PL_SIGNING_SELECT "ORDER BY s.id",
	[PL_SQL_UNIT] =
	    "SELECT id, code, name, COALESCE(name_en, ''), kind FROM unit WHERE id = ? AND active = 1",
	[PL_SQL_UNIT_PARTIES] =
	    "SELECT r.kind FROM pledge_requirement r WHERE r.unit_id = ? ORDER BY FIELD(r.kind, " PL_KIND_ORDER ")",
	[PL_SQL_VENDOR] =
	    "SELECT id, uscc, name, contact, phone, email, active, version FROM pledge_vendor WHERE id = ?",
	[PL_SQL_PERSON] =
	    "SELECT id, staff_no, name, unit_id, active, version FROM pledge_person WHERE id = ?",
	[PL_SQL_FIRST_HOLDER] =
	    "SELECT name, title FROM reg_holder WHERE unit_id = ? AND role = 'first' AND is_current = 1",
	[PL_SQL_LATEST_TEMPLATE] =
	    "SELECT id, kind, version, title, published_at FROM pledge_template"
	    " WHERE kind = ? ORDER BY version DESC LIMIT 1",
	[PL_SQL_TEMPLATE] =
	    "SELECT id, kind, version, title, published_at, published_by, note, sha256, body"
	    " FROM pledge_template WHERE id = ?",
	[PL_SQL_TEMPLATES] =
	    "SELECT id, kind, version, title, published_at, published_by, note FROM pledge_template"
	    " ORDER BY FIELD(kind, " PL_KIND_ORDER "), version DESC",
	[PL_SQL_CURRENT_SIGNING] =
	    "SELECT id, signed_date FROM pledge_signing"
	    " WHERE kind = ? AND party_type = ? AND party_id = ? AND is_current = 1",
	[PL_SQL_CURRENT_LOCK] =
	    "SELECT id, signed_date FROM pledge_signing"
	    " WHERE kind = ? AND party_type = ? AND party_id = ? AND is_current = 1 FOR UPDATE",
	[PL_SQL_NONCE] = "SELECT id FROM pledge_signing WHERE nonce = ?",
	[PL_SQL_SCAN_INSERT] =
	    "INSERT INTO pledge_scan (mime, size, sha256, filename, created_by) VALUES (?,?,?,?,?)",
	[PL_SQL_CHUNK_INSERT] = "INSERT INTO pledge_scan_chunk (scan_id, seq, data) VALUES (?,?,?)",
	[PL_SQL_SUPERSEDE] =
	    "UPDATE pledge_signing SET is_current = NULL, version = version + 1, updated_by = ?"
	    " WHERE id = ? AND is_current = 1",
	[PL_SQL_SUPERSEDED_BY] = "UPDATE pledge_signing SET superseded_by = ? WHERE id = ?",
	[PL_SQL_SIGNING_INSERT] =
	    "INSERT INTO pledge_signing (kind, template_id, party_type, party_id, unit_id, signer_name,"
	    " signer_title, signed_date, sealed, scan_id, is_current, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?,?)",
	[PL_SQL_SIGNING] = PL_SIGNING_SELECT "WHERE s.id = ?",
	[PL_SQL_PARTY_SIGNINGS] = PL_SIGNING_SELECT
	    "WHERE s.party_type = ? AND s.party_id = ?"
	    " ORDER BY FIELD(s.kind, " PL_KIND_ORDER "), s.signed_date DESC, s.id DESC",
	[PL_SQL_SCAN_CHUNKS] = "SELECT data FROM pledge_scan_chunk WHERE scan_id = ? ORDER BY seq",
	[PL_SQL_PERSONS] =
	    "SELECT id, staff_no, name, active FROM pledge_person WHERE unit_id = ?"
	    " ORDER BY active DESC, name LIMIT 1000",
	[PL_SQL_PERSON_INSERT] =
	    "INSERT INTO pledge_person (unit_id, name, staff_no, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?)",
	[PL_SQL_PERSON_NONCE] = "SELECT unit_id FROM pledge_person WHERE nonce = ?",
	[PL_SQL_VENDOR_SERVES] = "SELECT 1 FROM pledge_vendor_unit WHERE vendor_id = ? AND unit_id = ?",
	/* Active (or inactive) vendors by name, paged by (name, id) along the index
	 * (active, name), with their current letter (2); a unit's staff see those
	 * serving their unit.  Parameters: active, only unit (x2), after name (x2), after id. */
	[PL_SQL_VENDORS] =
	    "SELECT v.id, v.uscc, v.name, v.contact, v.phone, v.active, COALESCE(s.id, 0),"
	    " COALESCE(s.signed_date, '') FROM pledge_vendor v"
	    " LEFT JOIN pledge_signing s ON s.kind = 'letter2' AND s.party_type = 'vendor'"
	    "  AND s.party_id = v.id AND s.is_current = 1"
	    " WHERE v.active = ? AND (? = 0 OR EXISTS (SELECT 1 FROM pledge_vendor_unit vu"
	    "  WHERE vu.vendor_id = v.id AND vu.unit_id = ?))"
	    " AND (v.name > ? OR (v.name = ? AND v.id > ?))"
	    " ORDER BY v.name, v.id LIMIT 51",
	[PL_SQL_VENDOR_UNITS] =
	    "SELECT u.id, u.code, u.name, COALESCE(u.name_en, '') FROM pledge_vendor_unit vu"
	    " JOIN unit u ON u.id = vu.unit_id WHERE vu.vendor_id = ? ORDER BY u.code",
	[PL_SQL_VENDOR_LOCK] =
	    "SELECT id, uscc, name, contact, phone, email, active, version FROM pledge_vendor"
	    " WHERE id = ? FOR UPDATE",
	[PL_SQL_VENDOR_INSERT] =
	    "INSERT INTO pledge_vendor (name, uscc, contact, phone, email, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?)",
	[PL_SQL_VENDOR_UPDATE] =
	    "UPDATE pledge_vendor SET name = ?, uscc = ?, contact = ?, phone = ?, email = ?, active = ?,"
	    " version = version + 1, updated_by = ? WHERE id = ? AND version = ?",
	[PL_SQL_VENDOR_NONCE] = "SELECT id FROM pledge_vendor WHERE nonce = ?",
	[PL_SQL_VENDOR_UNITS_CLEAR] = "DELETE FROM pledge_vendor_unit WHERE vendor_id = ?",
	[PL_SQL_VENDOR_UNIT_ADD] =
	    "INSERT INTO pledge_vendor_unit (vendor_id, unit_id) SELECT ?, id FROM unit"
	    " WHERE code = ? AND active = 1",
	[PL_SQL_TEMPLATE_NEXT] =
	    "SELECT COALESCE(MAX(version), 0) + 1 FROM pledge_template WHERE kind = ? FOR UPDATE",
	[PL_SQL_TEMPLATE_INSERT] =
	    "INSERT INTO pledge_template (kind, version, title, body, sha256, note, nonce, published_by)"
	    " VALUES (?,?,?,?,?,?,?,?)",
	[PL_SQL_TEMPLATE_NONCE] = "SELECT id FROM pledge_template WHERE nonce = ?",
	[PL_SQL_REQ_ADD] =
	    "INSERT IGNORE INTO pledge_requirement (kind, unit_id, created_by) VALUES (?,?,?)",
	[PL_SQL_REQ_DEL] = "DELETE FROM pledge_requirement WHERE kind = ? AND unit_id = ?",
};

static const struct route routes[] = {
	{ REQ_GET,  "",                   pl_coverage,   ROLES_ALL, 0 },
	{ REQ_GET,  "units/{id}",         pl_unit,       ROLES_ALL, 0 },
	{ REQ_POST, "units/{id}/persons", pl_person_add, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_GET,  "sign",               pl_sign_form,  ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "sign",               pl_sign,       ROLES_UNIT | ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_GET,  "signings/{id}",      pl_signing,    ROLES_ALL, 0 },
	{ REQ_GET,  "signings/{id}/scan", pl_scan,       ROLES_ALL, 0 },
	{ REQ_POST, "units/{id}/requirements", pl_requirement, ROLE_OFFICE, 0 },
	{ REQ_GET,  "vendors",            pl_vendors,    ROLES_ALL, 0 },
	{ REQ_GET,  "vendors/new",        pl_vendor_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "vendors/new",        pl_vendor_save, ROLE_OFFICE, 0 },
	{ REQ_GET,  "vendors/{id}",       pl_vendor,     ROLES_ALL, 0 },
	{ REQ_GET,  "vendors/{id}/edit",  pl_vendor_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "vendors/{id}/edit",  pl_vendor_save, ROLE_OFFICE, 0 },
	{ REQ_GET,  "templates/new",      pl_publish_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "templates/new",      pl_publish,    ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_GET,  "templates",          pl_templates,  ROLES_ALL, 0 },
	{ REQ_GET,  "templates/{id}",     pl_template,   ROLES_ALL, 0 },
	{ REQ_GET,  "templates/{id}/print", pl_print,    ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml",         pl_export,     ROLES_READ_ALL, 0 },
};

static const char *const views[] = {
	"pledges/coverage", "pledges/unit", "pledges/sign", "pledges/signing",
	"pledges/templates", "pledges/template", "pledges/print",
	"pledges/vendors", "pledges/vendor", "pledges/vendor_form", "pledges/publish",
};

int
pl_kind(const char *code)
{
	for (int k = 0; code != NULL && k < PL_KIND__MAX; k++)
		if (strcmp(code, pl_kind_code[k]) == 0)
			return k;
	return -1;
}

void
pl_kinds_node(struct ctx *c)
{
	xmlNodePtr ks = pg_node(c->data, "kinds");
	pg_attri(ks, "resign-days", pl_set.resign_days);
	for (int k = 0; k < PL_KIND__MAX; k++) {
		xmlNodePtr n = pg_node(ks, "kind");
		pg_attr(n, "code", pl_kind_code[k]);
		pg_attr(n, "party", pl_party_code[pl_kind_party[k]]);
		pg_attr(n, "resign", pl_set.resign[k] ? "1" : "0");
	}
}

/*
 * pledges.resign_kinds: which kinds need signing again when a unit's first
 * responsible person changes (default: the school and unit pledges, seed
 * 000); pledges.resign_days: within how many working days (default 10).
 */
static int
pl_init(const struct config *cfg)
{
	char list[256];
	size_t n = 0;
	snprintf(list, sizeof(list), ",%s,", config_get(cfg, "pledges.resign_kinds",
	    "school_pledge,unit_pledge"));
	for (char *p = list; *p; p++)
		if (*p == ' ')
			*p = ',';
	pl_set.resign_days = (int)config_int(cfg, "pledges.resign_days", 10, 1, 90);
	pl_set.domain = config_get(cfg, "pledges.domain", "example.edu.cn");
	pl_set.resign_list[0] = '\0';
	for (int k = 0; k < PL_KIND__MAX; k++) {
		char key[40];
		snprintf(key, sizeof(key), ",%s,", pl_kind_code[k]);
		/* only units have a first responsible person to change */
		pl_set.resign[k] = pl_kind_party[k] == PL_UNIT && strstr(list, key) != NULL;
		if (pl_set.resign[k])
			n += (size_t)snprintf(pl_set.resign_list + n, sizeof(pl_set.resign_list) - n,
			    "%s%s", n ? "," : "", pl_kind_code[k]);
		pl_set.kind_choices[k] = pl_kind_code[k];
	}
	pl_set.kind_choices[PL_KIND__MAX] = NULL;
	return 0;
}

static const struct module pledges = {
	.name = "pledges",
	.routes = routes, .nroutes = sizeof(routes) / sizeof(routes[0]),
	.legacy_sql = pl_sql, .nlegacy = PL_SQL__MAX,
	.views = views, .nviews = sizeof(views) / sizeof(views[0]),
	.init = pl_init,
	.export_fn = pl_export,
};

int
main(int argc, char **argv)
{
	return app_main(&pledges, argc, argv);
}
