/*
 * notice.c — threat notices (安全威胁通报, seed 000 §4(3)1): the office
 * registers a notice from an upstream platform (its source, number, when it
 * was received, the unit and system concerned, what it says) and so
 * assigns it to the unit; it is due at the end of the 10th working day
 * (incidents.notice_workdays, the calendar's) after the day it came.  The
 * unit submits its handling result with the report (a file); the office
 * accepts it, or returns it with a reason and the unit answers again.  The
 * deadline stays the one the notice came with.
 *
 * Lists: ?status=open (not accepted, by due date; the default), overdue
 * (the unit's turn and past due), all (newest first), each with a search,
 * sorts, the office's ?unit=ID and CSV/XLSX exports (inc_notices below).  A unit's staff see
 * their unit's.  Timing of a notice: pending or overdue while it is the
 * unit's turn, on_time or late by the last response once there is one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "setting.h"
#include "incidents.h"
#include "listq.h"
#include "sheet.h"
#include "unitpick.h"
#include "tx.h"

static const char *const attr_name[inc_notice_col__MAX] = {
	[NC_ID] = "id", [NC_UNIT_ID] = "unit-id", [NC_UNIT_CODE] = "unit-code",
	[NC_SYSTEM_ID] = "system-id", [NC_NO] = "notice-no", [NC_RECEIVED] = "received",
	[NC_DUE] = "due", [NC_STATUS] = "status", [NC_RESPONDED] = "responded",
	[NC_ACCEPTED] = "accepted", [NC_VERSION] = "version", [NC_CREATED_AT] = "created",
	[NC_CREATED_BY] = "created-by",
};

/* The register form. */
enum { N_UNIT, N_SYSTEM, N_SOURCE, N_NO, N_RECEIVED, N_DESCRIPTION, N_NONCE, N__MAX };
static const struct vfield nfields[N__MAX] = {
	[N_UNIT]        = { "assignee", V_TOKEN, 1, 32, NULL },
	[N_SYSTEM]      = { "system_id", V_INT, 0, 10, NULL },
	[N_SOURCE]      = { "source", V_TEXT, 1, 64, NULL },
	[N_NO]          = { "notice_no", V_TEXT, 1, 64, NULL },
	[N_RECEIVED]    = { "received_at", V_TEXT, 1, 19, NULL },
	[N_DESCRIPTION] = { "description", V_MULTILINE, 1, INC_TEXT_MAX, NULL },
	[N_NONCE]       = { "nonce", V_TOKEN, 1, 32, NULL },
};

/* The forms on a notice's page: the unit's response, the office's decision. */
enum { R_RESULT, R_REASON, R_VERSION, R_NONCE, R__MAX };
static const struct vfield rfields[R__MAX] = {
	[R_RESULT]  = { "result", V_MULTILINE, 0, INC_TEXT_MAX, NULL },
	[R_REASON]  = { "reason", V_MULTILINE, 0, 1000, NULL },
	[R_VERSION] = { "version", V_INT, 0, 10, NULL },
	[R_NONCE]   = { "nonce", V_TOKEN, 0, 32, NULL },
};

static const char *const status_choices[] = { "open", "overdue", "all", NULL };

/* A notice as it is, its columns copied into the request's arena. */
struct notice {
	struct ctx *c;
	const char *v[inc_notice_col__MAX];
	long long id, unit_id, version;
};

/* The unit's turn: the notice came to it, or its response came back. */
static int
turn(const char *const *v)
{
	return !strcmp(v[NC_STATUS], "assigned") || !strcmp(v[NC_STATUS], "returned");
}

const char *
inc_notice_timing(const char *const *v, long now)
{
	long due = inc_time(v[NC_DUE]);
	if (turn(v))
		return now <= due ? "pending" : "overdue";
	return inc_time(v[NC_RESPONDED]) <= due ? "on_time" : "late";
}

static xmlNodePtr
notice_node(struct ctx *c, xmlNodePtr parent, const char *const *v, long now)
{
	xmlNodePtr n = pg_node(parent, "notice");
	for (int k = 0; k < inc_notice_col__MAX; k++)
		if (attr_name[k] != NULL && *v[k])
			pg_attr(n, attr_name[k], v[k]);
	pg_attr(n, "timing", inc_notice_timing(v, now));
	pg_attri(n, "left", inc_time(v[NC_DUE]) - now);
	pg_text(n, "unit", inc_unit_name(c, v[NC_UNIT_NAME], v[NC_UNIT_NAME_EN]));
	pg_text(n, "system", v[NC_SYSTEM]);
	pg_text(n, "source", v[NC_SOURCE]);
	pg_text(n, "description", v[NC_DESCRIPTION]);
	return n;
}

/*
 * The everyday tools (core/listq.h): ?q= (a prefix of the notice number,
 * the description, the unit's code or name), ?sort=due|received|id with
 * ?dir=, keyset pages ?at=&after=, ?format=csv|xlsx (core/sheet.h), and the
 * office's ?unit=ID.  The open and overdue lists come by due date first,
 * every notice newest first: one definition each, sharing the statements.
 */
static const struct lq_col due_cols[] = { { "due", LQ_STR, 0 }, { "received", LQ_STR, 0 }, { "id", LQ_INT, 1 } };
static const struct lq_def due_def = { due_cols, APP_COUNT(due_cols), 0, LQ_INT };
static const int due_stmt[] = {
	INC_SQL_NLQ_DUE_ASC, INC_SQL_NLQ_DUE_DESC, INC_SQL_NLQ_RECEIVED_ASC, INC_SQL_NLQ_RECEIVED_DESC,
	INC_SQL_NLQ_ID_ASC, INC_SQL_NLQ_ID_DESC,
};
static const int due_key[] = { NC_DUE, NC_RECEIVED, NC_ID };
static const struct lq_col all_cols[] = { { "id", LQ_INT, 1 }, { "due", LQ_STR, 0 }, { "received", LQ_STR, 0 } };
static const struct lq_def all_def = { all_cols, APP_COUNT(all_cols), 1, LQ_INT };
static const int all_stmt[] = {
	INC_SQL_NLQ_ID_ASC, INC_SQL_NLQ_ID_DESC, INC_SQL_NLQ_DUE_ASC, INC_SQL_NLQ_DUE_DESC,
	INC_SQL_NLQ_RECEIVED_ASC, INC_SQL_NLQ_RECEIVED_DESC,
};
static const int all_key[] = { NC_ID, NC_DUE, NC_RECEIVED };

/* The export's columns, as the list shows them. */
static const char *const sheet_keys[] = {
	"field.notice_no", "field.source", "sheet.reg.code", "field.assignee", "field.description",
	"field.received_at", "incnotice.col_due", "inc.col_status", "sheet.inc.timing",
};

static void
sheet_put(struct inc_rows *l, const char *const *v)
{
	enum lang g = l->c->lang;
	char status[32], timing[32];
	snprintf(status, sizeof(status), "ncstatus.%s", v[NC_STATUS]);
	snprintf(timing, sizeof(timing), "incclass.%s", inc_notice_timing(v, l->now));
	const char *row[] = {
		v[NC_NO], v[NC_SOURCE], v[NC_UNIT_CODE], inc_unit_name(l->c, v[NC_UNIT_NAME], v[NC_UNIT_NAME_EN]),
		v[NC_DESCRIPTION], v[NC_RECEIVED], v[NC_DUE], sheet_title(g, status), sheet_title(g, timing),
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(l->sheet, row);
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct inc_rows *l = arg;
	if (l->sheet != NULL) {
		sheet_put(l, r->v);
		return 0;
	}
	if (l->n++ == INC_PAGE_ROWS)
		return 1;
	notice_node(l->c, l->parent, r->v, l->now);
	l->last_key = ar_strdup(l->c->ar, r->v[l->key_col]);
	l->last_id = atoll(r->v[NC_ID]);
	return 0;
}

int
inc_notices(struct ctx *c)
{
	static const struct vfield fs = { "status", V_CHOICE, 0, 8, status_choices };
	const char *status = ctx_q(c, "status");
	long long unit;
	char now[20];
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);

	c->view = VIEW(INC_VIEW_NOTICES);
	if (status == NULL || *status == '\0' || valid_check(&fs, status) != NULL)
		status = "open";
	int all = strcmp(status, "all") == 0;
	const struct lq_def *def = all ? &all_def : &due_def;
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "status", status);
	if (exp < 0)
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, def, &lq)) != 0 || (st = inc_list_unit(c, f, &unit)) != 0)
		return st;
	lq_node(c, f, &lq, def);
	struct inc_rows l = { c, pg_node(c->data, "notices"), 0, inc_now(), NULL, 0, NULL,
		(all ? all_key : due_key)[lq.sort], unit };
	inc_time_format(l.now, now);
	struct db_val p[] = { DBS(status), DBS(status), DBS(status), DBS(now), DBI(unit), DBI(unit),
		DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after), DBS(lq.q), DBS(lq.like), DBS(lq.like),
		DBS(lq.like), DBS(lq.like), DBS(lq.like), DBI(exp ? 0x7fffffffffffLL : INC_PAGE_ROWS + 1) };
	_Static_assert(DB_NARGS(p) == INC_SQL_NLQ_DUE_ASC__NP, "the listq statements' parameters");
	int id = SQL((all ? all_stmt : due_stmt)[lq_variant(&lq)]);
	if (exp)
		return sheet_run(c, fmt, "notices", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p,
		    DB_NARGS(p), list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_lq(&l, &lq);
	return 200;
}

static int
notice_row(void *arg, const struct db_row *r)
{
	struct notice *n = arg;
	for (int k = 0; k < inc_notice_col__MAX; k++) {	/* INC_NOTICE_COLS: n->v's order */
		const char *s = ar_strdup(n->c->ar, r->v[k]);
		n->v[k] = s != NULL ? s : "";
	}
	n->id = atoll(r->v[NC_ID]);
	n->unit_id = atoll(r->v[NC_UNIT_ID]);
	n->version = atoll(r->v[NC_VERSION]);
	return 0;
}

/* Notice id (the row locked first when lock is set); n->id is 0 when there is none. */
static enum db_rc
load(struct ctx *c, long long id, struct notice *n, int lock)
{
	struct db_val p[] = { DBI(id) };
	enum db_rc rc;
	memset(n, 0, sizeof(*n));
	n->c = c;
	if (lock && (rc = SQL_RUN(c, INC_SQL_NOTICE_LOCK, p, NULL, NULL)) != DB_OK)
		return rc;
	return SQL_RUN(c, INC_SQL_NOTICE, p, notice_row, n);
}

static int
response_row(void *arg, const struct db_row *r)
{
	static const char *const names[inc_response_col__MAX] = {
		[RC_ID] = "id", [RC_FILE_ID] = "file-id", [RC_MIME] = "mime", [RC_SIZE] = "size",
		[RC_SHA256] = "sha256", [RC_SUBMITTED_AT] = "submitted", [RC_SUBMITTED_BY] = "by",
		[RC_DECISION] = "decision", [RC_DECIDED_AT] = "decided", [RC_DECIDED_BY] = "decided-by",
	};
	xmlNodePtr e = pg_node(arg, "response");
	for (int k = 0; k < inc_response_col__MAX; k++)
		if (names[k] != NULL && *r->v[k])
			pg_attr(e, names[k], r->v[k]);
	pg_text(e, "result", r->v[RC_RESULT]);
	pg_text(e, "reason", r->v[RC_REASON]);
	return 0;
}

static int
waiting(const struct notice *n)
{
	return turn(n->v);
}

/* The notice's page: the notice, its responses, the forms this account may use. */
static int
page(struct ctx *c, const struct notice *n, int status)
{
	struct db_val p[] = { DBI(n->id) };
	int own = (c->acct.role & ROLES_UNIT) && c->acct.unit_id == n->unit_id;
	c->view = VIEW(INC_VIEW_NOTICE);
	xmlNodePtr e = notice_node(c, c->data, n->v, inc_now());
	enum db_rc rc = SQL_RUN(c, INC_SQL_RESPONSES, p, response_row, pg_node(e, "responses"));
	if (rc != DB_OK)
		return app_dberr(rc);
	if (own && waiting(n))
		pg_attr(pg_node(c->data, "can"), "action", "respond");
	if (c->acct.role == ROLE_OFFICE && !strcmp(n->v[NC_STATUS], "responded")) {
		pg_attr(pg_node(c->data, "can"), "action", "accept");
		pg_attr(pg_node(c->data, "can"), "action", "return");
	}
	pg_attri(c->data, "max-file", REQ_MAX_FILE);
	if (status == 200 && ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return status;
}

/* Notice c->id as it is now (outside a write): 200 with n loaded, 404, or app_dberr(). */
static int
find(struct ctx *c, struct notice *n)
{
	enum db_rc rc = load(c, c->id, n, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	return n->id ? 200 : 404;
}

/* Notice c->id for reading: 200 with n loaded, 404, or 403 (audited). */
static int
open_notice(struct ctx *c, struct notice *n)
{
	int st = find(c, n);
	if (st != 200)
		return st;
	return auth_unit_read(c, n->unit_id) ? 200 : auth_deny(c, "notice", c->id);
}

int
inc_notice(struct ctx *c)
{
	struct notice n;
	const char *vals[R__MAX] = { "", "", "", "" };
	char nonce[TX_NONCE_LEN + 1];
	int st = open_notice(c, &n);
	if (st != 200)
		return st;
	/* the forms' hidden values: the version seen, a nonce for a response */
	tx_nonce(nonce);
	vals[R_VERSION] = n.v[NC_VERSION];
	vals[R_NONCE] = nonce;
	pg_form(c, c->data, rfields, R__MAX, vals, NULL);
	return page(c, &n, 200);
}

static int
register_page(struct ctx *c, int status, long long unit, const char **vals, const char **errs)
{
	c->view = VIEW(INC_VIEW_NOTICE_FORM);
	enum db_rc prc = up_node(c, c->data);	/* the unit picker of the unit-first form */
	if (prc != DB_OK)
		return app_dberr(prc);
	if (unit != 0) {
		enum db_rc rc = inc_systems_node(c, unit);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	pg_form(c, c->data, nfields, N__MAX, vals, errs);
	return status;
}

int
inc_notice_form(struct ctx *c)
{
	const char *vals[N__MAX] = { 0 }, *code = ctx_q(c, "assignee");
	char nonce[TX_NONCE_LEN + 1], now[20];
	long long unit = 0;
	if (code != NULL && *code) {
		enum db_rc rc = inc_unit_by_code(c, code, &unit, NULL);
		if (rc != DB_OK)
			return app_dberr(rc);
		vals[N_UNIT] = code;
	}
	tx_nonce(nonce);
	inc_time_format(inc_now(), now);
	vals[N_RECEIVED] = inc_form_time(c, ar_printf(c->ar, "%.16s:00", now));
	vals[N_NONCE] = nonce;
	for (int i = 0; i < N__MAX; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return register_page(c, 200, unit, vals, NULL);
}

/* What a registration's transaction needs from the checked form. */
struct registration {
	const char **vals;
	long long unit;
	const char *received, *due;
};

/*
 * Registers the notice.  422: the source already has a notice of that
 * number here (its unique key; a double submit of this very form is the
 * nonce's, which tx_run() takes first).
 */
static int
register_tx(struct tx *t, void *arg)
{
	const struct registration *g = arg;
	const char **vals = g->vals;
	struct ctx *c = t->c;
	struct db_val p[] = {
		DBI(g->unit), *vals[N_SYSTEM] ? DBI(atoll(vals[N_SYSTEM])) : DBN, DBS(vals[N_SOURCE]),
		DBS(vals[N_NO]), DBS(g->received), DBS(vals[N_DESCRIPTION]), DBS(g->due), DBS(vals[N_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_NOTICE_INSERT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc == DB_DUP ? 422 : rc;
	t->record = "notice";
	t->id = (long long)db_insert_id(c->db);
	t->action = "create";
	t->after = ar_printf(c->ar, "{\"form\":%s,\"due_at\":\"%s\"}",
	    inc_form_json(c, nfields, N__MAX, vals), g->due);
	t->then = ar_printf(c->ar, "/incidents/notices/%lld?saved=1", t->id);
	return TX_COMMIT;
}

int
inc_notice_new(struct ctx *c)
{
	const char *vals[N__MAX], *errs[N__MAX], *e;
	struct registration g = { .vals = vals };
	long received;
	char recv[20], due[20];
	int ok = 1;
	enum db_rc rc = DB_OK;

	size_t bad = valid_form(nfields, N__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[N_UNIT] == NULL && (rc = inc_unit_by_code(c, vals[N_UNIT], &g.unit, NULL)) == DB_OK &&
	    g.unit == 0) {
		errs[N_UNIT] = "unknown_unit";
		bad++;
	}
	if (rc == DB_OK && g.unit != 0 && errs[N_SYSTEM] == NULL &&
	    (rc = inc_system_of(c, atoll(vals[N_SYSTEM]), g.unit, &ok)) == DB_OK && !ok) {
		errs[N_SYSTEM] = "unknown_system";
		bad++;
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (errs[N_RECEIVED] == NULL && (e = inc_check_time(vals[N_RECEIVED], inc_now(), &received)) != NULL) {
		errs[N_RECEIVED] = e;
		bad++;
	}
	if (bad)
		return register_page(c, 422, g.unit, vals, errs);
	inc_time_format(received, recv);
	inc_time_format(inc_workdays_end(c->cal, received, (int)setting_int(c->cfg, "incidents.notice_workdays", 10, 1, 90)), due);
	g.received = recv;
	g.due = due;
	struct tx t = { .c = c, .nonce = vals[N_NONCE] };
	int st = tx_run(&t, register_tx, &g);
	if (st == 422) {
		errs[N_NO] = "notice_taken";
		return register_page(c, 422, g.unit, vals, errs);
	}
	return st;
}

/* The notice's page again with the submitted form: 422, 409 or 413. */
static int
again(struct ctx *c, int status, const struct notice *n, const char **vals, const char **errs,
    const char *step)
{
	const char *mine = vals[R_VERSION];
	if (status == 409) {
		pg_conflict(c);
		vals[R_VERSION] = n->v[NC_VERSION];	/* submitting again is a decision over the notice now */
	}
	pg_form(c, c->data, rfields, R__MAX, vals, errs);
	pg_attr(c->data->last, "step", step);
	pg_attr(c->data->last, "from-version", mine);
	return page(c, n, status);
}

/*
 * A change of the notice: the step, the status it leaves the notice in and
 * the times it sets (NULL: as they are), what else it writes (fn) and the
 * state it needs (allowed).
 */
struct change {
	const char *step, *status, *responded, *accepted;
	enum db_rc (*fn)(struct ctx *c, struct notice *n, const char **vals, const void *arg);
	const void *arg;
	int (*allowed)(const struct notice *n);
	const char **vals;
};

static int
is_responded(const struct notice *n)
{
	return strcmp(n->v[NC_STATUS], "responded") == 0;
}

/*
 * The change in one transaction: the row locked and its version checked
 * (409 when it moved on, or is not in the state the step needs), then
 * fn's writes, the notice's new status, the audit row.
 */
static int
change_tx(struct tx *t, void *arg)
{
	const struct change *ch = arg;
	const char **vals = ch->vals;
	struct ctx *c = t->c;
	struct notice now;
	enum db_rc rc;

	if ((rc = load(c, c->id, &now, 1)) != DB_OK)
		return rc;
	if (now.id == 0)
		return 404;
	if (now.version != atoll(vals[R_VERSION]) || !ch->allowed(&now))
		return 409;
	if ((rc = ch->fn(c, &now, vals, ch->arg)) != DB_OK)
		return rc;
	struct db_val up[] = {
		DBS(ch->status), DBSN(ch->responded ? ch->responded : now.v[NC_RESPONDED]),
		DBSN(ch->accepted), DBS(c->acct.login), DBI(now.id), DBI(now.version),
	};
	if ((rc = SQL_RUN(c, INC_SQL_NOTICE_UPDATE, up, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct buf after;
	buf_init(&after, c->ar, 16 * 1024);
	buf_printf(&after, "{\"status\":\"%s\",\"form\":%s}", ch->status, inc_form_json(c, rfields, R__MAX, vals));
	t->record = "notice";
	t->id = now.id;
	t->action = ch->step;
	t->before = ar_printf(c->ar, "{\"status\":\"%s\",\"version\":%lld}", now.v[NC_STATUS], now.version);
	t->after = buf_cstr(&after);
	t->then = ar_printf(c->ar, "/incidents/notices/%lld?saved=1", now.id);
	return TX_COMMIT;
}

/* Runs the change (nonce: the form's, or NULL); a lost race gets the notice as it is now. */
static int
run_change(struct ctx *c, struct change *ch, const char *nonce)
{
	struct notice now;
	struct tx t = { .c = c, .nonce = nonce };
	int st = tx_run(&t, change_tx, ch);
	if (st != 409 || (st = find(c, &now)) != 200)
		return st;
	return again(c, 409, &now, ch->vals, NULL, ch->step);
}

struct upload {
	const struct req_file *f;
	enum sniff_type type;
	const char *at;
};

static enum db_rc
store_response(struct ctx *c, struct notice *n, const char **vals, const void *arg)
{
	const struct upload *u = arg;
	long long file = 0;
	enum db_rc rc = inc_file_store(c, u->f, u->type, n->unit_id, &file);
	if (rc != DB_OK)
		return rc;
	struct db_val p[] = {
		DBI(n->id), DBS(vals[R_RESULT]), DBI(file), DBS(u->at), DBS(c->acct.login), DBS(vals[R_NONCE]),
	};
	return SQL_RUN(c, INC_SQL_RESPONSE_INSERT, p, NULL, NULL);
}

/*
 * POST notices/{id}/respond: the unit's handling result and its report (a
 * file).  The form's nonce is taken with the response (tx.h): its double
 * submit is one response and goes to the notice.
 */
int
inc_notice_respond(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX], *ferr = NULL;
	struct notice n;
	struct upload u = { NULL, SNIFF_OTHER, NULL };
	char at[20];
	int st = find(c, &n);

	if (st != 200)
		return st;
	if (c->acct.unit_id != n.unit_id)
		return auth_deny(c, "notice", c->id);
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (*vals[R_VERSION] == '\0' || *vals[R_NONCE] == '\0')
		return 400;	/* hidden fields every such form has */
	if (*vals[R_RESULT] == '\0' && errs[R_RESULT] == NULL) {
		errs[R_RESULT] = "required";
		bad++;
	}
	u.f = inc_upload(c, "file", &u.type, &ferr);
	if (u.f == NULL)
		ferr = "file_required";
	if (ferr != NULL) {
		pg_msg(c, "file", ferr);
		if (strcmp(ferr, "too_large") == 0)
			return again(c, 413, &n, vals, errs, "respond");
		bad++;
	}
	if (bad)
		return again(c, 422, &n, vals, errs, "respond");
	inc_time_format(inc_now(), at);
	u.at = at;
	struct change ch = { "respond", "responded", at, NULL, store_response, &u, waiting, vals };
	return run_change(c, &ch, vals[R_NONCE]);
}

static enum db_rc
decide(struct ctx *c, struct notice *n, const char **vals, const void *arg)
{
	const char *decision = arg;
	char now[20];
	inc_time_format(inc_now(), now);
	struct db_val p[] = { DBS(decision), DBS(now), DBS(c->acct.login), DBS(vals[R_REASON]), DBI(n->id) };
	return SQL_RUN(c, INC_SQL_RESPONSE_DECIDE, p, NULL, NULL);
}

/*
 * POST notices/{id}/accept or …/return (with a reason): the office on the
 * unit's response.  No nonce: a second decision finds the notice decided,
 * a 409.
 */
int
inc_notice_decide(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	struct notice n;
	char now[20];
	int accept = strcmp(strrchr(c->req.path, '/'), "/accept") == 0;
	int st = find(c, &n);

	if (st != 200)
		return st;
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (*vals[R_VERSION] == '\0')
		return 400;
	if (!accept && *vals[R_REASON] == '\0' && errs[R_REASON] == NULL) {
		errs[R_REASON] = "required";
		bad++;
	}
	if (bad)
		return again(c, 422, &n, vals, errs, accept ? "accept" : "return");
	inc_time_format(inc_now(), now);
	struct change ch = { accept ? "accept" : "return", accept ? "accepted" : "returned", NULL,
		accept ? now : NULL, decide, accept ? "accepted" : "returned", is_responded, vals };
	return run_change(c, &ch, NULL);
}
