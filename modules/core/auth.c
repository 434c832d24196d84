/*
 * auth.c — the account behind REMOTE_USER, its cache, and the unit checks;
 * see auth.h.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "audit.h"
#include "auth.h"
#include "config.h"
#include "ctx.h"
#include "log.h"
#include "page.h"
#include "sql.h"

static const struct {
	const char *name;
	enum role role;
} roles[] = {
	{ "unit_staff", ROLE_UNIT_STAFF }, { "unit_head", ROLE_UNIT_HEAD },
	{ "office", ROLE_OFFICE }, { "leader", ROLE_LEADER }, { "auditor", ROLE_AUDITOR },
	{ "center", ROLE_CENTER },
};

const char *
auth_role_name(enum role r)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (roles[i].role == r)
			return roles[i].name;
	return "";
}

int
auth_unit_read(const struct ctx *c, long long unit_id)
{
	return (c->acct.role & ROLES_READ_ALL) || c->acct.unit_id == unit_id;
}

int
auth_unit_write(const struct ctx *c, long long unit_id)
{
	if (c->acct.role == ROLE_OFFICE)
		return 1;
	return (c->acct.role & ROLES_UNIT) && c->acct.unit_id == unit_id;
}

int
auth_deny(struct ctx *c, const char *record_type, long long record_id)
{
	log_msg("%s DENIED account=%s role=%s unit=%lld %s %s=%lld", c->reqid,
	    c->acct.login, c->acct.role_name, c->acct.unit_id, c->req.path,
	    record_type, record_id);
	/* The attempt is evidence ("倒查"): keep it outside any transaction. */
	if (audit_write(c, record_type, record_id, "denied", NULL, NULL) != DB_OK)
		log_msg("%s audit of a denied access failed", c->reqid);
	return pg_error(c, 403, "forbidden_record");
}

/*
 * The account cache: REMOTE_USER → account, per worker, for
 * account_cache_seconds (default 5; 0 turns it off).  Every page needs the
 * account, and the lookup was a database round trip on each request; a
 * change to an account (role, unit, deactivation) takes effect within the
 * TTL, far stricter than a session would be.  Unknown logins are never
 * cached, so a new account works at once.
 */
#define ACACHE_SLOTS 64

static struct acache {
	struct account a;
	time_t at;
	char key[65];	/* the REMOTE_USER it was found by: the login, or an SSO name */
	char login[65], name[256], code[33], unit[512], unit_en[512];
} acache[ACACHE_SLOTS];

static size_t
acache_slot(const char *login)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)login; *p; p++)
		h = h * 33 + *p;
	return h % ACACHE_SLOTS;
}

static int
cache_get(const char *login, struct account *out, long ttl)
{
	struct acache *e = &acache[acache_slot(login)];
	if (ttl <= 0 || e->at == 0 || time(NULL) - e->at >= ttl || strcmp(e->key, login) != 0)
		return 0;
	*out = e->a;
	return 1;
}

/* Copies s into a cache field of size cap; 0, or -1 when it does not fit. */
static int
keep(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);
	if (n >= cap)
		return -1;
	memcpy(dst, s, n + 1);
	return 0;
}

static void
cache_put(const char *key, const struct account *a)
{
	struct acache *e = &acache[acache_slot(key)];
	/* Values that do not fit are simply not cached: the database stays the truth. */
	e->at = 0;
	if (keep(e->key, sizeof(e->key), key) ||
	    keep(e->login, sizeof(e->login), a->login) || keep(e->name, sizeof(e->name), a->name) ||
	    keep(e->code, sizeof(e->code), a->unit_code) || keep(e->unit, sizeof(e->unit), a->unit_name) ||
	    keep(e->unit_en, sizeof(e->unit_en), a->unit_name_en))
		return;
	e->a = *a;
	e->a.login = e->login;
	e->a.name = e->name;
	e->a.unit_code = e->code;
	e->a.unit_name = e->unit;
	e->a.unit_name_en = e->unit_en;
	e->at = time(NULL);
}

static int
account_row(void *arg, const struct db_row *r)
{
	struct ctx *c = arg;
	struct account *a = &c->acct;
	a->id = atoll(r->v[ACC_ID]);
	a->login = ar_strdup(c->ar, r->v[ACC_LOGIN]);
	a->name = ar_strdup(c->ar, r->v[ACC_NAME]);
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(r->v[ACC_ROLE], roles[i].name) == 0)
			a->role = roles[i].role;
	a->role_name = auth_role_name(a->role);
	a->unit_id = atoll(r->v[ACC_UNIT_ID]);
	a->unit_code = ar_strdup(c->ar, r->v[ACC_UNIT_CODE]);
	a->unit_name = ar_strdup(c->ar, r->v[ACC_UNIT_NAME]);
	a->unit_name_en = ar_strdup(c->ar, r->v[ACC_UNIT_NAME_EN]);
	return 0;
}

enum db_rc
auth_account(struct ctx *c, long ttl)
{
	memset(&c->acct, 0, sizeof(c->acct));
	if (cache_get(c->req.remote_user, &c->acct, ttl))
		return DB_OK;
	struct db_val u[] = { DBS(c->req.remote_user) };
	/*
	 * i13 login: a campus SSO asserts its own names; account.sso_name maps
	 * one to its account.  With login.mode = sso that name decides first
	 * (a campus name that happens to be another account's login must not
	 * become that account), the login only for accounts without one;
	 * otherwise REMOTE_USER is the login that wangan's session check or
	 * auth_basic gave, and an SSO name is the fallback.
	 */
	int sso = strcmp(config_get(c->cfg, "login.mode", "password"), "sso") == 0;
	_Static_assert(CORE_SQL_ACCOUNT__NP == 1 && CORE_SQL_ACCOUNT_SSO__NP == 1, "one parameter each");
	int first = sso ? CORE_SQL_ACCOUNT_SSO : CORE_SQL_ACCOUNT;
	int then = sso ? CORE_SQL_ACCOUNT : CORE_SQL_ACCOUNT_SSO;
	enum db_rc rc = db_run(c->db, first, u, DB_NARGS(u), account_row, c);
	if (rc == DB_OK && c->acct.login == NULL)
		rc = db_run(c->db, then, u, DB_NARGS(u), account_row, c);
	if (rc == DB_OK && c->acct.login != NULL)
		cache_put(c->req.remote_user, &c->acct);
	return rc;
}
