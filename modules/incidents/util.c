/*
 * util.c — small things the incidents handlers share: units by code, a
 * unit's systems, form values of date and time, page keys, the audit's
 * JSON of a form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "incidents.h"
#include "listq.h"

/* A report that says it happened a little in the future is a clock skew, not a lie. */
#define INC_SKEW_SECONDS 120

void
inc_rows_end(struct inc_rows *l, const char *next)
{
	if (l->n > INC_PAGE_ROWS && next != NULL)
		pg_attr(l->parent, "next", next);
	pg_attri(l->parent, "count", (long long)(l->n > INC_PAGE_ROWS ? INC_PAGE_ROWS : l->n));
}

void
inc_rows_lq(struct inc_rows *l, const struct listq *lq)
{
	size_t shown = l->n > INC_PAGE_ROWS ? INC_PAGE_ROWS : l->n;
	lq_end(l->c, l->parent, lq, l->n > INC_PAGE_ROWS, shown, l->last_key,
	    ar_printf(l->c->ar, "%lld", l->last_id));
}


const char *
inc_unit_name(const struct ctx *c, const char *name, const char *name_en)
{
	return c->lang == LANG_EN && name_en != NULL && *name_en ? name_en : name;
}

const char *
inc_form_time(struct ctx *c, const char *db)
{
	if (db == NULL || strlen(db) != 19)
		return db != NULL ? db : "";
	char *s = ar_strdup(c->ar, db);
	if (s == NULL)
		return "";
	s[10] = 'T';
	if (strcmp(s + 16, ":00") == 0)
		s[16] = '\0';
	return s;
}

const char *
inc_check_time(const char *s, long now, long *t)
{
	*t = INC_NONE;
	if (*s == '\0')
		return NULL;	/* "required" is the validator table's */
	*t = inc_time(s);
	if (*t == INC_NONE)
		return "datetime";
	if (*t > now + INC_SKEW_SECONDS)
		return "future_time";
	return NULL;
}

const char *
inc_key(struct ctx *c, const char *at, long long id)
{
	char k[15];
	size_t n = 0;
	if (at == NULL)
		return NULL;	/* no row, no key */
	for (const char *p = at; *p && n < sizeof(k) - 1; p++)
		if (*p >= '0' && *p <= '9')
			k[n++] = *p;
	k[n] = '\0';
	return ar_printf(c->ar, "%s.%lld", k, id);
}

int
inc_key_parse(const char *key, char at[20], long long *id)
{
	char *end;
	snprintf(at, 20, "%s", "1000-01-01 00:00:00");
	*id = 0;
	if (key == NULL || *key == '\0')
		return 0;
	for (int i = 0; i < 14; i++)
		if (key[i] < '0' || key[i] > '9')
			return -1;
	if (key[14] != '.')
		return -1;
	*id = strtoll(key + 15, &end, 10);
	if (*end != '\0' || *id < 0 || end == key + 15)
		return -1;
	snprintf(at, 20, "%.4s-%.2s-%.2s %.2s:%.2s:%.2s", key, key + 4, key + 6, key + 8, key + 10, key + 12);
	return inc_time(at) == INC_NONE ? -1 : 0;
}

struct unit_ref {
	struct ctx *c;
	long long id;
	const char *name;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct unit_ref *u = arg;
	u->id = atoll(r->v[UB_ID]);
	u->name = ar_strdup(u->c->ar, inc_unit_name(u->c, r->v[UB_NAME], r->v[UB_NAME_EN]));
	return 0;
}

enum db_rc
inc_unit_by_code(struct ctx *c, const char *code, long long *id, const char **name)
{
	struct unit_ref u = { c, 0, "" };
	struct db_val p[] = { DBS(code) };
	enum db_rc rc = SQL_RUN(c, INC_SQL_UNIT_BY_CODE, p, unit_row, &u);
	*id = u.id;
	if (name != NULL)
		*name = u.name != NULL ? u.name : "";
	return rc;
}

static int
system_row(void *arg, const struct db_row *r)
{
	xmlNodePtr s = pg_text(arg, "system", r->v[SY_NAME]);
	pg_attr(s, "id", r->v[SY_ID]);
	return 0;
}

enum db_rc
inc_systems_node(struct ctx *c, long long unit)
{
	struct db_val p[] = { DBI(unit) };
	return SQL_RUN(c, INC_SQL_SYSTEMS, p, system_row, pg_node(c->data, "systems"));
}

int
inc_owner_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[OWN_UNIT_ID]);
	return 0;
}

enum db_rc
inc_system_of(struct ctx *c, long long system, long long unit, int *ok)
{
	long long owner = 0;
	struct db_val p[] = { DBI(system) };
	*ok = system == 0;
	if (system == 0)
		return DB_OK;
	enum db_rc rc = SQL_RUN(c, INC_SQL_SYSTEM, p, inc_owner_row, &owner);
	*ok = rc == DB_OK && owner == unit;
	return rc;
}

const char *
inc_form_json(struct ctx *c, const struct vfield *t, size_t n, const char **vals)
{
	struct buf b;
	size_t k = 0;
	buf_init(&b, c->ar, 64 * 1024);
	buf_str(&b, "{");
	for (size_t i = 0; i < n; i++) {
		/* the form's own tokens are no part of the record */
		if (strcmp(t[i].key, "nonce") == 0 || strcmp(t[i].key, "version") == 0)
			continue;
		buf_printf(&b, "%s\"%s\":\"", k++ ? "," : "", t[i].key);
		buf_json(&b, vals[i]);
		buf_str(&b, "\"");
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

int
inc_list_unit(struct ctx *c, xmlNodePtr filter, long long *unit)
{
	static const struct vfield fu = { "unit", V_INT, 0, 12, NULL };
	const char *u = ctx_q(c, "unit");
	*unit = 0;
	if (!(c->acct.role & ROLES_READ_ALL)) {
		/* a unit's staff: their unit, whatever the query says; named, not kept in links */
		*unit = c->acct.unit_id;
		if (c->acct.unit_name != NULL)
			pg_attr(filter, "unit-name", inc_unit_name(c, c->acct.unit_name, c->acct.unit_name_en));
		return 0;
	}
	if (u == NULL || *u == '\0')
		return 0;
	if (valid_check(&fu, u) != NULL || (*unit = atoll(u)) <= 0)
		return pg_error(c, 400, "list_unit");
	struct db_val p[] = { DBI(*unit) };
	struct unit_ref un = { c, 0, NULL };
	enum db_rc rc = SQL_RUN(c, INC_SQL_UNIT_BY_ID, p, unit_row, &un);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_attr(filter, "unit", u);
	pg_attr(filter, "unit-name", un.name != NULL ? un.name : "");
	return 0;
}
