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
	p->id = atoll(r->v[0]);
	switch (p->type) {
	case PL_UNIT:		/* id, code, name, name_en, kind */
		p->unit_id = p->id;
		p->code = ar_strdup(l->c->ar, r->v[1]);
		p->name = ar_strdup(l->c->ar, l->c->lang == LANG_EN && *r->v[3] ? r->v[3] : r->v[2]);
		break;
	case PL_VENDOR:		/* id, uscc, name, … */
		p->unit_id = 0;
		p->code = ar_strdup(l->c->ar, r->v[1]);
		p->name = ar_strdup(l->c->ar, r->v[2]);
		break;
	case PL_PERSON:		/* id, staff_no, name, unit_id, active */
		p->unit_id = atoll(r->v[3]);
		p->code = ar_strdup(l->c->ar, r->v[1]);
		p->name = ar_strdup(l->c->ar, r->v[2]);
		if (strcmp(r->v[4], "1") != 0)
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
	static const int sql[PL_PARTY__MAX] = { PL_SQL_UNIT, PL_SQL_VENDOR, PL_SQL_PERSON };
	struct loaded l = { c, p, 0 };
	struct db_val v = DBI(id);
	memset(p, 0, sizeof(*p));
	p->type = type;
	if (type >= PL_PARTY__MAX || id <= 0)
		return 404;
	enum db_rc rc = db_run(c->db, SQL(sql[type]), &v, 1, party_row, &l);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
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
	return db_run(c->db, SQL(PL_SQL_VENDOR_SERVES), v, 2, one_row, &serves) == DB_OK && serves;
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
