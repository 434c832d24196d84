/*
 * card.c — GET /dashboard/unit/CODE?year=YYYY: one unit's yearly scorecard
 * from live data (not the snapshot): each duty's numbers for that unit and
 * year, through the same SELECT as the matrix's refresh (sql.c), with the
 * work indicators of seed 002 and the duties of seed 001 that the data
 * answers, each with the records behind it (the view links the module's
 * list), and a plain list of those it cannot answer yet, with why.  The
 * office, the leading group and the auditor read any unit's; a unit's own
 * roles only their unit's.
 *
 * The year applies to what happens in a year (incidents, notices, 报平安);
 * registration, pledges, systems, VMs and websites are their state today —
 * the platform keeps their history, not yearly snapshots.
 */
#include <stdlib.h>
#include <string.h>
#include "dashboard.h"

/* What the data answers: the seed's item (a string key dref.*) and the duty (or "roles"). */
static const struct { const char *ref, *duty; } answered[] = {
	{ "s002_1", "reg" }, { "s002_5", "roles" }, { "s002_8", "inc" }, { "s002_9", "period" },
	{ "s002_10", "sys" }, { "s002_13", "pledge" }, { "s002_14", "sys" }, { "s002_16", "web" },
	{ "s001_17", "sys" }, { "s001_26", "reg" }, { "s001_trig5", "inc" }, { "s001_notice", "notice" },
	{ "s003_vm", "vm" },
};
/*
 * What the year's duties answer when the site runs the duties module
 * (schema 034): the drill (seed 002 indicator 7), the training hours
 * (indicator 12), the self-inspection report (seed 000); until then
 * they are among the unanswered below.
 */
static const char *const by_yearly[] = { "s002_7", "s002_12", "s000_report" };

static int
yearly_answers(const char *ref)
{
	for (size_t i = 0; dash_set.yearly && i < APP_COUNT(by_yearly); i++)
		if (strcmp(by_yearly[i], ref) == 0)
			return 1;
	return 0;
}

/* What it cannot answer yet, and why (string keys dref.* and dwhy.*). */
static const struct { const char *ref, *why; } unanswered[] = {
	{ "s002_2", "docs" }, { "s002_3", "docs" }, { "s002_4", "meetings" }, { "s002_6", "budget" },
	{ "s002_7", "drill" }, { "s002_11", "events" }, { "s002_12", "training" }, { "s002_13_2", "procure" },
	{ "s002_15", "ops" }, { "s002_17", "secret" }, { "s001_16", "meetings" }, { "s001_34", "budget" },
	{ "s000_report", "report" },
};

struct card {
	struct ctx *c;
	long long unit_id;
	const char *code, *name;
	int active, found;
	xmlNodePtr yearly;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct card *k = arg;
	k->found = 1;
	k->unit_id = atoll(r->v[DU_ID]);
	k->code = ar_strdup(k->c->ar, r->v[DU_CODE]);
	k->name = ar_strdup(k->c->ar, k->c->lang == LANG_EN && *r->v[DU_NAME_EN] ? r->v[DU_NAME_EN] : r->v[DU_NAME]);
	k->active = r->v[DU_ACTIVE][0] == '1';
	return 0;
}

static int
cell_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = arg;
	pg_attr(n, "g", r->v[DC_G]);
	pg_attr(n, "a", r->v[DC_A]);
	pg_attr(n, "r", r->v[DC_R]);
	pg_attr(n, "t", r->v[DC_T]);
	return 0;
}

static int
yearly_row(void *arg, const struct db_row *r)
{
	struct card *k = arg;
	xmlNodePtr n = pg_node(k->yearly, "d");
	pg_attr(n, "id", r->v[DY_ID]);
	pg_attr(n, "code", r->v[DY_CODE]);
	pg_attr(n, "due", r->v[DY_DUE]);
	pg_attr(n, "stand", r->v[DY_STAND]);
	pg_text(n, "title", k->c->lang == LANG_EN ? r->v[DY_TITLE_EN] : r->v[DY_TITLE]);
	return 0;
}

static int
roles_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = arg;
	pg_attr(n, "liaison", r->v[0]);
	pg_attr(n, "sysadmin", r->v[1]);
	return 0;
}

/* One duty's numbers for the unit and year, as <duty code module g a r t/>. */
static enum db_rc
duty(struct ctx *c, xmlNodePtr parent, int d, long long u, long long y)
{
	xmlNodePtr n = pg_node(parent, "duty");
	pg_attr(n, "code", dash_duty_code[d]);
	pg_attr(n, "module", dash_duty_module[d]);
	switch (d) {
	case DUTY_REG: {
		struct db_val p[] = { DBI(dash_set.nroles), DBI(dash_set.nroles), DBS(dash_set.roles), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_REG, p, cell_row, n);
	}
	case DUTY_PLEDGE: {
		struct db_val p[] = { DBS(dash_set.resign_kinds), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_PLEDGE, p, cell_row, n);
	}
	case DUTY_SYS: {
		struct db_val p[] = { DBI(dash_set.soon_days), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_SYS, p, cell_row, n);
	}
	case DUTY_VM: {
		struct db_val p[] = { DBI(dash_set.soon_days), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_VM, p, cell_row, n);
	}
	case DUTY_WEB: {
		struct db_val p[] = { DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_WEB, p, cell_row, n);
	}
	case DUTY_INC: {
		struct db_val p[] = { DBI(y), DBI(y), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_INC, p, cell_row, n);
	}
	case DUTY_NOTICE: {
		struct db_val p[] = { DBI(y), DBI(y), DBI(y), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_NOTICE, p, cell_row, n);
	}
	case DUTY_PERIOD: {
		struct db_val p[] = { DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(y), DBI(u), DBI(u) };
		return SQL_RUN(c, DASH_SQL_CARD_PERIOD, p, cell_row, n);
	}
	default:
		return DB_ERR;
	}
}

static int
enabled(const char *code)
{
	if (strcmp(code, "roles") == 0)
		return dash_set.enabled[DUTY_REG];
	for (int d = 0; d < DUTY__MAX; d++)
		if (strcmp(dash_duty_code[d], code) == 0)
			return dash_set.enabled[d];
	return 0;
}

int
dash_card(struct ctx *c)
{
	static const struct vfield fyear = { "year", V_INT, 0, 4, NULL };
	const char *code = strrchr(c->req.path, '/'), *qy = ctx_q(c, "year");
	struct card k = { c, 0, "", "", 0, 0, NULL };
	enum db_rc rc;

	c->view = VIEW(DASH_VIEW_CARD);
	long long y = dash_year();
	if (qy && *qy) {
		if (valid_check(&fyear, qy) != NULL || atoll(qy) < DASH_CARD_MIN_YEAR || atoll(qy) > DASH_CARD_MAX_YEAR)
			return pg_error(c, 400, "bad_request");
		y = atoll(qy);
	}
	struct db_val p[] = { DBS(code + 1) };
	if ((rc = SQL_RUN(c, DASH_SQL_UNIT, p, unit_row, &k)) != DB_OK)
		return app_dberr(rc);
	if (!k.found)
		return pg_error(c, 404, "not_found");
	if (!auth_unit_read(c, k.unit_id))
		return auth_deny(c, "unit", k.unit_id);	/* another unit's scorecard */
	xmlNodePtr u = pg_node(c->data, "unit");
	pg_attri(u, "id", k.unit_id);
	pg_attr(u, "code", k.code);
	pg_attri(u, "year", y);
	pg_attri(u, "this-year", dash_year());
	if (!k.active)
		pg_attr(u, "closed", "1");
	pg_text(u, "name", k.name);
	xmlNodePtr ds = pg_node(c->data, "duties");
	for (int d = 0; d < DUTY__MAX; d++)
		if (dash_set.enabled[d] && (rc = duty(c, ds, d, k.unit_id, y)) != DB_OK)
			return app_dberr(rc);
	if (dash_set.enabled[DUTY_REG]) {
		struct db_val pr[] = { DBI(k.unit_id) };
		if ((rc = SQL_RUN(c, DASH_SQL_CARD_ROLES, pr, roles_row, pg_node(c->data, "roles"))) != DB_OK)
			return app_dberr(rc);
	}
	if (dash_set.yearly) {
		struct db_val py[] = { DBI(k.unit_id), DBI(y) };
		k.yearly = pg_node(c->data, "yearly");
		if ((rc = SQL_RUN(c, DASH_SQL_CARD_YEARLY, py, yearly_row, &k)) != DB_OK)
			return app_dberr(rc);
	}
	xmlNodePtr in = pg_node(c->data, "indicators");
	for (size_t i = 0; i < APP_COUNT(answered); i++) {
		if (!enabled(answered[i].duty))
			continue;
		xmlNodePtr n = pg_node(in, "i");
		pg_attr(n, "ref", answered[i].ref);
		pg_attr(n, "duty", answered[i].duty);
	}
	for (size_t i = 0; i < APP_COUNT(unanswered); i++)
		if (yearly_answers(unanswered[i].ref)) {
			xmlNodePtr n = pg_node(in, "i");
			pg_attr(n, "ref", unanswered[i].ref);
			pg_attr(n, "duty", "yearly");
		}
	xmlNodePtr un = pg_node(c->data, "unanswered");
	for (size_t i = 0; i < APP_COUNT(unanswered); i++) {
		if (yearly_answers(unanswered[i].ref))
			continue;
		xmlNodePtr n = pg_node(un, "i");
		pg_attr(n, "ref", unanswered[i].ref);
		pg_attr(n, "why", unanswered[i].why);
	}
	/* an indicator whose module the site does not run cannot be answered either */
	for (size_t i = 0; i < APP_COUNT(answered); i++)
		if (!enabled(answered[i].duty)) {
			xmlNodePtr n = pg_node(un, "i");
			pg_attr(n, "ref", answered[i].ref);
			pg_attr(n, "why", "module");
		}
	return 200;
}
