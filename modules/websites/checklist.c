/*
 * checklist.c — the security check's checklist, kept by the centre and the
 * office (GET/POST /websites/checklist, POST /websites/checklist/{id}), like
 * the cloud module's image catalogue: add an item (Chinese and English
 * names, its place in the order), retire or restore one from the version
 * the page showed (409 when it changed meanwhile).  An item a check has
 * answered is retired, never deleted: the next check no longer asks it,
 * the old checks keep it.  At most WS_CHECK_ITEMS items are active (the
 * check form's fields are bounded): one more is refused with a message.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "resp.h"
#include "websites.h"

enum { G_NAME, G_NAME_EN, G_SORT, G_NONCE, G__MAX };
static const struct vfield gfields[G__MAX] = {
	[G_NAME]    = { "name", V_TEXT, 1, 200, NULL },
	[G_NAME_EN] = { "name_en", V_TEXT, 1, 200, NULL },
	[G_SORT]    = { "sort", V_INT, 0, 6, NULL },
	[G_NONCE]   = { "nonce", V_TOKEN, 1, 32, NULL },
};

struct cat {
	xmlNodePtr parent;
	long long active;
};

static int
cat_row(void *arg, const struct db_row *r)
{
	struct cat *ct = arg;
	const char *const *v = r->v;
	xmlNodePtr n = pg_node(ct->parent, "item");
	pg_attr(n, "id", v[IT_ID]);
	pg_attr(n, "code", v[IT_CODE]);
	pg_attr(n, "sort", v[IT_SORT]);
	pg_attr(n, "active", v[IT_ACTIVE]);
	pg_attr(n, "version", v[IT_VERSION]);
	pg_attr(n, "used", v[IT_USED]);
	pg_text(n, "name", v[IT_NAME]);
	pg_text(n, "name-en", v[IT_NAME_EN]);
	ct->active += strcmp(v[IT_ACTIVE], "1") == 0;
	return 0;
}

/* The catalogue; *active: how many items are active. */
static enum db_rc
catalogue(struct ctx *c, xmlNodePtr parent, long long *active)
{
	struct cat ct = { parent, 0 };
	enum db_rc rc = SQL_RUN0(c, WS_SQL_CK_ALL, cat_row, &ct);
	*active = ct.active;
	return rc;
}

static int
cat_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[G__MAX] = { "", "", "", "" };
	long long active;
	c->view = VIEW(WS_VIEW_CHECKLIST);
	xmlNodePtr n = pg_node(c->data, "checklist");
	enum db_rc rc = catalogue(c, n, &active);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_attri(n, "active", active);
	pg_attri(n, "max", WS_CHECK_ITEMS);
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[G_NONCE] = nonce;
		vals = fresh;
	}
	pg_form(c, c->data, gfields, G__MAX, vals, errs);
	return status;
}

int
ws_checklist(struct ctx *c)
{
	return cat_page(c, 200, NULL, NULL);
}

struct add {
	const char **vals;
	const char *code;	/* set by the transaction: a 422's message */
};

static int
count_row(void *arg, const struct db_row *r)
{
	(*(long long *)arg) += strcmp(r->v[IT_ACTIVE], "1") == 0;
	return 0;
}

static int
add_tx(struct tx *t, void *arg)
{
	struct add *ad = arg;
	struct ctx *c = t->c;
	const char **v = ad->vals;
	long long n = 0, active = 0;
	enum db_rc rc;
	struct db_val q[] = { DBS(v[G_NAME]) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_NAME_USED, q, db_int_row, &n)) != DB_OK ||
	    (rc = SQL_RUN0(c, WS_SQL_CK_ALL, count_row, &active)) != DB_OK)
		return rc;
	if (n > 0 || active >= WS_CHECK_ITEMS) {
		ad->code = n > 0 ? "web_item_dup" : "web_item_many";
		return 422;
	}
	/* a unique placeholder code (the nonce), then item<id> */
	struct db_val p[] = { DBS(v[G_NONCE]), DBS(v[G_NAME]), DBS(v[G_NAME_EN]), DBI(atoll(v[G_SORT])) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_ITEM_ADD, p, NULL, NULL)) != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(c->db);
	struct db_val d[] = { DBI(t->id) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_ITEM_CODE, d, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{\"name\":\"");
	buf_json(&b, v[G_NAME]);
	buf_str(&b, "\",\"name_en\":\"");
	buf_json(&b, v[G_NAME_EN]);
	buf_printf(&b, "\",\"sort\":%lld,\"active\":\"1\"}", atoll(v[G_SORT]));
	t->record = "web_check_item";
	t->action = "create";
	t->after = buf_cstr(&b);
	t->then = "/websites/checklist?saved=1";
	return TX_COMMIT;
}

int
ws_checklist_add(struct ctx *c)
{
	const char *vals[G__MAX], *errs[G__MAX];
	size_t bad = valid_form(gfields, G__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return cat_page(c, 422, vals, errs);
	struct add ad = { vals, NULL };
	struct tx t = { .c = c, .nonce = vals[G_NONCE] };
	int st = tx_run(&t, add_tx, &ad);
	if (st == 422 || st == 409) {
		/* 409: the unique key caught a name added at the same moment */
		errs[G_NAME] = ad.code ? ad.code : "web_item_dup";
		return cat_page(c, 422, vals, errs);
	}
	return st;
}

/* Retire or restore. */

enum { R_ACTION, R_VERSION, R__MAX };
static const char *const ractions[] = { "retire", "restore", NULL };
static const struct vfield rfields[R__MAX] = {
	[R_ACTION]  = { "action", V_CHOICE, 1, 8, ractions },
	[R_VERSION] = { "version", V_INT, 1, 10, NULL },
};

struct item {
	struct ctx *c;
	const char *v[ws_item_col__MAX];
	int n;
	const char **vals;	/* the form */
};

static int
lock_row(void *arg, const struct db_row *r)
{
	struct item *im = arg;
	for (size_t i = 0; i < ws_item_col__MAX; i++)
		im->v[i] = ar_strdup(im->c->ar, r->v[i]);
	im->n++;
	return 0;
}

static const char *
item_json(struct ctx *c, const struct item *im, const char *active)
{
	struct buf b;
	buf_init(&b, c->ar, 1024);
	buf_str(&b, "{\"code\":\"");
	buf_json(&b, im->v[IT_CODE]);
	buf_str(&b, "\",\"name\":\"");
	buf_json(&b, im->v[IT_NAME]);
	buf_printf(&b, "\",\"active\":\"%s\"}", active);
	return buf_cstr(&b);
}

static int
set_tx(struct tx *t, void *arg)
{
	struct item *im = arg;
	const char **v = im->vals;
	struct ctx *c = t->c;
	long long active = 0;
	enum db_rc rc;
	const char *to = strcmp(v[R_ACTION], "retire") == 0 ? "0" : "1";
	struct db_val k[] = { DBI(c->id) };
	im->n = 0;
	if ((rc = SQL_RUN(c, WS_SQL_CK_ITEM_LOCK, k, lock_row, im)) != DB_OK)
		return rc;
	if (im->n == 0)
		return 404;
	if (strcmp(im->v[IT_VERSION], v[R_VERSION]) != 0 || strcmp(im->v[IT_ACTIVE], to) == 0)
		return 409;
	if (*to == '1') {
		if ((rc = SQL_RUN0(c, WS_SQL_CK_ALL, count_row, &active)) != DB_OK)
			return rc;
		if (active >= WS_CHECK_ITEMS)
			return 422;
	}
	struct db_val p[] = { DBI(atoll(to)), DBI(c->id), DBI(atoll(v[R_VERSION])) };
	if ((rc = SQL_RUN(c, WS_SQL_CK_ITEM_SET, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->id = c->id;
	t->record = "web_check_item";
	t->action = v[R_ACTION];
	t->before = item_json(c, im, im->v[IT_ACTIVE]);
	t->after = item_json(c, im, to);
	t->then = "/websites/checklist?saved=1";
	return TX_COMMIT;
}

int
ws_checklist_set(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return 400;
	struct item im = { .c = c, .vals = vals };
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, set_tx, &im);
	if (st == 409) {
		pg_conflict(c);
		return cat_page(c, 409, NULL, NULL);
	}
	if (st == 422) {
		pg_msg(c, "", "web_item_many");
		return cat_page(c, 422, NULL, NULL);
	}
	return st;
}
