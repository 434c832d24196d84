/*
 * change.c — changing who holds a role.  The form shows the current holder;
 * the POST closes that holder's row and inserts the successor in one
 * transaction with its audit row.  The effective date is when the change
 * happened; the report time is now; the deadline is the effective date plus
 * registration.report_days working days by the calendar, and a report after
 * it is recorded as late.
 *
 * Concurrency: the form carries the current holder's id and version.  If
 * another change landed in between, the close matches no row and the user
 * gets 409 with both the record as it is now and everything they typed.
 * The form's nonce is a unique key: a double submit lands once and the
 * second POST is sent to the same result page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mysqld_error.h>
#include "reg.h"

enum { F_ROLE, F_NAME, F_TITLE, F_OFFICE_PHONE, F_MOBILE, F_EMAIL, F_EFFECTIVE,
	F_CURRENT, F_VERSION, F_NONCE, F__MAX };

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
};

struct current {
	struct ctx *c;
	xmlNodePtr node;	/* <current> holder as the page shows it */
	long long id, version;
	char effective[11];
	const char *field[F__MAX];	/* the row's values by form field, for the prefill */
	struct buf json;	/* the row as the audit's "before" */
};

static int
current_row(void *arg, const struct db_row *r)
{
	struct current *cur = arg;
	cur->id = atoll(r->v[0]);
	cur->version = atoll(r->v[12]);
	snprintf(cur->effective, sizeof(cur->effective), "%s", r->v[7]);
	/* columns 2-6 of REG_HOLDER_SELECT are the form's fields name … email */
	for (int f = F_NAME; f <= F_EMAIL; f++)
		cur->field[f] = ar_strdup(cur->c->ar, r->v[2 + (f - F_NAME)]);
	if (cur->node != NULL) {
		pg_attr(cur->node, "id", r->v[0]);
		pg_attr(cur->node, "version", r->v[12]);
		for (size_t i = 2; i < 8; i++)
			pg_text(cur->node, reg_holder_cols[i], r->v[i]);
	}
	buf_printf(&cur->json, "{\"id\":%lld", cur->id);
	for (size_t i = 1; i < 11; i++) {
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
	return db_run(c->db, lock ? SQL(REG_SQL_CURRENT_LOCK) : SQL(REG_SQL_CURRENT_ROLE),
	    p, 2, current_row, cur);
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
	c->view = "registration/change";
	pg_attr(c->data, "role", role);
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
	if (errs[F_ROLE] == NULL && current_now(c, &cur, vals[F_ROLE]) == DB_LOST)
		return APP_LOST;
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
	const char *role = app_q(c, "role");
	const char *vals[F__MAX] = { 0 };
	char nonce[33], today[11], num[2][24];
	struct current cur;

	fields[F_ROLE].choices = reg_set.role_choices;
	int st = open_unit(c);
	if (st != 200)
		return st;
	if (role == NULL || valid_check(&fields[F_ROLE], role) != NULL)
		role = "first";
	enum db_rc rc = current_now(c, &cur, role);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	app_nonce(nonce);
	wd_format(wd_today(), today);
	snprintf(num[0], sizeof(num[0]), "%lld", cur.id);
	snprintf(num[1], sizeof(num[1]), "%lld", cur.version);
	vals[F_ROLE] = role;
	/* Prefill with the current holder: most changes edit one or two fields. */
	if (cur.id != 0)
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

/* If this form's nonce already landed, the change is done: 303 to its result. */
static int
already_done(struct ctx *c, const char *nonce, int *status)
{
	return app_done_before(c, SQL(REG_SQL_NONCE), nonce, "/registration/", "?saved=1", status);
}

static const char *
after_json(struct ctx *c, const char **v, const char *deadline, int late)
{
	struct buf b;
	static const int keys[] = { F_ROLE, F_NAME, F_TITLE, F_OFFICE_PHONE, F_MOBILE, F_EMAIL, F_EFFECTIVE };
	buf_init(&b, c->ar, 8192);
	buf_printf(&b, "{\"unit_id\":%lld", c->id);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		buf_printf(&b, ",\"%s\":\"", fields[keys[i]].key);
		buf_json(&b, v[keys[i]]);
		buf_str(&b, "\"");
	}
	buf_printf(&b, ",\"deadline\":\"%s\",\"late\":%d}", deadline, late);
	return buf_cstr(&b);
}

/* A lost race: both versions on one page, nothing the user typed dropped. */
static int
conflict(struct ctx *c, const char **vals)
{
	struct current cur;
	int st;
	if (already_done(c, vals[F_NONCE], &st))
		return st;
	enum db_rc rc = current_now(c, &cur, vals[F_ROLE]);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	pg_conflict(c);
	/* Resubmitting this form replaces the record as it is now, not the stale one. */
	vals[F_CURRENT] = ar_printf(c->ar, "%lld", cur.id);
	vals[F_VERSION] = ar_printf(c->ar, "%lld", cur.version);
	return form_page(c, 409, vals[F_ROLE], vals, NULL, &cur);
}

int
reg_change(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	char now[20], deadline[11];
	struct current cur;
	int st;

	fields[F_ROLE].choices = reg_set.role_choices;
	if ((st = open_unit(c)) != 200)
		return st;
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int today = wd_today(), eff = wd_parse(vals[F_EFFECTIVE]);
	if (errs[F_EFFECTIVE] == NULL && eff > today) {
		errs[F_EFFECTIVE] = "future";
		bad++;
	}
	if (bad)
		return invalid(c, vals, errs);
	int tries = 0;
again:
	if (already_done(c, vals[F_NONCE], &st))
		return st;

	enum db_rc rc = db_begin(c->db);
	if (rc != DB_OK)
		return rc == DB_LOST ? APP_LOST : 500;
	cur.node = NULL;
	if ((rc = load_current(c, &cur, vals[F_ROLE], 1)) != DB_OK)
		goto fail;
	if (cur.id != atoll(vals[F_CURRENT]) || cur.version != atoll(vals[F_VERSION])) {
		db_rollback(c->db);
		return conflict(c, vals);
	}
	if (cur.id != 0 && strcmp(vals[F_EFFECTIVE], cur.effective) < 0) {
		db_rollback(c->db);
		errs[F_EFFECTIVE] = "before_current";
		return invalid(c, vals, errs);
	}
	int due = wd_add(c->cal, eff, reg_set.report_days);
	int late = today > due;
	wd_format(due, deadline);
	app_now(now);
	if (cur.id != 0) {
		struct db_val p[] = { DBS(vals[F_EFFECTIVE]), DBS(c->acct.login), DBI(cur.id), DBI(cur.version) };
		if ((rc = db_run(c->db, SQL(REG_SQL_CLOSE), p, 4, NULL, NULL)) != DB_OK)
			goto fail;
		if (db_affected(c->db) != 1) {
			db_rollback(c->db);
			return conflict(c, vals);
		}
	}
	struct db_val ins[] = {
		DBI(c->id), DBS(vals[F_ROLE]), DBS(vals[F_NAME]), DBS(vals[F_TITLE]),
		DBSN(vals[F_OFFICE_PHONE]), DBSN(vals[F_MOBILE]), DBSN(vals[F_EMAIL]),
		DBS(vals[F_EFFECTIVE]), DBS(now), DBS(deadline), DBI(late), DBS(vals[F_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = db_run(c->db, SQL(REG_SQL_INSERT), ins, 14, NULL, NULL)) != DB_OK)
		goto fail;
	long long id = (long long)db_insert_id(c->db);
	if ((rc = audit_write(c, "holder", id, cur.id ? "change" : "register",
	    cur.id ? buf_cstr(&cur.json) : NULL, after_json(c, vals, deadline, late))) != DB_OK)
		goto fail;
	struct db_val unit = DBI(c->id);	/* the list's read model, in the same transaction */
	if ((rc = db_run(c->db, SQL(REG_SQL_SUMMARY), &unit, 1, NULL, NULL)) != DB_OK)
		goto fail;
	if ((rc = db_commit(c->db)) != DB_OK)
		goto fail;
	return app_redirect(c, ar_printf(c->ar, "/registration/%lld?saved=1", c->id));
fail:
	db_rollback(c->db);
	if (rc == DB_LOST)
		return APP_LOST;
	/*
	 * InnoDB picked us as a deadlock victim: the other transaction may not have
	 * committed yet, so run ours again (it then sees the outcome) rather than
	 * calling it a conflict too early.
	 */
	if (db_errno(c->db) == ER_LOCK_DEADLOCK && ++tries < 3)
		goto again;
	/* A duplicate key means a concurrent submit won the race. */
	if (rc == DB_DUP || db_errno(c->db) == ER_LOCK_DEADLOCK || db_errno(c->db) == ER_LOCK_WAIT_TIMEOUT)
		return conflict(c, vals);
	return 500;
}
