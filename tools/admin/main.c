/*
 * wangan-admin — the office's command line until a management UI exists:
 * loads units, accounts and the working-day calendar from CSV, and writes
 * synthetic demo data.  Every load is one transaction with an audit row, and
 * every value travels as a bound parameter.
 *
 *   wangan-admin [--config FILE] load-units FILE      code,name,name_en,kind
 *   wangan-admin [--config FILE] load-accounts FILE   login,name,role,unit_code
 *   wangan-admin [--config FILE] load-calendar FILE   date,kind,name
 *   wangan-admin [--config FILE] demo UNITS [SEED]    synthetic units and holders
 *   wangan-admin [--config FILE] demo-pledges          synthetic vendors, persons, signings
 *   wangan-admin [--config FILE] demo-systems N        synthetic systems, up to N
 *
 * A first line starting with "code", "login" or "date" is taken as a header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "buf.h"
#include "config.h"
#include "csv.h"
#include "db.h"
#include "legacy.h"
#include "log.h"
#include "valid.h"
#include "workday.h"
#include "../../modules/registration/summary.h"

#define ADMIN_MAX_FILE (64 * 1024 * 1024)

enum sql {
	S_UNIT, S_ACCOUNT, S_CALENDAR, S_AUDIT, S_UNIT_ID, S_HOLDER, S_HAS_HOLDERS, S_DAYS,
	S_SUMMARY, S_PL_HAS, S_PL_VENDOR, S_PL_VENDOR_UNIT, S_PL_PERSON, S_PL_REQ, S_PL_SCAN,
	S_PL_CHUNK, S_PL_SIGNING, S_SYS_COUNT, S_UNIT_COUNT, S_SYS_INSERT, S_SYS_ASSESS, S_SYS_LAST, S_SYS_FINDING, S_SYS_DUE,
	S_TZ,
	S__MAX
};

static const char *const sql[S__MAX] = {
	/* the site's time for DATETIME defaults, as the modules set it */
	[S_TZ] = "SET time_zone = ?",
	[S_UNIT] = "INSERT INTO unit (code, name, name_en, kind, created_by, updated_by)"
	    " VALUES (?,?,?,?,'admin-cli','admin-cli') ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " name_en = VALUES(name_en), kind = VALUES(kind), version = version + 1,"
	    " updated_by = 'admin-cli'",
	[S_ACCOUNT] = "INSERT INTO account (login, name, role, unit_id, created_by, updated_by)"
	    " SELECT ?, ?, ?, id, 'admin-cli', 'admin-cli' FROM unit WHERE code = ?"
	    " ON DUPLICATE KEY UPDATE account.name = VALUES(name), account.role = VALUES(role),"
	    " account.unit_id = VALUES(unit_id), account.version = account.version + 1,"
	    " account.updated_by = 'admin-cli'",
	[S_CALENDAR] = "INSERT INTO calendar_day (day, kind, name, created_by) VALUES (?,?,?,'admin-cli')"
	    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name)",
	[S_AUDIT] = "INSERT INTO audit (at, login, role, module, record_type, record_id, action,"
	    " after_data, request_id) VALUES (NOW(), 'admin-cli', 'office', 'admin', ?, 0, ?, ?, 'admin-cli')",
	[S_UNIT_ID] = "SELECT id FROM unit WHERE code = ?",
	[S_HOLDER] = "INSERT INTO reg_holder (unit_id, role, name, title, office_phone, mobile, email,"
	    " effective_date, ended_date, is_current, reported_at, deadline, late, nonce, created_by,"
	    " updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'demo','demo')",
	[S_HAS_HOLDERS] = "SELECT COUNT(*) FROM reg_holder",
	[S_DAYS] = "SELECT day, kind FROM calendar_day",
	/* every unit's row of the registration list's read model */
	[S_SUMMARY] = REG_SUMMARY_REFRESH(""),
	/* pledges (demo-pledges) */
	[S_PL_HAS] = "SELECT COUNT(*) FROM pledge_vendor",
	[S_PL_VENDOR] = "INSERT INTO pledge_vendor (name, uscc, contact, phone, email, nonce,"
	    " created_by, updated_by) VALUES (?,?,?,?,?,?,'demo','demo')",
	[S_PL_VENDOR_UNIT] = "INSERT INTO pledge_vendor_unit (vendor_id, unit_id)"
	    " SELECT ?, id FROM unit WHERE code = ?",
	[S_PL_PERSON] = "INSERT INTO pledge_person (unit_id, name, staff_no, created_by, updated_by)"
	    " SELECT id, ?, ?, 'demo', 'demo' FROM unit WHERE code = ?",
	[S_PL_REQ] = "INSERT INTO pledge_requirement (kind, unit_id, created_by)"
	    " SELECT ?, id, 'demo' FROM unit WHERE code = ?",
	[S_PL_SCAN] = "INSERT INTO pledge_scan (mime, size, sha256, filename, created_by)"
	    " VALUES ('application/pdf', ?, SHA2(?, 256), 'demo.pdf', 'demo')",
	[S_PL_CHUNK] = "INSERT INTO pledge_scan_chunk (scan_id, seq, data) VALUES (?, 0, ?)",
	/* the current first responsible person signs, a while after taking office
	 * ("before": the predecessor signed, so a re-sign is open) */
	[S_PL_SIGNING] = "INSERT INTO pledge_signing (kind, template_id, party_type, party_id, unit_id,"
	    " signer_name, signer_title, signed_date, sealed, scan_id, is_current, nonce, created_by,"
	    " updated_by) SELECT ?, t.id, 'unit', u.id, u.id, h.name, h.title,"
	    " IF(? = 'before', h.effective_date - INTERVAL 30 DAY, GREATEST(h.effective_date, ?)),"
	    " 1, ?, 1, CONCAT('demo', u.id, ?), 'demo', 'demo'"
	    " FROM unit u JOIN reg_holder h ON h.unit_id = u.id AND h.role = 'first' AND h.is_current = 1"
	    " JOIN pledge_template t ON t.kind = ? AND t.version = 1 WHERE u.code = ?",
	/* systems (demo-systems) */
	[S_SYS_COUNT] = "SELECT COUNT(*) FROM sys_system",
	[S_UNIT_COUNT] = "SELECT COUNT(*) FROM unit WHERE active = 1",
	/* the n-th active unit's system: (name, kind, url, ips, hosting, admin, phone, status,
	 * golive, level, graded, filing no, filing date, cii, nonce, unit offset) */
	[S_SYS_INSERT] = "INSERT INTO sys_system (unit_id, name, kind, url, ips, purpose, hosting,"
	    " admin_name, admin_phone, status, golive_date, level, graded_date, filing_no, filing_date,"
	    " cii, nonce, created_by, updated_by)"
	    " SELECT id, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 'demo'"
	    " FROM unit WHERE active = 1 ORDER BY id LIMIT 1 OFFSET ?",
	[S_SYS_ASSESS] = "INSERT INTO sys_assessment (system_id, assessed_date, agency, result, score,"
	    " nonce, created_by) VALUES (?, ?, '示例测评中心', ?, ?, ?, 'demo')",
	[S_SYS_LAST] = "UPDATE sys_system SET last_assessed = ?, last_assessment_id = ? WHERE id = ?",
	[S_SYS_FINDING] = "INSERT INTO sys_finding (assessment_id, system_id, description, fix_deadline,"
	    " done_date, nonce, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'demo', 'demo')",
	/*
	 * The next due date of every demo system, by the module's rule (modules/systems/due.c)
	 * in SQL: the level's cycle (parameters: months for levels 2, 3, 4) from the last
	 * assessment or the go-live date (MariaDB clamps month ends the same way), and for
	 * CII the yearly report date (month, day; twice) of the year after the last
	 * assessment, or the first on or after going live; the earlier; none when retired.
	 */
	[S_SYS_DUE] = "UPDATE sys_system s JOIN (SELECT id, f,"
	    "  CASE level WHEN 2 THEN f + INTERVAL ? MONTH WHEN 3 THEN f + INTERVAL ? MONTH"
	    "   WHEN 4 THEN f + INTERVAL ? MONTH END AS cyc,"
	    "  IF(cii = 1, MAKEDATE(YEAR(f), 1) + INTERVAL (? - 1) MONTH + INTERVAL (? - 1) DAY, NULL) AS rep,"
	    "  last_assessed FROM (SELECT id, level, cii, last_assessed,"
	    "   COALESCE(last_assessed, golive_date) AS f FROM sys_system"
	    "   WHERE created_by = 'demo' AND status <> 'retired') b) d ON d.id = s.id"
	    " SET s.next_due = NULLIF(LEAST(COALESCE(d.cyc, '9999-12-31'), COALESCE(IF(d.last_assessed IS NOT NULL"
	    "  OR d.rep < d.f, d.rep + INTERVAL 1 YEAR, d.rep), '9999-12-31')), '9999-12-31')",
};

/* The calendar as loaded, so demo deadlines count holidays like the modules do. */
static struct wd_cal cal;

static const char *const unit_kinds[] = { "school", "center", "college", "office", "affiliated", "other", NULL };
static const char *const roles[] = { "unit_staff", "unit_head", "office", "leader", "auditor", NULL };
static const char *const day_kinds[] = { "holiday", "workday", NULL };

static struct db *db;
static struct arena ar;

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	if (f == NULL)
		goto fail;
	if (fseek(f, 0, SEEK_END) != 0)
		goto fail;
	long n = ftell(f);
	if (n < 0 || n > ADMIN_MAX_FILE || fseek(f, 0, SEEK_SET) != 0)
		goto fail;
	p = malloc((size_t)n + 1);
	if (p == NULL || fread(p, 1, (size_t)n, f) != (size_t)n)
		goto fail;
	p[n] = '\0';
	*len = (size_t)n;
	fclose(f);
	return p;
fail:
	fprintf(stderr, "wangan-admin: cannot read %s (missing, unreadable or over %d bytes)\n",
	    path, ADMIN_MAX_FILE);
	free(p);
	if (f != NULL)
		fclose(f);
	return NULL;
}

static int
check(const char *file, int line, const struct vfield *f, const char *v)
{
	const char *e = valid_check(f, v);
	if (e == NULL)
		return 0;
	fprintf(stderr, "%s:%d: %s: %s ('%s')\n", file, line, f->key, e, v);
	return -1;
}

/*
 * Loads one CSV kind.  All rows or none: the first bad row is reported with
 * its line number and the transaction is rolled back.
 */
static int
load(const char *kind, const char *file)
{
	static const struct vfield uf[] = {
		{ "code", V_TOKEN, 1, 32, NULL }, { "name", V_TEXT, 1, 128, NULL },
		{ "name_en", V_TEXT, 0, 128, NULL }, { "kind", V_CHOICE, 1, 16, unit_kinds },
	};
	static const struct vfield af[] = {
		{ "login", V_TOKEN, 1, 64, NULL }, { "name", V_TEXT, 1, 64, NULL },
		{ "role", V_CHOICE, 1, 16, roles }, { "unit_code", V_TOKEN, 1, 32, NULL },
	};
	static const struct vfield cf[] = {
		{ "date", V_DATE, 1, 10, NULL }, { "kind", V_CHOICE, 1, 16, day_kinds },
		{ "name", V_TEXT, 0, 64, NULL },
	};
	const struct vfield *f = strcmp(kind, "units") == 0 ? uf : strcmp(kind, "accounts") == 0 ? af : cf;
	size_t nf = f == cf ? 3 : 4;
	int stmt = f == uf ? S_UNIT : f == af ? S_ACCOUNT : S_CALENDAR;
	size_t len, pos = 0;
	int line = 0, rows = 0, rc;
	const char *v[CSV_MAX_FIELDS];
	char *text = slurp(file, &len);

	if (text == NULL)
		return -1;
	if (db_begin(db) != DB_OK)
		goto fail;
	while (ar_reset(&ar), (rc = csv_record(&ar, text, len, &pos, v, CSV_MAX_FIELDS)) != 0) {
		line++;
		if (rc < 0) {
			fprintf(stderr, "%s:%d: malformed CSV record\n", file, line);
			goto fail;
		}
		if (rc == 1 && v[0][0] == '\0')
			continue;	/* blank line */
		if (line == 1 && strcmp(v[0], f[0].key) == 0)
			continue;	/* header */
		if ((size_t)rc < nf - (f == cf)) {
			fprintf(stderr, "%s:%d: expected %zu fields, found %d\n", file, line, nf, rc);
			goto fail;
		}
		struct db_val p[4];
		for (size_t i = 0; i < nf; i++) {
			const char *val = (size_t)rc > i ? v[i] : "";
			if (check(file, line, &f[i], val) != 0)
				goto fail;
			p[i] = f == uf && i == 2 ? DBSN(val) : DBS(val);
		}
		if (db_run(db, stmt, p, nf, NULL, NULL) != DB_OK) {
			fprintf(stderr, "%s:%d: the database refused the row\n", file, line);
			goto fail;
		}
		if (f == af && db_affected(db) == 0) {
			fprintf(stderr, "%s:%d: unit_code '%s' is not a known unit\n", file, line, v[3]);
			goto fail;
		}
		rows++;
	}
	struct buf after;
	buf_init(&after, &ar, 8192);
	buf_str(&after, "{\"file\":\"");
	buf_json(&after, file);
	buf_printf(&after, "\",\"rows\":%d}", rows);
	struct db_val ap[] = { DBS(kind), DBS("load"), DBS(buf_cstr(&after)) };
	if ((f == uf && db_run(db, S_SUMMARY, NULL, 0, NULL, NULL) != DB_OK) ||
	    db_run(db, S_AUDIT, ap, 3, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	printf("loaded %d %s from %s\n", rows, kind, file);
	free(text);
	return 0;
fail:
	db_rollback(db);
	free(text);
	fprintf(stderr, "wangan-admin: nothing loaded from %s\n", file);
	return -1;
}

/* A small deterministic generator, so demo and bench data are reproducible. */
static unsigned long long rng = 88172645463325252ULL;
static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
	"徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
	"勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文博" };
static const char *const titles[3][3] = {
	{ "党总支书记", "院长", "处长" }, { "副院长", "副处长", "副书记" }, { "网络安全员", "信息管理员", "科员" },
};
static const char *const demo_roles[] = { "first", "direct", "secadmin" };

static int
demo_holder(long long unit, int role, int eff, int end, int cur, int reported_late)
{
	char name[32], mobile[16], office[16], email[64], effs[11], ends[11], due[11], rep[20], nonce[40];
	snprintf(name, sizeof(name), "%s%s", surnames[rnd(20)], given[rnd(24)]);
	snprintf(mobile, sizeof(mobile), "1%u%09u", 3 + rnd(7), rnd(1000000000));
	snprintf(office, sizeof(office), "0371-6%07u", rnd(10000000));
	snprintf(email, sizeof(email), "u%lld.r%d.%u@example.edu.cn", unit, role, rnd(100000));
	wd_format(eff, effs);
	wd_format(end, ends);
	int d = wd_add(&cal, eff, 5);
	wd_format(d, due);
	int repday = reported_late ? d + 3 : eff + (int)rnd(3);
	wd_format(repday, rep);
	snprintf(rep + 10, sizeof(rep) - 10, " %02u:%02u:00", 8 + rnd(10), rnd(60));
	snprintf(nonce, sizeof(nonce), "demo%012lld%02d%010d", unit, role, eff);
	struct db_val p[] = {
		DBI(unit), DBS(demo_roles[role]), DBS(name), DBS(titles[role][rnd(3)]), DBS(office),
		DBS(mobile), DBS(email), DBS(effs), cur ? DBN : DBS(ends), cur ? DBI(1) : DBN,
		DBS(rep), DBS(due), DBI(reported_late), DBS(nonce),
	};
	return db_run(db, S_HOLDER, p, 14, NULL, NULL) == DB_OK ? 0 : -1;
}

static int
day_row(void *arg, const struct db_row *r)
{
	wd_add_text(arg, r->v[0], r->v[1]);
	return 0;
}

static int
id_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

/*
 * Synthetic units (the school, the center, then colleges and offices) with a
 * current holder for the three roles and, for some, earlier holders.  Runs
 * only once: a database that already has holders is left alone.
 */
static int
demo(long units, unsigned long long seed)
{
	static const char *const named[][3] = {
		{ "SCHOOL", "示例理工学院", "Example Institute of Technology" },
		{ "CENTER", "信息与网络管理中心", "Information and Network Center" },
		{ "C-CS", "计算机与软件学院", "School of Computer Science" },
		{ "C-ME", "机电工程学院", "School of Mechanical Engineering" },
		{ "C-EE", "电子信息学院", "School of Electronic Information" },
		{ "C-FL", "外国语学院", "School of Foreign Languages" },
		{ "C-MA", "数学与统计学院", "School of Mathematics" },
		{ "O-PARTY", "党委办公室", "Party Committee Office" },
		{ "O-ACAD", "教务处", "Academic Affairs Office" },
		{ "O-HR", "人事处", "Human Resources Office" },
		{ "O-FIN", "财务处", "Finance Office" },
		{ "A-LIB", "图书馆", "Library" },
		{ "O-STU", "学生工作处", "Student Affairs Office" },
		{ "A-HOSP", "校医院", "University Hospital" },
	};
	static const char *const kinds[] = { "school", "center", "college", "college", "college",
		"college", "college", "office", "office", "office", "office", "affiliated", "office", "affiliated" };
	long long have = 0;
	rng ^= seed * 0x9E3779B97F4A7C15ULL;
	wd_init(&cal);
	if (db_run(db, S_DAYS, NULL, 0, day_row, &cal) != DB_OK)
		return -1;
	if (db_run(db, S_HAS_HOLDERS, NULL, 0, id_row, &have) != DB_OK)
		return -1;
	if (have > 0) {
		printf("demo data already present (%lld holders); nothing written\n", have);
		return 0;
	}
	if (db_begin(db) != DB_OK)
		return -1;
	int today = wd_today();
	for (long i = 0; i < units; i++) {
		char code[32], name[128], en[128];
		const char *kind;
		if ((size_t)i < sizeof(named) / sizeof(named[0])) {
			snprintf(code, sizeof(code), "%s", named[i][0]);
			snprintf(name, sizeof(name), "%s", named[i][1]);
			snprintf(en, sizeof(en), "%s", named[i][2]);
			kind = kinds[i];
		} else {
			snprintf(code, sizeof(code), "U%06ld", i);
			snprintf(name, sizeof(name), "示例单位%06ld", i);
			snprintf(en, sizeof(en), "Example Unit %06ld", i);
			kind = i % 3 ? "office" : "college";
		}
		struct db_val up[] = { DBS(code), DBS(name), DBS(en), DBS(kind) };
		long long uid = 0;
		struct db_val cp = DBS(code);
		if (db_run(db, S_UNIT, up, 4, NULL, NULL) != DB_OK ||
		    db_run(db, S_UNIT_ID, &cp, 1, id_row, &uid) != DB_OK)
			goto fail;
		/* Leave a few units without a security administrator, for the "missing" filter. */
		int roles_here = i > 1 && i % 7 == 5 ? 2 : 3;
		for (int r = 0; r < roles_here; r++) {
			int eff = today - 30 - (int)rnd(900);
			int past = rnd(3);	/* 0-2 earlier holders */
			int start = eff - 400 * past - (int)rnd(300);
			for (int k = 0; k < past; k++) {
				int end = start + 400;
				if (demo_holder(uid, r, start, end, 0, rnd(6) == 0) != 0)
					goto fail;
				start = end;
			}
			if (demo_holder(uid, r, start, 0, 1, rnd(8) == 0) != 0)
				goto fail;
		}
		if (i % 5000 == 4999 && (db_commit(db) != DB_OK || db_begin(db) != DB_OK))
			goto fail;
	}
	struct db_val ap[] = { DBS("demo"), DBS("demo"), DBS("{\"synthetic\":true}") };
	if (db_run(db, S_SUMMARY, NULL, 0, NULL, NULL) != DB_OK ||
	    db_run(db, S_AUDIT, ap, 3, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	printf("wrote %ld synthetic units with holders\n", units);
	return 0;
fail:
	db_rollback(db);
	fprintf(stderr, "wangan-admin: demo data failed\n");
	return -1;
}

/*
 * Synthetic pledges data for the named demo units: vendors with valid
 * credit codes serving some units, persons, the letters some units need,
 * and signed pledges with a small scan — enough that the coverage page
 * shows missing, signed and re-sign rows.  Runs only once.
 */
static int
demo_pledges(void)
{
	static const char *const vendors[][4] = {	/* name, code prefix, contact, units */
		{ "示例软件技术有限公司", "91410100MA4DEM001", "赵工", "C-CS O-ACAD" },
		{ "示例网络科技有限公司", "91410100MA4DEM002", "钱经理", "CENTER" },
		{ "示例信息系统集成有限公司", "91410100MA4DEM003", "孙工", "O-FIN A-LIB" },
	};
	static const char *const persons[][3] = {
		{ "C-CS", "周明", "D2019001" }, { "C-CS", "吴丽", "D2020114" }, { "C-CS", "郑强", "D2021087" },
		{ "C-ME", "王芳", "D2018042" }, { "C-ME", "冯磊", "D2022015" },
	};
	static const char *const reqs[][2] = {
		{ "letter1", "CENTER" }, { "letter1", "C-CS" }, { "website", "C-CS" }, { "website", "A-LIB" },
		{ "cloud_vm", "C-ME" }, { "hosted_server", "O-FIN" },
	};
	static const char *const signs[][3] = {	/* kind, unit, signed on or after */
		{ "school_pledge", "SCHOOL", "2025-03-10" }, { "unit_pledge", "CENTER", "2025-03-12" },
		{ "unit_pledge", "C-CS", "2025-03-14" }, { "unit_pledge", "C-ME", "before" },
		{ "unit_pledge", "O-ACAD", "2025-03-20" }, { "unit_pledge", "A-LIB", "2024-09-02" },
		{ "letter1", "CENTER", "2025-04-01" }, { "website", "A-LIB", "2025-05-06" },
	};
	static const char pdf[] = "%PDF-1.4\n% wangan demo scan: synthetic\n%%EOF\n";
	long long have = 0, id = 0;
	char uscc[19], nonce[40];

	if (db_run(db, S_PL_HAS, NULL, 0, id_row, &have) != DB_OK)
		return -1;
	if (have > 0) {
		printf("pledges demo data already present; nothing written\n");
		return 0;
	}
	if (db_begin(db) != DB_OK)
		return -1;
	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++) {
		snprintf(uscc, sizeof(uscc), "%s%c", vendors[i][1], valid_uscc_check(vendors[i][1]));
		snprintf(nonce, sizeof(nonce), "demovendor%zu", i);
		struct db_val v[] = { DBS(vendors[i][0]), DBS(uscc), DBS(vendors[i][2]),
			DBS("0371-60000000"), DBS("contact@example.com"), DBS(nonce) };
		if (db_run(db, S_PL_VENDOR, v, 6, NULL, NULL) != DB_OK)
			goto fail;
		id = (long long)db_insert_id(db);
		char units[64], *save = NULL;
		snprintf(units, sizeof(units), "%s", vendors[i][3]);
		for (char *u = strtok_r(units, " ", &save); u != NULL; u = strtok_r(NULL, " ", &save)) {
			struct db_val vu[] = { DBI(id), DBS(u) };
			if (db_run(db, S_PL_VENDOR_UNIT, vu, 2, NULL, NULL) != DB_OK)
				goto fail;
		}
	}
	for (size_t i = 0; i < sizeof(persons) / sizeof(persons[0]); i++) {
		struct db_val p[] = { DBS(persons[i][1]), DBS(persons[i][2]), DBS(persons[i][0]) };
		if (db_run(db, S_PL_PERSON, p, 3, NULL, NULL) != DB_OK)
			goto fail;
	}
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		struct db_val r[] = { DBS(reqs[i][0]), DBS(reqs[i][1]) };
		if (db_run(db, S_PL_REQ, r, 2, NULL, NULL) != DB_OK)
			goto fail;
	}
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++) {
		struct db_val sc[] = { DBI((long long)sizeof(pdf) - 1), DBS(pdf) };
		if (db_run(db, S_PL_SCAN, sc, 2, NULL, NULL) != DB_OK)
			goto fail;
		id = (long long)db_insert_id(db);
		struct db_val ch[] = { DBI(id), DBB(pdf, sizeof(pdf) - 1) };
		snprintf(nonce, sizeof(nonce), "%s", signs[i][0]);
		struct db_val sg[] = { DBS(signs[i][0]), DBS(signs[i][2]), DBS(signs[i][2]), DBI(id),
			DBS(nonce), DBS(signs[i][0]), DBS(signs[i][1]) };
		if (db_run(db, S_PL_CHUNK, ch, 2, NULL, NULL) != DB_OK ||
		    db_run(db, S_PL_SIGNING, sg, 7, NULL, NULL) != DB_OK)
			goto fail;
	}
	struct db_val ap[] = { DBS("demo"), DBS("demo-pledges"), DBS("{\"synthetic\":true}") };
	if (db_run(db, S_AUDIT, ap, 3, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	printf("wrote synthetic vendors, persons, requirements and signings\n");
	return 0;
fail:
	db_rollback(db);
	fprintf(stderr, "wangan-admin: pledges demo data failed\n");
	return -1;
}

/*
 * Synthetic systems, spread over the active units until there are n: kinds,
 * levels and lifecycle states mixed; every online system of level 2 or
 * above has the passing assessment the gate asks for.  Adds only what is
 * missing, so the bench can grow an existing stack to its 20,000.
 */
static int
demo_systems(const struct config *cfg, long n)
{
	static const char *const kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
		"dingtalk_app", "mobile_app", "other" };
	static const char *const names[] = { "教务管理系统", "门户网站", "一卡通平台", "科研管理系统",
		"学院网站", "招生信息网", "图书馆资源平台", "统一身份认证" };
	static const char *const hosting[] = { "cloud_vm", "hosted_server", "external" };
	static const char *const status[] = { "planned", "building", "trial", "online", "online",
		"online", "retired" };
	long long have = 0, units = 0;
	int today = wd_today(), cii_month = 12, cii_day = 15;

	if (sscanf(config_get(cfg, "systems.cii_due", "12-15"), "%d-%d", &cii_month, &cii_day) != 2)
		return -1;
	if (db_run(db, S_SYS_COUNT, NULL, 0, id_row, &have) != DB_OK ||
	    db_run(db, S_UNIT_COUNT, NULL, 0, id_row, &units) != DB_OK || units == 0)
		return -1;
	if (have >= n) {
		printf("%lld demo systems already present; nothing written\n", have);
		return 0;
	}
	if (db_begin(db) != DB_OK)
		return -1;
	for (long i = have; i < n; i++) {
		char name[160], url[64], ips[64], phone[16], golive[11], graded[11], filing[40], fdate[11];
		char nonce[40], adate[11];
		const char *st = status[rnd(7)];
		int level = rnd(10) < 2 ? 0 : 1 + (int)rnd(rnd(4) ? 3 : 4);
		int live = today - 60 - (int)rnd(1500);
		snprintf(name, sizeof(name), "%s%06ld", names[rnd(8)], i);
		snprintf(url, sizeof(url), "sys%06ld.example.edu.cn", i);
		snprintf(ips, sizeof(ips), "10.%u.%u.%u", rnd(256), rnd(256), 1 + rnd(254));
		snprintf(phone, sizeof(phone), "1%u%09u", 3 + rnd(7), rnd(1000000000));
		wd_format(live, golive);
		wd_format(live - 90, graded);
		wd_format(live - 30, fdate);
		snprintf(filing, sizeof(filing), "41010099%06ld-%05u", i, rnd(100000));
		snprintf(nonce, sizeof(nonce), "demo-system-%ld", i);
		int has_live = strcmp(st, "planned") != 0 && strcmp(st, "building") != 0;
		struct db_val p[] = {
			DBS(name), DBS(kinds[rnd(7)]), DBS(url), DBS(ips), DBS(hosting[rnd(3)]),
			DBS(surnames[rnd(20)]), DBS(phone), DBS(st), has_live ? DBS(golive) : DBN,
			level ? DBI(level) : DBN, level ? DBS(graded) : DBN,
			DBS(level >= 2 ? filing : ""), level >= 2 ? DBS(fdate) : DBN, DBI(level >= 3 && rnd(20) == 0),
			DBS(nonce), DBI(i % units),
		};
		if (db_run(db, S_SYS_INSERT, p, 16, NULL, NULL) != DB_OK)
			goto fail;
		long long id = (long long)db_insert_id(db);
		if (level >= 2 && has_live) {
			int last = live - 20 + (rnd(2) ? 0 : (int)rnd(700));	/* some re-assessed since */
			if (last >= today)
				last = today - 1;
			wd_format(last, adate);
			snprintf(nonce, sizeof(nonce), "demo-assessment-%ld", i);
			const char *result = rnd(4) ? "pass" : "basic_pass";
			struct db_val a[] = { DBI(id), DBS(adate), DBS(result), DBI(70 + (long long)rnd(30)), DBS(nonce) };
			if (db_run(db, S_SYS_ASSESS, a, 5, NULL, NULL) != DB_OK)
				goto fail;
			long long aid = (long long)db_insert_id(db);
			struct db_val d[] = { DBS(adate), DBI(aid), DBI(id) };
			if (db_run(db, S_SYS_LAST, d, 3, NULL, NULL) != DB_OK)
				goto fail;
			/* a basic pass leaves something to fix, 90 days later; half are done */
			if (strcmp(result, "basic_pass") == 0) {
				char fix[11], done[11];
				wd_format(last + 90, fix);
				wd_format(last + 30, done);
				snprintf(nonce, sizeof(nonce), "demo-finding-%ld", i);
				struct db_val f[] = { DBI(aid), DBI(id), DBS("弱口令：部分管理账号未启用复杂度策略"), DBS(fix),
					rnd(2) && last + 30 < today ? DBS(done) : DBN, DBS(nonce) };
				if (db_run(db, S_SYS_FINDING, f, 6, NULL, NULL) != DB_OK)
					goto fail;
			}
		}
		if (i % 5000 == 4999 && (db_commit(db) != DB_OK || db_begin(db) != DB_OK))
			goto fail;
	}
	struct db_val due[] = {
		DBI(config_int(cfg, "systems.cycle_months_2", 24, 1, 120)),
		DBI(config_int(cfg, "systems.cycle_months_3", 12, 1, 120)),
		DBI(config_int(cfg, "systems.cycle_months_4", 6, 1, 120)),
		DBI(cii_month), DBI(cii_day),
	};
	if (db_run(db, S_SYS_DUE, due, 5, NULL, NULL) != DB_OK)
		goto fail;
	struct db_val ap[] = { DBS("demo"), DBS("demo-systems"), DBS("{\"synthetic\":true}") };
	if (db_run(db, S_AUDIT, ap, 3, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	printf("wrote %lld synthetic systems\n", n - have);
	return 0;
fail:
	db_rollback(db);
	fprintf(stderr, "wangan-admin: systems demo data failed\n");
	return -1;
}

int
main(int argc, char **argv)
{
	static struct config cfg;
	const char *conf = getenv("WANGAN_CONF") ? getenv("WANGAN_CONF") : CONFIG_DEFAULT;
	char err[256], tzoff[8];
	int i = 1, rc = 2;

	if (argc > 2 && strcmp(argv[1], "--config") == 0) {
		conf = argv[2];
		i = 3;
	}
	if (argc - i < 2 && !(argc - i == 1 && strcmp(argv[i], "demo-pledges") == 0)) {
		fprintf(stderr, "usage: wangan-admin [--config FILE] load-units|load-accounts|load-calendar FILE\n"
		    "       wangan-admin [--config FILE] demo UNITS [SEED]\n"
		    "       wangan-admin [--config FILE] demo-pledges\n"
		    "       wangan-admin [--config FILE] demo-systems N\n");
		return 2;
	}
	if (config_load(&cfg, conf, err, sizeof(err)) != 0) {
		fprintf(stderr, "wangan-admin: config: %s\n", err);
		return 1;
	}
	config_zone(&cfg, tzoff);
	ar_init(&ar);
	static struct db_stmt st[S__MAX];
	legacy_stmts("admin", sql, S__MAX, st);
	db = db_new(&cfg, st, S__MAX);
	struct db_val tz = DBS(tzoff);
	if (db == NULL || db_ensure(db) != DB_OK || db_run(db, S_TZ, &tz, 1, NULL, NULL) != DB_OK) {
		fprintf(stderr, "wangan-admin: cannot reach the database\n");
		return 1;
	}
	const char *cmd = argv[i], *arg = argv[i + 1];
	if (strcmp(cmd, "load-units") == 0)
		rc = load("units", arg) ? 1 : 0;
	else if (strcmp(cmd, "load-accounts") == 0)
		rc = load("accounts", arg) ? 1 : 0;
	else if (strcmp(cmd, "load-calendar") == 0)
		rc = load("calendar", arg) ? 1 : 0;
	else if (strcmp(cmd, "demo-systems") == 0)
		rc = demo_systems(&cfg, atol(arg)) ? 1 : 0;
	else if (strcmp(cmd, "demo-pledges") == 0)
		rc = demo_pledges() ? 1 : 0;
	else if (strcmp(cmd, "demo") == 0)
		rc = demo(atol(arg), argc > i + 2 ? strtoull(argv[i + 2], NULL, 10) : 1) ? 1 : 0;
	else
		fprintf(stderr, "wangan-admin: unknown command %s\n", cmd);
	db_free(db);
	ar_free(&ar);
	return rc;
}
