/*
 * auth.h — who the user is and what they may touch: the roles, the account
 * REMOTE_USER names (looked up per request through a per-worker cache), and
 * the unit checks every handler makes on every record.  auth_deny() decides
 * and records a refusal; the page module (page.h) writes the 403.
 */
#ifndef WANGAN_AUTH_H
#define WANGAN_AUTH_H
#include "db.h"

enum role {
	ROLE_UNIT_STAFF = 1 << 0,
	ROLE_UNIT_HEAD  = 1 << 1,
	ROLE_OFFICE     = 1 << 2,
	ROLE_LEADER     = 1 << 3,
	ROLE_AUDITOR    = 1 << 4,
	ROLE_CENTER     = 1 << 5,	/* the centre's technician: provisions VMs and servers (cloud) */
};
#define ROLES_UNIT (ROLE_UNIT_STAFF | ROLE_UNIT_HEAD)
#define ROLES_READ_ALL (ROLE_OFFICE | ROLE_LEADER | ROLE_AUDITOR)
/* The centre reads its own unit elsewhere; the cloud module lets it read every unit's machines. */
#define ROLES_ALL (ROLES_UNIT | ROLES_READ_ALL | ROLE_CENTER)

struct account {
	long long id, unit_id;
	const char *login, *name, *role_name;
	const char *unit_code, *unit_name, *unit_name_en;
	enum role role;
};

struct ctx;

/*
 * Fills c->acct for c->req.remote_user, from the cache when it is younger
 * than ttl seconds, else from the database.  DB_OK with c->acct.login NULL
 * when no active account has that login (never cached), or the failure.
 */
enum db_rc auth_account(struct ctx *c, long ttl);
const char *auth_role_name(enum role r);
int auth_unit_read(const struct ctx *c, long long unit_id);
int auth_unit_write(const struct ctx *c, long long unit_id);
/* Logs and audits a refused access to a record; returns 403 with its error page. */
int auth_deny(struct ctx *c, const char *record_type, long long record_id);
#endif
