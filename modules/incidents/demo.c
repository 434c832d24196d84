/*
 * demo.c — `wangan-incidents --demo`: synthetic incidents, threat notices
 * and an important period for the named demo units (wangan-admin demo),
 * timed around now so the open board shows a deadline ahead, an overdue
 * step and a closed incident.  The clocks, deadlines and limits are the
 * module's own (clock.h, the site's settings) over the loaded calendar, and
 * the rows go in through the module's statements.  Names are synthetic.
 * Runs once: a database that has incidents is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "setting.h"
#include "tx.h"

#define MIN 60L
#define HOUR 3600L
#define DAY 86400L

/* A demo incident: when each step happened, relative to now (INC_NONE: not done). */
struct demo {
	const char *unit, *tax, *cat, *harm, *what, *measures;
	int level_reported, proposed, level;
	long start, discovered, oral, written, review, handled, rectify, closed;
};

/* A time, or SQL NULL; b holds its text. */
static struct db_val
at(long t, char b[20])
{
	inc_time_format(t, b);
	return t == INC_NONE ? DBN : DBS(b);
}

static struct db_val
level(int l)
{
	return l ? DBI(l) : DBN;
}

/* The id of the demo unit code, or 0 (the registration demo has not made it). */
static long long
unit_id(struct ctx *c, const char *code)
{
	long long id = 0;
	return inc_unit_by_code(c, code, &id, NULL) == DB_OK ? id : 0;
}

static enum db_rc
step(struct ctx *c, long long id, const char *kind, long t, const char *login, const char *name,
    const char *detail)
{
	char b[20];
	struct db_val p[] = { DBI(id), DBS(kind), at(t, b), at(t, b), DBS(login), DBS(name), DBS(detail), DBN };
	return SQL_RUN(c, INC_SQL_STEP_INSERT, p, NULL, NULL);
}

static enum db_rc
incident(struct ctx *c, const struct demo *d, int n, long now, long long *id)
{
	char s[20], di[20], rep[20], o[20], w[20], rv[20], h[20], rc_[20], rd[20], cl[20], due[20], nonce[32];
	const struct inc_limits *l = &inc_set.lim;
	long next;
	long long unit = unit_id(c, d->unit);
	struct inc_times t = { d->level, d->start, d->discovered, d->oral, d->written, d->review, d->handled,
		d->rectify, INC_NONE };
	if (unit == 0)
		return DB_ERR;
	t.rectify_due = inc_workdays_end(c->cal, d->handled, l->rectify_days);
	const char *nstep = inc_next(l, &t, now, d->closed != INC_NONE, d->proposed != 0, &next);
	long first = d->oral != INC_NONE && (d->written == INC_NONE || d->oral < d->written) ? d->oral : d->written;
	if (next == INC_NONE)
		snprintf(due, sizeof(due), "%s", INC_NO_DUE);
	else
		inc_time_format(next, due);
	snprintf(nonce, sizeof(nonce), "demoincident%d", n);
	struct db_val p[] = {
		DBI(unit), DBI(unit), at(d->start, s), at(d->discovered, di), at(first, rep),
		DBS("示例填报人"), DBS(d->review != INC_NONE ? "示例负责人" : ""), DBS(d->tax), DBS(d->cat),
		DBS(d->harm), level(d->level_reported), level(d->proposed), level(d->level), DBS(d->what),
		DBS(d->measures), at(d->oral, o), at(d->written, w), at(d->review, rv),
		at(d->handled, h), at(d->rectify, rc_), at(t.rectify_due, rd), at(d->closed, cl),
		DBS(d->closed != INC_NONE ? "closed" : "open"), DBS(due), DBS(nstep),
		DBI(l->first_ontime), DBI(l->first_late), DBI(l->first_missed), DBI(l->written),
		DBI(l->review), DBI(l->rectify_days), DBS(inc_set.profile->code), DBS(inc_set.profile->version),
		DBS(nonce),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_DEMO_INCIDENT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	*id = (long long)db_insert_id(c->db);
	/* the steps in the order they happened */
	static const char *const kinds[] = { "oral", "written", "review", "handled", "rectify", "close" };
	const long times[] = { d->oral, d->written, d->review, d->handled, d->rectify, d->closed };
	for (size_t k = 0; k < APP_COUNT(kinds) && rc == DB_OK; k++)
		if (times[k] != INC_NONE)
			rc = step(c, *id, kinds[k], times[k], k == 0 || k == 5 ? "office" : "demo",
			    k == 0 || k == 5 ? "网信办管理员" : "示例填报人", k == 0 ? "示例报告人" : "");
	/* the office proposes three hours in, a leader confirms an hour later; for an
	 * incident younger than that, both happened just now, in that order: a step
	 * dated after now is one the forms would refuse (util.c, future_time) */
	long propose = d->start + 3 * HOUR, confirm = d->start + 4 * HOUR;
	if (confirm > now) {
		propose = now - 2 * MIN;
		confirm = now - MIN;
	}
	if (rc == DB_OK && d->proposed)
		rc = step(c, *id, "propose", propose, "office", "网信办管理员", d->proposed == 3 ? "3" : "4");
	if (rc == DB_OK && d->level)
		rc = step(c, *id, "confirm", confirm, "leader", "分管校领导", d->level == 3 ? "3" : "4");
	return rc;
}

/* A one-piece synthetic PDF of unit's, stored as a unit's upload is; its id in *id. */
static enum db_rc
file(struct ctx *c, long long unit, long long *id)
{
	static const unsigned char pdf[] = "%PDF-1.4\n% wangan demo report: synthetic\n%%EOF\n";
	struct req_file f = { .name = "file", .filename = "demo.pdf", .data = pdf, .len = sizeof(pdf) - 1 };
	return inc_file_store(c, &f, SNIFF_PDF, unit, id);
}

static enum db_rc
notices(struct ctx *c, long now)
{
	static const struct { const char *unit, *no, *what, *status; int days_ago; } v[] = {
		{ "C-CS", "TB-DEMO-0001", "教学平台存在弱口令，可被登录后台。", "assigned", 3 },
		{ "C-ME", "TB-DEMO-0002", "实验室网站存在 SQL 注入漏洞。", "assigned", 20 },
		{ "A-LIB", "TB-DEMO-0003", "图书馆网站使用的中间件版本存在已知漏洞。", "responded", 9 },
	};
	char r[20], d[20], resp[20], nonce[32];
	enum db_rc rc = DB_OK;
	for (size_t i = 0; i < APP_COUNT(v) && rc == DB_OK; i++) {
		long long unit = unit_id(c, v[i].unit), nid, fid = 0;
		long received = now - v[i].days_ago * DAY - 2 * HOUR;
		long responded = strcmp(v[i].status, "responded") == 0 ? now - 2 * DAY : INC_NONE;
		snprintf(nonce, sizeof(nonce), "demonotice%zu", i);
		struct db_val p[] = {
			DBI(unit), DBS("教育系统网络安全工作管理平台"), DBS(v[i].no), at(received, r), DBS(v[i].what),
			at(inc_workdays_end(c->cal, received, (int)setting_int(c->cfg, "incidents.notice_workdays", 10, 1, 90)), d), DBS(v[i].status),
			at(responded, resp), DBS(nonce),
		};
		if ((rc = SQL_RUN(c, INC_SQL_DEMO_NOTICE, p, NULL, NULL)) != DB_OK)
			break;
		nid = (long long)db_insert_id(c->db);
		if (responded == INC_NONE)
			continue;
		if ((rc = file(c, unit, &fid)) != DB_OK)
			break;
		snprintf(nonce, sizeof(nonce), "demoresponse%zu", i);
		struct db_val q[] = { DBI(nid), DBS("已升级中间件并复测，漏洞已修复。"), DBI(fid), at(responded, resp),
			DBS("demo"), DBS(nonce) };
		rc = SQL_RUN(c, INC_SQL_RESPONSE_INSERT, q, NULL, NULL);
	}
	return rc;
}

/* A period from two days ago to three days ahead, with some units' reports of yesterday and today. */
static enum db_rc
period(struct ctx *c, long long incident)
{
	static const struct { const char *unit, *status; int day; } v[] = {
		{ "C-CS", "clear", -1 }, { "CENTER", "clear", -1 }, { "C-ME", "incident", -1 },
		{ "C-CS", "clear", 0 }, { "CENTER", "clear", 0 }, { "O-FIN", "clear", 0 },
	};
	char a[11], b[11], day[11], when[20], nonce[32];
	int today = wd_today();
	wd_format(today - 2, a);
	wd_format(today + 3, b);
	struct db_val p[] = { DBS("示例重要时期网络安全保障"), DBS(a), DBS(b), DBS("演示数据：各单位每天报平安。"),
		DBS("demo-period"), DBS("demo") };
	enum db_rc rc = SQL_RUN(c, INC_SQL_PERIOD_INSERT, p, NULL, NULL);
	long long id = (long long)db_insert_id(c->db);
	for (size_t i = 0; i < APP_COUNT(v) && rc == DB_OK; i++) {
		int inc = strcmp(v[i].status, "incident") == 0;
		wd_format(today + v[i].day, day);
		snprintf(when, sizeof(when), "%s 09:%02zu:00", day, 10 + i);
		snprintf(nonce, sizeof(nonce), "demo%s%s", day, v[i].unit);
		struct db_val r[] = { DBI(id), DBI(unit_id(c, v[i].unit)), DBS(day), DBS(v[i].status),
			inc ? DBI(incident) : DBN, DBS(inc ? "见事件报告单。" : ""), DBS(when), DBS("demo"), DBS(nonce) };
		rc = SQL_RUN(c, INC_SQL_PERIOD_REPORT, r, NULL, NULL);
	}
	return rc;
}

/* Everything in one transaction, from the same now each time it runs. */
static int
demo_tx(struct tx *t, void *arg)
{
	const long now = *(const long *)arg, n = INC_NONE;
	struct ctx *c = t->c;
	long long id = 0, me = 0;
	enum db_rc rc;
	const struct demo demos[] = {
		/* reported in writing exactly 30 min after the start: on time; the review is due soon */
		{ "C-CS", "gbt2023", "network_attack", "outage", "教务系统遭受拒绝服务攻击，页面访问缓慢。",
		  "已启用流量清洗，封禁异常来源地址。", 3, 3, 0,
		  now - 50 * MIN, now - 45 * MIN, n, now - 20 * MIN, n, n, n, n },
		/* a call after 70 min (missed), the sheet after 3 h; level III confirmed, review overdue */
		{ "C-ME", "gbt2023", "malware", "paralysis,destroyed", "实验室服务器感染勒索软件，部分数据被加密。",
		  "已断开网络隔离受感染主机，保留现场。", 2, 3, 3,
		  now - 5 * HOUR, now - 4 * HOUR, now - 5 * HOUR + 70 * MIN, now - 2 * HOUR, n, n, n, n },
		/* level IV, handled: the written report on the handling is due by the calendar */
		{ "O-FIN", "gbz2007", "equipment_fault", "outage", "财务系统所在机房空调故障，服务器过热停机。",
		  "已更换空调压缩机，服务器恢复运行。", 4, 4, 4,
		  now - 6 * HOUR, now - 6 * HOUR, now - 6 * HOUR + 10 * MIN, now - 5 * HOUR, n, now - 3 * HOUR,
		  n, n },
		/* level IV, closed a week ago */
		{ "A-LIB", "gbt2023", "info_content", "other", "图书馆网站留言板出现违规信息。",
		  "已删除违规信息并关闭留言功能。", 4, 4, 4,
		  now - 8 * DAY, now - 8 * DAY + 10 * MIN, n, now - 8 * DAY + 25 * MIN, n, now - 8 * DAY + 5 * HOUR,
		  now - 7 * DAY, now - 7 * DAY + HOUR },
	};

	for (size_t i = 0; i < APP_COUNT(demos); i++) {
		if ((rc = incident(c, &demos[i], (int)i, now, &id)) != DB_OK)
			return rc;
		if (i == 1)
			me = id;	/* C-ME's, which its period report names */
	}
	if ((rc = notices(c, now)) != DB_OK || (rc = period(c, me)) != DB_OK)
		return rc;
	t->record = "demo";
	t->action = "demo";
	t->after = "{\"synthetic\":true}";
	return TX_COMMIT;
}

int
inc_demo(struct ctx *c)
{
	long now = inc_now();
	long long have = 0;

	/* the demo's rows and its audit row are the "demo" account's, as every demo's are */
	c->acct.login = "demo";
	enum db_rc rc = SQL_RUN0(c, INC_SQL_DEMO_HAS, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (have > 0) {
		printf("incidents demo data already present; nothing written\n");
		return 200;
	}
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, demo_tx, &now);
	if (st != 200) {
		fprintf(stderr, "wangan-incidents: incidents demo data failed\n");
		return st;
	}
	printf("wrote synthetic incidents, threat notices and an important period\n");
	return 200;
}
