/*
 * form.c — filing a request (a unit's staff, for their own unit) and
 * editing it while it is a draft or returned.  The checks: vCPU, memory and
 * disk within the site's per-request limits, the period's end not before
 * its start, an image of the catalogue that is not retired ("other" names
 * one), the purpose within its length, and every system picked one of the
 * unit's own (sys_system).  Any failure is 422 with a message per field
 * and nothing saved.  A new request's nonce makes a double submit file it
 * once; an edit names its version (409 when the request changed).
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"

enum { F_APPLICANT, F_CONTACT, F_DATE, F_IMAGE, F_IMAGE_OTHER, F_VCPU, F_MEMORY, F_DISK, F_SW_DB,
	F_SW_APP, F_SW_OTHER, F_FROM, F_TO, F_PURPOSE, F_NOTES, F_VERSION, F_NONCE, F__MAX };

static const struct vfield fields[F__MAX] = {
	[F_APPLICANT]   = { "applicant", V_TEXT, 1, 32, NULL },
	[F_CONTACT]     = { "contact", V_TEXT, 1, 32, NULL },
	[F_DATE]        = { "apply_date", V_DATE, 1, 10, NULL },
	[F_IMAGE]       = { "image", V_INT, 1, 10, NULL },
	[F_IMAGE_OTHER] = { "image_other", V_TEXT, 0, 64, NULL },
	[F_VCPU]        = { "vcpu", V_INT, 1, 9, NULL },
	[F_MEMORY]      = { "memory_gib", V_INT, 1, 9, NULL },
	[F_DISK]        = { "disk_gib", V_INT, 1, 9, NULL },
	[F_SW_DB]       = { "sw_database", V_TEXT, 0, 128, NULL },
	[F_SW_APP]      = { "sw_app", V_TEXT, 0, 128, NULL },
	[F_SW_OTHER]    = { "sw_other", V_TEXT, 0, 128, NULL },
	[F_FROM]        = { "period_from", V_DATE, 1, 10, NULL },
	[F_TO]          = { "period_to", V_DATE, 1, 10, NULL },
	[F_PURPOSE]     = { "purpose", V_MULTILINE, 1, 500, NULL },
	[F_NOTES]       = { "notes", V_MULTILINE, 0, 500, NULL },
	[F_VERSION]     = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]       = { "nonce", V_TOKEN, 0, 32, NULL },
};
static const int column[F__MAX] = {
	[F_APPLICANT] = VC_APPLICANT, [F_CONTACT] = VC_CONTACT, [F_DATE] = VC_APPLY_DATE,
	[F_IMAGE] = VC_IMAGE, [F_IMAGE_OTHER] = VC_IMAGE_OTHER, [F_VCPU] = VC_VCPU,
	[F_MEMORY] = VC_MEMORY, [F_DISK] = VC_DISK, [F_SW_DB] = VC_SW_DB, [F_SW_APP] = VC_SW_APP,
	[F_SW_OTHER] = VC_SW_OTHER, [F_FROM] = VC_FROM, [F_TO] = VC_TO, [F_PURPOSE] = VC_PURPOSE,
	[F_NOTES] = VC_NOTES, [F_VERSION] = VC_VERSION,
};

static int
form_page(struct ctx *c, int status, const struct vm *cur, long long unit, const char **vals,
    const char **errs, const struct cl_picked *pk)
{
	enum db_rc rc;
	c->view = VIEW(CL_VIEW_FORM);
	if (cur != NULL)
		cl_vm_node(c->data, "current", cur);
	if ((rc = cl_images_node(c, c->data)) != DB_OK || (rc = cl_systems_node(c, unit, pk)) != DB_OK)
		return app_dberr(rc);
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

enum db_rc
cl_systems_node(struct ctx *c, long long unit, const struct cl_picked *pk)
{
	struct db_val u[] = { DBI(unit) };
	enum db_rc rc = SQL_RUN(c, CL_SQL_UNIT_SYSTEMS, u, cl_system_row, pg_node(c->data, "systems"));
	xmlNodePtr pn = pg_node(c->data, "picked");
	for (size_t i = 0; pk != NULL && i < pk->n; i++)
		pg_attri(pg_node(pn, "system"), "id", pk->id[i]);
	return rc;
}

static int
link_row(void *arg, const struct db_row *r)
{
	struct cl_picked *pk = arg;
	if (pk->n < CL_MAX_SYSTEMS)
		pk->id[pk->n++] = atoll(r->v[SY_ID]);
	return 0;
}

enum db_rc
cl_picked_load(struct ctx *c, long long id, struct cl_picked *pk)
{
	struct db_val p[] = { DBI(id) };
	return SQL_RUN(c, CL_SQL_VM_SYSTEMS, p, link_row, pk);
}

int
cl_lock_editable(struct ctx *c, long long id, const char *version, struct vm *now)
{
	enum db_rc rc = cl_load(c, id, now, 1);
	if (rc != DB_OK)
		return rc;
	if (now->n == 0)
		return 404;
	if (strcmp(now->v[VC_VERSION], version) != 0 ||
	    (strcmp(now->v[VC_STATE], "draft") != 0 && strcmp(now->v[VC_STATE], "returned") != 0))
		return 409;
	return 200;
}

enum db_rc
cl_link_systems(struct ctx *c, long long id, const struct cl_picked *pk)
{
	struct db_val d[] = { DBI(id) };
	enum db_rc rc = SQL_RUN(c, CL_SQL_LINK_DEL, d, NULL, NULL);
	for (size_t i = 0; rc == DB_OK && i < pk->n; i++) {
		struct db_val l[] = { DBI(id), DBI(pk->id[i]) };
		rc = SQL_RUN(c, CL_SQL_LINK_ADD, l, NULL, NULL);
	}
	return rc;
}

int
cl_form(struct ctx *c)
{
	const char *vals[F__MAX];
	char nonce[TX_NONCE_LEN + 1];
	struct vm vm;
	struct cl_picked pk = { { 0 }, 0 };

	for (int i = 0; i < F__MAX; i++)
		vals[i] = "";
	if (c->id != 0) {
		int st = cl_open(c, &vm, 1);
		if (st != 200)
			return st;
		if (strcmp(vm.v[VC_KIND], "host") == 0)
			return cl_host_form(c);	/* a hosted server has its own form */
		for (int i = F_APPLICANT; i <= F_VERSION; i++)
			vals[i] = vm.v[column[i]];
		enum db_rc rc = cl_picked_load(c, c->id, &pk);
		if (rc != DB_OK)
			return app_dberr(rc);
		return form_page(c, 200, &vm, atoll(vm.v[VC_UNIT_ID]), vals, NULL, &pk);
	}
	tx_nonce(nonce);
	vals[F_NONCE] = nonce;
	vals[F_APPLICANT] = c->acct.name ? c->acct.name : "";
	vals[F_DATE] = wd_today_str(c->ar);
	vals[F_FROM] = wd_today_str(c->ar);
	return form_page(c, 200, NULL, c->acct.unit_id, vals, NULL, NULL);
}

static int
image_row(void *arg, const struct db_row *r)
{
	int *im = arg;
	im[0] = 1;
	im[1] = atoi(r->v[IM_OTHER]);
	im[2] = atoi(r->v[IM_ACTIVE]);
	return 0;
}

/* The checks beyond each field's own; -1 when the database failed. */
static long
cross_check(struct ctx *c, const char **v, const char **e, long long unit, struct cl_picked *pk,
    const char **syserr, enum db_rc *rc)
{
	const int f[3] = { F_VCPU, F_MEMORY, F_DISK };
	long bad = (long)cl_range(v, e, f);
	if (e[F_FROM] == NULL && e[F_TO] == NULL && strcmp(v[F_TO], v[F_FROM]) < 0)
		bad += valid_flag(e, F_TO, "cloud_period");
	if (e[F_IMAGE] == NULL) {
		int im[3] = { 0, 0, 0 };
		struct db_val p[] = { DBI(atoll(v[F_IMAGE])) };
		if ((*rc = SQL_RUN(c, CL_SQL_IMAGE, p, image_row, im)) != DB_OK)
			return -1;
		if (!im[0] || !im[2])
			bad += valid_flag(e, F_IMAGE, "cloud_image");
		else if (im[1] && !*v[F_IMAGE_OTHER])
			bad += valid_flag(e, F_IMAGE_OTHER, "required");
		else if (!im[1])
			v[F_IMAGE_OTHER] = "";
	}
	long more = cl_pick(c, unit, pk, syserr, rc);
	return more < 0 ? -1 : bad + more;
}

long
cl_pick(struct ctx *c, long long unit, struct cl_picked *pk, const char **syserr, enum db_rc *rc)
{
	*syserr = NULL;
	for (size_t i = 0; i < c->req.nf; i++) {
		const struct kv *kv = &c->req.f[i];
		if (strcmp(kv->key, "system") != 0 || !*kv->val)
			continue;
		char *end;
		long long id = strtoll(kv->val, &end, 10);
		long long n = 0;
		if (*end != '\0' || id <= 0 || pk->n == CL_MAX_SYSTEMS) {
			*syserr = "cloud_system";
			continue;
		}
		struct db_val p[] = { DBI(id), DBI(unit) };
		if ((*rc = SQL_RUN(c, CL_SQL_SYSTEM_OK, p, db_int_row, &n)) != DB_OK)
			return -1;
		if (n == 0)
			*syserr = "cloud_system";
		int dup = 0;
		for (size_t k = 0; k < pk->n; k++)
			dup |= pk->id[k] == id;
		if (!dup)
			pk->id[pk->n++] = id;
	}
	return *syserr ? 1 : 0;
}

static const char *
json(struct ctx *c, const char **v, const struct cl_picked *pk)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_str(&b, "{");
	for (int i = F_APPLICANT; i <= F_NOTES; i++) {
		buf_json_field(&b, fields[i].key, v[i]);
	}
	buf_str(&b, ",\"systems\":[");
	for (size_t i = 0; i < pk->n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", pk->id[i]);
	buf_str(&b, "]}");
	return buf_cstr(&b);
}

struct save {
	const char **vals;
	long long unit;
	const struct cl_picked *pk;
};

static int
save_tx(struct tx *t, void *arg)
{
	struct save *sv = arg;
	struct ctx *c = t->c;
	const char **v = sv->vals, *before = NULL, *login = c->acct.login;
	struct vm now;
	enum db_rc rc;

	if (c->id != 0) {
		int st = cl_lock_editable(c, c->id, v[F_VERSION], &now);
		if (st != 200)
			return st;
		before = cl_json(c, &now);
		struct db_val p[] = {
			DBS(v[F_APPLICANT]), DBS(v[F_CONTACT]), DBS(v[F_DATE]), DBI(atoll(v[F_IMAGE])),
			DBS(v[F_IMAGE_OTHER]), DBI(atoll(v[F_VCPU])), DBI(atoll(v[F_MEMORY])), DBI(atoll(v[F_DISK])),
			DBS(v[F_SW_DB]), DBS(v[F_SW_APP]), DBS(v[F_SW_OTHER]), DBS(v[F_FROM]), DBS(v[F_TO]),
			DBS(v[F_PURPOSE]), DBS(v[F_NOTES]), DBS(login), DBI(c->id), DBI(atoll(v[F_VERSION])),
		};
		if ((rc = SQL_RUN(c, CL_SQL_UPDATE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		t->id = c->id;
	} else {
		struct db_val p[] = {
			DBI(sv->unit), DBS(v[F_APPLICANT]), DBS(v[F_CONTACT]), DBS(v[F_DATE]), DBI(atoll(v[F_IMAGE])),
			DBS(v[F_IMAGE_OTHER]), DBI(atoll(v[F_VCPU])), DBI(atoll(v[F_MEMORY])), DBI(atoll(v[F_DISK])),
			DBS(v[F_SW_DB]), DBS(v[F_SW_APP]), DBS(v[F_SW_OTHER]), DBS(v[F_FROM]), DBS(v[F_TO]),
			DBS(v[F_PURPOSE]), DBS(v[F_NOTES]), DBS(v[F_NONCE]), DBS(login), DBS(login),
		};
		if ((rc = SQL_RUN(c, CL_SQL_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		t->id = (long long)db_insert_id(c->db);
		struct db_val s[] = { DBI(t->id), DBS(login), DBS(""), DBS("draft"), DBS("") };
		if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
	}
	if ((rc = cl_link_systems(c, t->id, sv->pk)) != DB_OK)
		return rc;
	cl_tx_done(t, t->id, c->id ? "update" : "create", before, json(c, v, sv->pk));
	return TX_COMMIT;
}

int
cl_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *syserr = NULL;
	struct vm cur;
	struct cl_picked pk = { { 0 }, 0 };
	enum db_rc rc = DB_OK;
	long long unit = c->acct.unit_id;
	int st;

	if (c->id != 0) {
		if ((st = cl_open(c, &cur, 1)) != 200)
			return st;
		if (strcmp(cur.v[VC_KIND], "host") == 0)
			return 404;	/* a host is edited at {id}/host */
		unit = atoll(cur.v[VC_UNIT_ID]);
	}
	long bad = (long)valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int tok = c->id ? F_VERSION : F_NONCE;
	if (errs[tok] == NULL && *vals[tok] == '\0')
		bad += valid_flag(errs, tok, "required");
	long more = cross_check(c, vals, errs, unit, &pk, &syserr, &rc);
	if (more < 0)
		return app_dberr(rc);
	bad += more;
	if (bad) {
		if (syserr)
			pg_attr(c->data, "system-error", syserr);
		return form_page(c, 422, c->id ? &cur : NULL, unit, vals, errs, &pk);
	}
	struct save sv = { vals, unit, &pk };
	struct tx t = { .c = c, .nonce = c->id ? NULL : vals[F_NONCE] };
	st = tx_run(&t, save_tx, &sv);
	if (st == 409 && c->id != 0) {
		struct vm now;
		if ((rc = cl_load(c, c->id, &now, 0)) != DB_OK)
			return app_dberr(rc);
		pg_conflict(c);
		if (now.n)
			vals[F_VERSION] = now.v[VC_VERSION];
		return form_page(c, 409, now.n ? &now : NULL, unit, vals, NULL, &pk);
	}
	return st;
}

const struct vfield *
cl_form_field(const char *key)
{
	for (int i = 0; i < F__MAX; i++)
		if (strcmp(fields[i].key, key) == 0)
			return &fields[i];
	return NULL;
}

size_t
cl_range(const char **v, const char **e, const int f[3])
{
	const long max[3] = { cl_set.max_vcpu, cl_set.max_memory, cl_set.max_disk };
	size_t bad = 0;
	for (int i = 0; i < 3; i++)
		if (e[f[i]] == NULL && (atol(v[f[i]]) < 1 || atol(v[f[i]]) > max[i]))
			bad += valid_flag(e, f[i], "cloud_range");
	return bad;
}
