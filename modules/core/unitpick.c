/* unitpick.c — the units of a unit picker; see unitpick.h. */
#include "ctx.h"
#include "page.h"
#include "sql.h"
#include "unitpick.h"

enum { UP_ID, UP_CODE, UP_NAME, UP_NAME_EN, UP__MAX };

struct up {
	struct ctx *c;
	xmlNodePtr parent;
};

static int
up_row(void *arg, const struct db_row *r)
{
	struct up *u = arg;
	xmlNodePtr n = pg_node(u->parent, "u");
	pg_attr(n, "id", r->v[UP_ID]);
	pg_attr(n, "code", r->v[UP_CODE]);
	pg_attr(n, "name", u->c->lang == LANG_EN && *r->v[UP_NAME_EN] ? r->v[UP_NAME_EN] : r->v[UP_NAME]);
	return 0;
}

enum db_rc
up_node(struct ctx *c, xmlNodePtr parent)
{
	struct up u = { c, pg_node(parent, "units-pick") };
	struct db_val p[] = { DBI(UP_MAX) };
	return DB_RUN(c->db, CORE_SQL_UNIT_PICK, p, up_row, &u);
}
