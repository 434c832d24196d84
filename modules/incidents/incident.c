/*
 * incident.c — one incident: loading its row, its clock, its page XML, the
 * incident page and the print view of its report sheet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "tx.h"

/* The XML attribute of each column shown as an attribute (NULL: an element, or not shown). */
static const char *const attr_name[inc_col__MAX] = {
	[IC_ID] = "id", [IC_UNIT_ID] = "unit-id", [IC_UNIT_CODE] = "unit-code", [IC_REP_ID] = "rep-id",
	[IC_REP_CODE] = "rep-code", [IC_SYSTEM_ID] = "system-id", [IC_STARTED] = "started",
	[IC_DISCOVERED] = "discovered", [IC_REPORTED] = "reported", [IC_TAXONOMY] = "taxonomy",
	[IC_CATEGORY] = "category", [IC_HARM] = "harm", [IC_LEVEL_REPORTED] = "level-reported",
	[IC_LEVEL_PROPOSED] = "level-proposed", [IC_LEVEL] = "level", [IC_ORAL_AT] = "oral",
	[IC_WRITTEN_AT] = "written", [IC_REVIEW_AT] = "review", [IC_HANDLED_AT] = "handled",
	[IC_RECTIFY_AT] = "rectify", [IC_RECTIFY_DUE] = "rectify-due", [IC_CLOSED_AT] = "closed",
	[IC_STATUS] = "status", [IC_NEXT_STEP] = "next-step", [IC_VERSION] = "version",
	[IC_CREATED_AT] = "created", [IC_CREATED_BY] = "created-by", [IC_PROFILE] = "profile",
	[IC_PROFILE_VERSION] = "profile-version",
};
/* … and of each column shown as an element. */
static const char *const elem_name[inc_col__MAX] = {
	[IC_SYSTEM] = "system", [IC_SYSTEM_NAME] = "system-name", [IC_FILLED_BY] = "filled-by",
	[IC_REVIEWED_BY] = "reviewed-by", [IC_DESCRIPTION] = "description", [IC_MEASURES] = "measures",
	[IC_CONSEQUENCES] = "consequences", [IC_SUGGESTIONS] = "suggestions",
};

struct loaded {
	struct ctx *c;
	struct inc *in;
};

static int
incident_row(void *arg, const struct db_row *r)
{
	struct loaded *l = arg;
	for (size_t k = 0; k < inc_col__MAX && k < r->n; k++) {	/* INC_INCIDENT_COLS: in->v's order */
		const char *s = ar_strdup(l->c->ar, r->v[k]);
		l->in->v[k] = s != NULL ? s : "";
	}
	return 0;
}

static int
version_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[VER_VERSION]);
	return 0;
}

static long
time_or_none(const char *s)
{
	return s != NULL && *s ? inc_time(s) : INC_NONE;
}

void
inc_times_of(struct inc *in)
{
	const char *const *v = in->v;
	in->id = atoll(v[IC_ID]);
	in->unit_id = atoll(v[IC_UNIT_ID]);
	in->version = atoll(v[IC_VERSION]);
	in->t.level = atoi(v[IC_LEVEL]);
	in->t.start = time_or_none(v[IC_STARTED]);
	in->t.discovered = time_or_none(v[IC_DISCOVERED]);
	in->t.oral = time_or_none(v[IC_ORAL_AT]);
	in->t.written = time_or_none(v[IC_WRITTEN_AT]);
	in->t.review = time_or_none(v[IC_REVIEW_AT]);
	in->t.handled = time_or_none(v[IC_HANDLED_AT]);
	in->t.rectify = time_or_none(v[IC_RECTIFY_AT]);
	in->t.rectify_due = time_or_none(v[IC_RECTIFY_DUE]);
	in->lim.first_ontime = atol(v[IC_LIM_ONTIME]);
	in->lim.first_late = atol(v[IC_LIM_LATE]);
	in->lim.first_missed = atol(v[IC_LIM_MISSED]);
	in->lim.written = atol(v[IC_LIM_WRITTEN]);
	in->lim.review = atol(v[IC_LIM_REVIEW]);
	in->lim.rectify_days = atoi(v[IC_LIM_RECTIFY]);
}

enum db_rc
inc_load(struct ctx *c, long long id, struct inc *in, int lock)
{
	struct loaded l = { c, in };
	struct db_val p[] = { DBI(id) };
	long long version = 0;
	enum db_rc rc;

	memset(in, 0, sizeof(*in));
	/* lock the row first: the read after it sees the row as locked */
	if (lock && ((rc = SQL_RUN(c, INC_SQL_INCIDENT_LOCK, p, version_row, &version)) != DB_OK ||
	    version == 0))
		return rc;
	if ((rc = SQL_RUN(c, INC_SQL_INCIDENT, p, incident_row, &l)) != DB_OK)
		return rc;
	if (in->v[IC_ID] != NULL)
		inc_times_of(in);
	return DB_OK;
}

int
inc_lock(struct ctx *c, long long id, const char *version, enum inc_act act, struct inc *now)
{
	enum db_rc rc = inc_load(c, id, now, 1);
	if (rc != DB_OK)
		return rc;
	if (now->id == 0)
		return 404;
	return now->version == atoll(version) && inc_state_allows(now, act) ? TX_COMMIT : 409;
}

int
inc_find(struct ctx *c, struct inc *in)
{
	enum db_rc rc = inc_load(c, c->id, in, 0);
	if (rc != DB_OK)
		return app_dberr(rc);
	return in->id ? 200 : 404;
}

int
inc_open(struct ctx *c, struct inc *in)
{
	int st = inc_find(c, in);
	if (st != 200)
		return st;
	return auth_unit_read(c, in->unit_id) ? 200 : auth_deny(c, "incident", c->id);
}

void
inc_next_of(const struct inc *in, long now, char due[20], const char **step)
{
	long t;
	*step = inc_next(&in->lim, &in->t, now, strcmp(in->v[IC_STATUS], "closed") == 0,
	    strcmp(in->v[IC_LEVEL_PROPOSED], "0") != 0, &t);
	if (t == INC_NONE)
		snprintf(due, 20, "%s", INC_NO_DUE);
	else
		inc_time_format(t, due);
}

/* <clock first-ontime … (minutes)><step kind class due? at?/>…</clock> */
static void
clock_node(xmlNodePtr parent, const struct inc *in, long now)
{
	struct inc_clock k;
	char b[20];
	xmlNodePtr n = pg_node(parent, "clock");
	pg_attri(n, "first-ontime", in->lim.first_ontime / 60);
	pg_attri(n, "first-late", in->lim.first_late / 60);
	pg_attri(n, "first-missed", in->lim.first_missed / 60);
	pg_attri(n, "written", in->lim.written / 60);
	pg_attri(n, "review", in->lim.review / 60);
	pg_attri(n, "rectify-days", in->lim.rectify_days);
	inc_clock(&in->lim, &in->t, now, &k);
	for (int s = 0; s < INC_CLK__MAX; s++) {
		xmlNodePtr e = pg_node(n, "step");
		pg_attr(e, "kind", inc_clk_code[s]);
		pg_attr(e, "class", inc_class_code[k.cls[s]]);
		if (k.due[s] != INC_NONE) {
			inc_time_format(k.due[s], b);
			pg_attr(e, "due", b);
		}
		if (k.at[s] != INC_NONE) {
			inc_time_format(k.at[s], b);
			pg_attr(e, "at", b);
		}
	}
}

xmlNodePtr
inc_node(struct ctx *c, xmlNodePtr parent, const struct inc *in, long now)
{
	xmlNodePtr n = pg_node(parent, "incident");
	const char *const *v = in->v;
	for (int k = 0; k < inc_col__MAX; k++)
		if (attr_name[k] != NULL && *v[k])
			pg_attr(n, attr_name[k], v[k]);
	/* the deadline as stored: "none" is no attribute; the time left is to the second */
	if (strcmp(v[IC_NEXT_DUE], INC_NO_DUE) != 0) {
		pg_attr(n, "next-due", v[IC_NEXT_DUE]);
		pg_attri(n, "left", inc_time(v[IC_NEXT_DUE]) - now);
	}
	pg_text(n, "unit", inc_unit_name(c, v[IC_UNIT_NAME], v[IC_UNIT_NAME_EN]));
	pg_text(n, "reporting-unit", inc_unit_name(c, v[IC_REP_NAME], v[IC_REP_NAME_EN]));
	for (int k = 0; k < inc_col__MAX; k++)
		if (elem_name[k] != NULL)
			pg_text(n, elem_name[k], v[k]);
	clock_node(n, in, now);
	return n;
}

struct steps {
	xmlNodePtr parent;
};

static int
step_row(void *arg, const struct db_row *r)
{
	static const struct { int col; const char *name; } attrs[] = {
		{ ST_ID, "id" }, { ST_KIND, "kind" }, { ST_AT, "at" }, { ST_RECORDED, "recorded" },
		{ ST_BY, "by" }, { ST_BY_NAME, "by-name" },
	};
	struct steps *s = arg;
	xmlNodePtr e = pg_text(s->parent, "step", r->v[ST_DETAIL]);
	for (size_t i = 0; i < APP_COUNT(attrs); i++)
		pg_attr(e, attrs[i].name, r->v[attrs[i].col]);
	if (strcmp(r->v[ST_FILE_ID], "0") != 0) {
		pg_attr(e, "file-id", r->v[ST_FILE_ID]);
		pg_attr(e, "mime", r->v[ST_MIME]);
		pg_attr(e, "size", r->v[ST_SIZE]);
		pg_attr(e, "sha256", r->v[ST_SHA256]);
	}
	return 0;
}

int
inc_page(struct ctx *c, const struct inc *in, int status)
{
	struct steps s;
	struct db_val p[] = { DBI(in->id) };

	c->view = VIEW(INC_VIEW_INCIDENT);
	inc_node(c, c->data, in, inc_now());
	s.parent = pg_node(c->data, "steps");
	enum db_rc rc = SQL_RUN(c, INC_SQL_STEPS, p, step_row, &s);
	if (rc != DB_OK)
		return app_dberr(rc);
	for (int a = 0; a < INC_ACT__MAX; a++)
		if (inc_may(c, in, a) && inc_state_allows(in, a))
			pg_attr(pg_node(c->data, "can"), "action", inc_act_code[a]);
	pg_attri(c->data, "max-file", REQ_MAX_FILE);
	if (status == 200 && ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return status;
}

int
inc_incident(struct ctx *c)
{
	struct inc in;
	int st = inc_open(c, &in);
	return st == 200 ? inc_page(c, &in, 200) : st;
}

/* The report sheet on A4 in the seed's layout (appendix 10), for signature and seal. */
int
inc_print(struct ctx *c)
{
	struct inc in;
	int st = inc_open(c, &in);
	if (st != 200)
		return st;
	c->view = VIEW(INC_VIEW_PRINT);
	inc_node(c, c->data, &in, inc_now());
	inc_taxonomy_node(c);
	return 200;
}
