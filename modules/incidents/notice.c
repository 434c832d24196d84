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
 *
 * Inspection rectification notices (限期整改通知书, seed 003 art. 35; schema
 * 035) are notices of kind rectify, under /incidents/rectify: the office
 * issues one to a unit after an inspection (its number, the inspection,
 * the findings one a line, the deadline the notice states — a date, not
 * computed); the unit submits its rectification report (a text and a file,
 * as a response above); the office closes it or returns it with a reason.
 * It is overdue past its deadline until closed, whoever's turn it is.  The
 * flow, the forms on its page, the list and its tools are the threat
 * notices' own code, told apart by struct nkind; only the issue form, the
 * findings and the printed notice are its own.
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
	[NC_CREATED_BY] = "created-by", [NC_KIND] = "kind",
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

/* The issue form of a rectification notice. */
enum { Q_UNIT, Q_NO, Q_INSPECTION, Q_ISSUED, Q_DUE, Q_FINDINGS, Q_NONCE, Q__MAX };
static const struct vfield qfields[Q__MAX] = {
	[Q_UNIT]       = { "assignee", V_TOKEN, 1, 32, NULL },
	[Q_NO]         = { "notice_no", V_TEXT, 1, 64, NULL },
	[Q_INSPECTION] = { "inspection", V_TEXT, 1, 128, NULL },
	[Q_ISSUED]     = { "issued_at", V_TEXT, 1, 19, NULL },
	[Q_DUE]        = { "due_on", V_DATE, 1, 10, NULL },
	[Q_FINDINGS]   = { "findings", V_MULTILINE, 1, INC_TEXT_MAX, NULL },
	[Q_NONCE]      = { "nonce", V_TOKEN, 1, 32, NULL },
};
#define INC_FINDINGS_MAX 30		/* findings on one notice: the paper form's page */
#define INC_FINDING_MAX 300		/* characters in one finding */
#define INC_RECTIFY_MAX_DAYS 366	/* the furthest deadline a notice may state, after its issue */

/*
 * What tells the two kinds of notice apart where their code is shared: the
 * kind column, the pages' base, the audit's record type, the views, the
 * words of the steps and of the actions on the page, the list's export.
 */
struct nkind {
	const char *code, *base, *record;
	int view_list, view_one, view_form;
	const char *respond, *accept;	/* the unit's step and the office's closing step */
	const char *status_set;		/* the strings of its statuses */
	const char *overdue;		/* the list statement's status for ?status=overdue */
	const char *sheet;		/* the export's file name */
	const char *const *keys;	/* the export's columns */
	size_t nkeys;
};

/* The unit's turn: the notice came to it, or its response came back. */
static int turn(const char *const *v);

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
	if (turn(v) || (strcmp(v[NC_KIND], "rectify") == 0 && strcmp(v[NC_STATUS], "accepted") != 0))
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
	if (strcmp(v[NC_KIND], "rectify") == 0) {
		/* the findings, one a line as the issue form stored them */
		pg_text(n, "inspection", v[NC_INSPECTION]);
		xmlNodePtr fs = pg_node(n, "findings");
		for (const char *p = v[NC_DESCRIPTION]; *p;) {
			size_t len = strcspn(p, "\n");
			if (len > 0)
				pg_text(fs, "finding", ar_strndup(c->ar, p, len));
			p += len + (p[len] == '\n');
		}
	}
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

/* The export's columns, as the list shows them: the second is the source, or the inspection. */
#define SHEET_COLS 9
static const char *const sheet_keys[SHEET_COLS] = {
	"field.notice_no", "field.source", "sheet.reg.code", "field.assignee", "field.description",
	"field.received_at", "incnotice.col_due", "inc.col_status", "sheet.inc.timing",
};
static const char *const rectify_keys[SHEET_COLS] = {
	"increctify.col_no", "field.inspection", "sheet.reg.code", "increctify.col_unit", "field.findings",
	"field.issued_at", "increctify.col_due", "inc.col_status", "sheet.inc.timing",
};

static const struct nkind threat = {
	"threat", "/incidents/notices", "notice", INC_VIEW_NOTICES, INC_VIEW_NOTICE, INC_VIEW_NOTICE_FORM,
	"respond", "accept", "ncstatus", "overdue", "notices", sheet_keys, SHEET_COLS,
};
static const struct nkind rectify = {
	"rectify", "/incidents/rectify", "rectify", INC_VIEW_RECTIFY_LIST, INC_VIEW_RECTIFY,
	INC_VIEW_RECTIFY_FORM, "report", "close", "rcstatus", "past_due", "rectification-notices",
	rectify_keys, SHEET_COLS,
};

static void
sheet_put(struct inc_rows *l, const char *const *v)
{
	enum lang g = l->c->lang;
	int rect = strcmp(v[NC_KIND], "rectify") == 0;
	char status[32], timing[32];
	snprintf(status, sizeof(status), "%s.%s", rect ? rectify.status_set : threat.status_set, v[NC_STATUS]);
	snprintf(timing, sizeof(timing), "incclass.%s", inc_notice_timing(v, l->now));
	const char *row[] = {
		v[NC_NO], rect ? v[NC_INSPECTION] : v[NC_SOURCE], v[NC_UNIT_CODE],
		inc_unit_name(l->c, v[NC_UNIT_NAME], v[NC_UNIT_NAME_EN]), v[NC_DESCRIPTION], v[NC_RECEIVED],
		v[NC_DUE], sheet_title(g, status), sheet_title(g, timing),
	};
	_Static_assert(APP_COUNT(row) == SHEET_COLS, "one value per title");
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

/* The list of one kind of notice (inc_notices, inc_rectify_list). */
static int
list(struct ctx *c, const struct nkind *k)
{
	static const struct vfield fs = { "status", V_CHOICE, 0, 8, status_choices };
	const char *status = ctx_q(c, "status");
	long long unit;
	char now[20];
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);

	c->view = VIEW(k->view_list);
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
	const char *ss = strcmp(status, "overdue") == 0 ? k->overdue : status;	/* the statement's word */
	struct db_val p[] = { DBS(k->code), DBS(ss), DBS(ss), DBS(ss), DBS(now), DBS(ss), DBS(now), DBI(unit), DBI(unit),
		DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after), DBS(lq.q), DBS(lq.like), DBS(lq.like),
		DBS(lq.like), DBS(lq.like), DBS(lq.like), DBI(exp ? 0x7fffffffffffLL : INC_PAGE_ROWS + 1) };
	_Static_assert(DB_NARGS(p) == INC_SQL_NLQ_DUE_ASC__NP, "the listq statements' parameters");
	int id = SQL((all ? all_stmt : due_stmt)[lq_variant(&lq)]);
	if (exp)
		return sheet_run(c, fmt, k->sheet, k->keys, k->nkeys, &l.sheet, id, p, DB_NARGS(p), list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_lq(&l, &lq);
	return 200;
}

int
inc_notices(struct ctx *c)
{
	return list(c, &threat);
}

int
inc_rectify_list(struct ctx *c)
{
	return list(c, &rectify);
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
page(struct ctx *c, const struct nkind *k, const struct notice *n, int status)
{
	struct db_val p[] = { DBI(n->id) };
	int own = (c->acct.role & ROLES_UNIT) && c->acct.unit_id == n->unit_id;
	c->view = VIEW(k->view_one);
	xmlNodePtr e = notice_node(c, c->data, n->v, inc_now());
	enum db_rc rc = SQL_RUN(c, INC_SQL_RESPONSES, p, response_row, pg_node(e, "responses"));
	if (rc != DB_OK)
		return app_dberr(rc);
	if (own && waiting(n))
		pg_attr(pg_node(c->data, "can"), "action", k->respond);
	if (c->acct.role == ROLE_OFFICE && !strcmp(n->v[NC_STATUS], "responded")) {
		pg_attr(pg_node(c->data, "can"), "action", k->accept);
		pg_attr(pg_node(c->data, "can"), "action", "return");
	}
	pg_attri(c->data, "max-file", REQ_MAX_FILE);
	if (status == 200 && ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return status;
}

/* Notice c->id of kind k as it is now (outside a write): 200 with n loaded, 404, or app_dberr(). */
static int
find(struct ctx *c, const struct nkind *k, struct notice *n)
{
	enum db_rc rc = load(c, c->id, n, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	return n->id && strcmp(n->v[NC_KIND], k->code) == 0 ? 200 : 404;
}

/* Notice c->id of kind k for reading: 200 with n loaded, 404, or 403 (audited). */
static int
open_notice(struct ctx *c, const struct nkind *k, struct notice *n)
{
	int st = find(c, k, n);
	if (st != 200)
		return st;
	return auth_unit_read(c, n->unit_id) ? 200 : auth_deny(c, k->record, c->id);
}

static int
show(struct ctx *c, const struct nkind *k)
{
	struct notice n;
	const char *vals[R__MAX] = { "", "", "", "" };
	char nonce[TX_NONCE_LEN + 1];
	int st = open_notice(c, k, &n);
	if (st != 200)
		return st;
	/* the forms' hidden values: the version seen, a nonce for a response */
	tx_nonce(nonce);
	vals[R_VERSION] = n.v[NC_VERSION];
	vals[R_NONCE] = nonce;
	pg_form(c, c->data, rfields, R__MAX, vals, NULL);
	return page(c, k, &n, 200);
}

int
inc_notice(struct ctx *c)
{
	return show(c, &threat);
}

int
inc_rectify(struct ctx *c)
{
	return show(c, &rectify);
}

/* GET rectify/{id}/print: the notice on A4 as the paper form, to those who read the unit. */
int
inc_rectify_print(struct ctx *c)
{
	struct notice n;
	int st = open_notice(c, &rectify, &n);
	if (st != 200)
		return st;
	c->view = VIEW(INC_VIEW_RECTIFY_PRINT);
	notice_node(c, c->data, n.v, inc_now());
	return 200;
}

/* The issue (register) form of kind k: the unit picker, a threat notice's systems of the unit. */
static int
register_page(struct ctx *c, const struct nkind *k, int status, long long unit, const char **vals,
    const char **errs)
{
	c->view = VIEW(k->view_form);
	enum db_rc prc = up_node(c, c->data);	/* the unit picker of the unit-first form */
	if (prc != DB_OK)
		return app_dberr(prc);
	if (k == &rectify) {
		pg_form(c, c->data, qfields, Q__MAX, vals, errs);
		return status;
	}
	if (unit != 0) {
		enum db_rc rc = inc_systems_node(c, unit);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	pg_form(c, c->data, nfields, N__MAX, vals, errs);
	return status;
}

/*
 * The blank form of kind k: the unit named by ?assignee= (the unit-first
 * form), the time field now (to the minute), a fresh nonce.
 */
static int
blank_form(struct ctx *c, const struct nkind *k, const char **vals, size_t n, int f_unit, int f_time,
    int f_nonce)
{
	const char *code = ctx_q(c, "assignee");
	char nonce[TX_NONCE_LEN + 1], now[20];
	long long unit = 0;
	if (code != NULL && *code) {
		enum db_rc rc = inc_unit_by_code(c, code, &unit, NULL);
		if (rc != DB_OK)
			return app_dberr(rc);
		vals[f_unit] = code;
	}
	tx_nonce(nonce);
	inc_time_format(inc_now(), now);
	vals[f_time] = inc_form_time(c, ar_printf(c->ar, "%.16s:00", now));
	vals[f_nonce] = ar_strdup(c->ar, nonce);
	for (size_t i = 0; i < n; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return register_page(c, k, 200, unit, vals, NULL);
}

int
inc_notice_form(struct ctx *c)
{
	const char *vals[N__MAX] = { 0 };
	return blank_form(c, &threat, vals, N__MAX, N_UNIT, N_RECEIVED, N_NONCE);
}

int
inc_rectify_form(struct ctx *c)
{
	const char *vals[Q__MAX] = { 0 };
	return blank_form(c, &rectify, vals, Q__MAX, Q_UNIT, Q_ISSUED, Q_NONCE);
}

/* What a registration's transaction needs from the checked form, whichever kind. */
struct registration {
	const struct nkind *k;
	const struct vfield *fields;	/* the form, for the audit */
	size_t nfields;
	const char **vals;
	long long unit, system;
	const char *source, *no, *inspection, *description, *nonce;
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
	struct ctx *c = t->c;
	struct db_val p[] = {
		DBI(g->unit), g->system ? DBI(g->system) : DBN, DBS(g->source), DBS(g->no), DBS(g->received),
		DBS(g->description), DBS(g->due), DBS(g->nonce), DBS(c->acct.login), DBS(c->acct.login),
		DBS(g->k->code), DBS(g->inspection),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_NOTICE_INSERT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc == DB_DUP ? 422 : rc;
	t->record = g->k->record;
	t->id = (long long)db_insert_id(c->db);
	t->action = "create";
	t->after = ar_printf(c->ar, "{\"form\":%s,\"due_at\":\"%s\"}",
	    inc_form_json(c, g->fields, g->nfields, g->vals), g->due);
	t->then = ar_printf(c->ar, "%s/%lld?saved=1", g->k->base, t->id);
	return TX_COMMIT;
}

int
inc_notice_new(struct ctx *c)
{
	const char *vals[N__MAX], *errs[N__MAX], *e;
	struct registration g = { .k = &threat, .fields = nfields, .nfields = N__MAX, .vals = vals };
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
		return register_page(c, &threat, 422, g.unit, vals, errs);
	inc_time_format(received, recv);
	inc_time_format(inc_workdays_end(c->cal, received, (int)setting_int(c->cfg, "incidents.notice_workdays", 10, 1, 90)), due);
	g.system = *vals[N_SYSTEM] ? atoll(vals[N_SYSTEM]) : 0;
	g.source = vals[N_SOURCE];
	g.no = vals[N_NO];
	g.inspection = "";
	g.description = vals[N_DESCRIPTION];
	g.nonce = vals[N_NONCE];
	g.received = recv;
	g.due = due;
	struct tx t = { .c = c, .nonce = vals[N_NONCE] };
	int st = tx_run(&t, register_tx, &g);
	if (st == 422) {
		errs[N_NO] = "notice_taken";
		return register_page(c, &threat, 422, g.unit, vals, errs);
	}
	return st;
}

/*
 * The findings as stored: one a line, blank lines and the blanks around
 * each dropped; "" or the error: none, more than INC_FINDINGS_MAX, one
 * longer than INC_FINDING_MAX characters.
 */
static const char *
findings_of(struct ctx *c, const char *in, const char **out)
{
	struct buf b;
	size_t n = 0;
	buf_init(&b, c->ar, INC_TEXT_MAX * 4 + 16);
	for (const char *p = in; *p;) {
		size_t len = strcspn(p, "\r\n"), skip = len;
		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--, skip--;
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0) {
			if (valid_utf8_len(ar_strndup(c->ar, p, len)) > INC_FINDING_MAX)
				return "finding_long";
			if (++n > INC_FINDINGS_MAX)
				return "findings_many";
			if (b.len > 0)
				buf_str(&b, "\n");
			buf_add(&b, p, len);
		}
		p += skip;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	if (n == 0)
		return "required";
	*out = buf_cstr(&b);
	return "";
}

/*
 * POST rectify/new: the office issues a rectification notice to a unit.
 * The deadline is the day the notice states (by its end), on or after the
 * day of issue and within INC_RECTIFY_MAX_DAYS of it; 422 with everything
 * kept for any bad value, nothing written.
 */
int
inc_rectify_new(struct ctx *c)
{
	const char *vals[Q__MAX], *errs[Q__MAX], *e, *findings = "";
	struct registration g = { .k = &rectify, .fields = qfields, .nfields = Q__MAX, .vals = vals };
	long issued = INC_NONE;
	char recv[20], due[20];
	enum db_rc rc = DB_OK;

	size_t bad = valid_form(qfields, Q__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[Q_UNIT] == NULL && (rc = inc_unit_by_code(c, vals[Q_UNIT], &g.unit, NULL)) == DB_OK &&
	    g.unit == 0) {
		errs[Q_UNIT] = "unknown_unit";
		bad++;
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (errs[Q_ISSUED] == NULL && (e = inc_check_time(vals[Q_ISSUED], inc_now(), &issued)) != NULL) {
		errs[Q_ISSUED] = e;
		bad++;
	}
	if (errs[Q_FINDINGS] == NULL && *(e = findings_of(c, vals[Q_FINDINGS], &findings))) {
		errs[Q_FINDINGS] = e;
		bad++;
	}
	int day = wd_parse(vals[Q_DUE]);
	if (errs[Q_DUE] == NULL && day == WD_INVALID) {
		errs[Q_DUE] = "date";
		bad++;
	} else if (errs[Q_DUE] == NULL && issued != INC_NONE &&
	    (day < issued / 86400 || day > issued / 86400 + INC_RECTIFY_MAX_DAYS)) {
		errs[Q_DUE] = "due_range";
		bad++;
	}
	if (bad)
		return register_page(c, &rectify, 422, g.unit, vals, errs);
	inc_time_format(issued, recv);
	snprintf(due, sizeof(due), "%s 23:59:59", vals[Q_DUE]);	/* as stated: by the end of that day */
	g.source = "";
	g.no = vals[Q_NO];
	g.inspection = vals[Q_INSPECTION];
	g.description = findings;
	g.nonce = vals[Q_NONCE];
	g.received = recv;
	g.due = due;
	struct tx t = { .c = c, .nonce = vals[Q_NONCE] };
	int st = tx_run(&t, register_tx, &g);
	if (st == 422) {
		errs[Q_NO] = "notice_taken";
		return register_page(c, &rectify, 422, g.unit, vals, errs);
	}
	return st;
}

/* The notice's page again with the submitted form: 422, 409 or 413. */
static int
again(struct ctx *c, const struct nkind *k, int status, const struct notice *n, const char **vals,
    const char **errs, const char *step)
{
	const char *mine = vals[R_VERSION];
	if (status == 409) {
		pg_conflict(c);
		vals[R_VERSION] = n->v[NC_VERSION];	/* submitting again is a decision over the notice now */
	}
	pg_form(c, c->data, rfields, R__MAX, vals, errs);
	pg_attr(c->data->last, "step", step);
	pg_attr(c->data->last, "from-version", mine);
	return page(c, k, n, status);
}

/*
 * A change of the notice: the step, the status it leaves the notice in and
 * the times it sets (NULL: as they are), what else it writes (fn) and the
 * state it needs (allowed).
 */
struct change {
	const struct nkind *k;
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
	t->record = ch->k->record;
	t->id = now.id;
	t->action = ch->step;
	t->before = ar_printf(c->ar, "{\"status\":\"%s\",\"version\":%lld}", now.v[NC_STATUS], now.version);
	t->after = buf_cstr(&after);
	t->then = ar_printf(c->ar, "%s/%lld?saved=1", ch->k->base, now.id);
	return TX_COMMIT;
}

/* Runs the change (nonce: the form's, or NULL); a lost race gets the notice as it is now. */
static int
run_change(struct ctx *c, struct change *ch, const char *nonce)
{
	struct notice now;
	struct tx t = { .c = c, .nonce = nonce };
	int st = tx_run(&t, change_tx, ch);
	if (st != 409 || (st = find(c, ch->k, &now)) != 200)
		return st;
	return again(c, ch->k, 409, &now, ch->vals, NULL, ch->step);
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
static int
respond(struct ctx *c, const struct nkind *k)
{
	const char *vals[R__MAX], *errs[R__MAX], *ferr = NULL;
	struct notice n;
	struct upload u = { NULL, SNIFF_OTHER, NULL };
	char at[20];
	int st = find(c, k, &n);

	if (st != 200)
		return st;
	if (c->acct.unit_id != n.unit_id)
		return auth_deny(c, k->record, c->id);
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
			return again(c, k, 413, &n, vals, errs, k->respond);
		bad++;
	}
	if (bad)
		return again(c, k, 422, &n, vals, errs, k->respond);
	inc_time_format(inc_now(), at);
	u.at = at;
	struct change ch = { k, k->respond, "responded", at, NULL, store_response, &u, waiting, vals };
	return run_change(c, &ch, vals[R_NONCE]);
}

int
inc_notice_respond(struct ctx *c)
{
	return respond(c, &threat);
}

/* POST rectify/{id}/report: the unit's rectification report, as a threat notice's response. */
int
inc_rectify_report(struct ctx *c)
{
	return respond(c, &rectify);
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
 * unit's response; rectify/{id}/close or …/return the same.  No nonce: a
 * second decision finds the notice decided, a 409.
 */
static int
decide_kind(struct ctx *c, const struct nkind *k)
{
	const char *vals[R__MAX], *errs[R__MAX];
	struct notice n;
	char now[20];
	int accept = strcmp(strrchr(c->req.path, '/') + 1, k->accept) == 0;
	int st = find(c, k, &n);

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
		return again(c, k, 422, &n, vals, errs, accept ? k->accept : "return");
	inc_time_format(inc_now(), now);
	struct change ch = { k, accept ? k->accept : "return", accept ? "accepted" : "returned", NULL,
		accept ? now : NULL, decide, accept ? "accepted" : "returned", is_responded, vals };
	return run_change(c, &ch, NULL);
}

int
inc_notice_decide(struct ctx *c)
{
	return decide_kind(c, &threat);
}

int
inc_rectify_decide(struct ctx *c)
{
	return decide_kind(c, &rectify);
}
