/*
 * refile.c — re-filing an online site (issue 12, "After it is online";
 * seed 003 art. 26: a change of a site's domain, server or administrator
 * is filed again): it takes effect only when the centre approves it.
 *
 *   GET, POST {id}/refile  the site's own unit's staff file one on an online
 *       site: the domain, the server (location, VM, IP, exposure), the
 *       build method and its reason, the administrator's contacts, and why.
 *       The fields follow the filing form's rules (form.c's, through
 *       ws_form_field and ws_filing_check, not copies); a re-filing that
 *       changes nothing, or any failure, is 422 with the message and
 *       nothing saved.  One pending re-filing per site (a second is a 422
 *       that says so); the nonce makes a double submit file one.
 *   POST {id}/refile/decide  the centre approves or rejects with a reason;
 *       the unit's staff withdraw.  From the re-filing's version the page
 *       showed: of two centre accounts at once one wins, the other gets 409.
 *       Approving copies the proposed values onto the site in the same
 *       transaction (version + 1) and the inventory entry's address; a
 *       domain another live filing took meanwhile, or a VM no longer live,
 *       is a 422 that says so.
 *
 * Until then the site keeps its old record everywhere (its page, the list,
 * the print, the watcher): the new values live only in web_refile, with the
 * values before, so the diff stays true later.  Each filing and decision
 * adds a web_site_step row (the state unchanged, "重新备案 #N 已批准" …)
 * and an audit row with before and after.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "websites.h"

/* The form: the values R_DOMAIN … R_ADMIN_MOBILE in web_refile's pair order. */
enum { R_NONCE, R_DOMAIN, R_LOCATION, R_VM, R_IP, R_EXPOSED, R_BUILD, R_BUILD_REASON, R_ADMIN,
	R_ADMIN_PHONE, R_ADMIN_EMAIL, R_ADMIN_MOBILE, R_REASON, R__MAX };
#define R_NVALS (R_ADMIN_MOBILE - R_DOMAIN + 1)
static const char *const vkeys[R_NVALS] = { "domain", "location", "vm", "ip", "exposed", "build",
	"build_reason", "admin_name", "admin_phone", "admin_email", "admin_mobile" };
/* each value's column of the filing */
static const int sitecol[R_NVALS] = { SC_DOMAIN, SC_LOCATION, SC_VM, SC_IP, SC_EXPOSED, SC_BUILD,
	SC_BUILD_REASON, SC_ADMIN, SC_ADMIN_PHONE, SC_ADMIN_EMAIL, SC_ADMIN_MOBILE };
static const char *const flags[] = { "0", "1", NULL };
static struct vfield rfields[R__MAX];

/* The table: nonce, IP, exposure and reason its own (site.c's opening has them), the rest form.c's. */
static const struct vfield *
rtable(void)
{
	if (rfields[R_NONCE].key != NULL)
		return rfields;
	for (int i = 0; i < R_NVALS; i++) {
		const struct vfield *f = ws_form_field(vkeys[i]);
		if (f != NULL)
			rfields[R_DOMAIN + i] = *f;
	}
	rfields[R_NONCE] = (struct vfield){ "nonce", V_TOKEN, 1, TX_NONCE_LEN, NULL };
	rfields[R_IP] = (struct vfield){ "ip", V_TEXT, 1, 45, NULL };
	rfields[R_EXPOSED] = (struct vfield){ "exposed", V_CHOICE, 1, 1, flags };
	rfields[R_REASON] = (struct vfield){ "reason", V_MULTILINE, 1, 500, NULL };
	return rfields;
}

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* The site's own unit's staff (the unit head too: the unit's roles that file). */
static int
staff(struct ctx *c, const struct site *s)
{
	return (c->acct.role & ROLES_UNIT) && auth_unit_write(c, atoll(s->v[SC_UNIT_ID]));
}

/* A re-filing as <refile …> with only the fields it changes, old and new. */
struct rf_list {
	xmlNodePtr parent;
	struct ctx *c;
	long long pending_id;	/* the pending one's id and version, or 0 */
	const char *pending_version;
};

static int
rf_row(void *arg, const struct db_row *r)
{
	struct rf_list *rl = arg;
	xmlNodePtr n = pg_node(rl->parent, "refile");
	pg_attr(n, "id", r->v[RF_ID]);
	pg_attr(n, "state", r->v[RF_STATE]);
	pg_attr(n, "version", r->v[RF_VERSION]);
	pg_attr(n, "requested-by", r->v[RF_BY]);
	pg_attr(n, "requested-at", r->v[RF_AT]);
	if (*r->v[RF_DEC_BY]) {
		pg_attr(n, "decided-by", r->v[RF_DEC_BY]);
		pg_attr(n, "decided-at", r->v[RF_DEC_AT]);
	}
	pg_text(n, "reason", r->v[RF_REASON]);
	if (*r->v[RF_DEC_REASON])
		pg_text(n, "decision", r->v[RF_DEC_REASON]);
	for (int i = 0; i < R_NVALS; i++) {
		const char *o = r->v[RF_OLD_DOMAIN + 2 * i], *w = r->v[RF_OLD_DOMAIN + 2 * i + 1];
		if (is(o, w))
			continue;
		xmlNodePtr f = pg_node(n, "field");
		pg_attr(f, "name", vkeys[i]);
		pg_attr(f, "old", o);
		pg_attr(f, "new", w);
	}
	if (is(r->v[RF_STATE], "pending")) {
		rl->pending_id = atoll(r->v[RF_ID]);
		rl->pending_version = ar_strdup(rl->c->ar, r->v[RF_VERSION]);
	}
	return 0;
}

/* The decision form's fields (on the site page). */
enum { D_REFILE, D_ACTION, D_VERSION, D_REASON, D__MAX };
static const char *const dactions[] = { "approve", "reject", "withdraw", NULL };
static const struct vfield dfields[D__MAX] = {
	[D_REFILE]  = { "refile", V_INT, 1, 10, NULL },
	[D_ACTION]  = { "action", V_CHOICE, 1, 8, dactions },
	[D_VERSION] = { "version", V_INT, 1, 10, NULL },
	[D_REASON]  = { "reason", V_MULTILINE, 0, 500, NULL },
};

/* <refiles may-refile pending?> under parent; with forms (page: 1) the pending one's actions and form. */
static enum db_rc
refiles_node(struct ctx *c, const struct site *s, xmlNodePtr parent, int page, const struct ws_typed *ty,
    long long *pending)
{
	const struct ws_typed *mine = ws_typed_for(ty, "refile");
	xmlNodePtr n = pg_node(parent, "refiles");
	struct rf_list rl = { n, c, 0, NULL };
	struct db_val p[] = { DBI(atoll(s->v[SC_ID])) };
	enum db_rc rc = SQL_RUN(c, WS_SQL_RF_LIST, p, rf_row, &rl);
	if (rc != DB_OK)
		return rc;
	int me = staff(c, s);
	*pending = rl.pending_id;
	pg_attr(n, "may-refile", me && rl.pending_id == 0 && is(s->v[SC_STATE], "online") ? "1" : "0");
	if (rl.pending_id == 0 || !page)
		return DB_OK;
	pg_attri(n, "pending", rl.pending_id);
	if (c->acct.role == ROLE_CENTER) {
		pg_attr(pg_node(n, "action"), "name", "approve");
		pg_attr(pg_node(n, "action"), "name", "reject");
	}
	if (me)
		pg_attr(pg_node(n, "action"), "name", "withdraw");
	const char *blank[D__MAX] = { "", "", "", "" };
	const char **vals = mine ? mine->vals : blank;
	vals[D_REFILE] = ar_printf(c->ar, "%lld", rl.pending_id);	/* another try starts from it as it is */
	vals[D_VERSION] = rl.pending_version;
	pg_form(c, n, dfields, D__MAX, vals, mine ? mine->errs : NULL);
	return DB_OK;
}

enum db_rc
ws_refile_node(struct ctx *c, const struct site *s, const struct ws_typed *ty)
{
	long long pending;
	return refiles_node(c, s, c->data, 1, ty, &pending);
}

/* The form page of site c->id: what was typed (vals, errs) or the record's values. */
static int
refile_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct site s;
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[R__MAX];
	long long pending = 0;
	enum db_rc rc;
	int st = ws_open(c, &s, 1);
	if (st != 200)
		return st;
	if (!staff(c, &s))
		return auth_deny(c, "website", c->id);
	c->view = VIEW(WS_VIEW_REFILE);
	ws_site_node(c->data, "site", &s);
	if ((rc = refiles_node(c, &s, c->data, 0, NULL, &pending)) != DB_OK ||
	    (rc = ws_vms_node(c, atoll(s.v[SC_UNIT_ID]))) != DB_OK)
		return app_dberr(rc);
	if (!is(s.v[SC_STATE], "online"))
		pg_node(c->data, "closed");
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[R_NONCE] = nonce;
		fresh[R_REASON] = "";
		for (int i = 0; i < R_NVALS; i++)
			fresh[R_DOMAIN + i] = s.v[sitecol[i]];
		vals = fresh;
	}
	pg_form(c, c->data, rtable(), R__MAX, vals, errs);
	return status;
}

int
ws_refile_form(struct ctx *c)
{
	return refile_page(c, 200, NULL, NULL);
}

/* A JSON object of the values v[0 … R_NVALS-1]. */
static const char *
values_json(struct ctx *c, const char *const *v, const char *extra)
{
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_str(&b, "{");
	for (int i = 0; i < R_NVALS; i++)
		buf_json_field(&b, vkeys[i], v[i]);
	if (extra != NULL)
		buf_str(&b, extra);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

static const char *
step_words(struct ctx *c, long long id, const char *what)
{
	return ar_printf(c->ar, "重新备案 #%lld %s", id, what);
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
	const char **v = fl->vals, *login = c->acct.login;
	long long id = c->id, pending = 0;
	struct site s;
	enum db_rc rc;

	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	if (!is(s.v[SC_STATE], "online")) {
		fl->code = "web_refile_state";
		return 422;
	}
	struct db_val q[] = { DBI(id) };
	if ((rc = SQL_RUN(c, WS_SQL_RF_PENDING, q, db_int_row, &pending)) != DB_OK)
		return rc;
	if (pending) {
		fl->code = "web_refile_pending";
		return 422;
	}
	/* the values before, read here under the lock */
	const char *old[R_NVALS], *nw[R_NVALS];
	for (int i = 0; i < R_NVALS; i++) {
		old[i] = s.v[sitecol[i]];
		nw[i] = v[R_DOMAIN + i];
	}
	struct db_val p[] = { DBI(id),
		DBS(old[0]), DBS(nw[0]), DBS(old[1]), DBS(nw[1]), DBSN(old[2]), DBSN(nw[2]), DBS(old[3]), DBS(nw[3]),
		DBSN(old[4]), DBSN(nw[4]), DBS(old[5]), DBS(nw[5]), DBS(old[6]), DBS(nw[6]), DBS(old[7]), DBS(nw[7]),
		DBS(old[8]), DBS(nw[8]), DBS(old[9]), DBS(nw[9]), DBS(old[10]), DBS(nw[10]),
		DBS(v[R_REASON]), DBS(login), DBS(v[R_NONCE]) };
	if ((rc = SQL_RUN(c, WS_SQL_RF_ADD, p, NULL, NULL)) != DB_OK)
		return rc;
	long long rid = (long long)db_insert_id(c->db);
	if ((rc = ws_step_add(c, id, s.v[SC_STATE], s.v[SC_STATE], step_words(c, rid, "已提交"))) != DB_OK)
		return rc;
	struct buf x;
	buf_init(&x, c->ar, 1024);
	buf_printf(&x, ",\"refile\":%lld,\"state\":\"pending\",\"reason\":\"", rid);
	buf_json(&x, v[R_REASON]);
	buf_str(&x, "\"");
	ws_tx_done(t, id, "refile", values_json(c, old, NULL), values_json(c, nw, buf_cstr(&x)));
	return TX_COMMIT;
}

int
ws_refile_save(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	struct site s;
	enum db_rc rc = DB_OK;
	int st = ws_open(c, &s, 1);
	if (st != 200)
		return st;
	if (!staff(c, &s))
		return auth_deny(c, "website", c->id);
	long bad = (long)valid_form(rtable(), R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[R_NONCE] != NULL)
		return 400;	/* not from the form */
	long more = ws_filing_check(c, atoll(s.v[SC_UNIT_ID]), vkeys, vals + R_DOMAIN, errs + R_DOMAIN, R_NVALS,
	    &rc);
	if (more < 0)
		return app_dberr(rc);
	bad += more;
	if (errs[R_IP] == NULL && !ws_valid_ip(vals[R_IP]))
		bad += (long)valid_flag(errs, R_IP, "web_ip");
	if (bad == 0) {
		int same = 1;
		for (int i = 0; i < R_NVALS; i++)
			same &= is(vals[R_DOMAIN + i], s.v[sitecol[i]]);
		if (same) {
			pg_msg(c, "domain", "web_refile_none");
			errs[R_DOMAIN] = "web_refile_none";
			bad++;
		}
	}
	if (!is(s.v[SC_STATE], "online")) {
		pg_msg(c, "reason", "web_refile_state");
		bad++;
	}
	if (bad)
		return refile_page(c, 422, vals, errs);
	struct file fl = { vals, NULL };
	struct tx t = { .c = c, .nonce = vals[R_NONCE] };
	st = tx_run(&t, file_tx, &fl);
	if (st == 422) {
		pg_msg(c, "reason", fl.code);
		errs[R_REASON] = fl.code;
		return refile_page(c, 422, vals, errs);
	}
	return st;
}

/* What the decision's transaction needs. */
struct decide {
	const char **vals;
	const char *code;	/* a 422's message */
};

/* A locked re-filing row, copied. */
struct one_rf {
	struct ctx *c;
	const char *v[ws_rf_col__MAX];
	int n;
};

static int
one_row(void *arg, const struct db_row *r)
{
	struct one_rf *o = arg;
	for (size_t i = 0; i < ws_rf_col__MAX; i++)
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
	long long id = c->id, rid = atoll(v[D_REFILE]);
	struct site s;
	struct one_rf rf = { c, { NULL }, 0 };
	enum db_rc rc;

	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	struct db_val q[] = { DBI(rid), DBI(id) };
	if ((rc = SQL_RUN(c, WS_SQL_RF_LOCK, q, one_row, &rf)) != DB_OK)
		return rc;
	if (rf.n == 0)
		return 404;
	if (!is(rf.v[RF_VERSION], v[D_VERSION]) || !is(rf.v[RF_STATE], "pending"))
		return 409;	/* decided or withdrawn since the page was shown */
	const char *to = is(a, "approve") ? "approved" : is(a, "reject") ? "rejected" : "withdrawn";
	if (is(a, "approve")) {
		if (!is(s.v[SC_STATE], "online")) {
			d->code = "web_refile_state";
			return 422;
		}
		/* a new domain must still be free: another filing may have taken it meanwhile */
		long long used = 0;
		struct db_val u[] = { DBS(rf.v[RF_NEW_DOMAIN]), DBI(id), DBS("") };
		if ((rc = SQL_RUN(c, WS_SQL_DOMAIN_USED, u, db_int_row, &used)) != DB_OK)
			return rc;
		if (used) {
			d->code = "web_domain_dup";
			return 422;
		}
		/* and a VM it names still one of the unit's live ones */
		const char *loc = rf.v[RF_NEW_LOCATION];
		if (is(loc, "cloud_vm") || is(loc, "hosted")) {
			long long live = 0;
			struct db_val m[] = { DBI(atoll(rf.v[RF_NEW_VM])), DBI(atoll(s.v[SC_UNIT_ID])),
				DBS(is(loc, "cloud_vm") ? "vm" : "host") };
			if ((rc = SQL_RUN(c, WS_SQL_VM_OK, m, db_int_row, &live)) != DB_OK)
				return rc;
			if (!live) {
				d->code = "web_vm";
				return 422;
			}
		}
	}
	struct db_val p[] = { DBS(to), DBS(login), DBS(v[D_REASON]), DBI(rid), DBI(atoll(v[D_VERSION])) };
	if ((rc = SQL_RUN(c, WS_SQL_RF_DECIDE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if (is(a, "approve")) {
		struct db_val u[] = { DBS(login), DBI(rid), DBI(id), DBI(atoll(s.v[SC_VERSION])) };
		if ((rc = SQL_RUN(c, WS_SQL_RF_APPLY, u, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		struct db_val y[] = { DBS(login), DBI(id) };
		if ((rc = SQL_RUN(c, WS_SQL_RF_SYSTEM, y, NULL, NULL)) != DB_OK)
			return rc;
	}
	static const char *const words[][2] = { { "approved", "已批准" }, { "rejected", "已退回" },
		{ "withdrawn", "已撤回" } };
	const char *w = "";
	for (size_t i = 0; i < 3; i++)
		if (is(words[i][0], to))
			w = words[i][1];
	const char *why = *v[D_REASON] ? ar_printf(c->ar, "%s：%s", step_words(c, rid, w), v[D_REASON]) :
	    step_words(c, rid, w);
	if ((rc = ws_step_add(c, id, s.v[SC_STATE], s.v[SC_STATE], why)) != DB_OK)
		return rc;
	const char *old[R_NVALS], *nw[R_NVALS];
	for (int i = 0; i < R_NVALS; i++) {
		old[i] = rf.v[RF_OLD_DOMAIN + 2 * i];
		nw[i] = rf.v[RF_OLD_DOMAIN + 2 * i + 1];
	}
	struct buf x;
	buf_init(&x, c->ar, 1024);
	buf_printf(&x, ",\"refile\":%lld,\"state\":\"%s\",\"by\":\"", rid, to);
	buf_json(&x, login);
	buf_str(&x, "\",\"reason\":\"");
	buf_json(&x, v[D_REASON]);
	buf_str(&x, "\"");
	ws_tx_done(t, id, ar_printf(c->ar, "refile_%s", a), values_json(c, old, NULL),
	    values_json(c, nw, buf_cstr(&x)));
	return TX_COMMIT;
}

/* The site page again, with the decision as typed. */
static int
again(struct ctx *c, int status, const char **vals, const char **errs)
{
	struct ws_typed ty = { "refile", "refile", vals, errs };
	return ws_view_page(c, status, &ty);
}

int
ws_refile_decide(struct ctx *c)
{
	const char *vals[D__MAX], *errs[D__MAX];
	struct site s;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(dfields, D__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[D_ACTION] != NULL || errs[D_REFILE] != NULL || errs[D_VERSION] != NULL)
		return 400;	/* not from the form */
	const char *a = vals[D_ACTION];
	/* the centre decides, the unit's own staff withdraw; anyone else: 403, audited */
	if (!(is(a, "withdraw") ? staff(c, &s) : c->acct.role == ROLE_CENTER))
		return auth_deny(c, "website", c->id);
	if (is(a, "reject") && !*vals[D_REASON])
		bad += valid_flag(errs, D_REASON, "required");
	if (bad) {
		pg_msg(c, "reason", errs[D_REASON] ? errs[D_REASON] : "invalid");
		return again(c, 422, vals, errs);
	}
	struct decide d = { vals, NULL };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, decide_tx, &d);
	if (st == 409) {
		pg_conflict(c);
		return again(c, 409, vals, NULL);
	}
	if (st == 422) {
		errs[D_ACTION] = d.code;
		pg_msg(c, "action", d.code);
		return again(c, 422, vals, errs);
	}
	return st;
}
