/*
 * system.c — one system: its page (inventory, grading, filing, assessments
 * and findings), and the form that files a new one or edits it.  A unit's
 * staff file and edit their own unit's systems; the office also grades,
 * records the filing and the CII flag, and may move a system between units.
 *
 * The gate (seed 002 art. 6): a system of level 2 or above cannot be set
 * online without a passing assessment (pass or basic pass); the form says
 * why.  Edits carry the version they started from: if the system changed
 * in between, the user gets 409 with the system as it is now beside what
 * they typed.  A new system's form carries a nonce: a double submit files
 * it once.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "systems.h"

/* The columns of SYS_SQL_GET, as the page names them. */
static const char *const col[] = {
	"id", "version", "unit-id", "unit-code", "unit-name", "name", "kind", "url", "ips", "purpose",
	"vendor-id", "vendor", "hosting", "admin-name", "admin-phone", "status", "golive", "level",
	"graded", "review", "filing-no", "filing-date", "cii", "last-assessed", "next-due",
	"created-by", "updated-at", "updated-by", "unit-name-en",
};
#define NCOL (sizeof(col) / sizeof(col[0]))

enum { F_UNIT, F_NAME, F_KIND, F_URL, F_IPS, F_PURPOSE, F_VENDOR, F_HOSTING, F_ADMIN, F_PHONE,
	F_STATUS, F_GOLIVE, F_LEVEL, F_GRADED, F_REVIEW, F_FILING_NO, F_FILING_DATE, F_CII,
	F_VERSION, F_NONCE, F__MAX };

static const char *const kinds[] = { "info_system", "website", "wechat_official", "wecom_app",
	"dingtalk_app", "mobile_app", "other", NULL };
static const char *const hostings[] = { "cloud_vm", "hosted_server", "external", NULL };
static const char *const statuses[] = { "planned", "building", "trial", "online", "retired", NULL };
static const char *const levels[] = { "1", "2", "3", "4", NULL };
static const char *const flags[] = { "0", "1", NULL };

static const struct vfield fields[F__MAX] = {
	[F_UNIT]        = { "unit", V_TOKEN, 1, 32, NULL },
	[F_NAME]        = { "name", V_TEXT, 1, 128, NULL },
	[F_KIND]        = { "kind", V_CHOICE, 1, 20, kinds },
	[F_URL]         = { "url", V_TEXT, 0, 255, NULL },
	[F_IPS]         = { "ips", V_MULTILINE, 0, 600, NULL },
	[F_PURPOSE]     = { "purpose", V_MULTILINE, 0, 1000, NULL },
	[F_VENDOR]      = { "vendor", V_INT, 0, 12, NULL },
	[F_HOSTING]     = { "hosting", V_CHOICE, 1, 16, hostings },
	[F_ADMIN]       = { "admin_name", V_TEXT, 1, 32, NULL },
	[F_PHONE]       = { "admin_phone", V_TEXT, 1, 24, NULL },
	[F_STATUS]      = { "status", V_CHOICE, 1, 10, statuses },
	[F_GOLIVE]      = { "golive_date", V_DATE, 0, 10, NULL },
	[F_LEVEL]       = { "level", V_CHOICE, 0, 1, levels },
	[F_GRADED]      = { "graded_date", V_DATE, 0, 10, NULL },
	[F_REVIEW]      = { "review_date", V_DATE, 0, 10, NULL },
	[F_FILING_NO]   = { "filing_no", V_TEXT, 0, 64, NULL },
	[F_FILING_DATE] = { "filing_date", V_DATE, 0, 10, NULL },
	[F_CII]         = { "cii", V_CHOICE, 0, 1, flags },
	[F_VERSION]     = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]       = { "nonce", V_TOKEN, 0, 32, NULL },
};

/* The form fields only the office sets, and the columns they come from. */
static const struct { int field, column; } grading[] = {
	{ F_LEVEL, 17 }, { F_GRADED, 18 }, { F_REVIEW, 19 }, { F_FILING_NO, 20 },
	{ F_FILING_DATE, 21 }, { F_CII, 22 },
};
/* Every form field and its column, for the edit form's prefill. */
static const struct { int field, column; } prefill[] = {
	{ F_UNIT, 3 }, { F_NAME, 5 }, { F_KIND, 6 }, { F_URL, 7 }, { F_IPS, 8 }, { F_PURPOSE, 9 },
	{ F_VENDOR, 10 }, { F_HOSTING, 12 }, { F_ADMIN, 13 }, { F_PHONE, 14 }, { F_STATUS, 15 },
	{ F_GOLIVE, 16 }, { F_LEVEL, 17 }, { F_GRADED, 18 }, { F_REVIEW, 19 }, { F_FILING_NO, 20 },
	{ F_FILING_DATE, 21 }, { F_CII, 22 }, { F_VERSION, 1 },
};

struct sys {
	struct ctx *c;
	const char *v[NCOL];
	int n;
};

static int
sys_row(void *arg, const struct db_row *r)
{
	struct sys *s = arg;
	for (size_t i = 0; i < NCOL; i++)
		s->v[i] = ar_strdup(s->c->ar, r->v[i]);
	s->n++;
	return 0;
}

static enum db_rc
load(struct ctx *c, long long id, struct sys *s, int lock)
{
	struct db_val v = DBI(id);
	memset(s, 0, sizeof(*s));
	s->c = c;
	return db_run(c->db, SQL(lock ? SYS_SQL_LOCK : SYS_SQL_GET), &v, 1, sys_row, s);
}

/* The system as <name> under parent, one child element per column. */
static void
sys_node(struct ctx *c, xmlNodePtr parent, const char *name, const struct sys *s)
{
	xmlNodePtr n = pg_node(parent, name);
	for (size_t i = 0; i < NCOL; i++)
		if (i != 4 && i != 28)
			pg_text(n, col[i], s->v[i]);
	pg_text(n, "unit-name", c->lang == LANG_EN && *s->v[28] ? s->v[28] : s->v[4]);
	int due = wd_parse(s->v[24]);
	pg_attr(n, "overdue", due != WD_INVALID && due < wd_today() &&
	    strcmp(s->v[15], "retired") != 0 ? "1" : "0");
}

struct rows {
	struct ctx *c;
	xmlNodePtr parent;
	const char *elem;
	const char *const *names;
	size_t n;
};

static int
rows_row(void *arg, const struct db_row *r)
{
	struct rows *rs = arg;
	xmlNodePtr n = pg_node(rs->parent, rs->elem);
	for (size_t i = 0; i < rs->n && i < r->n; i++)
		pg_text(n, rs->names[i], r->v[i]);
	return 0;
}

/* Opens system c->id for reading or writing: 200, 404, 403 (audited) or APP_LOST/500. */
static int
open_sys(struct ctx *c, struct sys *s, int write, int lock)
{
	enum db_rc rc = load(c, c->id, s, lock);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if (s->n == 0)
		return 404;
	long long unit = atoll(s->v[2]);
	if (!(write ? auth_unit_write(c, unit) : auth_unit_read(c, unit)))
		return auth_deny(c, "system", c->id);
	return 200;
}

int
sys_view(struct ctx *c)
{
	static const char *const acols[] = { "id", "date", "agency", "result", "score", "report" };
	static const char *const fcols[] = { "id", "assessment", "text", "deadline", "done" };
	struct sys s;

	c->view = "systems/system";
	int st = open_sys(c, &s, 0, 0);
	if (st != 200)
		return st;
	sys_node(c, c->data, "system", &s);
	pg_attr(c->data, "writable", auth_unit_write(c, atoll(s.v[2])) ? "1" : "0");
	struct db_val v = DBI(c->id);
	struct rows a = { c, pg_node(c->data, "assessments"), "assessment", acols, 6 };
	struct rows f = { c, pg_node(c->data, "findings"), "finding", fcols, 5 };
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_ASSESSMENTS), &v, 1, rows_row, &a);
	if (rc == DB_OK)
		rc = db_run(c->db, SQL(SYS_SQL_FINDINGS), &v, 1, rows_row, &f);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	if (app_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return 200;
}

static int
vendor_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "vendor");
	pg_attr(n, "id", r->v[0]);
	pg_text(n, "name", r->v[1]);
	return 0;
}

/* The form page: the system as it is (editing), the vendors to choose from, the fields. */
static int
form_page(struct ctx *c, int status, const struct sys *cur, const char **vals, const char **errs)
{
	c->view = "systems/form";
	if (cur != NULL && cur->n)
		sys_node(c, c->data, "current", cur);
	pg_attr(c->data, "grades", c->acct.role == ROLE_OFFICE ? "1" : "0");
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_VENDORS), NULL, 0, vendor_row, pg_node(c->data, "vendors"));
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
sys_form(struct ctx *c)
{
	const char *vals[F__MAX];
	struct sys s = { 0 };
	char nonce[33];

	for (int i = 0; i < F__MAX; i++)
		vals[i] = "";
	if (c->id != 0) {
		int st = open_sys(c, &s, 1, 0);
		if (st != 200)
			return st;
		for (size_t i = 0; i < sizeof(prefill) / sizeof(prefill[0]); i++)
			vals[prefill[i].field] = s.v[prefill[i].column];
		if (strcmp(vals[F_VENDOR], "0") == 0)
			vals[F_VENDOR] = "";
		if (strcmp(vals[F_LEVEL], "0") == 0)
			vals[F_LEVEL] = "";
	} else {
		app_nonce(nonce);
		vals[F_NONCE] = nonce;
		vals[F_UNIT] = c->acct.unit_code;
		vals[F_STATUS] = "planned";
		vals[F_CII] = "0";
		vals[F_VERSION] = "0";
	}
	return form_page(c, 200, c->id ? &s : NULL, vals, NULL);
}

/* "10.1.2.3, 2001:db8::1": IPv4 and IPv6 addresses separated by spaces, commas or lines. */
static const char *
check_ips(struct ctx *c, const char *in, const char **out)
{
	struct buf b;
	char ip[64];
	int n = 0;
	buf_init(&b, c->ar, 700);
	for (const char *p = in; *p; ) {
		size_t skip = strspn(p, " ,;\t\r\n"), len = strcspn(p + skip, " ,;\t\r\n");
		p += skip;
		if (len == 0)
			break;
		if (len >= sizeof(ip) || ++n > 16)
			return "ips";
		memcpy(ip, p, len);
		ip[len] = '\0';
		unsigned char a[16];
		if (inet_pton(AF_INET, ip, a) != 1 && inet_pton(AF_INET6, ip, a) != 1)
			return "ips";
		buf_printf(&b, "%s%s", n > 1 ? ", " : "", ip);
		p += len;
	}
	*out = buf_cstr(&b);
	return NULL;
}

/* A domain or an http(s) URL: printable ASCII, no spaces or quotes. */
static int
url_ok(const char *s)
{
	for (; *s; s++)
		if (*s <= ' ' || *s >= 127 || strchr("\"'<>\\`", *s))
			return 0;
	return 1;
}

static int
count_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

/* The checks beyond each field's own: returns the number of new errors. */
static size_t
cross_check(struct ctx *c, const char **v, const char **e, long long *unit, long long id)
{
	size_t bad = 0;
	long long n = 0;
	struct vfield ph = { "p", V_PHONE, 1, 24, NULL }, mo = { "m", V_MOBILE, 1, 24, NULL };

	if (!e[F_URL] && *v[F_URL] && !url_ok(v[F_URL]))
		e[F_URL] = "url", bad++;
	if (!e[F_IPS] && (e[F_IPS] = check_ips(c, v[F_IPS], &v[F_IPS])) != NULL)
		bad++;
	if (!e[F_PHONE] && valid_check(&ph, v[F_PHONE]) && valid_check(&mo, v[F_PHONE]))
		e[F_PHONE] = "phone", bad++;
	if (!e[F_STATUS] && strcmp(v[F_STATUS], "online") == 0 && !e[F_GOLIVE] && !*v[F_GOLIVE])
		e[F_GOLIVE] = "required", bad++;
	if (!e[F_FILING_NO] && !e[F_FILING_DATE] && (!*v[F_FILING_NO]) != (!*v[F_FILING_DATE]))
		e[*v[F_FILING_NO] ? F_FILING_DATE : F_FILING_NO] = "filing_pair", bad++;
	struct db_val uc = DBS(v[F_UNIT]);
	*unit = 0;
	if (!e[F_UNIT] && (db_run(c->db, SQL(SYS_SQL_UNIT), &uc, 1, count_row, unit) != DB_OK || *unit == 0))
		e[F_UNIT] = "unit", bad++;
	if (!e[F_VENDOR] && *v[F_VENDOR]) {
		struct db_val vv = DBI(atoll(v[F_VENDOR]));
		if (db_run(c->db, SQL(SYS_SQL_VENDOR_OK), &vv, 1, count_row, &n) != DB_OK || n == 0)
			e[F_VENDOR] = "vendor", bad++;
	}
	/* The gate: level 2 and above goes online only after a passing assessment. */
	if (!e[F_STATUS] && !e[F_LEVEL] && strcmp(v[F_STATUS], "online") == 0 && atoi(v[F_LEVEL]) >= 2) {
		struct db_val sv = DBI(id);
		n = 0;
		if (id == 0 || db_run(c->db, SQL(SYS_SQL_PASSED), &sv, 1, count_row, &n) != DB_OK || n == 0)
			e[F_STATUS] = "gate", bad++;
	}
	return bad;
}

static const char *
json(struct ctx *c, const char **v)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_str(&b, "{");
	for (int i = F_UNIT; i <= F_CII; i++) {
		buf_printf(&b, "%s\"%s\":\"", i ? "," : "", fields[i].key);
		buf_json(&b, v[i]);
		buf_str(&b, "\"");
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

static struct db_val
date_or_null(const char *s)
{
	return *s ? DBS(s) : DBN;
}

int
sys_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *before = NULL;
	struct sys cur = { 0 };
	long long unit = 0;
	char due[11] = "";
	int st;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (c->id == 0 && (errs[F_NONCE] || !*vals[F_NONCE]))
		return 400;	/* the create form's nonce: not something a user typed */
	if (c->id == 0 && app_done_before(c, SQL(SYS_SQL_NONCE), vals[F_NONCE], "/systems/", "?saved=1", &st))
		return st;
	if (c->id != 0 && (st = open_sys(c, &cur, 1, 0)) != 200)
		return st;
	/* A unit's staff: their own unit, and the grading stays as the office set it. */
	if (c->acct.role != ROLE_OFFICE) {
		if (errs[F_UNIT])
			bad--;
		vals[F_UNIT] = c->acct.unit_code;
		errs[F_UNIT] = NULL;
		for (size_t i = 0; i < sizeof(grading) / sizeof(grading[0]); i++) {
			if (errs[grading[i].field])
				bad--;
			errs[grading[i].field] = NULL;
			vals[grading[i].field] = cur.n ? cur.v[grading[i].column] : (grading[i].field == F_CII ? "0" : "");
		}
		if (cur.n && strcmp(vals[F_LEVEL], "0") == 0)
			vals[F_LEVEL] = "";
	}
	bad += cross_check(c, vals, errs, &unit, c->id);
	if (!bad && !auth_unit_write(c, unit))
		return auth_deny(c, "unit", unit);
	if (bad)
		return form_page(c, 422, cur.n ? &cur : NULL, vals, errs);
	int level = atoi(vals[F_LEVEL]);
	int d = sys_next_due(level, cur.n ? wd_parse(cur.v[23]) : WD_INVALID, wd_parse(vals[F_GOLIVE]),
	    strcmp(vals[F_CII], "1") == 0);
	if (d != WD_INVALID)
		wd_format(d, due);
	enum db_rc rc = db_begin(c->db);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	struct db_val common[] = {
		DBI(unit), DBS(vals[F_NAME]), DBS(vals[F_KIND]), DBS(vals[F_URL]), DBS(vals[F_IPS]),
		DBS(vals[F_PURPOSE]), *vals[F_VENDOR] ? DBI(atoll(vals[F_VENDOR])) : DBN,
		DBS(vals[F_HOSTING]), DBS(vals[F_ADMIN]), DBS(vals[F_PHONE]), DBS(vals[F_STATUS]),
		date_or_null(vals[F_GOLIVE]), level ? DBI(level) : DBN, date_or_null(vals[F_GRADED]),
		date_or_null(vals[F_REVIEW]), DBS(vals[F_FILING_NO]), date_or_null(vals[F_FILING_DATE]),
		DBI(strcmp(vals[F_CII], "1") == 0), date_or_null(due),
	};
	struct db_val p[23];
	size_t np = sizeof(common) / sizeof(common[0]);
	memcpy(p, common, sizeof(common));
	long long id = c->id;
	if (c->id == 0) {
		p[np++] = DBS(vals[F_NONCE]);
		p[np++] = DBS(c->acct.login);
		p[np++] = DBS(c->acct.login);
		if ((rc = db_run(c->db, SQL(SYS_SQL_INSERT), p, np, NULL, NULL)) != DB_OK)
			goto fail;
		id = (long long)db_insert_id(c->db);
	} else {
		struct sys now;
		if ((rc = load(c, c->id, &now, 1)) != DB_OK)
			goto fail;
		if (now.n == 0 || strcmp(now.v[1], vals[F_VERSION]) != 0) {
			db_rollback(c->db);
			goto conflict;
		}
		const char *old[F__MAX];
		for (size_t i = 0; i < sizeof(prefill) / sizeof(prefill[0]); i++)
			old[prefill[i].field] = now.v[prefill[i].column];
		before = json(c, old);
		p[np++] = DBS(c->acct.login);
		p[np++] = DBI(c->id);
		p[np++] = DBI(atoll(vals[F_VERSION]));
		if ((rc = db_run(c->db, SQL(SYS_SQL_UPDATE), p, np, NULL, NULL)) != DB_OK)
			goto fail;
		if (db_affected(c->db) != 1) {
			db_rollback(c->db);
			goto conflict;
		}
	}
	if ((rc = audit_write(c, "system", id, c->id ? "update" : "create", before, json(c, vals))) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return app_redirect(c, ar_printf(c->ar, "/systems/%lld?saved=1", id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	if (rc == DB_DUP && c->id == 0 &&
	    app_done_before(c, SQL(SYS_SQL_NONCE), vals[F_NONCE], "/systems/", "?saved=1", &st))
		return st;
	return 500;
conflict:
	if (load(c, c->id, &cur, 0) != DB_OK)
		return 500;
	pg_conflict(c);
	vals[F_VERSION] = cur.n ? cur.v[1] : vals[F_VERSION];	/* submitting again replaces what is there now */
	return form_page(c, 409, &cur, vals, NULL);
}
