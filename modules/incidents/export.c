/*
 * export.c — GET /incidents/export.xml (and `wangan-incidents --export`):
 * every incident with its report sheet, the clock's class of each step at
 * the time of the export and every step as it was recorded, then every
 * threat notice with the unit's responses and the office's decisions.
 * Streamed (xmlout.h): each list is one query whose rows (an incident per
 * step, a notice per response) arrive in order, so an element is closed
 * when the next row belongs to another; memory stays flat.  Valid against
 * schema/xml/incidents.xsd.
 */
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "xmlout.h"

#define INC_XMLNS "urn:wangan:incidents:1"

struct walk {
	struct xo *x;
	long long open;		/* the incident or notice whose element is open, or 0 */
	long now;
};

/* <name code="…">text</name> */
static void
coded(struct xo *x, const char *name, const char *attr, const char *code, const char *text)
{
	xo_start(x, name);
	xo_attr(x, attr, code);
	if (xmlTextWriterWriteString(x->w, BAD_CAST text) < 0)
		x->err = 1;
	xo_end(x);
}

static void
level(struct xo *x, const char *name, const char *v)
{
	if (strcmp(v, "0") != 0)
		xo_elem(x, name, v);
}

static void
clock_elem(struct xo *x, const struct inc *in, long now)
{
	static const struct { const char *name; int minutes; } lims[] = {
		{ "firstOntime", 1 }, { "firstLate", 1 }, { "firstMissed", 1 }, { "written", 1 },
		{ "review", 1 }, { "rectifyWorkdays", 0 },
	};
	const long v[] = { in->lim.first_ontime, in->lim.first_late, in->lim.first_missed,
		in->lim.written, in->lim.review, in->lim.rectify_days };
	struct inc_clock k;
	char b[24];
	xo_start(x, "clock");
	for (size_t i = 0; i < sizeof(lims) / sizeof(lims[0]); i++) {
		snprintf(b, sizeof(b), "%ld", lims[i].minutes ? v[i] / 60 : v[i]);
		xo_attr(x, lims[i].name, b);
	}
	inc_clock(&in->lim, &in->t, now, &k);
	for (int s = 0; s < INC_CLK__MAX; s++) {
		xo_start(x, "step");
		xo_attr(x, "kind", inc_clk_code[s]);
		xo_attr(x, "class", inc_class_code[k.cls[s]]);
		if (k.due[s] != INC_NONE) {
			inc_time_format(k.due[s], b);
			b[10] = 'T';
			xo_attr(x, "due", b);
		}
		if (k.at[s] != INC_NONE) {
			inc_time_format(k.at[s], b);
			b[10] = 'T';
			xo_attr(x, "at", b);
		}
		xo_end(x);
	}
	xo_end(x);
}

/* The incident's own elements, from the first of its rows. */
static void
incident_open(struct xo *x, struct inc *in, long now)
{
	const char *const *v = in->v;
	xo_start(x, "incident");
	xo_attr(x, "id", v[IC_ID]);
	xo_attr(x, "status", v[IC_STATUS]);
	xo_attr(x, "taxonomy", v[IC_TAXONOMY]);
	xo_attr(x, "category", v[IC_CATEGORY]);
	xo_attr(x, "profile", v[IC_PROFILE]);
	xo_attr(x, "profileVersion", v[IC_PROFILE_VERSION]);
	coded(x, "unit", "code", v[IC_UNIT_CODE], v[IC_UNIT_NAME]);
	coded(x, "reportingUnit", "code", v[IC_REP_CODE], v[IC_REP_NAME]);
	if (strcmp(v[IC_SYSTEM_ID], "0") != 0)
		coded(x, "system", "id", v[IC_SYSTEM_ID], v[IC_SYSTEM]);
	xo_elem(x, "systemName", v[IC_SYSTEM_NAME]);
	xo_datetime(x, "started", v[IC_STARTED]);
	xo_datetime(x, "discovered", v[IC_DISCOVERED]);
	xo_datetime(x, "reported", v[IC_REPORTED]);
	xo_elem(x, "filledBy", v[IC_FILLED_BY]);
	xo_elem(x, "reviewedBy", v[IC_REVIEWED_BY]);
	for (int h = 0; h < INC_HARM__MAX; h++) {
		size_t n = strlen(inc_harm_code[h]);
		for (const char *p = v[IC_HARM]; (p = strstr(p, inc_harm_code[h])) != NULL; p += n)
			if ((p == v[IC_HARM] || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
				xo_elem(x, "harm", inc_harm_code[h]);
	}
	level(x, "levelReported", v[IC_LEVEL_REPORTED]);
	level(x, "levelProposed", v[IC_LEVEL_PROPOSED]);
	level(x, "level", v[IC_LEVEL]);
	xo_elem(x, "description", v[IC_DESCRIPTION]);
	xo_elem(x, "measures", v[IC_MEASURES]);
	xo_elem(x, "consequences", v[IC_CONSEQUENCES]);
	xo_elem(x, "suggestions", v[IC_SUGGESTIONS]);
	xo_datetime(x, "rectifyDue", v[IC_RECTIFY_DUE]);
	xo_datetime(x, "closed", v[IC_CLOSED_AT]);
	clock_elem(x, in, now);
	xo_start(x, "steps");
}

static int
incident_row(void *arg, const struct db_row *r)
{
	/* INC_INCIDENT_COLS, then INC_STEP_COLS: s[ST_…] is the step's column */
	struct walk *w = arg;
	struct xo *x = w->x;
	const char *const *s = r->v + inc_col__MAX;
	long long id = atoll(r->v[IC_ID]);
	if (id != w->open) {
		struct inc in;
		if (w->open != 0) {
			xo_end(x);	/* steps */
			xo_end(x);	/* incident */
		}
		memcpy(in.v, r->v, sizeof(in.v));
		inc_times_of(&in);
		incident_open(x, &in, w->now);
		w->open = id;
	}
	if (strcmp(s[ST_ID], "0") != 0) {
		xo_start(x, "step");
		xo_attr(x, "id", s[ST_ID]);
		xo_attr(x, "kind", s[ST_KIND]);
		xo_datetime(x, "at", s[ST_AT]);
		xo_datetime(x, "recorded", s[ST_RECORDED]);
		xo_elem(x, "by", s[ST_BY]);
		xo_elem(x, "byName", s[ST_BY_NAME]);
		xo_elem(x, "detail", s[ST_DETAIL]);
		if (strcmp(s[ST_FILE_ID], "0") != 0) {
			xo_start(x, "file");
			xo_attr(x, "mime", s[ST_MIME]);
			xo_attr(x, "size", s[ST_SIZE]);
			xo_attr(x, "sha256", s[ST_SHA256]);
			xo_end(x);
		}
		xo_end(x);
	}
	return x->err;
}

static int
notice_row(void *arg, const struct db_row *r)
{
	/* INC_NOTICE_COLS, then INC_RESPONSE_COLS: s[RC_…] is the response's column */
	struct walk *w = arg;
	struct xo *x = w->x;
	const char *const *v = r->v, *const *s = r->v + inc_notice_col__MAX;
	long long id = atoll(v[NC_ID]);
	if (id != w->open) {
		if (w->open != 0) {
			xo_end(x);	/* responses */
			xo_end(x);	/* notice */
		}
		xo_start(x, "notice");
		xo_attr(x, "id", v[NC_ID]);
		xo_attr(x, "status", v[NC_STATUS]);
		xo_attr(x, "timing", inc_notice_timing(v, w->now));
		coded(x, "unit", "code", v[NC_UNIT_CODE], v[NC_UNIT_NAME]);
		if (strcmp(v[NC_SYSTEM_ID], "0") != 0)
			coded(x, "system", "id", v[NC_SYSTEM_ID], v[NC_SYSTEM]);
		xo_elem(x, "source", v[NC_SOURCE]);
		xo_elem(x, "number", v[NC_NO]);
		xo_datetime(x, "received", v[NC_RECEIVED]);
		xo_elem(x, "description", v[NC_DESCRIPTION]);
		xo_datetime(x, "due", v[NC_DUE]);
		xo_datetime(x, "responded", v[NC_RESPONDED]);
		xo_datetime(x, "accepted", v[NC_ACCEPTED]);
		xo_start(x, "responses");
		w->open = id;
	}
	if (strcmp(s[RC_ID], "0") != 0) {
		xo_start(x, "response");
		xo_attr(x, "id", s[RC_ID]);
		xo_attr(x, "decision", s[RC_DECISION]);
		xo_datetime(x, "submitted", s[RC_SUBMITTED_AT]);
		xo_elem(x, "by", s[RC_SUBMITTED_BY]);
		xo_elem(x, "result", s[RC_RESULT]);
		xo_start(x, "file");
		xo_attr(x, "mime", s[RC_MIME]);
		xo_attr(x, "size", s[RC_SIZE]);
		xo_attr(x, "sha256", s[RC_SHA256]);
		xo_end(x);
		xo_datetime(x, "decided", s[RC_DECIDED_AT]);
		xo_elem(x, "decidedBy", s[RC_DECIDED_BY]);
		xo_elem(x, "reason", s[RC_REASON]);
		xo_end(x);
	}
	return x->err;
}

int
inc_export(struct ctx *c)
{
	struct xo x;
	struct walk w = { &x, 0, inc_now() };
	if (xo_open(&x, c, "incidents.xml", "incidents", INC_XMLNS) != 0)
		return 500;
	xo_start(&x, "incidentList");
	enum db_rc rc = SQL_RUN0(c, INC_SQL_EXPORT_INCIDENTS, incident_row, &w);
	if (w.open != 0) {
		xo_end(&x);
		xo_end(&x);
	}
	xo_end(&x);
	if (rc == DB_OK) {
		w.open = 0;
		xo_start(&x, "notices");
		rc = SQL_RUN0(c, INC_SQL_EXPORT_NOTICES, notice_row, &w);
		if (w.open != 0) {
			xo_end(&x);
			xo_end(&x);
		}
		xo_end(&x);
	}
	return xo_close(&x, rc);
}
