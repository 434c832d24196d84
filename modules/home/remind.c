/*
 * remind.c — one round of reminders (remind.h): which stage of which item
 * is due for whom, queued once per recipient with its mail, then sent.
 * Where an item stands is the home page's own code (due.c); the filters
 * are its statements' (sql.c); the stage is plan.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "buf.h"
#include "home.h"
#include "log.h"
#include "remind.h"
#include "setting.h"
#include "tx.h"

/* What a round reads at most: past this the rest waits for the next round (logged). */
#define RM_MAX_ITEMS 200000
#define RM_MAX_ACCOUNTS 50000
/* A digest lists at most this many items (the home page has the rest). */
#define RM_DIGEST_ITEMS 50
#define RM_BODY_MAX (256 * 1024)

/* The labels of hkind.* in xslt/strings (the mail is rendered here, not by a stylesheet). */
static const struct { const char *key, *zh, *en; } kinds[] = {
	{ "registration_holder_missing", "责任人未登记", "Responsible person not recorded" },
	{ "pledges_sign_missing", "未签署", "Not signed" },
	{ "pledges_resign", "须重新签署", "To re-sign" },
	{ "systems_assessment", "等级测评到期", "Assessment due" },
	{ "systems_finding", "测评问题待整改", "Assessment finding to fix" },
	{ "incidents_incident_step", "安全事件", "Incident" },
	{ "incidents_notice", "威胁通报", "Threat notice" },
	{ "incidents_period_report", "今日报平安", "Today's all-clear" },
	{ "cloud_request", "云主机申请", "VM request" },
	{ "cloud_rereg", "云主机年度重新备案", "Yearly VM re-registration" },
	{ "cloud_change", "云主机变更待审批", "VM change to approve" },
	{ "websites_site", "网站备案", "Website filing" },
	{ "websites_finding", "网站检查问题待整改", "Website finding to fix" },
	{ "websites_refile", "网站变更备案待审批", "Website re-filing to decide" },
	{ "websites_outage", "网站无法访问", "Website down" },
};

/* A recipient: an account with an address, or a unit's group robot (role unit_group, email its URL). */
struct rm_acct {
	long long id, unit_id;
	const char *name, *role, *email, *channel;
};

struct rm_item {
	const char *v[hm_item_col__MAX];
	struct hm_stand st;
	char stage[RM_STAGE_LEN];
	char due[20];		/* the deadline shown ("" none) */
	unsigned aud;
	int hour;
};

struct rm_round {
	struct ctx *c;
	struct hm_window w;
	struct rm_sched s;
	int digest;		/* working-day stages may go out now */
	struct rm_item *it;
	size_t nit, capit;
	struct rm_acct *ac;
	size_t nac, capac;
	long queued, cancelled;
	/* every open item's key (open_key()), sorted once read: what a mail not yet sent may still be about */
	const char **open;
	size_t nopen, capopen;
	int all_read;		/* every open item was read: only then is a missing one done */
};

static void *
grow(struct arena *ar, void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	size_t nc = *cap ? *cap * 2 : 256;
	void *np = ar_alloc(ar, nc * size);
	if (np == NULL)
		return NULL;
	if (n)
		memcpy(np, p, n * size);
	*cap = nc;
	return np;
}

/* An item's identity as remind_sent keys it: module, kind, record, state, deadline. */
static const char *
open_key(struct arena *ar, const char *module, const char *kind, const char *record, const char *state,
    const char *due)
{
	return ar_printf(ar, "%s\x1f%s\x1f%s\x1f%s\x1f%s", module, kind, record, state, due);
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Keeps an item of todo_item whose stage is due now (and every item's key). */
static int
item_row(void *arg, const struct db_row *r)
{
	struct rm_round *k = arg;
	struct rm_item x;
	int due_day;
	memset(&x, 0, sizeof(x));
	if (k->nopen == RM_MAX_ITEMS)
		return 1;
	if ((k->open = grow(k->c->ar, k->open, k->nopen, &k->capopen, sizeof(*k->open))) == NULL ||
	    (k->open[k->nopen] = open_key(k->c->ar, r->v[IT_MODULE], r->v[IT_KIND], r->v[IT_RECORD],
	    r->v[IT_STATE], r->v[IT_DUE])) == NULL)
		return 1;
	k->nopen++;
	hm_stand_item(k->c->cal, &k->w, r->v[IT_CLOCK], r->v[IT_KIND], r->v[IT_DUE], r->v[IT_SINCE],
	    hm_set.resign_days, &x.st, &due_day);
	x.hour = strcmp(r->v[IT_CLOCK], "hour") == 0;
	if (x.hour) {
		long due = *r->v[IT_DUE] ? hm_time(r->v[IT_DUE]) : -1;
		rm_plan_hour(&k->s, k->w.now, due, x.stage, &x.aud);
		snprintf(x.due, sizeof(x.due), "%.16s", r->v[IT_DUE]);
	} else {
		int day = due_day;
		if (day == WD_INVALID && *r->v[IT_DUE]) {
			long t = hm_time(r->v[IT_DUE]);
			day = t < 0 ? WD_INVALID : (int)(t / 86400);
		}
		if (day == WD_INVALID || !k->digest || !rm_plan_day(k->c->cal, &k->s, k->w.today, day, x.stage, &x.aud))
			return 0;
		wd_format(day, x.due);
	}
	if ((k->it = grow(k->c->ar, k->it, k->nit, &k->capit, sizeof(*k->it))) == NULL)
		return 1;
	for (int i = 0; i < hm_item_col__MAX; i++)
		if ((x.v[i] = ar_strdup(k->c->ar, r->v[i])) == NULL)
			return 1;
	k->it[k->nit++] = x;
	return 0;
}

static int
acct_row(void *arg, const struct db_row *r)
{
	struct rm_round *k = arg;
	if (k->nac == RM_MAX_ACCOUNTS)
		return 1;
	if ((k->ac = grow(k->c->ar, k->ac, k->nac, &k->capac, sizeof(*k->ac))) == NULL)
		return 1;
	struct rm_acct *a = &k->ac[k->nac];
	a->id = atoll(r->v[RA_ID]);
	a->unit_id = atoll(r->v[RA_UNIT_ID]);
	a->name = ar_strdup(k->c->ar, r->v[RA_NAME]);
	a->role = ar_strdup(k->c->ar, r->v[RA_ROLE]);
	a->email = ar_strdup(k->c->ar, r->v[RA_EMAIL]);
	a->channel = strcmp(r->v[RA_CHANNEL], "webhook") == 0 ? "webhook" : "mail";
	if (a->name == NULL || a->role == NULL || a->email == NULL)
		return 1;
	k->nac++;
	return 0;
}

/* Whether the stage of item x reaches account a: its actor, and whom it escalates to. */
static int
reaches(const struct rm_acct *a, const struct rm_item *x)
{
	int same = a->unit_id == atoll(x->v[IT_UNIT_ID]);
	const char *actor = x->v[IT_ACTOR];
	/* a unit's group hears what its staff and its head hear of that unit, not the office's */
	if (strcmp(a->role, "unit_group") == 0)
		return same && (((x->aud & RM_AUD_ACTOR) && (strcmp(actor, "unit") == 0 ||
		    strcmp(actor, "unit_head") == 0)) || (x->aud & RM_AUD_HEAD));
	if (x->aud & RM_AUD_ACTOR) {
		if (strcmp(actor, "unit") == 0 ? same && strcmp(a->role, "unit_staff") == 0 :
		    strcmp(actor, "unit_head") == 0 ? same && strcmp(a->role, "unit_head") == 0 :
		    strcmp(a->role, actor) == 0)
			return 1;
	}
	if ((x->aud & RM_AUD_HEAD) && same && strcmp(a->role, "unit_head") == 0)
		return 1;
	return (x->aud & RM_AUD_OFFICE) && strcmp(a->role, "office") == 0;
}

static void
labels(const struct rm_item *x, const char **zh, const char **en)
{
	char key[80];
	snprintf(key, sizeof(key), "%s_%s", x->v[IT_MODULE], x->v[IT_KIND]);
	*zh = *en = NULL;
	for (size_t i = 0; i < APP_COUNT(kinds); i++)
		if (strcmp(kinds[i].key, key) == 0) {
			*zh = kinds[i].zh;
			*en = kinds[i].en;
		}
	if (*zh == NULL)
		*zh = *en = x->v[IT_KIND];
}

/* Where the item stands, in words. */
static void
standing(struct buf *b, const struct rm_item *x, int en)
{
	const struct hm_stand *st = &x->st;
	if (x->hour) {
		if (st->late >= 0)
			buf_printf(b, en ? "overdue by %ld h %ld min" : "已超时 %ld 小时 %ld 分钟", st->late / 60, st->late % 60);
		else if (st->left >= 0)
			buf_printf(b, en ? "%ld h %ld min left" : "还剩 %ld 小时 %ld 分钟", st->left / 60, st->left % 60);
		else
			buf_str(b, en ? "to handle now" : "请立即处理");
	} else if (st->late >= 0)
		buf_printf(b, en ? "overdue by %ld working day(s)" : "已逾期 %ld 个工作日", st->late > 0 ? st->late : 1);
	else if (st->left == 0)
		buf_str(b, en ? "due today" : "今天到期");
	else
		buf_printf(b, en ? "%ld working day(s) left" : "还剩 %ld 个工作日", st->left);
}

static void
item_text(struct buf *b, const struct rm_item *x, size_t n, int en)
{
	const char *zh, *enl;
	labels(x, &zh, &enl);
	const char *unit = en && *x->v[IT_UNIT_NAME_EN] ? x->v[IT_UNIT_NAME_EN] : x->v[IT_UNIT_NAME];
	buf_printf(b, en ? "%zu. [%s] %s (%s)\n   " : "%zu. 【%s】%s（%s）\n   ", n, en ? enl : zh,
	    x->v[IT_TITLE], unit);
	if (*x->due)
		buf_printf(b, en ? "Due: %s, " : "截止：%s，", x->due);
	standing(b, x, en);
	buf_printf(b, "\n   %s%s\n", rm_set.base_url, x->v[IT_LINK]);
}

/* A mail for account a of the items idx[0..n) whose reminders are new (kept). */
struct rm_mail {
	struct rm_round *k;
	const struct rm_acct *a;
	const size_t *idx;
	size_t n;
	int hour;
	char *kept;
};

static void
compose(struct rm_mail *m, struct buf *subj, struct buf *body, size_t nkept)
{
	struct rm_round *k = m->k;
	char today[11];
	wd_format(k->w.today, today);
	const char *site = *k->c->cfg->site_name ? k->c->cfg->site_name : "wangan";
	const struct rm_item *first = NULL;
	for (size_t i = 0; i < m->n && first == NULL; i++)
		if (m->kept[i])
			first = &k->it[m->idx[i]];
	if (m->hour) {
		const char *zh, *en;
		labels(first, &zh, &en);
		buf_printf(subj, "【网安提醒】紧急：%s %s / Urgent: %s %s", zh, first->v[IT_TITLE], en,
		    first->v[IT_TITLE]);
	} else
		buf_printf(subj, "【网安提醒】%zu 项待办事项提醒 / wangan: %zu to-do reminder(s)", nkept, nkept);
	for (int en = 0; en < 2; en++) {
		if (en)
			buf_str(body, "\n----------------------------------------\n\n");
		if (en)
			buf_printf(body, "Hello %s,\n\n%s: %sthe following need%s your action (%s, %s):\n\n", m->a->name,
			    site, m->hour ? "urgently, " : "", nkept == 1 ? "s" : "", today, k->c->cfg->timezone);
		else
			buf_printf(body, "%s，您好：\n\n%s：%s以下事项需要您处理（%s，%s）：\n\n", m->a->name, site,
			    m->hour ? "请尽快处理，" : "", today, k->c->cfg->timezone);
		size_t shown = 0;
		for (size_t i = 0; i < m->n; i++) {
			if (!m->kept[i])
				continue;
			if (++shown > RM_DIGEST_ITEMS) {
				buf_printf(body, en ? "… and %zu more: see the home page.\n" : "……另有 %zu 项，请见首页。\n",
				    nkept - RM_DIGEST_ITEMS);
				break;
			}
			item_text(body, &k->it[m->idx[i]], shown, en);
		}
		buf_printf(body, en ? "\nYour to-do list: %s/home/\nThis message was sent automatically.\n" :
		    "\n我的待办：%s/home/\n本邮件由系统自动发送，请勿回复。\n", rm_set.base_url);
	}
}

static int
queue_tx(struct tx *t, void *arg)
{
	struct rm_mail *m = arg;
	struct ctx *c = t->c;
	enum db_rc rc;
	size_t nkept = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct rm_item *x = &m->k->it[m->idx[i]];
		struct db_val p[] = { DBS(x->v[IT_MODULE]), DBS(x->v[IT_KIND]), DBS(x->v[IT_RECORD]),
			DBS(x->v[IT_STATE]), DBS(x->v[IT_DUE]), DBS(x->stage), DBS(m->a->channel), DBI(m->a->id) };
		if ((rc = SQL_RUN(c, HM_SQL_RM_SENT, p, NULL, NULL)) != DB_OK)
			return rc;
		/* 0 rows: this reminder went out before (the unique key), never again */
		m->kept[i] = db_affected(c->db) == 1;
		nkept += (size_t)m->kept[i];
	}
	if (nkept == 0)
		return 204;	/* nothing new: roll back (nothing written) */
	struct buf subj, body;
	buf_init(&subj, c->ar, 250);
	buf_init(&body, c->ar, RM_BODY_MAX);
	compose(m, &subj, &body, nkept);
	if (subj.err || body.err)
		return 500;
	struct db_val q[] = { DBI(m->a->id), DBS(m->a->channel), DBS(m->a->email), DBS(buf_cstr(&subj)),
		DBS(buf_cstr(&body)) };
	if ((rc = SQL_RUN(c, HM_SQL_RM_QUEUE, q, NULL, NULL)) != DB_OK)
		return rc;
	struct db_val l[] = { DBI(db_insert_id(c->db)), DBI(m->a->id), DBS(m->a->channel) };
	if ((rc = SQL_RUN(c, HM_SQL_RM_LINK, l, NULL, NULL)) != DB_OK)
		return rc;
	return TX_COMMIT;
}

static int
queue(struct rm_round *k, const struct rm_acct *a, const size_t *idx, size_t n, int hour)
{
	struct rm_mail m = { k, a, idx, n, hour, ar_alloc(k->c->ar, n ? n : 1) };
	if (m.kept == NULL)
		return 500;
	struct tx t = { .c = k->c, .nonce = NULL };
	int st = tx_run(&t, queue_tx, &m);
	if (st == 204)
		return 200;
	if (st == 200)
		k->queued++;
	return st;
}

/* The mails not sent yet (HM_SQL_RM_PENDING), by outbox id: those none of whose items is open. */
struct rm_pending {
	struct rm_round *k;
	long long *drop;
	size_t n, cap;
	long long cur;
	int cur_open;
};

static int
pending_flush(struct rm_pending *p)
{
	if (p->cur == 0 || p->cur_open)
		return 0;
	if ((p->drop = grow(p->k->c->ar, p->drop, p->n, &p->cap, sizeof(*p->drop))) == NULL)
		return 1;
	p->drop[p->n++] = p->cur;
	return 0;
}

static int
pending_row(void *arg, const struct db_row *r)
{
	struct rm_pending *p = arg;
	long long id = atoll(r->v[RP_OUTBOX]);
	if (id != p->cur) {
		if (pending_flush(p) != 0)
			return 1;
		p->cur = id;
		p->cur_open = 0;
	}
	const char *key = open_key(p->k->c->ar, r->v[RP_MODULE], r->v[RP_KIND], r->v[RP_RECORD], r->v[RP_STATE],
	    r->v[RP_DUE]);
	if (key == NULL)
		return 1;
	if (!p->cur_open && bsearch(&key, p->k->open, p->k->nopen, sizeof(*p->k->open), key_cmp) != NULL)
		p->cur_open = 1;
	return 0;
}

/* Drops the mails not yet sent whose items are all done (the server was down meanwhile). */
static enum db_rc
cancel_done(struct rm_round *k)
{
	struct rm_pending p = { .k = k };
	enum db_rc rc;
	if (!k->all_read)
		return DB_OK;	/* an item not read is not known to be done */
	if (k->nopen)
		qsort(k->open, k->nopen, sizeof(*k->open), key_cmp);
	if ((rc = SQL_RUN0(k->c, HM_SQL_RM_PENDING, pending_row, &p)) != DB_OK)
		return rc;
	if (pending_flush(&p) != 0)
		return DB_ERR;
	for (size_t i = 0; i < p.n; i++) {
		struct db_val v[] = { DBI(p.drop[i]) };
		if ((rc = SQL_RUN(k->c, HM_SQL_RM_CANCEL, v, NULL, NULL)) != DB_OK)
			return rc;
		k->cancelled += (long)db_affected(k->c->db);
	}
	return DB_OK;
}

/* The schedule from the site's settings (the office's over wangan.conf's). */
static int
schedule(struct rm_round *k)
{
	const struct config *cfg = k->c->cfg;
	if (rm_parse_before(setting_get(cfg, "remind.before_days", "3,1"), &k->s) != 0 &&
	    rm_parse_before("3,1", &k->s) != 0)
		return -1;
	k->s.head_after = (int)setting_int(cfg, "remind.head_after_days", 1, 1, 60);
	k->s.office_after = (int)setting_int(cfg, "remind.office_after_days", 3, 1, 60);
	k->s.hour_office_secs = 60 * setting_int(cfg, "remind.hour_office_minutes", 60, 1, 7 * 24 * 60);
	return 0;
}

int
rm_round(struct ctx *c)
{
	struct rm_round k;
	char now[WD_NOW_LEN], today[11], horizon[11], before[11];
	enum db_rc rc;
	memset(&k, 0, sizeof(k));
	k.c = c;
	c->acct.login = "remind";
	if (schedule(&k) != 0)
		return 500;
	k.w.today = wd_today();
	wd_now(now);
	k.w.now = hm_time(now);
	k.w.cutoff = hm_cutoff(c->cal, k.w.today, hm_set.soon_days);
	k.w.soon_secs = 3600L * hm_set.soon_hours;
	k.digest = (k.w.now % 86400) / 3600 >= setting_int(c->cfg, "remind.digest_hour", 8, 0, 23);
	int far = 0;
	for (int i = 0; i < k.s.nbefore; i++)
		far = k.s.before[i] > far ? k.s.before[i] : far;
	wd_format(k.w.today, today);
	/* an assessment or a re-registration is read once its day is within the furthest "before" */
	wd_format(wd_add(c->cal, k.w.today, far) + 1, horizon);
	wd_format(hm_start_before(c->cal, k.w.today, hm_set.resign_days), before);
	struct db_val p[] = { DBI(0), DBS(""), DBS(hm_set.modules), DBS(hm_set.roles), DBS(hm_set.resign_kinds),
		DBS(horizon), DBS(today), DBS(now), DBS(before) };
	if ((rc = SQL_RUN(c, HM_SQL_SET, p, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN0(c, HM_SQL_RM_ITEMS, item_row, &k)) != DB_OK ||
	    (rc = SQL_RUN0(c, HM_SQL_RM_ACCOUNTS, acct_row, &k)) != DB_OK)
		return app_dberr(rc);
	k.all_read = k.nopen < RM_MAX_ITEMS;
	if (!k.all_read)
		log_msg("remind: more than %d items open; the rest wait for the next round", RM_MAX_ITEMS);
	size_t *idx = ar_alloc(c->ar, (k.nit ? k.nit : 1) * sizeof(*idx));
	if (idx == NULL)
		return 500;
	for (size_t a = 0; a < k.nac; a++) {
		size_t n = 0;
		for (size_t i = 0; i < k.nit; i++) {
			if (!reaches(&k.ac[a], &k.it[i]))
				continue;
			if (k.it[i].hour) {
				/* an hour's clock: a mail of its own, now */
				int st = queue(&k, &k.ac[a], &i, 1, 1);
				if (st != 200)
					return st;
			} else
				idx[n++] = i;
		}
		if (n > 0) {
			int st = queue(&k, &k.ac[a], idx, n, 0);
			if (st != 200)
				return st;
		}
	}
	if ((rc = cancel_done(&k)) != DB_OK)
		return app_dberr(rc);
	long failed = 0, sent = rm_send_due(c, &failed);
	if (sent < 0)
		return 500;
	printf("remind: %zu items open, %zu due a reminder, %zu recipients, %ld mails queued, %ld dropped"
	    " (done before sent), %ld sent, %ld failed\n", k.nopen, k.nit, k.nac, k.queued, k.cancelled, sent, failed);
	return 200;
}
