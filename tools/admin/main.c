/*
 * wangan-admin — the office's command line for what is no one module's:
 * loads units, accounts and the working-day calendar from CSV, and writes
 * synthetic demo units (each module writes its own demo data for them:
 * wangan-MODULE --demo).  Every load is one transaction with an audit row, and
 * every value travels as a bound parameter.
 *
 *   wangan-admin [--config FILE] load-units FILE      code,name,name_en,kind
 *   wangan-admin [--config FILE] load-accounts FILE   login,name,role,unit_code
 *   wangan-admin [--config FILE] load-calendar FILE   date,kind,name
 *   wangan-admin [--config FILE] demo UNITS           synthetic units (wangan-MODULE --demo: their data)
 *   wangan-admin [--config FILE] password LOGIN       the password from stdin's first line (pwset.c)
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
#include "log.h"
#include "valid.h"
#include "workday.h"
#include "pwset.h"

#define ADMIN_MAX_FILE (64 * 1024 * 1024)

#define ADMIN_STATEMENTS(S) \
	S(S_UNIT, 4) S(S_ACCOUNT, 4) S(S_CALENDAR, 3) S(S_AUDIT, 3) S(S_HAS_UNITS, 0) S(S_TZ, 1)
DB_STATEMENTS(admin_sql, ADMIN_STATEMENTS, S__MAX);


static const struct db_stmt sql[S__MAX] = {
	/* the site's time for DATETIME defaults, as the modules set it */
	DB_SQL(S_TZ, "SET time_zone = ?", NULL),
	DB_SQL(S_UNIT, "INSERT INTO unit (code, name, name_en, kind, created_by, updated_by)"
	    " VALUES (?,?,?,?,'admin-cli','admin-cli') ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " name_en = VALUES(name_en), kind = VALUES(kind), version = version + 1,"
	    " updated_by = 'admin-cli'", NULL),
	DB_SQL(S_ACCOUNT, "INSERT INTO account (login, name, role, unit_id, created_by, updated_by)"
	    " SELECT ?, ?, ?, id, 'admin-cli', 'admin-cli' FROM unit WHERE code = ?"
	    " ON DUPLICATE KEY UPDATE account.name = VALUES(name), account.role = VALUES(role),"
	    " account.unit_id = VALUES(unit_id), account.version = account.version + 1,"
	    " account.updated_by = 'admin-cli'", NULL),
	DB_SQL(S_CALENDAR, "INSERT INTO calendar_day (day, kind, name, created_by) VALUES (?,?,?,'admin-cli')"
	    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name)", NULL),
	DB_SQL(S_AUDIT, "INSERT INTO audit (at, login, role, module, record_type, record_id, action,"
	    " after_data, request_id) VALUES (NOW(), 'admin-cli', 'office', 'admin', ?, 0, ?, ?, 'admin-cli')", NULL),
	DB_SQL(S_HAS_UNITS, "SELECT COUNT(*) AS n FROM unit", db_count_cols),
};

static const char *const unit_kinds[] = { "school", "center", "college", "office", "affiliated", "other", NULL };
static const char *const roles[] = { "unit_staff", "unit_head", "office", "leader", "auditor", "center", NULL };
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
	if (DB_RUN(db, S_AUDIT, ap, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
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

/*
 * Synthetic units: the school, the center, then colleges and offices.  Each
 * module writes its own demo data for them (wangan-MODULE --demo).  Runs
 * only once: a database that already has units is left alone.
 */
static int
demo(long units)
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
	if (DB_RUN0(db, S_HAS_UNITS, db_int_row, &have) != DB_OK)
		return -1;
	if (have > 0) {
		printf("demo units already present (%lld units); nothing written\n", have);
		return 0;
	}
	if (db_begin(db) != DB_OK)
		return -1;
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
		if (DB_RUN(db, S_UNIT, up, NULL, NULL) != DB_OK)
			goto fail;
		if (i % 5000 == 4999 && (db_commit(db) != DB_OK || db_begin(db) != DB_OK))
			goto fail;
	}
	struct db_val ap[] = { DBS("demo"), DBS("demo"), DBS("{\"synthetic\":true}") };
	if (DB_RUN(db, S_AUDIT, ap, NULL, NULL) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	printf("wrote %ld synthetic units\n", units);
	return 0;
fail:
	db_rollback(db);
	fprintf(stderr, "wangan-admin: demo data failed\n");
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
	if (argc - i < 2) {
		fprintf(stderr, "usage: wangan-admin [--config FILE] load-units|load-accounts|load-calendar FILE\n"
		    "       wangan-admin [--config FILE] demo UNITS\n"
		    "       wangan-admin [--config FILE] password LOGIN   (the password on stdin)\n");
		return 2;
	}
	if (config_load(&cfg, conf, err, sizeof(err)) != 0) {
		fprintf(stderr, "wangan-admin: config: %s\n", err);
		return 1;
	}
	config_zone(&cfg, tzoff);
	ar_init(&ar);
	db = db_new(&cfg, sql, S__MAX);
	struct db_val tz[] = { DBS(tzoff) };
	if (db == NULL || db_ensure(db) != DB_OK || DB_RUN(db, S_TZ, tz, NULL, NULL) != DB_OK) {
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
	else if (strcmp(cmd, "demo") == 0)
		rc = demo(atol(arg)) ? 1 : 0;
	else if (strcmp(cmd, "password") == 0)
		rc = admin_password(&cfg, tzoff, arg) ? 1 : 0;
	else
		fprintf(stderr, "wangan-admin: unknown command %s\n", cmd);
	db_free(db);
	ar_free(&ar);
	return rc;
}
