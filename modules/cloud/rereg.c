/*
 * rereg.c — a cloud VM's life by the calendar (appendix 6 note 2; letter
 * art. 3): the yearly re-registration, the centre's reclaim after years
 * without one, the dates the VM page shows, and the demo VMs that are due.
 *
 * Re-registration (GET, POST {id}/rereg): the staff of the VM's own unit,
 * on an active or suspended VM, confirm the purpose as recorded (a changed
 * purpose is a change request, not this form), name the administrator and
 * a contact, confirm the VM is still needed (if not, the page points to
 * release and nothing is saved) and that system and access logs are kept
 * for at least 90 days.  One transaction: the cloud_rereg row, the VM's
 * registered_on (today) and next due date, a cloud_vm_step row, the audit.
 * The form's nonce makes a double submit record one; the version the page
 * showed makes a concurrent change a 409.
 *
 * Reclaim (POST {id}/reclaim, the centre): a VM not re-registered for
 * cloud.reclaim_years is reclaimed — state reclaimed, who, when, why; the
 * record is kept and its IP is free again (ip_active covers live states
 * only).  Not yet reclaimable: 422, nothing changed; of two at once one
 * wins, the other gets 409.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "tx.h"

struct cl_due_set cl_due = { 0, 0, 3, 30, 30 };

struct life {
	struct ctx *c;
	const char *v[cl_life_col__MAX];
	int n;
};

static int
life_row(void *arg, const struct db_row *r)
{
	struct life *l = arg;
	for (size_t i = 0; i < cl_life_col__MAX; i++)
		l->v[i] = ar_strdup(l->c->ar, r->v[i]);
	l->n++;
	return 0;
}

static enum db_rc
life_load(struct ctx *c, long long id, struct life *l, int lock)
{
	struct db_val p[] = { DBI(id) };
	memset(l, 0, sizeof(*l));
	l->c = c;
	return lock ? SQL_RUN(c, CL_SQL_LIFE_LOCK, p, life_row, l) : SQL_RUN(c, CL_SQL_LIFE, p, life_row, l);
}

/* A day as a parameter: "YYYY-MM-DD", or NULL for none. */
static struct db_val
day_val(struct ctx *c, int day)
{
	char *t;
	if (day == WD_INVALID || (t = ar_alloc(c->ar, 11)) == NULL)
		return DBN;
	wd_format(day, t);
	return DBS(t);
}

static const char *
day_text(struct ctx *c, int day)
{
	struct db_val v = day_val(c, day);
	return v.t == DB_STR ? v.s : "";
}

/* Re-registered at all: a VM (a hosted server has none) in a live state. */
static int
live_vm(const struct life *l)
{
	return strcmp(l->v[LF_KIND], "vm") == 0 &&
	    (strcmp(l->v[LF_STATE], "active") == 0 || strcmp(l->v[LF_STATE], "suspended") == 0);
}

/* The due date of a VM registered on reg: the rule, within its period. */
static int
due_of(const struct life *l, int reg)
{
	if (strcmp(l->v[LF_KIND], "vm") != 0)
		return WD_INVALID;
	return cl_next_rereg(&cl_due, reg, wd_parse(l->v[LF_TO]));
}

static int
may_rereg(const struct ctx *c, const struct life *l)
{
	return (c->acct.role & ROLES_UNIT) && c->acct.unit_id == atoll(l->v[LF_UNIT_ID]) && live_vm(l);
}

static int
reclaimable(const struct life *l, int today)
{
	int reg = wd_parse(l->v[LF_REGISTERED]);
	return live_vm(l) && reg != WD_INVALID && cl_reclaim_from(&cl_due, reg) <= today;
}

enum db_rc
cl_register(struct ctx *c, long long id, const char *day)
{
	struct life l;
	enum db_rc rc = life_load(c, id, &l, 1);
	if (rc != DB_OK || l.n == 0)
		return rc;
	int host = strcmp(l.v[LF_KIND], "vm") != 0;
	struct db_val p[] = { host ? DBN : DBS(day), day_val(c, host ? WD_INVALID : due_of(&l, wd_parse(day))),
		DBI(id) };
	return SQL_RUN(c, CL_SQL_SET_DUE, p, NULL, NULL);
}

enum db_rc
cl_redue(struct ctx *c, long long id)
{
	struct life l;
	enum db_rc rc = life_load(c, id, &l, 1);
	if (rc != DB_OK || l.n == 0)
		return rc;
	int reg = wd_parse(l.v[LF_REGISTERED]);
	struct db_val p[] = { day_val(c, reg), day_val(c, due_of(&l, reg)), DBI(id) };
	return SQL_RUN(c, CL_SQL_SET_DUE, p, NULL, NULL);
}

static const char *const due_words[] = { [CL_DUE_NONE] = "", [CL_DUE_LATER] = "later",
	[CL_DUE_SOON] = "soon", [CL_DUE_PAST] = "past" };

/* The re-registrations as <reregs><rereg …/>…; the newest's administrator kept for the form. */
struct reregs {
	xmlNodePtr parent;
	struct ctx *c;
	const char *admin, *contact;
};

static int
rereg_row(void *arg, const struct db_row *r)
{
	struct reregs *rs = arg;
	xmlNodePtr n = pg_node(rs->parent, "rereg");
	pg_attr(n, "at", r->v[RR_AT]);
	pg_attr(n, "login", r->v[RR_LOGIN]);
	pg_attr(n, "on", r->v[RR_ON]);
	pg_attr(n, "due-was", r->v[RR_WAS]);
	pg_attr(n, "due-next", r->v[RR_NEXT]);
	pg_text(n, "admin", r->v[RR_ADMIN]);
	pg_text(n, "contact", r->v[RR_CONTACT]);
	if (rs->admin == NULL) {
		rs->admin = ar_strdup(rs->c->ar, r->v[RR_ADMIN]);
		rs->contact = ar_strdup(rs->c->ar, r->v[RR_CONTACT]);
	}
	return 0;
}

/* <life> and <reregs> of VM id under c->data; rs (may be NULL) gets the newest administrator. */
static enum db_rc
life_node(struct ctx *c, long long id, struct reregs *rs)
{
	struct life l;
	struct reregs own = { NULL, c, NULL, NULL };
	enum db_rc rc = life_load(c, id, &l, 0);
	if (rc != DB_OK || l.n == 0)
		return rc;
	int today = wd_today(), reg = wd_parse(l.v[LF_REGISTERED]);
	xmlNodePtr n = pg_node(c->data, "life");
	pg_attr(n, "kind", l.v[LF_KIND]);
	pg_attr(n, "live", live_vm(&l) ? "1" : "0");
	if (*l.v[LF_REGISTERED])
		pg_attr(n, "registered", l.v[LF_REGISTERED]);
	if (*l.v[LF_DUE]) {
		pg_attr(n, "due", l.v[LF_DUE]);
		pg_attr(n, "due-state", due_words[cl_rereg_state(&cl_due, wd_parse(l.v[LF_DUE]), today)]);
	}
	if (reg != WD_INVALID && strcmp(l.v[LF_KIND], "vm") == 0)
		pg_attr(n, "reclaim-from", day_text(c, cl_reclaim_from(&cl_due, reg)));
	pg_attr(n, "reclaimable", reclaimable(&l, today) ? "1" : "0");
	if (live_vm(&l))
		pg_attr(n, "expiry", due_words[cl_expiry_state(&cl_due, wd_parse(l.v[LF_TO]), today)]);
	pg_attri(n, "reclaim-years", cl_due.reclaim_years);
	pg_attr(n, "may-rereg", may_rereg(c, &l) ? "1" : "0");
	pg_attr(n, "may-reclaim", c->acct.role == ROLE_CENTER && reclaimable(&l, today) ? "1" : "0");
	if (rs == NULL)
		rs = &own;
	rs->parent = pg_node(c->data, "reregs");
	struct db_val p[] = { DBI(id) };
	return SQL_RUN(c, CL_SQL_REREGS, p, rereg_row, rs);
}

enum db_rc
cl_life_node(struct ctx *c)
{
	return life_node(c, c->id, NULL);
}

/* The re-registration form's fields. */
enum { R_NONCE, R_VERSION, R_PURPOSE, R_ADMIN, R_CONTACT, R_NEEDED, R_LOGS, R__MAX };
static const char *const ticks[] = { "0", "1", NULL };
static const struct vfield rfields[R__MAX] = {
	[R_NONCE]   = { "nonce", V_TOKEN, 1, TX_NONCE_LEN, NULL },
	[R_VERSION] = { "version", V_INT, 1, 10, NULL },
	[R_PURPOSE] = { "purpose_ok", V_CHOICE, 0, 1, ticks },
	[R_ADMIN]   = { "admin_name", V_TEXT, 1, 32, NULL },
	[R_CONTACT] = { "admin_contact", V_TEXT, 1, 32, NULL },
	[R_NEEDED]  = { "still_needed", V_CHOICE, 0, 1, ticks },
	[R_LOGS]    = { "logs_kept", V_CHOICE, 0, 1, ticks },
};

/*
 * The form page of VM c->id (status), with what was typed (vals, errs) or,
 * first, the newest re-registration's administrator (else the applicant).
 * Only the VM's own unit's staff see it.
 */
static int
rereg_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct vm vm;
	struct reregs rs = { NULL, c, NULL, NULL };
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[R__MAX];
	enum db_rc rc;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (!(c->acct.role & ROLES_UNIT) || c->acct.unit_id != atoll(vm.v[VC_UNIT_ID]))
		return auth_deny(c, "vm", c->id);
	c->view = VIEW(CL_VIEW_REREG);
	cl_vm_node(c->data, "vm", &vm);
	if ((rc = life_node(c, c->id, &rs)) != DB_OK)
		return app_dberr(rc);
	if (vals == NULL) {
		tx_nonce(nonce);
		for (int i = 0; i < R__MAX; i++)
			fresh[i] = "";
		fresh[R_NONCE] = nonce;
		fresh[R_ADMIN] = rs.admin ? rs.admin : vm.v[VC_APPLICANT];
		fresh[R_CONTACT] = rs.admin ? rs.contact : vm.v[VC_CONTACT];
		vals = fresh;
	}
	vals[R_VERSION] = vm.v[VC_VERSION];	/* another try starts from the record as it is */
	pg_form(c, c->data, rfields, R__MAX, vals, errs);
	return status;
}

int
cl_rereg_form(struct ctx *c)
{
	return rereg_page(c, 200, NULL, NULL);
}

struct rereg {
	const char **vals;
};

static int
rereg_tx(struct tx *t, void *arg)
{
	struct rereg *rr = arg;
	struct ctx *c = t->c;
	const char **v = rr->vals, *login = c->acct.login;
	long long id = c->id, ver = atoll(v[R_VERSION]);
	struct life l;
	enum db_rc rc;

	if ((rc = life_load(c, id, &l, 1)) != DB_OK)
		return rc;
	if (l.n == 0)
		return 404;
	if (strcmp(l.v[LF_VERSION], v[R_VERSION]) != 0 || !may_rereg(c, &l))
		return 409;	/* changed, or no longer live, since the page was shown */
	int today = wd_today(), due = due_of(&l, today);
	struct db_val today_v = day_val(c, today), due_v = day_val(c, due);
	struct db_val p[] = { today_v, due_v, DBS(login), DBI(id), DBI(ver) };
	if ((rc = SQL_RUN(c, CL_SQL_REREG_SET, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct db_val a[] = { DBI(id), today_v, DBS(login), DBI(1), DBS(v[R_ADMIN]), DBS(v[R_CONTACT]), DBI(1),
		DBI(1), DBSN(l.v[LF_DUE]), due_v, DBS(v[R_NONCE]) };
	if ((rc = SQL_RUN(c, CL_SQL_REREG_ADD, a, NULL, NULL)) != DB_OK)
		return rc;
	struct db_val s[] = { DBI(id), DBS(login), DBS(l.v[LF_STATE]), DBS("reregistered"), DBS("") };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b, after;
	buf_init(&b, c->ar, 256);
	buf_printf(&b, "{\"registered_on\":\"%s\",\"rereg_due\":\"%s\"}", l.v[LF_REGISTERED], l.v[LF_DUE]);
	buf_init(&after, c->ar, 1024);
	buf_printf(&after, "{\"registered_on\":\"%s\",\"rereg_due\":\"%s\",\"purpose_ok\":1,\"still_needed\":1,"
	    "\"logs_kept\":1,\"admin_name\":\"", day_text(c, today), day_text(c, due));
	buf_json(&after, v[R_ADMIN]);
	buf_str(&after, "\",\"admin_contact\":\"");
	buf_json(&after, v[R_CONTACT]);
	buf_str(&after, "\"}");
	cl_tx_done(t, id, "rereg", buf_cstr(&b), buf_cstr(&after));
	return TX_COMMIT;
}

int
cl_rereg_save(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (!(c->acct.role & ROLES_UNIT) || c->acct.unit_id != atoll(vm.v[VC_UNIT_ID]))
		return auth_deny(c, "vm", c->id);
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[R_NONCE] != NULL || errs[R_VERSION] != NULL)
		return 400;	/* not from the form */
	if (strcmp(vals[R_PURPOSE], "1") != 0)
		bad += valid_flag(errs, R_PURPOSE, "cloud_rereg_purpose");
	if (strcmp(vals[R_LOGS], "1") != 0)
		bad += valid_flag(errs, R_LOGS, "cloud_rereg_logs");
	int unneeded = strcmp(vals[R_NEEDED], "1") != 0;
	if (unneeded)
		bad += valid_flag(errs, R_NEEDED, "cloud_rereg_needed");
	if (bad) {
		st = rereg_page(c, 422, vals, errs);
		if (unneeded && st == 422)
			pg_node(c->data, "release");	/* not needed: the page points to release */
		return st;
	}
	struct rereg rr = { vals };
	struct tx t = { .c = c, .nonce = vals[R_NONCE] };
	st = tx_run(&t, rereg_tx, &rr);
	if (st == 409) {
		pg_conflict(c);
		return rereg_page(c, 409, vals, NULL);
	}
	return st;
}

/* The reclaim form's fields (on the VM page). */
enum { K_VERSION, K_REASON, K__MAX };
static const struct vfield kfields[K__MAX] = {
	[K_VERSION] = { "version", V_INT, 1, 10, NULL },
	[K_REASON]  = { "reason", V_MULTILINE, 0, 500, NULL },
};

struct reclaim {
	const char **vals;
};

static int
reclaim_tx(struct tx *t, void *arg)
{
	struct reclaim *k = arg;
	struct ctx *c = t->c;
	const char **v = k->vals, *login = c->acct.login;
	long long id = c->id;
	struct life l;
	enum db_rc rc;

	if ((rc = life_load(c, id, &l, 1)) != DB_OK)
		return rc;
	if (l.n == 0)
		return 404;
	if (strcmp(l.v[LF_VERSION], v[K_VERSION]) != 0 || !live_vm(&l))
		return 409;	/* another reclaim (or step) landed first */
	if (!reclaimable(&l, wd_today()))
		return 422;
	struct db_val p[] = { DBS(login), DBS(v[K_REASON]), DBS(login), DBI(id), DBI(atoll(v[K_VERSION])) };
	if ((rc = SQL_RUN(c, CL_SQL_RECLAIM, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct db_val s[] = { DBI(id), DBS(login), DBS(l.v[LF_STATE]), DBS("reclaimed"), DBS(v[K_REASON]) };
	if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b, after;
	buf_init(&b, c->ar, 256);
	buf_printf(&b, "{\"state\":\"%s\",\"registered_on\":\"%s\"}", l.v[LF_STATE], l.v[LF_REGISTERED]);
	buf_init(&after, c->ar, 1024);
	buf_str(&after, "{\"state\":\"reclaimed\",\"ended_by\":\"");
	buf_json(&after, login);
	buf_str(&after, "\",\"end_reason\":\"");
	buf_json(&after, v[K_REASON]);
	buf_str(&after, "\"}");
	cl_tx_done(t, id, "reclaim", buf_cstr(&b), buf_cstr(&after));
	return TX_COMMIT;
}

int
cl_reclaim(struct ctx *c)
{
	const char *vals[K__MAX], *errs[K__MAX];
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (valid_form(kfields, K__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0) {
		if (errs[K_VERSION] != NULL)
			return 400;
		st = cl_view_page(c, 422, NULL);
		if (st == 422)
			pg_msg(c, "reason", "cloud_reason_long");
		return st;
	}
	struct reclaim k = { vals };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, reclaim_tx, &k);
	if (st == 409) {
		pg_conflict(c);
		return cl_view_page(c, 409, NULL);
	}
	if (st == 422) {
		st = cl_view_page(c, 422, NULL);
		if (st == 422)
			pg_msg(c, "", "cloud_not_reclaimable");
	}
	return st;
}

/* The demo VMs by the calendar: registered years ago, a year and a week ago, eleven months ago. */
static const struct {
	const char *unit, *purpose, *ip;
	int months, days;	/* the registration: so many months and days before today */
} due_demo[] = {
	{ "C-CS", "旧课程平台（多年未备案）", "10.10.2.21", -40, 0 },
	{ "C-ME", "实验数据备份（备案逾期）", "10.10.2.22", -12, -7 },
	{ "O-ACAD", "排课辅助（即将到期备案）", "10.10.2.23", -12, 10 },
};

static int
demo_rereg_tx(struct tx *t, void *arg)
{
	struct ctx *c = t->c;
	enum db_rc rc;
	(void)arg;
	/* the first demo's active VMs, provisioned by its own steps: registered then */
	for (int n = 0; n < 64; n++) {
		long long id = 0;
		if ((rc = SQL_RUN0(c, CL_SQL_DEMO_UNREGISTERED, db_int_row, &id)) != DB_OK)
			return rc;
		if (id == 0)
			break;
		if ((rc = cl_register(c, id, wd_today_str(c->ar))) != DB_OK)
			return rc;
	}
	for (size_t i = 0; i < sizeof(due_demo) / sizeof(due_demo[0]); i++) {
		long long unit = 0, image = 0;
		struct db_val u[] = { DBS(due_demo[i].unit) }, im[] = { DBS("centos7_64") };
		if ((rc = SQL_RUN(c, CL_SQL_DEMO_UNIT, u, db_int_row, &unit)) != DB_OK ||
		    (rc = SQL_RUN(c, CL_SQL_DEMO_IMAGE, im, db_int_row, &image)) != DB_OK)
			return rc;
		if (unit == 0 || image == 0)
			continue;
		int reg = wd_add_months(wd_today(), due_demo[i].months) + due_demo[i].days;
		int to = wd_add_months(wd_today(), 24);
		const char *regs = day_text(c, reg), *tos = day_text(c, to);
		char nonce[TX_NONCE_LEN + 1];
		tx_nonce(nonce);
		struct db_val p[] = {
			DBI(unit), DBS("演示申请人"), DBS("13800000000"), DBS(regs), DBI(image), DBS(""), DBI(2), DBI(4),
			DBI(60), DBS(""), DBS(""), DBS(""), DBS(regs), DBS(tos), DBS(due_demo[i].purpose), DBS(""),
			DBS(nonce), DBS("demo-rereg"), DBS("demo-rereg"),
		};
		if ((rc = SQL_RUN(c, CL_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		long long id = (long long)db_insert_id(c->db);
		/* the rule's due date; for the reclaimable one the first, never done */
		int due = cl_next_rereg(&cl_due, reg, to);
		struct db_val a[] = { DBS(ar_printf(c->ar, "vm-%lld", id)), DBS(due_demo[i].ip), DBS(regs), DBS(regs),
			day_val(c, due), DBS(regs), DBI(id) };
		if ((rc = SQL_RUN(c, CL_SQL_DEMO_LIVE, a, NULL, NULL)) != DB_OK)
			return rc;
		struct db_val s0[] = { DBI(id), DBS("demo"), DBS(""), DBS("draft"), DBS("") };
		struct db_val s1[] = { DBI(id), DBS("demo"), DBS("draft"), DBS("active"), DBS("") };
		if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s0, NULL, NULL)) != DB_OK ||
		    (rc = SQL_RUN(c, CL_SQL_STEP_ADD, s1, NULL, NULL)) != DB_OK)
			return rc;
	}
	return TX_COMMIT;
}

int
cl_demo_rereg(struct ctx *c)
{
	long long have = 0;
	enum db_rc rc = SQL_RUN0(c, CL_SQL_DEMO_REREG_COUNT, db_int_row, &have);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (have > 0)
		return 200;	/* written before */
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, demo_rereg_tx, NULL);
	if (st != 200) {
		fprintf(stderr, "wangan-cloud: demo re-registration data failed\n");
		return st;
	}
	printf("wrote %zu demo cloud VMs due for re-registration\n", sizeof(due_demo) / sizeof(due_demo[0]));
	return 200;
}
