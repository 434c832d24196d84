/*
 * form.c — filing a new system and editing one.  A unit's staff file and
 * edit their own unit's systems; the office also grades them (level,
 * grading and expert review dates), records the public-security filing and
 * the CII flag, and may file for or move a system to any unit.  What a
 * unit's staff would send for those fields is ignored: the record's values
 * stay.
 *
 * The gate (seed 002 art. 6): a system of level 2 or above is not set
 * online — filed online, or moved there from another status — without a
 * passing assessment (pass or basic pass) on record; the form says why.
 *
 * A new system's form carries a nonce, taken in the save's transaction
 * (tx.h): a double submit files it once and is sent to the same system.
 * An edit carries the version it started from: if the system changed in
 * between, the user gets 409 with the system as it is now beside what they
 * typed, unless it now holds exactly what they typed (the same edit
 * submitted twice), which goes to the result page.  Each save is one
 * transaction with its audit row (before and after as JSON), and stores
 * the next due date computed from the row as locked.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "systems.h"
#include "tx.h"

#define SYS_MAX_IPS 16

enum { F_UNIT, F_NAME, F_KIND, F_URL, F_IPS, F_PURPOSE, F_VENDOR, F_HOSTING, F_ADMIN, F_PHONE,
	F_STATUS, F_GOLIVE, F_LEVEL, F_GRADED, F_REVIEW, F_FILING_NO, F_FILING_DATE, F_CII,
	F_VERSION, F_NONCE, F__MAX };

static const char *const flags[] = { "0", "1", NULL };

static const struct vfield fields[F__MAX] = {
	[F_UNIT]        = { "unit", V_TOKEN, 1, 32, NULL },
	[F_NAME]        = { "name", V_TEXT, 1, 128, NULL },
	[F_KIND]        = { "kind", V_CHOICE, 1, 20, sys_kinds },
	[F_URL]         = { "url", V_TEXT, 0, 255, NULL },
	[F_IPS]         = { "ips", V_MULTILINE, 0, 600, NULL },
	[F_PURPOSE]     = { "purpose", V_MULTILINE, 0, 1000, NULL },
	[F_VENDOR]      = { "vendor", V_INT, 0, 12, NULL },
	[F_HOSTING]     = { "hosting", V_CHOICE, 1, 16, sys_hostings },
	[F_ADMIN]       = { "admin_name", V_TEXT, 1, 32, NULL },
	[F_PHONE]       = { "admin_phone", V_TEXT, 1, 24, NULL },
	[F_STATUS]      = { "status", V_CHOICE, 1, 10, sys_statuses },
	[F_GOLIVE]      = { "golive_date", V_DATE, 0, 10, NULL },
	[F_LEVEL]       = { "level", V_CHOICE, 0, 1, sys_levels },
	[F_GRADED]      = { "graded_date", V_DATE, 0, 10, NULL },
	[F_REVIEW]      = { "review_date", V_DATE, 0, 10, NULL },
	[F_FILING_NO]   = { "filing_no", V_TEXT, 0, 64, NULL },
	[F_FILING_DATE] = { "filing_date", V_DATE, 0, 10, NULL },
	[F_CII]         = { "cii", V_CHOICE, 0, 1, flags },
	[F_VERSION]     = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]       = { "nonce", V_TOKEN, 0, 32, NULL },
};

/* Every form field and the column it is stored in (the edit's prefill, the audit, the comparison). */
static const int column[F__MAX] = {
	[F_UNIT] = SC_UNIT_CODE, [F_NAME] = SC_NAME, [F_KIND] = SC_KIND, [F_URL] = SC_URL,
	[F_IPS] = SC_IPS, [F_PURPOSE] = SC_PURPOSE, [F_VENDOR] = SC_VENDOR_ID,
	[F_HOSTING] = SC_HOSTING, [F_ADMIN] = SC_ADMIN, [F_PHONE] = SC_PHONE, [F_STATUS] = SC_STATUS,
	[F_GOLIVE] = SC_GOLIVE, [F_LEVEL] = SC_LEVEL, [F_GRADED] = SC_GRADED, [F_REVIEW] = SC_REVIEW,
	[F_FILING_NO] = SC_FILING_NO, [F_FILING_DATE] = SC_FILING_DATE, [F_CII] = SC_CII,
	[F_VERSION] = SC_VERSION,
};
/* The fields only the office sets: the grading, the filing, the CII flag. */
static const int grading[] = { F_LEVEL, F_GRADED, F_REVIEW, F_FILING_NO, F_FILING_DATE, F_CII };
#define NGRADING (sizeof(grading) / sizeof(grading[0]))

/* The record's values as the form has them: no vendor and no level are "". */
static void
record_values(const struct sys *s, const char **vals)
{
	for (int i = F_UNIT; i <= F_VERSION; i++)
		vals[i] = s->v[column[i]];
	if (strcmp(vals[F_VENDOR], "0") == 0)
		vals[F_VENDOR] = "";
	if (strcmp(vals[F_LEVEL], "0") == 0)
		vals[F_LEVEL] = "";
}

static int
vendor_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "vendor");
	pg_attr(n, "id", r->v[VD_ID]);
	pg_text(n, "name", r->v[VD_NAME]);
	return 0;
}

/*
 * The form page: the system as it is (editing), the vendors to choose from
 * (a unit's staff: those serving the unit), the fields.
 */
static int
form_page(struct ctx *c, int status, const struct sys *cur, const char **vals, const char **errs)
{
	enum db_rc rc;
	struct db_val u[] = { DBI(cur != NULL ? atoll(cur->v[SC_UNIT_ID]) : c->acct.unit_id) };
	xmlNodePtr vs = pg_node(c->data, "vendors");

	c->view = VIEW(SYS_VIEW_FORM);
	if (cur != NULL)
		sys_node(c, c->data, "current", cur);
	pg_attr(c->data, "grades", c->acct.role == ROLE_OFFICE ? "1" : "0");
	if (c->acct.role == ROLE_OFFICE)
		rc = SQL_RUN0(c, SYS_SQL_VENDORS, vendor_row, vs);
	else
		rc = SQL_RUN(c, SYS_SQL_VENDORS_UNIT, u, vendor_row, vs);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
sys_form(struct ctx *c)
{
	const char *vals[F__MAX];
	struct sys s;
	char nonce[TX_NONCE_LEN + 1];

	for (int i = 0; i < F__MAX; i++)
		vals[i] = "";
	if (c->id != 0) {
		int st = sys_open(c, c->id, &s, 1);
		if (st != 200)
			return st;
		record_values(&s, vals);
		return form_page(c, 200, &s, vals, NULL);
	}
	tx_nonce(nonce);
	vals[F_NONCE] = nonce;
	vals[F_UNIT] = c->acct.unit_code;
	vals[F_STATUS] = "planned";
	vals[F_CII] = "0";
	return form_page(c, 200, NULL, vals, NULL);
}

/* "10.1.2.3, 2001:db8::1": IPv4 and IPv6 addresses separated by spaces, commas or lines. */
static const char *
check_ips(struct ctx *c, const char *in, const char **out)
{
	struct buf b;
	char ip[64];
	unsigned char a[16];
	int n = 0;
	buf_init(&b, c->ar, 700);
	for (const char *p = in; *p; ) {
		size_t skip = strspn(p, " ,;\t\r\n"), len = strcspn(p + skip, " ,;\t\r\n");
		p += skip;
		if (len == 0)
			break;
		if (len >= sizeof(ip) || ++n > SYS_MAX_IPS)
			return "sys_ips";
		memcpy(ip, p, len);
		ip[len] = '\0';
		if (inet_pton(AF_INET, ip, a) != 1 && inet_pton(AF_INET6, ip, a) != 1)
			return "sys_ips";
		buf_printf(&b, "%s%s", n > 1 ? ", " : "", ip);
		p += len;
	}
	*out = buf_cstr(&b);
	return NULL;
}

/* Marks field i with code unless it already has an error; 1 if it did. */
static size_t
flag(const char **e, int i, const char *code)
{
	if (e[i] != NULL)
		return 0;
	e[i] = code;
	return 1;
}

/*
 * The checks beyond each field's own, against the record as it is (cur, or
 * NULL for a new system).  Fills *unit; returns the number of new errors,
 * or -1 when the database failed (*rc says how).
 */
static long
cross_check(struct ctx *c, const char **v, const char **e, const struct sys *cur, long long *unit,
    enum db_rc *rc)
{
	static const struct vfield land = { "p", V_PHONE, 1, 24, NULL }, mobile = { "m", V_MOBILE, 1, 24, NULL };
	long bad = 0;
	long long n = 0;
	int level = atoi(v[F_LEVEL]), online = strcmp(v[F_STATUS], "online") == 0;
	const char *today = wd_today_str(c->ar);

	/* an http(s) URL or a bare domain: the system page links it */
	if (*v[F_URL] && !valid_url(v[F_URL]))
		bad += flag(e, F_URL, "sys_url");
	if (e[F_IPS] == NULL && (e[F_IPS] = check_ips(c, v[F_IPS], &v[F_IPS])) != NULL)
		bad++;
	if (valid_check(&land, v[F_PHONE]) && valid_check(&mobile, v[F_PHONE]))
		bad += flag(e, F_PHONE, "phone");
	if (online && !*v[F_GOLIVE])
		bad += flag(e, F_GOLIVE, "required");
	else if (online && strcmp(v[F_GOLIVE], today) > 0)
		bad += flag(e, F_GOLIVE, "sys_future");
	if ((!*v[F_FILING_NO]) != (!*v[F_FILING_DATE]))
		bad += flag(e, *v[F_FILING_NO] ? F_FILING_DATE : F_FILING_NO, "sys_filing_pair");
	/* level 1 is filed with the office, not with public security */
	if (*v[F_FILING_NO] && e[F_LEVEL] == NULL && level < 2)
		bad += flag(e, F_FILING_NO, "sys_filing_level");
	*unit = 0;
	struct db_val uc[] = { DBS(v[F_UNIT]) };
	if (e[F_UNIT] == NULL) {
		if ((*rc = SQL_RUN(c, SYS_SQL_UNIT, uc, db_int_row, unit)) != DB_OK)
			return -1;
		if (*unit == 0)
			bad += flag(e, F_UNIT, "sys_unit");
	}
	/* a vendor newly chosen: active, and for a unit's staff one serving their unit */
	if (e[F_VENDOR] == NULL && *v[F_VENDOR] &&
	    (cur == NULL || strcmp(v[F_VENDOR], cur->v[SC_VENDOR_ID]) != 0)) {
		long long only = c->acct.role == ROLE_OFFICE ? 0 : c->acct.unit_id;
		struct db_val vv[] = { DBI(atoll(v[F_VENDOR])), DBI(only), DBI(atoll(v[F_VENDOR])), DBI(only) };
		if ((*rc = SQL_RUN(c, SYS_SQL_VENDOR_OK, vv, db_int_row, &n)) != DB_OK)
			return -1;
		if (n == 0)
			bad += flag(e, F_VENDOR, "sys_vendor");
	}
	/* the gate: level 2 and above goes online only after a passing assessment */
	int going_online = online && (cur == NULL || strcmp(cur->v[SC_STATUS], "online") != 0);
	if (e[F_STATUS] == NULL && e[F_LEVEL] == NULL && going_online && level >= 2) {
		n = 0;
		if (cur != NULL) {
			struct db_val sv[] = { DBI(atoll(cur->v[SC_ID])) };
			if ((*rc = SQL_RUN(c, SYS_SQL_PASSED, sv, db_int_row, &n)) != DB_OK)
				return -1;
		}
		if (n == 0)
			bad += flag(e, F_STATUS, "sys_gate");
	}
	return bad;
}

/* The form's values as the audit's JSON. */
static const char *
json(struct ctx *c, const char **v)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	sys_json_fields(&b, fields, v, F_UNIT, F_CII);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

/* Does the system hold exactly these values (a double submit of this edit landed)? */
static int
holds(const struct sys *s, const char **vals)
{
	const char *now[F__MAX];
	record_values(s, now);
	for (int i = F_UNIT; i <= F_CII; i++)
		if (strcmp(now[i], vals[i]) != 0)
			return 0;
	return 1;
}

/* For a unit's staff: their own unit, and the grading as the office set it. */
static void
keep_office_fields(struct ctx *c, const struct sys *cur, const char **vals, const char **errs, long *bad)
{
	const char *rec[F__MAX];
	if (cur != NULL)
		record_values(cur, rec);
	vals[F_UNIT] = cur != NULL ? rec[F_UNIT] : c->acct.unit_code;
	for (size_t i = 0; i < NGRADING; i++)
		vals[grading[i]] = cur != NULL ? rec[grading[i]] : grading[i] == F_CII ? "0" : "";
	*bad -= errs[F_UNIT] != NULL;
	errs[F_UNIT] = NULL;
	for (size_t i = 0; i < NGRADING; i++) {
		*bad -= errs[grading[i]] != NULL;
		errs[grading[i]] = NULL;
	}
}

static struct db_val
date_or_null(const char *s)
{
	return *s ? DBS(s) : DBN;
}

/* A lost race on an edit: the system as it is now beside what the user typed. */
static int
conflict(struct ctx *c, const char **vals)
{
	struct sys now;
	enum db_rc rc = sys_load(c, c->id, &now, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (now.n == 0)
		return 404;
	/* it holds exactly what was typed: this edit's double submit landed first */
	if (holds(&now, vals))
		return resp_redirect(c, ar_printf(c->ar, "/systems/%lld?saved=1", c->id));
	pg_conflict(c);
	/* submitting again replaces what is there now, knowingly */
	vals[F_VERSION] = now.v[SC_VERSION];
	return form_page(c, 409, &now, vals, NULL);
}

/* What the save's transaction needs from the validated form. */
struct save {
	const char **vals;
	long long unit;
};

/*
 * Inserts the system (c->id 0) or updates it from the version the form
 * started from, with the next due date from the row as locked: an
 * assessment may just have landed.  409: the system changed since the form
 * was shown; 404: it is gone.
 */
static int
save_tx(struct tx *t, void *arg)
{
	struct save *sv = arg;
	struct ctx *c = t->c;
	const char **vals = sv->vals, *before = NULL, *last = "";
	int cii = strcmp(vals[F_CII], "1") == 0, level = atoi(vals[F_LEVEL]);
	struct sys now;
	char due[11];
	enum db_rc rc;

	if (c->id != 0) {
		if ((rc = sys_load(c, c->id, &now, 1)) != DB_OK)
			return rc;
		if (now.n == 0)
			return 404;
		if (strcmp(now.v[SC_VERSION], vals[F_VERSION]) != 0)
			return 409;
		last = now.v[SC_LAST];
		const char *old[F__MAX];
		record_values(&now, old);
		before = json(c, old);
	}
	sys_due_text(vals[F_LEVEL], last, vals[F_GOLIVE], vals[F_CII], vals[F_STATUS], due);
	struct db_val p[] = {
		DBI(sv->unit), DBS(vals[F_NAME]), DBS(vals[F_KIND]), DBS(vals[F_URL]), DBS(vals[F_IPS]),
		DBS(vals[F_PURPOSE]), *vals[F_VENDOR] ? DBI(atoll(vals[F_VENDOR])) : DBN,
		DBS(vals[F_HOSTING]), DBS(vals[F_ADMIN]), DBS(vals[F_PHONE]), DBS(vals[F_STATUS]),
		date_or_null(vals[F_GOLIVE]), level ? DBI(level) : DBN, date_or_null(vals[F_GRADED]),
		date_or_null(vals[F_REVIEW]), DBS(vals[F_FILING_NO]), date_or_null(vals[F_FILING_DATE]),
		DBI(cii), date_or_null(due),
		/* insert: nonce (kept in the row), created_by, updated_by; update: updated_by, id, version */
		c->id ? DBS(c->acct.login) : DBS(vals[F_NONCE]),
		c->id ? DBI(c->id) : DBS(c->acct.login),
		c->id ? DBI(atoll(vals[F_VERSION])) : DBS(c->acct.login),
	};
	if (c->id != 0) {
		if ((rc = SQL_RUN(c, SYS_SQL_UPDATE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		t->id = c->id;
	} else {
		if ((rc = SQL_RUN(c, SYS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		t->id = (long long)db_insert_id(c->db);
	}
	t->record = "system";
	t->action = c->id ? "update" : "create";
	t->before = before;
	t->after = json(c, vals);
	t->then = ar_printf(c->ar, "/systems/%lld?saved=1", t->id);
	return TX_COMMIT;
}

int
sys_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct sys cur;
	struct save sv = { vals, 0 };
	int st;
	enum db_rc rc = DB_OK;

	long bad = (long)valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (*vals[F_CII] == '\0')
		vals[F_CII] = "0";	/* an unticked box sends nothing */
	/* the hidden token of each kind of form: not something a user typed */
	int tok = c->id ? F_VERSION : F_NONCE;
	if (errs[tok] == NULL && *vals[tok] == '\0') {
		errs[tok] = "required";
		bad++;
	}
	if (c->id != 0 && (st = sys_open(c, c->id, &cur, 1)) != 200)
		return st;
	const struct sys *cp = c->id != 0 ? &cur : NULL;
	if (c->acct.role != ROLE_OFFICE)
		keep_office_fields(c, cp, vals, errs, &bad);
	long more = cross_check(c, vals, errs, cp, &sv.unit, &rc);
	if (more < 0)
		return app_dberr(rc);
	bad += more;
	if (!bad && !auth_unit_write(c, sv.unit))
		return auth_deny(c, "unit", sv.unit);
	if (bad)
		return form_page(c, 422, cp, vals, errs);
	/* a new system's form has a nonce, so a double submit files it once */
	struct tx t = { .c = c, .nonce = c->id ? NULL : vals[F_NONCE] };
	st = tx_run(&t, save_tx, &sv);
	if (st == 409 && c->id != 0)
		return conflict(c, vals);
	return st;
}
