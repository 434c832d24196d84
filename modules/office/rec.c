/*
 * rec.c — what the office's record pages (unit.c, account.c) share: a
 * record read by id, a record as an XML node, its audit JSON, and the keyset list's row
 * callback.  Each page names its columns and which of them are text (a
 * name a person typed, kept as an element so it keeps its spaces and
 * script), and these do the rest the same way for both.
 */
#include <string.h>
#include "buf.h"
#include "office.h"

int
of_one_row(void *arg, const struct db_row *r)
{
	struct of_one *o = arg;
	of_copy_row(o->c, r, o->v, o->ncols);
	o->n++;
	return 0;
}

int
of_locked(struct ctx *c, int sql, struct of_one *o, size_t vcol, const char *version)
{
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = db_run(c->db, sql, p, DB_NARGS(p), of_one_row, o);
	if (rc != DB_OK)
		return rc;
	if (o->n == 0)
		return 404;
	return strcmp(o->v[vcol], version) == 0 ? 0 : 409;
}

xmlNodePtr
of_rec_node(xmlNodePtr parent, const struct of_rec *k, const char *const *v)
{
	xmlNodePtr n = pg_node(parent, k->tag);
	for (size_t i = 0; i < k->ncols; i++) {
		if (k->text & (1ul << i))
			pg_text(n, k->names[i], v[i]);
		else
			pg_attr(n, k->names[i], v[i]);
	}
	return n;
}

const char *
of_json(struct ctx *c, const char *const *keys, const char *const *vals)
{
	struct buf b;
	buf_init(&b, c->ar, 2048);
	buf_str(&b, "{");
	for (size_t i = 0; keys[i] != NULL; i++)
		buf_json_field(&b, keys[i], vals[i]);
	buf_str(&b, "}");
	return buf_cstr(&b);
}

int
of_list_row(void *arg, const struct db_row *r)
{
	struct of_list *l = arg;
	if (++l->n > OF_PAGE_ROWS) {
		/* one row past the page: there is a next page, starting after the last shown */
		pg_attr(l->node, "next", l->last);
		return 1;
	}
	of_rec_node(l->node, l->rec, r->v);
	l->last = ar_strdup(l->c->ar, r->v[l->rec->key]);
	return 0;
}
