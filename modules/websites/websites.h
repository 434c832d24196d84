/*
 * websites.h — the website filing module (DOMAIN.md §5; seed 003 ch. 5
 * art. 24-27, appendices 3-4): every campus website filed before it goes
 * online, bound by the website letter, checked by the centre, watched.
 *
 * The flow is schema/019-websites.sql's: draft → submitted (the unit's
 * staff) → approved (the unit head, whose opinion stands for the unit's
 * seal) → the centre's security check, which needs the unit's current
 * website letter → passed → online (the centre: IP, exposure, services,
 * date opened).  The unit head may return a submitted filing with a reason
 * (returned: editable, resubmittable); the staff may withdraw it before
 * review.  Every step is one transaction with its audit row and a
 * web_site_step row; the UPDATE names the version and the state it starts
 * from, so of two actors at once one wins and the other gets 409.
 *
 * A filing is also an inventory entry (systems module, kind website): the
 * form picks one of the unit's website entries without a live filing, or
 * the save creates one — never a second copy (web_site.system_active is
 * unique).  Going online marks the entry online with its go-live date.
 *
 * Page XML under <data> (xslt/websites/ reads these):
 *  list   <filter state mine unit?/> <sites next? count><site id unit-id unit-code
 *           state since domain location><unit/><name/></site>…</sites>
 *  form   <current>? (editing, as <site>); <vms><vm id kind ip>purpose</vm>…</vms> (the
 *           unit's live VMs and hosted servers); <systems><system id>name</system>…</systems>
 *           (the unit's website entries free to link); <form>; <officer>? (below)
 *  site   <site id state version> one child per column (WS_SITE_COLS' names);
 *           <officer name title phone mobile/>? (the unit head from registration, art. 25);
 *           <history><step at login from to><reason/></step>…</history>;
 *           <progress state since next?/>; <actions><action name/>…</actions> (this
 *           account's, in this state); <form> (the step form's fields, with errors, and
 *           data/@action: the action they were for); <gate unit-id/>? (no website letter:
 *           the check waits, with a link to the pledges module)
 *         (check.c) <checks><check id round login at result><note/><item code result><name/><note/>
 *           </item>…<finding id severity fix-by fixed-at? fixed-by? overdue?><description/><fixed-note/>
 *           </finding>…</check>…</checks> (every round); <checking><item id code><name/></item>…<form/>
 *           </checking>? (the centre may check: items item<ID>/inote<ID>, findings severityN/findingN/
 *           fix_byN, result, note, nonce, version); <recheck><form/></recheck>? (the unit may ask)
 *  checklist <checklist active max><item id code sort active version used><name/><name-en/></item>…
 *           </checklist>; <form> (add: name, name_en, sort, nonce)
 *  overdue  <findings next? next-at? count unit?><finding id site unit-code domain severity fix-by><unit/>
 *           <description/></finding>…</findings> (open findings past fix-by, ?overdue=1)
 */
#ifndef WANGAN_WEBSITES_H
#define WANGAN_WEBSITES_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "tx.h"
#include "page.h"
#include "sql.h"

#define WS_PAGE_ROWS 50

#define WS_STATEMENTS(S) \
	/* the list (list.c), along (id), (state, id), (unit, id), (unit, state, id) */ \
	S(WS_SQL_LIST_ALL, 1) \
	S(WS_SQL_LIST_STATE, 2) \
	S(WS_SQL_LIST_UNIT, 2) \
	S(WS_SQL_LIST_UNIT_STATE, 3) \
	/* one filing (site.c, form.c) */ \
	S(WS_SQL_GET, 1) \
	S(WS_SQL_LOCK, 1) \
	S(WS_SQL_OFFICER, 1) \
	S(WS_SQL_STEPS, 1) \
	S(WS_SQL_STEP_ADD, 5) \
	S(WS_SQL_LETTER, 1) \
	/* the form (form.c): the pick lists and their checks, the save, the inventory entry */ \
	S(WS_SQL_UNIT_VMS, 1) \
	S(WS_SQL_VM_OK, 3) \
	S(WS_SQL_UNIT_SYSTEMS, 2) \
	S(WS_SQL_SYSTEM_OK, 3) \
	S(WS_SQL_DOMAIN_USED, 2) \
	S(WS_SQL_INSERT, 23) \
	S(WS_SQL_UPDATE, 22) \
	S(WS_SQL_SYSTEM_ADD, 8) \
	/* the steps (site.c) */ \
	S(WS_SQL_SET_SUBMITTED, 4) \
	S(WS_SQL_SET_WITHDRAWN, 3) \
	S(WS_SQL_SET_APPROVED, 5) \
	S(WS_SQL_SET_RETURNED, 6) \
	S(WS_SQL_SET_ONLINE, 10) \
	S(WS_SQL_SYSTEM_ONLINE, 4) \
	/* the demo (demo.c) */ \
	S(WS_SQL_DEMO_COUNT, 0) \
	S(WS_SQL_DEMO_UNIT, 1) \
	/* the security check (check.c): the checklist, a round, its results and findings */ \
	S(WS_SQL_CK_ITEMS, 0) \
	S(WS_SQL_CK_ROUND, 1) \
	S(WS_SQL_CK_ADD, 6) \
	S(WS_SQL_CK_RESULT_ADD, 4) \
	S(WS_SQL_CK_FINDING_ADD, 6) \
	S(WS_SQL_CK_SET, 4) \
	S(WS_SQL_CK_LIST, 1) \
	S(WS_SQL_CK_RESULTS, 1) \
	S(WS_SQL_CK_FINDINGS, 2) \
	S(WS_SQL_CK_RECHECK, 3) \
	S(WS_SQL_CK_FIXED, 3) \
	/* the checklist catalogue (checklist.c) */ \
	S(WS_SQL_CK_ALL, 0) \
	S(WS_SQL_CK_ITEM_ADD, 4) \
	S(WS_SQL_CK_ITEM_CODE, 1) \
	S(WS_SQL_CK_ITEM_LOCK, 1) \
	S(WS_SQL_CK_ITEM_SET, 3) \
	S(WS_SQL_CK_NAME_USED, 1) \
	/* the lists of failing checks and of findings past fix-by (list.c) */ \
	S(WS_SQL_LIST_FAILING, 2) \
	S(WS_SQL_LIST_UNIT_FAILING, 4) \
	S(WS_SQL_LIST_OVERDUE, 4) \
	S(WS_SQL_LIST_UNIT_OVERDUE, 5)
DB_STATEMENTS(ws_sql_id, WS_STATEMENTS, WS_SQL__MAX);
extern const struct db_stmt ws_sql[WS_SQL__MAX];

/* A list row (WS_SQL_LIST_*). */
#define WS_LIST_COLS(C) \
	C(LS_ID, "id") C(LS_UNIT_ID, "unit_id") C(LS_CODE, "code") C(LS_UNIT_NAME, "unit_name") \
	C(LS_UNIT_NAME_EN, "unit_name_en") C(LS_STATE, "state") C(LS_SINCE, "state_since") \
	C(LS_NAME, "name") C(LS_DOMAIN, "domain") C(LS_LOCATION, "location")
DB_COLUMNS(ws_list_col, WS_LIST_COLS);

/* One filing (WS_SQL_GET, _LOCK), named as the page names its elements. */
#define WS_SITE_COLS(C) \
	C(SC_ID, "id") C(SC_VERSION, "version") C(SC_STATE, "state") C(SC_UNIT_ID, "unit-id") \
	C(SC_UNIT_CODE, "unit-code") C(SC_UNIT_NAME, "unit-name") C(SC_UNIT_NAME_EN, "unit-name-en") \
	C(SC_SYSTEM, "system") C(SC_SYSTEM_NAME, "system-name") C(SC_NAME, "name") C(SC_DOMAIN, "domain") \
	C(SC_LEADER, "leader_name") C(SC_LEADER_PHONE, "leader_phone") C(SC_LANG, "site_lang") \
	C(SC_RUNTIME, "site_runtime") C(SC_DB, "site_db") C(SC_SECTIONS, "sections") \
	C(SC_LOCATION, "location") C(SC_VM, "vm") C(SC_VM_IP, "vm-ip") C(SC_VM_KIND, "vm-kind") \
	C(SC_BUILD, "build") C(SC_BUILD_REASON, "build_reason") C(SC_ADMIN, "admin_name") \
	C(SC_ADMIN_PHONE, "admin_phone") C(SC_ADMIN_EMAIL, "admin_email") C(SC_ADMIN_MOBILE, "admin_mobile") \
	C(SC_APPLY_DATE, "apply_date") C(SC_OPEN_DATE, "open_date") C(SC_NOTES, "notes") \
	C(SC_SINCE, "state-since") C(SC_SUB_BY, "submitted-by") C(SC_SUB_AT, "submitted-at") \
	C(SC_UNIT_BY, "unit-by") C(SC_UNIT_AT, "unit-at") C(SC_UNIT_OPINION, "unit_opinion") \
	C(SC_RET_BY, "returned-by") C(SC_RET_AT, "returned-at") C(SC_RET_REASON, "return-reason") \
	C(SC_CENTER_BY, "center-by") C(SC_CENTER_AT, "center-at") C(SC_CENTER_OPINION, "center_opinion") \
	C(SC_IP, "ip") C(SC_EXPOSED, "exposed") C(SC_SERVICES, "services") C(SC_SERVICES_OTHER, "services_other") \
	C(SC_SUS_BY, "suspended-by") C(SC_SUS_AT, "suspended-at") C(SC_SUS_REASON, "suspend-reason") \
	C(SC_RES_BY, "restored-by") C(SC_RES_AT, "restored-at") C(SC_RES_NOTE, "restore-note") \
	C(SC_CLOSED_BY, "closed-by") C(SC_CLOSED_AT, "closed-at") C(SC_CLOSE_REASON, "close-reason") \
	C(SC_DISC_BY, "discovered-by") C(SC_DISC_AT, "discovered-at") C(SC_FILE_BY, "file-by") \
	C(SC_CREATED_BY, "created-by")
DB_COLUMNS(ws_site_col, WS_SITE_COLS);
extern const char *const ws_site_cols[ws_site_col__MAX + 1];

/* WS_SQL_OFFICER: the unit head from registration (art. 25: the site's security officer). */
#define WS_OFFICER_COLS(C) C(OF_NAME, "name") C(OF_TITLE, "title") C(OF_PHONE, "phone") C(OF_MOBILE, "mobile")
DB_COLUMNS(ws_officer_col, WS_OFFICER_COLS);

/* WS_SQL_STEPS: the history. */
#define WS_STEP_COLS(C) C(ST_AT, "at") C(ST_LOGIN, "login") C(ST_FROM, "from_state") \
	C(ST_TO, "to_state") C(ST_REASON, "reason")
DB_COLUMNS(ws_step_col, WS_STEP_COLS);

/* WS_SQL_UNIT_VMS: a unit's live VM or hosted server, to run a site on. */
#define WS_VM_COLS(C) C(VM_ID, "id") C(VM_KIND, "kind") C(VM_IP, "ip") C(VM_PURPOSE, "purpose")
DB_COLUMNS(ws_vm_col, WS_VM_COLS);

/* WS_SQL_UNIT_SYSTEMS: an inventory entry. */
#define WS_SYS_COLS(C) C(SY_ID, "id") C(SY_NAME, "name")
DB_COLUMNS(ws_sys_col, WS_SYS_COLS);

/* WS_SQL_LETTER, _VM_OK, _SYSTEM_OK, _DOMAIN_USED, _DEMO_*: one number. */

/* WS_SQL_CK_ITEMS: an active checklist item; WS_SQL_CK_ALL adds whether it is active and used. */
#define WS_ITEM_COLS(C) C(IT_ID, "id") C(IT_CODE, "code") C(IT_NAME, "name") C(IT_NAME_EN, "name_en") \
	C(IT_SORT, "sort") C(IT_ACTIVE, "active") C(IT_VERSION, "version") C(IT_USED, "used")
DB_COLUMNS(ws_item_col, WS_ITEM_COLS);

/* WS_SQL_CK_LIST: a site's checks, by round. */
#define WS_CHECK_COLS(C) C(CK_ID, "id") C(CK_ROUND, "round") C(CK_LOGIN, "login") C(CK_AT, "at") \
	C(CK_RESULT, "result") C(CK_NOTE, "note")
DB_COLUMNS(ws_check_col, WS_CHECK_COLS);

/* WS_SQL_CK_RESULTS: each item answered, in the site's checks. */
#define WS_RESULT_COLS(C) C(RS_CHECK, "check_id") C(RS_CODE, "code") C(RS_NAME, "name") \
	C(RS_NAME_EN, "name_en") C(RS_RESULT, "result") C(RS_NOTE, "note")
DB_COLUMNS(ws_result_col, WS_RESULT_COLS);

/* WS_SQL_CK_FINDINGS: a site's findings; overdue: open and past fix-by. */
#define WS_FINDING_COLS(C) C(FD_ID, "id") C(FD_CHECK, "check_id") C(FD_SEVERITY, "severity") \
	C(FD_DESC, "description") C(FD_FIX_BY, "fix_by") C(FD_FIXED_AT, "fixed_at") C(FD_FIXED_BY, "fixed_by") \
	C(FD_FIXED_NOTE, "fixed_note") C(FD_OVERDUE, "overdue")
DB_COLUMNS(ws_finding_col, WS_FINDING_COLS);

/* WS_SQL_LIST_*OVERDUE: an open finding past fix-by, with its site. */
#define WS_OVERDUE_COLS(C) C(OD_ID, "id") C(OD_SITE, "site_id") C(OD_CODE, "code") C(OD_UNIT_NAME, "unit_name") \
	C(OD_UNIT_NAME_EN, "unit_name_en") C(OD_DOMAIN, "domain") C(OD_SEVERITY, "severity") \
	C(OD_FIX_BY, "fix_by") C(OD_DESC, "description")
DB_COLUMNS(ws_overdue_col, WS_OVERDUE_COLS);

enum ws_view { WS_VIEW_LIST, WS_VIEW_FORM, WS_VIEW_SITE,
	WS_VIEW_CHECKLIST, WS_VIEW_OVERDUE,	/* check.c, checklist.c */
	WS_VIEW__MAX };

extern const char *const ws_states[];
extern const char *const ws_locations[];
extern const char *const ws_builds[];

/* A filing as WS_SQL_GET loads it. */
struct site {
	struct ctx *c;
	const char *v[ws_site_col__MAX];
	int n;
};
enum db_rc ws_load(struct ctx *c, long long id, struct site *s, int lock);
/* Loads c->id and checks access: 200, 404, 403 (audited) or a database status.
 * The centre reads every unit's sites (it checks them). */
int ws_open(struct ctx *c, struct site *s, int write);
/* The filing as <name> under parent. */
xmlNodePtr ws_site_node(xmlNodePtr parent, const char *name, const struct site *s);
/* The filing's JSON for the audit. */
const char *ws_json(struct ctx *c, const struct site *s);
/* A write on site id done: what tx_run audits, and back to the site's page. */
void ws_tx_done(struct tx *t, long long id, const char *action, const char *before, const char *after);
/* Gives field i the message code unless it has one: 1 when it did (a count of errors). */
size_t ws_flag(const char **errs, int i, const char *code);
/* Does the unit hold a current signing of the website letter? (-1: the database failed) */
int ws_has_letter(struct ctx *c, long long unit, enum db_rc *rc);
/* A history row: site id from one state to another, by this account, why. */
enum db_rc ws_step_add(struct ctx *c, long long id, const char *from, const char *to, const char *reason);
/* <officer …/> of unit under parent (none when registration names no unit head). */
enum db_rc ws_officer_node(struct ctx *c, xmlNodePtr parent, long long unit);
const char *ws_today(struct ctx *c);
/* 1 when s is a plain DNS host name (labels of [a-z0-9-], a dot, ≤ 253), lowercased in place. */
int ws_valid_domain(char *s);
/* 1 when s is an IPv4 or IPv6 address. */
int ws_valid_ip(const char *s);

/*
 * A form of the site page as it was typed, shown again with its errors
 * (422, 409): which form ("step": site.c), the action it was for, the
 * values and the errors (NULL: none).  Each part of the page takes its own.
 */
struct ws_typed {
	const char *form, *action;
	const char **vals, **errs;
};
const struct ws_typed *ws_typed_for(const struct ws_typed *ty, const char *form);
/* The site page c->id, with a form as typed (ty, or NULL). */
int ws_view_page(struct ctx *c, int status, const struct ws_typed *ty);

int ws_list(struct ctx *c);
int ws_form(struct ctx *c);
int ws_save(struct ctx *c);
int ws_view(struct ctx *c);
int ws_step(struct ctx *c);
int ws_demo(struct ctx *c);

/* The security check (check.c): at most this many active checklist items (the form's fields are bounded). */
#define WS_CHECK_ITEMS 20
#define WS_CHECK_FINDINGS 5
/* The site page's check part: every round, the check form for the centre, the re-check form for the unit. */
enum db_rc ws_check_node(struct ctx *c, const struct site *s, xmlNodePtr actions, const struct ws_typed *ty);
int ws_check(struct ctx *c);
int ws_recheck(struct ctx *c);
/* The checklist catalogue (checklist.c). */
int ws_checklist(struct ctx *c);
int ws_checklist_add(struct ctx *c);
int ws_checklist_set(struct ctx *c);
/* The list of open findings past fix-by (list.c calls it for ?overdue=1). */
int ws_overdue_list(struct ctx *c, long long unit);
#endif
