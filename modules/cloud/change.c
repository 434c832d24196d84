/*
 * change.c — a change of a provisioned VM's purpose or settings, or a
 * renewal of its period (issue 11, "Life after provisioning"; letter art.
 * 2): it takes effect only when the office approves it.
 *
 *   GET, POST {id}/change[?kind=renewal]  the VM's own unit's staff file one:
 *       a change (purpose, vCPU, memory, disk, pre-installed software,
 *       notes) on an active VM, a renewal (a new period: its end after its
 *       start and after the current end) on an active or suspended one; a
 *       reason either way.  The fields follow a new request's rules
 *       (form.c's, not copies); any failure is 422 with the message and
 *       nothing saved.  One pending change per VM (a second is a 422 that
 *       says so); the nonce makes a double submit file one.
 *   POST {id}/decide  the office approves (over the unit's quota only with
 *       the explicit override, recorded) or rejects with a reason; the unit's
 *       staff withdraw.  From the change's version the page showed: of two
 *       office accounts at once one wins, the other gets 409.  Approving
 *       copies the proposed values onto the VM in the same transaction
 *       (version + 1) and, for a renewal, moves the re-registration due date
 *       with the period (cl_redue).
 *
 * Until then the VM keeps its old values everywhere: they live only in
 * cloud_change, with the values before, so the diff stays true later.
 * Each filing and decision adds a cloud_vm_step row (the state unchanged,
 * the reason "变更 #N 已批准" …) and an audit row with before and after.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"

/* The filing form: the proposed values G_PURPOSE … G_TO, in cloud_change's pair order. */
enum { G_KIND, G_NONCE, G_PURPOSE, G_VCPU, G_MEMORY, G_DISK, G_SW_DB, G_SW_APP, G_SW_OTHER, G_NOTES,
	G_FROM, G_TO, G_REASON, G__MAX };
#define G_NVALS (G_TO - G_PURPOSE + 1)
static const char *const kinds[] = { "change", "renewal", NULL };
/* each value's column of the VM, and which kind proposes it (the other keeps the VM's) */
static const int vmcol[G_NVALS] = { VC_PURPOSE, VC_VCPU, VC_MEMORY, VC_DISK, VC_SW_DB, VC_SW_APP,
	VC_SW_OTHER, VC_NOTES, VC_FROM, VC_TO };
static const char *const vkeys[G_NVALS] = { "purpose", "vcpu", "memory_gib", "disk_gib", "sw_database",
	"sw_app", "sw_other", "notes", "period_from", "period_to" };
static struct vfield gfields[G__MAX];

/* The table: kind, nonce and reason its own, the values by a new request's rules (form.c). */
static const struct vfield *
gtable(void)
{
	if (gfields[G_KIND].key != NULL)
		return gfields;
	gfields[G_KIND] = (struct vfield){ "kind", V_CHOICE, 1, 8, kinds };
	gfields[G_NONCE] = (struct vfield){ "nonce", V_TOKEN, 1, TX_NONCE_LEN, NULL };
	gfields[G_REASON] = (struct vfield){ "reason", V_MULTILINE, 1, 500, NULL };
	for (int i = 0; i < G_NVALS; i++)
		gfields[G_PURPOSE + i] = *cl_form_field(vkeys[i]);
	return gfields;
}

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static int
renewal_field(int i)
{
	return i == G_FROM || i == G_TO;
}

/* May this account file a change of this kind on the VM as it is (state aside: may_state)? */
static int
staff(struct ctx *c, const struct vm *vm)
{
	return (c->acct.role & ROLES_UNIT) && auth_unit_write(c, atoll(vm->v[VC_UNIT_ID]));
}

static int
may_state(const struct vm *vm, const char *kind)
{
	const char *st = vm->v[VC_STATE];
	return is(st, "active") || (is(kind, "renewal") && is(st, "suspended"));
}

/* A change row as <change …> with only the fields it changes, old and new. */
struct chg_list {
	xmlNodePtr parent;
	struct ctx *c;
	long long pending_id;	/* the pending change's id, version and row, or 0 */
	const char *pending_version;
	long long pend_new[3], pend_old[3];	/* its vCPU, memory and disk */
};

static int
chg_row(void *arg, const struct db_row *r)
{
	struct chg_list *cl = arg;
	xmlNodePtr n = pg_node(cl->parent, "change");
	pg_attr(n, "id", r->v[CH_ID]);
	pg_attr(n, "kind", r->v[CH_KIND]);
	pg_attr(n, "state", r->v[CH_STATE]);
	pg_attr(n, "version", r->v[CH_VERSION]);
	pg_attr(n, "requested-by", r->v[CH_BY]);
	pg_attr(n, "requested-at", r->v[CH_AT]);
	pg_attr(n, "override", r->v[CH_OVERRIDE]);
	if (*r->v[CH_DEC_BY]) {
		pg_attr(n, "decided-by", r->v[CH_DEC_BY]);
		pg_attr(n, "decided-at", r->v[CH_DEC_AT]);
	}
	pg_text(n, "reason", r->v[CH_REASON]);
	if (*r->v[CH_DEC_REASON])
		pg_text(n, "decision", r->v[CH_DEC_REASON]);
	for (int i = 0; i < G_NVALS; i++) {
		const char *o = r->v[CH_OLD_PURPOSE + 2 * i], *w = r->v[CH_OLD_PURPOSE + 2 * i + 1];
		if (is(o, w))
			continue;
		xmlNodePtr f = pg_node(n, "field");
		pg_attr(f, "name", vkeys[i]);
		pg_attr(f, "old", o);
		pg_attr(f, "new", w);
	}
	if (is(r->v[CH_STATE], "pending")) {
		cl->pending_id = atoll(r->v[CH_ID]);
		cl->pending_version = ar_strdup(cl->c->ar, r->v[CH_VERSION]);
		for (int i = 0; i < 3; i++) {
			cl->pend_old[i] = atoll(r->v[CH_OLD_VCPU + 2 * i]);
			cl->pend_new[i] = atoll(r->v[CH_NEW_VCPU + 2 * i]);
		}
	}
	return 0;
}

/* Would approving take the unit over its quota?  Only what the change adds counts. */
static int
over_quota(const long long used[3], const long long old[3], const long long nw[3])
{
	const long q[3] = { cl_set.quota_vcpu, cl_set.quota_memory, cl_set.quota_disk };
	int over = 0;
	for (int i = 0; i < 3; i++)
		over |= nw[i] > old[i] && used[i] + nw[i] > q[i];
	return over;
}

/* The decision form's fields (on the VM page). */
enum { D_CHANGE, D_ACTION, D_VERSION, D_REASON, D_OVERRIDE, D__MAX };
static const char *const dactions[] = { "approve", "reject", "withdraw", NULL };
static const char *const flags[] = { "0", "1", NULL };
static const struct vfield dfields[D__MAX] = {
	[D_CHANGE]   = { "change", V_INT, 1, 10, NULL },
	[D_ACTION]   = { "action", V_CHOICE, 1, 8, dactions },
	[D_VERSION]  = { "version", V_INT, 1, 10, NULL },
	[D_REASON]   = { "reason", V_MULTILINE, 0, 500, NULL },
	[D_OVERRIDE] = { "override", V_CHOICE, 0, 1, flags },
};

/* <changes> of the VM under parent; the pending one's actions under actions (or NULL). */
static enum db_rc
changes_node(struct ctx *c, const struct vm *vm, xmlNodePtr parent, xmlNodePtr actions,
    const struct cl_typed *ty)
{
	const struct cl_typed *mine = cl_typed_for(ty, "change");
	xmlNodePtr n = pg_node(parent, "changes");
	struct chg_list cl = { n, c, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 } };
	struct db_val p[] = { DBI(atoll(vm->v[VC_ID])) };
	enum db_rc rc = SQL_RUN(c, CL_SQL_CHG_LIST, p, chg_row, &cl);
	if (rc != DB_OK)
		return rc;
	int me = staff(c, vm);
	pg_attr(n, "may-change", me && cl.pending_id == 0 && may_state(vm, "change") ? "1" : "0");
	pg_attr(n, "may-renew", me && cl.pending_id == 0 && may_state(vm, "renewal") ? "1" : "0");
	if (cl.pending_id == 0 || actions == NULL)
		return DB_OK;
	if (c->acct.role == ROLE_OFFICE) {
		long long used[3];
		if ((rc = cl_usage(c, atoll(vm->v[VC_UNIT_ID]), atoll(vm->v[VC_ID]), used)) != DB_OK)
			return rc;
		pg_attr(n, "over", over_quota(used, cl.pend_old, cl.pend_new) ? "1" : "0");
		pg_attr(pg_node(actions, "action"), "name", "change-approve");
		pg_attr(pg_node(actions, "action"), "name", "change-reject");
	}
	if (me)
		pg_attr(pg_node(actions, "action"), "name", "change-withdraw");
	const char *blank[D__MAX] = { "", "", "", "", "" };
	const char **vals = mine ? mine->vals : blank;
	char *id = ar_printf(c->ar, "%lld", cl.pending_id);
	vals[D_CHANGE] = id;	/* another try starts from the change as it is */
	vals[D_VERSION] = cl.pending_version;
	pg_form(c, n, dfields, D__MAX, vals, mine ? mine->errs : NULL);
	return DB_OK;
}

enum db_rc
cl_change_node(struct ctx *c, const struct vm *vm, xmlNodePtr actions, const struct cl_typed *ty)
{
	return changes_node(c, vm, c->data, actions, ty);
}

/* The filing page of VM c->id, with what was typed (vals, errs) or the VM's values. */
static int
change_page(struct ctx *c, int status, const char *kind, const char **vals, const char **errs)
{
	struct vm vm;
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[G__MAX];
	enum db_rc rc;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (!staff(c, &vm))
		return auth_deny(c, "vm", c->id);
	c->view = VIEW(CL_VIEW_CHANGE);
	cl_vm_node(c->data, "vm", &vm);
	if ((rc = changes_node(c, &vm, c->data, NULL, NULL)) != DB_OK)
		return app_dberr(rc);
	if (!may_state(&vm, kind))
		pg_node(c->data, "closed");
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[G_KIND] = kind;
		fresh[G_NONCE] = nonce;
		fresh[G_REASON] = "";
		for (int i = 0; i < G_NVALS; i++)
			fresh[G_PURPOSE + i] = vm.v[vmcol[i]];
		if (is(kind, "renewal")) {
			/* the next period starts the day after this one ends; a year, by default */
			int from = wd_parse(vm.v[VC_TO]) + 1;
			char *f = ar_alloc(c->ar, 11), *t = ar_alloc(c->ar, 11);
			if (f == NULL || t == NULL)
				return 500;
			wd_format(from, f);
			wd_format(wd_add_months(from, 12) - 1, t);
			fresh[G_FROM] = f;
			fresh[G_TO] = t;
		}
		vals = fresh;
	}
	pg_form(c, c->data, gtable(), G__MAX, vals, errs);
	return status;
}

int
cl_change_form(struct ctx *c)
{
	const char *k = ctx_q(c, "kind");
	return change_page(c, 200, k != NULL && is(k, "renewal") ? "renewal" : "change", NULL, NULL);
}

/* A JSON object of the values v[0 … G_NVALS-1]. */
static const char *
values_json(struct ctx *c, const char *const *v, const char *extra)
{
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_str(&b, "{");
	for (int i = 0; i < G_NVALS; i++) {
		buf_json_field(&b, vkeys[i], v[i]);
	}
	if (extra != NULL)
		buf_str(&b, extra);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

/* The words of a change's step in the VM's history ("变更 #N 已批准"). */
static const char *
step_words(struct ctx *c, const char *kind, long long id, const char *what)
{
	return ar_printf(c->ar, "%s #%lld %s", is(kind, "renewal") ? "续期" : "变更", id, what);
}

struct file {
	const char **vals;
	const char *code;	/* a 422's message, set by the transaction */
};

static int
file_tx(struct tx *t, void *arg)
{
	struct file *fl = arg;
	struct ctx *c = t->c;
	const char **v = fl->vals, *login = c->acct.login, *kind = v[G_KIND];
	long long id = c->id, pending = 0;
	struct vm vm;
	enum db_rc rc;

	if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
		return rc;
	if (vm.n == 0)
		return 404;
	if (!may_state(&vm, kind)) {
		fl->code = "cloud_change_state";
		return 422;
	}
	struct db_val q[] = { DBI(id) };
	if ((rc = SQL_RUN(c, CL_SQL_CHG_PENDING, q, db_int_row, &pending)) != DB_OK)
		return rc;
	if (pending) {
		fl->code = "cloud_change_pending";
		return 422;
	}
	/* the kind not filed keeps the VM's values, read here under the lock */
	const char *old[G_NVALS], *nw[G_NVALS];
	for (int i = 0; i < G_NVALS; i++) {
		old[i] = vm.v[vmcol[i]];
		nw[i] = is(kind, "renewal") != renewal_field(G_PURPOSE + i) ? old[i] : v[G_PURPOSE + i];
	}
	struct db_val p[] = { DBI(id), DBS(kind),
		DBS(old[0]), DBS(nw[0]), DBI(atoll(old[1])), DBI(atoll(nw[1])), DBI(atoll(old[2])), DBI(atoll(nw[2])),
		DBI(atoll(old[3])), DBI(atoll(nw[3])), DBS(old[4]), DBS(nw[4]), DBS(old[5]), DBS(nw[5]),
		DBS(old[6]), DBS(nw[6]), DBS(old[7]), DBS(nw[7]), DBS(old[8]), DBS(nw[8]), DBS(old[9]), DBS(nw[9]),
		DBS(v[G_REASON]), DBS(login), DBS(v[G_NONCE]) };
	if ((rc = SQL_RUN(c, CL_SQL_CHG_ADD, p, NULL, NULL)) != DB_OK)
		return rc;
	long long cid = (long long)db_insert_id(c->db);
	struct db_val s[] = { DBI(id), DBS(login), DBS(vm.v[VC_STATE]), DBS(vm.v[VC_STATE]),
		DBS(step_words(c, kind, cid, "已提交")) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	struct buf x;
	buf_init(&x, c->ar, 1024);
	buf_printf(&x, ",\"change\":%lld,\"kind\":\"%s\",\"state\":\"pending\",\"reason\":\"", cid, kind);
	buf_json(&x, v[G_REASON]);
	buf_str(&x, "\"");
	cl_tx_done(t, id, is(kind, "renewal") ? "renewal" : "change", values_json(c, old, NULL),
	    values_json(c, nw, buf_cstr(&x)));
	return TX_COMMIT;
}

int
cl_change_save(struct ctx *c)
{
	const char *vals[G__MAX], *errs[G__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (!staff(c, &vm))
		return auth_deny(c, "vm", c->id);
	valid_form(gtable(), G__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[G_KIND] != NULL || errs[G_NONCE] != NULL)
		return 400;	/* not from the form */
	const char *kind = vals[G_KIND];
	int renewal = is(kind, "renewal");
	size_t bad = 0;
	for (int i = G_PURPOSE; i <= G_TO; i++) {
		if (renewal != renewal_field(i)) {
			/* the other kind's fields: not part of this filing, the VM's own */
			vals[i] = vm.v[vmcol[i - G_PURPOSE]];
			errs[i] = NULL;
		}
		bad += errs[i] != NULL;
	}
	bad += errs[G_REASON] != NULL;
	if (renewal) {
		if (errs[G_FROM] == NULL && errs[G_TO] == NULL && strcmp(vals[G_TO], vals[G_FROM]) <= 0)
			bad += valid_flag(errs, G_TO, "cloud_renew_order");
		if (errs[G_TO] == NULL && strcmp(vals[G_TO], vm.v[VC_TO]) <= 0)
			bad += valid_flag(errs, G_TO, "cloud_renew_end");
	} else {
		const int f[3] = { G_VCPU, G_MEMORY, G_DISK };
		bad += cl_range(vals, errs, f);
		int same = 1;
		for (int i = 0; i < G_NVALS; i++)
			same &= renewal_field(G_PURPOSE + i) || strcmp(vals[G_PURPOSE + i], vm.v[vmcol[i]]) == 0 ||
			    (i >= 1 && i <= 3 && atoll(vals[G_PURPOSE + i]) == atoll(vm.v[vmcol[i]]));
		if (same && bad == 0) {
			pg_msg(c, "purpose", "cloud_change_none");
			bad++;
		}
	}
	if (!may_state(&vm, kind)) {
		pg_msg(c, "kind", "cloud_change_state");
		bad++;
	}
	if (bad)
		return change_page(c, 422, kind, vals, errs);
	struct file fl = { vals, NULL };
	struct tx t = { .c = c, .nonce = vals[G_NONCE] };
	st = tx_run(&t, file_tx, &fl);
	if (st == 422) {
		pg_msg(c, "kind", fl.code);
		errs[G_KIND] = fl.code;
		return change_page(c, 422, kind, vals, errs);
	}
	return st;
}

/* What the decision's transaction needs. */
struct decide {
	const char **vals;
	const char *code;	/* a 422's message, on field */
	int field;
};

/* A locked change row, copied. */
struct one_chg {
	struct ctx *c;
	const char *v[cl_chg_col__MAX];
	int n;
};

static int
one_row(void *arg, const struct db_row *r)
{
	struct one_chg *o = arg;
	for (size_t i = 0; i < cl_chg_col__MAX; i++)
		o->v[i] = ar_strdup(o->c->ar, r->v[i]);
	o->n++;
	return 0;
}

static int
decide_tx(struct tx *t, void *arg)
{
	struct decide *d = arg;
	struct ctx *c = t->c;
	const char **v = d->vals, *a = v[D_ACTION], *login = c->acct.login;
	long long id = c->id, cid = atoll(v[D_CHANGE]);
	struct vm vm;
	struct one_chg ch = { c, { NULL }, 0 };
	enum db_rc rc;

	if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
		return rc;
	if (vm.n == 0)
		return 404;
	struct db_val q[] = { DBI(cid), DBI(id) };
	if ((rc = SQL_RUN(c, CL_SQL_CHG_LOCK, q, one_row, &ch)) != DB_OK)
		return rc;
	if (ch.n == 0)
		return 404;
	if (!is(ch.v[CH_VERSION], v[D_VERSION]) || !is(ch.v[CH_STATE], "pending"))
		return 409;	/* decided or withdrawn since the page was shown */
	const char *kind = ch.v[CH_KIND];
	int over = 0;
	const char *to = is(a, "approve") ? "approved" : is(a, "reject") ? "rejected" : "withdrawn";
	if (is(a, "approve")) {
		if (!may_state(&vm, kind)) {
			d->code = "cloud_change_state";
			return 422;
		}
		long long used[3], old[3], nw[3];
		if ((rc = cl_usage(c, atoll(vm.v[VC_UNIT_ID]), id, used)) != DB_OK)
			return rc;
		for (int i = 0; i < 3; i++) {
			old[i] = atoll(ch.v[CH_OLD_VCPU + 2 * i]);
			nw[i] = atoll(ch.v[CH_NEW_VCPU + 2 * i]);
		}
		over = over_quota(used, old, nw);
		if (over && !is(v[D_OVERRIDE], "1")) {
			d->code = "cloud_quota";
			d->field = D_OVERRIDE;
			return 422;
		}
	}
	struct db_val p[] = { DBS(to), DBS(login), DBS(v[D_REASON]), DBI(over), DBI(cid),
		DBI(atoll(v[D_VERSION])) };
	if ((rc = SQL_RUN(c, CL_SQL_CHG_DECIDE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if (is(a, "approve")) {
		struct db_val u[] = { DBS(login), DBI(cid), DBI(id), DBI(atoll(vm.v[VC_VERSION])) };
		if ((rc = SQL_RUN(c, CL_SQL_CHG_APPLY, u, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		/* a new period: the re-registration due date follows it (rereg.c) */
		if (is(kind, "renewal") && (rc = cl_redue(c, id)) != DB_OK)
			return rc;
	}
	static const char *const words[][2] = { { "approved", "已批准" }, { "rejected", "已退回" },
		{ "withdrawn", "已撤回" } };
	const char *w = "";
	for (size_t i = 0; i < 3; i++)
		if (is(words[i][0], to))
			w = words[i][1];
	struct db_val s[] = { DBI(id), DBS(login), DBS(vm.v[VC_STATE]), DBS(vm.v[VC_STATE]),
		DBS(step_words(c, kind, cid, w)) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	const char *old[G_NVALS], *nw[G_NVALS];
	for (int i = 0; i < G_NVALS; i++) {
		old[i] = ch.v[CH_OLD_PURPOSE + 2 * i];
		nw[i] = ch.v[CH_OLD_PURPOSE + 2 * i + 1];
	}
	struct buf x;
	buf_init(&x, c->ar, 1024);
	buf_printf(&x, ",\"change\":%lld,\"kind\":\"%s\",\"state\":\"%s\",\"override\":%d,\"by\":\"", cid, kind,
	    to, over);
	buf_json(&x, login);
	buf_str(&x, "\",\"reason\":\"");
	buf_json(&x, v[D_REASON]);
	buf_str(&x, "\"");
	cl_tx_done(t, id, ar_printf(c->ar, "%s_%s", is(kind, "renewal") ? "renewal" : "change", a),
	    values_json(c, old, NULL), values_json(c, nw, buf_cstr(&x)));
	return TX_COMMIT;
}

/* The VM page again, with the decision as typed. */
static int
again(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct cl_typed ty = { "change", "change", vals, errs };
	return cl_view_page(c, status, &ty);
}

int
cl_change_decide(struct ctx *c)
{
	const char *vals[D__MAX], *errs[D__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(dfields, D__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[D_ACTION] != NULL || errs[D_CHANGE] != NULL || errs[D_VERSION] != NULL)
		return 400;	/* not from the form */
	const char *a = vals[D_ACTION];
	/* the office decides, the unit's own staff withdraw; anyone else: 403, audited */
	if (!(is(a, "withdraw") ? staff(c, &vm) : c->acct.role == ROLE_OFFICE))
		return auth_deny(c, "vm", c->id);
	if (is(a, "reject") && !*vals[D_REASON])
		bad += valid_flag(errs, D_REASON, "required");
	if (bad) {
		pg_msg(c, "reason", errs[D_REASON] ? errs[D_REASON] : "invalid");
		return again(c, 422, vals, errs);
	}
	struct decide d = { vals, NULL, D_ACTION };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, decide_tx, &d);
	if (st == 409) {
		pg_conflict(c);
		return again(c, 409, vals, NULL);
	}
	if (st == 422) {
		errs[d.field] = d.code;
		pg_msg(c, dfields[d.field].key, d.code);
		return again(c, 422, vals, errs);
	}
	return st;
}

/* The demo: one active demo VM with a pending change (once). */
static int
demo_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	long long id = 0;
	struct vm vm;
	enum db_rc rc;
	(void)arg;
	if ((rc = SQL_RUN0(c, CL_SQL_DEMO_CHG_VM, db_int_row, &id)) != DB_OK)
		return rc;
	if (id == 0)
		return TX_COMMIT;
	if ((rc = cl_load(c, id, &vm, 1)) != DB_OK)
		return rc;
	long long cpu = atoll(vm.v[VC_VCPU]), more = cpu * 2 > cl_set.max_vcpu ? cpu : cpu * 2;
	const char *o = vm.v[VC_VCPU], *n = ar_printf(c->ar, "%lld", more);
	const char *f = vm.v[VC_FROM], *to = vm.v[VC_TO];
	struct db_val p[] = { DBI(id), DBS("change"),
		DBS(vm.v[VC_PURPOSE]), DBS(vm.v[VC_PURPOSE]), DBI(atoll(o)), DBI(atoll(n)),
		DBI(atoll(vm.v[VC_MEMORY])), DBI(atoll(vm.v[VC_MEMORY])), DBI(atoll(vm.v[VC_DISK])),
		DBI(atoll(vm.v[VC_DISK]) + 100), DBS(vm.v[VC_SW_DB]), DBS(vm.v[VC_SW_DB]),
		DBS(vm.v[VC_SW_APP]), DBS(vm.v[VC_SW_APP]), DBS(vm.v[VC_SW_OTHER]), DBS(vm.v[VC_SW_OTHER]),
		DBS(vm.v[VC_NOTES]), DBS(vm.v[VC_NOTES]), DBS(f), DBS(f), DBS(to), DBS(to),
		DBS("业务量增长，需扩容硬盘"), DBS("demo"), DBS("demochange0000000000000000000001") };
	if ((rc = SQL_RUN(c, CL_SQL_CHG_ADD, p, NULL, NULL)) != DB_OK)
		return rc;
	long long cid = (long long)db_insert_id(c->db);
	struct db_val s[] = { DBI(id), DBS("demo"), DBS("active"), DBS("active"),
		DBS(step_words(c, "change", cid, "已提交")) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	return TX_COMMIT;
}

int
cl_demo_change(struct ctx *c)
{
	long long have = 0;
	enum db_rc rc = SQL_RUN0(c, CL_SQL_DEMO_CHG_COUNT, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (have > 0)
		return 200;	/* written before */
	struct tx t = { .c = c, .nonce = NULL };
	return tx_run(&t, demo_tx, NULL);
}
