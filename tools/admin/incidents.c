/*
 * incidents.c — `wangan-admin demo-incidents`: synthetic incidents, threat
 * notices and an important period for the named demo units, timed around
 * now so the open board shows a deadline ahead, an overdue step and a
 * closed incident; the clocks and deadlines come from the module's own
 * clock (modules/incidents/clock.c) and the loaded calendar.  Names are
 * synthetic.  Runs once: a database that has incidents is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "admin.h"
#include "legacy.h"
#include "db.h"
#include "workday.h"
#include "../../modules/incidents/clock.h"

enum { S_TZ, S_HAS, S_DAYS, S_UNIT, S_INCIDENT, S_STEP, S_FILE, S_CHUNK, S_NOTICE, S_RESPONSE, S_PERIOD,
	S_REPORT, S_AUDIT, S__MAX };

static const char *const sql[S__MAX] = {
	/* the rows' own created_at are the site's time, as the modules' are */
	[S_TZ] = "SET time_zone = ?",
	[S_HAS] = "SELECT COUNT(*) FROM inc_incident",
	[S_DAYS] = "SELECT day, kind FROM calendar_day",
	[S_UNIT] = "SELECT id FROM unit WHERE code = ?",
	[S_INCIDENT] =
	    "INSERT INTO inc_incident (unit_id, reporting_unit_id, system_name, started_at, discovered_at,"
	    " reported_at, filled_by, reviewed_by, taxonomy, category, harm, level_reported, level_proposed,"
	    " level, description, measures, consequences, suggestions, oral_at, written_at, review_at,"
	    " handled_at, rectify_at, rectify_due, closed_at, status, next_due, next_step,"
	    " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review,"
	    " lim_rectify_days, nonce, created_by, updated_by)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1800,3600,7200,3600,3600,1,"
	    " CONCAT('demo', ?),'demo','demo')",
	[S_STEP] =
	    "INSERT INTO inc_step (incident_id, kind, at, recorded_at, by_login, by_name, detail, file_id)"
	    " VALUES (?,?,?,?,?,?,?,?)",
	[S_FILE] =
	    "INSERT INTO inc_file (mime, size, sha256, filename, unit_id, created_by)"
	    " VALUES ('application/pdf', ?, SHA2(?, 256), 'demo.pdf', ?, 'demo')",
	[S_CHUNK] = "INSERT INTO inc_file_chunk (file_id, seq, data) VALUES (?, 0, ?)",
	[S_NOTICE] =
	    "INSERT INTO inc_notice (unit_id, source, notice_no, received_at, description, due_at, status,"
	    " responded_at, nonce, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?, CONCAT('demo', ?),"
	    " 'demo','demo')",
	[S_RESPONSE] =
	    "INSERT INTO inc_notice_response (notice_id, result, file_id, submitted_at, submitted_by, nonce)"
	    " VALUES (?,?,?,?,'demo', CONCAT('demo', ?))",
	[S_PERIOD] =
	    "INSERT INTO inc_period (name, starts, ends, remark, nonce, created_by)"
	    " VALUES (?,?,?,?,'demo-period','demo')",
	[S_REPORT] =
	    "INSERT INTO inc_period_report (period_id, unit_id, day, status, incident_id, remark,"
	    " reported_at, reported_by, nonce) SELECT ?, id, ?, ?, ?, ?, ?, 'demo', CONCAT('demo', ?, code)"
	    " FROM unit WHERE code = ?",
	[S_AUDIT] = "INSERT INTO audit (at, login, role, module, record_type, record_id, action,"
	    " after_data, request_id) VALUES (NOW(), 'admin-cli', 'office', 'admin', 'demo', 0,"
	    " 'demo-incidents', '{\"synthetic\":true}', 'admin-cli')",
};

#define MIN 60L
#define HOUR 3600L
#define DAY 86400L

static struct db *db;
static struct wd_cal cal;
static const struct inc_limits lim = { 30 * MIN, 60 * MIN, 120 * MIN, 60 * MIN, 60 * MIN, 1 };

/* A demo incident: when each step happened, relative to now (INC_NONE: not done). */
struct demo {
	const char *unit, *tax, *cat, *harm, *what, *measures;
	int level_reported, proposed, level;
	long start, discovered, oral, written, review, handled, rectify, closed;
};

static int
id_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

static int
day_row(void *arg, const struct db_row *r)
{
	wd_add_text(arg, r->v[0], r->v[1]);
	return 0;
}

static long long
unit_id(const char *code)
{
	long long id = 0;
	struct db_val p = DBS(code);
	return db_run(db, S_UNIT, &p, 1, id_row, &id) == DB_OK ? id : 0;
}

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

static enum db_rc
step(long long id, const char *kind, long t, const char *login, const char *name, const char *detail)
{
	char b[20];
	struct db_val p[] = { DBI(id), DBS(kind), at(t, b), at(t, b), DBS(login), DBS(name), DBS(detail), DBN };
	return db_run(db, S_STEP, p, 8, NULL, NULL);
}

static enum db_rc
incident(const struct demo *d, int n, long now, long long *id)
{
	char s[20], di[20], rep[20], o[20], w[20], rv[20], h[20], rc_[20], rd[20], cl[20], due[20], nonce[16];
	long next;
	long long unit = unit_id(d->unit);
	struct inc_times t = { d->level, d->start, d->discovered, d->oral, d->written, d->review, d->handled,
		d->rectify, INC_NONE };
	if (unit == 0)
		return DB_ERR;
	t.rectify_due = inc_workdays_end(&cal, d->handled, lim.rectify_days);
	const char *nstep = inc_next(&lim, &t, now, d->closed != INC_NONE, d->proposed != 0, &next);
	long first = d->oral != INC_NONE && (d->written == INC_NONE || d->oral < d->written) ? d->oral : d->written;
	inc_time_format(next == INC_NONE ? inc_time("9999-12-31 23:59:59") : next, due);
	snprintf(nonce, sizeof(nonce), "incident%d", n);
	struct db_val p[] = {
		DBI(unit), DBI(unit), DBS(""), at(d->start, s), at(d->discovered, di), at(first, rep),
		DBS("示例填报人"), DBS(d->review != INC_NONE ? "示例负责人" : ""), DBS(d->tax), DBS(d->cat),
		DBS(d->harm), level(d->level_reported), level(d->proposed), level(d->level), DBS(d->what),
		DBS(d->measures), DBS(""), DBS(""), at(d->oral, o), at(d->written, w), at(d->review, rv),
		at(d->handled, h), at(d->rectify, rc_), at(t.rectify_due, rd), at(d->closed, cl),
		DBS(d->closed != INC_NONE ? "closed" : "open"), DBS(due), DBS(nstep), DBS(nonce),
	};
	enum db_rc rc = db_run(db, S_INCIDENT, p, sizeof(p) / sizeof(p[0]), NULL, NULL);
	if (rc != DB_OK)
		return rc;
	*id = (long long)db_insert_id(db);
	/* the steps in the order they happened */
	static const char *const kinds[] = { "oral", "written", "review", "handled", "rectify", "close" };
	const long times[] = { d->oral, d->written, d->review, d->handled, d->rectify, d->closed };
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]) && rc == DB_OK; k++)
		if (times[k] != INC_NONE)
			rc = step(*id, kinds[k], times[k], k == 0 || k == 5 ? "office" : "demo",
			    k == 0 || k == 5 ? "网信办管理员" : "示例填报人", k == 0 ? "示例报告人" : "");
	if (rc == DB_OK && d->proposed)
		rc = step(*id, "propose", d->start + 3 * HOUR, "office", "网信办管理员", d->proposed == 3 ? "3" : "4");
	if (rc == DB_OK && d->level)
		rc = step(*id, "confirm", d->start + 4 * HOUR, "leader", "分管校领导", d->level == 3 ? "3" : "4");
	return rc;
}

/* A one-piece synthetic PDF of unit's, its id in *id. */
static enum db_rc
file(long long unit, long long *id)
{
	static const char pdf[] = "%PDF-1.4\n% wangan demo report: synthetic\n%%EOF\n";
	struct db_val p[] = { DBI((long long)sizeof(pdf) - 1), DBS(pdf), DBI(unit) };
	enum db_rc rc = db_run(db, S_FILE, p, 3, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	*id = (long long)db_insert_id(db);
	struct db_val c[] = { DBI(*id), DBB(pdf, sizeof(pdf) - 1) };
	return db_run(db, S_CHUNK, c, 2, NULL, NULL);
}

static enum db_rc
notices(long now)
{
	static const struct { const char *unit, *no, *what, *status; int days_ago; } v[] = {
		{ "C-CS", "TB-DEMO-0001", "教学平台存在弱口令，可被登录后台。", "assigned", 3 },
		{ "C-ME", "TB-DEMO-0002", "实验室网站存在 SQL 注入漏洞。", "assigned", 20 },
		{ "A-LIB", "TB-DEMO-0003", "图书馆网站使用的中间件版本存在已知漏洞。", "responded", 9 },
	};
	char r[20], d[20], resp[20], nonce[16];
	enum db_rc rc = DB_OK;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]) && rc == DB_OK; i++) {
		long long unit = unit_id(v[i].unit), nid, fid = 0;
		long received = now - v[i].days_ago * DAY - 2 * HOUR;
		long responded = strcmp(v[i].status, "responded") == 0 ? now - 2 * DAY : INC_NONE;
		snprintf(nonce, sizeof(nonce), "notice%zu", i);
		struct db_val p[] = {
			DBI(unit), DBS("教育系统网络安全工作管理平台"), DBS(v[i].no), at(received, r), DBS(v[i].what),
			at(inc_workdays_end(&cal, received, 10), d), DBS(v[i].status), at(responded, resp),
			DBS(nonce),
		};
		if ((rc = db_run(db, S_NOTICE, p, 9, NULL, NULL)) != DB_OK)
			break;
		nid = (long long)db_insert_id(db);
		if (responded == INC_NONE)
			continue;
		if ((rc = file(unit, &fid)) != DB_OK)
			break;
		snprintf(nonce, sizeof(nonce), "response%zu", i);
		struct db_val q[] = { DBI(nid), DBS("已升级中间件并复测，漏洞已修复。"), DBI(fid), at(responded, resp),
			DBS(nonce) };
		rc = db_run(db, S_RESPONSE, q, 5, NULL, NULL);
	}
	return rc;
}

static enum db_rc
period(long long incident)
{
	static const struct { const char *unit, *status; int day; } v[] = {
		{ "C-CS", "clear", -1 }, { "CENTER", "clear", -1 }, { "C-ME", "incident", -1 },
		{ "C-CS", "clear", 0 }, { "CENTER", "clear", 0 }, { "O-FIN", "clear", 0 },
	};
	char a[11], b[11], day[11], when[20];
	int today = wd_today();
	wd_format(today - 2, a);
	wd_format(today + 3, b);
	struct db_val p[] = { DBS("示例重要时期网络安全保障"), DBS(a), DBS(b), DBS("演示数据：各单位每天报平安。") };
	enum db_rc rc = db_run(db, S_PERIOD, p, 4, NULL, NULL);
	long long id = (long long)db_insert_id(db);
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]) && rc == DB_OK; i++) {
		int inc = strcmp(v[i].status, "incident") == 0;
		wd_format(today + v[i].day, day);
		snprintf(when, sizeof(when), "%s 09:%02zu:00", day, 10 + i);
		struct db_val r[] = { DBI(id), DBS(day), DBS(v[i].status), inc ? DBI(incident) : DBN,
			DBS(inc ? "见事件报告单。" : ""), DBS(when), DBS(day), DBS(v[i].unit) };
		rc = db_run(db, S_REPORT, r, 8, NULL, NULL);
	}
	return rc;
}

int
demo_incidents(const struct config *cfg)
{
	long now = inc_now(), n = INC_NONE;
	long long have = 0, id = 0, me = 0;
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

	time_t t = time(NULL);
	struct tm tm;
	char tz[8];
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	snprintf(tz, sizeof(tz), "%c%02ld:%02ld", off < 0 ? '-' : '+', labs(off) / 60 % 100, labs(off) % 60);
	struct db_val tzp = DBS(tz);
	static struct db_stmt st[S__MAX];
	legacy_stmts("admin-incidents", sql, S__MAX, st);
	db = db_new(cfg, st, S__MAX);
	if (db == NULL || db_ensure(db) != DB_OK || db_run(db, S_TZ, &tzp, 1, NULL, NULL) != DB_OK)
		goto fail;
	wd_init(&cal);
	if (db_run(db, S_DAYS, NULL, 0, day_row, &cal) != DB_OK || db_run(db, S_HAS, NULL, 0, id_row, &have) != DB_OK)
		goto fail;
	if (have > 0) {
		printf("incidents demo data already present; nothing written\n");
		db_free(db);
		return 0;
	}
	if (db_begin(db) != DB_OK)
		goto fail;
	for (size_t i = 0; i < sizeof(demos) / sizeof(demos[0]); i++) {
		if (incident(&demos[i], (int)i, now, &id) != DB_OK)
			goto rollback;
		if (i == 1)
			me = id;
	}
	if (notices(now) != DB_OK || period(me) != DB_OK || db_run(db, S_AUDIT, NULL, 0, NULL, NULL) != DB_OK ||
	    db_commit(db) != DB_OK)
		goto rollback;
	printf("wrote synthetic incidents, threat notices and an important period\n");
	db_free(db);
	return 0;
rollback:
	db_rollback(db);
fail:
	fprintf(stderr, "wangan-admin: incidents demo data failed\n");
	db_free(db);
	return -1;
}
