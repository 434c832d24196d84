/*
 * demo.c — `wangan-websites --demo`: filings of the demo units in every
 * state of web_site.state, each with its inventory entry (made as the form
 * makes it) and its history.  The steps the pages take go through the same
 * statements as the pages; the centre's check, suspension, closing and
 * discovery are set by demo-only statements (WS_SQL_DEMO_*) with their who
 * and when.  Online sites get an IP, exposure, services and the date
 * opened, and their inventory entry goes online; one runs on its unit's
 * demo cloud VM.  Run once: a database that has filings is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "websites.h"
#include "workday.h"

static const struct {
	const char *unit, *state, *name, *domain, *location, *build;
} sites[] = {
	{ "C-CS", "draft", "计算机学院实验中心", "lab.cs.demo.edu.cn", "campus", "site_group" },
	{ "C-CS", "submitted", "计算机学院学生工作网", "xg.cs.demo.edu.cn", "campus", "site_group" },
	{ "C-ME", "approved", "机械学院官网", "me.demo.edu.cn", "campus", "own_db" },
	{ "C-ME", "returned", "机械学院竞赛网", "jingsai.me.demo.edu.cn", "external", "own_db" },
	{ "O-ACAD", "withdrawn", "教务处旧版网站", "old.jwc.demo.edu.cn", "campus", "site_group" },
	{ "C-CS", "rectifying", "计算机学院科研平台", "keyan.cs.demo.edu.cn", "campus", "own_db" },
	{ "C-ME", "recheck", "机械学院实验教学网", "syjx.me.demo.edu.cn", "campus", "site_group" },
	{ "O-ACAD", "passed", "教务处考试报名网", "kaoshi.jwc.demo.edu.cn", "campus", "own_db" },
	{ "C-CS", "online", "计算机学院官网", "cs.demo.edu.cn", "cloud_vm", "own_db" },
	{ "O-ACAD", "online", "教务处官网", "jwc.demo.edu.cn", "campus", "site_group" },
	{ "C-ME", "online", "机械学院校友网", "xiaoyou.me.demo.edu.cn", "campus", "site_group" },
	{ "C-CS", "suspended", "计算机学院招生宣传网", "zhaosheng.cs.demo.edu.cn", "campus", "site_group" },
	{ "O-ACAD", "discovered", "教务处教材征订网", "jiaocai.jwc.demo.edu.cn", "external", "site_group" },
	{ "C-ME", "closed", "机械学院会议网（已下线）", "huiyi.me.demo.edu.cn", "campus", "site_group" },
};

/* The paths through the flow: each state after the ones it passes. */
static const char *const paths[][6] = {
	{ "draft" }, { "submitted" }, { "submitted", "approved" }, { "submitted", "returned" },
	{ "submitted", "withdrawn" }, { "submitted", "approved", "rectifying" },
	{ "submitted", "approved", "rectifying", "recheck" }, { "submitted", "approved", "passed" },
	{ "submitted", "approved", "passed", "online" },
	{ "submitted", "approved", "passed", "online", "suspended" },
	{ "discovered" }, { "submitted", "approved", "passed", "online", "closed" },
};

/* One demo filing being stepped: its id, version, state, inventory entry, address. */
struct demo {
	long long id, system;
	int ver;
	const char *state, *ip;
};

/* The unit's first live demo cloud VM (kind vm) with its address, for a site on it. */
struct vm_pick {
	struct ctx *c;
	long long id;
	const char *ip;
};

static int
vm_row(void *arg, const struct db_row *r)
{
	struct vm_pick *v = arg;
	if (v->id == 0 && strcmp(r->v[VM_KIND], "vm") == 0 && *r->v[VM_IP]) {
		v->id = atoll(r->v[VM_ID]);
		v->ip = ar_strdup(v->c->ar, r->v[VM_IP]);
	}
	return 0;
}

/* Moves the filing from d->state to `to`, with its history row. */
static enum db_rc
step(struct ctx *c, struct demo *d, const char *to)
{
	enum db_rc rc;
	const char *why = "";
	long long id = d->id;
	int ver = d->ver;
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
	} else if (strcmp(to, "returned") == 0) {
		why = "主要栏目填写不完整";
		struct db_val p[] = { DBS("demo"), DBS(why), DBS("demo"), DBI(id), DBI(ver), DBS(d->state) };
		rc = SQL_RUN(c, WS_SQL_SET_RETURNED, p, NULL, NULL);
	} else if (strcmp(to, "rectifying") == 0 || strcmp(to, "passed") == 0) {
		why = to[0] == 'r' ? "安全检查发现后台弱口令和未修补的中危漏洞，限期整改" : "安全检查通过";
		struct db_val p[] = { DBS(to), DBS("center"), DBS(why), DBS("center"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_DEMO_CHECKED, p, NULL, NULL);
	} else if (strcmp(to, "recheck") == 0) {
		why = "已修改口令并升级组件，申请复查";
		struct db_val p[] = { DBS("demo"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_DEMO_RECHECK, p, NULL, NULL);
	} else if (strcmp(to, "online") == 0) {
		why = "检查通过，同意开通";
		const char *today = wd_today_str(c->ar);
		struct db_val p[] = { DBS("center"), DBS(why), DBS(d->ip), DBI(1), DBS("http,https"), DBS(""),
			DBS(today), DBS("center"), DBI(id), DBI(ver) };
		if ((rc = SQL_RUN(c, WS_SQL_SET_ONLINE, p, NULL, NULL)) != DB_OK)
			return rc;
		struct db_val q[] = { DBS(today), DBS(d->ip), DBS("center"), DBI(d->system) };
		rc = SQL_RUN(c, WS_SQL_SYSTEM_ONLINE, q, NULL, NULL);
	} else if (strcmp(to, "suspended") == 0) {
		why = "网页存在违规外链广告（附件 4 备注 5），暂停访问";
		struct db_val p[] = { DBS("center"), DBS(why), DBS("center"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_DEMO_SUSPENDED, p, NULL, NULL);
	} else if (strcmp(to, "closed") == 0) {
		why = "会议结束，网站下线";
		struct db_val p[] = { DBS("center"), DBS(why), DBS("center"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_DEMO_CLOSED, p, NULL, NULL);
	} else {	/* discovered: found online without a filing, to be filed within 15 days */
		char by[11];
		wd_format(wd_today() + 15, by);
		struct db_val p[] = { DBS("center"), DBS(by), DBS("center"), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_DEMO_DISCOVERED, p, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	/* the page's steps are the account's; the demo's centre steps are the centre's */
	const char *who = strcmp(to, "submitted") == 0 || strcmp(to, "withdrawn") == 0 ||
	    strcmp(to, "recheck") == 0 || strcmp(to, "approved") == 0 || strcmp(to, "returned") == 0 ?
	    "demo" : "center";
	struct db_val s[] = { DBI(id), DBS(who), DBS(strcmp(to, "discovered") == 0 ? "" : d->state), DBS(to),
		DBS(why) };
	d->ver++;
	d->state = to;
	return SQL_RUN(c, WS_SQL_STEP_ADD, s, NULL, NULL);
}

/* The path to state: the states stepped through after draft. */
static const char *const *
path_to(const char *state)
{
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		size_t n = 0;
		while (n < 6 && paths[i][n] != NULL)
			n++;
		if (n > 0 && strcmp(paths[i][n - 1], state) == 0)
			return paths[i];
	}
	return paths[0];
}

static enum db_rc
one_site(struct ctx *c, size_t i, long long unit, int *n_on)
{
	enum db_rc rc;
	const char *loc = sites[i].location;
	struct vm_pick vm = { c, 0, NULL };
	if (strcmp(loc, "cloud_vm") == 0) {
		struct db_val u[] = { DBI(unit) };
		if ((rc = SQL_RUN(c, WS_SQL_UNIT_VMS, u, vm_row, &vm)) != DB_OK)
			return rc;
		if (vm.id == 0)
			loc = "campus";	/* no demo VM for this unit: on campus instead */
	}
	/* the inventory entry, as the form makes it */
	static const char *const hosting[][2] = {
		{ "campus", "campus" }, { "cloud_vm", "cloud_vm" }, { "hosted", "hosted_server" },
		{ "external", "external" },
	};
	const char *host = "external";
	for (size_t h = 0; h < sizeof(hosting) / sizeof(hosting[0]); h++)
		if (strcmp(hosting[h][0], loc) == 0)
			host = hosting[h][1];
	struct db_val sy[] = { DBI(unit), DBS(sites[i].name), DBS(sites[i].domain), DBS(host), DBS("演示管理员"),
		DBS("0371-61234568"), DBS("demo"), DBS("demo") };
	if ((rc = SQL_RUN(c, WS_SQL_SYSTEM_ADD, sy, NULL, NULL)) != DB_OK)
		return rc;
	struct demo d = { 0, (long long)db_insert_id(c->db), 1, "draft", NULL };
	char nonce[TX_NONCE_LEN + 1];
	tx_nonce(nonce);
	int own = strcmp(sites[i].build, "own_db") == 0;
	struct db_val p[] = {
		DBI(unit), DBI(d.system), DBS(sites[i].name), DBS(sites[i].domain), DBS("演示领导"), DBS("0371-61234567"),
		DBS("PHP 8"), DBS("Nginx + PHP-FPM"), DBS(own ? "MySQL 8" : ""), DBS("学院概况、新闻动态、通知公告"),
		DBS(loc), vm.id ? DBI(vm.id) : DBN, DBS(sites[i].build), DBS(own ? "需要独立的报名数据库" : ""),
		DBS("演示管理员"), DBS("0371-61234568"), DBS("admin@demo.edu.cn"), DBS("13800000001"),
		DBS(wd_today_str(c->ar)), DBS(""), DBS(nonce), DBS("demo"), DBS("demo"),
	};
	if ((rc = SQL_RUN(c, WS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	d.id = (long long)db_insert_id(c->db);
	const char *const *path = path_to(sites[i].state);
	if (strcmp(path[0], "discovered") != 0) {
		struct db_val s[] = { DBI(d.id), DBS("demo"), DBS(""), DBS("draft"), DBS("") };
		if ((rc = SQL_RUN(c, WS_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
	}
	d.ip = vm.id ? vm.ip : ar_printf(c->ar, "10.30.0.%d", 10 + (*n_on)++);
	for (size_t k = 0; k < 6 && path[k] != NULL; k++)
		if (strcmp(path[k], "draft") != 0 && (rc = step(c, &d, path[k])) != DB_OK)
			return rc;
	return DB_OK;
}

static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc;
	int n_on = 0;
	(void)arg;
	for (size_t i = 0; i < sizeof(sites) / sizeof(sites[0]); i++) {
		long long unit = 0;
		struct db_val u[] = { DBS(sites[i].unit) };
		if ((rc = SQL_RUN(c, WS_SQL_DEMO_UNIT, u, db_int_row, &unit)) != DB_OK)
			return rc;
		if (unit != 0 && (rc = one_site(c, i, unit, &n_on)) != DB_OK)
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
