/*
 * charts.c — GET /dashboard/charts?year=YYYY: incidents per month by
 * category (from dash_month, rebuilt with each refresh) and the on-time
 * rate of first reports per unit (the snapshot's inc duty, this year: the
 * 50 units with the most late reports).  The stylesheet draws both as SVG
 * and repeats the numbers as tables; no script.
 */
#include <stdlib.h>
#include <string.h>
#include "dashboard.h"

#define DASH_MAX_CATS 32	/* both taxonomies have 17 categories together */

struct months {
	struct ctx *c;
	size_t n;
	const char *tax[DASH_MAX_CATS], *cat[DASH_MAX_CATS];
	long long count[DASH_MAX_CATS][13];
	long long total[13];
};

static int
month_row(void *arg, const struct db_row *r)
{
	struct months *m = arg;
	int mon = atoi(r->v[DMO_MONTH]);
	size_t i;
	if (mon < 1 || mon > 12)
		return 0;
	/* rows come ordered by taxonomy and category: a new pair starts a new series */
	for (i = 0; i < m->n; i++)
		if (strcmp(m->tax[i], r->v[DMO_TAX]) == 0 && strcmp(m->cat[i], r->v[DMO_CAT]) == 0)
			break;
	if (i == m->n) {
		if (m->n == DASH_MAX_CATS)
			return 0;
		m->tax[i] = ar_strdup(m->c->ar, r->v[DMO_TAX]);
		m->cat[i] = ar_strdup(m->c->ar, r->v[DMO_CAT]);
		m->n++;
	}
	long long n = atoll(r->v[DMO_N]);
	m->count[i][mon] += n;
	m->count[i][0] += n;
	m->total[mon] += n;
	m->total[0] += n;
	return 0;
}

struct rates {
	struct ctx *c;
	xmlNodePtr parent;
};

static int
rate_row(void *arg, const struct db_row *r)
{
	struct rates *x = arg;
	struct ctx *c = x->c;
	xmlNodePtr parent = x->parent;
	long long g = atoll(r->v[DRA_G]), t = atoll(r->v[DRA_T]);
	xmlNodePtr u = pg_node(parent, "unit");
	pg_attr(u, "code", r->v[DRA_CODE]);
	pg_attri(u, "g", g);
	pg_attri(u, "t", t);
	pg_attri(u, "pct", t > 0 ? (g * 100 + t / 2) / t : 0);
	pg_text(u, "name", c->lang == LANG_EN && *r->v[DRA_NAME_EN] ? r->v[DRA_NAME_EN] : r->v[DRA_NAME]);
	return 0;
}

int
dash_charts(struct ctx *c)
{
	static const struct vfield fyear = { "year", V_INT, 0, 4, NULL };
	const char *qy = ctx_q(c, "year");
	struct months *m = ar_alloc(c->ar, sizeof(*m));
	int done;
	enum db_rc rc;

	c->view = VIEW(DASH_VIEW_CHARTS);
	if (m == NULL)
		return 500;
	memset(m, 0, sizeof(*m));
	m->c = c;
	long long y = dash_year();
	if (qy && *qy) {
		if (valid_check(&fyear, qy) != NULL || atoll(qy) < DASH_CARD_MIN_YEAR || atoll(qy) > DASH_CARD_MAX_YEAR)
			return pg_error(c, 400, "bad_request");
		y = atoll(qy);
	}
	if ((rc = dash_refresh(c, 0, &done)) != DB_OK || (rc = dash_meta(c, c->data)) != DB_OK)
		return app_dberr(rc);
	struct db_val p[] = { DBI(y) };
	if ((rc = SQL_RUN(c, DASH_SQL_MONTH_LIST, p, month_row, m)) != DB_OK)
		return app_dberr(rc);
	xmlNodePtr yr = pg_node(c->data, "year");
	pg_attri(yr, "y", y);
	pg_attri(yr, "this", dash_year());
	long long max = 0;
	for (int k = 1; k <= 12; k++)
		if (m->total[k] > max)
			max = m->total[k];
	xmlNodePtr ms = pg_node(c->data, "months");
	pg_attri(ms, "total", m->total[0]);
	pg_attri(ms, "max", max);
	for (int k = 1; k <= 12; k++) {
		xmlNodePtr n = pg_node(ms, "m");
		pg_attri(n, "n", k);
		pg_attri(n, "total", m->total[k]);
		for (size_t i = 0; i < m->n; i++) {
			xmlNodePtr x = pg_node(n, "cat");
			pg_attri(x, "i", (long long)i);
			pg_attri(x, "count", m->count[i][k]);
		}
	}
	xmlNodePtr cs = pg_node(c->data, "cats");
	for (size_t i = 0; i < m->n; i++) {
		xmlNodePtr x = pg_node(cs, "cat");
		pg_attri(x, "i", (long long)i);
		pg_attr(x, "tax", m->tax[i]);
		pg_attr(x, "code", m->cat[i]);
		pg_attri(x, "total", m->count[i][0]);
	}
	if (dash_set.enabled[DUTY_INC] && y == dash_year()) {
		struct rates x = { c, pg_node(c->data, "rates") };
		if ((rc = SQL_RUN0(c, DASH_SQL_RATES, rate_row, &x)) != DB_OK)
			return app_dberr(rc);
	}
	return 200;
}
