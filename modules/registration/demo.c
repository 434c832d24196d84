/*
 * demo.c — `wangan-registration --demo [SEED]`: synthetic holders for the
 * units wangan-admin created, a current one for each of the three roles of
 * seed 000 and, for some, earlier ones, so the list, the history and the
 * late filter have something to show.  Reproducible (a fixed generator,
 * SEED to vary it) and run once: a database that has holders is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reg.h"
#include "tx.h"

#define DEMO_BATCH 5000		/* units per transaction: a 100,000-unit bench load stays small */

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
	"徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
	"勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文博" };
static const char *const titles[3][3] = {
	{ "党总支书记", "院长", "处长" }, { "副院长", "副处长", "副书记" }, { "网络安全员", "信息管理员", "科员" },
};

struct demo {
	unsigned long long rng, batch_rng;	/* batch_rng: where this batch started */
	long long *unit;	/* the active units, in the order they were created */
	size_t n, cap, from;	/* this batch: units [from, from + DEMO_BATCH) */
	int today;
};

/* xorshift: the same data on every machine for the same seed. */
static unsigned
rnd(struct demo *d, unsigned n)
{
	d->rng ^= d->rng << 13;
	d->rng ^= d->rng >> 7;
	d->rng ^= d->rng << 17;
	return (unsigned)(d->rng % n);
}

struct units {
	struct ctx *c;
	struct demo *d;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct units *u = arg;
	struct demo *d = u->d;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 1024;
		long long *p = ar_alloc(u->c->ar, cap * sizeof(*p));
		if (p == NULL)
			return 1;
		if (d->n)
			memcpy(p, d->unit, d->n * sizeof(*p));
		d->unit = p;
		d->cap = cap;
	}
	d->unit[d->n++] = atoll(r->v[DB_ONE_VALUE]);
	return 0;
}

static enum db_rc
holder(struct ctx *c, struct demo *d, long long unit, int role, int eff, int end, int cur, int late)
{
	char name[32], mobile[16], office[16], email[64], effs[11], ends[11], due[11], rep[20], nonce[40];
	snprintf(name, sizeof(name), "%s%s", surnames[rnd(d, 20)], given[rnd(d, 24)]);
	snprintf(mobile, sizeof(mobile), "1%u%09u", 3 + rnd(d, 7), rnd(d, 1000000000));
	snprintf(office, sizeof(office), "0371-6%07u", rnd(d, 10000000));
	snprintf(email, sizeof(email), "u%lld.r%d.%u@example.edu.cn", unit, role, rnd(d, 100000));
	wd_format(eff, effs);
	wd_format(end, ends);
	int dd = reg_report_due(c->cfg, c->cal, eff);
	wd_format(dd, due);
	int repday = late ? dd + 3 : eff + (int)rnd(d, 3);
	wd_format(repday, rep);
	snprintf(rep + 10, sizeof(rep) - 10, " %02u:%02u:00", 8 + rnd(d, 10), rnd(d, 60));
	snprintf(nonce, sizeof(nonce), "demo%012lld%02d%010d", unit, role, eff);
	const char *title = titles[role][rnd(d, 3)];
	struct db_val p[] = {
		DBI(unit), DBS(reg_role_code[role]), DBS(name), DBS(title), DBS(office),
		DBS(mobile), DBS(email), DBS(effs), cur ? DBN : DBS(ends), cur ? DBI(1) : DBN,
		DBS(rep), DBS(due), DBI(late), DBS(nonce),
	};
	return SQL_RUN(c, REG_SQL_DEMO_HOLDER, p, NULL, NULL);
}

/* One batch of units: each role's earlier holders (0-2) and its current one. */
static int
batch_tx(struct tx *t, void *arg)
{
	struct demo *d = arg;
	struct ctx *c = t->c;
	enum db_rc rc;
	d->rng = d->batch_rng;	/* a batch run again after a deadlock writes the same data */
	for (size_t i = d->from; i < d->n && i < d->from + DEMO_BATCH; i++) {
		/* Leave a few units without a security administrator, for the "missing" filter. */
		int roles_here = i > 1 && i % 7 == 5 ? 2 : 3;
		for (int r = 0; r < roles_here; r++) {
			int eff = d->today - 30 - (int)rnd(d, 900);
			int past = rnd(d, 3);
			int start = eff - 400 * past - (int)rnd(d, 300);
			for (int k = 0; k < past; k++) {
				int end = start + 400;
				int late = rnd(d, 6) == 0;
				if ((rc = holder(c, d, d->unit[i], r, start, end, 0, late)) != DB_OK)
					return rc;
				start = end;
			}
			int late = rnd(d, 8) == 0;
			if ((rc = holder(c, d, d->unit[i], r, start, 0, 1, late)) != DB_OK)
				return rc;
		}
	}
	if (d->from + DEMO_BATCH >= d->n) {	/* the last batch: the list's read model, and the audit row */
		struct db_val all[] = { DBN };
		if ((rc = SQL_RUN(c, REG_SQL_SUMMARY, all, NULL, NULL)) != DB_OK)
			return rc;
		t->record = "demo";
		t->action = "demo";
		t->after = "{\"synthetic\":true}";
	}
	return TX_COMMIT;
}

int
reg_demo(struct ctx *c)
{
	struct demo d = { .rng = 88172645463325252ULL, .today = wd_today() };
	struct units u = { c, &d };
	long long have = 0;
	enum db_rc rc;

	if (c->nargs > 0)
		d.rng ^= strtoull(c->args[0], NULL, 10) * 0x9E3779B97F4A7C15ULL;
	else
		d.rng ^= 0x9E3779B97F4A7C15ULL;	/* seed 1, as wangan-admin demo had it */
	if ((rc = SQL_RUN0(c, REG_SQL_DEMO_HAS, db_int_row, &have)) != DB_OK)
		return app_dberr(rc);
	if (have > 0) {
		printf("registration demo data already present (%lld holders); nothing written\n", have);
		return 0;
	}
	if ((rc = SQL_RUN0(c, REG_SQL_DEMO_UNITS, unit_row, &u)) != DB_OK)
		return app_dberr(rc);
	for (d.from = 0; d.from < d.n || d.from == 0; d.from += DEMO_BATCH) {
		struct tx t = { .c = c };
		d.batch_rng = d.rng;
		int st = tx_run(&t, batch_tx, &d);
		if (st != 200)
			return st;
		if (d.n == 0)
			break;
	}
	printf("wrote synthetic holders for %zu units\n", d.n);
	return 0;
}
