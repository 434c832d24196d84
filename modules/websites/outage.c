/*
 * outage.c — what the watcher found, on the site page: the last round's
 * result and the outages (from, to, status seen, handled by/at/note, the
 * incident it became), "down now" first; and the two writes on an outage:
 *
 *   POST {id}/outage    the unit's staff or head mark an outage, open or
 *                       past, handled with a note (once);
 *   POST {id}/incident  the office turns an accountability trigger (an
 *                       outage still down after websites.trigger_hours that
 *                       the unit has not handled: seed 001, the list's
 *                       art. 2) into an incident of the incidents module.
 *
 * The incident is written as the incidents module files one (every NOT
 * NULL column, its clock limits from the same settings, next_due by its
 * clock, the first report as its first step): started and discovered when
 * the outage started (the watcher saw it then), reported when the office
 * files it, as a written report — so the incident's clock shows how late
 * the unit is.  Category equipment and facility fault, harm outage.  The
 * outage's incident_id is set in the same transaction, naming the version
 * the page showed: a second click finds it set and makes none (409, with
 * the link to the incident).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../incidents/clock.h"
#include "buf.h"
#include "websites.h"

static DB_COLNAMES(onames, WS_OUTAGE_COLS);
static DB_COLNAMES(wnames, WS_WSTATE_COLS);

static int
outage_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "outage");
	for (size_t i = 0; i < ws_outage_col__MAX; i++)
		if (i != OU_NOTE)
			pg_attr(n, onames[i], r->v[i]);
	pg_text(n, "note", r->v[OU_NOTE]);
	return 0;
}

static int
wstate_row(void *arg, const struct db_row *r)
{
	xmlNodePtr n = pg_node(arg, "watch");
	for (size_t i = 0; i < ws_wstate_col__MAX; i++)
		pg_attr(n, wnames[i], r->v[i]);
	return 0;
}

enum db_rc
ws_outages_node(struct ctx *c, xmlNodePtr parent, long long site)
{
	enum db_rc rc;
	struct db_val p[] = { DBI(site) };
	if ((rc = SQL_RUN(c, WS_SQL_WATCH_STATE, p, wstate_row, parent)) != DB_OK)
		return rc;
	xmlNodePtr os = pg_node(parent, "outages");
	pg_attri(os, "trigger-hours", ws_wset.trigger_hours);
	struct db_val q[] = { DBI(ws_wset.trigger_hours), DBI(site) };
	return SQL_RUN(c, WS_SQL_OUTAGES, q, outage_row, os);
}

/* The outage forms' fields. */
enum { O_OUTAGE, O_VERSION, O_NOTE, O__MAX };
static const struct vfield ofields[O__MAX] = {
	[O_OUTAGE]  = { "outage", V_INT, 1, 10, NULL },
	[O_VERSION] = { "version", V_INT, 1, 10, NULL },
	[O_NOTE]    = { "note", V_MULTILINE, 0, 500, NULL },
};

struct outage {
	const char *v[ws_outage_col__MAX];
	int n;
};

static int
lock_row(void *arg, const struct db_row *r)
{
	struct outage *o = arg;
	for (size_t i = 0; i < ws_outage_col__MAX; i++)
		o->v[i] = r->v[i];
	o->n++;
	return 0;
}

/* What a write on an outage needs, and what the page after a refusal shows. */
struct owrite {
	const char **vals;
	const struct site *s;
	long long incident;	/* the incident the outage already is (409), or made */
};

static int
lock_outage(struct ctx *c, struct owrite *w, struct outage *o)
{
	struct db_val p[] = { DBI(ws_wset.trigger_hours), DBI(atoll(w->vals[O_OUTAGE])), DBI(c->id) };
	memset(o, 0, sizeof(*o));
	enum db_rc rc = SQL_RUN(c, WS_SQL_OUTAGE_LOCK, p, lock_row, o);
	if (rc != DB_OK)
		return rc;
	if (o->n == 0)
		return 404;
	for (size_t i = 0; i < ws_outage_col__MAX; i++) {
		o->v[i] = ar_strdup(c->ar, o->v[i]);
		if (o->v[i] == NULL)
			return DB_ERR;
	}
	w->incident = *o->v[OU_INCIDENT] ? atoll(o->v[OU_INCIDENT]) : 0;
	return strcmp(o->v[OU_VERSION], w->vals[O_VERSION]) != 0 ? 409 : 0;
}

static const char *
outage_json(struct ctx *c, const struct outage *o)
{
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{");
	for (size_t i = 0; i < ws_outage_col__MAX; i++)
		buf_json_field(&b, onames[i], o->v[i]);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

static int
handle_tx(struct tx *t, void *arg)
{
	struct owrite *w = arg;
	struct ctx *c = t->c;
	struct outage o;
	int st = lock_outage(c, w, &o);
	if (st != 0)
		return st;
	if (*o.v[OU_AT])
		return 409;	/* marked handled already */
	struct db_val p[] = { DBS(c->acct.login), DBS(w->vals[O_NOTE]), DBI(atoll(o.v[OU_ID])),
		DBI(atoll(o.v[OU_VERSION])) };
	enum db_rc rc = SQL_RUN(c, WS_SQL_OUTAGE_HANDLE, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{");
	buf_json_field(&b, "outage", o.v[OU_ID]);
	buf_json_field(&b, "handled_by", c->acct.login);
	buf_json_field(&b, "note", w->vals[O_NOTE]);
	buf_str(&b, "}");
	ws_tx_done(t, c->id, "outage_handled", outage_json(c, &o), buf_cstr(&b));
	return TX_COMMIT;
}

/* The site page again after a refused write, with the form as typed and its message. */
static int
again(struct ctx *c, int status, const char *form, const char **vals, const char **errs, long long incident)
{
	if (status == 409)
		pg_conflict(c);
	int st = ws_view_page(c, status, NULL);
	if (st != status)
		return st;
	xmlNodePtr f = pg_node(c->data, "outage-form");
	pg_attr(f, "form", form);
	pg_attr(f, "outage", vals[O_OUTAGE]);
	if (incident)
		pg_attri(f, "incident", incident);
	pg_text(f, "note", vals[O_NOTE]);
	for (int i = 0; errs != NULL && i < O__MAX; i++)
		if (errs[i] != NULL) {
			xmlNodePtr e = pg_node(f, "error");
			pg_attr(e, "field", ofields[i].key);
			pg_attr(e, "code", errs[i]);
		}
	return status;
}

int
ws_outage(struct ctx *c)
{
	const char *vals[O__MAX], *errs[O__MAX];
	struct site s;
	int st = ws_open(c, &s, 1);	/* the unit's own roles only: another unit's is 403, audited */
	if (st != 200)
		return st;
	size_t bad = valid_form(ofields, O__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[O_OUTAGE] != NULL || errs[O_VERSION] != NULL)
		return 400;
	if (errs[O_NOTE] == NULL && !*vals[O_NOTE])
		bad += valid_flag(errs, O_NOTE, "required");
	if (bad)
		return again(c, 422, "handle", vals, errs, 0);
	struct owrite w = { .vals = vals, .s = &s };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, handle_tx, &w);
	if (st == 409 || st == 404)
		return st == 404 ? 404 : again(c, 409, "handle", vals, NULL, 0);
	return st;
}

/* The incident's text: the domain, since when, what the watcher saw. */
static const char *
describe(struct ctx *c, const struct site *s, const struct outage *o)
{
	const char *seen = *o->v[OU_ERROR] ? o->v[OU_ERROR] : ar_printf(c->ar, "HTTP %s", o->v[OU_STATUS]);
	return ar_printf(c->ar,
	    "网站 %s（%s）自 %s 起无法访问（值守发现：%s），单位超过 %ld 小时未标记处置。"
	    "The website %s (%s) has been down since %s (the watcher saw: %s); the unit had not marked it"
	    " handled within %ld hours.",
	    s->v[SC_DOMAIN], s->v[SC_NAME], o->v[OU_STARTED], seen, ws_wset.trigger_hours,
	    s->v[SC_DOMAIN], s->v[SC_NAME], o->v[OU_STARTED], seen, ws_wset.trigger_hours);
}

static int
incident_tx(struct tx *t, void *arg)
{
	struct owrite *w = arg;
	struct ctx *c = t->c;
	const struct site *s = w->s;
	struct outage o;
	enum db_rc rc;
	int st = lock_outage(c, w, &o);
	if (st != 0 && !(st == 409 && w->incident))
		return st;
	if (w->incident)
		return 409;	/* already an incident: the page links it */
	if (strcmp(o.v[OU_TRIGGER], "1") != 0)
		return 409;	/* no trigger (any more): handled, back up, or not long enough */
	const struct ws_watch_set *z = &ws_wset;
	struct inc_limits lim = { z->lim_ontime, z->lim_late, z->lim_missed, z->lim_written, z->lim_review,
		(int)z->lim_rectify };
	long now = inc_now(), start = inc_time(o.v[OU_STARTED]), due;
	struct inc_times tm = { 0, start, start, INC_NONE, now, INC_NONE, INC_NONE, INC_NONE, INC_NONE };
	const char *step = inc_next(&lim, &tm, now, 0, 0, &due);
	char nowf[20], duef[20] = "9999-12-31 23:59:59", nonce[TX_NONCE_LEN + 1];
	inc_time_format(now, nowf);
	if (due != INC_NONE)
		inc_time_format(due, duef);
	tx_nonce(nonce);
	long long unit = atoll(s->v[SC_UNIT_ID]);
	const char *sysname = *s->v[SC_SYSTEM_NAME] ? s->v[SC_SYSTEM_NAME] : s->v[SC_NAME];
	struct db_val p[] = {
		DBI(unit), DBI(unit), *s->v[SC_SYSTEM] ? DBI(atoll(s->v[SC_SYSTEM])) : DBN, DBS(sysname),
		DBS(o.v[OU_STARTED]), DBS(o.v[OU_STARTED]), DBS(nowf), DBS(c->acct.name), DBS(z->taxonomy),
		DBS(describe(c, s, &o)), DBS(nowf), DBS(duef), DBS(step), DBI(lim.first_ontime),
		DBI(lim.first_late), DBI(lim.first_missed), DBI(lim.written), DBI(lim.review),
		DBI(lim.rectify_days), DBS(nonce), DBS(c->acct.login), DBS(c->acct.login),
	};
	if ((rc = SQL_RUN(c, WS_SQL_INC_INSERT, p, NULL, NULL)) != DB_OK)
		return rc;
	long long id = (long long)db_insert_id(c->db);
	struct db_val sp[] = { DBI(id), DBS(nowf), DBS(nowf), DBS(c->acct.login), DBS(c->acct.name) };
	struct db_val up[] = { DBI(id), DBI(atoll(o.v[OU_ID])), DBI(atoll(o.v[OU_VERSION])) };
	if ((rc = SQL_RUN(c, WS_SQL_INC_STEP, sp, NULL, NULL)) != DB_OK ||
	    (rc = SQL_RUN(c, WS_SQL_OUTAGE_INCIDENT, up, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	if ((rc = tx_audit(t, "incident", id, "create", NULL, ar_printf(c->ar,
	    "{\"from\":\"web_outage\",\"outage\":%s,\"site\":%lld}", o.v[OU_ID], c->id))) != DB_OK)
		return rc;
	ws_tx_done(t, c->id, "outage_incident", outage_json(c, &o),
	    ar_printf(c->ar, "{\"outage\":%s,\"incident\":%lld}", o.v[OU_ID], id));
	t->then = ar_printf(c->ar, "/incidents/%lld", id);
	return TX_COMMIT;
}

int
ws_incident(struct ctx *c)
{
	const char *vals[O__MAX], *errs[O__MAX];
	struct site s;
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	valid_form(ofields, O__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[O_OUTAGE] != NULL || errs[O_VERSION] != NULL)
		return 400;
	struct owrite w = { .vals = vals, .s = &s };
	struct tx t = { .c = c, .nonce = NULL };
	st = tx_run(&t, incident_tx, &w);
	if (st == 409)
		return again(c, 409, "incident", vals, NULL, w.incident);
	return st;
}
