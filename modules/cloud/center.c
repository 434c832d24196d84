/*
 * center.c — the centre's tools.
 *
 * GET ip?q=10.x.y.z (office, leader, auditor, centre): whose is this
 * address?  The active VM on it, or none, read along the unique
 * cloud_vm.ip_active (one index read); an address that is not IPv4 is 422
 * on the page.
 *
 * The OS image catalogue: GET images lists every image, active and
 * retired, with how many requests name it; POST images adds one (its
 * names, zh and en, unique: 422 otherwise); POST images/{id} retires or
 * restores one, naming the version the page showed (409 when it changed).
 * Only the centre and the office change it (the routes' roles: others
 * 403).  A retired image is not offered in the request form and form.c
 * refuses it (cloud_image); old requests still show it.
 *
 * Page XML under <data>:
 *  ip      <lookup q/> <form>; <vm id unit-id unit-code ip since><unit/><applicant/>
 *            <server-name/><purpose/></vm>? (none: no <vm>)
 *  images  <catalogue><image id code other active version used name-en>name</image>…;
 *          <form> (the add form, with its errors)
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"

static const struct vfield ipfield[1] = { { "q", V_TEXT, 0, 45, NULL } };

struct found {
	struct ctx *c;
	xmlNodePtr parent;
};

static int
ip_row(void *arg, const struct db_row *r)
{
	struct found *f = arg;
	const char *const *v = r->v;
	xmlNodePtr n = pg_node(f->parent, "vm");
	pg_attr(n, "id", v[IP_ID]);
	pg_attr(n, "unit-id", v[IP_UNIT_ID]);
	pg_attr(n, "unit-code", v[IP_UNIT_CODE]);
	pg_attr(n, "ip", v[IP_IP]);
	pg_attr(n, "since", v[IP_SINCE]);
	pg_text(n, "unit", f->c->lang == LANG_EN && *v[IP_UNIT_NAME_EN] ? v[IP_UNIT_NAME_EN] : v[IP_UNIT_NAME]);
	pg_text(n, "applicant", v[IP_APPLICANT]);
	pg_text(n, "server-name", v[IP_SERVER]);
	pg_text(n, "purpose", v[IP_PURPOSE]);
	return 0;
}

int
cl_ip(struct ctx *c)
{
	const char *vals[1], *errs[1] = { NULL };
	const char *q = ctx_q(c, "q");
	unsigned char a[4];

	c->view = VIEW(CL_VIEW_IP);
	vals[0] = q ? q : "";
	pg_attr(pg_node(c->data, "lookup"), "q", vals[0]);
	if (!*vals[0]) {
		pg_form(c, c->data, ipfield, 1, vals, NULL);
		return 200;
	}
	if (valid_check(&ipfield[0], vals[0]) || inet_pton(AF_INET, vals[0], a) != 1) {
		errs[0] = "cloud_ip";
		pg_form(c, c->data, ipfield, 1, vals, errs);
		return 422;
	}
	pg_form(c, c->data, ipfield, 1, vals, NULL);
	struct found f = { c, c->data };
	struct db_val p[] = { DBS(vals[0]) };
	enum db_rc rc = SQL_RUN(c, CL_SQL_IP_LOOKUP, p, ip_row, &f);
	if (rc != DB_OK)
		return app_dberr(rc);
	return 200;
}

/* The catalogue. */

enum { G_NAME, G_NAME_EN, G_NONCE, G__MAX };
static const struct vfield gfields[G__MAX] = {
	[G_NAME]    = { "name", V_TEXT, 1, 64, NULL },
	[G_NAME_EN] = { "name_en", V_TEXT, 1, 64, NULL },
	[G_NONCE]   = { "nonce", V_TOKEN, 1, 32, NULL },
};

static int
cat_row(void *arg, const struct db_row *r)
{
	const char *const *v = r->v;
	xmlNodePtr n = pg_node(arg, "image");
	pg_attr(n, "id", v[CA_ID]);
	pg_attr(n, "code", v[CA_CODE]);
	pg_attr(n, "other", v[CA_OTHER]);
	pg_attr(n, "active", v[CA_ACTIVE]);
	pg_attr(n, "version", v[CA_VERSION]);
	pg_attr(n, "used", v[CA_USED]);
	pg_attr(n, "name-en", v[CA_NAME_EN]);
	xmlNodeAddContent(n, BAD_CAST v[CA_NAME]);
	return 0;
}

static int
cat_page(struct ctx *c, int status, const char **vals, const char **errs)
{
	char nonce[TX_NONCE_LEN + 1];
	const char *fresh[G__MAX] = { "", "", "" };
	c->view = VIEW(CL_VIEW_IMAGES);
	enum db_rc rc = SQL_RUN0(c, CL_SQL_CAT_LIST, cat_row, pg_node(c->data, "catalogue"));
	if (rc != DB_OK)
		return app_dberr(rc);
	if (vals == NULL) {
		tx_nonce(nonce);
		fresh[G_NONCE] = nonce;
		vals = fresh;
	}
	pg_form(c, c->data, gfields, G__MAX, vals, errs);
	return status;
}

int
cl_images(struct ctx *c)
{
	return cat_page(c, 200, NULL, NULL);
}

struct add {
	const char **vals;
	int dup;		/* set by the transaction: a name already taken */
};

static int
add_tx(struct tx *t, void *arg)
{
	struct add *ad = arg;
	struct ctx *c = t->c;
	const char **v = ad->vals;
	long long n = 0;
	enum db_rc rc;
	struct db_val q[] = { DBS(v[G_NAME]), DBS(v[G_NAME_EN]) };
	if ((rc = SQL_RUN(c, CL_SQL_CAT_NAME_USED, q, db_int_row, &n)) != DB_OK)
		return rc;
	if (n > 0) {
		ad->dup = 1;
		return 422;
	}
	/* a unique placeholder code, then img<id> */
	struct db_val p[] = { DBS(v[G_NONCE]), DBS(v[G_NAME]), DBS(v[G_NAME_EN]), DBI(0) };
	if ((rc = SQL_RUN(c, CL_SQL_CAT_ADD, p, NULL, NULL)) != DB_OK)
		return rc;
	t->id = (long long)db_insert_id(c->db);
	struct db_val d[] = { DBI(t->id) };
	if ((rc = SQL_RUN(c, CL_SQL_CAT_CODE, d, NULL, NULL)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, c->ar, 512);
	buf_str(&b, "{\"name\":\"");
	buf_json(&b, v[G_NAME]);
	buf_str(&b, "\",\"name_en\":\"");
	buf_json(&b, v[G_NAME_EN]);
	buf_str(&b, "\",\"active\":\"1\"}");
	t->record = "image";
	t->action = "create";
	t->after = buf_cstr(&b);
	t->then = "/cloud/images?saved=1";
	return TX_COMMIT;
}

int
cl_image_add(struct ctx *c)
{
	const char *vals[G__MAX], *errs[G__MAX];
	size_t bad = valid_form(gfields, G__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return cat_page(c, 422, vals, errs);
	struct add ad = { vals, 0 };
	struct tx t = { .c = c, .nonce = vals[G_NONCE] };
	int st = tx_run(&t, add_tx, &ad);
	if (st == 422 || st == 409) {
		/* 409: the unique key caught a name added at the same moment */
		errs[G_NAME] = "cloud_image_dup";
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

struct image {
	const char *v[cl_cat_col__MAX];
	int n;
	struct ctx *c;
};

static int
lock_row(void *arg, const struct db_row *r)
{
	struct image *im = arg;
	for (size_t i = 0; i < cl_cat_col__MAX; i++)
		im->v[i] = ar_strdup(im->c->ar, r->v[i]);
	im->n++;
	return 0;
}

static const char *
image_json(struct ctx *c, const struct image *im, const char *active)
{
	struct buf b;
	buf_init(&b, c->ar, 512);
	buf_str(&b, "{\"code\":\"");
	buf_json(&b, im->v[CA_CODE]);
	buf_str(&b, "\",\"name\":\"");
	buf_json(&b, im->v[CA_NAME]);
	buf_str(&b, "\",\"name_en\":\"");
	buf_json(&b, im->v[CA_NAME_EN]);
	buf_printf(&b, "\",\"active\":\"%s\"}", active);
	return buf_cstr(&b);
}

static int
set_tx(struct tx *t, void *arg)
{
	const char **v = arg;
	struct ctx *c = t->c;
	struct image im = { { NULL }, 0, c };
	enum db_rc rc;
	const char *to = strcmp(v[R_ACTION], "retire") == 0 ? "0" : "1";
	struct db_val k[] = { DBI(c->id) };
	if ((rc = SQL_RUN(c, CL_SQL_CAT_LOCK, k, lock_row, &im)) != DB_OK)
		return rc;
	if (im.n == 0)
		return 404;
	if (strcmp(im.v[CA_VERSION], v[R_VERSION]) != 0 || strcmp(im.v[CA_ACTIVE], to) == 0)
		return 409;
	struct db_val p[] = { DBI(atoll(to)), DBI(c->id), DBI(atoll(v[R_VERSION])) };
	if ((rc = SQL_RUN(c, CL_SQL_CAT_SET_ACTIVE, p, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	t->id = c->id;
	t->record = "image";
	t->action = v[R_ACTION];
	t->before = image_json(c, &im, im.v[CA_ACTIVE]);
	t->after = image_json(c, &im, to);
	t->then = "/cloud/images?saved=1";
	return TX_COMMIT;
}

int
cl_image_set(struct ctx *c)
{
	const char *vals[R__MAX], *errs[R__MAX];
	size_t bad = valid_form(rfields, R__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (bad)
		return 400;
	struct tx t = { .c = c, .nonce = NULL };
	int st = tx_run(&t, set_tx, vals);
	if (st == 409) {
		pg_conflict(c);
		return cat_page(c, 409, NULL, NULL);
	}
	return st;
}
