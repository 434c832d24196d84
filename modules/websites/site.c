/*
 * site.c — one filing: loading it with the access check, its page (the
 * record, the unit head as its security officer, the progress and the
 * history, the action forms this account may use in this state), and the
 * steps of the flow (POST {id}/step).
 *
 * Who takes which step: the unit's staff submit (draft, returned,
 * discovered) and withdraw (submitted); the unit head of that unit approves
 * with the unit's opinion, or returns with a reason; the centre opens a
 * site that passed its security check, filling appendix 4's last part (IP,
 * exposure, service types) and the date opened.  Each step's UPDATE names
 * the version the page showed and the state it starts from: of two actors
 * at once one wins, the other gets 409 and the page as it is now.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "websites.h"
#include "workday.h"


int
ws_valid_domain(char *s)
{
	size_t n = strlen(s), label = 0, dots = 0;
	if (n == 0 || n > 253 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		s[i] = (char)tolower(ch);
		if (ch == '.') {
			/* a label neither empty nor starting or ending with a hyphen */
			if (label == 0 || s[i - 1] == '-')
				return 0;
			label = 0;
			dots++;
			continue;
		}
		if (!(isalnum(ch) || ch == '-') || (ch == '-' && label == 0) || ++label > 63)
			return 0;
	}
	if (dots == 0)
		return 0;
	/* the top-level label is letters (or an IDN's xn--): an address is not a domain */
	const char *tld = strrchr(s, '.') + 1;
	int alpha = strncmp(tld, "xn--", 4) == 0;
	for (const char *p = tld; !alpha && *p; p++)
		alpha = isalpha((unsigned char)*p);
	return alpha && s[n - 1] != '-';
}

int
ws_valid_ip(const char *s)
{
	unsigned char a[16];
	return inet_pton(AF_INET, s, a) == 1 || inet_pton(AF_INET6, s, a) == 1;
}

static int
site_row(void *arg, const struct db_row *r)
{
	struct site *s = arg;
	for (size_t i = 0; i < ws_site_col__MAX; i++)
		s->v[i] = ar_strdup(s->c->ar, r->v[i]);
	s->n++;
	return 0;
}

enum db_rc
ws_load(struct ctx *c, long long id, struct site *s, int lock)
{
	struct db_val p[] = { DBI(id) };
	memset(s, 0, sizeof(*s));
	s->c = c;
	return lock ? SQL_RUN(c, WS_SQL_LOCK, p, site_row, s) : SQL_RUN(c, WS_SQL_GET, p, site_row, s);
}

int
ws_open(struct ctx *c, struct site *s, int write)
{
	enum db_rc rc = ws_load(c, c->id, s, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (s->n == 0)
		return 404;
	long long unit = atoll(s->v[SC_UNIT_ID]);
	int ok = write ? auth_unit_write(c, unit) : auth_unit_read(c, unit) || c->acct.role == ROLE_CENTER;
	if (!ok)
		return auth_deny(c, "website", c->id);
	return 200;
}

xmlNodePtr
ws_site_node(xmlNodePtr parent, const char *name, const struct site *s)
{
	xmlNodePtr n = pg_node(parent, name);
	pg_attr(n, "id", s->v[SC_ID]);
	pg_attr(n, "state", s->v[SC_STATE]);
	pg_attr(n, "version", s->v[SC_VERSION]);
	for (size_t i = SC_UNIT_ID; i < ws_site_col__MAX; i++)
		pg_text(n, ws_site_cols[i], s->v[i]);
	return n;
}

const char *
ws_json(struct ctx *c, const struct site *s)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_str(&b, "{");
	for (size_t i = 0; i < ws_site_col__MAX; i++) {
		buf_json_field(&b, ws_site_cols[i], s->v[i]);
	}
	buf_str(&b, "}");
	return buf_cstr(&b);
}

void
ws_tx_done(struct tx *t, long long id, const char *action, const char *before, const char *after)
{
	t->record = "website";
	t->id = id;
	t->action = action;
	t->before = before;
	t->after = after;
	t->then = ar_printf(t->c->ar, "/websites/%lld?saved=1", id);
}

int
ws_has_letter(struct ctx *c, long long unit, enum db_rc *rc)
{
	long long n = 0;
	struct db_val p[] = { DBI(unit) };
	if ((*rc = SQL_RUN(c, WS_SQL_LETTER, p, db_int_row, &n)) != DB_OK)
		return -1;
	return n > 0;
}

enum db_rc
ws_step_add(struct ctx *c, long long id, const char *from, const char *to, const char *reason)
{
	struct db_val s[] = { DBI(id), DBS(c->acct.login), DBS(from), DBS(to), DBS(reason) };
	return SQL_RUN(c, WS_SQL_STEP_ADD, s, NULL, NULL);
}

static int
officer_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "officer");
	pg_attr(n, "name", r->v[OF_NAME]);
	pg_attr(n, "title", r->v[OF_TITLE]);
	pg_attr(n, "phone", r->v[OF_PHONE]);
	pg_attr(n, "mobile", r->v[OF_MOBILE]);
	return 0;
}

enum db_rc
ws_officer_node(struct ctx *c, xmlNodePtr parent, long long unit)
{
	struct db_val p[] = { DBI(unit) };
	return SQL_RUN(c, WS_SQL_OFFICER, p, officer_row, parent);
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

/* The step form's fields. */
enum { A_ACTION, A_VERSION, A_REASON, A_OPINION, A_IP, A_EXPOSED, A_HTTP, A_HTTPS, A_FTP, A_OTHER,
	A_SERVICES_OTHER, A_DATE, A__MAX };
static const char *const actions[] = { "submit", "withdraw", "approve", "reject", "open", NULL };
static const char *const flags[] = { "0", "1", NULL };
static const struct vfield afields[A__MAX] = {
	[A_ACTION]   = { "action", V_CHOICE, 1, 16, actions },
	[A_VERSION]  = { "version", V_INT, 1, 10, NULL },
	[A_REASON]   = { "reason", V_MULTILINE, 0, 500, NULL },
	[A_OPINION]  = { "opinion", V_MULTILINE, 0, 500, NULL },
	[A_IP]       = { "ip", V_TEXT, 0, 45, NULL },
	[A_EXPOSED]  = { "exposed", V_CHOICE, 0, 1, flags },
	[A_HTTP]     = { "svc_http", V_CHOICE, 0, 1, flags },
	[A_HTTPS]    = { "svc_https", V_CHOICE, 0, 1, flags },
	[A_FTP]      = { "svc_ftp", V_CHOICE, 0, 1, flags },
	[A_OTHER]    = { "svc_other", V_CHOICE, 0, 1, flags },
	[A_SERVICES_OTHER] = { "services_other", V_TEXT, 0, 64, NULL },
	[A_DATE]     = { "open_date", V_DATE, 0, 10, NULL },
};

static int
in(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

/* May this account take action a on the filing as it is? */
static int
may(const struct ctx *c, const struct site *s, const char *a)
{
	static const char *const editable[] = { "draft", "returned", "discovered", NULL };
	const char *st = s->v[SC_STATE];
	long long unit = atoll(s->v[SC_UNIT_ID]);
	int staff = (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit);
	int head = c->acct.role == ROLE_UNIT_HEAD && c->acct.unit_id == unit;
	if (strcmp(a, "submit") == 0 || strcmp(a, "edit") == 0)
		return staff && in(st, editable);
	if (strcmp(a, "withdraw") == 0)
		return staff && strcmp(st, "submitted") == 0;
	if (strcmp(a, "approve") == 0 || strcmp(a, "reject") == 0)
		return head && strcmp(st, "submitted") == 0;
	if (strcmp(a, "open") == 0)
		return c->acct.role == ROLE_CENTER && strcmp(st, "passed") == 0;
	return 0;
}

const struct ws_typed *
ws_typed_for(const struct ws_typed *ty, const char *form)
{
	return ty != NULL && strcmp(ty->form, form) == 0 ? ty : NULL;
}

int
ws_view_page(struct ctx *c, int status, const struct ws_typed *ty)
{
	static const char *const next[][2] = {
		{ "draft", "applicant" }, { "returned", "applicant" }, { "discovered", "applicant" },
		{ "rectifying", "applicant" }, { "submitted", "unit_head" }, { "approved", "center" },
		{ "recheck", "center" }, { "passed", "center" },
	};
	static const char *const all[] = { "edit", "submit", "withdraw", "approve", "reject", "open" };
	struct site s;
	enum db_rc rc;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	c->view = VIEW(WS_VIEW_SITE);
	ws_site_node(c->data, "site", &s);
	long long unit = atoll(s.v[SC_UNIT_ID]);
	struct db_val p[] = { DBI(c->id) };
	if ((rc = ws_officer_node(c, c->data, unit)) != DB_OK ||
	    (rc = SQL_RUN(c, WS_SQL_STEPS, p, step_row, pg_node(c->data, "history"))) != DB_OK ||
	    (rc = ws_outages_node(c, c->data, c->id)) != DB_OK)
		return app_dberr(rc);
	xmlNodePtr pr = pg_node(c->data, "progress");
	pg_attr(pr, "state", s.v[SC_STATE]);
	pg_attr(pr, "since", s.v[SC_SINCE]);
	for (size_t i = 0; i < sizeof(next) / sizeof(next[0]); i++)
		if (strcmp(next[i][0], s.v[SC_STATE]) == 0)
			pg_attr(pr, "next", next[i][1]);
	/* the centre's check waits for the website letter: said on the page, with the way to it */
	if (strcmp(s.v[SC_STATE], "approved") == 0 || strcmp(s.v[SC_STATE], "recheck") == 0) {
		int has = ws_has_letter(c, unit, &rc);
		if (has < 0)
			return app_dberr(rc);
		if (!has)
			pg_attri(pg_node(c->data, "gate"), "unit-id", unit);
	}
	xmlNodePtr an = pg_node(c->data, "actions");
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (may(c, &s, all[i]))
			pg_attr(pg_node(an, "action"), "name", all[i]);
	/* check.c: the security check, its rounds; after it is online: its re-filings (refile.c),
	 * suspension, restore and close (life.c) */
	if ((rc = ws_check_node(c, &s, an, ty)) != DB_OK || (rc = ws_refile_node(c, &s, ty)) != DB_OK ||
	    (rc = ws_life_node(c, &s, ty)) != DB_OK)
		return app_dberr(rc);
	const struct ws_typed *mine = ws_typed_for(ty, "step");
	const char **vals = mine ? mine->vals : NULL, **errs = mine ? mine->errs : NULL;
	const char *blank[A__MAX];
	if (vals == NULL) {
		for (int i = 0; i < A__MAX; i++)
			blank[i] = "";
		blank[A_DATE] = wd_today_str(c->ar);
		vals = blank;
	}
	vals[A_VERSION] = s.v[SC_VERSION];	/* another try starts from the record as it is */
	if (ty != NULL && ty->action != NULL)
		pg_attr(c->data, "action", ty->action);
	pg_form(c, c->data, afields, A__MAX, vals, errs);
	return status;
}

int
ws_view(struct ctx *c)
{
	return ws_view_page(c, 200, NULL);
}

/* What the step's transaction needs. */
struct step {
	const char **vals;
	const char *action, *from, *to;
	const char *code;	/* a 422's message code, on field err_field */
	int err_field;
};

/* The service types ticked, as the SET column takes them ("http,https"). */
static const char *
services(struct ctx *c, const char **v)
{
	static const struct { int f; const char *name; } svc[] = {
		{ A_HTTP, "http" }, { A_HTTPS, "https" }, { A_FTP, "ftp" }, { A_OTHER, "other" },
	};
	struct buf b;
	buf_init(&b, c->ar, 32);
	buf_str(&b, "");
	for (size_t i = 0; i < sizeof(svc) / sizeof(svc[0]); i++)
		if (strcmp(v[svc[i].f], "1") == 0)
			buf_printf(&b, "%s%s", b.len ? "," : "", svc[i].name);
	return buf_cstr(&b);
}

static int
step_tx(struct tx *t, void *arg)
{
	struct step *sp = arg;
	struct ctx *c = t->c;
	const char **v = sp->vals, *login = c->acct.login, *a = sp->action;
	struct site s;
	enum db_rc rc;
	long long id = c->id, ver = atoll(v[A_VERSION]);
	const char *reason = v[A_REASON];

	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	if (strcmp(s.v[SC_VERSION], v[A_VERSION]) != 0 || !may(c, &s, a))
		return 409;	/* the filing moved on: another step landed first */
	sp->from = s.v[SC_STATE];
	if (strcmp(a, "submit") == 0) {
		struct db_val p[] = { DBS(login), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_SUBMITTED, p, NULL, NULL);
		sp->to = "submitted";
	} else if (strcmp(a, "withdraw") == 0) {
		struct db_val p[] = { DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_WITHDRAWN, p, NULL, NULL);
		sp->to = "withdrawn";
	} else if (strcmp(a, "approve") == 0) {
		struct db_val p[] = { DBS(login), DBS(v[A_OPINION]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_APPROVED, p, NULL, NULL);
		sp->to = "approved";
		reason = v[A_OPINION];
	} else if (strcmp(a, "reject") == 0) {
		struct db_val p[] = { DBS(login), DBS(v[A_REASON]), DBS(login), DBI(id), DBI(ver), DBS(sp->from) };
		rc = SQL_RUN(c, WS_SQL_SET_RETURNED, p, NULL, NULL);
		sp->to = "returned";
	} else {	/* open */
		if (strcmp(v[A_DATE], s.v[SC_APPLY_DATE]) < 0) {
			sp->code = "web_open_before";
			sp->err_field = A_DATE;
			return 422;
		}
		struct db_val p[] = { DBS(login), DBS(v[A_OPINION]), DBS(v[A_IP]), DBI(atoi(v[A_EXPOSED])),
			DBS(services(c, v)), DBS(v[A_SERVICES_OTHER]), DBS(v[A_DATE]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_ONLINE, p, NULL, NULL);
		sp->to = "online";
		reason = v[A_OPINION];
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if (strcmp(sp->to, "online") == 0 && *s.v[SC_SYSTEM]) {
		/* the inventory entry goes online with its site */
		long long sys = atoll(s.v[SC_SYSTEM]);
		struct db_val q[] = { DBS(v[A_DATE]), DBS(v[A_IP]), DBS(login), DBI(sys) };
		if ((rc = SQL_RUN(c, WS_SQL_SYSTEM_ONLINE, q, NULL, NULL)) != DB_OK ||
		    (rc = tx_audit(t, "system", sys, "website_online", NULL, NULL)) != DB_OK)
			return rc;
	}
	if ((rc = ws_step_add(c, id, sp->from, sp->to, reason)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"state\":\"%s\",\"by\":\"", sp->to);
	buf_json(&b, login);
	buf_str(&b, "\",\"reason\":\"");
	buf_json(&b, reason);
	if (strcmp(sp->to, "online") == 0) {
		buf_str(&b, "\",\"ip\":\"");
		buf_json(&b, v[A_IP]);
		buf_printf(&b, "\",\"exposed\":%d,\"services\":\"%s\",\"open_date\":\"", atoi(v[A_EXPOSED]),
		    services(c, v));
		buf_json(&b, v[A_DATE]);
	}
	buf_str(&b, "\"}");
	ws_tx_done(t, id, a, ws_json(c, &s), buf_cstr(&b));
	return TX_COMMIT;
}

/* The checks of each action's own fields: the count of errors. */
static size_t
step_check(struct ctx *c, const char *a, const char **v, const char **e)
{
	size_t bad = 0;
	if (strcmp(a, "reject") == 0 && !*v[A_REASON])
		bad += valid_flag(e, A_REASON, "required");
	if (strcmp(a, "open") != 0)
		return bad;
	if (!ws_valid_ip(v[A_IP]))
		bad += valid_flag(e, A_IP, "web_ip");
	if (!*v[A_EXPOSED])
		bad += valid_flag(e, A_EXPOSED, "required");
	if (!*services(c, v))
		bad += valid_flag(e, A_HTTP, "web_services");
	if (strcmp(v[A_OTHER], "1") == 0 && !*v[A_SERVICES_OTHER])
		bad += valid_flag(e, A_SERVICES_OTHER, "required");
	if (!*v[A_DATE])
		bad += valid_flag(e, A_DATE, "required");
	else if (strcmp(v[A_DATE], wd_today_str(c->ar)) > 0)
		bad += valid_flag(e, A_DATE, "web_open_future");
	return bad;
}

int
ws_step(struct ctx *c)
{
	const char *vals[A__MAX], *errs[A__MAX];
	struct site s;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(afields, A__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[A_ACTION] != NULL)
		return 400;
	const char *a = vals[A_ACTION];
	long long unit = atoll(s.v[SC_UNIT_ID]);
	/* a step this account never takes on this unit's filings: 403, audited */
	int role_ok = strcmp(a, "open") == 0 ? c->acct.role == ROLE_CENTER :
	    strcmp(a, "approve") == 0 || strcmp(a, "reject") == 0 ?
	    c->acct.role == ROLE_UNIT_HEAD && c->acct.unit_id == unit :
	    (c->acct.role & ROLES_UNIT) && auth_unit_write(c, unit);
	if (!role_ok)
		return auth_deny(c, "website", c->id);
	bad += step_check(c, a, vals, errs);
	struct ws_typed ty = { "step", a, vals, errs };
	if (bad)
		return ws_view_page(c, 422, &ty);
	struct step sp = { vals, a, NULL, NULL, NULL, A_ACTION };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, step_tx, &sp);
	if (st == 409) {
		pg_conflict(c);
		ty.errs = NULL;
		return ws_view_page(c, 409, &ty);
	}
	if (st == 422) {
		errs[sp.err_field] = sp.code;
		return ws_view_page(c, 422, &ty);
	}
	return st;
}
