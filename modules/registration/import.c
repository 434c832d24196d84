/*
 * import.c — importing the register of units and their responsible persons
 * (the office only; core/import.h does the steps).  One row is one role of
 * one unit: the unit's code and name (a new code creates the unit, another
 * name renames it), the role, and the person.  The natural key is (unit
 * code, role).  A row whose person the register already holds as the
 * current holder of that role — same name, title, phones and email —
 * writes nothing; another person (or other details) becomes the current
 * holder from the row's effective date (default today), the predecessor's
 * row closed as a change form would.
 *
 * An imported holder is recorded as reported on time: the file is the
 * register as it stood, not a late report of a change.  Each unit created
 * or renamed and each holder registered or replaced has its audit row.
 */
#include <stdlib.h>
#include <string.h>
#include "import.h"
#include "reg.h"

enum { C_CODE, C_UNIT, C_KIND, C_ROLE, C_NAME, C_TITLE, C_OFFICE_PHONE, C_MOBILE, C_EMAIL,
	C_EFFECTIVE, C__MAX };

static const struct imp_col cols[C__MAX] = {
	[C_CODE]         = { "unit_code", "单位代码", "Unit code", { "unit_code", V_TOKEN, 1, 32, NULL } },
	[C_UNIT]         = { "unit_name", "单位名称", "Unit name", { "unit_name", V_TEXT, 1, 64, NULL } },
	[C_KIND]         = { "unit_kind", "单位类别", "Unit kind", { "unit_kind", V_TEXT, 0, 16, NULL } },
	[C_ROLE]         = { "role", "角色", "Role", { "role", V_TEXT, 1, 32, NULL } },
	[C_NAME]         = { "name", "姓名", "Name", { "name", V_TEXT, 1, 32, NULL } },
	[C_TITLE]        = { "title", "职务", "Title", { "title", V_TEXT, 1, 32, NULL } },
	[C_OFFICE_PHONE] = { "office_phone", "办公电话", "Office phone", { "office_phone", V_PHONE, 0, 24, NULL } },
	[C_MOBILE]       = { "mobile", "移动电话", "Mobile", { "mobile", V_MOBILE, 1, 16, NULL } },
	[C_EMAIL]        = { "email", "电子邮箱", "Email", { "email", V_EMAIL, 1, 100, NULL } },
	[C_EFFECTIVE]    = { "effective_date", "生效日期", "Effective date", { "effective_date", V_DATE, 0, 10, NULL } },
};

static const int key[] = { C_CODE, C_ROLE };

/* A closed set's codes with the words a register may use for them. */
struct word {
	const char *code, *zh, *en;
};

static const struct word roles[REG_ROLE__MAX] = {
	{ "first", "第一责任人", "First responsible person" },
	{ "direct", "直接责任人", "Direct responsible person" },
	{ "secadmin", "网络安全管理员", "Security administrator" },
	{ "liaison", "网络安全联络员", "Security liaison" },
	{ "sysadmin", "信息系统管理员", "System administrator" },
};

static const struct word kinds[] = {
	{ "school", "学校", "School" }, { "center", "中心", "Center" },
	{ "college", "学院", "College" }, { "office", "职能部门", "Administrative office" },
	{ "affiliated", "直属单位", "Affiliated unit" }, { "other", "其他单位", "Other unit" },
};

/* The code for s (a code, its Chinese or its English word), or NULL. */
static const char *
word_code(const struct word *w, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, w[i].code) == 0 || strcmp(s, w[i].zh) == 0 ||
		    strcasecmp(s, w[i].en) == 0)
			return w[i].code;
	return NULL;
}

static const struct imp_kind units_kind;

/* A unit as the register has it. */
struct unit {
	struct ctx *c;
	long long id, version;
	int active;
	const char *name, *kind;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct unit *u = arg;
	u->id = atoll(r->v[IU_ID]);
	u->version = atoll(r->v[IU_VERSION]);
	u->active = atoi(r->v[IU_ACTIVE]);
	u->name = ar_strdup(u->c->ar, r->v[IU_NAME]);
	u->kind = ar_strdup(u->c->ar, r->v[IU_KIND]);
	return 0;
}

static enum db_rc
load_unit(struct ctx *c, const char *code, int lock, struct unit *u)
{
	struct db_val p[] = { DBS(code) };
	memset(u, 0, sizeof(*u));
	u->c = c;
	return lock ? SQL_RUN(c, REG_SQL_IMP_UNIT_LOCK, p, unit_row, u) :
	    SQL_RUN(c, REG_SQL_IMP_UNIT, p, unit_row, u);
}

/* The current holder of a role, its values by column (C_NAME … C_EMAIL). */
struct holder {
	struct ctx *c;
	long long id, version;
	const char *v[C__MAX];
	const char *effective;
};

static const int holder_col[C__MAX] = {
	[C_NAME] = H_NAME, [C_TITLE] = H_TITLE, [C_OFFICE_PHONE] = H_OFFICE_PHONE,
	[C_MOBILE] = H_MOBILE, [C_EMAIL] = H_EMAIL,
};

static int
holder_row(void *arg, const struct db_row *r)
{
	struct holder *h = arg;
	h->id = atoll(r->v[H_ID]);
	h->version = atoll(r->v[H_VERSION]);
	h->effective = ar_strdup(h->c->ar, r->v[H_EFFECTIVE]);
	for (int i = C_NAME; i <= C_EMAIL; i++)
		h->v[i] = ar_strdup(h->c->ar, r->v[holder_col[i]]);
	return 0;
}

static enum db_rc
load_holder(struct ctx *c, long long unit_id, const char *role, int lock, struct holder *h)
{
	struct db_val p[] = { DBI(unit_id), DBS(role) };
	memset(h, 0, sizeof(*h));
	h->c = c;
	return lock ? SQL_RUN(c, REG_SQL_CURRENT_LOCK, p, holder_row, h) :
	    SQL_RUN(c, REG_SQL_CURRENT_ROLE, p, holder_row, h);
}

/* 1 when the row names the person the holder already is, with the same details. */
static int
holder_same(const struct holder *h, const struct imp_row *r)
{
	for (int i = C_NAME; i <= C_EMAIL; i++)
		if (strcmp(h->v[i], r->v[i]) != 0)
			return 0;
	return 1;
}

/* 1 when the row would rename the unit or change its kind. */
static int
unit_differs(const struct unit *u, const struct imp_row *r)
{
	return strcmp(u->name, r->v[C_UNIT]) != 0 ||
	    (r->v[C_KIND][0] != '\0' && strcmp(u->kind, r->v[C_KIND]) != 0);
}

static enum db_rc
check(struct imp_run *run, struct imp_row *r)
{
	struct ctx *c = run->c;
	struct unit u;
	struct holder h;
	enum db_rc rc;
	const char *role = word_code(roles, REG_ROLE__MAX, r->v[C_ROLE]);
	char today[11];

	if (role == NULL)
		return imp_bad(r, C_ROLE, "imp_role"), DB_OK;
	for (int i = 0; i < REG_ROLE__MAX; i++)
		if (strcmp(role, roles[i].code) == 0 && !reg_set.enabled[i])
			return imp_bad(r, C_ROLE, "imp_role_off"), DB_OK;
	r->v[C_ROLE] = role;
	if (r->v[C_KIND][0] != '\0') {
		const char *k = word_code(kinds, sizeof(kinds) / sizeof(kinds[0]), r->v[C_KIND]);
		if (k == NULL)
			return imp_bad(r, C_KIND, "imp_kind"), DB_OK;
		r->v[C_KIND] = k;
	}
	wd_format(wd_today(), today);
	if (r->v[C_EFFECTIVE][0] == '\0')
		r->v[C_EFFECTIVE] = ar_strdup(c->ar, today);
	else if (strcmp(r->v[C_EFFECTIVE], today) > 0)
		return imp_bad(r, C_EFFECTIVE, "future"), DB_OK;
	/* one unit, one name: an earlier row of the same code must agree */
	for (const struct imp_row *p = run->rows; p < r; p++) {
		if (strcasecmp(p->v[C_CODE], r->v[C_CODE]) != 0)
			continue;
		/* an earlier row that was bad may still have its kind as the file wrote it */
		const char *pk = p->v[C_KIND][0] ? word_code(kinds, sizeof(kinds) / sizeof(kinds[0]), p->v[C_KIND]) : "";
		if (strcmp(p->v[C_UNIT], r->v[C_UNIT]) != 0 || pk == NULL || strcmp(pk, r->v[C_KIND]) != 0) {
			imp_bad(r, C_UNIT, "imp_unit_differs");
			r->err_line = p->line;
			return DB_OK;
		}
	}
	if ((rc = load_unit(c, r->v[C_CODE], 0, &u)) != DB_OK)
		return rc;
	if (u.id == 0) {
		r->status = IMP_NEW;
		return DB_OK;
	}
	if (!u.active)
		return imp_bad(r, C_CODE, "imp_unit_closed"), DB_OK;
	if ((rc = load_holder(c, u.id, role, 0, &h)) != DB_OK)
		return rc;
	if (h.id != 0 && strcmp(r->v[C_EFFECTIVE], h.effective) < 0 && !holder_same(&h, r))
		return imp_bad(r, C_EFFECTIVE, "before_current"), DB_OK;
	if (h.id == 0)
		r->status = IMP_NEW;
	else if (!holder_same(&h, r) || unit_differs(&u, r))
		r->status = IMP_CHANGE;
	else
		r->status = IMP_SAME;
	return DB_OK;
}

static const char *const unit_keys[] = { "code", "name", "kind" };
static const char *const holder_keys[] = {
	"unit_code", "role", "name", "title", "office_phone", "mobile", "email", "effective_date",
};

/* Creates or updates the row's unit; its id in *unit_id, *wrote set when it wrote. */
static int
apply_unit(struct tx *t, struct imp_row *r, long long *unit_id, int *wrote)
{
	struct ctx *c = t->c;
	struct unit u;
	enum db_rc rc;
	const char *kind = r->v[C_KIND][0] ? r->v[C_KIND] : NULL;

	if ((rc = load_unit(c, r->v[C_CODE], 1, &u)) != DB_OK)
		return rc;
	if (u.id == 0) {
		struct db_val p[] = { DBS(r->v[C_CODE]), DBS(r->v[C_UNIT]), DBS(kind ? kind : "other"),
			DBS(c->acct.login), DBS(c->acct.login) };
		if ((rc = SQL_RUN(c, REG_SQL_IMP_UNIT_ADD, p, NULL, NULL)) != DB_OK)
			return rc;
		*unit_id = (long long)db_insert_id(c->db);
		const char *after[] = { r->v[C_CODE], r->v[C_UNIT], kind ? kind : "other" };
		*wrote = 1;
		return tx_audit(t, "unit", *unit_id, "create", NULL, imp_json(c, unit_keys, after, 3));
	}
	if (!u.active)
		return 422;	/* closed since the check: the preview shows it */
	*unit_id = u.id;
	if (!unit_differs(&u, r))
		return TX_COMMIT;
	struct db_val p[] = { DBS(r->v[C_UNIT]), DBS(kind ? kind : u.kind), DBS(c->acct.login),
		DBI(u.id), DBI(u.version) };
	if ((rc = SQL_RUN(c, REG_SQL_IMP_UNIT_SET, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	const char *before[] = { r->v[C_CODE], u.name, u.kind };
	const char *after[] = { r->v[C_CODE], r->v[C_UNIT], kind ? kind : u.kind };
	*wrote = 1;
	return tx_audit(t, "unit", u.id, "change", imp_json(c, unit_keys, before, 3),
	    imp_json(c, unit_keys, after, 3));
}

static int
apply(struct imp_run *run, struct tx *t, struct imp_row *r)
{
	struct ctx *c = t->c;
	struct holder h;
	long long unit_id = 0;
	int wrote = 0, st;
	enum db_rc rc;
	char now[WD_NOW_LEN], deadline[11], nonce[TX_NONCE_LEN + 1];

	if ((st = apply_unit(t, r, &unit_id, &wrote)) != TX_COMMIT)
		return st;
	if ((rc = load_holder(c, unit_id, r->v[C_ROLE], 1, &h)) != DB_OK)
		return rc;
	if (h.id != 0 && holder_same(&h, r)) {
		if (!wrote)
			return IMP_SAME_AFTER;
		struct db_val u[] = { DBI(unit_id) };
		return (rc = SQL_RUN(c, REG_SQL_SUMMARY, u, NULL, NULL)) != DB_OK ? rc : TX_COMMIT;
	}
	if (h.id != 0) {
		struct db_val p[] = { DBS(r->v[C_EFFECTIVE]), DBS(c->acct.login), DBI(h.id), DBI(h.version) };
		if ((rc = SQL_RUN(c, REG_SQL_CLOSE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
	}
	wd_format(reg_report_due(c->cfg, c->cal, wd_parse(r->v[C_EFFECTIVE])), deadline);
	wd_now(now);
	tx_nonce(nonce);
	struct db_val ins[] = {
		DBI(unit_id), DBS(r->v[C_ROLE]), DBS(r->v[C_NAME]), DBS(r->v[C_TITLE]),
		DBSN(r->v[C_OFFICE_PHONE]), DBSN(r->v[C_MOBILE]), DBSN(r->v[C_EMAIL]),
		DBS(r->v[C_EFFECTIVE]), DBS(now), DBS(deadline), DBI(0), DBS(nonce),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, REG_SQL_INSERT, ins, NULL, NULL)) != DB_OK)
		return rc;
	long long id = (long long)db_insert_id(c->db);
	const char *after[] = {
		r->v[C_CODE], r->v[C_ROLE], r->v[C_NAME], r->v[C_TITLE], r->v[C_OFFICE_PHONE],
		r->v[C_MOBILE], r->v[C_EMAIL], r->v[C_EFFECTIVE],
	};
	const char *before[] = {
		r->v[C_CODE], r->v[C_ROLE], h.v[C_NAME], h.v[C_TITLE], h.v[C_OFFICE_PHONE],
		h.v[C_MOBILE], h.v[C_EMAIL], h.effective,
	};
	if ((rc = tx_audit(t, "holder", id, h.id ? "change" : "register",
	    h.id ? imp_json(c, holder_keys, before, 8) : NULL, imp_json(c, holder_keys, after, 8))) != DB_OK)
		return rc;
	struct db_val u[] = { DBI(unit_id) };
	if ((rc = SQL_RUN(c, REG_SQL_SUMMARY, u, NULL, NULL)) != DB_OK)
		return rc;
	return TX_COMMIT;
}

static const struct imp_kind units_kind = {
	.name = "units",
	.base = "/registration/import",
	.view = VIEW(REG_VIEW_IMPORT),
	.cols = cols, .ncols = C__MAX,
	.key = key, .nkey = sizeof(key) / sizeof(key[0]),
	.sql = {
		.find = SQL(REG_SQL_IMP_FIND), .get = SQL(REG_SQL_IMP_GET), .file = SQL(REG_SQL_IMP_FILE),
		.chunk = SQL(REG_SQL_IMP_CHUNK), .read = SQL(REG_SQL_IMP_READ), .done = SQL(REG_SQL_IMP_DONE),
	},
	.check = check,
	.apply = apply,
};

int
reg_import_form(struct ctx *c)
{
	return imp_form(c, &units_kind);
}

int
reg_import_template(struct ctx *c)
{
	return imp_template(c, &units_kind);
}

int
reg_import_upload(struct ctx *c)
{
	return imp_upload(c, &units_kind, NULL);
}

int
reg_import_confirm(struct ctx *c)
{
	return imp_confirm(c, &units_kind, NULL);
}

int
reg_import_result(struct ctx *c)
{
	return imp_result(c, &units_kind);
}
