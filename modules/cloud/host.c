/*
 * host.c — a hosted server (托管服务器, appendix 8): a unit's own physical
 * server in the data centre, a cloud_vm row with kind = 'host'.  Its form
 * (GET/POST host/new, {id}/host) takes the server's configuration, the
 * network security devices, the period, purpose, the unit's systems and
 * the expert review (art. 19: date, reference, scan — PDF/JPEG/PNG sniffed
 * from the bytes); editing a draft or returned host keeps the scan unless a
 * new one is sent.  The flow is vm.c's; cl_host_gate is what differs at
 * submission: the hosted-server letter (appendix 7) and the review.
 */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cloud.h"
#include "resp.h"
#include "tx.h"
#include "upload.h"

enum { H_APPLICANT, H_CONTACT, H_DATE, H_CONFIG, H_SECURITY, H_FROM, H_TO, H_PURPOSE, H_NOTES,
	H_REVIEW_DATE, H_REVIEW_REF, H_VERSION, H_NONCE, H__MAX };

static const struct vfield fields[H__MAX] = {
	[H_APPLICANT]   = { "applicant", V_TEXT, 1, 32, NULL },
	[H_CONTACT]     = { "contact", V_TEXT, 1, 32, NULL },
	[H_DATE]        = { "apply_date", V_DATE, 1, 10, NULL },
	[H_CONFIG]      = { "server_config", V_MULTILINE, 1, 500, NULL },
	[H_SECURITY]    = { "security_devices", V_MULTILINE, 1, 500, NULL },
	[H_FROM]        = { "period_from", V_DATE, 1, 10, NULL },
	[H_TO]          = { "period_to", V_DATE, 1, 10, NULL },
	[H_PURPOSE]     = { "purpose", V_MULTILINE, 1, 500, NULL },
	[H_NOTES]       = { "notes", V_MULTILINE, 0, 500, NULL },
	[H_REVIEW_DATE] = { "review_date", V_DATE, 0, 10, NULL },
	[H_REVIEW_REF]  = { "review_ref", V_TEXT, 0, 64, NULL },
	[H_VERSION]     = { "version", V_INT, 0, 10, NULL },
	[H_NONCE]       = { "nonce", V_TOKEN, 0, 32, NULL },
};
static const int column[H__MAX] = {
	[H_APPLICANT] = VC_APPLICANT, [H_CONTACT] = VC_CONTACT, [H_DATE] = VC_APPLY_DATE,
	[H_CONFIG] = VC_CONFIG, [H_SECURITY] = VC_SECURITY, [H_FROM] = VC_FROM, [H_TO] = VC_TO,
	[H_PURPOSE] = VC_PURPOSE, [H_NOTES] = VC_NOTES, [H_REVIEW_DATE] = VC_REVIEW_DATE,
	[H_REVIEW_REF] = VC_REVIEW_REF, [H_VERSION] = VC_VERSION,
};

static int
host_page(struct ctx *c, int status, const struct vm *cur, long long unit, const char **vals,
    const char **errs, const struct cl_picked *pk)
{
	c->view = VIEW(CL_VIEW_HOST_FORM);
	if (cur != NULL)
		cl_vm_node(c->data, "current", cur);
	enum db_rc rc = cl_systems_node(c, unit, pk);
	if (rc != DB_OK)
		return app_dberr(rc);
	pg_form(c, c->data, fields, H__MAX, vals, errs);
	return status;
}

/* Opens c->id for writing as a host: 200, or the status to answer. */
static int
open_host(struct ctx *c, struct vm *vm)
{
	int st = cl_open(c, vm, 1);
	if (st == 200 && strcmp(vm->v[VC_KIND], "host") != 0)
		st = 404;	/* a VM has its own form at {id}/edit */
	return st;
}

int
cl_host_form(struct ctx *c)
{
	const char *vals[H__MAX];
	char nonce[TX_NONCE_LEN + 1];
	struct cl_picked pk = { { 0 }, 0 };
	struct vm vm;

	for (int i = 0; i < H__MAX; i++)
		vals[i] = "";
	if (c->id != 0) {
		int st = open_host(c, &vm);
		if (st != 200)
			return st;
		for (int i = H_APPLICANT; i <= H_VERSION; i++)
			vals[i] = vm.v[column[i]];
		enum db_rc rc = cl_picked_load(c, c->id, &pk);
		if (rc != DB_OK)
			return app_dberr(rc);
		return host_page(c, 200, &vm, atoll(vm.v[VC_UNIT_ID]), vals, NULL, &pk);
	}
	tx_nonce(nonce);
	vals[H_NONCE] = nonce;
	vals[H_APPLICANT] = c->acct.name ? c->acct.name : "";
	vals[H_DATE] = wd_today_str(c->ar);
	vals[H_FROM] = wd_today_str(c->ar);
	return host_page(c, 200, NULL, c->acct.unit_id, vals, NULL, NULL);
}

static const char *
json(struct ctx *c, const char **v, const struct cl_picked *pk, long long scan)
{
	struct buf b;
	buf_init(&b, c->ar, 8192);
	buf_str(&b, "{\"kind\":\"host\"");
	for (int i = H_APPLICANT; i <= H_REVIEW_REF; i++) {
		buf_json_field(&b, fields[i].key, v[i]);
	}
	buf_printf(&b, ",\"review_scan\":%lld,\"systems\":[", scan);
	for (size_t i = 0; i < pk->n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", pk->id[i]);
	buf_str(&b, "]}");
	return buf_cstr(&b);
}

struct hsave {
	const char **vals;
	long long unit;
	const struct cl_picked *pk;
	const struct req_file *scan;	/* NULL: keep the one there is */
	enum sniff_type type;
};

static int
save_tx(struct tx *t, void *arg)
{
	struct hsave *sv = arg;
	struct ctx *c = t->c;
	const char **v = sv->vals, *before = NULL, *login = c->acct.login;
	long long scan = 0;
	struct vm now;
	enum db_rc rc;

	if (c->id != 0) {
		int st = cl_lock_editable(c, c->id, v[H_VERSION], &now);
		if (st != 200)
			return st;
		before = cl_json(c, &now);
		scan = atoll(now.v[VC_SCAN]);
		struct db_val p[] = {
			DBS(v[H_APPLICANT]), DBS(v[H_CONTACT]), DBS(v[H_DATE]), DBS(v[H_CONFIG]),
			DBS(v[H_SECURITY]), DBS(v[H_FROM]), DBS(v[H_TO]), DBS(v[H_PURPOSE]), DBS(v[H_NOTES]),
			DBSN(v[H_REVIEW_DATE]), DBS(v[H_REVIEW_REF]), DBS(login), DBI(c->id),
			DBI(atoll(v[H_VERSION])),
		};
		if ((rc = SQL_RUN(c, CL_SQL_HOST_UPDATE, p, NULL, NULL)) != DB_OK)
			return rc;
		if (db_affected(c->db) != 1)
			return 409;
		t->id = c->id;
	} else {
		struct db_val p[] = {
			DBI(sv->unit), DBS(v[H_APPLICANT]), DBS(v[H_CONTACT]), DBS(v[H_DATE]), DBS(v[H_CONFIG]),
			DBS(v[H_SECURITY]), DBS(v[H_FROM]), DBS(v[H_TO]), DBS(v[H_PURPOSE]), DBS(v[H_NOTES]),
			DBSN(v[H_REVIEW_DATE]), DBS(v[H_REVIEW_REF]), DBS(v[H_NONCE]), DBS(login), DBS(login),
		};
		if ((rc = SQL_RUN(c, CL_SQL_HOST_INSERT, p, NULL, NULL)) != DB_OK)
			return rc;
		t->id = (long long)db_insert_id(c->db);
		struct db_val s[] = { DBI(t->id), DBS(login), DBS(""), DBS("draft"), DBS("") };
		if ((rc = SQL_RUN(c, CL_SQL_STEP_ADD, s, NULL, NULL)) != DB_OK)
			return rc;
	}
	if (sv->scan != NULL) {
		if ((rc = up_store(c, SQL(CL_SQL_SCAN_INSERT), SQL(CL_SQL_CHUNK_INSERT), sv->scan, sv->type,
		    &scan)) != DB_OK)
			return rc;
		struct db_val p[] = { DBI(scan), DBI(t->id) };
		if ((rc = SQL_RUN(c, CL_SQL_HOST_SET_SCAN, p, NULL, NULL)) != DB_OK)
			return rc;
	}
	if ((rc = cl_link_systems(c, t->id, sv->pk)) != DB_OK)
		return rc;
	cl_tx_done(t, t->id, c->id ? "update" : "create", before, json(c, v, sv->pk, scan));
	return TX_COMMIT;
}

int
cl_host_save(struct ctx *c)
{
	const char *vals[H__MAX], *errs[H__MAX], *syserr = NULL;
	struct vm cur;
	struct cl_picked pk = { { 0 }, 0 };
	struct hsave sv = { vals, c->acct.unit_id, &pk, NULL, SNIFF_OTHER };
	enum db_rc rc = DB_OK;
	int st;

	if (c->id != 0) {
		if ((st = open_host(c, &cur)) != 200)
			return st;
		sv.unit = atoll(cur.v[VC_UNIT_ID]);
	}
	long bad = (long)valid_form(fields, H__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	int tok = c->id ? H_VERSION : H_NONCE;
	if (errs[tok] == NULL && *vals[tok] == '\0')
		bad += valid_flag(errs, tok, "required");
	if (errs[H_FROM] == NULL && errs[H_TO] == NULL && strcmp(vals[H_TO], vals[H_FROM]) < 0)
		bad += valid_flag(errs, H_TO, "cloud_period");
	/* the scan is optional until submission; one sent must be a PDF, JPEG or PNG */
	const char *scan_err = up_check(c, "scan", &sv.scan, &sv.type);
	if (scan_err != NULL && strcmp(scan_err, "required") == 0) {
		sv.scan = NULL;
		scan_err = NULL;
	}
	if (scan_err != NULL) {
		pg_msg(c, "scan", scan_err);
		if (strcmp(scan_err, "too_large") == 0)
			return host_page(c, 413, c->id ? &cur : NULL, sv.unit, vals, errs, &pk);
		bad++;
	}
	long more = cl_pick(c, sv.unit, &pk, &syserr, &rc);
	if (more < 0)
		return app_dberr(rc);
	bad += more;
	if (bad) {
		if (syserr)
			pg_attr(c->data, "system-error", syserr);
		return host_page(c, 422, c->id ? &cur : NULL, sv.unit, vals, errs, &pk);
	}
	struct tx t = { .c = c, .nonce = c->id ? NULL : vals[H_NONCE] };
	st = tx_run(&t, save_tx, &sv);
	if (st == 409 && c->id != 0) {
		struct vm now;
		if ((rc = cl_load(c, c->id, &now, 0)) != DB_OK)
			return app_dberr(rc);
		pg_conflict(c);
		if (now.n)
			vals[H_VERSION] = now.v[VC_VERSION];
		return host_page(c, 409, now.n ? &now : NULL, sv.unit, vals, NULL, &pk);
	}
	return st;
}

int
cl_review(struct ctx *c)
{
	struct vm vm;
	int st = cl_open(c, &vm, 0);
	if (st != 200)
		return st;
	if (!*vm.v[VC_SCAN])
		return 404;
	return up_send(c, SQL(CL_SQL_SCAN_CHUNKS), atoll(vm.v[VC_SCAN]), vm.v[VC_SCAN_MIME],
	    atoll(vm.v[VC_SCAN_SIZE]), ar_printf(c->ar, "review-%lld", c->id));
}

int
cl_host_gate(struct ctx *c, const struct vm *vm, const char **code, enum db_rc *rc)
{
	long long n = 0;
	struct db_val p[] = { DBI(atoll(vm->v[VC_UNIT_ID])) };
	if ((*rc = SQL_RUN(c, CL_SQL_HOST_LETTER, p, db_int_row, &n)) != DB_OK)
		return -1;
	if (n == 0) {
		*code = "cloud_gate";
		return 422;
	}
	if (!*vm->v[VC_REVIEW_DATE] || !*vm->v[VC_REVIEW_REF] || !*vm->v[VC_SCAN]) {
		*code = "cloud_review";
		return 422;
	}
	return 0;
}
