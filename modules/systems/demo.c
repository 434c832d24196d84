/*
 * demo.c — `wangan-systems --demo N`: synthetic systems spread over the
 * active units until there are N, for the demo stack, the tests and the
 * bench.  Kinds, levels and lifecycle states are mixed; every online system
 * of level 2 or above has the passing assessment the gate asks for, and a
 * basic pass leaves a finding to fix, half of them done.  Only what is
 * missing is added, so the bench can grow an existing stack to its 20,000,
 * and a database that has N already is left alone.
 *
 * The data are the same on every run (the tests and the bench count on
 * them): a fixed xorshift generator, drawn in the order tools/admin's
 * loader drew it when this lived there.  The rows go in through the
 * module's own statements, and the next due dates come from due.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "systems.h"
#include "tx.h"

/* Systems per transaction, counted from the first: a batch's locks and undo stay small. */
#define DEMO_BATCH 5000
#define DEMO_SEED 88172645463325252ULL

struct gen {
	unsigned long long s;
};

static unsigned
rnd(struct gen *g, unsigned n)
{
	g->s ^= g->s << 13;
	g->s ^= g->s >> 7;
	g->s ^= g->s << 17;
	return (unsigned)(g->s % n);
}

/* The active units' ids in order: system i belongs to unit i mod n. */
struct units {
	struct arena *ar;
	long long *id;
	size_t n, cap;
	int full;	/* the arena ran out */
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct units *u = arg;
	if (u->n == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 256;
		long long *p = ar_alloc(u->ar, cap * sizeof(*p));
		if (p == NULL) {
			u->full = 1;
			return 1;
		}
		if (u->n)
			memcpy(p, u->id, u->n * sizeof(*p));
		u->id = p;
		u->cap = cap;
	}
	u->id[u->n++] = atoll(r->v[DB_ONE_VALUE]);
	return 0;
}

/* One batch: systems from .. to - 1 of n, drawn from the generator at start. */
struct demo {
	const struct units *units;
	long from, to, n;
	int today;
	unsigned long long start, end;	/* the generator before the batch; after it (set on commit) */
};

/* The next due date by the module's rule (due.c), or NULL for none. */
static struct db_val
due_val(int level, int last, int golive, int cii, const char *status, char out[11])
{
	enum sys_due_kind k;
	struct sys_due_in in = { level, last, golive, cii, strcmp(status, "retired") == 0 };
	int d = sys_next_due(&sys_set, &in, &k);
	if (d == WD_INVALID)
		return DBN;
	wd_format(d, out);
	return DBS(out);
}

/* System i's assessment (a pass or basic pass), and for a basic pass its finding. */
static enum db_rc
demo_assessment(struct ctx *c, struct gen *g, const struct demo *d, long i, long long id,
    int level, int live, int cii, const char *status)
{
	static const char weak[] = "弱口令：部分管理账号未启用复杂度策略";
	char adate[11], due[11], fix[11], done[11], nonce[40];
	enum db_rc rc;

	int last = live - 20 + (rnd(g, 2) ? 0 : (int)rnd(g, 700));	/* some re-assessed since */
	if (last >= d->today)
		last = d->today - 1;
	wd_format(last, adate);
	snprintf(nonce, sizeof(nonce), "demo-assessment-%ld", i);
	const char *result = rnd(g, 4) ? "pass" : "basic_pass";
	long long score = 70 + (long long)rnd(g, 30);
	struct db_val a[] = {
		DBI(id), DBS(adate), DBS("示例测评中心"), DBS(result), DBI(score), DBN, DBS(nonce), DBS("demo"),
	};
	if ((rc = SQL_RUN(c, SYS_SQL_ASSESS_INSERT, a, NULL, NULL)) != DB_OK)
		return rc;
	long long aid = (long long)db_insert_id(c->db);
	struct db_val s[] = { DBS(adate), DBI(aid), due_val(level, last, live, cii, status, due),
		DBS("demo"), DBI(id) };
	if ((rc = SQL_RUN(c, SYS_SQL_SET_DUE, s, NULL, NULL)) != DB_OK)
		return rc;
	/* a basic pass leaves something to fix, 90 days later; half are done */
	if (strcmp(result, "basic_pass") != 0)
		return DB_OK;
	wd_format(last + 90, fix);
	wd_format(last + 30, done);
	snprintf(nonce, sizeof(nonce), "demo-finding-%ld", i);
	int is_done = rnd(g, 2) && last + 30 < d->today;
	struct db_val f[] = { DBI(aid), DBI(id), DBS(weak), DBS(fix), is_done ? DBS(done) : DBN, DBS(nonce) };
	return SQL_RUN(c, SYS_SQL_DEMO_FINDING, f, NULL, NULL);
}

/* Demo system i. */
static enum db_rc
demo_system(struct ctx *c, struct gen *g, const struct demo *d, long i)
{
	static const char *const kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
		"dingtalk_app", "mobile_app", "other" };
	static const char *const names[] = { "教务管理系统", "门户网站", "一卡通平台", "科研管理系统",
		"学院网站", "招生信息网", "图书馆资源平台", "统一身份认证" };
	static const char *const hosting[] = { "cloud_vm", "hosted_server", "external" };
	static const char *const status[] = { "planned", "building", "trial", "online", "online",
		"online", "retired" };
	static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
		"徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
	char name[160], url[64], ips[64], phone[16], golive[11], graded[11], filing[40], fdate[11];
	char nonce[40], due[11];
	enum db_rc rc;

	const char *st = status[rnd(g, 7)];
	int level = rnd(g, 10) < 2 ? 0 : 1 + (int)rnd(g, rnd(g, 4) ? 3 : 4);
	int live = d->today - 60 - (int)rnd(g, 1500);
	snprintf(name, sizeof(name), "%s%06ld", names[rnd(g, 8)], i);
	snprintf(url, sizeof(url), "sys%06ld.example.edu.cn", i);
	/* drawn last part first, as the loader's snprintf arguments were evaluated */
	unsigned ip4 = 1 + rnd(g, 254);
	unsigned ip3 = rnd(g, 256);
	unsigned ip2 = rnd(g, 256);
	snprintf(ips, sizeof(ips), "10.%u.%u.%u", ip2, ip3, ip4);
	unsigned mobile = rnd(g, 1000000000);
	unsigned net = 3 + rnd(g, 7);
	snprintf(phone, sizeof(phone), "1%u%09u", net, mobile);
	wd_format(live, golive);
	wd_format(live - 90, graded);
	wd_format(live - 30, fdate);
	snprintf(filing, sizeof(filing), "41010099%06ld-%05u", i, rnd(g, 100000));
	snprintf(nonce, sizeof(nonce), "demo-system-%ld", i);
	int has_live = strcmp(st, "planned") != 0 && strcmp(st, "building") != 0;
	const char *kind = kinds[rnd(g, 7)];
	const char *host = hosting[rnd(g, 3)];
	const char *admin = surnames[rnd(g, 20)];
	int cii = level >= 3 && rnd(g, 20) == 0;
	int from = has_live ? live : WD_INVALID;
	struct db_val p[] = {
		DBI(d->units->id[(size_t)i % d->units->n]), DBS(name), DBS(kind), DBS(url), DBS(ips), DBS(""),
		DBN, DBS(host), DBS(admin), DBS(phone), DBS(st), has_live ? DBS(golive) : DBN,
		level ? DBI(level) : DBN, level ? DBS(graded) : DBN, DBN, DBS(level >= 2 ? filing : ""),
		level >= 2 ? DBS(fdate) : DBN, DBI(cii), due_val(level, WD_INVALID, from, cii, st, due),
		DBS(nonce), DBS("demo"), DBS("demo"),
	};
	if ((rc = SQL_RUN(c, SYS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	if (level < 2 || !has_live)
		return DB_OK;
	return demo_assessment(c, g, d, i, (long long)db_insert_id(c->db), level, live, cii, st);
}

/* One batch; the last one also writes the audit row of the whole load. */
static int
demo_tx(struct tx *t, void *arg)
{
	struct demo *d = arg;
	struct gen g = { d->start };	/* a retried batch draws the same systems again */
	enum db_rc rc;

	for (long i = d->from; i < d->to; i++)
		if ((rc = demo_system(t->c, &g, d, i)) != DB_OK)
			return rc;
	d->end = g.s;
	if (d->to == d->n) {
		t->record = "demo";
		t->action = "demo-systems";
		t->after = "{\"synthetic\":true}";
	}
	return TX_COMMIT;
}

int
sys_demo(struct ctx *c)
{
	struct units u = { .ar = c->ar };
	long long have = 0;
	char *end = NULL;
	long n = c->nargs == 1 ? strtol(c->args[0], &end, 10) : -1;

	if (n < 0 || end == NULL || *end != '\0') {
		fprintf(stderr, "usage: wangan-systems [--config FILE] --demo N\n");
		return 2;
	}
	enum db_rc rc = SQL_RUN0(c, SYS_SQL_DEMO_COUNT, db_int_row, &have);
	if (rc == DB_OK)
		rc = SQL_RUN0(c, SYS_SQL_DEMO_UNITS, unit_row, &u);
	if (rc != DB_OK || u.full || u.n == 0) {
		fprintf(stderr, "wangan-systems: no active units to file demo systems for\n");
		return rc != DB_OK ? app_dberr(rc) : 500;
	}
	if (have >= n) {
		printf("%lld demo systems already present; nothing written\n", have);
		return 200;
	}
	struct demo d = { &u, (long)have, 0, n, wd_today(), DEMO_SEED, 0 };
	for (; d.from < n; d.from = d.to, d.start = d.end) {
		d.to = (d.from / DEMO_BATCH + 1) * DEMO_BATCH;
		if (d.to > n)
			d.to = n;
		struct tx t = { .c = c, .nonce = NULL };
		int st = tx_run(&t, demo_tx, &d);
		if (st != 200) {
			fprintf(stderr, "wangan-systems: systems demo data failed\n");
			return st;
		}
	}
	printf("wrote %lld synthetic systems\n", n - have);
	return 200;
}
