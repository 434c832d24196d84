/*
 * sheet.c — the report sheet (网络信息安全突发事件报告单, seed 003 appendix
 * 10): filing an incident, and editing the sheet while it is open.
 *
 * Filing.  A unit's staff or head files for their own unit; the sheet
 * reaching the platform is the unit's written report, timed by the server
 * (nobody types the time of their own report).  The office files for any
 * unit what reached it by phone or on paper: the kind of that first report
 * (oral or written), when it came and who made it.  The event start and
 * the discovery may not lie in the future, and the discovery not before the
 * start.  A filing carries a nonce, taken in its transaction (tx.h): a
 * double submit files one incident.  The limits of the clock in force are
 * stored with it.
 *
 * Editing.  The unit or the office corrects the sheet while the incident
 * is open; the event start and the discovery only the office, since they
 * set the clock.  An edit carries the version it started from: if the
 * incident changed in between, the POST gets 409 with the sheet as it is
 * now beside what was typed — unless the sheet already holds exactly that,
 * which is this edit's double submit.  Each filing and edit writes its
 * audit row, before and after, in its transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "unitpick.h"
#include "resp.h"
#include "tx.h"

enum { F_UNIT, F_REP_UNIT, F_STARTED, F_DISCOVERED, F_FILLED_BY, F_CATEGORY, F_HARM_OUTAGE,
	F_HARM_PARALYSIS, F_HARM_DESTROYED, F_HARM_LEAKED, F_HARM_OTHER, F_LEVEL_REPORTED,
	F_SYSTEM, F_SYSTEM_NAME, F_DESCRIPTION, F_MEASURES, F_CONSEQUENCES, F_SUGGESTIONS,
	F_REPORT_KIND, F_REPORT_AT, F_CALLER, F_VERSION, F_NONCE, F__MAX };

static const char *const one[] = { "1", NULL };
static const char *const report_kinds[] = { "oral", "written", NULL };

/* Required-ness that depends on who files, and how, is checked in check_sheet(). */
static const struct vfield fields[F__MAX] = {
	[F_UNIT]           = { "unit", V_TOKEN, 0, 32, NULL },
	[F_REP_UNIT]       = { "reporting_unit", V_TOKEN, 0, 32, NULL },
	[F_STARTED]        = { "started_at", V_TEXT, 1, 19, NULL },
	[F_DISCOVERED]     = { "discovered_at", V_TEXT, 1, 19, NULL },
	[F_FILLED_BY]      = { "filled_by", V_TEXT, 1, 32, NULL },
	[F_CATEGORY]       = { "category", V_CHOICE, 1, 32, inc_category_choices },
	[F_HARM_OUTAGE]    = { "harm_outage", V_CHOICE, 0, 1, one },
	[F_HARM_PARALYSIS] = { "harm_paralysis", V_CHOICE, 0, 1, one },
	[F_HARM_DESTROYED] = { "harm_destroyed", V_CHOICE, 0, 1, one },
	[F_HARM_LEAKED]    = { "harm_leaked", V_CHOICE, 0, 1, one },
	[F_HARM_OTHER]     = { "harm_other", V_CHOICE, 0, 1, one },
	[F_LEVEL_REPORTED] = { "level_reported", V_CHOICE, 0, 1, inc_level_choices },
	[F_SYSTEM]         = { "system_id", V_INT, 0, 10, NULL },
	[F_SYSTEM_NAME]    = { "system_name", V_TEXT, 0, 128, NULL },
	[F_DESCRIPTION]    = { "description", V_MULTILINE, 1, INC_TEXT_MAX, NULL },
	[F_MEASURES]       = { "measures", V_MULTILINE, 1, INC_TEXT_MAX, NULL },
	[F_CONSEQUENCES]   = { "consequences", V_MULTILINE, 0, INC_TEXT_MAX, NULL },
	[F_SUGGESTIONS]    = { "suggestions", V_MULTILINE, 0, INC_TEXT_MAX, NULL },
	[F_REPORT_KIND]    = { "report_kind", V_CHOICE, 0, 8, report_kinds },
	[F_REPORT_AT]      = { "report_at", V_TEXT, 0, 19, NULL },
	[F_CALLER]         = { "caller", V_TEXT, 0, 32, NULL },
	[F_VERSION]        = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]          = { "nonce", V_TOKEN, 0, 32, NULL },
};

/* The sheet's fields an edit may change, for the "already holds it" check. */
static const int editable[] = { F_REP_UNIT, F_STARTED, F_DISCOVERED, F_FILLED_BY, F_CATEGORY,
	F_HARM_OUTAGE, F_HARM_PARALYSIS, F_HARM_DESTROYED, F_HARM_LEAKED, F_HARM_OTHER,
	F_LEVEL_REPORTED, F_SYSTEM, F_SYSTEM_NAME, F_DESCRIPTION, F_MEASURES, F_CONSEQUENCES,
	F_SUGGESTIONS };

/* What the form found out about its units and times. */
struct sheet {
	long long unit, rep;
	const char *unit_name;
	long start, discovered, report_at;
	char harm[64];
	const char *tax, *category;	/* pointers into the category's value */
	char tax_buf[16];
};

static int
is_office(const struct ctx *c)
{
	return c->acct.role == ROLE_OFFICE;
}

/* The stored sheet as form values (the edit's prefill, the 409's "now"). */
static void
vals_of(struct ctx *c, const struct inc *in, const char **vals)
{
	const char *const *v = in->v;
	for (int i = 0; i < F__MAX; i++)
		vals[i] = "";
	vals[F_UNIT] = v[IC_UNIT_CODE];
	vals[F_REP_UNIT] = v[IC_REP_CODE];
	vals[F_STARTED] = inc_form_time(c, v[IC_STARTED]);
	vals[F_DISCOVERED] = inc_form_time(c, v[IC_DISCOVERED]);
	vals[F_FILLED_BY] = v[IC_FILLED_BY];
	vals[F_CATEGORY] = ar_printf(c->ar, "%s.%s", v[IC_TAXONOMY], v[IC_CATEGORY]);
	for (int h = 0; h < INC_HARM__MAX; h++) {
		char set[80];
		snprintf(set, sizeof(set), ",%s,", v[IC_HARM]);
		char *code = ar_printf(c->ar, ",%s,", inc_harm_code[h]);
		vals[F_HARM_OUTAGE + h] = code != NULL && strstr(set, code) ? "1" : "";
	}
	vals[F_LEVEL_REPORTED] = strcmp(v[IC_LEVEL_REPORTED], "0") ? v[IC_LEVEL_REPORTED] : "";
	vals[F_SYSTEM] = strcmp(v[IC_SYSTEM_ID], "0") ? v[IC_SYSTEM_ID] : "";
	vals[F_SYSTEM_NAME] = v[IC_SYSTEM_NAME];
	vals[F_DESCRIPTION] = v[IC_DESCRIPTION];
	vals[F_MEASURES] = v[IC_MEASURES];
	vals[F_CONSEQUENCES] = v[IC_CONSEQUENCES];
	vals[F_SUGGESTIONS] = v[IC_SUGGESTIONS];
	vals[F_VERSION] = v[IC_VERSION];
}

/*
 * The form page: blank or typed values with their errors; for an edit the
 * incident as it is now (in), and on a 409 its sheet as form values beside
 * the typed ones, the hidden version then the one now.
 */
static int
form_page(struct ctx *c, int status, const struct inc *in, long long unit, const char *unit_code,
    const char *unit_name, const char **vals, const char **errs)
{
	c->view = VIEW(INC_VIEW_SHEET);
	if (is_office(c))
		pg_node(c->data, "office");
	if (is_office(c) && in == NULL) {	/* the unit picker of the office's unit-first form */
		enum db_rc rc = up_node(c, c->data);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	if (in != NULL) {
		inc_node(c, c->data, in, inc_now());
		if (status == 409) {
			const char *now[F__MAX];
			vals_of(c, in, now);
			pg_conflict(c);
			pg_form(c, pg_node(c->data, "now"), fields, F__MAX, now, NULL);
		}
	} else if (unit != 0) {
		xmlNodePtr u = pg_text(c->data, "unit", unit_name);
		pg_attri(u, "id", unit);
		pg_attr(u, "code", unit_code);
	}
	inc_taxonomy_node(c);
	if (unit != 0) {
		enum db_rc rc = inc_systems_node(c, unit);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	const char *mine = vals[F_VERSION];
	if (in != NULL && status == 409)
		vals[F_VERSION] = in->v[IC_VERSION];
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	pg_attr(c->data->last, "from-version", mine);
	return status;
}

static void
error(const char **errs, int f, const char *code, size_t *bad)
{
	if (errs[f] == NULL) {
		errs[f] = code;
		(*bad)++;
	}
}

/*
 * Checks what the validator table cannot: the units (office), the times
 * and their order (an edit's start not after reported, the first report),
 * the first report (office filing), the system, and splits the category.
 * Adds to errs and returns the count of errors.
 */
static size_t
check_sheet(struct ctx *c, int filing, long reported, const char **vals, const char **errs,
    struct sheet *s, enum db_rc *rc)
{
	size_t bad = 0;
	long now = inc_now();
	const char *e;
	int ok;

	*rc = DB_OK;
	if (filing && is_office(c)) {
		if (*vals[F_UNIT] == '\0')
			error(errs, F_UNIT, "required", &bad);
		else if (errs[F_UNIT] == NULL &&
		    (*rc = inc_unit_by_code(c, vals[F_UNIT], &s->unit, &s->unit_name)) == DB_OK && s->unit == 0)
			error(errs, F_UNIT, "unknown_unit", &bad);
	}
	if (*rc == DB_OK && is_office(c) && *vals[F_REP_UNIT] && errs[F_REP_UNIT] == NULL &&
	    (*rc = inc_unit_by_code(c, vals[F_REP_UNIT], &s->rep, NULL)) == DB_OK && s->rep == 0)
		error(errs, F_REP_UNIT, "unknown_unit", &bad);
	if (*rc != DB_OK)
		return bad;
	if (s->rep == 0)
		s->rep = s->unit;
	/* a time in error is compared with nothing: one message per mistake */
	if (errs[F_STARTED] == NULL && (e = inc_check_time(vals[F_STARTED], now, &s->start)) != NULL)
		error(errs, F_STARTED, e, &bad);
	if (errs[F_DISCOVERED] == NULL && (e = inc_check_time(vals[F_DISCOVERED], now, &s->discovered)) != NULL)
		error(errs, F_DISCOVERED, e, &bad);
	/* an edit cannot move the start past the first report: the clock would run backwards */
	if (errs[F_STARTED] == NULL && reported != INC_NONE && s->start > reported)
		error(errs, F_STARTED, "after_report", &bad);
	int start_ok = errs[F_STARTED] == NULL && s->start != INC_NONE;
	if (start_ok && errs[F_DISCOVERED] == NULL && s->discovered < s->start)
		error(errs, F_DISCOVERED, "before_start", &bad);
	s->report_at = now;
	if (filing && is_office(c)) {
		if (*vals[F_REPORT_KIND] == '\0')
			error(errs, F_REPORT_KIND, "required", &bad);
		if (*vals[F_REPORT_AT] == '\0')
			error(errs, F_REPORT_AT, "required", &bad);
		else if (errs[F_REPORT_AT] == NULL &&
		    (e = inc_check_time(vals[F_REPORT_AT], now, &s->report_at)) != NULL)
			error(errs, F_REPORT_AT, e, &bad);
		else if (start_ok && s->report_at < s->start)
			error(errs, F_REPORT_AT, "before_start", &bad);
		if (strcmp(vals[F_REPORT_KIND], "oral") == 0 && *vals[F_CALLER] == '\0')
			error(errs, F_CALLER, "required", &bad);
	}
	if (*vals[F_SYSTEM] && errs[F_SYSTEM] == NULL && s->unit != 0) {
		if ((*rc = inc_system_of(c, atoll(vals[F_SYSTEM]), s->unit, &ok)) != DB_OK)
			return bad;
		if (!ok)
			error(errs, F_SYSTEM, "unknown_system", &bad);
	}
	s->harm[0] = '\0';
	for (int h = 0; h < INC_HARM__MAX; h++)
		if (*vals[F_HARM_OUTAGE + h]) {
			size_t n = strlen(s->harm);
			snprintf(s->harm + n, sizeof(s->harm) - n, "%s%s", n ? "," : "", inc_harm_code[h]);
		}
	const char *dot = strchr(vals[F_CATEGORY], '.');
	if (dot != NULL) {
		snprintf(s->tax_buf, sizeof(s->tax_buf), "%.*s", (int)(dot - vals[F_CATEGORY]), vals[F_CATEGORY]);
		s->tax = s->tax_buf;
		s->category = dot + 1;
	}
	return bad;
}

int
inc_new_form(struct ctx *c)
{
	const char *vals[F__MAX] = { 0 }, *name = c->acct.unit_name;
	const char *code = is_office(c) ? ctx_q(c, "unit") : c->acct.unit_code;
	char nonce[TX_NONCE_LEN + 1], now[20];
	long long unit = is_office(c) ? 0 : c->acct.unit_id;

	if (is_office(c) && code != NULL && *code) {
		enum db_rc rc = inc_unit_by_code(c, code, &unit, &name);
		if (rc != DB_OK)
			return app_dberr(rc);
	}
	tx_nonce(nonce);
	inc_time_format(inc_now(), now);
	vals[F_UNIT] = unit != 0 ? code : (code != NULL ? code : "");
	vals[F_FILLED_BY] = c->acct.name;
	vals[F_REPORT_KIND] = "oral";
	vals[F_REPORT_AT] = inc_form_time(c, ar_printf(c->ar, "%.16s:00", now));
	vals[F_NONCE] = nonce;
	for (int i = 0; i < F__MAX; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return form_page(c, 200, NULL, unit, code, name, vals, NULL);
}

/* What a filing's or an edit's transaction needs from the checked form. */
struct change {
	const char **vals;
	const struct sheet *s;
};

/*
 * Files the incident with its clock limits and first deadline, and its
 * first report as its first step.
 */
static int
file_tx(struct tx *t, void *arg)
{
	const struct change *ch = arg;
	const char **vals = ch->vals;
	const struct sheet *s = ch->s;
	struct ctx *c = t->c;
	char started[20], discovered[20], reported[20], due[20];
	const char *step;
	int oral = is_office(c) && strcmp(vals[F_REPORT_KIND], "oral") == 0;
	struct inc in;

	for (int k = 0; k < inc_col__MAX; k++)
		in.v[k] = "";
	in.v[IC_STATUS] = "open";
	in.v[IC_LEVEL_PROPOSED] = "0";
	in.lim = inc_set.lim;
	in.t = (struct inc_times){ 0, s->start, s->discovered, oral ? s->report_at : INC_NONE,
		oral ? INC_NONE : s->report_at, INC_NONE, INC_NONE, INC_NONE, INC_NONE };
	inc_next_of(&in, inc_now(), due, &step);
	inc_time_format(s->start, started);
	inc_time_format(s->discovered, discovered);
	inc_time_format(s->report_at, reported);
	const struct inc_limits *l = &inc_set.lim;
	struct db_val p[] = {
		DBI(s->unit), DBI(s->rep), *vals[F_SYSTEM] ? DBI(atoll(vals[F_SYSTEM])) : DBN,
		DBS(vals[F_SYSTEM_NAME]), DBS(started), DBS(discovered), DBS(reported),
		DBS(vals[F_FILLED_BY]), DBS(s->tax), DBS(s->category), DBS(s->harm),
		*vals[F_LEVEL_REPORTED] ? DBI(atoi(vals[F_LEVEL_REPORTED])) : DBN,
		DBS(vals[F_DESCRIPTION]), DBS(vals[F_MEASURES]), DBS(vals[F_CONSEQUENCES]),
		DBS(vals[F_SUGGESTIONS]), oral ? DBS(reported) : DBN, oral ? DBN : DBS(reported),
		DBS(due), DBS(step), DBI(l->first_ontime), DBI(l->first_late), DBI(l->first_missed),
		DBI(l->written), DBI(l->review), DBI(l->rectify_days), DBS(inc_set.profile->code),
		DBS(inc_set.profile->version), DBS(vals[F_NONCE]),
		DBS(c->acct.login), DBS(c->acct.login),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_INSERT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	long long id = (long long)db_insert_id(c->db);
	char now[20];
	inc_time_format(inc_now(), now);
	const char *detail = is_office(c) ? vals[F_CALLER] : "";
	struct db_val sp[] = {
		DBI(id), DBS(oral ? "oral" : "written"), DBS(reported), DBS(now), DBS(c->acct.login),
		DBS(c->acct.name), DBS(detail), DBN,
	};
	if ((rc = SQL_RUN(c, INC_SQL_STEP_INSERT, sp, NULL, NULL)) != DB_OK)
		return rc;
	t->record = "incident";
	t->id = id;
	t->action = "create";
	t->after = inc_form_json(c, fields, F__MAX, vals);
	t->then = ar_printf(c->ar, "/incidents/%lld?saved=1", id);
	return TX_COMMIT;
}

int
inc_new(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX];
	struct sheet s = { .unit = is_office(c) ? 0 : c->acct.unit_id, .unit_name = c->acct.unit_name };
	enum db_rc rc;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (!is_office(c)) {
		/* a unit files for itself: what its form cannot change is not read */
		vals[F_UNIT] = c->acct.unit_code;
		vals[F_REP_UNIT] = vals[F_REPORT_KIND] = vals[F_REPORT_AT] = vals[F_CALLER] = "";
		errs[F_UNIT] = errs[F_REP_UNIT] = errs[F_REPORT_KIND] = errs[F_REPORT_AT] = errs[F_CALLER] = NULL;
	}
	if (*vals[F_NONCE] == '\0' && errs[F_NONCE] == NULL)
		error(errs, F_NONCE, "required", &bad);
	bad += check_sheet(c, 1, INC_NONE, vals, errs, &s, &rc);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (bad)
		return form_page(c, 422, NULL, s.unit, vals[F_UNIT], s.unit_name, vals, errs);
	struct change ch = { vals, &s };
	struct tx t = { .c = c, .nonce = vals[F_NONCE] };
	return tx_run(&t, file_tx, &ch);
}

/* Incident c->id for a change of its sheet: 200 with in loaded, or the status to return. */
static int
open_for_edit(struct ctx *c, struct inc *in)
{
	int st = inc_find(c, in);
	if (st != 200)
		return st;
	if (!inc_may(c, in, INC_ACT_EDIT))
		return auth_deny(c, "incident", c->id);
	return 200;
}

int
inc_edit_form(struct ctx *c)
{
	const char *vals[F__MAX];
	struct inc in;
	int st = open_for_edit(c, &in);
	if (st != 200)
		return st;
	if (!inc_state_allows(&in, INC_ACT_EDIT))
		return resp_redirect(c, ar_printf(c->ar, "/incidents/%lld", in.id));	/* closed: read only */
	vals_of(c, &in, vals);
	return form_page(c, 200, &in, in.unit_id, in.v[IC_UNIT_CODE], NULL, vals, NULL);
}

/* Does the stored sheet hold exactly these values (times by their value)? */
static int
holds(struct ctx *c, const struct inc *in, const char **vals)
{
	const char *now[F__MAX];
	vals_of(c, in, now);
	for (size_t i = 0; i < sizeof(editable) / sizeof(editable[0]); i++) {
		int f = editable[i];
		if (f == F_STARTED || f == F_DISCOVERED ? inc_time(now[f]) != inc_time(vals[f]) :
		    strcmp(now[f], vals[f]) != 0)
			return 0;
	}
	return 1;
}

/*
 * Changes the sheet of the incident locked at the form's version, with the
 * deadlines its times set.  409: another change landed since the form was
 * shown, or the incident was closed.
 */
static int
edit_tx(struct tx *t, void *arg)
{
	const struct change *ch = arg;
	const char **vals = ch->vals, *before[F__MAX];
	const struct sheet *s = ch->s;
	struct ctx *c = t->c;
	char started[20], discovered[20], due[20];
	const char *step;
	struct inc now;

	int st = inc_lock(c, c->id, vals[F_VERSION], INC_ACT_EDIT, &now);
	if (st != TX_COMMIT)
		return st;
	vals_of(c, &now, before);
	/* the new times move the deadlines that count from them */
	now.t.start = s->start;
	now.t.discovered = s->discovered;
	inc_next_of(&now, inc_now(), due, &step);
	inc_time_format(s->start, started);
	inc_time_format(s->discovered, discovered);
	struct db_val up[] = {
		DBI(s->rep), *vals[F_SYSTEM] ? DBI(atoll(vals[F_SYSTEM])) : DBN, DBS(vals[F_SYSTEM_NAME]),
		DBS(started), DBS(discovered), DBS(vals[F_FILLED_BY]), DBS(s->tax), DBS(s->category),
		DBS(s->harm), *vals[F_LEVEL_REPORTED] ? DBI(atoi(vals[F_LEVEL_REPORTED])) : DBN,
		DBS(vals[F_DESCRIPTION]), DBS(vals[F_MEASURES]), DBS(vals[F_CONSEQUENCES]),
		DBS(vals[F_SUGGESTIONS]), DBS(due), DBS(step), DBS(c->acct.login), DBI(c->id),
		DBI(now.version),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_UPDATE_SHEET, up, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->record = "incident";
	t->id = c->id;
	t->action = "edit";
	t->before = inc_form_json(c, fields, F__MAX, before);
	t->after = inc_form_json(c, fields, F__MAX, vals);
	t->then = ar_printf(c->ar, "/incidents/%lld?saved=1", c->id);
	return TX_COMMIT;
}

/*
 * A lost race: the sheet as it is now beside what was typed, unless it
 * already holds exactly that (this edit's double submit: done).
 */
static int
conflict(struct ctx *c, const char **vals)
{
	struct inc now;
	int st = inc_find(c, &now);
	if (st != 200)
		return st;
	if (inc_state_allows(&now, INC_ACT_EDIT) && holds(c, &now, vals))
		return resp_redirect(c, ar_printf(c->ar, "/incidents/%lld?saved=1", c->id));
	if (!inc_state_allows(&now, INC_ACT_EDIT))
		pg_msg(c, "", "closed");
	return form_page(c, 409, &now, now.unit_id, now.v[IC_UNIT_CODE], NULL, vals, NULL);
}

int
inc_edit(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *before[F__MAX];
	struct inc in;
	struct sheet s;
	enum db_rc rc;
	int st;

	if ((st = open_for_edit(c, &in)) != 200)
		return st;
	s = (struct sheet){ .unit = in.unit_id, .rep = atoll(in.v[IC_REP_ID]) };
	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	/* the unit and, but for the office, the times that set the clock stay as filed */
	vals_of(c, &in, before);
	vals[F_UNIT] = before[F_UNIT];
	errs[F_UNIT] = NULL;
	if (!is_office(c)) {
		vals[F_REP_UNIT] = before[F_REP_UNIT];
		vals[F_STARTED] = before[F_STARTED];
		vals[F_DISCOVERED] = before[F_DISCOVERED];
		errs[F_REP_UNIT] = errs[F_STARTED] = errs[F_DISCOVERED] = NULL;
	}
	vals[F_REPORT_KIND] = vals[F_REPORT_AT] = vals[F_CALLER] = vals[F_NONCE] = "";
	errs[F_REPORT_KIND] = errs[F_REPORT_AT] = errs[F_CALLER] = errs[F_NONCE] = NULL;
	bad = 0;
	for (int i = 0; i < F__MAX; i++)
		bad += errs[i] != NULL;
	if (*vals[F_VERSION] == '\0' && errs[F_VERSION] == NULL)
		error(errs, F_VERSION, "required", &bad);
	bad += check_sheet(c, 0, inc_time(in.v[IC_REPORTED]), vals, errs, &s, &rc);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (bad)
		return form_page(c, 422, &in, in.unit_id, in.v[IC_UNIT_CODE], NULL, vals, errs);
	/* an edit has no nonce: its double submit is told by the sheet holding it already */
	struct change ch = { vals, &s };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, edit_tx, &ch);
	return st == 409 ? conflict(c, vals) : st;
}
