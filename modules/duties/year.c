/*
 * year.c — the office opens a year (GET/POST /duties/year): the day it sets
 * for the units' self-inspection reports (seed 000 §4(6)(3): "每年12月前",
 * so the form offers 30 November first), and one instance per active duty
 * and owner — each active unit but the school for a unit's duty, the
 * office for its own — due on the duty's day of that year (due.h).
 *
 * Opening a year again is safe: it adds the instances missing (a unit made
 * since) and keeps the rest; a new self-inspection day moves the due day of
 * those instances (accepted ones too: the record says what was asked).  So
 * a double submit changes nothing more, and no nonce is needed.  One
 * transaction, one audit row (record duty_year, id the year).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "duties.h"
#include "tx.h"

enum { YF_YEAR, YF_DUE, YF__MAX };
static const struct vfield fields[YF__MAX] = {
	[YF_YEAR] = { "year", V_INT, 1, 4, NULL },
	[YF_DUE]  = { "inspect_due", V_DATE, 1, 10, NULL },
};

struct def {
	long long id;
	int office, sets, month, day;
};
struct defs {
	struct def d[64];
	size_t n;
};

static int
def_row(void *arg, const struct db_row *r)
{
	struct defs *k = arg;
	if (k->n == sizeof(k->d) / sizeof(k->d[0]))
		return 1;
	struct def *d = &k->d[k->n++];
	d->id = atoll(r->v[DF_ID]);
	d->office = strcmp(r->v[DF_OWNER], "office") == 0;
	d->sets = strcmp(r->v[DF_RULE], "office_sets") == 0;
	d->month = atoi(r->v[DF_MONTH]);
	d->day = atoi(r->v[DF_DAY]);
	return 0;
}

/* The day the office has set for year, or "" (not opened). */
struct yrow {
	char due[11];
};

static int
year_row(void *arg, const struct db_row *r)
{
	snprintf(((struct yrow *)arg)->due, 11, "%s", r->v[YR_DUE]);
	return 0;
}

static int
years_row(void *arg, const struct db_row *r)
{
	xmlNodePtr y = pg_text(arg, "y", r->v[YS_YEAR]);
	pg_attr(y, "n", r->v[YS_N]);
	pg_attr(y, "open", r->v[YS_OPEN]);
	return 0;
}

/* The self-inspection duty's own default day (30 November) in year. */
static void
default_due(int year, char out[11])
{
	if (du_due_date(year, 11, 30, out) != 0)
		out[0] = '\0';
}

static int
page(struct ctx *c, int status, int year, const char **vals, const char **errs)
{
	struct yrow y = { "" };
	char dflt[11];
	enum db_rc rc;
	c->view = VIEW(DU_VIEW_YEAR);
	struct db_val p[] = { DBI(year) };
	if ((rc = SQL_RUN(c, DU_SQL_YEAR_GET, p, year_row, &y)) != DB_OK)
		return app_dberr(rc);
	xmlNodePtr n = pg_node(c->data, "year");
	pg_attri(n, "year", year);
	pg_attr(n, "opened", *y.due ? "1" : "0");
	if (*y.due)
		pg_attr(n, "inspect-due", y.due);
	default_due(year, dflt);
	pg_attr(n, "default-due", dflt);
	xmlNodePtr ys = pg_node(c->data, "years");
	if ((rc = SQL_RUN0(c, DU_SQL_YEARS, years_row, ys)) != DB_OK)
		return app_dberr(rc);
	const char *blank[YF__MAX] = { ar_printf(c->ar, "%d", year), *y.due ? y.due : dflt };
	pg_form(c, c->data, fields, YF__MAX, vals ? vals : blank, errs);
	return status;
}

int
du_year_form(struct ctx *c)
{
	const char *q = ctx_q(c, "year");
	int year = q != NULL && strlen(q) == 4 && strspn(q, "0123456789") == 4 ? atoi(q) : du_this_year();
	if (year < DU_YEAR_MIN || year > DU_YEAR_MAX)
		year = du_this_year();
	return page(c, 200, year, NULL, NULL);
}

struct opening {
	int year;
	const char *due;
	long long added;
};

static int
open_tx(struct tx *t, void *arg)
{
	struct opening *o = arg;
	struct ctx *c = t->c;
	struct defs k = { .n = 0 };
	struct yrow was = { "" };
	enum db_rc rc;

	o->added = 0;
	struct db_val yp[] = { DBI(o->year) };
	if ((rc = SQL_RUN(c, DU_SQL_YEAR_GET, yp, year_row, &was)) != DB_OK)
		return rc;
	struct db_val put[] = { DBI(o->year), DBS(o->due), DBS(c->acct.login), DBS(c->acct.login) };
	if ((rc = SQL_RUN(c, DU_SQL_YEAR_PUT, put, NULL, NULL)) != DB_OK)
		return rc;
	if ((rc = SQL_RUN0(c, DU_SQL_DEFS, def_row, &k)) != DB_OK)
		return rc;
	for (size_t i = 0; i < k.n; i++) {
		char due[11];
		const struct def *d = &k.d[i];
		if (d->sets)
			snprintf(due, sizeof(due), "%s", o->due);
		else if (du_due_date(o->year, d->month, d->day, due) != 0)
			continue;	/* the schema's CHECK keeps this from happening */
		struct db_val p[] = { DBI(d->id), DBI(o->year), DBS(due), DBS(c->acct.login), DBS(c->acct.login) };
		rc = d->office ? SQL_RUN(c, DU_SQL_OPEN_OFFICE, p, NULL, NULL) :
		    SQL_RUN(c, DU_SQL_OPEN_UNITS, p, NULL, NULL);
		if (rc != DB_OK)
			return rc;
		o->added += (long long)db_affected(c->db);
	}
	struct db_val sd[] = { DBS(o->due), DBS(c->acct.login), DBI(o->year), DBS(o->due) };
	if ((rc = SQL_RUN(c, DU_SQL_SET_DUE, sd, NULL, NULL)) != DB_OK)
		return rc;
	t->record = "duty_year";
	t->id = o->year;
	t->action = *was.due ? "change" : "open";
	t->before = *was.due ? ar_printf(c->ar, "{\"inspect_due\":\"%s\"}", was.due) : NULL;
	t->after = ar_printf(c->ar, "{\"inspect_due\":\"%s\",\"added\":%lld}", o->due, o->added);
	t->then = ar_printf(c->ar, "/duties/?year=%d&saved=1", o->year);
	return TX_COMMIT;
}

int
du_year_open(struct ctx *c)
{
	const char *vals[YF__MAX], *errs[YF__MAX];
	size_t bad = valid_form(fields, YF__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int year = errs[YF_YEAR] == NULL ? atoi(vals[YF_YEAR]) : 0;
	if (errs[YF_YEAR] == NULL && (year < DU_YEAR_MIN || year > DU_YEAR_MAX))
		bad += valid_flag(errs, YF_YEAR, "du_year");
	/* the day must lie in the year it is set for */
	if (errs[YF_YEAR] == NULL && errs[YF_DUE] == NULL && !du_date_in_year(vals[YF_DUE], year))
		bad += valid_flag(errs, YF_DUE, "du_year_date");
	if (bad)
		return page(c, 422, errs[YF_YEAR] == NULL ? year : du_this_year(), vals, errs);
	struct opening o = { year, vals[YF_DUE], 0 };
	struct tx t = { .c = c, .nonce = NULL };
	return tx_run(&t, open_tx, &o);
}
