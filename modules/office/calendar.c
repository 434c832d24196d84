/*
 * calendar.c — the working-day calendar (GET /office/calendar?year=YYYY,
 * POST /office/calendar): a year shown as twelve months to check by eye
 * (public holidays, make-up working days 调休, weekends marked), and the
 * load of a year from a CSV of holidays and make-up days, in two steps.
 *
 * The CSV is data/calendar's: date,kind,name (a first line "date,…" is the
 * header), kind holiday or workday, every date in the year named.  Preview
 * (action=preview, the file "csv") checks every row — a bad one is named
 * with its line and reason and nothing changes (422) — and shows what the
 * load would add, change and remove, with the year as it would be; the
 * page carries the text back, and load (action=load, csv_text) checks it
 * again and replaces the year's rows in one transaction with its audit
 * row: all or nothing.  A make-up working day is a Saturday or Sunday (a
 * weekday is a working day already).  Every module reloads the calendar
 * within CAL_REFRESH_SECONDS (core/worker.c): deadlines counted after that
 * use the new year.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "csv.h"
#include "office.h"
#include "workday.h"

/* a year's CSV: 366 rows and a header fit many times; one field of the confirm form holds it */
#define OF_CAL_MAX_BYTES (30 * 1024)
#define OF_CAL_MAX_ROWS 366
#define OF_CAL_NAME_MAX 64

struct cal_day {
	int day;
	const char *kind;	/* "holiday", "workday" */
	const char *name;
};

struct cal_year {
	struct cal_day d[OF_CAL_MAX_ROWS];
	int n;
};

static int
day_cmp(const void *a, const void *b)
{
	return ((const struct cal_day *)a)->day - ((const struct cal_day *)b)->day;
}

/* One bad row: <row line reason/> under errs. */
static void
bad_row(xmlNodePtr errs, int line, const char *reason, int *nbad)
{
	xmlNodePtr r = pg_node(errs, "row");
	pg_attri(r, "line", line);
	pg_attr(r, "reason", reason);
	(*nbad)++;
}

/*
 * Parses text (len bytes) as year's CSV into y, sorted by day; every bad
 * row named under errs.  The number of bad rows (0: all good).
 */
static int
cal_parse(struct ctx *c, int year, const char *text, size_t len, struct cal_year *y, xmlNodePtr errs)
{
	static const struct vfield namef = { "name", V_TEXT, 0, OF_CAL_NAME_MAX, NULL };
	const char *f[CSV_MAX_FIELDS];
	size_t pos = 0;
	int line = 0, nbad = 0, n;
	y->n = 0;
	while ((n = csv_record(c->ar, text, len, &pos, f, CSV_MAX_FIELDS)) != 0) {
		line++;
		if (n < 0) {
			bad_row(errs, line, "csv", &nbad);
			break;	/* the rest cannot be read reliably */
		}
		if (n == 1 && *f[0] == '\0')
			continue;	/* a blank line */
		if (line == 1 && strcmp(f[0], "date") == 0)
			continue;
		if (n < 2 || n > 3) {
			bad_row(errs, line, "fields", &nbad);
			continue;
		}
		int day = wd_parse(f[0]), yy, mm, dd;
		if (day == WD_INVALID) {
			bad_row(errs, line, "date", &nbad);
			continue;
		}
		wd_civil(day, &yy, &mm, &dd);
		if (yy != year) {
			bad_row(errs, line, "year", &nbad);
			continue;
		}
		const char *kind = strcmp(f[1], "holiday") == 0 ? "holiday" : strcmp(f[1], "workday") == 0 ? "workday" : NULL;
		if (kind == NULL) {
			bad_row(errs, line, "kind", &nbad);
			continue;
		}
		if (*kind == 'w' && wd_weekday(day) < 5) {
			bad_row(errs, line, "weekday", &nbad);
			continue;
		}
		const char *name = n == 3 ? f[2] : "";
		if (valid_check(&namef, name) != NULL) {
			bad_row(errs, line, "name", &nbad);
			continue;
		}
		int dup = 0;
		for (int i = 0; i < y->n; i++)
			dup |= y->d[i].day == day;
		if (dup) {
			bad_row(errs, line, "dup", &nbad);
			continue;
		}
		if (y->n == OF_CAL_MAX_ROWS) {
			bad_row(errs, line, "many", &nbad);
			break;
		}
		y->d[y->n++] = (struct cal_day){ day, kind, name };
	}
	qsort(y->d, (size_t)y->n, sizeof(y->d[0]), day_cmp);
	return nbad;
}

struct load_rows {
	struct ctx *c;
	struct cal_year *y;
};

static int
year_row(void *arg, const struct db_row *r)
{
	struct load_rows *l = arg;
	if (l->y->n == OF_CAL_MAX_ROWS)
		return 1;
	l->y->d[l->y->n++] = (struct cal_day){ wd_parse(r->v[0]), ar_strdup(l->c->ar, r->v[1]),
		ar_strdup(l->c->ar, r->v[2]) };
	return 0;
}

/* The year's rows as stored. */
static enum db_rc
cal_stored(struct ctx *c, int year, struct cal_year *y)
{
	char from[11], to[11];
	wd_format(wd_ymd(year, 1, 1), from);
	wd_format(wd_ymd(year, 12, 31), to);
	struct db_val p[] = { DBS(from), DBS(to) };
	struct load_rows l = { c, y };
	y->n = 0;
	return SQL_RUN(c, OF_SQL_CAL_YEAR, p, year_row, &l);
}

static const struct cal_day *
find_day(const struct cal_year *y, int day)
{
	for (int i = 0; i < y->n; i++)
		if (y->d[i].day == day)
			return &y->d[i];
	return NULL;
}

/*
 * The year as <months year><month n><week><d date day kind? name?/>…</week>…</month>…</months>:
 * seven <d> a week from Monday, empty ones before the 1st and after the last; kind holiday,
 * workday (make-up) or weekend.
 */
static void
months_node(xmlNodePtr parent, int year, const struct cal_year *y)
{
	xmlNodePtr ms = pg_node(parent, "months");
	pg_attri(ms, "year", year);
	for (int m = 1; m <= 12; m++) {
		xmlNodePtr mo = pg_node(ms, "month");
		pg_attri(mo, "n", m);
		int first = wd_ymd(year, m, 1);
		int next = m == 12 ? wd_ymd(year + 1, 1, 1) : wd_ymd(year, m + 1, 1);
		xmlNodePtr wk = pg_node(mo, "week");
		for (int i = 0; i < wd_weekday(first); i++)
			pg_node(wk, "d");
		for (int day = first; day < next; day++) {
			if (wd_weekday(day) == 0 && day != first)
				wk = pg_node(mo, "week");
			char date[11];
			wd_format(day, date);
			xmlNodePtr d = pg_node(wk, "d");
			pg_attr(d, "date", date);
			pg_attri(d, "day", day - first + 1);
			const struct cal_day *cd = find_day(y, day);
			if (cd != NULL) {
				pg_attr(d, "kind", cd->kind);
				pg_attr(d, "name", cd->name);
			} else if (wd_weekday(day) >= 5) {
				pg_attr(d, "kind", "weekend");
			}
		}
		for (int i = wd_weekday(next - 1) + 1; i < 7; i++)
			pg_node(wk, "d");
	}
}

/* The year wanted: ?year= or the form's, else this year; 0 when not a year we keep (2000..2100). */
static int
want_year(const char *s)
{
	int yy, mm, dd;
	wd_civil(wd_today(), &yy, &mm, &dd);
	if (s == NULL || *s == '\0')
		return yy;
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return 0;
	int y = atoi(s);
	return y >= 2000 && y <= 2100 ? y : 0;
}

static int
cal_page(struct ctx *c, int year, int status)
{
	struct cal_year *y = ar_alloc(c->ar, sizeof(*y));
	if (y == NULL)
		return 500;
	enum db_rc rc = cal_stored(c, year, y);
	if (rc != DB_OK)
		return app_dberr(rc);
	c->view = VIEW(OF_VIEW_CALENDAR);
	xmlNodePtr cal = pg_node(c->data, "calendar");
	pg_attri(cal, "year", year);
	int hol = 0;
	for (int i = 0; i < y->n; i++)
		hol += y->d[i].kind[0] == 'h';
	pg_attri(cal, "holidays", hol);
	pg_attri(cal, "workdays", y->n - hol);
	months_node(c->data, year, y);
	const char *done = ctx_q(c, "done");
	if (done != NULL && status == 200 && strcmp(done, "loaded") == 0)
		pg_attr(c->data, "done", "loaded");
	return status;
}

int
of_calendar(struct ctx *c)
{
	int year = want_year(ctx_q(c, "year"));
	if (year == 0)
		return 400;
	return cal_page(c, year, 200);
}

/* The load. */

enum { L_YEAR, L_ACTION, L_TEXT, L__MAX };
static const char *const lactions[] = { "preview", "load", NULL };
static const struct vfield lfields[L__MAX] = {
	[L_YEAR]   = { "year", V_INT, 1, 4, NULL },
	[L_ACTION] = { "action", V_CHOICE, 1, 8, lactions },
	[L_TEXT]   = { "csv_text", V_MULTILINE, 0, OF_CAL_MAX_BYTES, NULL },
};

struct load {
	int year;
	const struct cal_year *y;
	const struct cal_year *old;
};

static const char *
summary(struct ctx *c, int year, const struct cal_year *y)
{
	int hol = 0;
	for (int i = 0; i < y->n; i++)
		hol += y->d[i].kind[0] == 'h';
	return ar_printf(c->ar, "{\"year\":%d,\"holidays\":%d,\"workdays\":%d}", year, hol, y->n - hol);
}

static int
load_tx(struct tx *t, void *arg)
{
	struct load *ld = arg;
	struct ctx *c = t->c;
	enum db_rc rc;
	char from[11], to[11], date[11];
	struct cal_year *old = ar_alloc(c->ar, sizeof(*old));
	if (old == NULL)
		return 500;
	if ((rc = cal_stored(c, ld->year, old)) != DB_OK)
		return rc;
	wd_format(wd_ymd(ld->year, 1, 1), from);
	wd_format(wd_ymd(ld->year, 12, 31), to);
	struct db_val p[] = { DBS(from), DBS(to) };
	if ((rc = SQL_RUN(c, OF_SQL_CAL_DELETE, p, NULL, NULL)) != DB_OK)
		return rc;
	for (int i = 0; i < ld->y->n; i++) {
		wd_format(ld->y->d[i].day, date);
		struct db_val q[] = { DBS(date), DBS(ld->y->d[i].kind), DBS(ld->y->d[i].name), DBS(c->acct.login) };
		if ((rc = SQL_RUN(c, OF_SQL_CAL_INSERT, q, NULL, NULL)) != DB_OK)
			return rc;
	}
	t->id = ld->year;
	t->record = "calendar";
	t->action = "load";
	t->before = summary(c, ld->year, old);
	t->after = summary(c, ld->year, ld->y);
	t->then = ar_printf(c->ar, "/office/calendar?year=%d&done=loaded", ld->year);
	return TX_COMMIT;
}

/* What the load changes: <preview adds changes removes><change date what kind? name? old-kind? old-name?/>…. */
static void
preview_node(struct ctx *c, const struct cal_year *y, const struct cal_year *old)
{
	xmlNodePtr pv = pg_node(c->data, "preview");
	int adds = 0, changes = 0, removes = 0;
	char date[11];
	for (int i = 0; i < y->n; i++) {
		const struct cal_day *o = find_day(old, y->d[i].day);
		if (o != NULL && strcmp(o->kind, y->d[i].kind) == 0 && strcmp(o->name, y->d[i].name) == 0)
			continue;
		xmlNodePtr ch = pg_node(pv, "change");
		wd_format(y->d[i].day, date);
		pg_attr(ch, "date", date);
		pg_attr(ch, "what", o ? "change" : "add");
		pg_attr(ch, "kind", y->d[i].kind);
		pg_attr(ch, "name", y->d[i].name);
		if (o != NULL) {
			pg_attr(ch, "old-kind", o->kind);
			pg_attr(ch, "old-name", o->name);
			changes++;
		} else {
			adds++;
		}
	}
	for (int i = 0; i < old->n; i++) {
		if (find_day(y, old->d[i].day) != NULL)
			continue;
		xmlNodePtr ch = pg_node(pv, "change");
		wd_format(old->d[i].day, date);
		pg_attr(ch, "date", date);
		pg_attr(ch, "what", "remove");
		pg_attr(ch, "old-kind", old->d[i].kind);
		pg_attr(ch, "old-name", old->d[i].name);
		removes++;
	}
	pg_attri(pv, "adds", adds);
	pg_attri(pv, "changes", changes);
	pg_attri(pv, "removes", removes);
	pg_attri(pv, "rows", y->n);
}

int
of_calendar_load(struct ctx *c)
{
	const char *vals[L__MAX], *errs[L__MAX];
	if (valid_form(lfields, L__MAX, c->req.f, c->req.nf, c->ar, vals, errs) != 0)
		return errs[L_TEXT] != NULL ? 413 : 400;
	int year = want_year(vals[L_YEAR]);
	if (year == 0)
		return 400;
	int preview = strcmp(vals[L_ACTION], "preview") == 0;
	const char *text = vals[L_TEXT];
	size_t len = strlen(text);
	if (preview) {
		/* the file as sent; its bytes must be text a form field can carry back */
		const struct req_file *f = NULL;
		for (size_t i = 0; i < c->req.nfiles; i++)
			if (strcmp(c->req.files[i].name, "csv") == 0)
				f = &c->req.files[i];
		if (f == NULL || f->len == 0) {
			int st = cal_page(c, year, 422);
			pg_msg(c, "", "office_cal_nofile");
			return st;
		}
		if (f->len > OF_CAL_MAX_BYTES || memchr(f->data, '\0', f->len) != NULL) {
			int st = cal_page(c, year, 422);
			pg_msg(c, "", "office_cal_big");
			return st;
		}
		text = ar_strndup(c->ar, (const char *)f->data, f->len);
		len = f->len;
		/* a spreadsheet's byte-order mark is not part of the first date */
		if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
			text += 3;
			len -= 3;
		}
	}
	struct cal_year *y = ar_alloc(c->ar, sizeof(*y)), *old = ar_alloc(c->ar, sizeof(*old));
	if (y == NULL || old == NULL || text == NULL)
		return 500;
	xmlNodePtr tmp = xmlNewNode(NULL, BAD_CAST "errors");
	int nbad = cal_parse(c, year, text, len, y, tmp);
	if (nbad > 0) {
		int st = cal_page(c, year, 422);
		xmlAddChild(c->data, tmp);
		pg_attri(tmp, "count", nbad);
		pg_msg(c, "", "office_cal_bad");
		return st;
	}
	xmlFreeNode(tmp);
	if (y->n == 0) {
		/* a file of no days would wipe the year: surely not what was meant */
		int st = cal_page(c, year, 422);
		pg_msg(c, "", "office_cal_empty");
		return st;
	}
	if (preview) {
		enum db_rc rc = cal_stored(c, year, old);
		if (rc != DB_OK)
			return app_dberr(rc);
		c->view = VIEW(OF_VIEW_CALENDAR);
		xmlNodePtr cal = pg_node(c->data, "calendar");
		pg_attri(cal, "year", year);
		pg_attr(cal, "preview", "1");
		preview_node(c, y, old);
		months_node(c->data, year, y);
		const char *fv[L__MAX] = { ar_printf(c->ar, "%d", year), "load", text };
		pg_form(c, c->data, lfields, L__MAX, fv, NULL);
		return 200;
	}
	struct load ld = { year, y, NULL };
	struct tx t = { .c = c };
	return tx_run(&t, load_tx, &ld);
}
