/*
 * life.c — a site after it is online (issue 12, "After it is online";
 * appendix 4 note 5), and one found online without a filing.
 *
 *   POST {id}/life  action suspend: the centre suspends an online site for
 *       harmful content, advertising, an unfixed vulnerability or another
 *       reason (a kind from that list and a text, both required); also a
 *       site it discovered unfiled that is still not filed after its
 *       deadline (file_by before today: the unit was told and did not file).
 *       restore: the centre, after rectification, with a note (required):
 *       back online, or, for a site that never went online through a
 *       filing, back to discovered with a new deadline.  close: the centre
 *       or the site's own unit's staff, the site taken down for good, with a
 *       reason: closed, which frees its domain (domain_active) and its
 *       inventory entry, and withdraws a pending re-filing.  Each names the
 *       version the page showed: of two actors one wins, the other 409.
 *   GET, POST discovered  the centre records a site it found online without
 *       a filing: the unit (a pick list), the domain (a host name no live
 *       filing has), what it saw.  The row is a filing in state discovered,
 *       every field the unit must fill blank, apply_date today, file_by
 *       websites.discover_days working days on (the core calendar).  The
 *       unit sees it in its list and on its page with the deadline, edits
 *       it with the filing form and submits it: the normal flow.
 *
 * Every step adds a web_site_step row and an audit row; a role or unit not
 * allowed gets 403, audited.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "setting.h"
#include "resp.h"
#include "websites.h"
#include "workday.h"

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

const char *
ws_file_by(struct ctx *c)
{
	char *t = ar_alloc(c->ar, 11);
	if (t == NULL)
		return "";
	wd_format(wd_add(c->cal, wd_today(), (int)setting_int(c->cfg, "websites.discover_days", 5, 1, 60)), t);
	return t;
}

/* The form's fields (on the site page). */
enum { L_ACTION, L_VERSION, L_KIND, L_REASON, L_NOTE, L__MAX };
static const char *const lactions[] = { "suspend", "restore", "close", NULL };
/* appendix 4 note 5's reasons for suspending a site */
static const char *const kinds[] = { "harmful", "ads", "vuln", "other", NULL };
static const struct vfield lfields[L__MAX] = {
	[L_ACTION]  = { "action", V_CHOICE, 1, 8, lactions },
	[L_VERSION] = { "version", V_INT, 1, 10, NULL },
	[L_KIND]    = { "kind", V_CHOICE, 0, 8, kinds },
	[L_REASON]  = { "reason", V_MULTILINE, 0, 500, NULL },
	[L_NOTE]    = { "note", V_MULTILINE, 0, 500, NULL },
};

/* A discovered site still not filed after its deadline. */
static int
overdue(struct ctx *c, const struct site *s)
{
	return is(s->v[SC_STATE], "discovered") && *s->v[SC_FILE_BY] && strcmp(s->v[SC_FILE_BY], wd_today_str(c->ar)) < 0;
}

static int
staff(const struct ctx *c, const struct site *s)
{
	return (c->acct.role & ROLES_UNIT) && auth_unit_write(c, atoll(s->v[SC_UNIT_ID]));
}

/* May this account take action a on the site as it is? */
static int
may(struct ctx *c, const struct site *s, const char *a)
{
	const char *st = s->v[SC_STATE];
	int center = c->acct.role == ROLE_CENTER;
	if (is(a, "suspend"))
		return center && (is(st, "online") || overdue(c, s));
	if (is(a, "restore"))
		return center && is(st, "suspended");
	if (is(a, "close"))
		return (center || staff(c, s)) && (is(st, "online") || is(st, "suspended") || is(st, "discovered"));
	return 0;
}

enum db_rc
ws_life_node(struct ctx *c, const struct site *s, const struct ws_typed *ty)
{
	const struct ws_typed *mine = ws_typed_for(ty, "life");
	xmlNodePtr n = pg_node(c->data, "life");
	if (is(s->v[SC_STATE], "discovered") && *s->v[SC_FILE_BY]) {
		pg_attr(n, "file-by", s->v[SC_FILE_BY]);
		if (overdue(c, s))
			pg_attr(n, "overdue", "1");
	}
	int any = 0;
	for (int i = 0; lactions[i] != NULL; i++)
		if (may(c, s, lactions[i])) {
			pg_attr(pg_node(n, "action"), "name", lactions[i]);
			any = 1;
		}
	if (!any)
		return DB_OK;
	const char *blank[L__MAX] = { "", "", "", "", "" };
	const char **vals = mine ? mine->vals : blank;
	vals[L_VERSION] = s->v[SC_VERSION];	/* another try starts from the record as it is */
	pg_form(c, n, lfields, L__MAX, vals, mine ? mine->errs : NULL);
	return DB_OK;
}

/* The words of a suspension's kind in the history. */
static const char *
kind_words(const char *k)
{
	static const char *const w[][2] = { { "harmful", "有害信息" }, { "ads", "违规广告" },
		{ "vuln", "安全漏洞未整改" }, { "other", "其他" } };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (is(w[i][0], k))
			return w[i][1];
	return k;
}

struct life {
	const char **vals;
	const char *to;
};

static int
life_tx(struct tx *t, void *arg)
{
	struct life *lf = arg;
	struct ctx *c = t->c;
	const char **v = lf->vals, *a = v[L_ACTION], *login = c->acct.login;
	long long id = c->id, ver = atoll(v[L_VERSION]);
	struct site s;
	enum db_rc rc;
	const char *why;

	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	if (!is(s.v[SC_VERSION], v[L_VERSION]) || !may(c, &s, a))
		return 409;	/* the site moved on: another step landed first */
	const char *from = s.v[SC_STATE];
	if (is(a, "suspend")) {
		struct db_val p[] = { DBS(login), DBS(v[L_KIND]), DBS(v[L_REASON]), DBS(login), DBI(id), DBI(ver),
			DBS(wd_today_str(c->ar)) };
		rc = SQL_RUN(c, WS_SQL_SET_SUSPENDED, p, NULL, NULL);
		lf->to = "suspended";
		why = ar_printf(c->ar, "%s：%s", kind_words(v[L_KIND]), v[L_REASON]);
	} else if (is(a, "restore")) {
		struct db_val p[] = { DBS(login), DBS(v[L_NOTE]), DBS(ws_file_by(c)), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_RESTORED, p, NULL, NULL);
		lf->to = *s.v[SC_OPEN_DATE] ? "online" : "discovered";
		why = v[L_NOTE];
	} else {	/* close */
		struct db_val p[] = { DBS(login), DBS(v[L_REASON]), DBS(login), DBI(id), DBI(ver) };
		rc = SQL_RUN(c, WS_SQL_SET_CLOSED, p, NULL, NULL);
		lf->to = "closed";
		why = v[L_REASON];
	}
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if (is(a, "close")) {
		struct db_val q[] = { DBS(login), DBS("网站已关闭"), DBI(id) };
		if ((rc = SQL_RUN(c, WS_SQL_RF_DROP, q, NULL, NULL)) != DB_OK)
			return rc;
	}
	if ((rc = ws_step_add(c, id, from, lf->to, why)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"state\":\"%s\",\"by\":\"", lf->to);
	buf_json(&b, login);
	if (is(a, "suspend"))
		buf_printf(&b, "\",\"kind\":\"%s", v[L_KIND]);
	buf_str(&b, "\",\"reason\":\"");
	buf_json(&b, why);
	buf_str(&b, "\"}");
	ws_tx_done(t, id, a, ws_json(c, &s), buf_cstr(&b));
	return TX_COMMIT;
}

int
ws_life(struct ctx *c)
{
	const char *vals[L__MAX], *errs[L__MAX];
	struct site s;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	size_t bad = valid_form(lfields, L__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[L_ACTION] != NULL)
		return 400;
	const char *a = vals[L_ACTION];
	/* only the centre suspends and restores; the centre or the site's own unit's staff close */
	int role_ok = is(a, "close") ? c->acct.role == ROLE_CENTER || staff(c, &s) : c->acct.role == ROLE_CENTER;
	if (!role_ok)
		return auth_deny(c, "website", c->id);
	if (is(a, "suspend") && !*vals[L_KIND])
		bad += valid_flag(errs, L_KIND, "required");
	if ((is(a, "suspend") || is(a, "close")) && !*vals[L_REASON])
		bad += valid_flag(errs, L_REASON, "required");
	if (is(a, "restore") && !*vals[L_NOTE])
		bad += valid_flag(errs, L_NOTE, "required");
	struct ws_typed ty = { "life", a, vals, errs };
	if (bad)
		return ws_view_page(c, 422, &ty);
	struct life lf = { vals, NULL };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, life_tx, &lf);
	if (st == 409) {
		pg_conflict(c);
		ty.errs = NULL;
		return ws_view_page(c, 409, &ty);
	}
	return st;
}

/* The discovered-unfiled form. */
enum { U_NONCE, U_UNIT, U_DOMAIN, U_NAME, U_NOTE, U__MAX };
static struct vfield ufields[U__MAX];

/* The domain by the filing form's rules (form.c's), the rest its own. */
static const struct vfield *
utable(void)
{
	if (ufields[U_NONCE].key != NULL)
		return ufields;
	ufields[U_NONCE] = (struct vfield){ "nonce", V_TOKEN, 1, TX_NONCE_LEN, NULL };
	ufields[U_UNIT] = (struct vfield){ "unit", V_INT, 1, 10, NULL };
	ufields[U_DOMAIN] = *ws_form_field("domain");
	ufields[U_NAME] = *ws_form_field("name");
	ufields[U_NAME].required = 0;	/* the centre may not know it: the domain until the unit files */
	ufields[U_NOTE] = (struct vfield){ "note", V_MULTILINE, 1, 500, NULL };
	return ufields;
}

struct units {
	struct ctx *c;
	xmlNodePtr parent;
};

static int
unit_row(void *arg, const struct db_row *r)
{
	struct units *u = arg;
	struct ctx *c = u->c;
	xmlNodePtr n = pg_node(u->parent, "unit");
	pg_attr(n, "id", r->v[UN_ID]);
	pg_attr(n, "code", r->v[UN_CODE]);
	xmlNodeAddContent(n, BAD_CAST(c->lang == LANG_EN && *r->v[UN_NAME_EN] ? r->v[UN_NAME_EN] : r->v[UN_NAME]));
	return 0;
}

static int
discover_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[U__MAX] = { "", "", "", "", "" };
	c->view = VIEW(WS_VIEW_DISCOVER);
	struct units u = { c, pg_node(c->data, "units") };
	enum db_rc rc = SQL_RUN0(c, WS_SQL_UNITS, unit_row, &u);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_text(c->data, "file-by", ws_file_by(c));
	pg_attri(pg_node(c->data, "days"), "n", (int)setting_int(c->cfg, "websites.discover_days", 5, 1, 60));
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[U_NONCE] = nonce;
		vals = fresh;
	}
	pg_form(c, c->data, utable(), U__MAX, vals, errs);
	return status;
}

int
ws_discover_form(struct ctx *c)
{
	return discover_page(c, 200, NULL, NULL);
}

struct found {
	const char **vals;
	const char *file_by;
};

static int
discover_tx(struct tx *t, void *arg)
{
	struct found *f = arg;
	struct ctx *c = t->c;
	const char **v = f->vals, *login = c->acct.login;
	const char *name = *v[U_NAME] ? v[U_NAME] : v[U_DOMAIN];
	long long used = 0;
	struct db_val q[] = { DBS(v[U_DOMAIN]), DBI(0), DBS("") };
	enum db_rc rc = SQL_RUN(c, WS_SQL_DOMAIN_USED, q, db_int_row, &used);
	if (rc != DB_OK)
		return rc;
	if (used)
		return 422;	/* a live filing has it */
	struct db_val p[] = { DBI(atoll(v[U_UNIT])), DBS(name), DBS(v[U_DOMAIN]), DBS(wd_today_str(c->ar)), DBS(login),
		DBS(f->file_by), DBS(v[U_NONCE]), DBS(login), DBS(login) };
	rc = SQL_RUN(c, WS_SQL_DISCOVER, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;	/* a domain taken meanwhile: the unique key, 409 */
	long long id = (long long)db_insert_id(c->db);
	if ((rc = ws_step_add(c, id, "", "discovered", v[U_NOTE])) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_printf(&b, "{\"state\":\"discovered\",\"unit\":%lld,\"domain\":\"", atoll(v[U_UNIT]));
	buf_json(&b, v[U_DOMAIN]);
	buf_str(&b, "\",\"file_by\":\"");
	buf_json(&b, f->file_by);
	buf_str(&b, "\",\"note\":\"");
	buf_json(&b, v[U_NOTE]);
	buf_str(&b, "\"}");
	ws_tx_done(t, id, "discover", NULL, buf_cstr(&b));
	return TX_COMMIT;
}

int
ws_discover_save(struct ctx *c)
{
	const char *vals[U__MAX], *errs[U__MAX];
	enum db_rc rc;
	long bad = (long)valid_form(utable(), U__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[U_NONCE] != NULL)
		return 400;	/* not from the form */
	if (errs[U_UNIT] == NULL) {
		long long n = 0;
		struct db_val p[] = { DBI(atoll(vals[U_UNIT])) };
		if ((rc = SQL_RUN(c, WS_SQL_UNIT_OK, p, db_int_row, &n)) != DB_OK)
			return app_dberr(rc);
		if (!n)
			bad += (long)valid_flag(errs, U_UNIT, "web_unit");
	}
	/* the domain's form here; whether a live filing has it, in the transaction: after the nonce's
	 * check, so a double submit goes where the first went */
	if (errs[U_DOMAIN] == NULL) {
		char *d = ar_strdup(c->ar, vals[U_DOMAIN]);
		if (d == NULL || !ws_valid_domain(d))
			bad += (long)valid_flag(errs, U_DOMAIN, "web_domain");
		else
			vals[U_DOMAIN] = d;	/* lowercased: one spelling per domain */
	}
	if (bad)
		return discover_page(c, 422, vals, errs);
	struct found f = { vals, ws_file_by(c) };
	struct tx t = { .c = c, .nonce = vals[U_NONCE] };
	int st = tx_run(&t, discover_tx, &f);
	if (st == 422) {
		errs[U_DOMAIN] = "web_domain_dup";
		return discover_page(c, 422, vals, errs);
	}
	if (st == 409) {
		pg_conflict(c);
		return discover_page(c, 409, vals, NULL);
	}
	return st;
}
