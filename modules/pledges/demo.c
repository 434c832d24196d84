/*
 * demo.c — `wangan-pledges --demo`: synthetic pledges data for the named
 * demo units (wangan-admin's `demo` makes those): vendors with valid credit
 * codes serving some units, persons, the letters some units need, and
 * signed pledges with a small scan — enough that the coverage page shows
 * missing, signed and re-sign rows.  One transaction with its audit row,
 * through the module's own statements; it writes once (a database that has
 * vendors is left alone), so the stack may run it on every start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pledges.h"
#include "sha256.h"
#include "tx.h"

static const char *const vendors[][4] = {	/* name, code without its check character, contact, units */
	{ "示例软件技术有限公司", "91410100MA4DEM001", "赵工", "C-CS O-ACAD" },
	{ "示例网络科技有限公司", "91410100MA4DEM002", "钱经理", "CENTER" },
	{ "示例信息系统集成有限公司", "91410100MA4DEM003", "孙工", "O-FIN A-LIB" },
};
static const char *const persons[][3] = {	/* unit, name, staff number */
	{ "C-CS", "周明", "D2019001" }, { "C-CS", "吴丽", "D2020114" }, { "C-CS", "郑强", "D2021087" },
	{ "C-ME", "王芳", "D2018042" }, { "C-ME", "冯磊", "D2022015" },
};
static const char *const reqs[][2] = {	/* kind, unit */
	{ "letter1", "CENTER" }, { "letter1", "C-CS" }, { "website", "C-CS" }, { "website", "A-LIB" },
	{ "cloud_vm", "C-ME" }, { "hosted_server", "O-FIN" },
};
/* kind, unit, signed on or after ("before": the predecessor signed, so a re-sign is open) */
static const char *const signs[][3] = {
	{ "school_pledge", "SCHOOL", "2025-03-10" }, { "unit_pledge", "CENTER", "2025-03-12" },
	{ "unit_pledge", "C-CS", "2025-03-14" }, { "unit_pledge", "C-ME", "before" },
	{ "unit_pledge", "O-ACAD", "2025-03-20" }, { "unit_pledge", "A-LIB", "2024-09-02" },
	{ "letter1", "CENTER", "2025-04-01" }, { "website", "A-LIB", "2025-05-06" },
};
static const char pdf[] = "%PDF-1.4\n% wangan demo scan: synthetic\n%%EOF\n";

static enum db_rc
add_vendors(struct ctx *c)
{
	char uscc[19], nonce[TX_NONCE_LEN + 1], units[64], *save = NULL;
	enum db_rc rc = DB_OK;
	for (size_t i = 0; i < APP_COUNT(vendors) && rc == DB_OK; i++) {
		snprintf(uscc, sizeof(uscc), "%s%c", vendors[i][1], valid_uscc_check(vendors[i][1]));
		snprintf(nonce, sizeof(nonce), "demovendor%zu", i);
		struct db_val v[] = { DBS(vendors[i][0]), DBS(uscc), DBS(vendors[i][2]),
			DBS("0371-60000000"), DBS("contact@example.com"), DBS(nonce), DBS("demo"), DBS("demo") };
		if ((rc = SQL_RUN(c, PL_SQL_VENDOR_INSERT, v, NULL, NULL)) != DB_OK)
			break;
		long long id = (long long)db_insert_id(c->db);
		snprintf(units, sizeof(units), "%s", vendors[i][3]);
		for (char *u = strtok_r(units, " ", &save); u != NULL && rc == DB_OK; u = strtok_r(NULL, " ", &save)) {
			struct db_val vu[] = { DBI(id), DBS(u) };
			rc = SQL_RUN(c, PL_SQL_VENDOR_UNIT_ADD, vu, NULL, NULL);
		}
	}
	return rc;
}

/* The persons, and the letters only some units need. */
static enum db_rc
add_persons_and_requirements(struct ctx *c)
{
	enum db_rc rc = DB_OK;
	for (size_t i = 0; i < APP_COUNT(persons) && rc == DB_OK; i++) {
		struct db_val p[] = { DBS(persons[i][1]), DBS(persons[i][2]), DBS(persons[i][0]) };
		rc = SQL_RUN(c, PL_SQL_DEMO_PERSON, p, NULL, NULL);
	}
	for (size_t i = 0; i < APP_COUNT(reqs) && rc == DB_OK; i++) {
		struct db_val p[] = { DBS(reqs[i][0]), DBS(reqs[i][1]) };
		rc = SQL_RUN(c, PL_SQL_DEMO_REQUIREMENT, p, NULL, NULL);
	}
	return rc;
}

/* Each signing with its own copy of the scan, as a real one would have. */
static enum db_rc
add_signings(struct ctx *c)
{
	unsigned char d[32];
	char sha[65];
	struct sha256 h;
	enum db_rc rc = DB_OK;

	sha256_init(&h);
	sha256_update(&h, pdf, sizeof(pdf) - 1);
	sha256_final(&h, d);
	hex_encode(d, sizeof(d), sha);
	for (size_t i = 0; i < APP_COUNT(signs) && rc == DB_OK; i++) {
		struct db_val sc[] = { DBS("application/pdf"), DBI((long long)sizeof(pdf) - 1), DBS(sha),
			DBS("demo.pdf"), DBS("demo") };
		if ((rc = SQL_RUN(c, PL_SQL_SCAN_INSERT, sc, NULL, NULL)) != DB_OK)
			break;
		long long scan = (long long)db_insert_id(c->db);
		struct db_val ch[] = { DBI(scan), DBI(0), DBB(pdf, sizeof(pdf) - 1) };
		struct db_val sg[] = { DBS(signs[i][0]), DBS(signs[i][2]), DBS(signs[i][2]), DBI(scan),
			DBS(signs[i][0]), DBS(signs[i][0]), DBS(signs[i][1]) };
		if ((rc = SQL_RUN(c, PL_SQL_CHUNK_INSERT, ch, NULL, NULL)) == DB_OK)
			rc = SQL_RUN(c, PL_SQL_DEMO_SIGNING, sg, NULL, NULL);
	}
	return rc;
}

static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc = add_vendors(c);
	if (rc == DB_OK)
		rc = add_persons_and_requirements(c);
	if (rc == DB_OK)
		rc = add_signings(c);
	if (rc != DB_OK)
		return rc;
	t->record = "demo";
	t->action = "demo-pledges";
	t->after = "{\"synthetic\":true}";
	return TX_COMMIT;
}

int
pl_demo(struct ctx *c)
{
	long long have = 0;
	if (c->nargs != 0) {
		fprintf(stderr, "usage: wangan-pledges [--config FILE] --demo\n");
		return 400;
	}
	enum db_rc rc = SQL_RUN0(c, PL_SQL_DEMO_HAS, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (have > 0) {
		printf("pledges demo data already present; nothing written\n");
		return 200;
	}
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, demo_tx, NULL);
	if (st != 200) {
		fprintf(stderr, "wangan-pledges: demo data failed\n");
		return st;
	}
	printf("wrote synthetic vendors, persons, requirements and signings\n");
	return 200;
}
