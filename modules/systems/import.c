/*
 * import.c — importing the register of information systems (the office
 * only; core/import.h does the steps).  One row is one system; the natural
 * key is (unit code, system name), the unit one the platform has.  A
 * system that is not there is filed; one that is there gets the row's
 * values, the rest of the record (vendor, grading dates, public-security
 * filing, CII flag, assessments) kept; one that already holds them is left
 * alone.  The form's rules hold here too: a URL that is a web address, IP
 * addresses that are addresses, a go-live date for an online system, and
 * the gate — a system of level 2 or above is not set online without a
 * passing assessment on record (seed 002 art. 6).  Each system filed or
 * changed has its audit row, and its next due date is computed as the
 * form computes it.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "import.h"
#include "systems.h"

enum { C_UNIT, C_NAME, C_KIND, C_URL, C_IPS, C_PURPOSE, C_HOSTING, C_ADMIN, C_PHONE, C_STATUS,
	C_GOLIVE, C_LEVEL, C__MAX };

static const struct imp_col cols[C__MAX] = {
	[C_UNIT]    = { "unit_code", "单位代码", "Unit code", { "unit_code", V_TOKEN, 1, 32, NULL } },
	[C_NAME]    = { "system_name", "系统名称", "System name", { "system_name", V_TEXT, 1, 128, NULL } },
	[C_KIND]    = { "system_kind", "类别", "Kind", { "system_kind", V_TEXT, 1, 32, NULL } },
	[C_URL]     = { "url", "网址", "URL", { "url", V_TEXT, 0, 255, NULL } },
	[C_IPS]     = { "ips", "IP地址", "IP addresses", { "ips", V_TEXT, 0, 600, NULL } },
	[C_PURPOSE] = { "purpose", "用途", "Purpose", { "purpose", V_MULTILINE, 0, 1000, NULL } },
	[C_HOSTING] = { "hosting", "部署方式", "Hosting", { "hosting", V_TEXT, 1, 32, NULL } },
	[C_ADMIN]   = { "admin_name", "管理员", "Administrator", { "admin_name", V_TEXT, 1, 32, NULL } },
	[C_PHONE]   = { "admin_phone", "管理员电话", "Administrator's phone", { "admin_phone", V_TEXT, 1, 24, NULL } },
	[C_STATUS]  = { "status", "状态", "Status", { "status", V_TEXT, 1, 16, NULL } },
	[C_GOLIVE]  = { "golive_date", "上线日期", "Go-live date", { "golive_date", V_DATE, 0, 10, NULL } },
	[C_LEVEL]   = { "level", "等级", "Level", { "level", V_TEXT, 0, 8, NULL } },
};

static const int key[] = { C_UNIT, C_NAME };

struct word {
	const char *code, *zh, *en;
};

static const struct word kinds[] = {
	{ "info_system", "信息系统", "Information system" }, { "website", "网站", "Website" },
	{ "wechat_official", "微信公众号", "WeChat official account" },
	{ "wecom_app", "企业微信应用", "WeCom app" }, { "dingtalk_app", "钉钉应用", "DingTalk app" },
	{ "mobile_app", "移动应用", "Mobile app" }, { "other", "其他", "Other" },
};
static const struct word hostings[] = {
	{ "cloud_vm", "学校云虚拟机", "School cloud VM" }, { "hosted_server", "托管服务器", "Hosted server" },
	{ "external", "校外", "Off campus" }, { "campus", "校园网络机房", "Campus machine room" },
};
static const struct word statuses[] = {
	{ "planned", "规划中", "Planned" }, { "building", "建设中", "Being built" },
	{ "trial", "试运行", "Trial run" }, { "online", "已上线", "Online" },
	{ "retired", "已下线", "Retired" },
};
/* Levels as codes, Arabic or Roman numerals, or 第N级 as the standard writes them. */
static const struct word levels[] = {
	{ "1", "第一级", "I" }, { "2", "第二级", "II" }, { "3", "第三级", "III" }, { "4", "第四级", "IV" },
};
#define NWORDS(w) (sizeof(w) / sizeof((w)[0]))

static const char *
word_code(const struct word *w, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, w[i].code) == 0 || strcmp(s, w[i].zh) == 0 || strcasecmp(s, w[i].en) == 0)
			return w[i].code;
	return NULL;
}

/* "10.1.2.3, 2001:db8::1" as the form stores it (form.c's rule), or NULL. */
static const char *
norm_ips(struct ctx *c, const char *in)
{
	struct buf b;
	char ip[64];
	unsigned char a[16];
	int n = 0;
	buf_init(&b, c->ar, 700);
	buf_str(&b, "");
	for (const char *p = in; *p; ) {
		size_t skip = strspn(p, " ,;\t\r\n"), len = strcspn(p + skip, " ,;\t\r\n");
		p += skip;
		if (len == 0)
			break;
		if (len >= sizeof(ip) || ++n > 16)
			return NULL;
		memcpy(ip, p, len);
		ip[len] = '\0';
		if (inet_pton(AF_INET, ip, a) != 1 && inet_pton(AF_INET6, ip, a) != 1)
			return NULL;
		buf_printf(&b, "%s%s", n > 1 ? ", " : "", ip);
		p += len;
	}
	return b.err ? NULL : buf_cstr(&b);
}

/* A system the register has under (unit, name). */
struct found {
	struct ctx *c;
	int n;
	long long id, version;
	const char *v[C__MAX];
	const char *last, *cii;
};

static int
found_row(void *arg, const struct db_row *r)
{
	struct found *f = arg;
	if (f->n++ > 0)
		return 0;
	f->id = atoll(r->v[IS_ID]);
	f->version = atoll(r->v[IS_VERSION]);
	for (int i = C_KIND; i <= C_LEVEL; i++)
		f->v[i] = ar_strdup(f->c->ar, r->v[IS_KIND + (i - C_KIND)]);
	if (strcmp(f->v[C_LEVEL], "0") == 0)
		f->v[C_LEVEL] = "";
	f->last = ar_strdup(f->c->ar, r->v[IS_LAST]);
	f->cii = ar_strdup(f->c->ar, r->v[IS_CII]);
	return 0;
}

static enum db_rc
find(struct ctx *c, long long unit, const char *name, int lock, struct found *f)
{
	struct db_val p[] = { DBI(unit), DBS(name) };
	memset(f, 0, sizeof(*f));
	f->c = c;
	return lock ? SQL_RUN(c, SYS_SQL_IMP_SYSTEM_LOCK, p, found_row, f) :
	    SQL_RUN(c, SYS_SQL_IMP_SYSTEM, p, found_row, f);
}

static int
same(const struct found *f, const struct imp_row *r)
{
	for (int i = C_KIND; i <= C_LEVEL; i++)
		if (strcmp(f->v[i], r->v[i]) != 0)
			return 0;
	return 1;
}

static enum db_rc
check(struct imp_run *run, struct imp_row *r)
{
	static const struct vfield land = { "p", V_PHONE, 1, 24, NULL }, mobile = { "m", V_MOBILE, 1, 24, NULL };
	struct ctx *c = run->c;
	const char *code, *ips;
	long long unit = 0, passed = 0;
	struct found f;
	enum db_rc rc;

	if ((code = word_code(kinds, NWORDS(kinds), r->v[C_KIND])) == NULL)
		return imp_bad(r, C_KIND, "imp_choice"), DB_OK;
	r->v[C_KIND] = code;
	if ((code = word_code(hostings, NWORDS(hostings), r->v[C_HOSTING])) == NULL)
		return imp_bad(r, C_HOSTING, "imp_choice"), DB_OK;
	r->v[C_HOSTING] = code;
	if ((code = word_code(statuses, NWORDS(statuses), r->v[C_STATUS])) == NULL)
		return imp_bad(r, C_STATUS, "imp_choice"), DB_OK;
	r->v[C_STATUS] = code;
	if (r->v[C_LEVEL][0] != '\0') {
		if ((code = word_code(levels, NWORDS(levels), r->v[C_LEVEL])) == NULL)
			return imp_bad(r, C_LEVEL, "imp_choice"), DB_OK;
		r->v[C_LEVEL] = code;
	}
	if (r->v[C_URL][0] != '\0' && !valid_url(r->v[C_URL]))
		return imp_bad(r, C_URL, "sys_url"), DB_OK;
	if ((ips = norm_ips(c, r->v[C_IPS])) == NULL)
		return imp_bad(r, C_IPS, "sys_ips"), DB_OK;
	r->v[C_IPS] = ips;
	if (valid_check(&land, r->v[C_PHONE]) && valid_check(&mobile, r->v[C_PHONE]))
		return imp_bad(r, C_PHONE, "phone"), DB_OK;
	int online = strcmp(r->v[C_STATUS], "online") == 0;
	if (online && r->v[C_GOLIVE][0] == '\0')
		return imp_bad(r, C_GOLIVE, "required"), DB_OK;
	if (r->v[C_GOLIVE][0] != '\0' && strcmp(r->v[C_GOLIVE], wd_today_str(c->ar)) > 0)
		return imp_bad(r, C_GOLIVE, "sys_future"), DB_OK;
	struct db_val uc[] = { DBS(r->v[C_UNIT]) };
	if ((rc = SQL_RUN(c, SYS_SQL_UNIT, uc, db_int_row, &unit)) != DB_OK)
		return rc;
	if (unit == 0)
		return imp_bad(r, C_UNIT, "sys_unit"), DB_OK;
	if ((rc = find(c, unit, r->v[C_NAME], 0, &f)) != DB_OK)
		return rc;
	if (f.n > 1)
		return imp_bad(r, C_NAME, "imp_ambiguous"), DB_OK;
	/* the gate, as the form has it: going online at level 2 or above needs a passing assessment */
	if (online && atoi(r->v[C_LEVEL]) >= 2 && (f.n == 0 || strcmp(f.v[C_STATUS], "online") != 0)) {
		if (f.n == 1) {
			struct db_val sv[] = { DBI(f.id) };
			if ((rc = SQL_RUN(c, SYS_SQL_PASSED, sv, db_int_row, &passed)) != DB_OK)
				return rc;
		}
		if (passed == 0)
			return imp_bad(r, C_STATUS, "sys_gate"), DB_OK;
	}
	r->status = f.n == 0 ? IMP_NEW : same(&f, r) ? IMP_SAME : IMP_CHANGE;
	return DB_OK;
}

static const char *const json_keys[C__MAX] = {
	"unit", "name", "kind", "url", "ips", "purpose", "hosting", "admin_name", "admin_phone",
	"status", "golive_date", "level",
};

static struct db_val
date_or_null(const char *s)
{
	return *s ? DBS(s) : DBN;
}

static int
apply(struct imp_run *run, struct tx *t, struct imp_row *r)
{
	struct ctx *c = t->c;
	long long unit = 0;
	struct found f;
	enum db_rc rc;
	char due[11], nonce[TX_NONCE_LEN + 1];
	int level = atoi(r->v[C_LEVEL]);

	struct db_val uc[] = { DBS(r->v[C_UNIT]) };
	if ((rc = SQL_RUN(c, SYS_SQL_UNIT, uc, db_int_row, &unit)) != DB_OK)
		return rc;
	if (unit == 0)
		return 422;
	if ((rc = find(c, unit, r->v[C_NAME], 1, &f)) != DB_OK)
		return rc;
	if (f.n > 1)
		return 422;
	if (f.n == 1 && same(&f, r))
		return IMP_SAME_AFTER;
	sys_due_text(r->v[C_LEVEL], f.n ? f.last : "", r->v[C_GOLIVE], f.n ? f.cii : "0",
	    r->v[C_STATUS], due);
	const char *after = imp_json(c, json_keys, r->v, C__MAX);
	if (f.n == 1) {
		struct db_val p[] = {
			DBS(r->v[C_KIND]), DBS(r->v[C_URL]), DBS(r->v[C_IPS]), DBS(r->v[C_PURPOSE]),
			DBS(r->v[C_HOSTING]), DBS(r->v[C_ADMIN]), DBS(r->v[C_PHONE]), DBS(r->v[C_STATUS]),
			date_or_null(r->v[C_GOLIVE]), level ? DBI(level) : DBN, date_or_null(due),
			DBS(c->acct.login), DBI(f.id), DBI(f.version),
		};
		if ((rc = SQL_RUN(c, SYS_SQL_IMP_UPDATE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		f.v[C_UNIT] = r->v[C_UNIT];
		f.v[C_NAME] = r->v[C_NAME];
		return tx_audit(t, "system", f.id, "update", imp_json(c, json_keys, f.v, C__MAX), after);
	}
	tx_nonce(nonce);
	struct db_val p[] = {
		DBI(unit), DBS(r->v[C_NAME]), DBS(r->v[C_KIND]), DBS(r->v[C_URL]), DBS(r->v[C_IPS]),
		DBS(r->v[C_PURPOSE]), DBN, DBS(r->v[C_HOSTING]), DBS(r->v[C_ADMIN]), DBS(r->v[C_PHONE]),
		DBS(r->v[C_STATUS]), date_or_null(r->v[C_GOLIVE]), level ? DBI(level) : DBN, DBN, DBN,
		DBS(""), DBN, DBI(0), date_or_null(due), DBS(nonce), DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, SYS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	return tx_audit(t, "system", (long long)db_insert_id(c->db), "create", NULL, after);
}

static const struct imp_kind systems_kind = {
	.name = "systems",
	.base = "/systems/import",
	.view = VIEW(SYS_VIEW_IMPORT),
	.cols = cols, .ncols = C__MAX,
	.key = key, .nkey = sizeof(key) / sizeof(key[0]),
	.sql = {
		.find = SQL(SYS_SQL_IMP_FIND), .get = SQL(SYS_SQL_IMP_GET), .file = SQL(SYS_SQL_IMP_FILE),
		.chunk = SQL(SYS_SQL_IMP_CHUNK), .read = SQL(SYS_SQL_IMP_READ), .done = SQL(SYS_SQL_IMP_DONE),
	},
	.check = check,
	.apply = apply,
};

int
sys_import_form(struct ctx *c)
{
	return imp_form(c, &systems_kind);
}

int
sys_import_template(struct ctx *c)
{
	return imp_template(c, &systems_kind);
}

int
sys_import_upload(struct ctx *c)
{
	return imp_upload(c, &systems_kind, NULL);
}

int
sys_import_confirm(struct ctx *c)
{
	return imp_confirm(c, &systems_kind, NULL);
}

int
sys_import_result(struct ctx *c)
{
	return imp_result(c, &systems_kind);
}
