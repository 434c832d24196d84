/*
 * vm.c — one request: loading it with the access check, its page (the
 * record, its systems, the progress and the history, the action forms this
 * account may use in this state), and the steps (POST {id}/step).
 *
 * Who takes which step: the unit's staff submit (draft, returned) and
 * withdraw (submitted; once reviewed, a 422 that says so); the unit head of
 * that unit approves or rejects a submitted request; the office an approved
 * one, with an explicit override when the unit's active VMs would exceed its
 * quota; the centre provisions
 * or rejects one the office approved, and with cloud.separate_approver on
 * (the default) not the person who approved it as the office.  Each step's
 * UPDATE names the version the page showed and the state it starts from:
 * of two reviewers at once one wins, the other gets 409 and the page as it
 * is now.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"


static int
vm_row(void *arg, const struct db_row *r)
{
	struct vm *vm = arg;
	for (size_t i = 0; i < cl_vm_col__MAX; i++)
		vm->v[i] = ar_strdup(vm->c->ar, r->v[i]);
	vm->n++;
	return 0;
}

enum db_rc
cl_load(struct ctx *c, long long id, struct vm *vm, int lock)
{
	struct db_val p[] = { DBI(id) };
	memset(vm, 0, sizeof(*vm));
	vm->c = c;
	return lock ? SQL_RUN(c, CL_SQL_LOCK, p, vm_row, vm) : SQL_RUN(c, CL_SQL_GET, p, vm_row, vm);
}

int
cl_open(struct ctx *c, struct vm *vm, int write)
{
	enum db_rc rc = cl_load(c, c->id, vm, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (vm->n == 0)
		return 404;
	long long unit = atoll(vm->v[VC_UNIT_ID]);
	/* the centre reads every unit's requests (it provisions them) */
	int ok = write ? auth_unit_write(c, unit) : auth_unit_read(c, unit) || c->acct.role == ROLE_CENTER;
	if (!ok)
		return auth_deny(c, "vm", c->id);
	return 200;
}

xmlNodePtr
cl_vm_node(xmlNodePtr parent, const char *name, const struct vm *vm)
{
	xmlNodePtr n = pg_node(parent, name);
	pg_attr(n, "id", vm->v[VC_ID]);
	pg_attr(n, "state", vm->v[VC_STATE]);
	pg_attr(n, "version", vm->v[VC_VERSION]);
	for (size_t i = VC_UNIT_ID; i < cl_vm_col__MAX; i++)
		pg_text(n, cl_vm_cols[i], vm->v[i]);
	return n;
}

void
cl_tx_done(struct tx *t, long long id, const char *action, const char *before, const char *after)
{
	t->record = "vm";
	t->id = id;
	t->action = action;
	t->before = before;
	t->after = after;
	t->then = ar_printf(t->c->ar, "/cloud/%lld?saved=1", id);
}

const char *
cl_json(struct ctx *c, const struct vm *vm)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_str(&b, "{");
	for (size_t i = 0; i < cl_vm_col__MAX; i++) {
		buf_json_field(&b, cl_vm_cols[i], vm->v[i]);
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

int
cl_has_letter(struct ctx *c, long long unit, enum db_rc *rc)
{
	long long n = 0;
	struct db_val p[] = { DBI(unit) };
	if ((*rc = SQL_RUN(c, CL_SQL_LETTER, p, db_int_row, &n)) != DB_OK)
		return -1;
	return n > 0;
}

static int
image_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "image");
	pg_attr(n, "id", r->v[IM_ID]);
	pg_attr(n, "code", r->v[IM_CODE]);
	pg_attr(n, "other", r->v[IM_OTHER]);
	pg_attr(n, "active", r->v[IM_ACTIVE]);
	pg_attr(n, "name-en", r->v[IM_NAME_EN]);
	xmlNodeAddContent(n, BAD_CAST r->v[IM_NAME]);
	return 0;
}

enum db_rc
cl_images_node(struct ctx *c, xmlNodePtr parent)
{
	return SQL_RUN0(c, CL_SQL_IMAGES, image_row, pg_node(parent, "images"));
}

int
cl_system_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "system");
	pg_attr(n, "id", r->v[SY_ID]);
	xmlNodeAddContent(n, BAD_CAST r->v[SY_NAME]);
	return 0;
}

static int
step_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "step");
	pg_attr(n, "at", r->v[ST_AT]);
	pg_attr(n, "login", r->v[ST_LOGIN]);
	pg_attr(n, "from", r->v[ST_FROM]);
	pg_attr(n, "to", r->v[ST_TO]);
	pg_text(n, "reason", r->v[ST_REASON]);
	return 0;
}

static int
usage_row(void *arg, const struct db_row *r)
{
	long long *u = arg;
	u[0] = atoll(r->v[US_VCPU]);
	u[1] = atoll(r->v[US_MEMORY]);
	u[2] = atoll(r->v[US_DISK]);
	return 0;
}

/* The step form's fields. */
enum { A_ACTION, A_VERSION, A_REASON, A_OVERRIDE, A_SERVER, A_IP, A_NETMASK, A_GATEWAY, A_DATE, A__MAX };
static const char *const actions[] = { "submit", "withdraw", "approve", "reject", "provision", NULL };
static const char *const flags[] = { "0", "1", NULL };
static const struct vfield afields[A__MAX] = {
	[A_ACTION]   = { "action", V_CHOICE, 1, 16, actions },
	[A_VERSION]  = { "version", V_INT, 1, 10, NULL },
	[A_REASON]   = { "reason", V_MULTILINE, 0, 500, NULL },
	[A_OVERRIDE] = { "override", V_CHOICE, 0, 1, flags },
	[A_SERVER]   = { "server_name", V_TEXT, 0, 64, NULL },
	[A_IP]       = { "ip", V_TEXT, 0, 45, NULL },
	[A_NETMASK]  = { "netmask", V_TEXT, 0, 45, NULL },
	[A_GATEWAY]  = { "gateway", V_TEXT, 0, 45, NULL },
	[A_DATE]     = { "provision_date", V_DATE, 0, 10, NULL },
};

/* May this account take action a on the request as it is? */
static int
may(const struct ctx *c, const struct vm *vm, const char *a)
{
	const char *st = vm->v[VC_STATE];
	long long unit = atoll(vm->v[VC_UNIT_ID]);
	int staff = (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit);
	int head = c->acct.role == ROLE_UNIT_HEAD && c->acct.unit_id == unit;
	if (strcmp(a, "submit") == 0 || strcmp(a, "edit") == 0)
		return staff && (strcmp(st, "draft") == 0 || strcmp(st, "returned") == 0);
	if (strcmp(a, "withdraw") == 0)
		return staff && strcmp(st, "submitted") == 0;
	if (strcmp(a, "approve") == 0 || strcmp(a, "reject") == 0)
		return (strcmp(st, "submitted") == 0 && head) ||
		    (strcmp(st, "unit_approved") == 0 && c->acct.role == ROLE_OFFICE) ||
		    (strcmp(a, "reject") == 0 && strcmp(st, "office_approved") == 0 && c->acct.role == ROLE_CENTER);
	if (strcmp(a, "provision") == 0)
		return strcmp(st, "office_approved") == 0 && c->acct.role == ROLE_CENTER;
	return 0;
}

const struct cl_typed *
cl_typed_for(const struct cl_typed *ty, const char *form)
{
	return ty != NULL && strcmp(ty->form, form) == 0 ? ty : NULL;
}

int
cl_view_page(struct ctx *c, int status, const struct cl_typed *ty)
{
	static const char *const next[][2] = {
		{ "draft", "applicant" }, { "returned", "applicant" }, { "submitted", "unit_head" },
		{ "unit_approved", "office" }, { "office_approved", "center" },
	};
	static const char *const all[] = { "edit", "submit", "withdraw", "approve", "reject", "provision" };
	struct vm vm;
	enum db_rc rc;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	c->view = VIEW(CL_VIEW_VM);
	cl_vm_node(c->data, "vm", &vm);
	struct db_val p[] = { DBI(c->id) };
	if ((rc = cl_images_node(c, c->data)) != DB_OK ||
	    (rc = SQL_RUN(c, CL_SQL_VM_SYSTEMS, p, cl_system_row, pg_node(c->data, "systems"))) != DB_OK ||
	    (rc = SQL_RUN(c, CL_SQL_STEPS, p, step_row, pg_node(c->data, "history"))) != DB_OK)
		return app_dberr(rc);
	xmlNodePtr pr = pg_node(c->data, "progress");
	pg_attr(pr, "state", vm.v[VC_STATE]);
	pg_attr(pr, "since", vm.v[VC_SINCE]);
	for (size_t i = 0; i < sizeof(next) / sizeof(next[0]); i++)
		if (strcmp(next[i][0], vm.v[VC_STATE]) == 0)
			pg_attr(pr, "next", next[i][1]);
	xmlNodePtr an = pg_node(c->data, "actions");
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (may(c, &vm, all[i]))
			pg_attr(pg_node(an, "action"), "name", all[i]);
	if ((rc = cl_end_node(c, &vm, an, ty)) != DB_OK)	/* life.c: release, suspend, … */
		return app_dberr(rc);
	if ((rc = cl_change_node(c, &vm, an, ty)) != DB_OK)	/* change.c: a change or renewal */
		return app_dberr(rc);
	if (strcmp(vm.v[VC_STATE], "unit_approved") == 0 && c->acct.role == ROLE_OFFICE &&
	    strcmp(vm.v[VC_KIND], "vm") == 0) {
		long long u[3] = { 0, 0, 0 };
		struct db_val q[] = { DBI(atoll(vm.v[VC_UNIT_ID])), DBI(c->id) };
		if ((rc = SQL_RUN(c, CL_SQL_USAGE, q, usage_row, u)) != DB_OK)
			return app_dberr(rc);
		xmlNodePtr qn = pg_node(c->data, "quota");
		pg_attri(qn, "vcpu", cl_set.quota_vcpu);
		pg_attri(qn, "memory", cl_set.quota_memory);
		pg_attri(qn, "disk", cl_set.quota_disk);
		pg_attri(qn, "used-vcpu", u[0]);
		pg_attri(qn, "used-memory", u[1]);
		pg_attri(qn, "used-disk", u[2]);
		pg_attr(qn, "over", u[0] + atoll(vm.v[VC_VCPU]) > cl_set.quota_vcpu ||
		    u[1] + atoll(vm.v[VC_MEMORY]) > cl_set.quota_memory ||
		    u[2] + atoll(vm.v[VC_DISK]) > cl_set.quota_disk ? "1" : "0");
	}
	/* the dates: re-registration due, reclaimable, expiry; the re-registrations (rereg.c) */
	if ((rc = cl_life_node(c)) != DB_OK)
		return app_dberr(rc);
	const struct cl_typed *mine = cl_typed_for(ty, "step");
	const char **vals = mine ? mine->vals : NULL, **errs = mine ? mine->errs : NULL;
	const char *blank[A__MAX];
	if (vals == NULL) {
		for (int i = 0; i < A__MAX; i++)
			blank[i] = "";
		blank[A_VERSION] = vm.v[VC_VERSION];
		blank[A_DATE] = wd_today_str(c->ar);
		vals = blank;
	} else {
		vals[A_VERSION] = vm.v[VC_VERSION];	/* another try starts from the record as it is */
	}
	if (ty != NULL && ty->action != NULL)
		pg_attr(c->data, "action", ty->action);
	pg_form(c, c->data, afields, A__MAX, vals, errs);
	return status;
}

int
cl_view(struct ctx *c)
{
	return cl_view_page(c, 200, NULL);
}

/* What the step's transaction needs. */
struct step {
	const char **vals;
	const char *action, *from, *to;
	int status;		/* a 422's reason, set by the transaction */
	const char *code;	/* … and its code, on field err_field */
	int err_field;
};

static int
valid_ip4(const char *s)
{
	unsigned char a[4];
	return inet_pton(AF_INET, s, a) == 1;
}

static int
step_tx(struct tx *t, void *arg)
{
	struct step *sp = arg;
	struct ctx *c = t->c;
	const char **v = sp->vals;
	const char *login = c->acct.login;
	struct vm vm;
	enum db_rc rc;
	long long id = c->id, ver = atoll(v[A_VERSION]);

	if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
		return rc;
	if (vm.n == 0)
		return 404;
	if (strcmp(vm.v[VC_VERSION], v[A_VERSION]) != 0)
		return 409;
	if (strcmp(sp->action, "withdraw") == 0 && (strcmp(vm.v[VC_STATE], "unit_approved") == 0 ||
	    strcmp(vm.v[VC_STATE], "office_approved") == 0 || strcmp(vm.v[VC_STATE], "active") == 0)) {
		sp->code = "cloud_withdraw_late";	/* reviewed: only a reviewer can return it now */
		return 422;
	}
	if (!may(c, &vm, sp->action))
		return 409;	/* the state moved on: another step landed first */
	long long unit = atoll(vm.v[VC_UNIT_ID]);
	sp->from = vm.v[VC_STATE];
	const char *a = sp->action;
	int over = 0;
	int host = strcmp(vm.v[VC_KIND], "host") == 0;
	if (strcmp(a, "submit") == 0 && host) {
		/* a host's gate: the appendix 7 letter and the expert review (host.c) */
		int g = cl_host_gate(c, &vm, &sp->code, &rc);
		if (g != 0)
			return g < 0 ? (int)rc : g;
	}
	if (strcmp(a, "submit") == 0) {
		int has = host ? 1 : cl_has_letter(c, unit, &rc);
		if (has < 0)
			return rc;
		if (!has) {
			sp->code = "cloud_gate";
			return 422;
		}
		struct db_val p[] = { DBS(login), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_SUBMITTED, p, NULL, NULL);
		sp->to = "submitted";
	} else if (strcmp(a, "withdraw") == 0) {
		struct db_val p[] = { DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_WITHDRAWN, p, NULL, NULL);
		sp->to = "withdrawn";
	} else if (strcmp(a, "reject") == 0) {
		struct db_val p[] = { DBS(login), DBS(v[A_REASON]), DBS(login), DBI(id), DBI(ver), DBS(sp->from) };
		rc = SQL_RUN(c, CL_SQL_SET_RETURNED, p, NULL, NULL);
		sp->to = "returned";
	} else if (strcmp(a, "approve") == 0 && strcmp(sp->from, "submitted") == 0) {
		struct db_val p[] = { DBS(login), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_UNIT, p, NULL, NULL);
		sp->to = "unit_approved";
	} else if (strcmp(a, "approve") == 0) {
		long long u[3] = { 0, 0, 0 };
		struct db_val q[] = { DBI(unit), DBI(id) };
		if ((rc = SQL_RUN(c, CL_SQL_USAGE, q, usage_row, u)) != DB_OK)
			return rc;
		over = !host && (u[0] + atoll(vm.v[VC_VCPU]) > cl_set.quota_vcpu ||
		    u[1] + atoll(vm.v[VC_MEMORY]) > cl_set.quota_memory ||
		    u[2] + atoll(vm.v[VC_DISK]) > cl_set.quota_disk);
		if (over && strcmp(v[A_OVERRIDE], "1") != 0) {
			sp->code = "cloud_quota";
			sp->err_field = A_OVERRIDE;
			return 422;
		}
		struct db_val p[] = { DBS(login), DBI(over), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_OFFICE, p, NULL, NULL);
		sp->to = "office_approved";
	} else {	/* provision */
		if (cl_set.separate && strcmp(vm.v[VC_OFFICE_BY], login) == 0) {
			sp->code = "cloud_same_person";
			sp->err_field = A_SERVER;
			return 422;
		}
		long long used = 0;
		struct db_val q[] = { DBS(v[A_IP]), DBI(id) };
		if ((rc = SQL_RUN(c, CL_SQL_IP_USED, q, db_int_row, &used)) != DB_OK)
			return rc;
		if (used) {
			sp->code = "cloud_ip_dup";
			sp->err_field = A_IP;
			return 422;
		}
		struct db_val p[] = { DBS(login), DBS(v[A_SERVER]), DBS(v[A_IP]), DBS(v[A_NETMASK]),
			DBS(v[A_GATEWAY]), DBS(v[A_DATE]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, CL_SQL_SET_ACTIVE, p, NULL, NULL);
		sp->to = "active";
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	/* provisioned: registered on the provisioning date, the next one due by the rule (rereg.c) */
	if (strcmp(sp->to, "active") == 0 && (rc = cl_register(c, id, v[A_DATE])) != DB_OK)
		return rc;
	struct db_val s[] = { DBI(id), DBS(login), DBS(sp->from), DBS(sp->to), DBS(v[A_REASON]) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"state\":\"%s\",\"by\":\"", sp->to);
	buf_json(&b, login);
	buf_str(&b, "\",\"reason\":\"");
	buf_json(&b, v[A_REASON]);
	buf_printf(&b, "\",\"override\":%d", over);
	if (strcmp(sp->to, "active") == 0) {
		buf_str(&b, ",\"ip\":\"");
		buf_json(&b, v[A_IP]);
		buf_str(&b, "\",\"server_name\":\"");
		buf_json(&b, v[A_SERVER]);
		buf_str(&b, "\"");
	}
	buf_str(&b, "}");
	cl_tx_done(t, id, a, cl_json(c, &vm), buf_cstr(&b));
	return TX_COMMIT;
}

int
cl_step(struct ctx *c)
{
	const char *vals[A__MAX], *errs[A__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(afields, A__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[A_ACTION] != NULL)
		return 400;
	const char *a = vals[A_ACTION];
	long long unit = atoll(vm.v[VC_UNIT_ID]);
	/* a step this account never takes on this unit's requests: 403, audited */
	int role_ok = (strcmp(a, "submit") == 0 || strcmp(a, "withdraw") == 0) ?
	    (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit) :
	    strcmp(a, "provision") == 0 ? c->acct.role == ROLE_CENTER :
	    c->acct.role == ROLE_OFFICE || c->acct.role == ROLE_CENTER ||
	    (c->acct.role == ROLE_UNIT_HEAD && c->acct.unit_id == unit);
	if (!role_ok)
		return auth_deny(c, "vm", c->id);
	if (strcmp(a, "reject") == 0 && !*vals[A_REASON])
		bad += valid_flag(errs, A_REASON, "required");
	if (strcmp(a, "provision") == 0) {
		if (!*vals[A_SERVER])
			bad += valid_flag(errs, A_SERVER, "required");
		if (!valid_ip4(vals[A_IP]))
			bad += valid_flag(errs, A_IP, "cloud_ip");
		if (!valid_ip4(vals[A_NETMASK]))
			bad += valid_flag(errs, A_NETMASK, "cloud_ip");
		if (!valid_ip4(vals[A_GATEWAY]))
			bad += valid_flag(errs, A_GATEWAY, "cloud_ip");
		if (!*vals[A_DATE])
			bad += valid_flag(errs, A_DATE, "required");
	}
	struct cl_typed ty = { "step", a, vals, errs };
	if (bad)
		return cl_view_page(c, 422, &ty);
	struct step sp = { vals, a, NULL, NULL, 0, NULL, A_ACTION };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, step_tx, &sp);
	if (st == 409) {
		pg_conflict(c);
		ty.errs = NULL;
		return cl_view_page(c, 409, &ty);
	}
	if (st == 422) {
		errs[sp.err_field] = sp.code;
		if (strcmp(sp.code, "cloud_gate") == 0) {
			xmlNodePtr g = pg_node(c->data, "gate");
			pg_attri(g, "unit-id", unit);
			pg_attr(g, "kind", strcmp(vm.v[VC_KIND], "host") == 0 ? "hosted_server" : "cloud_vm");
		}
		return cl_view_page(c, 422, &ty);
	}
	return st;
}

enum db_rc
cl_usage(struct ctx *c, long long unit, long long id, long long u[3])
{
	struct db_val q[] = { DBI(unit), DBI(id) };
	u[0] = u[1] = u[2] = 0;
	return SQL_RUN(c, CL_SQL_USAGE, q, usage_row, u);
}
