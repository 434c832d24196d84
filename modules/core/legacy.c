/* legacy.c — TRANSITIONAL; see legacy.h. */
#include <stdlib.h>
#include <string.h>
#include "legacy.h"

static int
id_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[0]);
	return 0;
}

int
app_done_before(struct ctx *c, int sql, const char *nonce, const char *before,
    const char *after, int *status)
{
	long long id = 0;
	struct db_val p = DBS(nonce);
	enum db_rc rc = db_run(c->db, sql, &p, 1, id_row, &id);
	if (rc != DB_OK) {
		*status = app_dberr(rc);
		return 1;
	}
	if (id == 0)
		return 0;
	*status = resp_redirect(c, ar_printf(c->ar, "%s%lld%s", before, id, after));
	return 1;
}

int
view_id(const char *name)
{
	for (int i = CORE_VIEW__MAX; i < VIEW_MAX && view_name(i) != NULL; i++)
		if (strcmp(view_name(i), name) == 0)
			return i;
	return VIEW_ERROR;
}

void
legacy_stmts(const char *name, const char *const *sql, size_t n, struct db_stmt *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (struct db_stmt){ name, sql[i], DB_UNCHECKED_NP, NULL };
}
