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
 *  list   <filter state mine unit? down? trigger? failing? for_suspension? refile? sort dir q lq-q lq/>
 *           <sites next? next-from? next-at? first? count><site id unit-id unit-code state since domain
 *           location file-by?><unit/><name/></site>…</sites> (next-at: the tools' cursor, core/listq.h)
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
 *  print  <site> as on the site page; <officer>? (appendix 4 on A4: print.c)
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
	/* the same with search and sort (core/listq.h), by id, domain, name, unit, state */ \
	S(WS_SQL_LQ_ID_ASC, 27) S(WS_SQL_LQ_ID_DESC, 27) \
	S(WS_SQL_LQ_DOMAIN_ASC, 27) S(WS_SQL_LQ_DOMAIN_DESC, 27) \
	S(WS_SQL_LQ_NAME_ASC, 27) S(WS_SQL_LQ_NAME_DESC, 27) \
	S(WS_SQL_LQ_UNIT_ASC, 27) S(WS_SQL_LQ_UNIT_DESC, 27) \
	S(WS_SQL_LQ_STATE_ASC, 27) S(WS_SQL_LQ_STATE_DESC, 27) \
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
	S(WS_SQL_DOMAIN_USED, 3) \
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
	/* the watcher (watch.c, outage.c): a round, the site page's outages, the two POSTs, the lists */ \
	S(WS_SQL_WATCH_SITES, 0) \
	S(WS_SQL_WATCH_SEEN, 4) \
	S(WS_SQL_OUTAGE_OPEN, 3) \
	S(WS_SQL_OUTAGE_CLOSE, 1) \
	S(WS_SQL_WATCH_STATE, 1) \
	S(WS_SQL_OUTAGES, 2) \
	S(WS_SQL_OUTAGE_LOCK, 3) \
	S(WS_SQL_OUTAGE_HANDLE, 4) \
	S(WS_SQL_OUTAGE_INCIDENT, 3) \
	S(WS_SQL_INC_INSERT, 22) \
	S(WS_SQL_INC_STEP, 5) \
	S(WS_SQL_LIST_DOWN, 3) \
	S(WS_SQL_LIST_TRIGGER, 4) \
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
	S(WS_SQL_LIST_AWAIT, 6) \
	S(WS_SQL_LIST_UNIT_AWAIT, 9) \
	S(WS_SQL_LIST_FAILING, 2) \
	S(WS_SQL_LIST_UNIT_FAILING, 4) \
	S(WS_SQL_LIST_OVERDUE, 4) \
	S(WS_SQL_LIST_UNIT_OVERDUE, 5) \
	/* re-filing an online site (refile.c) */ \
	S(WS_SQL_RF_ADD, 26) \
	S(WS_SQL_RF_LIST, 1) \
	S(WS_SQL_RF_LOCK, 2) \
	S(WS_SQL_RF_PENDING, 1) \
	S(WS_SQL_RF_DECIDE, 5) \
	S(WS_SQL_RF_APPLY, 4) \
	S(WS_SQL_RF_SYSTEM, 2) \
	S(WS_SQL_RF_DROP, 3) \
	/* suspension, restore, close, discovered-unfiled (life.c) */ \
	S(WS_SQL_SET_SUSPENDED, 7) \
	S(WS_SQL_SET_RESTORED, 6) \
	S(WS_SQL_SET_CLOSED, 5) \
	S(WS_SQL_UNITS, 0) \
	S(WS_SQL_UNIT_OK, 1) \
	S(WS_SQL_DISCOVER, 9) \
	/* the lists (list.c): discovered past the deadline, along (state, file_by, id); pending re-filings */ \
	S(WS_SQL_LIST_FOR_SUSPENSION, 5) \
	S(WS_SQL_LIST_REFILE, 3) \
	/* the export (export.c) */ \
	S(WS_SQL_EXPORT, 0) \
	/* the demo's states past the pages it has (demo.c): set directly, demo only */ \
	S(WS_SQL_DEMO_CHECKED, 6) \
	S(WS_SQL_DEMO_RECHECK, 3) \
	S(WS_SQL_DEMO_SUSPENDED, 5) \
	S(WS_SQL_DEMO_CLOSED, 5) \
	S(WS_SQL_DEMO_DISCOVERED, 5)
DB_STATEMENTS(ws_sql_id, WS_STATEMENTS, WS_SQL__MAX);
extern const struct db_stmt ws_sql[WS_SQL__MAX];

/* A list row (WS_SQL_LIST_*). */
#define WS_LIST_COLS(C) \
	C(LS_ID, "id") C(LS_UNIT_ID, "unit_id") C(LS_CODE, "code") C(LS_UNIT_NAME, "unit_name") \
	C(LS_UNIT_NAME_EN, "unit_name_en") C(LS_STATE, "state") C(LS_SINCE, "state_since") \
	C(LS_NAME, "name") C(LS_DOMAIN, "domain") C(LS_LOCATION, "location") \
	C(LS_FILE_BY, "file_by") C(LS_STATE_NO, "state_no")
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
	C(SC_CREATED_BY, "created-by") \
	C(SC_SUS_KIND, "suspend-kind")
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
/* The pick list <vms><vm id kind ip>purpose</vm>…</vms> of unit's, under c->data (form.c; refile.c too). */
enum db_rc ws_vms_node(struct ctx *c, long long unit);

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
	WS_VIEW_REFILE, WS_VIEW_DISCOVER,	/* refile.c, life.c */
	WS_VIEW_PRINT,				/* print.c */
	WS_VIEW__MAX };
/* WS_SQL_RF_LIST, _LOCK: a re-filing, each field's value before and proposed in pairs (refile.c). */
#define WS_RF_COLS(C) C(RF_ID, "id") C(RF_STATE, "state") C(RF_VERSION, "version") \
	C(RF_OLD_DOMAIN, "old_domain") C(RF_NEW_DOMAIN, "new_domain") C(RF_OLD_LOCATION, "old_location") \
	C(RF_NEW_LOCATION, "new_location") C(RF_OLD_VM, "old_vm") C(RF_NEW_VM, "new_vm") \
	C(RF_OLD_IP, "old_ip") C(RF_NEW_IP, "new_ip") C(RF_OLD_EXPOSED, "old_exposed") \
	C(RF_NEW_EXPOSED, "new_exposed") C(RF_OLD_BUILD, "old_build") C(RF_NEW_BUILD, "new_build") \
	C(RF_OLD_BUILD_REASON, "old_build_reason") C(RF_NEW_BUILD_REASON, "new_build_reason") \
	C(RF_OLD_ADMIN, "old_admin_name") C(RF_NEW_ADMIN, "new_admin_name") \
	C(RF_OLD_ADMIN_PHONE, "old_admin_phone") C(RF_NEW_ADMIN_PHONE, "new_admin_phone") \
	C(RF_OLD_ADMIN_EMAIL, "old_admin_email") C(RF_NEW_ADMIN_EMAIL, "new_admin_email") \
	C(RF_OLD_ADMIN_MOBILE, "old_admin_mobile") C(RF_NEW_ADMIN_MOBILE, "new_admin_mobile") \
	C(RF_REASON, "reason") C(RF_BY, "requested_by") C(RF_AT, "requested_at") C(RF_DEC_BY, "decided_by") \
	C(RF_DEC_AT, "decided_at") C(RF_DEC_REASON, "decision_reason")
DB_COLUMNS(ws_rf_col, WS_RF_COLS);

/* WS_SQL_UNITS: the units the centre may record a discovered site for. */
#define WS_UNIT_COLS(C) C(UN_ID, "id") C(UN_CODE, "code") C(UN_NAME, "name") C(UN_NAME_EN, "name_en")
DB_COLUMNS(ws_unit_col, WS_UNIT_COLS);

/* WS_SQL_EXPORT: every filing, in the order of schema/xml/websites.xsd (export.c). */
#define WS_EXPORT_COLS(C) \
	C(XC_ID, "id") C(XC_STATE, "state") C(XC_UNIT_CODE, "code") C(XC_UNIT_NAME, "unit_name") \
	C(XC_DOMAIN, "domain") C(XC_NAME, "name") C(XC_LANG, "site_lang") C(XC_RUNTIME, "site_runtime") \
	C(XC_DB, "site_db") C(XC_SECTIONS, "sections") C(XC_LOCATION, "location") C(XC_VM, "vm_id") \
	C(XC_VM_IP, "vm_ip") C(XC_BUILD, "build") C(XC_BUILD_REASON, "build_reason") \
	C(XC_LEADER, "leader_name") C(XC_LEADER_PHONE, "leader_phone") C(XC_ADMIN, "admin_name") \
	C(XC_ADMIN_PHONE, "admin_phone") C(XC_ADMIN_EMAIL, "admin_email") C(XC_ADMIN_MOBILE, "admin_mobile") \
	C(XC_APPLY_DATE, "apply_date") C(XC_OPEN_DATE, "open_date") C(XC_UNIT_OPINION, "unit_opinion") \
	C(XC_UNIT_AT, "unit_at") C(XC_CENTER_OPINION, "center_opinion") C(XC_CENTER_AT, "center_at") \
	C(XC_IP, "ip") C(XC_EXPOSED, "exposed") C(XC_SERVICES, "services") \
	C(XC_SERVICES_OTHER, "services_other") C(XC_SYSTEM, "system_id") C(XC_NOTES, "notes") \
	C(XC_SINCE, "state_since") C(XC_UPDATED, "updated_at")
DB_COLUMNS(ws_export_col, WS_EXPORT_COLS);


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
/* Does the unit hold a current signing of the website letter? (-1: the database failed) */
int ws_has_letter(struct ctx *c, long long unit, enum db_rc *rc);
/* A history row: site id from one state to another, by this account, why. */
enum db_rc ws_step_add(struct ctx *c, long long id, const char *from, const char *to, const char *reason);
/* <officer …/> of unit under parent (none when registration names no unit head). */
enum db_rc ws_officer_node(struct ctx *c, xmlNodePtr parent, long long unit);
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

/*
 * The watcher (watch.c; 值守, art. 26): `--watch` runs a round every
 * websites.watch_minutes, `--watch-once` one round.  A round fetches
 * "http(s)://DOMAIN/" of every online filing (https when its services name
 * https), websites.watch_parallel at a time, within the connect and total
 * time-outs, at most a few KiB of each answer, no redirect followed, http
 * and https only; websites.watch_connect_to ("HOST:PORT", empty: DNS) sends
 * every connection there instead.  Up: a 2xx or 3xx answer.  A site that
 * goes down opens a web_outage row; the round that sees it answer ends it.
 *
 * Page XML added to the site page: <watch checked status error down-since/>
 * <outages trigger-hours><outage id version started ended status error
 * handled-by handled-at incident trigger><note/></outage>…</outages>; and
 * <outage-form> (the typed form with its errors after a 422/409: id, note).
 * The list: <filter down trigger/>.
 */
#define WS_WATCH_COLS(C) C(WA_ID, "id") C(WA_DOMAIN, "domain") C(WA_HTTPS, "https")
DB_COLUMNS(ws_watch_col, WS_WATCH_COLS);
#define WS_WSTATE_COLS(C) C(WT_CHECKED, "checked") C(WT_STATUS, "status") C(WT_ERROR, "error") \
	C(WT_DOWN, "down-since")
DB_COLUMNS(ws_wstate_col, WS_WSTATE_COLS);
#define WS_OUTAGE_COLS(C) C(OU_ID, "id") C(OU_VERSION, "version") C(OU_STARTED, "started") \
	C(OU_ENDED, "ended") C(OU_STATUS, "status") C(OU_ERROR, "error") C(OU_BY, "handled-by") \
	C(OU_AT, "handled-at") C(OU_NOTE, "note") C(OU_INCIDENT, "incident") C(OU_TRIGGER, "trigger")
DB_COLUMNS(ws_outage_col, WS_OUTAGE_COLS);

struct ws_watch_set {
	long parallel, connect_timeout, timeout, minutes, trigger_hours, max_bytes;
	const char *connect_to;
	/* the incidents module's settings, for the incident an outage becomes */
	long lim_ontime, lim_late, lim_missed, lim_written, lim_review, lim_rectify;
	const char *taxonomy;
};
extern struct ws_watch_set ws_wset;
int ws_watch_init(const struct config *cfg);
int ws_watch(struct ctx *c);
int ws_watch_once(struct ctx *c);
/* The outages part of the site page (outage.c). */
enum db_rc ws_outages_node(struct ctx *c, xmlNodePtr parent, long long site);
int ws_outage(struct ctx *c);
int ws_incident(struct ctx *c);
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
/* The module's settings, read once at start (main.c ws_init). */
struct ws_settings {
	int discover_days;	/* websites.discover_days: working days a discovered site has to be filed */
};
extern struct ws_settings ws_set;

/*
 * form.c's rules for some of a filing's fields (refile.c uses them, not
 * copies): the field table's entry by key (NULL: none), and the checks
 * across fields (a domain no other live filing has, a VM one of the unit's
 * live ones, a reason for not building on the site group) on the n fields
 * keys names, with their values and errors (in and out: the domain comes
 * back lowercased, the VM blank off a VM).  c->id is the filing, unit its
 * unit.  Fields not named are not checked.  The errors' count, -1 when the
 * database failed.
 */
const struct vfield *ws_form_field(const char *key);
long ws_filing_check(struct ctx *c, long long unit, const char *const *keys, const char **vals,
    const char **errs, size_t n, enum db_rc *rc);

/* refile.c: the re-filing form (GET, POST {id}/refile), the decision (POST {id}/refile/decide). */
int ws_refile_form(struct ctx *c);
int ws_refile_save(struct ctx *c);
int ws_refile_decide(struct ctx *c);
/* <refiles> of the filing under the site page's data, with the pending one's form (typed: ty). */
enum db_rc ws_refile_node(struct ctx *c, const struct site *s, const struct ws_typed *ty);

/* life.c: suspend, restore, close (POST {id}/life); the discovered-unfiled form (GET, POST discovered). */
int ws_life(struct ctx *c);
int ws_discover_form(struct ctx *c);
int ws_discover_save(struct ctx *c);
/* <life> of the filing under the site page's data: the actions this account may take, the form. */
enum db_rc ws_life_node(struct ctx *c, const struct site *s, const struct ws_typed *ty);
/* The date a site discovered today must be filed by (websites.discover_days working days). */
const char *ws_file_by(struct ctx *c);
/* GET {id}/print: appendix 4 on A4 (print.c). */
int ws_print(struct ctx *c);
/* GET export.xml and --export: every filing (export.c; schema/xml/websites.xsd). */
int ws_export(struct ctx *c);
#endif
