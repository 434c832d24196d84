/*
 * life.c — a VM after provisioning (issue 11, "Life after provisioning";
 * seed 003 appendix 5 art. 4, 8, 10): POST {id}/life with an action.
 *
 *   release       the unit's staff (of that VM's unit) no longer need an
 *                 active VM: released, reason optional, ended_by/at; it keeps
 *                 its IP (ip_active) until the centre takes it down;
 *   decommission  the centre takes down a released VM, or an active or
 *                 suspended one whose period is over (period_to < today):
 *                 decommissioned, the address free again, the record kept;
 *                 an active or suspended VM still in its period is a 422
 *                 that says so;
 *   suspend       the centre suspends an active VM (harmful content, a virus
 *                 left untreated…), a reason required; the unit sees who,
 *                 when and why on the VM page;
 *   lift          the centre lifts a suspension, with a note: active again.
 *
 * Each is one transaction with its audit row and a cloud_vm_step row, from
 * the version the page showed (409 when the VM changed meanwhile, so of two
 * centre accounts at once one wins).  A role that never takes the action on
 * this VM gets 403, audited (auth_deny).  The VM page (vm.c) asks
 * cl_end_node for the actions this account may take and the suspension or
 * end's who/when/why.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"

enum { L_ACTION, L_VERSION, L_REASON, L__MAX };
static const char *const lactions[] = { "release", "decommission", "suspend", "lift", NULL };
static const struct vfield lfields[L__MAX] = {
	[L_ACTION]  = { "action", V_CHOICE, 1, 16, lactions },
	[L_VERSION] = { "version", V_INT, 1, 10, NULL },
	[L_REASON]  = { "reason", V_MULTILINE, 0, 500, NULL },
};

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* Is the VM's period over (period_to before the site's today)? */
static int
expired(struct ctx *c, const struct vm *vm)
{
	return strcmp(vm->v[VC_TO], wd_today_str(c->ar)) < 0;
}

/* May this account take action a on the VM as it is? */
static int
may(struct ctx *c, const struct vm *vm, const char *a)
{
	const char *st = vm->v[VC_STATE];
	long long unit = atoll(vm->v[VC_UNIT_ID]);
	int center = c->acct.role == ROLE_CENTER;
	if (is(a, "release"))
		return (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit) && is(st, "active");
	if (is(a, "decommission"))
		return center && (is(st, "released") ||
		    ((is(st, "active") || is(st, "suspended")) && expired(c, vm)));
	if (is(a, "suspend"))
		return center && is(st, "active");
	if (is(a, "lift"))
		return center && is(st, "suspended");
	return 0;
}

static int
life_row(void *arg, const struct db_row *r)
{
	for (size_t i = 0; i < cl_end_col__MAX; i++)
		pg_text(arg, cl_end_cols[i], r->v[i]);
	return 0;
}

enum db_rc
cl_end_node(struct ctx *c, const struct vm *vm, xmlNodePtr actions, const struct cl_typed *ty)
{
	const struct cl_typed *mine = cl_typed_for(ty, "life");
	xmlNodePtr n = pg_node(c->data, "end");
	if (is(vm->v[VC_STATE], "active") && expired(c, vm))
		pg_attr(n, "period-ended", vm->v[VC_TO]);
	struct db_val p[] = { DBI(atoll(vm->v[VC_ID])) };
	enum db_rc rc = SQL_RUN(c, CL_SQL_END_GET, p, life_row, n);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; lactions[i] != NULL; i++)
		if (may(c, vm, lactions[i]))
			pg_attr(pg_node(actions, "action"), "name", lactions[i]);
	const char *blank[L__MAX] = { "", vm->v[VC_VERSION], "" };
	const char **vals = mine ? mine->vals : blank;
	vals[L_VERSION] = vm->v[VC_VERSION];	/* another try starts from the VM as it is */
	pg_form(c, n, lfields, L__MAX, vals, mine ? mine->errs : NULL);
	return DB_OK;
}

/* What the transaction needs, and the 422's code it may set. */
struct life {
	const char **vals;
	const char *from, *to, *code;
};

static int
life_tx(struct tx *t, void *arg)
{
	struct life *lf = arg;
	struct ctx *c = t->c;
	const char **v = lf->vals, *a = v[L_ACTION], *login = c->acct.login;
	long long id = c->id, ver = atoll(v[L_VERSION]);
	struct vm vm;
	enum db_rc rc;

	if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
		return rc;
	if (vm.n == 0)
		return 404;
	if (strcmp(vm.v[VC_VERSION], v[L_VERSION]) != 0)
		return 409;
	lf->from = vm.v[VC_STATE];
	if (!may(c, &vm, a)) {
		/* the version is the page's: the state is what it showed, and wrong for a */
		lf->code = is(a, "decommission") && (is(lf->from, "active") || is(lf->from, "suspended")) ?
		    "cloud_decom_early" : "cloud_life_state";
		return 422;
	}
	if (is(a, "release")) {
		struct db_val p[] = { DBS(login), DBS(v[L_REASON]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_RELEASED, p, NULL, NULL);
		lf->to = "released";
	} else if (is(a, "decommission")) {
		struct db_val p[] = { DBS(login), DBS(v[L_REASON]), DBS(v[L_REASON]), DBS(login), DBI(id),
			DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_DECOMMISSIONED, p, NULL, NULL);
		lf->to = "decommissioned";
	} else if (is(a, "suspend")) {
		struct db_val p[] = { DBS(login), DBS(v[L_REASON]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_SUSPENDED, p, NULL, NULL);
		lf->to = "suspended";
	} else {
		struct db_val p[] = { DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_LIFTED, p, NULL, NULL);
		lf->to = "active";
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct db_val s[] = { DBI(id), DBS(login), DBS(lf->from), DBS(lf->to), DBS(v[L_REASON]) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_printf(&b, "{\"state\":\"%s\",\"by\":\"", lf->to);
	buf_json(&b, login);
	buf_str(&b, "\",\"reason\":\"");
	buf_json(&b, v[L_REASON]);
	buf_str(&b, "\"}");
	cl_tx_done(t, id, a, cl_json(c, &vm), buf_cstr(&b));
	return TX_COMMIT;
}

/* The VM page again, with the life form as typed. */
static int
again(struct ctx *c, int status, const char *a, const char **vals, const char **errs)
{
	struct cl_typed ty = { "life", a, vals, errs };
	return cl_view_page(c, status, &ty);
}

int
cl_life(struct ctx *c)
{
	const char *vals[L__MAX], *errs[L__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(lfields, L__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[L_ACTION] != NULL)
		return 400;
	const char *a = vals[L_ACTION];
	long long unit = atoll(vm.v[VC_UNIT_ID]);
	/* an action this account never takes on this VM: 403, audited */
	int role_ok = is(a, "release") ? (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit) :
	    c->acct.role == ROLE_CENTER;
	if (!role_ok)
		return auth_deny(c, "vm", c->id);
	if ((is(a, "suspend") || is(a, "lift")) && !*vals[L_REASON])
		bad += valid_flag(errs, L_REASON, "required");
	if (bad) {
		pg_msg(c, "reason", errs[L_REASON] ? errs[L_REASON] : "invalid");
		return again(c, 422, a, vals, errs);
	}
	struct life lf = { vals, NULL, NULL, NULL };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, life_tx, &lf);
	if (st == 409) {
		pg_conflict(c);
		return again(c, 409, a, vals, NULL);
	}
	if (st == 422) {
		errs[L_ACTION] = lf.code;
		pg_msg(c, "action", lf.code);
		return again(c, 422, a, vals, errs);
	}
	return st;
}

/* The demo: which demo VM (unit, purpose) ends up in which state, and why. */
static const struct {
	const char *unit, *purpose, *to, *reason;
} demo[] = {
	{ "C-ME", "档案数字化", "suspended", "网页含有害信息，整改前暂停（承诺书第四条）" },
	{ "O-ACAD", "课程录播", "released", "系统已迁移，不再需要" },
};

static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc;
	(void)arg;
	for (size_t i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		long long id = 0;
		struct vm vm;
		struct db_val q[] = { DBS(demo[i].unit), DBS(demo[i].purpose) };
		if ((rc = SQL_RUN(c, CL_SQL_DEMO_LIFE, q, db_int_row, &id)) != DB_OK)
			return rc;
		if (id == 0)
			continue;
		if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
			return rc;
		if (vm.n == 0 || !is(vm.v[VC_STATE], "active"))
			continue;	/* done before: leave it */
		const char *by = is(demo[i].to, "suspended") ? "center" : "demo";
		struct db_val p[] = { DBS(by), DBS(demo[i].reason), DBS(by), DBI(id), DBI(atoll(vm.v[VC_VERSION])) };
		rc = is(demo[i].to, "suspended") ? SQL_RUN(c, CL_SQL_SET_SUSPENDED, p, NULL, NULL) :
		    SQL_RUN(c, CL_SQL_SET_RELEASED, p, NULL, NULL);
		if (rc != DB_OK)
			return rc;
		struct db_val s[] = { DBI(id), DBS(by), DBS("active"), DBS(demo[i].to), DBS(demo[i].reason) };
		if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
	}
	return TX_COMMIT;
}

int
cl_demo_life(struct ctx *c)
{
	struct tx t = { .c = c, .nonce = NULL };
	return tx_run(&t, demo_tx, NULL);
}
