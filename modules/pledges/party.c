/*
 * party.c — who signs: a unit, a vendor or a person, loaded by type and id,
 * and who may see it or sign for it.  A unit's staff see and sign for their
 * own unit and its persons; vendors are the office's (a unit's staff may
 * see a vendor that serves their unit); leader and auditor read all.
 */
#include <stdlib.h>
#include <string.h>
#include "pledges.h"

struct loaded {
	struct ctx *c;
	struct pl_party_ref *p;
	int n;
};

static int
party_row(void *arg, const struct db_row *r)
{
	struct loaded *l = arg;
	struct pl_party_ref *p = l->p;
	struct arena *ar = l->c->ar;
	switch (p->type) {
	case PL_UNIT:
		p->id = p->unit_id = atoll(r->v[U_ID]);
		p->code = ar_strdup(ar, r->v[U_CODE]);
		p->name = ar_strdup(ar, l->c->lang == LANG_EN && *r->v[U_NAME_EN] ? r->v[U_NAME_EN] :
		    r->v[U_NAME]);
		break;
	case PL_VENDOR:
		p->id = atoll(r->v[VEN_ID]);
		p->unit_id = 0;
		p->code = ar_strdup(ar, r->v[VEN_USCC]);
		p->name = ar_strdup(ar, r->v[VEN_NAME]);
		break;
	case PL_PERSON:
		p->id = atoll(r->v[PER_ID]);
		p->unit_id = atoll(r->v[PER_UNIT_ID]);
		p->code = ar_strdup(ar, r->v[PER_STAFF_NO]);
		p->name = ar_strdup(ar, r->v[PER_NAME]);
		if (strcmp(r->v[PER_ACTIVE], "1") != 0)
			return 0;	/* a person who left signs nothing more */
		break;
	case PL_PARTY__MAX:
		return 0;
	}
	l->n++;
	return 0;
}

int
pl_party_load(struct ctx *c, enum pl_party type, long long id, struct pl_party_ref *p)
{
	struct loaded l = { c, p, 0 };
	struct db_val v[] = { DBI(id) };
	enum db_rc rc;
	memset(p, 0, sizeof(*p));
	p->type = type;
	if (type >= PL_PARTY__MAX || id <= 0)
		return 404;
	if (type == PL_UNIT)
		rc = SQL_RUN(c, PL_SQL_UNIT, v, party_row, &l);
	else if (type == PL_VENDOR)
		rc = SQL_RUN(c, PL_SQL_VENDOR, v, party_row, &l);
	else
		rc = SQL_RUN(c, PL_SQL_PERSON, v, party_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	return l.n ? 200 : 404;
}

static int
one_row(void *arg, const struct db_row *r)
{
	(void)r;
	*(int *)arg = 1;
	return 0;
}

int
pl_party_read(struct ctx *c, const struct pl_party_ref *p)
{
	if (c->acct.role & ROLES_READ_ALL)
		return 1;
	if (p->type != PL_VENDOR)
		return auth_unit_read(c, p->unit_id);
	int serves = 0;
	struct db_val v[] = { DBI(p->id), DBI(c->acct.unit_id) };
	return SQL_RUN(c, PL_SQL_VENDOR_SERVES, v, one_row, &serves) == DB_OK && serves;
}

int
pl_party_write(struct ctx *c, const struct pl_party_ref *p)
{
	if (p->type == PL_VENDOR)
		return c->acct.role == ROLE_OFFICE;
	return auth_unit_write(c, p->unit_id);
}

int
pl_party_arg(struct ctx *c, enum pl_party *type, long long *id)
{
	for (int t = 0; t < PL_PARTY__MAX; t++) {
		const char *v = ctx_q(c, pl_party_code[t]);
		if (v == NULL)
			continue;
		char *end;
		long long n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n <= 0)
			return 0;
		*type = (enum pl_party)t;
		*id = n;
		return 1;
	}
	return 0;
}

enum pl_party
pl_party_type(const char *code)
{
	return strcmp(code, "unit") == 0 ? PL_UNIT : strcmp(code, "vendor") == 0 ? PL_VENDOR : PL_PERSON;
}
