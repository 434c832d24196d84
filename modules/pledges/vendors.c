/*
 * vendors.c — the vendor registry's list: 50 vendors a page by name, the
 * active ones or those no longer active, each with where it stands with
 * letter (2).  A unit's staff see the vendors serving their unit.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "pledges.h"

static const char *const active_choices[] = { "0", "1", NULL };

struct list {
	struct ctx *c;
	xmlNodePtr parent;
	size_t n;
	const char *last_name, *last_id;
};

static int
list_row(void *arg, const struct db_row *r)
{
	struct list *l = arg;
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
	l->last_name = ar_strdup(l->c->ar, r->v[VL_NAME]);
	l->last_id = ar_strdup(l->c->ar, r->v[VL_ID]);
	return 0;
}

/* s percent-encoded for a query string (all but A-Z a-z 0-9 - . _ ~). */
static const char *
query_escape(struct ctx *c, const char *s)
{
	struct buf b;
	buf_init(&b, c->ar, 3 * strlen(s) + 1);
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '.' || ch == '_' || ch == '~')
			buf_add(&b, p, 1);
		else
			buf_printf(&b, "%%%02X", ch);
	}
	return buf_cstr(&b);
}

/*
 * GET vendors[?active=0][&after_name=N&after_id=I]: 50 vendors by name, the
 * active ones (or with active=0 those no longer active), with the status of
 * their letter (2); a unit's staff see those serving their unit.  Paged by
 * the keyset (name, id) of the last row shown.
 */
int
pl_vendors(struct ctx *c)
{
	static const struct vfield fn = { "after_name", V_TEXT, 0, 128, NULL };
	static const struct vfield fi = { "after_id", V_INT, 0, 12, NULL };
	static const struct vfield fa = { "active", V_CHOICE, 0, 1, active_choices };
	const char *name = ctx_q(c, "after_name"), *after = ctx_q(c, "after_id");
	const char *active = ctx_q(c, "active");

	c->view = VIEW(PL_VIEW_VENDORS);
	if (name == NULL)
		name = "";
	if (after == NULL)
		after = "";
	if (valid_check(&fn, name) != NULL || valid_check(&fi, after) != NULL)
		return 400;
	if (active == NULL || *active == '\0' || valid_check(&fa, active) != NULL)
		active = "1";
	long long only = (c->acct.role & ROLES_READ_ALL) ? 0 : c->acct.unit_id;
	pg_attr(pg_node(c->data, "filter"), "active", active);
	struct list l = { c, pg_node(c->data, "vendors"), 0, NULL, NULL };
	struct db_val p[] = { DBI(*active == '1'), DBI(only), DBI(only), DBS(name), DBS(name), DBI(atoll(after)) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_VENDORS, p, list_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (l.n > PL_PAGE_ROWS)
		pg_attr(l.parent, "next", ar_printf(c->ar, "after_name=%s&after_id=%s",
		    query_escape(c, l.last_name), l.last_id));
	pg_attri(l.parent, "count", (long long)(l.n > PL_PAGE_ROWS ? PL_PAGE_ROWS : l.n));
	return 200;
}
