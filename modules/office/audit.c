/*
 * audit.c — the audit viewer (GET /office/audit): who, when, module,
 * record, action and before/after as a diff of fields, newest first,
 * filtered by the acting person's unit (?unit=ID), person (?login=),
 * record (?rtype=&rid=) and date range (?from=&to=, days inclusive).
 * The office, the leading group and the auditor read it.
 *
 * Pages go by the key (at, id) — ?bat=&bid= are the last row's — never
 * by OFFSET, so the hundredth page costs what the first does.  Each
 * leading filter has its statement and index (sql.c, schema 027): record,
 * then person, then unit, else the time index alone.
 */
#include <stdlib.h>
#include <string.h>
#include "jsonflat.h"
#include "office.h"

/* fields of one side of a change (an audit row's flat object) the diff shows at most */
#define OF_DIFF_FIELDS 64

enum { Q_UNIT, Q_LOGIN, Q_RTYPE, Q_RID, Q_FROM, Q_TO, Q_BAT, Q_BID, Q__MAX };
static const struct vfield qfields[Q__MAX] = {
	[Q_UNIT]  = { "unit", V_INT, 0, 10, NULL },
	[Q_LOGIN] = { "login", V_TOKEN, 0, 64, NULL },
	[Q_RTYPE] = { "rtype", V_TOKEN, 0, 32, NULL },
	[Q_RID]   = { "rid", V_INT, 0, 18, NULL },
	[Q_FROM]  = { "from", V_DATE, 0, 10, NULL },
	[Q_TO]    = { "to", V_DATE, 0, 10, NULL },
	[Q_BAT]   = { "bat", V_TEXT, 0, 19, NULL },
	[Q_BID]   = { "bid", V_INT, 0, 20, NULL },
};

/* "YYYY-MM-DD HH:MM:SS": the cursor's time, as the page wrote it. */
static int
is_datetime(const char *s)
{
	static const char pat[] = "dddd-dd-dd dd:dd:dd";
	if (strlen(s) != sizeof(pat) - 1)
		return 0;
	for (size_t i = 0; pat[i]; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
			return 0;
	return 1;
}

struct list {
	struct ctx *c;
	xmlNodePtr entries;
	int n;
	const char *last_at, *last_id;
};

/*
 * The change as <field name changed before? after?/>: each key of before in
 * its order, then the keys only after has.  -1 when a side is not a flat
 * object (the caller shows the text as it is).
 */
static int
diff(struct ctx *c, xmlNodePtr e, const char *before, const char *after)
{
	struct jf_pair b[OF_DIFF_FIELDS], a[OF_DIFF_FIELDS];
	int nb = 0, na = 0;
	if (*before && (nb = jf_parse(before, c->ar, b, OF_DIFF_FIELDS)) < 0)
		return -1;
	if (*after && (na = jf_parse(after, c->ar, a, OF_DIFF_FIELDS)) < 0)
		return -1;
	for (int i = 0; i < nb; i++) {
		xmlNodePtr f = pg_node(e, "field");
		pg_attr(f, "name", b[i].key);
		if (b[i].val)
			pg_attr(f, "before", b[i].val);
		int j;
		for (j = 0; j < na; j++)
			if (strcmp(a[j].key, b[i].key) == 0)
				break;
		const char *av = j < na ? a[j].val : NULL;
		if (av)
			pg_attr(f, "after", av);
		int same = j < na && ((av == NULL && b[i].val == NULL) || (av && b[i].val && strcmp(av, b[i].val) == 0));
		/* a side with nothing recorded (a create, a refusal) changes nothing it did not name */
		pg_attr(f, "changed", (*after && !same) ? "1" : "0");
	}
	for (int j = 0; j < na; j++) {
		int i;
		for (i = 0; i < nb; i++)
			if (strcmp(a[j].key, b[i].key) == 0)
				break;
		if (i < nb)
			continue;
		xmlNodePtr f = pg_node(e, "field");
		pg_attr(f, "name", a[j].key);
		if (a[j].val)
			pg_attr(f, "after", a[j].val);
		pg_attr(f, "changed", "1");
	}
	return 0;
}

static int
entry_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	const char *const *v = r->v;
	if (++l->n > OF_PAGE_ROWS) {
		pg_attr(l->entries, "next-at", l->last_at);
		pg_attr(l->entries, "next-id", l->last_id);
		return 1;
	}
	static const char *const names[] = { OF_AUDIT_COLS(DB_COL_NAME_) };
	xmlNodePtr e = pg_node(l->entries, "entry");
	for (size_t i = 0; i < of_audit_col__MAX; i++)
		if (i != AU_BEFORE && i != AU_AFTER)
			pg_attr(e, names[i], v[i]);
	if (diff(l->c, e, v[AU_BEFORE], v[AU_AFTER]) != 0) {
		pg_text(e, "before", v[AU_BEFORE]);
		pg_text(e, "after", v[AU_AFTER]);
	}
	l->last_at = ar_strdup(l->c->ar, v[AU_AT]);
	l->last_id = ar_strdup(l->c->ar, v[AU_ID]);
	return 0;
}

int
of_audit(struct ctx *c)
{
	const char *q[Q__MAX], *errs[Q__MAX];
	/* the query string validated as a form is: a bad filter is a bad request, never SQL */
	if (valid_form(qfields, Q__MAX, c->req.q, c->req.nq, c->ar, q, errs) != 0)
		return 400;
	if (*q[Q_BAT] && !is_datetime(q[Q_BAT]))
		return 400;
	if (*q[Q_RID] && !*q[Q_RTYPE])
		return 400;
	c->view = VIEW(OF_VIEW_AUDIT);
	xmlNodePtr f = pg_node(c->data, "filter");
	for (int i = Q_UNIT; i <= Q_TO; i++)
		pg_attr(f, qfields[i].key, q[i]);
	const char *from = *q[Q_FROM] ? q[Q_FROM] : "1000-01-01";
	const char *to = *q[Q_TO] ? q[Q_TO] : "9998-12-31";
	const char *bat = *q[Q_BAT] ? q[Q_BAT] : "9999-12-31 23:59:59";
	long long bid = *q[Q_BID] ? atoll(q[Q_BID]) : (1LL << 62);
	long long unit = atoll(q[Q_UNIT]), rid = atoll(q[Q_RID]);
	struct list l = { c, pg_node(c->data, "entries"), 0, "", "" };
	enum db_rc rc;
#define TAIL DBS(from), DBS(to), DBS(bat), DBS(bat), DBI(bid), DBI(unit), DBI(unit), DBS(q[Q_LOGIN]), \
	DBS(q[Q_LOGIN]), DBS(q[Q_RTYPE]), DBS(q[Q_RTYPE]), DBI(rid)
	if (*q[Q_RTYPE]) {
		struct db_val p[] = { DBS(q[Q_RTYPE]), DBI(rid), TAIL };
		rc = SQL_RUN(c, OF_SQL_AUDIT_RECORD, p, entry_row, &l);
	} else if (*q[Q_LOGIN]) {
		struct db_val p[] = { DBS(q[Q_LOGIN]), TAIL };
		rc = SQL_RUN(c, OF_SQL_AUDIT_LOGIN, p, entry_row, &l);
	} else if (unit > 0) {
		struct db_val p[] = { DBI(unit), TAIL };
		rc = SQL_RUN(c, OF_SQL_AUDIT_UNIT, p, entry_row, &l);
	} else {
		struct db_val p[] = { TAIL };
		rc = SQL_RUN(c, OF_SQL_AUDIT_ALL, p, entry_row, &l);
	}
#undef TAIL
	if (rc != DB_OK || (rc = of_pick_node(c, c->data)) != DB_OK)
		return app_dberr(rc);
	return 200;
}
