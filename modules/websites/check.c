/*
 * check.c — the centre's security check of a filing (issue 12, "The flow";
 * seed 003 appendices 3-5, art. 24-27): POST {id}/check and the unit's
 * request for a re-check, POST {id}/recheck.
 *
 *   check    the centre, from approved or recheck, only while the unit holds
 *            a current website letter (else 422 with the gate's message):
 *            every active checklist item answered pass or fail (a failed one
 *            with a note), 0..WS_CHECK_FINDINGS findings (severity,
 *            description, fix-by ≥ today) and the result.  A failed check
 *            has a failed item or a finding; a passed one has neither (a
 *            check that found something to fix did not pass).  Passed →
 *            passed (site.c's open takes it online), failed → rectifying.
 *   recheck  the unit's staff, from rectifying, with a note of what was
 *            fixed: the site's open findings are marked fixed with that
 *            note, and the site waits for the next round (recheck).
 *
 * One transaction each: the check row (round = the last + 1, UNIQUE
 * (site_id, round): of two checks at once one lands, the other is 409), its
 * results and findings, the UPDATE of web_site from the version and state
 * the page showed, a web_site_step row and the audit.  A nonce makes a
 * double submit one check.  Every round stays on the site page with its
 * items and findings; open findings past fix-by are marked.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "websites.h"

/* The check form: fixed fields, then the finding rows, then two per item. */
enum { K_VERSION, K_NONCE, K_RESULT, K_NOTE, K_FINDINGS };
#define K_ROW(i) (K_FINDINGS + 3 * (i))
#define K_ITEMS K_ROW(WS_CHECK_FINDINGS)
#define K_MAX (K_ITEMS + 2 * WS_CHECK_ITEMS)

static const char *const results[] = { "passed", "failed", NULL };
static const char *const answers[] = { "pass", "fail", NULL };
static const char *const severities[] = { "low", "medium", "high", "critical", NULL };

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* The active checklist, in its order. */
struct items {
	struct ctx *c;
	size_t n;
	long long id[WS_CHECK_ITEMS];
	const char *code[WS_CHECK_ITEMS], *name[WS_CHECK_ITEMS], *name_en[WS_CHECK_ITEMS];
};

static int
item_row(void *arg, const struct db_row *r)
{
	struct items *it = arg;
	if (it->n == WS_CHECK_ITEMS)
		return 1;	/* the catalogue keeps the count under the bound */
	it->id[it->n] = atoll(r->v[IT_ID]);
	it->code[it->n] = ar_strdup(it->c->ar, r->v[IT_CODE]);
	it->name[it->n] = ar_strdup(it->c->ar, r->v[IT_NAME]);
	it->name_en[it->n] = ar_strdup(it->c->ar, r->v[IT_NAME_EN]);
	it->n++;
	return 0;
}

static enum db_rc
load_items(struct ctx *c, struct items *it)
{
	memset(it, 0, sizeof(*it));
	it->c = c;
	return SQL_RUN0(c, WS_SQL_CK_ITEMS, item_row, it);
}

/* The form's field table for these items (in the arena): K_ITEMS + 2n fields. */
static struct vfield *
table(struct ctx *c, const struct items *it, size_t *n)
{
	struct vfield *t = ar_alloc(c->ar, sizeof(*t) * K_MAX);
	if (t == NULL)
		return NULL;
	t[K_VERSION] = (struct vfield){ "version", V_INT, 1, 10, NULL };
	t[K_NONCE] = (struct vfield){ "nonce", V_TOKEN, 1, 32, NULL };
	t[K_RESULT] = (struct vfield){ "result", V_CHOICE, 1, 8, results };
	t[K_NOTE] = (struct vfield){ "note", V_MULTILINE, 0, 500, NULL };
	for (int i = 0; i < WS_CHECK_FINDINGS; i++) {
		t[K_ROW(i)] = (struct vfield){ ar_printf(c->ar, "severity%d", i + 1), V_CHOICE, 0, 8, severities };
		t[K_ROW(i) + 1] = (struct vfield){ ar_printf(c->ar, "finding%d", i + 1), V_MULTILINE, 0, 500, NULL };
		t[K_ROW(i) + 2] = (struct vfield){ ar_printf(c->ar, "fix_by%d", i + 1), V_DATE, 0, 10, NULL };
	}
	for (size_t i = 0; i < it->n; i++) {
		t[K_ITEMS + 2 * i] = (struct vfield){ ar_printf(c->ar, "item%lld", it->id[i]), V_CHOICE, 1, 4, answers };
		t[K_ITEMS + 2 * i + 1] = (struct vfield){ ar_printf(c->ar, "inote%lld", it->id[i]), V_MULTILINE, 0, 500,
			NULL };
	}
	*n = K_ITEMS + 2 * it->n;
	return t;
}

/* May this account check the site, or ask for its re-check, as it is? */
static int
may_check(const struct ctx *c, const struct site *s)
{
	const char *st = s->v[SC_STATE];
	return c->acct.role == ROLE_CENTER && (is(st, "approved") || is(st, "recheck"));
}

static int
unit_staff(struct ctx *c, const struct site *s)
{
	return (c->acct.role & ROLES_UNIT) && auth_unit_write(c, atoll(s->v[SC_UNIT_ID]));
}

static int
may_recheck(struct ctx *c, const struct site *s)
{
	return unit_staff(c, s) && is(s->v[SC_STATE], "rectifying");
}

/* The rounds under <checks>: <check id round login at result><note/><item …/>…<finding …/>…</check>. */
struct rounds {
	struct ctx *c;
	size_t n;
	long long id[100];
	xmlNodePtr node[100];
};

static xmlNodePtr
round_of(struct rounds *rd, const char *check)
{
	long long id = atoll(check);
	for (size_t i = 0; i < rd->n; i++)
		if (rd->id[i] == id)
			return rd->node[i];
	return NULL;
}

struct parent {
	struct rounds *rd;
	xmlNodePtr checks;
};

static int
round_row(void *arg, const struct db_row *r)
{
	struct parent *p = arg;
	struct rounds *rd = p->rd;
	if (rd->n == sizeof(rd->id) / sizeof(rd->id[0]))
		return 1;
	xmlNodePtr n = pg_node(p->checks, "check");
	pg_attr(n, "id", r->v[CK_ID]);
	pg_attr(n, "round", r->v[CK_ROUND]);
	pg_attr(n, "login", r->v[CK_LOGIN]);
	pg_attr(n, "at", r->v[CK_AT]);
	pg_attr(n, "result", r->v[CK_RESULT]);
	pg_text(n, "note", r->v[CK_NOTE]);
	rd->id[rd->n] = atoll(r->v[CK_ID]);
	rd->node[rd->n++] = n;
	return 0;
}

static int
result_row(void *arg, const struct db_row *r)
{
	struct rounds *rd = arg;
	xmlNodePtr parent = round_of(rd, r->v[RS_CHECK]);
	if (parent == NULL)
		return 0;
	xmlNodePtr n = pg_node(parent, "item");
	pg_attr(n, "code", r->v[RS_CODE]);
	pg_attr(n, "result", r->v[RS_RESULT]);
	pg_text(n, "name", rd->c->lang == LANG_EN && *r->v[RS_NAME_EN] ? r->v[RS_NAME_EN] : r->v[RS_NAME]);
	pg_text(n, "note", r->v[RS_NOTE]);
	return 0;
}

static int
finding_row(void *arg, const struct db_row *r)
{
	struct rounds *rd = arg;
	xmlNodePtr parent = round_of(rd, r->v[FD_CHECK]);
	if (parent == NULL)
		return 0;
	xmlNodePtr n = pg_node(parent, "finding");
	pg_attr(n, "id", r->v[FD_ID]);
	pg_attr(n, "severity", r->v[FD_SEVERITY]);
	pg_attr(n, "fix-by", r->v[FD_FIX_BY]);
	if (*r->v[FD_FIXED_AT]) {
		pg_attr(n, "fixed-at", r->v[FD_FIXED_AT]);
		pg_attr(n, "fixed-by", r->v[FD_FIXED_BY]);
	}
	if (is(r->v[FD_OVERDUE], "1"))
		pg_attr(n, "overdue", "1");
	pg_text(n, "description", r->v[FD_DESC]);
	pg_text(n, "fixed-note", r->v[FD_FIXED_NOTE]);
	return 0;
}

/* The recheck form. */
enum { Q_VERSION, Q_NOTE, Q__MAX };
static const struct vfield qfields[Q__MAX] = {
	[Q_VERSION] = { "version", V_INT, 1, 10, NULL },
	[Q_NOTE]    = { "note", V_MULTILINE, 1, 500, NULL },
};

enum db_rc
ws_check_node(struct ctx *c, const struct site *s, xmlNodePtr actions, const struct ws_typed *ty)
{
	enum db_rc rc;
	struct db_val p[] = { DBS(wd_today_str(c->ar)), DBI(atoll(s->v[SC_ID])) }, q[] = { DBI(atoll(s->v[SC_ID])) };
	struct rounds rd = { .c = c };
	struct parent pa = { &rd, pg_node(c->data, "checks") };
	if ((rc = SQL_RUN(c, WS_SQL_CK_LIST, q, round_row, &pa)) != DB_OK ||
	    (rc = SQL_RUN(c, WS_SQL_CK_RESULTS, q, result_row, &rd)) != DB_OK ||
	    (rc = SQL_RUN(c, WS_SQL_CK_FINDINGS, p, finding_row, &rd)) != DB_OK)
		return rc;
	if (may_check(c, s)) {
		pg_attr(pg_node(actions, "action"), "name", "check");
		struct items it;
		size_t n;
		if ((rc = load_items(c, &it)) != DB_OK)
			return rc;
		const struct vfield *t = table(c, &it, &n);
		if (t == NULL)
			return DB_ERR;
		xmlNodePtr f = pg_node(c->data, "checking");
		for (size_t i = 0; i < it.n; i++) {
			xmlNodePtr in = pg_node(f, "item");
			pg_attri(in, "id", it.id[i]);
			pg_attr(in, "code", it.code[i]);
			pg_text(in, "name", c->lang == LANG_EN && *it.name_en[i] ? it.name_en[i] : it.name[i]);
		}
		const struct ws_typed *mine = ws_typed_for(ty, "check");
		const char **vals = mine ? mine->vals : ar_alloc(c->ar, sizeof(*vals) * K_MAX);
		if (vals == NULL)
			return DB_ERR;
		if (mine == NULL) {
			char *nonce = ar_alloc(c->ar, TX_NONCE_LEN + 1);
			if (nonce == NULL)
				return DB_ERR;
			tx_nonce(nonce);
			for (size_t i = 0; i < K_MAX; i++)
				vals[i] = "";
			vals[K_NONCE] = nonce;
		}
		vals[K_VERSION] = s->v[SC_VERSION];	/* another try starts from the record as it is */
		pg_form(c, f, t, n, vals, mine ? mine->errs : NULL);
	}
	if (may_recheck(c, s)) {
		pg_attr(pg_node(actions, "action"), "name", "recheck");
		const struct ws_typed *mine = ws_typed_for(ty, "recheck");
		const char *blank[Q__MAX] = { "", "" };
		const char **vals = mine ? mine->vals : blank;
		vals[Q_VERSION] = s->v[SC_VERSION];
		pg_form(c, pg_node(c->data, "recheck"), qfields, Q__MAX, vals, mine ? mine->errs : NULL);
	}
	return DB_OK;
}

/* What the check's transaction needs. */
struct check {
	const char **vals;
	const struct items *it;
	const char *code;	/* a 422's message code (the gate) */
	const char *to;
};

static const char *
check_json(struct ctx *c, const struct check *ck, long long round)
{
	const char **v = ck->vals;
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_printf(&b, "{\"state\":\"%s\",\"round\":%lld,\"result\":\"%s\",\"note\":\"", ck->to, round, v[K_RESULT]);
	buf_json(&b, v[K_NOTE]);
	buf_str(&b, "\",\"items\":{");
	for (size_t i = 0; i < ck->it->n; i++) {
		buf_printf(&b, "%s\"", i ? "," : "");
		buf_json(&b, ck->it->code[i]);
		buf_printf(&b, "\":{\"result\":\"%s\",\"note\":\"", v[K_ITEMS + 2 * i]);
		buf_json(&b, v[K_ITEMS + 2 * i + 1]);
		buf_str(&b, "\"}");
	}
	buf_str(&b, "},\"findings\":[");
	int first = 1;
	for (int i = 0; i < WS_CHECK_FINDINGS; i++) {
		if (!*v[K_ROW(i)])
			continue;
		buf_printf(&b, "%s{\"severity\":\"%s\",\"fix_by\":\"%s\",\"description\":\"", first ? "" : ",",
		    v[K_ROW(i)], v[K_ROW(i) + 2]);
		buf_json(&b, v[K_ROW(i) + 1]);
		buf_str(&b, "\"}");
		first = 0;
	}
	buf_str(&b, "]}");
	return buf_cstr(&b);
}

static int
check_tx(struct tx *t, void *arg)
{
	struct check *ck = arg;
	struct ctx *c = t->c;
	const char **v = ck->vals, *login = c->acct.login;
	long long id = c->id, ver = atoll(v[K_VERSION]), round = 0;
	struct site s;
	enum db_rc rc;

	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	if (!is(s.v[SC_VERSION], v[K_VERSION]) || !may_check(c, &s))
		return 409;	/* another check, or another step, landed first */
	long long unit = atoll(s.v[SC_UNIT_ID]);
	int has = ws_has_letter(c, unit, &rc);
	if (has < 0)
		return rc;
	if (!has) {
		ck->code = "web_gate";
		return 422;
	}
	struct db_val r[] = { DBI(id) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_ROUND, r, db_int_row, &round)) != DB_OK)
		return rc;
	round++;
	struct db_val a[] = { DBI(id), DBI(round), DBS(login), DBS(v[K_RESULT]), DBS(v[K_NOTE]), DBS(v[K_NONCE]) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_ADD, a, NULL, NULL)) != DB_OK)
		return rc;	/* a duplicate (site, round): the other check landed; tx_run answers 409 */
	long long check = (long long)db_insert_id(c->db);
	for (size_t i = 0; i < ck->it->n; i++) {
		struct db_val q[] = { DBI(check), DBI(ck->it->id[i]), DBS(v[K_ITEMS + 2 * i]),
			DBS(v[K_ITEMS + 2 * i + 1]) };
		if ((rc = SQL_RUN(c, WS_SQL_CK_RESULT_ADD, q, NULL, NULL)) != DB_OK)
			return rc;
	}
	for (int i = 0; i < WS_CHECK_FINDINGS; i++) {
		if (!*v[K_ROW(i)])
			continue;
		struct db_val q[] = { DBI(check), DBI(id), DBI(unit), DBS(v[K_ROW(i)]), DBS(v[K_ROW(i) + 1]),
			DBS(v[K_ROW(i) + 2]) };
		if ((rc = SQL_RUN(c, WS_SQL_CK_FINDING_ADD, q, NULL, NULL)) != DB_OK)
			return rc;
	}
	ck->to = is(v[K_RESULT], "passed") ? "passed" : "rectifying";
	struct db_val u[] = { DBS(ck->to), DBS(login), DBI(id), DBI(ver) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_SET, u, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	const char *why = ar_printf(c->ar, "%s #%lld%s%s", is(ck->to, "passed") ? "安全检查通过" : "安全检查未通过",
	    round, *v[K_NOTE] ? "：" : "", v[K_NOTE]);
	if ((rc = ws_step_add(c, id, s.v[SC_STATE], ck->to, why)) != DB_OK)
		return rc;
	ws_tx_done(t, id, "check", ws_json(c, &s), check_json(c, ck, round));
	return TX_COMMIT;
}

/* The form's own rules: the count of errors. */
static size_t
check_rules(struct ctx *c, const struct items *it, const char **v, const char **e)
{
	size_t bad = 0, failed = 0, findings = 0;
	for (size_t i = 0; i < it->n; i++) {
		const char *ans = v[K_ITEMS + 2 * i];
		if (is(ans, "fail")) {
			failed++;
			if (!*v[K_ITEMS + 2 * i + 1])
				bad += valid_flag(e, (int)(K_ITEMS + 2 * i + 1), "web_check_note");
			else if (is(v[K_RESULT], "passed"))
				bad += valid_flag(e, (int)(K_ITEMS + 2 * i), "web_check_pass_failed");
		}
	}
	for (int i = 0; i < WS_CHECK_FINDINGS; i++) {
		const char **row = v + K_ROW(i);
		if (!*row[0] && !*row[1] && !*row[2])
			continue;
		findings++;
		if (!*row[0])
			bad += valid_flag(e, K_ROW(i), "required");
		if (!*row[1])
			bad += valid_flag(e, K_ROW(i) + 1, "required");
		if (!*row[2])
			bad += valid_flag(e, K_ROW(i) + 2, "required");
		else if (strcmp(row[2], wd_today_str(c->ar)) < 0)
			bad += valid_flag(e, K_ROW(i) + 2, "web_fix_by_past");
	}
	if (is(v[K_RESULT], "failed") && failed == 0 && findings == 0)
		bad += valid_flag(e, K_RESULT, "web_check_nothing_failed");
	if (is(v[K_RESULT], "passed") && (failed || findings))
		bad += valid_flag(e, K_RESULT, failed ? "web_check_pass_failed" : "web_check_pass_finding");
	return bad;
}

int
ws_check(struct ctx *c)
{
	struct site s;
	struct items it;
	size_t n;
	enum db_rc rc;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	if (c->acct.role != ROLE_CENTER)
		return auth_deny(c, "website", c->id);	/* only the centre checks: audited */
	if ((rc = load_items(c, &it)) != DB_OK)
		return app_dberr(rc);
	const struct vfield *t = table(c, &it, &n);
	const char **vals = ar_alloc(c->ar, sizeof(*vals) * K_MAX), **errs = ar_alloc(c->ar, sizeof(*errs) * K_MAX);
	if (t == NULL || vals == NULL || errs == NULL)
		return 500;
	for (size_t i = 0; i < K_MAX; i++) {
		vals[i] = "";
		errs[i] = NULL;
	}
	size_t bad = valid_form(t, n, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[K_VERSION] != NULL || errs[K_NONCE] != NULL)
		return 400;
	bad += check_rules(c, &it, vals, errs);
	struct ws_typed ty = { "check", "check", vals, errs };
	if (!bad) {
		/* the gate, said before anything is written (the transaction checks again) */
		int has = ws_has_letter(c, atoll(s.v[SC_UNIT_ID]), &rc);
		if (has < 0)
			return app_dberr(rc);
		if (!has) {
			pg_msg(c, "", "web_gate");
			return ws_view_page(c, 422, &ty);
		}
	}
	if (bad)
		return ws_view_page(c, 422, &ty);
	struct check ck = { vals, &it, NULL, NULL };
	struct tx tx = { .c = c, .nonce = vals[K_NONCE] };
	st = tx_run(&tx, check_tx, &ck);
	if (st == 409) {
		pg_conflict(c);
		ty.errs = NULL;
		return ws_view_page(c, 409, &ty);
	}
	if (st == 422) {
		pg_msg(c, "", ck.code);
		return ws_view_page(c, 422, &ty);
	}
	return st;
}

static int
recheck_tx(struct tx *t, void *arg)
{
	const char **v = arg, *login = t->c->acct.login;
	struct ctx *c = t->c;
	long long id = c->id, ver = atoll(v[Q_VERSION]);
	struct site s;
	enum db_rc rc;
	if ((rc = ws_load(c, id, &s, 1)) != DB_OK)
		return rc;
	if (s.n == 0)
		return 404;
	if (!is(s.v[SC_VERSION], v[Q_VERSION]) || !may_recheck(c, &s))
		return 409;
	struct db_val u[] = { DBS(login), DBI(id), DBI(ver) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_RECHECK, u, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	/* the unit says what it fixed: the open findings carry its note */
	struct db_val f[] = { DBS(login), DBS(v[Q_NOTE]), DBI(id) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_FIXED, f, NULL, NULL)) != DB_OK ||
	    (rc = ws_step_add(c, id, "rectifying", "recheck", v[Q_NOTE])) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{\"state\":\"recheck\",\"by\":\"");
	buf_json(&b, login);
	buf_str(&b, "\",\"note\":\"");
	buf_json(&b, v[Q_NOTE]);
	buf_str(&b, "\"}");
	ws_tx_done(t, id, "recheck", ws_json(c, &s), buf_cstr(&b));
	return TX_COMMIT;
}

int
ws_recheck(struct ctx *c)
{
	const char *vals[Q__MAX], *errs[Q__MAX];
	struct site s;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	if (!unit_staff(c, &s))
		return auth_deny(c, "website", c->id);	/* the unit's own staff ask: audited */
	size_t bad = valid_form(qfields, Q__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[Q_VERSION] != NULL)
		return 400;
	struct ws_typed ty = { "recheck", "recheck", vals, errs };
	if (bad)
		return ws_view_page(c, 422, &ty);
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, recheck_tx, vals);
	if (st == 409) {
		pg_conflict(c);
		ty.errs = NULL;
		return ws_view_page(c, 409, &ty);
	}
	return st;
}
