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
#include "legacy.h"

#define PL_PAGE_ROWS 50

enum pl_kind {
	PL_SCHOOL_PLEDGE, PL_UNIT_PLEDGE, PL_LETTER1, PL_LETTER2, PL_WEBSITE,
	PL_CLOUD_VM, PL_HOSTED_SERVER, PL_SOFTWARE, PL_KIND__MAX
};

enum pl_party { PL_UNIT, PL_VENDOR, PL_PERSON, PL_PARTY__MAX };

enum pl_sql {
	PL_SQL_COVERAGE,
	PL_SQL_COVERAGE_ALL,
	PL_SQL_EXPORT_TEMPLATES,
	PL_SQL_EXPORT_SIGNINGS,
	PL_SQL_UNIT,
	PL_SQL_UNIT_PARTIES,
	PL_SQL_VENDOR,
	PL_SQL_PERSON,
	PL_SQL_FIRST_HOLDER,
	PL_SQL_LATEST_TEMPLATE,
	PL_SQL_TEMPLATE,
	PL_SQL_TEMPLATES,
	PL_SQL_CURRENT_SIGNING,
	PL_SQL_CURRENT_LOCK,
	PL_SQL_NONCE,
	PL_SQL_SCAN_INSERT,
	PL_SQL_CHUNK_INSERT,
	PL_SQL_SUPERSEDE,
	PL_SQL_SUPERSEDED_BY,
	PL_SQL_SIGNING_INSERT,
	PL_SQL_SIGNING,
	PL_SQL_PARTY_SIGNINGS,
	PL_SQL_SCAN_CHUNKS,
	PL_SQL_PERSONS,
	PL_SQL_PERSON_INSERT,
	PL_SQL_PERSON_NONCE,
	PL_SQL_VENDOR_SERVES,
	/* the vendor registry (vendor.c) */
	PL_SQL_VENDORS,
	PL_SQL_VENDOR_UNITS,
	PL_SQL_VENDOR_LOCK,
	PL_SQL_VENDOR_INSERT,
	PL_SQL_VENDOR_UPDATE,
	PL_SQL_VENDOR_NONCE,
	PL_SQL_VENDOR_UNITS_CLEAR,
	PL_SQL_VENDOR_UNIT_ADD,
	/* publishing a template version (publish.c) */
	PL_SQL_TEMPLATE_NEXT,
	PL_SQL_TEMPLATE_INSERT,
	PL_SQL_TEMPLATE_NONCE,
	/* which letters a unit must sign (unit.c) */
	PL_SQL_REQ_ADD,
	PL_SQL_REQ_DEL,
	PL_SQL__MAX
};

extern const char *const pl_sql[PL_SQL__MAX];
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

/* The due date and overdue flag of a re-sign, from the change's date (status.c). */
void pl_due(struct ctx *c, const char *changed, char due[11], int *overdue);
/* Runs the coverage (PL_SQL_COVERAGE's parameters) for one unit or all, one kind or all. */
enum db_rc pl_coverage_query(struct ctx *c, int sql, long long unit, const char *kind,
    const char *status, const char *after, db_row_fn fn, void *arg);
/* One coverage row as <row>/<party> under parent, from PL_SQL_COVERAGE's columns. */
void pl_status_row(struct ctx *c, xmlNodePtr parent, const char *elem, const struct db_row *r);
/* A signing row (PL_SQL_SIGNING's columns) as <signing>. */
void pl_signing_node(struct ctx *c, xmlNodePtr parent, const struct db_row *r);

int pl_unit_parties(struct ctx *c, xmlNodePtr parent, long long unit);
int pl_coverage(struct ctx *c);
int pl_unit(struct ctx *c);
int pl_person_add(struct ctx *c);
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
int pl_requirement(struct ctx *c);
int pl_templates(struct ctx *c);
int pl_template(struct ctx *c);
int pl_print(struct ctx *c);
int pl_export(struct ctx *c);
#endif
