/*
 * vendor_form.c — the office registers and edits vendors (vendor.c): the
 * unified social credit code has its check character verified (GB
 * 32100-2015), the phone is a landline or a mobile.
 *
 * A create carries a nonce, taken in the save's transaction (tx.h): a
 * double submit makes one vendor.
 * An edit carries the version it started from; if someone saved the vendor
 * in between, the POST gets 409 with the vendor as it is now beside what was
 * typed — unless the vendor now holds exactly the typed values, which is a
 * double submit of this very edit and goes to the result page.  The units
 * are typed as codes; codes no active unit has are a 422 that names them
 * (found when the links are written, so only once the other fields are
 * valid; the transaction is then rolled back).  Each save writes its audit
 * row, with the vendor before and after as JSON, in its transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "pledges.h"
#include "resp.h"
#include "tx.h"

enum { F_NAME, F_USCC, F_CONTACT, F_PHONE, F_EMAIL, F_UNITS, F_ACTIVE, F_VERSION, F_NONCE, F__MAX };

static const char *const active_choices[] = { "0", "1", NULL };

/*
 * The company's name is the form field "company": "name" is labelled as a
 * person's name (姓名) everywhere else.  The phone is checked by phone_ok();
 * version (edit) and nonce (create) are required by the path, not here.
 */
static const struct vfield fields[F__MAX] = {
	[F_NAME]    = { "company", V_TEXT, 1, 64, NULL },
	[F_USCC]    = { "uscc", V_USCC, 1, 18, NULL },
	[F_CONTACT] = { "contact", V_TEXT, 1, 32, NULL },
	[F_PHONE]   = { "phone", V_TEXT, 1, 24, NULL },
	[F_EMAIL]   = { "email", V_EMAIL, 0, 128, NULL },
	[F_UNITS]   = { "units", V_MULTILINE, 0, PL_UNITS_CHARS, NULL },
	[F_ACTIVE]  = { "active", V_CHOICE, 0, 1, active_choices },
	[F_VERSION] = { "version", V_INT, 0, 10, NULL },
	[F_NONCE]   = { "nonce", V_TOKEN, 0, 32, NULL },
};

/* The vendor's columns (PL_SQL_VENDOR, in the audit JSON) by form field. */
static const char *const cols[F__MAX] = {
	[F_NAME] = "name", [F_USCC] = "uscc", [F_CONTACT] = "contact", [F_PHONE] = "phone",
	[F_EMAIL] = "email",
};
/* … and where each stands in PL_SQL_VENDOR's row (VEN_ID, 0: not a column of the form). */
static const int col_index[F__MAX] = {
	[F_NAME] = VEN_NAME, [F_USCC] = VEN_USCC, [F_CONTACT] = VEN_CONTACT, [F_PHONE] = VEN_PHONE,
	[F_EMAIL] = VEN_EMAIL, [F_ACTIVE] = VEN_ACTIVE,
};

/* A landline or a mainland mobile. */
static int
phone_ok(const char *s)
{
	static const struct vfield land = { "phone", V_PHONE, 1, 24, NULL };
	static const struct vfield mobile = { "phone", V_MOBILE, 1, 24, NULL };
	return valid_check(&land, s) == NULL || valid_check(&mobile, s) == NULL;
}

/* The vendor's values by form field: the edit form's prefill, the audit's "before". */
static void
record_vals(const struct pl_vendor *v, const char **vals)
{
	for (int f = 0; f < F__MAX; f++)
		if (col_index[f])
			vals[f] = v->col[col_index[f]];
}

/* The vendor as the audit's JSON: its columns and the codes of its units. */
static const char *
vendor_json(struct ctx *c, const char *const *v, const char *units)
{
	struct buf b;
	buf_init(&b, c->ar, 80 * 1024);
	buf_str(&b, "{");
	for (int f = F_NAME; f <= F_EMAIL; f++) {
		buf_printf(&b, "%s\"%s\":\"", f == F_NAME ? "" : ",", cols[f]);
		buf_json(&b, v[f]);
		buf_str(&b, "\"");
	}
	buf_printf(&b, ",\"active\":%d,\"units\":%s}", strcmp(v[F_ACTIVE], "1") == 0, units);
	return buf_cstr(&b);
}

/*
 * Splits the units field into codes at white space, commas, semicolons and
 * their full-width forms (，、；), dropping repeats (codes compare without
 * case, as the database does).  Returns how many.
 */
static size_t
split_units(struct ctx *c, const char *s, const char **out)
{
	static const char *const wide[] = { "，", "、", "；", NULL };	/* 3 bytes each */
	static const char sep[] = " \t\r\n,;";
	char *t = ar_strdup(c->ar, s), *save = NULL;
	size_t n = 0;
	if (t == NULL)
		return 0;
	for (char *q = t; *q; q++)
		for (const char *const *w = wide; *w; w++)
			if (strncmp(q, *w, 3) == 0)
				memset(q, ' ', 3);
	for (char *u = strtok_r(t, sep, &save); u != NULL && n < PL_MAX_CODES; u = strtok_r(NULL, sep, &save)) {
		size_t i = 0;
		while (i < n && strcasecmp(out[i], u) != 0)
			i++;
		if (i == n)
			out[n++] = u;
	}
	return n;
}

/* Does the vendor hold exactly these values (the same codes in any order and case)? */
static int
holds(const struct pl_vendor *v, const char **vals, const char **codes, size_t n)
{
	for (int f = F_NAME; f <= F_EMAIL; f++)
		if (strcmp(v->col[col_index[f]], vals[f]) != 0)
			return 0;
	if ((strcmp(v->col[VEN_ACTIVE], "1") == 0) != (strcmp(vals[F_ACTIVE], "1") == 0) || n != v->ncodes)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < v->ncodes && strcasecmp(codes[i], v->codes[j]) != 0)
			j++;
		if (j == v->ncodes)
			return 0;
	}
	return 1;
}

/*
 * The form: blank or the typed values with their errors; for an edit the
 * vendor as it is now beside them.  On a conflict the hidden version becomes
 * the one shown, so submitting again is a decision over the newer record.
 */
static int
form_page(struct ctx *c, int status, const char **vals, const char **errs,
    const char *const *unknown, size_t nunknown)
{
	struct pl_vendor v;
	c->view = VIEW(PL_VIEW_VENDOR_FORM);
	if (c->id != 0) {
		int st = pl_vendor_open(c, &v, 0);
		if (st != 200)
			return st;
		enum db_rc rc = pl_vendor_node(c, &v);
		if (rc != DB_OK)
			return app_dberr(rc);
		if (status == 409) {
			pg_conflict(c);
			vals[F_VERSION] = ar_printf(c->ar, "%lld", v.version);
		}
	}
	if (nunknown) {
		xmlNodePtr un = pg_node(c->data, "unknown-units");
		for (size_t i = 0; i < nunknown; i++)
			pg_attr(pg_node(un, "unit"), "code", unknown[i]);
	}
	pg_form(c, c->data, fields, F__MAX, vals, errs);
	return status;
}

int
pl_vendor_form(struct ctx *c)
{
	const char *vals[F__MAX] = { 0 };
	char nonce[TX_NONCE_LEN + 1];
	struct pl_vendor v;

	if (c->id == 0) {
		tx_nonce(nonce);
		vals[F_ACTIVE] = "1";
		vals[F_NONCE] = nonce;
	} else {
		/* prefill with the vendor: an edit changes a field or two */
		int st = pl_vendor_open(c, &v, 1);
		if (st != 200)
			return st;
		record_vals(&v, vals);
		struct buf b;
		buf_init(&b, c->ar, 64 * 1024);
		for (size_t i = 0; i < v.ncodes; i++)
			buf_printf(&b, "%s%s", i ? "\n" : "", v.codes[i]);
		vals[F_UNITS] = buf_cstr(&b);
		vals[F_VERSION] = ar_printf(c->ar, "%lld", v.version);
	}
	for (int i = 0; i < F__MAX; i++)
		if (vals[i] == NULL)
			vals[i] = "";
	return form_page(c, 200, vals, NULL, NULL, 0);
}

/* Links vendor id to each code's unit; the codes no active unit has go to unknown. */
static enum db_rc
add_units(struct ctx *c, long long id, const char **codes, size_t n, const char **unknown, size_t *nunknown)
{
	enum db_rc rc = DB_OK;
	*nunknown = 0;
	for (size_t i = 0; i < n && rc == DB_OK; i++) {
		struct db_val p[] = { DBI(id), DBS(codes[i]) };
		rc = SQL_RUN(c, PL_SQL_VENDOR_UNIT_ADD, p, NULL, NULL);
		if (rc == DB_DUP)
			rc = DB_OK;	/* the same unit by another spelling of its code (the collation's) */
		else if (rc == DB_OK && db_affected(c->db) == 0)
			unknown[(*nunknown)++] = codes[i];
	}
	return rc;
}

/* The create's insert; the new vendor's id in *id. */
static enum db_rc
insert_vendor(struct ctx *c, const char **vals, long long *id)
{
	struct db_val ins[] = {
		DBS(vals[F_NAME]), DBS(vals[F_USCC]), DBS(vals[F_CONTACT]), DBS(vals[F_PHONE]),
		DBS(vals[F_EMAIL]), DBS(vals[F_NONCE]), DBS(c->acct.login), DBS(c->acct.login),
	};
	enum db_rc rc = SQL_RUN(c, PL_SQL_VENDOR_INSERT, ins, NULL, NULL);
	*id = (long long)db_insert_id(c->db);
	return rc;
}

/*
 * The edit's update over the version the form started from, with the
 * vendor's units cleared for add_units(): TX_COMMIT with *before the vendor
 * as it was, 404, 409 (saved meanwhile), or the failure.
 */
static int
update_vendor(struct ctx *c, const char **vals, const char **before)
{
	struct pl_vendor now;
	const char *was[F__MAX] = { 0 };
	enum db_rc rc = pl_vendor_load(c, c->id, &now, 1, 1);
	if (rc != DB_OK)
		return rc;
	if (now.id == 0)
		return 404;
	if (now.version != atoll(vals[F_VERSION]))
		return 409;
	record_vals(&now, was);
	*before = vendor_json(c, was, now.units_json);
	struct db_val up[] = {
		DBS(vals[F_NAME]), DBS(vals[F_USCC]), DBS(vals[F_CONTACT]), DBS(vals[F_PHONE]),
		DBS(vals[F_EMAIL]), DBI(strcmp(vals[F_ACTIVE], "1") == 0), DBS(c->acct.login),
		DBI(c->id), DBI(now.version),
	};
	if ((rc = SQL_RUN(c, PL_SQL_VENDOR_UPDATE, up, NULL, NULL)) != DB_OK)
		return rc;
	if (db_affected(c->db) != 1)
		return 409;
	struct db_val v[] = { DBI(c->id) };
	return SQL_RUN(c, PL_SQL_VENDOR_UNITS_CLEAR, v, NULL, NULL);
}

/* What a save's transaction needs from the validated form, and the 422 it found. */
struct save {
	const char **vals;
	const char **codes;
	size_t ncodes;
	int field;			/* the 422's field and message */
	const char *code;
	const char *unknown[PL_MAX_CODES];	/* the codes no active unit has */
	size_t nunknown;
};

/*
 * Creates (c->id 0) or updates the vendor and links its units.  422: the
 * credit code is another vendor's (a double submit is the core's nonce,
 * tx.h, so that is the only duplicate left), or some codes name no active
 * unit; 409: saved by someone else since the form was shown.
 */
static int
save_tx(struct tx *t, void *arg)
{
	struct save *sv = arg;
	struct ctx *c = t->c;
	const char *before = NULL;
	long long id = c->id;
	struct pl_vendor after;
	enum db_rc rc;

	sv->nunknown = 0;
	int st = c->id == 0 ? insert_vendor(c, sv->vals, &id) : update_vendor(c, sv->vals, &before);
	if (st == DB_DUP) {
		sv->field = F_USCC;
		sv->code = "uscc_taken";
		return 422;
	}
	if (st != TX_COMMIT)
		return st;
	if ((rc = add_units(c, id, sv->codes, sv->ncodes, sv->unknown, &sv->nunknown)) != DB_OK)
		return rc;
	if (sv->nunknown) {
		sv->field = F_UNITS;
		sv->code = "unknown_units";
		return 422;
	}
	/* the units as stored (their codes' own case), for the audit */
	memset(&after, 0, sizeof(after));
	after.id = id;
	if ((rc = pl_vendor_units(c, &after, NULL)) != DB_OK)
		return rc;
	t->record = "vendor";
	t->id = id;
	t->action = c->id ? "update" : "create";
	t->before = before;
	t->after = vendor_json(c, sv->vals, after.units_json);
	t->then = ar_printf(c->ar, "/pledges/vendors/%lld?saved=1", id);
	return TX_COMMIT;
}

int
pl_vendor_save(struct ctx *c)
{
	const char *vals[F__MAX], *errs[F__MAX], *codes[PL_MAX_CODES];
	struct pl_vendor now;

	size_t bad = valid_form(fields, F__MAX, c->req.f, c->req.nf, c->ar, vals, errs);
	if (errs[F_PHONE] == NULL && !phone_ok(vals[F_PHONE])) {
		errs[F_PHONE] = "phone";
		bad++;
	}
	/* a form that lost its hidden token: the page says to open it again */
	int tok = c->id ? F_VERSION : F_NONCE;
	if (errs[tok] == NULL && *vals[tok] == '\0') {
		errs[tok] = "required";
		bad++;
	}
	if (bad)
		return form_page(c, 422, vals, errs, NULL, 0);
	if (c->id == 0)
		vals[F_ACTIVE] = "1";	/* a new vendor is active; the box is the edit's */
	else if (*vals[F_ACTIVE] == '\0')
		vals[F_ACTIVE] = "0";	/* an unticked box sends nothing */
	struct save sv = { .vals = vals, .codes = codes, .ncodes = split_units(c, vals[F_UNITS], codes) };
	/* an edit's double submit is told by the values it finds (below), not by a nonce */
	struct tx t = { .c = c, .nonce = c->id ? NULL : vals[F_NONCE] };
	int st = tx_run(&t, save_tx, &sv);
	if (st == 422) {
		errs[sv.field] = sv.code;
		return form_page(c, 422, vals, errs, sv.unknown, sv.nunknown);
	}
	if (st != 409)
		return st;
	/* the vendor already holds what was typed: this edit's double submit landed */
	if (pl_vendor_load(c, c->id, &now, 0, 1) == DB_OK && now.id != 0 && holds(&now, vals, codes, sv.ncodes))
		return resp_redirect(c, ar_printf(c->ar, "/pledges/vendors/%lld?saved=1", c->id));
	return form_page(c, 409, vals, NULL, NULL, 0);
}
