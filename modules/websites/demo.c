/*
 * demo.c — `wangan-websites --demo`: filings of the demo units in the
 * states of the flow, each through the same statements as the pages, with
 * its history.  Run once: a database that has filings is left alone.
 */
#include <stdio.h>
#include <string.h>
#include "websites.h"

static const struct {
	const char *unit, *state, *name, *domain, *location, *build;
} sites[] = {
	{ "C-CS", "draft", "计算机学院实验中心", "lab.cs.demo.edu.cn", "campus", "site_group" },
	{ "C-CS", "submitted", "计算机学院学生工作网", "xg.cs.demo.edu.cn", "campus", "site_group" },
	{ "C-ME", "approved", "机械学院官网", "me.demo.edu.cn", "campus", "own_db" },
	{ "C-ME", "returned", "机械学院竞赛网", "jingsai.me.demo.edu.cn", "external", "own_db" },
	{ "O-ACAD", "withdrawn", "教务处旧版网站", "old.jwc.demo.edu.cn", "campus", "site_group" },
};

/* Moves filing id (version ver) from one state to the next, as the step would. */
static enum db_rc
step(struct ctx *c, long long id, int ver, const char *from, const char *to)
{
	enum db_rc rc;
	const char *why = "";
	if (strcmp(to, "submitted") == 0) {
		struct db_val p[] = { DBS("demo"), DBS("demo"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_SUBMITTED, p, NULL, NULL);
	} else if (strcmp(to, "approved") == 0) {
		why = "同意备案";
		struct db_val p[] = { DBS("demo"), DBS(why), DBS("demo"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_APPROVED, p, NULL, NULL);
	} else if (strcmp(to, "withdrawn") == 0) {
		struct db_val p[] = { DBS("demo"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_WITHDRAWN, p, NULL, NULL);
	} else {
		why = "主要栏目填写不完整";
		struct db_val p[] = { DBS("demo"), DBS(why), DBS("demo"), DBI(id), DBI(ver), DBS(from) };
		rc = SQL_RUN(c, WS_SQL_SET_RETURNED, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	struct db_val s[] = { DBI(id), DBS("demo"), DBS(from), DBS(to), DBS(why) };
	return SQL_RUN(c, WS_SQL_STEP_ADD, s, NULL, NULL);
}

static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc;
	(void)arg;
	for (size_t i = 0; i < sizeof(sites) / sizeof(sites[0]); i++) {
		long long unit = 0;
		struct db_val u[] = { DBS(sites[i].unit) };
		if ((rc = SQL_RUN(c, WS_SQL_DEMO_UNIT, u, db_int_row, &unit)) != DB_OK)
			return rc;
		if (unit == 0)
			continue;
		char nonce[TX_NONCE_LEN + 1];
		tx_nonce(nonce);
		int own = strcmp(sites[i].build, "own_db") == 0;
		struct db_val p[] = {
			DBI(unit), DBN, DBS(sites[i].name), DBS(sites[i].domain), DBS("演示领导"), DBS("0371-61234567"),
			DBS("PHP 8"), DBS("Nginx + PHP-FPM"), DBS(own ? "MySQL 8" : ""), DBS("学院概况、新闻动态、通知公告"),
			DBS(sites[i].location), DBN, DBS(sites[i].build), DBS(own ? "需要独立的报名数据库" : ""),
			DBS("演示管理员"), DBS("0371-61234568"), DBS("admin@demo.edu.cn"), DBS("13800000001"),
			DBS(ws_today(c)), DBS(""), DBS(nonce), DBS("demo"), DBS("demo"),
		};
		if ((rc = SQL_RUN(c, WS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		long long id = (long long)db_insert_id(c->db);
		struct db_val s[] = { DBI(id), DBS("demo"), DBS(""), DBS("draft"), DBS("") };
		if ((rc = SQL_RUN(c, WS_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
		const char *st = sites[i].state;
		if (strcmp(st, "draft") == 0)
			continue;
		if ((rc = step(c, id, 1, "draft", "submitted")) != DB_OK)
			return rc;
		if (strcmp(st, "submitted") != 0 && (rc = step(c, id, 2, "submitted", st)) != DB_OK)
			return rc;
	}
	return TX_COMMIT;
}

int
ws_demo(struct ctx *c)
{
	long long have = 0;
	enum db_rc rc = SQL_RUN0(c, WS_SQL_DEMO_COUNT, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (have > 0) {
		printf("%lld website filings already present; nothing written\n", have);
		return 200;
	}
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, demo_tx, NULL);
	if (st != 200) {
		fprintf(stderr, "wangan-websites: demo data failed\n");
		return st;
	}
	printf("wrote %zu demo website filings\n", sizeof(sites) / sizeof(sites[0]));
	return 200;
}
