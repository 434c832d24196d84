/*
 * change.c — changing who holds a role.  The form shows the current holder;
 * the POST closes that holder's row and inserts the successor in one
 * transaction with its audit row.  The effective date is when the change
 * happened; the report time is now; the deadline is the effective date plus
 * registration.report_days working days by the calendar, or calendar days
 * when registration.report_unit is "days" (seed 003 letter (1): within two
 * days; reg_report_due()), and a report after it is recorded as late.
 *
 * Two kinds, explicit in the form (issue 13): a change of holder (kind
 * successor, the default) starts with empty person fields and shows the
 * previous holder beside them, read only, so nobody files a new person under
 * the old one's phone; a correction (kind correct) of the same holder's
 * details is prefilled, updates that holder's row in place (same term, no
 * new deadline) and is audited as "correct".
 *
 * Concurrency: the form carries the current holder's id and version.  If
 * another change landed in between, the close matches no row and the user
 * gets 409 with both the record as it is now and everything they typed.
 * The form's nonce is taken in the same transaction (tx.h): a double
 * submit lands once and the second POST is sent to the same result page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "reg.h"
#include "resp.h"
#include "tx.h"

enum { F_ROLE, F_NAME, F_TITLE, F_OFFICE_PHONE, F_MOBILE, F_EMAIL, F_EFFECTIVE,
	F_CURRENT, F_VERSION, F_NONCE, F_KIND, F__MAX };

/* The two kinds of change; a form without kind is a change of holder. */
static const char *const kinds[] = { "successor", "correct", NULL };

static struct vfield fields[F__MAX] = {
	[F_ROLE]         = { "role", V_CHOICE, 1, 16, NULL },
	[F_NAME]         = { "name", V_TEXT, 1, 32, NULL },
	[F_TITLE]        = { "title", V_TEXT, 1, 32, NULL },
	[F_OFFICE_PHONE] = { "office_phone", V_PHONE, 0, 24, NULL },
	[F_MOBILE]       = { "mobile", V_MOBILE, 1, 16, NULL },
	[F_EMAIL]        = { "email", V_EMAIL, 1, 100, NULL },
	[F_EFFECTIVE]    = { "effective_date", V_DATE, 1, 10, NULL },
	[F_CURRENT]      = { "current_id", V_INT, 1, 20, NULL },
	[F_VERSION]      = { "version", V_INT, 1, 10, NULL },
	[F_NONCE]        = { "nonce", V_TOKEN, 1, 32, NULL },
	[F_KIND]         = { "kind", V_CHOICE, 0, 12, kinds },
};

static int
is_correct(const char *kind)
{
	return kind != NULL && strcmp(kind, "correct") == 0;
}

struct current {
	struct ctx *c;
	xmlNodePtr node;	/* <current> holder as the page shows it */
	long long id, version;
	char effective[11];
	const char *field[F__MAX];	/* the row's values by form field, for the prefill */
	struct buf json;	/* the row as the audit's "before" */
};

/* The holder columns that are the form's fields, by field. */
static const int field_col[F__MAX] = {
	[F_NAME] = H_NAME, [F_TITLE] = H_TITLE, [F_OFFICE_PHONE] = H_OFFICE_PHONE,
	[F_MOBILE] = H_MOBILE, [F_EMAIL] = H_EMAIL,
};

static int
current_row(void *arg, const struct db_row *r)
{
	struct current *cur = arg;
	cur->id = atoll(r->v[H_ID]);
	cur->version = atoll(r->v[H_VERSION]);
	snprintf(cur->effective, sizeof(cur->effective), "%s", r->v[H_EFFECTIVE]);
	for (int f = F_NAME; f <= F_EMAIL; f++)
		cur->field[f] = ar_strdup(cur->c->ar, r->v[field_col[f]]);
	if (cur->node != NULL) {
		pg_attr(cur->node, "id", r->v[H_ID]);
		pg_attr(cur->node, "version", r->v[H_VERSION]);
		for (size_t i = H_NAME; i <= H_EFFECTIVE; i++)
			pg_text(cur->node, reg_holder_cols[i], r->v[i]);
	}
	buf_printf(&cur->json, "{\"id\":%lld", cur->id);
	for (size_t i = H_ROLE; i <= H_DEADLINE; i++) {
		buf_printf(&cur->json, ",\"%s\":\"", reg_holder_cols[i]);
		buf_json(&cur->json, r->v[i]);
		buf_str(&cur->json, "\"");
	}
	buf_str(&cur->json, "}");
	return 0;
}

/* Reads the current holder of (unit, role), locking it when in a transaction. */
static enum db_rc
load_current(struct ctx *c, struct current *cur, const char *role, int lock)
{
	struct db_val p[] = { DBI(c->id), DBS(role) };
	cur->c = c;
	cur->id = cur->version = 0;
	cur->effective[0] = '\0';
	buf_init(&cur->json, c->ar, 8192);
	return lock ? SQL_RUN(c, REG_SQL_CURRENT_LOCK, p, current_row, cur) :
	    SQL_RUN(c, REG_SQL_CURRENT_ROLE, p, current_row, cur);
}

/*
 * The holder of (unit, role) as the database has it now, as cur->node
 * (<current>), or no node when the role is vacant.  Every form page shows it.
 */
static enum db_rc
current_now(struct ctx *c, struct current *cur, const char *role)
{
	cur->node = xmlNewNode(NULL, BAD_CAST "current");
	enum db_rc rc = load_current(c, cur, role, 0);
	if (rc != DB_OK || cur->id == 0) {
		xmlFreeNode(cur->node);
		cur->node = NULL;
	}
	return rc;
}

static int
form_page(struct ctx *c, int status, const char *role, const char **vals,
    const char **errs, struct current *cur)
{
	c->view = VIEW(REG_VIEW_CHANGE);
	pg_attr(c->data, "role", role);
	pg_attr(c->data, "kind", is_correct(vals[F_KIND]) ? "correct" : "successor");
	if (cur != NULL && cur->node != NULL)
		xmlAddChild(c->data, cur->node);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

/* A 422: the typed values with their errors, beside the record as it is now. */
static int
invalid(struct ctx *c, const char **vals, const char **errs)
{
	struct current cur = { .node = NULL };
	enum db_rc rc = errs[F_ROLE] == NULL ? current_now(c, &cur, vals[F_ROLE]) : DB_OK;
	if (rc != DB_OK)
		return app_dberr(rc);
	return form_page(c, 422, vals[F_ROLE], vals, errs, &cur);
}

/* The checks every change path shares: the unit exists and this account may write it. */
static int
open_unit(struct ctx *c)
{
	if (!auth_unit_write(c, c->id))
		return auth_deny(c, "unit", c->id);
	int st = reg_load_unit(c, c->data, c->id);
	if (st == 200)
		reg_roles_node(c, NULL);
	return st;
}

int
reg_change_form(struct ctx *c)
{
	reg_roles_sync(c->cfg);
	const char *role = ctx_q(c, "role"), *kind = ctx_q(c, "kind");
	const char *vals[F__MAX] = { 0 };
	char nonce[TX_NONCE_LEN + 1], today[11], num[2][24];
	struct current cur;

	fields[F_ROLE].choices = reg_set.role_choices;
	int st = open_unit(c);
	if (st != 200)
		return st;
	if (role == NULL || valid_check(&fields[F_ROLE], role) != NULL)
		role = "first";
	enum db_rc rc = current_now(c, &cur, role);
	if (rc != DB_OK)
		return app_dberr(rc);
	tx_nonce(nonce);
	wd_format(wd_today(), today);
	snprintf(num[0], sizeof(num[0]), "%lld", cur.id);
	snprintf(num[1], sizeof(num[1]), "%lld", cur.version);
	vals[F_ROLE] = role;
	/*
	 * Only a correction of the current holder starts from that holder's
	 * details; a new holder starts empty (the previous one is shown beside).
	 */
	vals[F_KIND] = is_correct(kind) && cur.id != 0 ? "correct" : "successor";
	if (is_correct(vals[F_KIND]))
		for (int f = F_NAME; f <= F_EMAIL; f++)
			vals[f] = cur.field[f];
	vals[F_EFFECTIVE] = today;
	vals[F_CURRENT] = num[0];
	vals[F_VERSION] = num[1];
	vals[F_NONCE] = nonce;
	for (int i = 0; i < F__MAX; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return form_page(c, 200, role, vals, NULL, &cur);
}

static const char *
after_json(struct ctx *c, const char **v, const char *deadline, int late)
{
	struct buf b;
	static const int keys[] = { F_ROLE, F_NAME, F_TITLE, F_OFFICE_PHONE, F_MOBILE, F_EMAIL, F_EFFECTIVE };
	buf_init(&b, c->ar, 8192);
	buf_printf(&b, "{\"unit_id\":%lld", c->id);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		buf_json_field(&b, fields[keys[i]].key, v[keys[i]]);
	}
	buf_printf(&b, ",\"deadline\":\"%s\",\"late\":%d}", deadline, late);
	return buf_cstr(&b);
}

/* A lost race: both versions on one page, nothing the user typed dropped. */
static int
conflict(struct ctx *c, const char **vals)
{
	struct current cur;
	enum db_rc rc = current_now(c, &cur, vals[F_ROLE]);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_conflict(c);
	/* Resubmitting this form replaces the record as it is now, not the stale one. */
	vals[F_CURRENT] = ar_printf(c->ar, "%lld", cur.id);
	vals[F_VERSION] = ar_printf(c->ar, "%lld", cur.version);
	return form_page(c, 409, vals[F_ROLE], vals, NULL, &cur);
}

/*
 * A correction: the current holder's row takes the typed details, same term
 * and deadline.  409 when the row changed (or ended) since the form was shown.
 */
static int
correct_tx(struct tx *t, void *arg)
{
	const char **vals = arg;
	struct ctx *c = t->c;
	struct current cur = { .node = NULL };
	enum db_rc rc;

	if ((rc = load_current(c, &cur, vals[F_ROLE], 1)) != DB_OK)
		return rc;
	if (cur.id == 0 || cur.id != atoll(vals[F_CURRENT]) || cur.version != atoll(vals[F_VERSION]))
		return 409;
	struct db_val p[] = {
		DBS(vals[F_NAME]), DBS(vals[F_TITLE]), DBSN(vals[F_OFFICE_PHONE]), DBSN(vals[F_MOBILE]),
		DBSN(vals[F_EMAIL]), DBS(c->acct.login), DBI(cur.id), DBI(cur.version), DBI(c->id),
	};
	if ((rc = SQL_RUN(c, REG_SQL_CORRECT, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->record = "holder";
	t->id = cur.id;
	t->action = "correct";
	t->before = buf_cstr(&cur.json);
	vals[F_EFFECTIVE] = ar_strdup(c->ar, cur.effective);	/* the term is unchanged */
	t->after = after_json(c, vals, "", 0);
	struct db_val unit[] = { DBI(c->id) };
	if ((rc = SQL_RUN(c, REG_SQL_SUMMARY, unit, NULL, NULL)) != DB_OK)
		return rc;
	t->then = ar_printf(c->ar, "/registration/%lld?saved=1", c->id);
	return TX_COMMIT;
}

/* What the change's transaction needs from the validated form. */
struct change {
	const char **vals;
	int eff, today;
};

/*
 * Closes the current holder's row and inserts the successor, then refreshes
 * the unit's summary row (the list's read model) in the same transaction.
 * 409: another change landed since the form was shown; 422: the effective
 * date is before the current holder's.
 */
static int
change_tx(struct tx *t, void *arg)
{
	struct change *ch = arg;
	struct ctx *c = t->c;
	const char **vals = ch->vals;
	char now[WD_NOW_LEN], deadline[11];
	struct current cur = { .node = NULL };
	enum db_rc rc;

	if ((rc = load_current(c, &cur, vals[F_ROLE], 1)) != DB_OK)
		return rc;
	if (cur.id != atoll(vals[F_CURRENT]) || cur.version != atoll(vals[F_VERSION]))
		return 409;
	if (cur.id != 0 && strcmp(vals[F_EFFECTIVE], cur.effective) < 0)
		return 422;
	int due = reg_report_due(c->cfg, c->cal, ch->eff);
	int late = ch->today > due;
	wd_format(due, deadline);
	wd_now(now);
	if (cur.id != 0) {
		struct db_val p[] = { DBS(vals[F_EFFECTIVE]), DBS(c->acct.login), DBI(cur.id), DBI(cur.version) };
		if ((rc = SQL_RUN(c, REG_SQL_CLOSE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
	}
	struct db_val ins[] = {
		DBI(c->id), DBS(vals[F_ROLE]), DBS(vals[F_NAME]), DBS(vals[F_TITLE]),
		DBSN(vals[F_OFFICE_PHONE]), DBSN(vals[F_MOBILE]), DBSN(vals[F_EMAIL]),
		DBS(vals[F_EFFECTIVE]), DBS(now), DBS(deadline), DBI(late), DBS(vals[F_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, REG_SQL_INSERT, ins, NULL, NULL)) != DB_OK)
		return rc;
	t->record = "holder";
	t->id = (long long)db_insert_id(c->db);
	t->action = cur.id ? "change" : "register";
	t->before = cur.id ? buf_cstr(&cur.json) : NULL;
	t->after = after_json(c, vals, deadline, late);
	struct db_val unit[] = { DBI(c->id) };
	if ((rc = SQL_RUN(c, REG_SQL_SUMMARY, unit, NULL, NULL)) != DB_OK)
		return rc;
	t->then = ar_printf(c->ar, "/registration/%lld?saved=1", c->id);
	return TX_COMMIT;
}

int
reg_change(struct ctx *c)
{
	reg_roles_sync(c->cfg);
	const char *vals[F__MAX], *errs[F__MAX];
	int st;

	fields[F_ROLE].choices = reg_set.role_choices;
	if ((st = open_unit(c)) != 200)
		return st;
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	struct change ch = { vals, wd_parse(vals[F_EFFECTIVE]), wd_today() };
	if (errs[F_EFFECTIVE] == NULL && ch.eff > ch.today) {
		errs[F_EFFECTIVE] = "future";
		bad++;
	}
	if (bad)
		return invalid(c, vals, errs);
	struct tx t = { .c = c, .nonce = vals[F_NONCE] };
	if (is_correct(vals[F_KIND])) {
		struct current cur = { .node = NULL };
		enum db_rc rc = load_current(c, &cur, vals[F_ROLE], 0);
		if (rc != DB_OK)
			return app_dberr(rc);
		if (cur.id == 0) {
			errs[F_KIND] = "correct_vacant";
			return invalid(c, vals, errs);
		}
		st = tx_run(&t, correct_tx, (void *)vals);
		return st == 409 ? conflict(c, vals) : st;
	}
	st = tx_run(&t, change_tx, &ch);
	if (st == 409)
		return conflict(c, vals);
	if (st == 422) {
		errs[F_EFFECTIVE] = "before_current";
		return invalid(c, vals, errs);
	}
	return st;
}
