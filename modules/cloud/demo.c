/*
 * demo.c — `wangan-cloud --demo`: a few requests in each state, for the
 * units the admin demo made, some active with IPs.  Each goes through the
 * same statements as the flow, with its history; run once (a database that
 * has requests is left alone).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cloud.h"
#include "tx.h"

static const struct {
	const char *unit, *state, *image, *purpose, *ip;
	int vcpu, mem, disk;
} reqs[] = {
	{ "C-CS", "active", "centos7_64", "教学实验平台", "10.10.1.11", 4, 8, 100 },
	{ "C-CS", "submitted", "centos7_64", "课程网站", NULL, 2, 4, 50 },
	{ "C-CS", "draft", "win2012_64", "实验室预约系统", NULL, 2, 4, 40 },
	{ "C-ME", "active", "win2012_64", "学院网站", "10.10.1.12", 8, 16, 200 },
	{ "C-ME", "unit_approved", "centos7_64", "仿真计算", NULL, 16, 64, 500 },
	{ "C-ME", "office_approved", "centos65_64", "数据采集", NULL, 4, 8, 100 },
	{ "C-ME", "returned", "centos7_64", "测试服务器", NULL, 2, 4, 40 },
	{ "O-ACAD", "active", "centos7_64", "教务辅助系统", "10.10.1.13", 2, 4, 80 },
	{ "O-ACAD", "withdrawn", "win2008_64", "旧系统迁移", NULL, 2, 4, 40 },
	/* life.c's demo: this one suspended, the next released */
	{ "C-ME", "active", "centos7_64", "档案数字化", "10.10.1.14", 2, 4, 100 },
	{ "O-ACAD", "active", "centos7_64", "课程录播", "10.10.1.15", 4, 8, 500 },
};
/* the order of the flow, and who takes each step */
static const char *const flow[][2] = {
	{ "submitted", "cs_admin" }, { "unit_approved", "cs_head" }, { "office_approved", "office" },
	{ "active", "center" },
};

static enum db_rc
step(struct ctx *c, long long id, int ver, const char *from, const char *to, const char *by, const char *ip)
{
	enum db_rc rc;
	if (strcmp(to, "submitted") == 0) {
		struct db_val p[] = { DBS(by), DBS(by), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_SUBMITTED, p, NULL, NULL);
	} else if (strcmp(to, "unit_approved") == 0) {
		struct db_val p[] = { DBS(by), DBS(by), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_UNIT, p, NULL, NULL);
	} else if (strcmp(to, "office_approved") == 0) {
		struct db_val p[] = { DBS(by), DBI(0), DBS(by), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_OFFICE, p, NULL, NULL);
	} else if (strcmp(to, "active") == 0) {
		struct db_val p[] = { DBS(by), DBS(ar_printf(c->ar, "vm-%lld", id)), DBS(ip),
			DBS("255.255.255.0"), DBS("10.10.1.1"), DBS(wd_today_str(c->ar)), DBS(by), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_ACTIVE, p, NULL, NULL);
	} else if (strcmp(to, "withdrawn") == 0) {
		struct db_val p[] = { DBS(by), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_WITHDRAWN, p, NULL, NULL);
	} else {
		struct db_val p[] = { DBS(by), DBS("配置说明不完整，请补充"), DBS(by), DBI(id), DBI(ver), DBS(from) };
		rc = SQL_RUN(c, CL_SQL_SET_RETURNED, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	struct db_val s[] = { DBI(id), DBS(by), DBS(from), DBS(to),
		DBS(strcmp(to, "returned") == 0 ? "配置说明不完整，请补充" : "") };
	return SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL);
}

static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc;
	(void)arg;
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		long long unit = 0, image = 0;
		struct db_val u[] = { DBS(reqs[i].unit) };
		if ((rc = SQL_RUN(c, CL_SQL_DEMO_UNIT, u, db_int_row, &unit)) != DB_OK)
			return rc;
		if (unit == 0)
			continue;
		struct db_val im[] = { DBS(reqs[i].image) };	/* by its code, whatever order the seed gave */
		if ((rc = SQL_RUN(c, CL_SQL_DEMO_IMAGE, im, db_int_row, &image)) != DB_OK)
			return rc;
		if (image == 0)
			continue;
		char nonce[TX_NONCE_LEN + 1];
		tx_nonce(nonce);
		const char *today = wd_today_str(c->ar);
		struct db_val p[] = {
			DBI(unit), DBS("演示申请人"), DBS("13800000000"), DBS(today), DBI(image), DBS(""),
			DBI(reqs[i].vcpu), DBI(reqs[i].mem), DBI(reqs[i].disk), DBS("MySQL 8"), DBS("Nginx"), DBS(""),
			DBS(today), DBS("2027-12-31"), DBS(reqs[i].purpose), DBS(""), DBS(nonce), DBS("demo"), DBS("demo"),
		};
		if ((rc = SQL_RUN(c, CL_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		long long id = (long long)db_insert_id(c->db);
		struct db_val s[] = { DBI(id), DBS("demo"), DBS(""), DBS("draft"), DBS("") };
		if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
		const char *st = reqs[i].state, *from = "draft";
		int ver = 1;
		if (strcmp(st, "draft") == 0)
			continue;
		if (strcmp(st, "withdrawn") == 0 || strcmp(st, "returned") == 0) {
			if ((rc = step(c, id, ver++, from, "submitted", "demo", NULL)) != DB_OK)
				return rc;
			if ((rc = step(c, id, ver++, "submitted", st, "demo", NULL)) != DB_OK)
				return rc;
			continue;
		}
		for (size_t k = 0; k < sizeof(flow) / sizeof(flow[0]); k++) {
			if ((rc = step(c, id, ver++, from, flow[k][0], flow[k][1], reqs[i].ip)) != DB_OK)
				return rc;
			from = flow[k][0];
			if (strcmp(from, st) == 0)
				break;
		}
	}
	return TX_COMMIT;
}

int
cl_demo(struct ctx *c)
{
	long long have = 0;
	enum db_rc rc = SQL_RUN0(c, CL_SQL_DEMO_COUNT, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	int st = 200;
	if (have > 0) {
		printf("%lld cloud requests already present; nothing written\n", have);
	} else {
		struct tx t = { .c = c, .nonce = NULL };
		if ((st = tx_run(&t, demo_tx, NULL)) != 200) {
			fprintf(stderr, "wangan-cloud: demo data failed\n");
			return st;
		}
		printf("wrote %zu demo cloud requests\n", sizeof(reqs) / sizeof(reqs[0]));
	}
	/* each adds its own demo rows once, so a second run changes nothing */
	if ((st = cl_demo_life(c)) != 200) {
		fprintf(stderr, "wangan-cloud: demo data (life) failed\n");
		return st;
	}
	if ((st = cl_demo_rereg(c)) != 200)
		return st;
	return cl_demo_change(c);	/* one VM with a pending change */
}
