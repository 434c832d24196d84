/*
 * main.c — wangan-office: routes and views of the office's management
 * pages (statements: sql.c; the pages: unit.c, account.c).
 */
#include <string.h>
#include "arena.h"
#include "office.h"
#include "password.h"
#include "upstream.h"

const char *const of_unit_kinds[] = { "school", "center", "college", "office", "affiliated", "other", NULL };
const char *const of_roles[] = { "unit_staff", "unit_head", "office", "leader", "auditor", "center", NULL };

static const struct route routes[] = {
	{ REQ_GET,  "",                    of_units, ROLE_OFFICE, 0 },
	{ REQ_GET,  "units",               of_units, ROLE_OFFICE, 0 },
	{ REQ_POST, "units",               of_unit_create, ROLE_OFFICE, 0 },
	{ REQ_GET,  "units/{id}",          of_unit, ROLE_OFFICE, 0 },
	{ REQ_POST, "units/{id}",          of_unit_save, ROLE_OFFICE, 0 },
	{ REQ_POST, "units/{id}/close",    of_unit_close, ROLE_OFFICE, 0 },
	{ REQ_GET,  "audit",               of_audit, ROLES_READ_ALL, 0 },
	{ REQ_GET,  "calendar",            of_calendar, ROLE_OFFICE, 0 },
	{ REQ_POST, "calendar",            of_calendar_load, ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_GET,  "settings",            of_settings, ROLE_OFFICE, 0 },
	{ REQ_POST, "settings",            of_setting_save, ROLE_OFFICE, 0 },
	{ REQ_GET,  "accounts",            of_accounts, ROLE_OFFICE, 0 },
	{ REQ_POST, "accounts",            of_account_create, ROLE_OFFICE, 0 },
	{ REQ_GET,  "accounts/{id}",       of_account, ROLE_OFFICE, 0 },
	{ REQ_POST, "accounts/{id}",       of_account_save, ROLE_OFFICE, 0 },
	{ REQ_POST, "accounts/{id}/active", of_account_active, ROLE_OFFICE, 0 },
	{ REQ_POST, "accounts/{id}/password", of_account_password, ROLE_OFFICE, 0 },
	{ REQ_GET,  "upstream",            of_upstreams, ROLE_OFFICE, 0 },
	{ REQ_GET,  "upstream/log",        of_upstream_log, ROLE_OFFICE, 0 },
	{ REQ_POST, "upstream/{id}/export", of_upstream_export, ROLE_OFFICE, 0 },
};

static const struct verb verbs[] = {
	{ "upstream-export", "CODE [--full] FILE|-: export to an upstream (logged as 'cli')", of_upstream_cli },
};

static const char *const views[OF_VIEW__MAX] = {
	[OF_VIEW_UNITS] = "office/units", [OF_VIEW_UNIT] = "office/unit",
	[OF_VIEW_ACCOUNTS] = "office/accounts", [OF_VIEW_ACCOUNT] = "office/account",
	[OF_VIEW_SETTINGS] = "office/settings", [OF_VIEW_AUDIT] = "office/audit",
	[OF_VIEW_CALENDAR] = "office/calendar",
	[OF_VIEW_UPSTREAMS] = "office/upstream", [OF_VIEW_UPSTREAM_LOG] = "office/upstream-log",
};

const char *
of_query(struct ctx *c, const char *key)
{
	static const struct vfield qf = { "q", V_TEXT, 0, OF_Q_MAX, NULL };
	const char *q = ctx_q(c, key);
	if (q == NULL)
		return "";
	/* trimmed as a form field is */
	while (*q == ' ')
		q++;
	size_t n = strlen(q);
	while (n > 0 && q[n - 1] == ' ')
		n--;
	char *t = ar_strndup(c->ar, q, n);
	if (t == NULL || valid_check(&qf, t) != NULL)
		return NULL;
	return t;
}

void
of_copy_row(struct ctx *c, const struct db_row *r, const char **v, size_t n)
{
	for (size_t i = 0; i < n && i < r->n; i++)
		v[i] = ar_strdup(c->ar, r->v[i]);
}

struct pick {
	xmlNodePtr parent;
};

static int
pick_row(void *arg, const struct db_row *r)
{
	struct pick *p = arg;
	xmlNodePtr n = pg_text(p->parent, "unit", r->v[PK_NAME]);
	pg_attr(n, "id", r->v[PK_ID]);
	pg_attr(n, "code", r->v[PK_CODE]);
	return 0;
}

enum db_rc
of_pick_node(struct ctx *c, xmlNodePtr parent)
{
	struct pick p = { pg_node(parent, "pick") };
	return SQL_RUN0(c, OF_SQL_UNIT_PICK, pick_row, &p);
}

/*
 * libsodium before the first password hash or generated password
 * (account.c); the upstream profiles, compiled once here, before the
 * workers fork or a verb runs (upprofile.c).
 */
static int
of_init(const struct config *cfg)
{
	return pw_init() != 0 ? -1 : up_profiles_load(cfg->xslt_dir);
}

static const struct module office = {
	.name = "office",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = of_sql, .nsql = OF_SQL__MAX,
	.views = views, .nviews = OF_VIEW__MAX,
	.init = of_init,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&office, argc, argv);
}
