/*
 * vendors.c — the vendor registry's list: 50 vendors a page by name, the
 * active ones or those no longer active, each with where it stands with
 * letter (2).  A unit's staff see the vendors serving their unit.
 */
#include <stdlib.h>
#include <string.h>
#include "listq.h"
#include "pledges.h"
#include "sheet.h"

static const char *const active_choices[] = { "0", "1", NULL };

/*
 * The everyday tools (core/listq.h): ?q= (a prefix of the name, the USCC or
 * the contact person), ?sort=name|id&dir=, the pager ?at=VALUE&after=ID, and
 * ?format=csv|xlsx for exactly those rows, ?active= kept.
 */
static const struct lq_col lq_cols[] = { { "name", LQ_STR, 0 }, { "id", LQ_INT, 1 } };
static const struct lq_def lq_def = { lq_cols, APP_COUNT(lq_cols), 0, LQ_INT };
static const int lq_stmt[] = {
	PL_SQL_VENDORS_NAME_ASC, PL_SQL_VENDORS_NAME_DESC, PL_SQL_VENDORS_ID_ASC, PL_SQL_VENDORS_ID_DESC,
};
static const int lq_seek[] = { VL_NAME, VL_ID };
_Static_assert(APP_COUNT(lq_stmt) == 2 * APP_COUNT(lq_cols) && APP_COUNT(lq_seek) == APP_COUNT(lq_cols),
    "a statement per sort and direction, a seek column per sort");

/* The export's columns, as the page shows them. */
static const char *const sheet_keys[] = {
	"sheet.pl.id", "field.company", "field.uscc", "field.contact", "field.phone", "sheet.pl.status",
	"sheet.pl.signed",
};

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last_at, *last_id;
	int seek;
	struct sheet *sheet;	/* an export: rows go there instead */
};

static void
sheet_put(struct list *l, const struct db_row *r)
{
	const char *const *v = r->v;
	int has = strcmp(v[VL_SIGNING], "0") != 0;
	const char *row[] = {
		v[VL_ID], v[VL_NAME], v[VL_USCC], v[VL_CONTACT], v[VL_PHONE],
		sheet_title(l->c->lang, has ? "plstatus.signed" : "plstatus.missing"), v[VL_SIGNED],
	};
	_Static_assert(APP_COUNT(row) == APP_COUNT(sheet_keys), "one value per title");
	sheet_row(l->sheet, row);
}

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
	if (l->sheet != NULL) {
		sheet_put(l, r);
		return 0;
	}
	if (l->n++ == PL_PAGE_ROWS)	/* the 51st row only says "there is more" */
		return 1;
	xmlNodePtr v = pg_node(l->parent, "vendor");
	pg_attr(v, "id", r->v[VL_ID]);
	pg_attr(v, "uscc", r->v[VL_USCC]);
	pg_attr(v, "active", r->v[VL_ACTIVE]);
	pl_letter_status(v, r->v[VL_SIGNING], r->v[VL_SIGNED]);
	pg_text(v, "name", r->v[VL_NAME]);
	pg_text(v, "contact", r->v[VL_CONTACT]);
	pg_text(v, "phone", r->v[VL_PHONE]);
	l->last_at = ar_strdup(l->c->ar, r->v[l->seek]);
	l->last_id = ar_strdup(l->c->ar, r->v[VL_ID]);
	return 0;
}

/*
 * GET vendors[?active=0][&q=…&sort=name|id&dir=…][&at=…&after=ID][&format=csv|xlsx]:
 * 50 vendors a page, by name unless sorted otherwise, the active ones (or
 * with active=0 those no longer active), with the status of their letter
 * (2); a unit's staff see those serving their unit.
 */
int
pl_vendors(struct ctx *c)
{
	static const struct vfield fa = { "active", V_CHOICE, 0, 1, active_choices };
	const char *active = ctx_q(c, "active");
	struct listq lq;
	enum sheet_fmt fmt;
	int st;

	c->view = VIEW(PL_VIEW_VENDORS);
	int wants = sheet_wanted(c, &fmt);
	if (wants < 0)
		return pg_error(c, 400, "list_format");
	if ((st = lq_from_ctx(c, &lq_def, &lq)) != 0)
		return st;
	if (active == NULL || *active == '\0' || valid_check(&fa, active) != NULL)
		active = "1";
	long long only = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	xmlNodePtr f = pg_node(c->data, "filter");
	pg_attr(f, "active", active);
	lq_node(c, f, &lq, &lq_def);
	struct list l = { c, pg_node(c->data, "vendors"), 0, NULL, NULL, lq_seek[lq.sort], NULL };
	struct db_val p[] = {
		DBI(*active == '1'), DBI(only), DBI(only),
		DBI(lq.first), DBS(lq.at), DBS(lq.at), DBS(lq.after),
		DBS(lq.like), DBS(lq.like), DBS(lq.like), DBS(lq.like),
		DBI(wants ? LQ_NO_LIMIT : PL_PAGE_ROWS + 1),
	};
	_Static_assert(DB_NARGS(p) == PL_SQL_VENDORS_NAME_ASC__NP, "the listq statements' parameters");
	int id = SQL(lq_stmt[lq_variant(&lq)]);
	if (wants)
		return sheet_run(c, fmt, "vendors", sheet_keys, APP_COUNT(sheet_keys), &l.sheet, id, p,
		    DB_NARGS(p), list_row, &l);
	enum db_rc rc = db_run(c->db, id, p, DB_NARGS(p), list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	lq_rows_end(c, l.parent, &lq, l.n, PL_PAGE_ROWS, l.last_at, l.last_id);
	return 200;
}
