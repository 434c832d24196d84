/*
 * period.c — important periods (重要时期报平安, seed 000 §4(7)): the office
 * declares a period (a name, the first and last day); on each of its days
 * every active unit reports an all clear, or an incident (optionally the
 * incident it filed).  A unit reports for today only, once: a second report
 * of the same day is a 409 that shows the first; the form's nonce, taken
 * in the report's transaction (tx.h), makes a double submit one report.
 * The office may report for a unit (a phone call) by its code.
 *
 * The period's page shows one day (?day=, default today, or the period's
 * nearest day): how many units reported, and the units that did not
 * (?show=missing, the default), did (reported) or all, 50 a page by unit
 * code (?after=CODE).  A unit's staff see their own unit.
 *
 * The list of periods has the everyday tools (inc_periods below).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "listq.h"
#include "sheet.h"
#include "tx.h"

enum { P_NAME, P_STARTS, P_ENDS, P_REMARK, P_NONCE, P__MAX };
static const struct vfield pfields[P__MAX] = {
	[P_NAME]   = { "period_name", V_TEXT, 1, 64, NULL },
	[P_STARTS] = { "starts", V_DATE, 1, 10, NULL },
	[P_ENDS]   = { "ends", V_DATE, 1, 10, NULL },
	[P_REMARK] = { "remark", V_MULTILINE, 0, 500, NULL },
	[P_NONCE]  = { "nonce", V_TOKEN, 1, 32, NULL },
};

static const char *const report_choices[] = { "clear", "incident", NULL };
enum { R_UNIT, R_STATUS, R_INCIDENT, R_REMARK, R_NONCE, R__MAX };
static const struct vfield rfields[R__MAX] = {
	[R_UNIT]     = { "report_unit", V_TOKEN, 0, 32, NULL },
	[R_STATUS]   = { "report", V_CHOICE, 1, 8, report_choices },
	[R_INCIDENT] = { "incident_id", V_INT, 0, 10, NULL },
	[R_REMARK]   = { "remark", V_MULTILINE, 0, 500, NULL },
	[R_NONCE]    = { "nonce", V_TOKEN, 1, 32, NULL },
};

static const char *const show_choices[] = { "missing", "reported", "all", NULL };

struct period {
	struct ctx *c;
	long long id;
	const char *name, *starts, *ends, *remark, *created_at, *created_by;
	int first, last;	/* days */
};

static int
period_row(void *arg, const struct db_row *r)
{
	struct period *p = arg;
	struct arena *ar = p->c->ar;
	p->id = atoll(r->v[PD_ID]);
	p->name = ar_strdup(ar, r->v[PD_NAME]);
	p->starts = ar_strdup(ar, r->v[PD_STARTS]);
	p->ends = ar_strdup(ar, r->v[PD_ENDS]);
	p->remark = ar_strdup(ar, r->v[PD_REMARK]);
	p->created_at = ar_strdup(ar, r->v[PD_CREATED_AT]);
	p->created_by = ar_strdup(ar, r->v[PD_CREATED_BY]);
	p->first = wd_parse(r->v[PD_STARTS]);
	p->last = wd_parse(r->v[PD_ENDS]);
	return 0;
}

static xmlNodePtr
period_node(xmlNodePtr parent, const char *id, const char *name, const char *starts, const char *ends,
    const char *remark)
{
	char today[11];
	wd_format(wd_today(), today);
	xmlNodePtr n = pg_node(parent, "period");
	pg_attr(n, "id", id);
	pg_attr(n, "starts", starts);
	pg_attr(n, "ends", ends);
	pg_attr(n, "current", strcmp(starts, today) <= 0 && strcmp(today, ends) <= 0 ? "1" : "0");
	pg_text(n, "name", name);
	pg_text(n, "remark", remark);
	return n;
}

/*
 * The everyday tools (core/listq.h): ?q= (a prefix of the name),
 * ?sort=id|starts|name&dir=, keyset pages, ?format=csv|xlsx, and the
 * office's ?unit=ID (the dashboard's 报平安 cells): each period then says
 * how many of its days so far that unit reported.  A unit's staff see
 * their own unit's count.
 */
static const struct lq_col lq_cols[] = { { "id", LQ_INT, 1 }, { "starts", LQ_DATE, 0 }, { "name", LQ_STR, 0 } };
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 1, LQ_INT };
static const int lq_stmt[] = {
	INC_SQL_PLQ_ID_ASC, INC_SQL_PLQ_ID_DESC, INC_SQL_PLQ_STARTS_ASC, INC_SQL_PLQ_STARTS_DESC,
	INC_SQL_PLQ_NAME_ASC, INC_SQL_PLQ_NAME_DESC,
};
static const int lq_key[] = { PD_ID, PD_STARTS, PD_NAME };
#define PL_REPORTED inc_period_col__MAX		/* the list's column after the period's */

/* The export's columns; the last two with a unit only. */
static const char *const sheet_keys[] = {
	"field.period_name", "field.starts", "field.ends", "field.remark", "sheet.inc.days", "sheet.inc.reported",
};

/* The days of a period up to today (0 before it starts). */
static long
days_so_far(const char *starts, const char *ends)
{
	int first = wd_parse(starts), last = wd_parse(ends), today = wd_today();
	if (last > today)
		last = today;
	return last >= first ? last - first + 1 : 0;
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct inc_rows *l = arg;
	const char *const *v = r->v;
	if (l->sheet != NULL) {
		const char *days = ar_printf(l->c->ar, "%ld", days_so_far(v[PD_STARTS], v[PD_ENDS]));
		const char *row[] = { v[PD_NAME], v[PD_STARTS], v[PD_ENDS], v[PD_REMARK], days, v[PL_REPORTED] };
		_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
		sheet_row(l->sheet, row);
		return 0;
	}
	if (l->n++ == INC_PAGE_ROWS)
		return 1;
	xmlNodePtr n = period_node(l->parent, v[PD_ID], v[PD_NAME], v[PD_STARTS], v[PD_ENDS], v[PD_REMARK]);
	if (l->unit) {
		pg_attri(n, "days", days_so_far(v[PD_STARTS], v[PD_ENDS]));
		pg_attr(n, "reported", v[PL_REPORTED]);
	}
	l->last_key = ar_strdup(l->c->ar, v[l->key_col]);
	l->last_id = atoll(v[PD_ID]);
	return 0;
}

int
inc_periods(struct ctx *c)
{
	long long unit;
	struct listq lq;
	enum sheet_fmt fmt;
	int st, exp = sheet_wanted(c, &fmt);

	c->view = VIEW(INC_VIEW_PERIODS);
	xmlNodePtr f = pg_node(c->data, "filter");
	if (exp < 0)
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0 || (st = inc_list_unit(c, f, &unit)) != 0)
		return st;
	lq_node(c, f, &lq, &lq_def);
	struct inc_rows l = { .c = c, .parent = pg_node(c->data, "periods"), .key_col = lq_key[lq.sort],
		.unit = unit };
	struct db_val p[] = { DBI(unit), DBI(unit), DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after),
		DBS(lq.q), DBS(lq.like), DBI(exp ? 0x7fffffffffffLL : INC_PAGE_ROWS + 1) };
	_Static_assert(DB_NARGS(p) == INC_SQL_PLQ_ID_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(&lq)]);
	if (exp) {
		size_t ncols = APP_COUNT(sheet_keys) - (unit ? 0 : 2);
		return sheet_run(c, fmt, "periods", sheet_keys, ncols, &l.sheet, id, p, DB_NARGS(p), list_row,
		    &l);
	}
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	inc_rows_lq(&l, &lq);
	return 200;
}

static int
form_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	c->view = VIEW(INC_VIEW_PERIOD_FORM);
	pg_form(c, c->data, pfields, P__MAX, vals, errs);
	return status;
}

int
inc_period_form(struct ctx *c)
{
	char nonce[TX_NONCE_LEN + 1], today[11];
	tx_nonce(nonce);
	wd_format(wd_today(), today);
	const char *vals[P__MAX] = { "", today, today, "", nonce };
	return form_page(c, 200, vals, NULL);
}

/* Declares the period the form describes. */
static int
period_tx(struct tx *t, void *arg)
{
	const char **vals = arg;
	struct ctx *c = t->c;
	struct db_val p[] = { DBS(vals[P_NAME]), DBS(vals[P_STARTS]), DBS(vals[P_ENDS]), DBS(vals[P_REMARK]),
		DBS(vals[P_NONCE]), DBS(c->acct.login) };
	enum db_rc rc = SQL_RUN(c, INC_SQL_PERIOD_INSERT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	t->record = "period";
	t->id = (long long)db_insert_id(c->db);
	t->action = "create";
	t->after = inc_form_json(c, pfields, P__MAX, vals);
	t->then = ar_printf(c->ar, "/incidents/periods/%lld?saved=1", t->id);
	return TX_COMMIT;
}

int
inc_period_new(struct ctx *c)
{
	const char *vals[P__MAX], *errs[P__MAX];

	size_t bad = valid_form(pfields, P__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[P_STARTS] == NULL && errs[P_ENDS] == NULL && strcmp(vals[P_ENDS], vals[P_STARTS]) < 0) {
		errs[P_ENDS] = "before_starts";
		bad++;
	}
	if (bad)
		return form_page(c, 422, vals, errs);
	struct tx t = { .c = c, .nonce = vals[P_NONCE] };
	return tx_run(&t, period_tx, vals);
}

static int
unit_row(void *arg, const struct db_row *r)
{
	struct inc_rows *u = arg;
	if (u->n++ == INC_PAGE_ROWS)
		return 1;
	xmlNodePtr e = pg_node(u->parent, "unit");
	pg_attr(e, "id", r->v[PU_ID]);
	pg_attr(e, "code", r->v[PU_CODE]);
	if (*r->v[PU_STATUS]) {	/* "" when the unit has not reported that day */
		pg_attr(e, "report", r->v[PU_STATUS]);
		if (strcmp(r->v[PU_INCIDENT_ID], "0") != 0)
			pg_attr(e, "incident-id", r->v[PU_INCIDENT_ID]);
		pg_attr(e, "reported", r->v[PU_REPORTED_AT]);
		pg_attr(e, "by", r->v[PU_REPORTED_BY]);
		pg_text(e, "remark", r->v[PU_REMARK]);
	}
	pg_text(e, "name", inc_unit_name(u->c, r->v[PU_NAME], r->v[PU_NAME_EN]));
	u->last_key = ar_strdup(u->c->ar, r->v[PU_CODE]);
	return 0;
}

static int
count_row(void *arg, const struct db_row *r)
{
	xmlNodePtr d = arg;
	pg_attr(d, "units", r->v[PC_UNITS]);
	pg_attr(d, "reported", r->v[PC_REPORTED]);
	return 0;
}

static int
incident_row(void *arg, const struct db_row *r)
{
	xmlNodePtr e = pg_node(arg, "incident");
	pg_attr(e, "id", r->v[UI_ID]);
	pg_attr(e, "started", r->v[UI_STARTED]);
	pg_attr(e, "taxonomy", r->v[UI_TAXONOMY]);
	pg_attr(e, "category", r->v[UI_CATEGORY]);
	return 0;
}

/*
 * The period's page for one day: the counts, the units shown, the report
 * form, and with mine set that unit's report of the day (<mine>).
 */
static int
page(struct ctx *c, const struct period *p, int status, const char **vals, const char **errs,
    long long mine)
{
	static const struct vfield fd = { "day", V_DATE, 0, 10, NULL };
	static const struct vfield fs = { "show", V_CHOICE, 0, 8, show_choices };
	static const struct vfield fa = { "after", V_TOKEN, 0, 32, NULL };
	const char *dq = ctx_q(c, "day"), *show = ctx_q(c, "show"), *after = ctx_q(c, "after");
	long long only = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	int today = wd_today(), day;
	char ds[11], ts[11];
	enum db_rc rc;

	c->view = VIEW(INC_VIEW_PERIOD);
	if ((dq && valid_check(&fd, dq)) || (after && valid_check(&fa, after)))
		return 400;
	if (show == NULL || *show == '\0' || valid_check(&fs, show) != NULL)
		show = "missing";
	day = dq && *dq ? wd_parse(dq) : today;
	day = day < p->first ? p->first : day > p->last ? p->last : day;
	wd_format(day, ds);
	wd_format(today, ts);
	xmlNodePtr pn = period_node(c->data, ar_printf(c->ar, "%lld", p->id), p->name, p->starts, p->ends,
	    p->remark);
	pg_attr(pn, "created", p->created_at);
	pg_attr(pn, "created-by", p->created_by);
	xmlNodePtr dn = pg_node(c->data, "day");
	pg_attr(dn, "date", ds);
	pg_attr(dn, "today", day == today ? "1" : "0");
	pg_attr(dn, "show", show);
	if (day > p->first) {
		wd_format(day - 1, ts);
		pg_attr(dn, "prev", ts);
	}
	if (day < p->last && day < today) {
		wd_format(day + 1, ts);
		pg_attr(dn, "next", ts);
	}
	struct db_val cp[] = { DBI(p->id), DBS(ds) };
	if ((rc = SQL_RUN(c, INC_SQL_PERIOD_COUNT, cp, count_row, dn)) != DB_OK)
		return app_dberr(rc);
	struct inc_rows u = { c, pg_node(c->data, "units"), 0, 0, NULL, 0, NULL, 0, 0 };
	struct db_val up[] = { DBI(p->id), DBS(ds), DBI(only), DBI(only), DBS(after ? after : ""),
		DBS(show), DBS(show), DBS(show) };
	if ((rc = SQL_RUN(c, INC_SQL_PERIOD_UNITS, up, unit_row, &u)) != DB_OK)
		return app_dberr(rc);
	inc_rows_end(&u, u.last_key);
	if (mine != 0) {
		struct inc_rows m = { c, pg_node(c->data, "mine"), 0, 0, NULL, 0, NULL, 0, 0 };
		struct db_val mp[] = { DBI(p->id), DBS(ds), DBI(mine), DBI(mine), DBS(""), DBS("all"),
			DBS("all"), DBS("all") };
		if ((rc = SQL_RUN(c, INC_SQL_PERIOD_UNITS, mp, unit_row, &m)) != DB_OK)
			return app_dberr(rc);
	}
	/* reporting is for today, inside the period, by a unit (its own) or the office */
	if (day == today && (c->acct.role & (ROLES_UNIT | ROLE_OFFICE))) {
		pg_attr(pg_node(c->data, "can"), "action", "report");
		if (c->acct.role & ROLES_UNIT) {
			struct db_val ip[] = { DBI(c->acct.unit_id) };
			if ((rc = SQL_RUN(c, INC_SQL_UNIT_INCIDENTS, ip, incident_row,
			    pg_node(c->data, "incidents"))) != DB_OK)
				return app_dberr(rc);
		}
	}
	pg_form(c, c->data, rfields, R__MAX, vals, errs);
	if (status == 200 && ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return status;
}

static int
load(struct ctx *c, struct period *p)
{
	struct db_val v[] = { DBI(c->id) };
	memset(p, 0, sizeof(*p));
	p->c = c;
	enum db_rc rc = SQL_RUN(c, INC_SQL_PERIOD, v, period_row, p);
	if (rc != DB_OK)
		return app_dberr(rc);
	return p->id ? 200 : 404;
}

int
inc_period(struct ctx *c)
{
	struct period p;
	char nonce[TX_NONCE_LEN + 1];
	int st = load(c, &p);
	if (st != 200)
		return st;
	tx_nonce(nonce);
	const char *vals[R__MAX] = { "", "clear", "", "", nonce };
	return page(c, &p, 200, vals, NULL, (c->acct.role & ROLES_UNIT) ? c->acct.unit_id : 0);
}

/* What a report's transaction needs from the checked form. */
struct report {
	const char **vals;
	long long period, unit;
	const char *day;
};

/* Records the unit's report of the day.  409: the unit has reported that day already. */
static int
report_tx(struct tx *t, void *arg)
{
	const struct report *rp = arg;
	const char **vals = rp->vals;
	struct ctx *c = t->c;
	char now[20];

	inc_time_format(inc_now(), now);
	struct db_val v[] = {
		DBI(rp->period), DBI(rp->unit), DBS(rp->day), DBS(vals[R_STATUS]),
		*vals[R_INCIDENT] ? DBI(atoll(vals[R_INCIDENT])) : DBN, DBS(vals[R_REMARK]), DBS(now),
		DBS(c->acct.login), DBS(vals[R_NONCE]),
	};
	enum db_rc rc = SQL_RUN(c, INC_SQL_PERIOD_REPORT, v, NULL, NULL);
	if (rc != DB_OK)
		return rc == DB_DUP ? 409 : rc;	/* the key (period, day, unit) */
	t->record = "period_report";
	t->id = (long long)db_insert_id(c->db);
	t->action = "report";
	t->after = inc_form_json(c, rfields, R__MAX, vals);
	t->then = ar_printf(c->ar, "/incidents/periods/%lld?saved=1", rp->period);
	return TX_COMMIT;
}

/* POST periods/{id}/report: today's all clear or incident, for the account's unit (office: by code). */
int
inc_period_report(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	struct period p;
	long long unit = c->acct.unit_id, owner = 0;
	int today = wd_today(), st;
	char ds[11];
	enum db_rc rc = DB_OK;

	if ((st = load(c, &p)) != 200)
		return st;
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (c->acct.role == ROLE_OFFICE) {
		if (*vals[R_UNIT] == '\0' && errs[R_UNIT] == NULL)
			errs[R_UNIT] = "required";
		else if (errs[R_UNIT] == NULL && (rc = inc_unit_by_code(c, vals[R_UNIT], &unit, NULL)) == DB_OK &&
		    unit == 0)
			errs[R_UNIT] = "unknown_unit";
		bad += errs[R_UNIT] != NULL;
	} else {
		vals[R_UNIT] = c->acct.unit_code;
	}
	if (rc == DB_OK && *vals[R_INCIDENT] && errs[R_INCIDENT] == NULL) {
		struct db_val ip[] = { DBI(atoll(vals[R_INCIDENT])) };
		if ((rc = SQL_RUN(c, INC_SQL_OWN_INCIDENT, ip, inc_owner_row, &owner)) == DB_OK && owner != unit) {
			errs[R_INCIDENT] = "unknown_incident";
			bad++;
		}
	}
	if (rc != DB_OK)
		return app_dberr(rc);
	if (today < p.first || today > p.last) {
		pg_msg(c, "", "outside_period");
		bad++;
	}
	if (bad)
		return page(c, &p, 422, vals, errs, unit);
	wd_format(today, ds);
	struct report rp = { vals, p.id, unit, ds };
	struct tx t = { .c = c, .nonce = vals[R_NONCE] };
	if ((st = tx_run(&t, report_tx, &rp)) != 409)
		return st;
	/* the unit has reported today already: the page shows that report beside this form */
	pg_conflict(c);
	return page(c, &p, 409, vals, NULL, unit);
}
