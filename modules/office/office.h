/*
 * office.h — the office's management pages (issue 13, "Management pages
 * for the office"): units (unit.c), accounts (account.c), site settings
 * (settings.c) and the audit viewer (audit.c), each under /office/; and
 * the reports to the upstream platforms (upstream.h, schema 036).
 * Writes are the office's only; the leading group and the auditor read
 * the audit viewer.  Every write is one transaction with its audit row
 * (tx_run), names the version the page showed (409 when it changed) and,
 * on a create, carries a form nonce (a double submit makes one record).
 *
 * Page XML under <data> (xslt/office/ reads these):
 *  units    <filter q closed/> <units next?><unit id code kind active parent-code closed-at>
 *             <name/><name-en/><parent-name/></unit>…</units>; <form> (create: code, name,
 *             name_en, kind, parent, nonce); <pick><unit id code>name</unit>…</pick> (parents)
 *  unit     <unit id code kind active version parent closed-at closed-by …><name/>…</unit>;
 *             <children><unit id code active>name</unit>…</children>; <form> (edit); <pick>
 *  accounts <filter q role disabled/> <accounts next?><account id login role active unit-code
 *             sso has-password><name/><unit-name/></account>…</accounts>; <form> (create); <pick>
 *  settings <settings check-seconds><setting key type min? max? version set default effective
 *             updated-at updated-by>value</setting>…</settings>; <modules><module>name</module>…
 *             </modules> (what the site runs); <form> (after a 422/409: key, value, version)
 *  audit    <filter unit login rtype rid from to/> <entries next-at? next-id?><entry id at login role
 *             unit unit-code module record-type record-id action reqid><field name changed before?
 *             after?/>…<before/>?<after/>? (the text as stored when it is not a flat object)
 *             </entry>…</entries>; <pick>
 *  calendar <calendar year holidays? workdays? preview?/> <months year><month n><week><d date day
 *             kind? name?/>…</week>…</month>…</months>; after a preview <preview adds changes
 *             removes rows><change date what kind? name? old-kind? old-name?/>…</preview> and <form>
 *             (year, action=load, csv_text); after bad rows <errors count><row line reason/>…</errors>
 *  upstreams <upstreams><upstream id code profile enabled last-id? last-at? last-kind? last-by?
 *             last-rows? last-bytes? last-sha256? last-watermark?><name/></upstream>…</upstreams>
 *             (upstream.c; the export buttons POST /office/upstream/{id}/export)
 *  upstream-log <filter upstream/> <exports next?><export id upstream kind status started finished by
 *             since watermark rows bytes sha256/>…</exports>; <upstreams> (the filter's choices)
 *  account  <account id login role active version unit sso has-password set-at><name/>
 *             <unit-name/></account>; <form> (edit); <password shown?/> (a generated
 *             password, on the answer to the reset only); <pick>
 */
#ifndef WANGAN_OFFICE_H
#define WANGAN_OFFICE_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "tx.h"
#include "page.h"
#include "sql.h"

#define OF_PAGE_ROWS 50
/* a parent chain longer than this is refused as if it were a cycle: the walk is bounded */
#define OF_MAX_DEPTH 16
/* the parent and unit pickers list at most this many active units */
#define OF_PICK_MAX 3000
/* a search term, in characters */
#define OF_Q_MAX 64

#define OF_STATEMENTS(S) \
	/* units (unit.c) */ \
	S(OF_SQL_UNIT_LIST, 5) \
	S(OF_SQL_UNIT_GET, 1) \
	S(OF_SQL_UNIT_LOCK, 1) \
	S(OF_SQL_UNIT_PICK, 0) \
	S(OF_SQL_UNIT_CHILDREN, 1) \
	S(OF_SQL_UNIT_OPEN_CHILDREN, 1) \
	S(OF_SQL_UNIT_PARENT, 1) \
	S(OF_SQL_UNIT_CODE_USED, 1) \
	S(OF_SQL_UNIT_INSERT, 7) \
	S(OF_SQL_UNIT_UPDATE, 8) \
	S(OF_SQL_UNIT_CLOSE, 4) \
	S(OF_SQL_UNIT_REOPEN, 3) \
	/* accounts (account.c) */ \
	S(OF_SQL_ACC_LIST, 6) \
	S(OF_SQL_ACC_GET, 1) \
	S(OF_SQL_ACC_LOCK, 1) \
	S(OF_SQL_ACC_INSERT, 7) \
	S(OF_SQL_ACC_UPDATE, 7) \
	S(OF_SQL_ACC_ACTIVE, 4) \
	S(OF_SQL_ACC_PASSWORD, 4) \
	S(OF_SQL_ACC_SESSIONS_END, 1) \
	S(OF_SQL_ACC_LOGIN_USED, 1) \
	S(OF_SQL_ACC_SSO_USED, 2) \
	S(OF_SQL_UNIT_ACTIVE, 1) \
	/* site settings (settings.c) */ \
	S(OF_SQL_SET_ALL, 0) \
	S(OF_SQL_SET_LOCK, 1) \
	S(OF_SQL_SET_NEXT, 0) \
	S(OF_SQL_SET_PUT, 4) \
	/* the audit viewer (audit.c): newest first along (at, id), one index per leading filter */ \
	S(OF_SQL_AUDIT_ALL, 12) \
	S(OF_SQL_AUDIT_UNIT, 13) \
	S(OF_SQL_AUDIT_LOGIN, 13) \
	S(OF_SQL_AUDIT_RECORD, 14) \
	/* the working-day calendar (calendar.c) */ \
	S(OF_SQL_CAL_YEAR, 2) \
	S(OF_SQL_CAL_DELETE, 2) \
	S(OF_SQL_CAL_INSERT, 4) \
	/* upstream reporting (upstream.c, uprun.c, upcanon.c) */ \
	S(OF_SQL_UP_LIST, 0) \
	S(OF_SQL_UP_GET, 1) \
	S(OF_SQL_UP_BY_CODE, 1) \
	S(OF_SQL_UP_LAST, 1) \
	S(OF_SQL_UP_CLOCK, 1) \
	S(OF_SQL_UP_PERSONS_ALL, 0) \
	S(OF_SQL_UP_PERSONS_SINCE, 2) \
	S(OF_SQL_UP_SYSTEMS, 2) \
	S(OF_SQL_UP_LOG_INSERT, 10) \
	S(OF_SQL_UP_LOG, 3)
DB_STATEMENTS(of_sql_id, OF_STATEMENTS, OF_SQL__MAX);
extern const struct db_stmt of_sql[OF_SQL__MAX];

/* OF_SQL_UNIT_LIST, _GET, _LOCK: a unit. */
#define OF_UNIT_COLS(C) \
	C(UC_ID, "id") C(UC_CODE, "code") C(UC_NAME, "name") C(UC_NAME_EN, "name-en") C(UC_KIND, "kind") \
	C(UC_ACTIVE, "active") C(UC_VERSION, "version") C(UC_PARENT, "parent") C(UC_PARENT_CODE, "parent-code") \
	C(UC_PARENT_NAME, "parent-name") C(UC_CLOSED_AT, "closed-at") C(UC_CLOSED_BY, "closed-by") \
	C(UC_UPDATED_AT, "updated-at") C(UC_UPDATED_BY, "updated-by") C(UC_WEBHOOK, "webhook")
DB_COLUMNS(of_unit_col, OF_UNIT_COLS);
extern const char *const of_unit_cols[of_unit_col__MAX + 1];

/* OF_SQL_UNIT_PICK, _CHILDREN: a unit in a list to pick from. */
#define OF_PICK_COLS(C) C(PK_ID, "id") C(PK_CODE, "code") C(PK_NAME, "name") C(PK_ACTIVE, "active")
DB_COLUMNS(of_pick_col, OF_PICK_COLS);

/* OF_SQL_ACC_LIST, _GET, _LOCK: an account (never its password hash: only whether it has one). */
#define OF_ACC_COLS(C) \
	C(AC_ID, "id") C(AC_LOGIN, "login") C(AC_NAME, "name") C(AC_ROLE, "role") C(AC_UNIT, "unit") \
	C(AC_UNIT_CODE, "unit-code") C(AC_UNIT_NAME, "unit-name") C(AC_ACTIVE, "active") \
	C(AC_VERSION, "version") C(AC_SSO, "sso") C(AC_HAS_PW, "has-password") C(AC_PW_AT, "set-at") \
	C(AC_UPDATED_AT, "updated-at") C(AC_UPDATED_BY, "updated-by")
DB_COLUMNS(of_acc_col, OF_ACC_COLS);

/* OF_SQL_SET_ALL, _LOCK: a row of site_setting. */
#define OF_SET_COLS(C) C(SE_NAME, "name") C(SE_VALUE, "value") C(SE_SET, "set") C(SE_VERSION, "version") \
	C(SE_UPDATED_AT, "updated-at") C(SE_UPDATED_BY, "updated-by")
DB_COLUMNS(of_set_col, OF_SET_COLS);

/* OF_SQL_AUDIT_*: an audit row. */
#define OF_AUDIT_COLS(C) C(AU_ID, "id") C(AU_AT, "at") C(AU_LOGIN, "login") C(AU_ROLE, "role") \
	C(AU_UNIT, "unit") C(AU_UNIT_CODE, "unit-code") C(AU_MODULE, "module") C(AU_RTYPE, "record-type") \
	C(AU_RID, "record-id") C(AU_ACTION, "action") C(AU_BEFORE, "before") C(AU_AFTER, "after") \
	C(AU_REQID, "reqid")
DB_COLUMNS(of_audit_col, OF_AUDIT_COLS);

enum of_view { OF_VIEW_UNITS, OF_VIEW_UNIT, OF_VIEW_ACCOUNTS, OF_VIEW_ACCOUNT, OF_VIEW_SETTINGS, OF_VIEW_AUDIT, OF_VIEW_CALENDAR,
	OF_VIEW_UPSTREAMS, OF_VIEW_UPSTREAM_LOG, OF_VIEW__MAX };

extern const char *const of_unit_kinds[];
extern const char *const of_roles[];

/* A search term from ?q= (trimmed, at most OF_Q_MAX characters, one line), or "" — NULL: refused. */
const char *of_query(struct ctx *c, const char *key);
/* <pick><unit id code>name</unit>…</pick> of the active units under parent. */
enum db_rc of_pick_node(struct ctx *c, xmlNodePtr parent);
/* Copies a row's columns into the request's arena (v: n strings). */
void of_copy_row(struct ctx *c, const struct db_row *r, const char **v, size_t n);

/* One record read by its id (rec.c): of_one_row copies its columns into v and counts it. */
struct of_one {
	struct ctx *c;
	const char **v;
	size_t ncols;
	int n;
};
int of_one_row(void *arg, const struct db_row *r);
/*
 * The record a form saves (c->id), read FOR UPDATE with statement sql (of
 * one parameter, the id) into o: 0 when it is there at the form's version
 * (column vcol), else the transaction's status — the DB error, 404, 409.
 */
int of_locked(struct ctx *c, int sql, struct of_one *o, size_t vcol, const char *version);
#define OF_LOCKED(c, id, o, vcol, version) \
	of_locked((c), SQL(id) + 0 * (int)DB_CHECKED(1, id##__NP), (o), (vcol), (version))

/* A kind of record the office pages show (rec.c): its element, its columns'
 * names, the columns shown as text elements (a bit per column), the list's key. */
struct of_rec {
	const char *tag;
	const char *const *names;
	size_t ncols;
	unsigned long text;
	size_t key;
};
/* The record's row v as <tag> under parent: columns as attributes, the text ones as elements. */
xmlNodePtr of_rec_node(xmlNodePtr parent, const struct of_rec *k, const char *const *v);
/* A flat JSON object of the NULL-ended keys and their values, for an audit row's before/after. */
const char *of_json(struct ctx *c, const char *const *keys, const char *const *vals);
/* A list page being read: of_list_row adds each row as its record, and past
 * OF_PAGE_ROWS sets node's next= to the last shown row's key and stops. */
struct of_list {
	struct ctx *c;
	const struct of_rec *rec;
	xmlNodePtr node;
	int n;
	const char *last;
};
int of_list_row(void *arg, const struct db_row *r);

int of_units(struct ctx *c);
int of_unit_create(struct ctx *c);
int of_unit(struct ctx *c);
int of_unit_save(struct ctx *c);
int of_unit_close(struct ctx *c);

int of_audit(struct ctx *c);
int of_calendar(struct ctx *c);
int of_calendar_load(struct ctx *c);
int of_settings(struct ctx *c);
int of_setting_save(struct ctx *c);

int of_upstreams(struct ctx *c);
int of_upstream_log(struct ctx *c);
int of_upstream_export(struct ctx *c);
int of_upstream_cli(struct ctx *c);

int of_accounts(struct ctx *c);
int of_account_create(struct ctx *c);
int of_account(struct ctx *c);
int of_account_save(struct ctx *c);
int of_account_active(struct ctx *c);
int of_account_password(struct ctx *c);
#endif
