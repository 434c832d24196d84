/*
 * board.c — the open incidents board: every open incident with its next
 * deadline and the time left, nearest first, overdue ones marked; those
 * without a deadline now (waiting for the end of handling, the level, the
 * closing) follow.  A unit's staff and head see their unit's.  Paged along
 * the index (status, next_due, id) by ?after=KEY (util.c inc_key).
 *
 * /incidents/board.xml is the same page as XML at a URL that does not
 * depend on the Accept header, for a wall display.
 *
 * /incidents/list: every incident, newest first, ?status=open|closed and
 * the office's ?unit=ID (a unit's staff: their own, whatever it says), with
 * the everyday tools (core/listq.h): ?q= (the incident's number, a prefix
 * of its description, of who filled it in, of the unit's code or name),
 * ?sort=id|started|reported&dir=asc|desc, keyset pages ?at=&after=, and
 * ?format=csv|xlsx for exactly those rows (core/sheet.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "listq.h"
#include "sheet.h"

static const char *const status_choices[] = { "open", "closed", NULL };

static const struct lq_col lq_cols[] = {
	{ "id", LQ_INT, 1 }, { "started", LQ_STR, 0 }, { "reported", LQ_STR, 0 },
};
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 1, LQ_INT };
/* each sort's statement (sql.c INC_LQ_SQL) and the row column its seek value comes from */
static const int lq_stmt[] = {
	INC_SQL_LQ_ID_ASC, INC_SQL_LQ_ID_DESC, INC_SQL_LQ_STARTED_ASC, INC_SQL_LQ_STARTED_DESC,
	INC_SQL_LQ_REPORTED_ASC, INC_SQL_LQ_REPORTED_DESC,
};
static const int lq_key[] = { RW_ID, RW_STARTED, RW_REPORTED };

/* The export's columns, as the list shows them. */
static const char *const sheet_keys[] = {
	"inc.col_id", "sheet.reg.code", "field.unit", "field.category", "sheet.inc.summary", "field.level",
	"field.started_at", "inc.col_reported", "inc.col_status", "sheet.inc.closed", "field.filled_by",
};

static void
sheet_put(struct inc_rows *l, const struct db_row *r)
{
	const char *const *v = r->v;
	enum lang g = l->c->lang;
	char cat[48], level[24], status[32];
	snprintf(cat, sizeof(cat), "%s.%s", strcmp(v[RW_TAXONOMY], "gbz2007") == 0 ? "inccat7" : "inccat23",
	    v[RW_CATEGORY]);
	snprintf(level, sizeof(level), "inclevel.%s", v[RW_LEVEL]);
	snprintf(status, sizeof(status), "incstatus.%s", v[RW_STATUS]);
	const char *row[] = {
		v[RW_ID], v[RW_CODE], inc_unit_name(l->c, v[RW_NAME], v[RW_NAME_EN]), sheet_title(g, cat),
		v[RW_SUMMARY], sheet_title(g, level), v[RW_STARTED], v[RW_REPORTED], sheet_title(g, status),
		v[RW_CLOSED], v[RW_FILLED_BY],
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(l->sheet, row);
}

static int
incident_row(void *arg, const struct db_row *r)
{
	static const struct { int col; const char *name; } attrs[] = {
		{ RW_ID, "id" }, { RW_UNIT_ID, "unit-id" }, { RW_CODE, "unit-code" }, { RW_STARTED, "started" },
		{ RW_REPORTED, "reported" }, { RW_TAXONOMY, "taxonomy" }, { RW_CATEGORY, "category" },
		{ RW_LEVEL_PROPOSED, "level-proposed" }, { RW_LEVEL, "level" }, { RW_NEXT_STEP, "next-step" },
		{ RW_STATUS, "status" }, { RW_CLOSED, "closed" },
	};
	struct inc_rows *l = arg;
	if (l->sheet != NULL) {
		sheet_put(l, r);
		return 0;
	}
	if (l->n++ == INC_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	xmlNodePtr e = pg_node(l->parent, "incident");
	for (size_t i = 0; i < APP_COUNT(attrs); i++)
		if (*r->v[attrs[i].col])
			pg_attr(e, attrs[i].name, r->v[attrs[i].col]);
	if (strcmp(r->v[RW_NEXT_DUE], INC_NO_DUE) != 0 && strcmp(r->v[RW_STATUS], "open") == 0) {
		long left = inc_time(r->v[RW_NEXT_DUE]) - l->now;
		pg_attr(e, "next-due", r->v[RW_NEXT_DUE]);
		pg_attri(e, "left", left);
		if (left < 0)
			pg_attr(e, "overdue", "1");
	}
	pg_text(e, "unit", inc_unit_name(l->c, r->v[RW_NAME], r->v[RW_NAME_EN]));
	pg_text(e, "summary", r->v[RW_SUMMARY]);
	l->last_key = ar_strdup(l->c->ar, r->v[l->key_col]);
	l->last_id = atoll(r->v[RW_ID]);
	return 0;
}

/* The account's unit when it reads only its own, else 0 (every unit). */
static long long
only_unit(const struct ctx *c)
{
	return (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
}

int
inc_board(struct ctx *c)
{
	char due[20], now[20];
	long long id, only = only_unit(c);

	c->view = VIEW(INC_VIEW_BOARD);
	if (inc_key_parse(ctx_q(c, "after"), due, &id) != 0)
		return 400;
	struct inc_rows l = { c, pg_node(c->data, "incidents"), 0, inc_now(), NULL, 0, NULL, RW_NEXT_DUE, 0 };
	inc_time_format(l.now, now);
	pg_attr(l.parent, "now", now);
	struct db_val p[] = { DBI(only), DBI(only), DBS(due), DBS(due), DBI(id) };
	enum db_rc rc = SQL_RUN(c, INC_SQL_BOARD, p, incident_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_end(&l, inc_key(c, l.last_key, l.last_id));
	return 200;
}

/* The board's page XML whatever the client accepts: the core renders XML for this Accept. */
int
inc_board_xml(struct ctx *c)
{
	int st = inc_board(c);
	c->req.accept = "application/xml";
	return st;
}

/* The incident number a search may be: digits, "#" before them allowed; else 0 (no incident). */
static long long
number_of(const char *q)
{
	if (*q == '#')
		q++;
	size_t n = strspn(q, "0123456789");
	return n > 0 && n <= 9 && q[n] == '\0' ? atoll(q) : 0;
}

int
inc_list(struct ctx *c)
{
	static const struct vfield fs = { "status", V_CHOICE, 0, 8, status_choices };
	const char *status = ctx_q(c, "status");
	long long unit;
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);

	c->view = VIEW(INC_VIEW_LIST);
	if (status == NULL || valid_check(&fs, status) != NULL)
		status = "";
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "status", status);
	if (exp < 0)
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0 || (st = inc_list_unit(c, f, &unit)) != 0)
		return st;
	lq_node(c, f, &lq, &lq_def);
	struct db_val p[] = { DBS(status), DBS(status), DBI(unit), DBI(unit), DBI(lq.first), DBS(lq.at),
		DBS(lq.at), DBS(lq.after), DBS(lq.q), DBI(number_of(lq.q)), DBS(lq.like), DBS(lq.like),
		DBS(lq.like), DBS(lq.like), DBS(lq.like), DBI(exp ? 0x7fffffffffffLL : INC_PAGE_ROWS + 1) };
	_Static_assert(DB_NARGS(p) == INC_SQL_LQ_ID_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(&lq)]);
	struct inc_rows l = { c, pg_node(c->data, "incidents"), 0, inc_now(), NULL, 0, NULL, lq_key[lq.sort],
		unit };
	if (exp)
		return sheet_run(c, fmt, "incidents", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p,
		    DB_NARGS(p), incident_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), incident_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_lq(&l, &lq);
	return 200;
}
