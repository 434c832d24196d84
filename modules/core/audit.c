/*
 * audit.c — the audit row.  Callers write it inside the transaction of the
 * change it records, so a change never lands without its row (and a failed
 * audit write rolls the change back).
 */
#include "app.h"

enum db_rc
audit_write(struct ctx *c, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after)
{
	char now[20];
	app_now(now);
	struct db_val p[] = {
		DBS(now), DBS(c->acct.login), DBS(c->acct.role_name),
		c->acct.unit_id ? DBI(c->acct.unit_id) : DBN,
		DBS(c->mod->name), DBS(record_type), DBI(record_id), DBS(action),
		DBSN(before), DBSN(after), DBS(c->reqid),
	};
	return db_run(c->db, CORE_SQL_AUDIT, p, sizeof(p) / sizeof(p[0]), NULL, NULL);
}
