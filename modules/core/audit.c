/* audit.c — the audit row; see audit.h. */
#include "audit.h"
#include "ctx.h"
#include "sql.h"

enum db_rc
audit_write(struct ctx *c, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after)
{
	char now[WD_NOW_LEN];
	wd_now(now);
	struct db_val p[] = {
		DBS(now), DBS(c->acct.login), DBS(c->acct.role_name),
		c->acct.unit_id ? DBI(c->acct.unit_id) : DBN,
		DBS(c->mod_name), DBS(record_type), DBI(record_id), DBS(action),
		DBSN(before), DBSN(after), DBS(c->reqid),
	};
	return DB_RUN(c->db, CORE_SQL_AUDIT, p, NULL, NULL);
}
