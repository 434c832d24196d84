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
 * /incidents/list: every incident, newest first, ?status=open|closed,
 * paged by ?before=ID along the primary key.
 */
#include <stdlib.h>
#include <string.h>
#include "incidents.h"

static const char *const status_choices[] = { "open", "closed", NULL };

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
	l->last_key = ar_strdup(l->c->ar, r->v[RW_NEXT_DUE]);
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
	struct inc_rows l = { c, pg_node(c->data, "incidents"), 0, inc_now(), NULL, 0 };
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

int
inc_list(struct ctx *c)
{
	static const struct vfield fs = { "status", V_CHOICE, 0, 8, status_choices };
	static const struct vfield fb = { "before", V_INT, 0, 12, NULL };
	const char *status = ctx_q(c, "status"), *before = ctx_q(c, "before");
	long long only = only_unit(c);

	c->view = VIEW(INC_VIEW_LIST);
	if (status == NULL || valid_check(&fs, status) != NULL)
		status = "";
	if (before == NULL || *before == '\0')
		before = "9223372036854775807";
	else if (valid_check(&fb, before) != NULL)
		return 400;
	pg_attr(pg_node(c->data, "filter"), "status", status);
	struct inc_rows l = { c, pg_node(c->data, "incidents"), 0, inc_now(), NULL, 0 };
	struct db_val p[] = { DBS(status), DBS(status), DBI(only), DBI(only), DBI(atoll(before)) };
	enum db_rc rc = SQL_RUN(c, INC_SQL_LIST, p, incident_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_end(&l, ar_printf(c->ar, "%lld", l.last_id));
	return 200;
}
