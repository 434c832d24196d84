/*
 * settings.c — the site settings page (GET/POST /office/settings): the
 * deadlines and the enabled modules the office may change without a
 * restart (core/setting.h: every worker of every module sees a change
 * within SETTING_CHECK_SECONDS).  wangan.conf's value is the default; the
 * office's value overrides it, and "back to the default" stores NULL.
 *
 * Only settings the modules read through core/setting.h at the moment they
 * use them are listed here — a setting read once at a module's start would
 * look changed on this page and change nothing.  Every value is checked
 * here before it is stored: a number within its range, modules each one the
 * site runs (wangan.conf's modules line), once.  A save names the version
 * the page showed (0: the default, no row yet): 409 when it changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "setting.h"
#include "office.h"

enum of_stype { OS_INT, OS_ROLES, OS_MODULES, OS_CHOICE };
struct of_setting {
	const char *key;
	enum of_stype type;
	long min, max, def;
	const char *const *choices;	/* OS_CHOICE: the words allowed, the first the default */
};

/* registration.report_unit: how registration.report_days counts (core limit.h's words) */
static const char *const day_units[] = { "workdays", "days", NULL };

static const struct of_setting known[] = {
	{ "registration.report_days", OS_INT, 1, 60, 5, NULL },
	{ "registration.report_unit", OS_CHOICE, 0, 0, 0, day_units },
	{ "pledges.resign_days", OS_INT, 1, 90, 10, NULL },
	{ "incidents.notice_workdays", OS_INT, 1, 90, 10, NULL },
	{ "websites.discover_days", OS_INT, 1, 60, 5, NULL },
	{ "registration.roles", OS_ROLES, 0, 0, 0, NULL },
	{ "modules", OS_MODULES, 0, 0, 0, NULL },
};

/* registration's roles, in its order; the first three (seed 000) are always kept */
static const char *const reg_roles[] = { "first", "direct", "secadmin", "liaison", "sysadmin", NULL };
#define NKNOWN APP_COUNT(known)

static const char *const known_keys[] = { "registration.report_days", "registration.report_unit",
	"pledges.resign_days",
	"incidents.notice_workdays", "websites.discover_days", "registration.roles", "modules", NULL };
_Static_assert(APP_COUNT(known_keys) == APP_COUNT(known) + 1, "known_keys names each of known");

enum { S_KEY, S_VALUE, S_ACTION, S_VERSION, S__MAX };
static const char *const sactions[] = { "save", "reset", NULL };
static const struct vfield sfields[S__MAX] = {
	[S_KEY]     = { "key", V_CHOICE, 1, SETTING_KEY_MAX, known_keys },
	[S_VALUE]   = { "value", V_TEXT, 0, 512, NULL },
	[S_ACTION]  = { "action", V_CHOICE, 1, 8, sactions },
	[S_VERSION] = { "version", V_INT, 1, 10, NULL },
};

static const struct of_setting *
find(const char *key)
{
	for (size_t i = 0; i < NKNOWN; i++)
		if (strcmp(known[i].key, key) == 0)
			return &known[i];
	return NULL;
}

/* wangan.conf's value of s (its default when not there), in the arena. */
static const char *
conf_value(struct ctx *c, const struct of_setting *s)
{
	if (s->type == OS_INT)
		return ar_printf(c->ar, "%ld", config_int(c->cfg, s->key, s->def, s->min, s->max));
	if (s->type == OS_ROLES)
		return config_get(c->cfg, s->key, "first,direct,secadmin");
	if (s->type == OS_CHOICE)
		return config_get(c->cfg, s->key, s->choices[0]);
	struct buf b;
	buf_init(&b, c->ar, SETTING_VAL_MAX);
	for (size_t i = 0; i < c->cfg->nmodules; i++) {
		if (i > 0)
			buf_str(&b, " ");
		buf_str(&b, c->cfg->modules[i]);
	}
	return buf_cstr(&b);
}

struct rows {
	struct ctx *c;
	const char *v[NKNOWN][of_set_col__MAX];
	int have[NKNOWN];
};

static int
set_row(void *arg, const struct db_row *r)
{
	struct rows *rs = arg;
	for (size_t i = 0; i < NKNOWN; i++)
		if (strcmp(known[i].key, r->v[SE_NAME]) == 0) {
			of_copy_row(rs->c, r, rs->v[i], of_set_col__MAX);
			rs->have[i] = 1;
		}
	return 0;
}

static int
settings_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct rows rs;
	memset(&rs, 0, sizeof(rs));
	rs.c = c;
	enum db_rc rc = SQL_RUN0(c, OF_SQL_SET_ALL, set_row, &rs);
	if (rc != DB_OK)
		return app_dberr(rc);
	c->view = VIEW(OF_VIEW_SETTINGS);
	xmlNodePtr list = pg_node(c->data, "settings");
	pg_attri(list, "check-seconds", SETTING_CHECK_SECONDS);
	for (size_t i = 0; i < NKNOWN; i++) {
		const struct of_setting *s = &known[i];
		const char *def = conf_value(c, s);
		int set = rs.have[i] && strcmp(rs.v[i][SE_SET], "1") == 0;
		xmlNodePtr n = pg_text(list, "setting", set ? rs.v[i][SE_VALUE] : "");
		pg_attr(n, "key", s->key);
		pg_attr(n, "type", s->type == OS_INT ? "int" : s->type == OS_ROLES ? "roles" :
		    s->type == OS_CHOICE ? "choice" : "modules");
		for (size_t k = 0; s->type == OS_CHOICE && s->choices[k] != NULL; k++)
			pg_attr(pg_node(n, "choice"), "code", s->choices[k]);
		if (s->type == OS_INT) {
			pg_attri(n, "min", s->min);
			pg_attri(n, "max", s->max);
		}
		pg_attr(n, "version", rs.have[i] ? rs.v[i][SE_VERSION] : "0");
		pg_attr(n, "set", set ? "1" : "0");
		pg_attr(n, "default", def);
		pg_attr(n, "effective", set ? rs.v[i][SE_VALUE] : def);
		if (rs.have[i]) {
			pg_attr(n, "updated-at", rs.v[i][SE_UPDATED_AT]);
			pg_attr(n, "updated-by", rs.v[i][SE_UPDATED_BY]);
		}
	}
	xmlNodePtr mods = pg_node(c->data, "modules");
	for (size_t i = 0; i < c->cfg->nmodules; i++)
		pg_text(mods, "module", c->cfg->modules[i]);
	if (vals != NULL)
		pg_form(c, c->data, sfields, S__MAX, vals, errs);
	const char *done = ctx_q(c, "done");
	if (done != NULL && status == 200 && strlen(done) <= SETTING_KEY_MAX)
		pg_attr(c->data, "done", done);
	return status;
}

int
of_settings(struct ctx *c)
{
	return settings_page(c, 200, NULL, NULL);
}

/*
 * The value of s as it will be stored, checked: NULL when it is not good
 * (*code the message), else the canonical text (a number without signs or
 * zeros in front, modules separated by one blank).
 */
static const char *
check_value(struct ctx *c, const struct of_setting *s, const char *v, const char **code)
{
	if (s->type == OS_INT) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || *v == '+' || *v == '-' || strlen(v) > 6 || n < s->min || n > s->max) {
			*code = "office_set_range";
			return NULL;
		}
		return ar_printf(c->ar, "%ld", n);
	}
	if (s->type == OS_CHOICE) {
		for (size_t k = 0; s->choices[k] != NULL; k++)
			if (strcmp(s->choices[k], v) == 0)
				return s->choices[k];
		*code = "office_set_choice";
		return NULL;
	}
	if (s->type == OS_ROLES) {
		/* each a role registration knows, once; stored in its order with the three always kept */
		int want[5] = { 1, 1, 1, 0, 0 };
		char w[256];
		snprintf(w, sizeof(w), "%s", v);
		for (char *save = NULL, *t = strtok_r(w, " ,", &save); t != NULL; t = strtok_r(NULL, " ,", &save)) {
			int r;
			for (r = 0; reg_roles[r] != NULL; r++)
				if (strcmp(reg_roles[r], t) == 0)
					break;
			if (reg_roles[r] == NULL || (r >= 3 && want[r])) {
				*code = "office_set_roles";
				return NULL;
			}
			want[r] = 1;
		}
		struct buf b;
		buf_init(&b, c->ar, 256);
		for (int r = 0; reg_roles[r] != NULL; r++)
			if (want[r]) {
				if (b.len > 0)
					buf_str(&b, ",");
				buf_str(&b, reg_roles[r]);
			}
		return buf_cstr(&b);
	}
	const char *out[CONFIG_MAX_MODULES];
	char buf[SETTING_VAL_MAX], bad[CONFIG_MODULE_NAME + 1];
	size_t n;
	if (setting_parse_modules(c->cfg, v, out, CONFIG_MAX_MODULES, &n, buf, sizeof(buf), bad, sizeof(bad)) != 0) {
		*code = "office_set_modules";
		return NULL;
	}
	struct buf b;
	buf_init(&b, c->ar, SETTING_VAL_MAX);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_str(&b, " ");
		buf_str(&b, out[i]);
	}
	return buf_cstr(&b);
}

struct save {
	struct ctx *c;
	const char **vals;
	const char *value;	/* checked, or NULL: back to the default */
	const char *v[of_set_col__MAX];
	int n;
};

static int
lock_row(void *arg, const struct db_row *r)
{
	struct save *s = arg;
	of_copy_row(s->c, r, s->v, of_set_col__MAX);
	s->n++;
	return 0;
}

static const char *
set_json(struct ctx *c, const char *key, const char *value)
{
	struct buf b;
	buf_init(&b, c->ar, 2 * SETTING_VAL_MAX);
	buf_str(&b, "{");
	buf_json_field(&b, "name", key);
	if (value != NULL)
		buf_json_field(&b, "value", value);
	else
		buf_str(&b, ",\"value\":null");
	buf_str(&b, "}");
	return buf_cstr(&b);
}

static int
save_tx(struct tx *t, void *arg)
{
	struct save *s = arg;
	struct ctx *c = t->c;
	const char **v = s->vals;
	long long next = 0;
	enum db_rc rc;
	struct db_val k[] = { DBS(v[S_KEY]) };
	s->n = 0;
	if ((rc = SQL_RUN(c, OF_SQL_SET_LOCK, k, lock_row, s)) != DB_OK)
		return rc;
	const char *have = s->n ? s->v[SE_VERSION] : "0";
	if (strcmp(have, v[S_VERSION]) != 0)
		return 409;
	if ((rc = SQL_RUN0(c, OF_SQL_SET_NEXT, db_int_row, &next)) != DB_OK)
		return rc;
	struct db_val p[] = { DBS(v[S_KEY]), s->value ? DBS(s->value) : DBN, DBI(next), DBS(c->acct.login) };
	if ((rc = SQL_RUN(c, OF_SQL_SET_PUT, p, NULL, NULL)) != DB_OK)
		return rc;
	t->id = next;
	t->record = "site_setting";
	t->action = s->value ? "change" : "reset";
	t->before = set_json(c, v[S_KEY], s->n && strcmp(s->v[SE_SET], "1") == 0 ? s->v[SE_VALUE] : NULL);
	t->after = set_json(c, v[S_KEY], s->value);
	t->then = ar_printf(c->ar, "/office/settings?done=%s", v[S_KEY]);
	return TX_COMMIT;
}

int
of_setting_save(struct ctx *c)
{
	const char *vals[S__MAX], *errs[S__MAX];
	size_t bad = valid_form(sfields, S__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return errs[S_KEY] || errs[S_ACTION] ? 400 : settings_page(c, 422, vals, errs);
	const struct of_setting *st = find(vals[S_KEY]);
	struct save s = { .c = c, .vals = vals, .value = NULL };
	if (strcmp(vals[S_ACTION], "save") == 0) {
		const char *code = NULL;
		if ((s.value = check_value(c, st, vals[S_VALUE], &code)) == NULL) {
			errs[S_VALUE] = code;
			return settings_page(c, 422, vals, errs);
		}
	}
	struct tx t = { .c = c };
	int rc = tx_run(&t, save_tx, &s);
	if (rc == 409) {
		pg_conflict(c);
		return settings_page(c, 409, vals, NULL);
	}
	return rc;
}
