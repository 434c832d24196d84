/*
 * form.c — filing a website (a unit's staff, for their own unit: appendix
 * 4's unit part) and editing it while it is a draft, returned, or a site
 * the centre discovered unfiled.  The checks: the domain a plain host name
 * no other live filing has; the phones, e-mail and mobile what they say;
 * a site on a school cloud VM or hosted server names one of the unit's
 * live ones; a site not on the site-group platform says why (art. 24); the
 * inventory entry one of the unit's website entries without a live filing.
 * Any failure is 422 with a message per field and nothing saved.  A new
 * filing's nonce makes a double submit file it once; an edit names its
 * version (409 when the filing changed meanwhile).
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "websites.h"

enum { F_SYSTEM, F_NAME, F_DOMAIN, F_LEADER, F_LEADER_PHONE, F_LANG, F_RUNTIME, F_DB, F_SECTIONS,
	F_LOCATION, F_VM, F_BUILD, F_BUILD_REASON, F_ADMIN, F_ADMIN_PHONE, F_ADMIN_EMAIL, F_ADMIN_MOBILE,
	F_APPLY_DATE, F_NOTES, F_VERSION, F_NONCE, F__MAX };

static const struct vfield fields[F__MAX] = {
	[F_SYSTEM]       = { "system", V_TOKEN, 0, 12, NULL },
	[F_NAME]         = { "name", V_TEXT, 1, 128, NULL },
	[F_DOMAIN]       = { "domain", V_TEXT, 1, 253, NULL },
	[F_LEADER]       = { "leader_name", V_TEXT, 1, 32, NULL },
	[F_LEADER_PHONE] = { "leader_phone", V_PHONE, 1, 32, NULL },
	[F_LANG]         = { "site_lang", V_TEXT, 1, 64, NULL },
	[F_RUNTIME]      = { "site_runtime", V_TEXT, 1, 64, NULL },
	[F_DB]           = { "site_db", V_TEXT, 0, 64, NULL },
	[F_SECTIONS]     = { "sections", V_MULTILINE, 1, 500, NULL },
	[F_LOCATION]     = { "location", V_CHOICE, 1, 16, ws_locations },
	[F_VM]           = { "vm", V_INT, 0, 10, NULL },
	[F_BUILD]        = { "build", V_CHOICE, 1, 16, ws_builds },
	[F_BUILD_REASON] = { "build_reason", V_MULTILINE, 0, 500, NULL },
	[F_ADMIN]        = { "admin_name", V_TEXT, 1, 32, NULL },
	[F_ADMIN_PHONE]  = { "admin_phone", V_PHONE, 1, 32, NULL },
	[F_ADMIN_EMAIL]  = { "admin_email", V_EMAIL, 1, 128, NULL },
	[F_ADMIN_MOBILE] = { "admin_mobile", V_MOBILE, 1, 32, NULL },
	[F_APPLY_DATE]   = { "apply_date", V_DATE, 1, 10, NULL },
	[F_NOTES]        = { "notes", V_MULTILINE, 0, 500, NULL },
	[F_VERSION]      = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]        = { "nonce", V_TOKEN, 0, 32, NULL },
};
/* Each field's column in a loaded filing (an edit's form starts from it). */
static const int column[F__MAX] = {
	[F_SYSTEM] = SC_SYSTEM, [F_NAME] = SC_NAME, [F_DOMAIN] = SC_DOMAIN, [F_LEADER] = SC_LEADER,
	[F_LEADER_PHONE] = SC_LEADER_PHONE, [F_LANG] = SC_LANG, [F_RUNTIME] = SC_RUNTIME, [F_DB] = SC_DB,
	[F_SECTIONS] = SC_SECTIONS, [F_LOCATION] = SC_LOCATION, [F_VM] = SC_VM, [F_BUILD] = SC_BUILD,
	[F_BUILD_REASON] = SC_BUILD_REASON, [F_ADMIN] = SC_ADMIN, [F_ADMIN_PHONE] = SC_ADMIN_PHONE,
	[F_ADMIN_EMAIL] = SC_ADMIN_EMAIL, [F_ADMIN_MOBILE] = SC_ADMIN_MOBILE, [F_APPLY_DATE] = SC_APPLY_DATE,
	[F_NOTES] = SC_NOTES, [F_VERSION] = SC_VERSION,
};

static int
vm_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "vm");
	pg_attr(n, "id", r->v[VM_ID]);
	pg_attr(n, "kind", r->v[VM_KIND]);
	pg_attr(n, "ip", r->v[VM_IP]);
	xmlNodeAddContent(n, BAD_CAST r->v[VM_PURPOSE]);
	return 0;
}

enum db_rc
ws_vms_node(struct ctx *c, long long unit)
{
	struct db_val u[] = { DBI(unit) };
	return SQL_RUN(c, WS_SQL_UNIT_VMS, u, vm_row, pg_node(c->data, "vms"));
}

static int
sys_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "system");
	pg_attr(n, "id", r->v[SY_ID]);
	xmlNodeAddContent(n, BAD_CAST r->v[SY_NAME]);
	return 0;
}

static int
form_page(struct ctx *c, int status, const struct site *cur, long long unit, const char **vals,
    const char **errs)
{
	enum db_rc rc;
	c->view = VIEW(WS_VIEW_FORM);
	if (cur != NULL)
		ws_site_node(c->data, "current", cur);
	struct db_val us[] = { DBI(unit), DBI(c->id) };
	if ((rc = ws_vms_node(c, unit)) != DB_OK ||
	    (rc = SQL_RUN(c, WS_SQL_UNIT_SYSTEMS, us, sys_row, pg_node(c->data, "systems"))) != DB_OK ||
	    (rc = ws_officer_node(c, c->data, unit)) != DB_OK)
		return app_dberr(rc);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
ws_form(struct ctx *c)
{
	const char *vals[F__MAX];
	char nonce[TX_NONCE_LEN + 1];
	struct site s;

	for (int i = 0; i < F__MAX; i++)
		vals[i] = "";
	if (c->id != 0) {
		int st = ws_open(c, &s, 1);
		if (st != 200)
			return st;
		for (int i = F_SYSTEM; i <= F_VERSION; i++)
			vals[i] = s.v[column[i]];
		return form_page(c, 200, &s, atoll(s.v[SC_UNIT_ID]), vals, NULL);
	}
	tx_nonce(nonce);
	vals[F_NONCE] = nonce;
	vals[F_ADMIN] = c->acct.name ? c->acct.name : "";
	vals[F_APPLY_DATE] = wd_today_str(c->ar);
	vals[F_LOCATION] = "campus";
	vals[F_BUILD] = "site_group";
	return form_page(c, 200, NULL, c->acct.unit_id, vals, NULL);
}

/* The checks beyond each field's own; -1 when the database failed. */
static long
cross_check(struct ctx *c, const char **v, const char **e, long long unit, enum db_rc *rc)
{
	long bad = 0;
	long long n = 0;
	if (e[F_DOMAIN] == NULL) {
		char *d = ar_strdup(c->ar, v[F_DOMAIN]);
		if (d == NULL || !ws_valid_domain(d)) {
			bad += (long)valid_flag(e, F_DOMAIN, "web_domain");
		} else {
			v[F_DOMAIN] = d;	/* lowercased: one spelling per domain */
			/* the filing a double submit of this form made is not another's: tx_run sends
			 * the second submit to it (a live filing of another form here is 422; one that
			 * lands meanwhile is the unique key's 409) */
			struct db_val p[] = { DBS(d), DBI(c->id), DBS(c->id ? "" : v[F_NONCE]) };
			if ((*rc = SQL_RUN(c, WS_SQL_DOMAIN_USED, p, db_int_row, &n)) != DB_OK)
				return -1;
			if (n)
				bad += (long)valid_flag(e, F_DOMAIN, "web_domain_dup");
		}
	}
	int on_vm = strcmp(v[F_LOCATION], "cloud_vm") == 0, hosted = strcmp(v[F_LOCATION], "hosted") == 0;
	if (e[F_LOCATION] == NULL && (on_vm || hosted)) {
		n = 0;
		if (e[F_VM] == NULL && *v[F_VM]) {
			struct db_val p[] = { DBI(atoll(v[F_VM])), DBI(unit), DBS(on_vm ? "vm" : "host") };
			if ((*rc = SQL_RUN(c, WS_SQL_VM_OK, p, db_int_row, &n)) != DB_OK)
				return -1;
		}
		if (!n)
			bad += (long)valid_flag(e, F_VM, "web_vm");
	} else if (e[F_LOCATION] == NULL) {
		v[F_VM] = "";	/* a campus or external server names no VM */
	}
	if (e[F_BUILD] == NULL && strcmp(v[F_BUILD], "site_group") != 0 && !*v[F_BUILD_REASON])
		bad += (long)valid_flag(e, F_BUILD_REASON, "web_build_reason");
	if (e[F_APPLY_DATE] == NULL && strcmp(v[F_APPLY_DATE], wd_today_str(c->ar)) > 0)
		bad += (long)valid_flag(e, F_APPLY_DATE, "web_apply_future");
	if (e[F_SYSTEM] == NULL && *v[F_SYSTEM] && strcmp(v[F_SYSTEM], "new") != 0) {
		char *end;
		long long sys = strtoll(v[F_SYSTEM], &end, 10);
		n = 0;
		if (*end == '\0' && sys > 0) {
			struct db_val p[] = { DBI(unit), DBI(c->id), DBI(sys) };
			if ((*rc = SQL_RUN(c, WS_SQL_SYSTEM_OK, p, db_int_row, &n)) != DB_OK)
				return -1;
		}
		if (!n)
			bad += (long)valid_flag(e, F_SYSTEM, "web_system");
	}
	return bad;
}

static const char *
json(struct ctx *c, const char **v, long long sys)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_printf(&b, "{\"system\":%lld", sys);
	for (int i = F_NAME; i <= F_NOTES; i++) {
		buf_json_field(&b, fields[i].key, v[i]);
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

/* The sys_system hosting of a server location. */
static const char *
hosting(const char *location)
{
	static const char *const map[][2] = {
		{ "campus", "campus" }, { "cloud_vm", "cloud_vm" }, { "hosted", "hosted_server" },
		{ "external", "external" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], location) == 0)
			return map[i][1];
	return "external";
}

struct save {
	const char **vals;
	long long unit;
};

/* The filing's inventory entry: the one picked, the one it has, or a new one. */
static enum db_rc
system_for(struct tx *t, const char **v, long long unit, const struct site *now, long long *sys)
{
	struct ctx *c = t->c;
	const char *login = c->acct.login;
	if (*v[F_SYSTEM] && strcmp(v[F_SYSTEM], "new") != 0) {
		*sys = atoll(v[F_SYSTEM]);
		return DB_OK;
	}
	if (now != NULL && *now->v[SC_SYSTEM]) {
		*sys = atoll(now->v[SC_SYSTEM]);	/* never a second copy */
		return DB_OK;
	}
	struct db_val p[] = { DBI(unit), DBS(v[F_NAME]), DBS(v[F_DOMAIN]), DBS(hosting(v[F_LOCATION])),
		DBS(v[F_ADMIN]), DBS(v[F_ADMIN_PHONE]), DBS(login), DBS(login) };
	enum db_rc rc = SQL_RUN(c, WS_SQL_SYSTEM_ADD, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	*sys = (long long)db_insert_id(c->db);
	return tx_audit(t, "system", *sys, "create", NULL, "{\"from\":\"website filing\"}");
}

static int
save_tx(struct tx *t, void *arg)
{
	struct save *sv = arg;
	struct ctx *c = t->c;
	const char **v = sv->vals, *before = NULL, *login = c->acct.login;
	struct site now;
	enum db_rc rc;
	long long sys = 0;

	if (c->id != 0) {
		if ((rc = ws_load(c, c->id, &now, 1)) != DB_OK)
			return rc;
		if (now.n == 0)
			return 404;
		if (strcmp(now.v[SC_VERSION], v[F_VERSION]) != 0)
			return 409;
		before = ws_json(c, &now);
	}
	if ((rc = system_for(t, v, sv->unit, c->id ? &now : NULL, &sys)) != DB_OK)
		return rc;
	struct db_val vm = DBSN(v[F_VM]);
	if (c->id != 0) {
		struct db_val p[] = {
			DBI(sys), DBS(v[F_NAME]), DBS(v[F_DOMAIN]), DBS(v[F_LEADER]), DBS(v[F_LEADER_PHONE]),
			DBS(v[F_LANG]), DBS(v[F_RUNTIME]), DBS(v[F_DB]), DBS(v[F_SECTIONS]), DBS(v[F_LOCATION]), vm,
			DBS(v[F_BUILD]), DBS(v[F_BUILD_REASON]), DBS(v[F_ADMIN]), DBS(v[F_ADMIN_PHONE]),
			DBS(v[F_ADMIN_EMAIL]), DBS(v[F_ADMIN_MOBILE]), DBS(v[F_APPLY_DATE]), DBS(v[F_NOTES]),
			DBS(login), DBI(c->id), DBI(atoll(v[F_VERSION])),
		};
		if ((rc = SQL_RUN(c, WS_SQL_UPDATE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;	/* no longer editable: another step landed first */
		t->id = c->id;
	} else {
		struct db_val p[] = {
			DBI(sv->unit), DBI(sys), DBS(v[F_NAME]), DBS(v[F_DOMAIN]), DBS(v[F_LEADER]),
			DBS(v[F_LEADER_PHONE]), DBS(v[F_LANG]), DBS(v[F_RUNTIME]), DBS(v[F_DB]), DBS(v[F_SECTIONS]),
			DBS(v[F_LOCATION]), vm, DBS(v[F_BUILD]), DBS(v[F_BUILD_REASON]), DBS(v[F_ADMIN]),
			DBS(v[F_ADMIN_PHONE]), DBS(v[F_ADMIN_EMAIL]), DBS(v[F_ADMIN_MOBILE]), DBS(v[F_APPLY_DATE]),
			DBS(v[F_NOTES]), DBS(v[F_NONCE]), DBS(login), DBS(login),
		};
		if ((rc = SQL_RUN(c, WS_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		t->id = (long long)db_insert_id(c->db);
		if ((rc = ws_step_add(c, t->id, "", "draft", "")) != DB_OK)
			return rc;
	}
	ws_tx_done(t, t->id, c->id ? "update" : "create", before, json(c, v, sys));
	return TX_COMMIT;
}

int
ws_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct site cur;
	enum db_rc rc = DB_OK;
	long long unit = c->acct.unit_id;
	int st;

	if (c->id != 0) {
		if ((st = ws_open(c, &cur, 1)) != 200)
			return st;
		unit = atoll(cur.v[SC_UNIT_ID]);
	}
	long bad = (long)valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int tok = c->id ? F_VERSION : F_NONCE;
	if (errs[tok] == NULL && *vals[tok] == '\0')
		bad += (long)valid_flag(errs, tok, "required");
	long more = cross_check(c, vals, errs, unit, &rc);
	if (more < 0)
		return app_dberr(rc);
	bad += more;
	if (bad)
		return form_page(c, 422, c->id ? &cur : NULL, unit, vals, errs);
	struct save sv = { vals, unit };
	struct tx t = { .c = c, .nonce = c->id ? NULL : vals[F_NONCE] };
	st = tx_run(&t, save_tx, &sv);
	if (st == 409) {
		struct site now;
		if (c->id != 0 && (rc = ws_load(c, c->id, &now, 0)) != DB_OK)
			return app_dberr(rc);
		pg_conflict(c);
		if (c->id != 0 && now.n)
			vals[F_VERSION] = now.v[SC_VERSION];
		return form_page(c, 409, c->id && now.n ? &now : NULL, unit, vals, NULL);
	}
	return st;
}

const struct vfield *
ws_form_field(const char *key)
{
	for (int i = 0; i < F__MAX; i++)
		if (strcmp(fields[i].key, key) == 0)
			return &fields[i];
	return NULL;
}

long
ws_filing_check(struct ctx *c, long long unit, const char *const *keys, const char **vals, const char **errs,
    size_t n, enum db_rc *rc)
{
	static const char skip[] = "";	/* a field not named: cross_check passes it over as if in error */
	const char *v[F__MAX], *e[F__MAX];
	int at[F__MAX];
	for (int i = 0; i < F__MAX; i++) {
		v[i] = "";
		e[i] = skip;
		at[i] = -1;
	}
	for (size_t k = 0; k < n; k++) {
		const struct vfield *f = ws_form_field(keys[k]);
		if (f == NULL)
			continue;
		int i = (int)(f - fields);
		v[i] = vals[k];
		e[i] = errs[k];
		at[i] = (int)k;
	}
	long bad = cross_check(c, v, e, unit, rc);
	if (bad < 0)
		return -1;
	for (int i = 0; i < F__MAX; i++)
		if (at[i] >= 0) {
			vals[at[i]] = v[i];
			errs[at[i]] = e[i];
		}
	return bad;
}
