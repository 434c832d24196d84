/*
 * pledges.h — the pledges module (DOMAIN.md §2): versioned pledge and
 * responsibility-letter templates, the parties who sign them (units,
 * vendors, persons), signings with their scans, re-sign deadlines, the
 * coverage report, print and export.
 *
 * Page XML under <data> (the views in xslt/pledges/ read these):
 *  coverage  <filter kind unit status/> <kinds><kind code/>…</kinds>
 *            <rows next?><row kind party-type party-id unit-id code status
 *              signing-id? signed? changed? due? overdue?><name/></row>…</rows>
 *  unit      <unit id code writable><name/></unit> <kinds>…</kinds>
 *            <parties><party kind type id status …/>…</parties> (as rows above)
 *            <signings><signing …/>…</signings> <persons><person id staff-no><name/>…
 *  sign      <party type id unit-id code><name/></party> <template id kind version><title/>
 *            <current id? signed?/> <form>…</form>
 *  signing   <signing id kind party-type party-id unit-id template-id version
 *              signed sealed current superseded-by created-at created-by>
 *              <signer name title/><party><name/></party><scan id mime size sha256/>
 *  vendors   <filter active/> <vendors count next?><vendor id uscc active status
 *              signing-id? signed?><name/><contact/><phone/></vendor>…</vendors>
 *  vendor    <vendor id uscc version active><name/><contact/><phone/><email/>
 *              <units><unit id code><name/></unit>…</units></vendor> <signings>…
 *            <letter kind status signing-id? signed?/>; the form: <vendor/> (edit)
 *            <unknown-units><unit code/>…</unknown-units>? <form>…</form>
 *  templates <template id kind version published-at published-by><title/></template>…
 *  template  <template …><body>(the template XML, urn:wangan:pledge-template:1)</body>
 *            and for print <party type id><name/><signer name title/></party>
 */
#ifndef WANGAN_PLEDGES_H
#define WANGAN_PLEDGES_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"

#define PL_PAGE_ROWS 50

enum pl_kind {
	PL_SCHOOL_PLEDGE, PL_UNIT_PLEDGE, PL_LETTER1, PL_LETTER2, PL_WEBSITE,
	PL_CLOUD_VM, PL_HOSTED_SERVER, PL_SOFTWARE, PL_KIND__MAX
};

enum pl_party { PL_UNIT, PL_VENDOR, PL_PERSON, PL_PARTY__MAX };

/* The statements (sql.c) and how many parameters each takes. */
#define PL_STATEMENTS(S) \
	S(PL_SQL_COVERAGE, 11) \
	S(PL_SQL_COVERAGE_ALL, 11) \
	S(PL_SQL_COV_CODE_ASC, 20) S(PL_SQL_COV_CODE_DESC, 20) \
	S(PL_SQL_COV_UNIT_ASC, 20) S(PL_SQL_COV_UNIT_DESC, 20) \
	S(PL_SQL_COV_STATUS_ASC, 20) S(PL_SQL_COV_STATUS_DESC, 20) \
	S(PL_SQL_EXPORT_TEMPLATES, 0) \
	S(PL_SQL_EXPORT_SIGNINGS, 0) \
	S(PL_SQL_UNIT, 1) \
	S(PL_SQL_REQUIREMENTS, 1) \
	S(PL_SQL_VENDOR, 1) \
	S(PL_SQL_PERSON, 1) \
	S(PL_SQL_FIRST_HOLDER, 1) \
	S(PL_SQL_LATEST_TEMPLATE, 1) \
	S(PL_SQL_TEMPLATE, 1) \
	S(PL_SQL_TEMPLATES, 0) \
	S(PL_SQL_CURRENT_SIGNING, 3) \
	S(PL_SQL_CURRENT_LOCK, 3) \
	S(PL_SQL_SCAN_INSERT, 5) \
	S(PL_SQL_CHUNK_INSERT, 3) \
	S(PL_SQL_SUPERSEDE, 2) \
	S(PL_SQL_SUPERSEDED_BY, 2) \
	S(PL_SQL_SIGNING_INSERT, 13) \
	S(PL_SQL_SIGNING, 1) \
	S(PL_SQL_PARTY_SIGNINGS, 2) \
	S(PL_SQL_SCAN_CHUNKS, 1) \
	S(PL_SQL_PERSONS, 1) \
	S(PL_SQL_PERSON_INSERT, 6) \
	S(PL_SQL_VENDOR_SERVES, 2) \
	S(PL_SQL_VENDORS_NAME_ASC, 12) S(PL_SQL_VENDORS_NAME_DESC, 12) \
	S(PL_SQL_VENDORS_ID_ASC, 12) S(PL_SQL_VENDORS_ID_DESC, 12) \
	S(PL_SQL_VENDOR_UNITS, 1) \
	S(PL_SQL_VENDOR_LOCK, 1) \
	S(PL_SQL_VENDOR_INSERT, 8) \
	S(PL_SQL_VENDOR_UPDATE, 9) \
	S(PL_SQL_VENDOR_UNITS_CLEAR, 1) \
	S(PL_SQL_VENDOR_UNIT_ADD, 2) \
	S(PL_SQL_TEMPLATE_NEXT, 1) \
	S(PL_SQL_TEMPLATE_INSERT, 8) \
	S(PL_SQL_REQ_ADD, 3) \
	S(PL_SQL_REQ_DEL, 2) \
	S(PL_SQL_DEMO_HAS, 0) \
	S(PL_SQL_DEMO_PERSON, 3) \
	S(PL_SQL_DEMO_REQUIREMENT, 2) \
	S(PL_SQL_DEMO_SIGNING, 7)
DB_STATEMENTS(pl_sql_id, PL_STATEMENTS, PL_SQL__MAX);
extern const struct db_stmt pl_sql[PL_SQL__MAX];

/*
 * PL_SQL_COVERAGE*'s: a required (kind, party), the party's unit (0 for a
 * vendor), its current signing (0 and "" for none), the first change of the
 * unit's first responsible person after it ("" for none), the status and
 * the pager's keyset.
 */
#define PL_COVERAGE_COLS(C) \
	C(COV_KIND, "kind") C(COV_PTYPE, "ptype") C(COV_PID, "pid") C(COV_UNIT_ID, "unit_id") \
	C(COV_CODE, "code") C(COV_NAME, "name") C(COV_NAME_EN, "name_en") \
	C(COV_SIGNING, "signing_id") C(COV_SIGNED, "signed_date") C(COV_CHANGED, "changed_date") \
	C(COV_STATUS, "status") C(COV_KEY, "k")
DB_COLUMNS(pl_coverage_col, PL_COVERAGE_COLS);

/* A signing with its version and scan (PL_SQL_SIGNING, _PARTY_SIGNINGS, _EXPORT_SIGNINGS). */
#define PL_SIGNING_COLS(C) \
	C(SG_ID, "id") C(SG_KIND, "kind") C(SG_PTYPE, "party_type") C(SG_PID, "party_id") \
	C(SG_UNIT_ID, "unit_id") C(SG_TEMPLATE_ID, "template_id") C(SG_VERSION, "version") \
	C(SG_TITLE, "title") C(SG_SIGNER, "signer_name") C(SG_SIGNER_TITLE, "signer_title") \
	C(SG_SIGNED, "signed_date") C(SG_SEALED, "sealed") C(SG_CURRENT, "is_current") \
	C(SG_SUPERSEDED_BY, "superseded_by") C(SG_CREATED_AT, "created_at") \
	C(SG_CREATED_BY, "created_by") C(SG_SCAN_ID, "scan_id") C(SG_SCAN_MIME, "scan_mime") \
	C(SG_SCAN_SIZE, "scan_size") C(SG_SCAN_SHA256, "scan_sha256")
DB_COLUMNS(pl_signing_col, PL_SIGNING_COLS);

/*
 * A template version: PL_SQL_TEMPLATES and _LATEST_TEMPLATE read its head,
 * PL_SQL_TEMPLATE the head with the checksum and the text.
 */
#define PL_TEMPLATE_HEAD_COLS(C) \
	C(T_ID, "id") C(T_KIND, "kind") C(T_VERSION, "version") C(T_TITLE, "title") \
	C(T_PUBLISHED_AT, "published_at") C(T_PUBLISHED_BY, "published_by") C(T_NOTE, "note")
#define PL_TEMPLATE_COLS(C) PL_TEMPLATE_HEAD_COLS(C) C(T_SHA256, "sha256") C(T_BODY, "body")
DB_COLUMNS(pl_template_col, PL_TEMPLATE_COLS);

/* PL_SQL_EXPORT_TEMPLATES's. */
#define PL_EXPORT_TEMPLATE_COLS(C) \
	C(ET_ID, "id") C(ET_KIND, "kind") C(ET_VERSION, "version") C(ET_TITLE, "title") \
	C(ET_PUBLISHED_AT, "published_at") C(ET_SHA256, "sha256")
DB_COLUMNS(pl_export_template_col, PL_EXPORT_TEMPLATE_COLS);

/* The parties: PL_SQL_UNIT's, PL_SQL_VENDOR's (and _VENDOR_LOCK's), PL_SQL_PERSON's. */
#define PL_UNIT_COLS(C) \
	C(U_ID, "id") C(U_CODE, "code") C(U_NAME, "name") C(U_NAME_EN, "name_en") C(U_KIND, "kind")
DB_COLUMNS(pl_unit_col, PL_UNIT_COLS);
#define PL_VENDOR_COLS(C) \
	C(VEN_ID, "id") C(VEN_USCC, "uscc") C(VEN_NAME, "name") C(VEN_CONTACT, "contact") \
	C(VEN_PHONE, "phone") C(VEN_EMAIL, "email") C(VEN_ACTIVE, "active") C(VEN_VERSION, "version")
DB_COLUMNS(pl_vendor_col, PL_VENDOR_COLS);
#define PL_PERSON_COLS(C) \
	C(PER_ID, "id") C(PER_STAFF_NO, "staff_no") C(PER_NAME, "name") C(PER_UNIT_ID, "unit_id") \
	C(PER_ACTIVE, "active") C(PER_VERSION, "version")
DB_COLUMNS(pl_person_col, PL_PERSON_COLS);

/* PL_SQL_PERSONS's: a unit's persons for its page. */
#define PL_PERSONS_COLS(C) \
	C(PS_ID, "id") C(PS_STAFF_NO, "staff_no") C(PS_NAME, "name") C(PS_ACTIVE, "active")
DB_COLUMNS(pl_persons_col, PL_PERSONS_COLS);

/* PL_SQL_VENDORS_*'s: a vendor of the list with its current letter (2) (0 and "" for none). */
#define PL_VENDORS_COLS(C) \
	C(VL_ID, "id") C(VL_USCC, "uscc") C(VL_NAME, "name") C(VL_CONTACT, "contact") \
	C(VL_PHONE, "phone") C(VL_ACTIVE, "active") C(VL_SIGNING, "signing_id") \
	C(VL_SIGNED, "signed_date")
DB_COLUMNS(pl_vendors_col, PL_VENDORS_COLS);

/* PL_SQL_VENDOR_UNITS's: a unit a vendor serves. */
#define PL_VENDOR_UNIT_COLS(C) \
	C(VU_ID, "id") C(VU_CODE, "code") C(VU_NAME, "name") C(VU_NAME_EN, "name_en")
DB_COLUMNS(pl_vendor_unit_col, PL_VENDOR_UNIT_COLS);

/* PL_SQL_CURRENT_SIGNING's (and _CURRENT_LOCK's): the current signing of a (kind, party). */
#define PL_CURRENT_COLS(C) C(CUR_ID, "id") C(CUR_SIGNED, "signed_date")
DB_COLUMNS(pl_current_col, PL_CURRENT_COLS);

/* PL_SQL_FIRST_HOLDER's: a unit's first responsible person, who signs for it. */
#define PL_HOLDER_COLS(C) C(HOLDER_NAME, "name") C(HOLDER_TITLE, "title")
DB_COLUMNS(pl_holder_col, PL_HOLDER_COLS);

/* One-column results: a scan's piece, the next version, a requirement's kind, a yes, a count. */
#define PL_CHUNK_COLS(C) C(CHUNK_DATA, "data")
DB_COLUMNS(pl_chunk_col, PL_CHUNK_COLS);
#define PL_NEXT_COLS(C) C(NEXT_VERSION, "next_version")
DB_COLUMNS(pl_next_col, PL_NEXT_COLS);
#define PL_REQUIREMENT_COLS(C) C(REQ_KIND, "kind")
DB_COLUMNS(pl_requirement_col, PL_REQUIREMENT_COLS);
#define PL_SERVES_COLS(C) C(SERVES, "serves")
DB_COLUMNS(pl_serves_col, PL_SERVES_COLS);

/* The views (main.c). */
enum pl_view {
	PL_VIEW_COVERAGE, PL_VIEW_UNIT, PL_VIEW_SIGN, PL_VIEW_SIGNING, PL_VIEW_TEMPLATES,
	PL_VIEW_TEMPLATE, PL_VIEW_PRINT, PL_VIEW_VENDORS, PL_VIEW_VENDOR, PL_VIEW_VENDOR_FORM,
	PL_VIEW_PUBLISH, PL_VIEW__MAX
};

extern const char *const pl_kind_code[PL_KIND__MAX];
extern const char *const pl_party_code[PL_PARTY__MAX];
/* Which kind of party signs each kind. */
extern const enum pl_party pl_kind_party[PL_KIND__MAX];

/* Site settings, read once at start. */
struct pl_settings {
	int resign[PL_KIND__MAX];	/* pledges.resign_kinds: a new first responsible person opens a re-sign */
	char resign_list[256];		/* the same, comma-separated, for SQL's FIND_IN_SET */
	int resign_days;		/* pledges.resign_days, default 10 working days */
	const char *domain;		/* pledges.domain: the <domain/> of letter (1) */
	const char *kind_choices[PL_KIND__MAX + 1];
};
extern struct pl_settings pl_set;

/* A column written as an attribute: its index in the row and the page's name for it. */
struct pl_attr {
	int col;
	const char *name;
};
/* Sets n's attributes from row r, one for each of the na entries of a. */
void pl_attrs(xmlNodePtr n, const struct db_row *r, const struct pl_attr *a, size_t na);

/* A kind's index from its code, or -1. */
int pl_kind(const char *code);
/* <kinds><kind code resign/>…</kinds> under data. */
void pl_kinds_node(struct ctx *c);

/*
 * A party as the pages name it: type, id, the unit it belongs to (0 for a
 * vendor), code and name.  pl_party_load() fills it and returns 200, 404 or
 * APP_LOST/500.
 */
struct pl_party_ref {
	enum pl_party type;
	long long id, unit_id;
	const char *code, *name;
};
int pl_party_load(struct ctx *c, enum pl_party type, long long id, struct pl_party_ref *p);
/* Whether this account may see, or sign for, the party (vendors: the office; units it serves read). */
int pl_party_read(struct ctx *c, const struct pl_party_ref *p);
int pl_party_write(struct ctx *c, const struct pl_party_ref *p);
/* Parses ?unit=ID, ?vendor=ID or ?person=ID (or the form's party_type/party_id). */
int pl_party_arg(struct ctx *c, enum pl_party *type, long long *id);
/* The party type of a code that is "unit", "vendor" or "person" (checked by the caller). */
enum pl_party pl_party_type(const char *code);

/*
 * A template version's text as the publish form edits it (text.c): the
 * title, and the preamble, clauses and closing as plain text.
 */
enum pl_text { PL_TEXT_TITLE, PL_TEXT_PREAMBLE, PL_TEXT_CLAUSES, PL_TEXT_CLOSING, PL_TEXT__MAX };
/* The parts of version d's text. */
void pl_text_of(struct ctx *c, xmlDocPtr d, const char *part[PL_TEXT__MAX]);
/*
 * Version number version of kind from the parts, with the signature lines
 * of base (the version it was edited from); NULL with *bad_part and *code
 * (the message) naming the first part that is not valid.
 */
xmlDocPtr pl_text_doc(const char *kind, int version, const char *const part[PL_TEXT__MAX], xmlDocPtr base,
    const char *login, int *bad_part, const char **code);

/* A vendor's units field holds at most PL_MAX_CODES codes: two characters each at least with a separator. */
#define PL_UNITS_CHARS 1000
#define PL_MAX_CODES (PL_UNITS_CHARS / 2 + 1)

/* A vendor as the database has it (vendor.c), with the codes of the units it serves. */
struct pl_vendor {
	long long id, version;
	const char *col[pl_vendor_col__MAX];	/* PL_SQL_VENDOR's row */
	const char *codes[PL_MAX_CODES];
	size_t ncodes;
	const char *units_json;		/* the codes as a JSON array, for the audit */
};
/*
 * Vendor id's row (locked when lock, in a transaction), and with units set
 * the units it serves; v->id is 0 when there is none.
 */
enum db_rc pl_vendor_load(struct ctx *c, long long id, struct pl_vendor *v, int lock, int units);
/* Vendor c->id, and with units set its units, as HTTP: 200, 404 or APP_LOST/500. */
int pl_vendor_open(struct ctx *c, struct pl_vendor *v, int units);
/* The units v serves, into v->codes and v->units_json, and as <unit>s under parent unless NULL. */
enum db_rc pl_vendor_units(struct ctx *c, struct pl_vendor *v, xmlNodePtr parent);
/* <vendor id uscc version active><name/><contact/><phone/><email/><units>…</units></vendor> under data. */
enum db_rc pl_vendor_node(struct ctx *c, struct pl_vendor *v);
/* The letter (2) status from a vendor's current signing (id and date; id "0" for none) on n. */
void pl_letter_status(xmlNodePtr n, const char *signing, const char *signed_date);

/* The due date and overdue flag of a re-sign, from the change's date (status.c). */
void pl_due(struct ctx *c, const char *changed, char due[11], int *overdue);
/*
 * Runs the coverage for one unit or all (unit 0), one kind or all (""): a
 * page of it (PL_SQL_COVERAGE) when paged, else all of it (the export).
 */
enum db_rc pl_coverage_query(struct ctx *c, int paged, long long unit, const char *kind,
    const char *status, const char *after, db_row_fn fn, void *arg);
/* One coverage row as <row>/<party> under parent. */
void pl_status_row(struct ctx *c, xmlNodePtr parent, const char *elem, const struct db_row *r);
/* A signing row as <signing>. */
void pl_signing_node(xmlNodePtr parent, const struct db_row *r);

int pl_unit_parties(struct ctx *c, xmlNodePtr parent, long long unit);
int pl_coverage(struct ctx *c);
int pl_unit(struct ctx *c);
int pl_person_add(struct ctx *c);
int pl_requirement(struct ctx *c);
int pl_sign_form(struct ctx *c);
int pl_sign(struct ctx *c);
int pl_signing(struct ctx *c);
int pl_scan(struct ctx *c);
int pl_vendors(struct ctx *c);
int pl_vendor(struct ctx *c);
int pl_vendor_form(struct ctx *c);
int pl_vendor_save(struct ctx *c);
int pl_publish_form(struct ctx *c);
int pl_publish(struct ctx *c);
int pl_templates(struct ctx *c);
int pl_template(struct ctx *c);
int pl_print(struct ctx *c);
int pl_export(struct ctx *c);
/* The CLI verb --demo (demo.c). */
int pl_demo(struct ctx *c);
#endif
