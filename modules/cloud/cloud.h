/*
 * cloud.h — the cloud-VM module (DOMAIN.md §4; seed 003 art. 19-20,
 * appendix 6): a unit's request for a VM on the school cloud, reviewed by
 * the unit head and the office and provisioned by the centre.
 *
 * The flow: draft → submitted → unit_approved (the unit head of that unit)
 * → office_approved (office) → active (the centre: server name, IP,
 * netmask, gateway, date).  A rejection at any review step, with a reason,
 * returns the request to the applicant (returned: editable, resubmittable);
 * the applicant may withdraw it before the first review.  Submitting needs
 * the unit's current signing of the cloud-VM letter (pledges, kind
 * cloud_vm).  Every step is one transaction with its audit row and a
 * cloud_vm_step row; the UPDATE names the version and the state it starts
 * from, so of two reviewers at once one wins and the other gets 409.
 *
 * Page XML under <data> (xslt/cloud/ reads these):
 *  list     <filter state mine/> <vms next? count><vm id unit-id unit-code state vcpu
 *             memory disk ip? since><unit/><applicant/></vm>…</vms>
 *  form     <current>? (editing, as <vm>); <images><image id other>name</image>…;
 *           <systems><system id>name</system>…; <form>; <gate unit-id/>? (refused)
 *  vm       <vm> one child per column; <images>; <systems>; <history><step at login
 *             from to><reason/></step>…; <progress state next since/>;
 *           <actions><action name/>…</actions>; <form> of the action (errors);
 *           <gate unit-id/>? <quota vcpu memory disk used-vcpu … />
 *           <life kind live registered? due? due-state?(later|soon|past) reclaim-from?
 *             reclaimable reclaim-years expiry?(later|soon|past) may-rereg may-reclaim/>;
 *           <reregs><rereg at login on due-was due-next><admin/><contact/></rereg>…</reregs>
 *  rereg    <vm>; <life>; <reregs>; <form> (nonce version purpose_ok admin_name
 *             admin_contact still_needed logs_kept); <release/>? (not needed: release it)
 *  list, added: <filter … due(soon|overdue|"") reclaimable expiring kind unit?/>;
 *           <vms next? next-at?> (next-at: a date list's cursor, ?at=); <vm … kind
 *             date? expired?> (date: the due date, registration or period end the
 *             list is about; expired: a period already over)
 *  list, the tools (core/listq.h): <filter … sort dir q lq-q lq/>; <vms next-at? first?> (next-at:
 *             the sort's cursor too, ?at=VALUE&after=ID); <vm …><server/>? (the server's name)
 *           life.c adds: <end period-ended?="YYYY-MM-DD"><suspended-by/> <suspended-at/>
 *             <suspend-reason/> <ended-by/> <ended-at/> <end-reason/> <form>? (its action's
 *             fields, with errors)</end>; the actions release, decommission, suspend, lift
 *             under <actions> (only those this account may take in this state).
 *  hosts    (kind = 'host', host.c) the list's <vm kind>; the vm page's <vm> adds kind,
 *           server_config, security_devices, review_date, review_ref, review-scan (the
 *           scan's id, '' for none), review-mime, review-size; no <quota>; <gate unit-id
 *           kind>.  host-form: <current>?; <systems>; <picked>; <form>; <scan>? (the kept one)
 *           change.c adds: <changes may-change may-renew over?><change id kind state version
 *             requested-by requested-at decided-by? decided-at? override><reason/>
 *             <decision/>? <field name old new/>… (only the fields it changes)</change>…
 *             <form>? (the decision's fields, with errors)</changes>; the actions
 *             change-approve, change-reject (office), change-withdraw (the unit's staff)
 *             under <actions> while one is pending; over="1": approving needs the override
 *  change   <vm>; <changes> as above; <closed/>? (not in a state to file this kind);
 *           <form> (kind nonce purpose vcpu memory_gib disk_gib sw_database sw_app
 *             sw_other notes period_from period_to reason)
 */
#ifndef WANGAN_CLOUD_H
#define WANGAN_CLOUD_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "tx.h"
#include "due.h"
#include "page.h"
#include "sql.h"

#define CL_PAGE_ROWS 50
#define CL_MAX_SYSTEMS 16

#define CL_STATEMENTS(S) \
	/* the list (list.c), along (id), (state, id), (unit, id), (unit, state, id) */ \
	S(CL_SQL_LIST_ALL, 1) \
	S(CL_SQL_LIST_STATE, 2) \
	S(CL_SQL_LIST_UNIT, 2) \
	S(CL_SQL_LIST_UNIT_STATE, 3) \
	/* the same with search and sort (core/listq.h), by id, applicant, unit, state */ \
	S(CL_SQL_LQ_ID_ASC, 16) S(CL_SQL_LQ_ID_DESC, 16) \
	S(CL_SQL_LQ_APPLICANT_ASC, 16) S(CL_SQL_LQ_APPLICANT_DESC, 16) \
	S(CL_SQL_LQ_UNIT_ASC, 16) S(CL_SQL_LQ_UNIT_DESC, 16) \
	S(CL_SQL_LQ_STATE_ASC, 16) S(CL_SQL_LQ_STATE_DESC, 16) \
	/* one request (vm.c, form.c) */ \
	S(CL_SQL_GET, 1) \
	S(CL_SQL_LOCK, 1) \
	S(CL_SQL_IMAGES, 0) \
	S(CL_SQL_IMAGE, 1) \
	S(CL_SQL_UNIT_SYSTEMS, 1) \
	S(CL_SQL_VM_SYSTEMS, 1) \
	S(CL_SQL_SYSTEM_OK, 2) \
	S(CL_SQL_INSERT, 19) \
	S(CL_SQL_UPDATE, 18) \
	S(CL_SQL_LINK_DEL, 1) \
	S(CL_SQL_LINK_ADD, 2) \
	S(CL_SQL_STEPS, 1) \
	S(CL_SQL_STEP_ADD, 5) \
	/* the steps (flow.c) */ \
	S(CL_SQL_SET_SUBMITTED, 4) \
	S(CL_SQL_SET_WITHDRAWN, 3) \
	S(CL_SQL_SET_UNIT, 4) \
	S(CL_SQL_SET_OFFICE, 5) \
	S(CL_SQL_SET_ACTIVE, 9) \
	S(CL_SQL_SET_RETURNED, 6) \
	S(CL_SQL_LETTER, 1) \
	S(CL_SQL_USAGE, 2) \
	S(CL_SQL_IP_USED, 2) \
	/* the demo data (demo.c) */ \
	S(CL_SQL_DEMO_COUNT, 0) \
	S(CL_SQL_DEMO_UNIT, 1) \
	S(CL_SQL_DEMO_IMAGE, 1) \
	/* the centre's tools (center.c): the IP lookup, the image catalogue */ \
	S(CL_SQL_IP_LOOKUP, 1) \
	S(CL_SQL_CAT_LIST, 0) \
	S(CL_SQL_CAT_LOCK, 1) \
	S(CL_SQL_CAT_NAME_USED, 2) \
	S(CL_SQL_CAT_ADD, 4) \
	S(CL_SQL_CAT_CODE, 1) \
	S(CL_SQL_CAT_SET_ACTIVE, 3) \
	/* the export (export.c) */ \
	S(CL_SQL_EXPORT, 0) \
	/* re-registration and reclaim (rereg.c): a VM's dates, the yearly form, the history */ \
	S(CL_SQL_LIFE, 1) \
	S(CL_SQL_LIFE_LOCK, 1) \
	S(CL_SQL_SET_DUE, 3) \
	S(CL_SQL_REREG_SET, 5) \
	S(CL_SQL_REREG_ADD, 11) \
	S(CL_SQL_REREGS, 1) \
	S(CL_SQL_RECLAIM, 5) \
	S(CL_SQL_DEMO_REREG_COUNT, 0) \
	S(CL_SQL_DEMO_UNREGISTERED, 0) \
	S(CL_SQL_DEMO_LIVE, 7) \
	/* the lists by date (list.c), the live states (active, suspended) along 014's and 016's \
	 * (state, date, id) and (unit, state, date, id); by kind along (kind, id), (unit, kind, id) */ \
	S(CL_SQL_LIST_DUE, 8) \
	S(CL_SQL_LIST_UNIT_DUE, 10) \
	S(CL_SQL_LIST_REG, 8) \
	S(CL_SQL_LIST_UNIT_REG, 10) \
	S(CL_SQL_LIST_PERIOD, 8) \
	S(CL_SQL_LIST_UNIT_PERIOD, 10) \
	S(CL_SQL_LIST_KIND, 2) \
	S(CL_SQL_LIST_UNIT_KIND, 3) \
	/* the life after provisioning (life.c): release, decommission, suspend, lift */ \
	S(CL_SQL_END_GET, 1) \
	S(CL_SQL_SET_RELEASED, 5) \
	S(CL_SQL_SET_DECOMMISSIONED, 6) \
	S(CL_SQL_SET_SUSPENDED, 5) \
	S(CL_SQL_SET_LIFTED, 3) \
	S(CL_SQL_DEMO_LIFE, 2) \
	/* hosted servers (host.c): the form, the review's scan, the appendix 7 gate */ \
	S(CL_SQL_HOST_INSERT, 15) \
	S(CL_SQL_HOST_UPDATE, 14) \
	S(CL_SQL_HOST_SET_SCAN, 2) \
	S(CL_SQL_SCAN_INSERT, 5) \
	S(CL_SQL_CHUNK_INSERT, 3) \
	S(CL_SQL_SCAN_CHUNKS, 1) \
	S(CL_SQL_HOST_LETTER, 1) \
	/* a change or renewal of a provisioned VM (change.c) */ \
	S(CL_SQL_CHG_ADD, 25) \
	S(CL_SQL_CHG_LIST, 1) \
	S(CL_SQL_CHG_LOCK, 2) \
	S(CL_SQL_CHG_PENDING, 1) \
	S(CL_SQL_CHG_DECIDE, 6) \
	S(CL_SQL_CHG_APPLY, 4) \
	S(CL_SQL_DEMO_CHG_COUNT, 0) \
	S(CL_SQL_DEMO_CHG_VM, 0)
DB_STATEMENTS(cl_sql_id, CL_STATEMENTS, CL_SQL__MAX);
extern const struct db_stmt cl_sql[CL_SQL__MAX];

/* A list row (CL_SQL_LIST_*). */
#define CL_LIST_COLS(C) \
	C(LS_ID, "id") C(LS_UNIT_ID, "unit_id") C(LS_CODE, "code") C(LS_UNIT_NAME, "unit_name") \
	C(LS_UNIT_NAME_EN, "unit_name_en") C(LS_STATE, "state") C(LS_VCPU, "vcpu") \
	C(LS_MEMORY, "memory_gib") C(LS_DISK, "disk_gib") C(LS_IP, "ip") C(LS_SINCE, "state_since") \
	C(LS_APPLICANT, "applicant") C(LS_DUE, "rereg_due") C(LS_TO, "period_to") \
	C(LS_REGISTERED, "registered_on") C(LS_KIND, "kind") C(LS_SERVER, "server_name") \
	C(LS_STATE_NO, "state_no")
DB_COLUMNS(cl_list_col, CL_LIST_COLS);

/* One request (CL_SQL_GET, _LOCK), named as the page names its elements. */
#define CL_VM_COLS(C) \
	C(VC_ID, "id") C(VC_VERSION, "version") C(VC_UNIT_ID, "unit-id") C(VC_UNIT_CODE, "unit-code") \
	C(VC_UNIT_NAME, "unit-name") C(VC_APPLICANT, "applicant") C(VC_CONTACT, "contact") \
	C(VC_APPLY_DATE, "apply_date") C(VC_IMAGE, "image") C(VC_IMAGE_OTHER, "image_other") \
	C(VC_VCPU, "vcpu") C(VC_MEMORY, "memory_gib") C(VC_DISK, "disk_gib") \
	C(VC_SW_DB, "sw_database") C(VC_SW_APP, "sw_app") C(VC_SW_OTHER, "sw_other") \
	C(VC_FROM, "period_from") C(VC_TO, "period_to") C(VC_PURPOSE, "purpose") C(VC_NOTES, "notes") \
	C(VC_STATE, "state") C(VC_SINCE, "state-since") C(VC_SUB_BY, "submitted-by") \
	C(VC_SUB_AT, "submitted-at") C(VC_UNIT_BY, "unit-by") C(VC_UNIT_AT, "unit-at") \
	C(VC_OFFICE_BY, "office-by") C(VC_OFFICE_AT, "office-at") C(VC_OVERRIDE, "office-override") \
	C(VC_RET_BY, "returned-by") C(VC_RET_AT, "returned-at") C(VC_RET_REASON, "return-reason") \
	C(VC_CENTER_BY, "center-by") C(VC_CENTER_AT, "center-at") C(VC_SERVER, "server-name") \
	C(VC_IP, "ip") C(VC_NETMASK, "netmask") C(VC_GATEWAY, "gateway") C(VC_PROV_DATE, "provision-date") \
	C(VC_CREATED_BY, "created-by") C(VC_UNIT_NAME_EN, "unit-name-en") \
	C(VC_KIND, "kind") C(VC_CONFIG, "server_config") C(VC_SECURITY, "security_devices") \
	C(VC_REVIEW_DATE, "review_date") C(VC_REVIEW_REF, "review_ref") C(VC_SCAN, "review-scan") \
	C(VC_SCAN_MIME, "review-mime") C(VC_SCAN_SIZE, "review-size")
DB_COLUMNS(cl_vm_col, CL_VM_COLS);
extern const char *const cl_vm_cols[cl_vm_col__MAX + 1];

/* The systems a request's form picked (form.c, host.c). */
struct cl_picked {
	long long id[CL_MAX_SYSTEMS];
	size_t n;
};
/* Reads the form's system fields into pk, each checked to be one of unit's:
 * the count of errors (*syserr the code), -1 when the database failed. */
long cl_pick(struct ctx *c, long long unit, struct cl_picked *pk, const char **syserr, enum db_rc *rc);
/* The systems request id hosts now, into pk. */
enum db_rc cl_picked_load(struct ctx *c, long long id, struct cl_picked *pk);
/* The form page's <systems> (unit's, to pick from) and <picked> (pk, or none). */
enum db_rc cl_systems_node(struct ctx *c, long long unit, const struct cl_picked *pk);
struct vm;
/* In a save's transaction: request id, locked, is the version the form showed and still
 * editable (draft, returned)?  200 (now loaded), 404, 409, or the database's status. */
int cl_lock_editable(struct ctx *c, long long id, const char *version, struct vm *now);
/* In a save's transaction: request id hosts exactly pk's systems. */
enum db_rc cl_link_systems(struct ctx *c, long long id, const struct cl_picked *pk);

/* CL_SQL_IMAGES, _IMAGE: the catalogue. */
#define CL_IMAGE_COLS(C) C(IM_ID, "id") C(IM_CODE, "code") C(IM_NAME, "name") C(IM_NAME_EN, "name_en") \
	C(IM_OTHER, "is_other") C(IM_ACTIVE, "active")
DB_COLUMNS(cl_image_col, CL_IMAGE_COLS);

/* CL_SQL_UNIT_SYSTEMS, _VM_SYSTEMS: a system's id and name. */
#define CL_SYS_COLS(C) C(SY_ID, "id") C(SY_NAME, "name")
DB_COLUMNS(cl_sys_col, CL_SYS_COLS);

/* CL_SQL_STEPS: the history. */
#define CL_STEP_COLS(C) C(ST_AT, "at") C(ST_LOGIN, "login") C(ST_FROM, "from_state") \
	C(ST_TO, "to_state") C(ST_REASON, "reason")
DB_COLUMNS(cl_step_col, CL_STEP_COLS);

/* CL_SQL_USAGE: a unit's active VMs' totals. */
#define CL_USAGE_COLS(C) C(US_VCPU, "vcpu") C(US_MEMORY, "memory") C(US_DISK, "disk")
DB_COLUMNS(cl_usage_col, CL_USAGE_COLS);

/* CL_SQL_LETTER, _IP_USED, _SYSTEM_OK, _DEMO_*: one number. */

/* CL_SQL_IP_LOOKUP: the active VM on an address (center.c). */
#define CL_IP_COLS(C) C(IP_ID, "id") C(IP_UNIT_ID, "unit_id") C(IP_UNIT_CODE, "unit_code") \
	C(IP_UNIT_NAME, "unit_name") C(IP_UNIT_NAME_EN, "unit_name_en") C(IP_APPLICANT, "applicant") \
	C(IP_SERVER, "server_name") C(IP_PURPOSE, "purpose") C(IP_SINCE, "since") C(IP_IP, "ip")
DB_COLUMNS(cl_ip_col, CL_IP_COLS);

/* CL_SQL_CAT_LIST, _LOCK: an image as the catalogue page shows it (center.c). */
#define CL_CAT_COLS(C) C(CA_ID, "id") C(CA_CODE, "code") C(CA_NAME, "name") C(CA_NAME_EN, "name_en") \
	C(CA_OTHER, "is_other") C(CA_ACTIVE, "active") C(CA_VERSION, "version") C(CA_USED, "used")
DB_COLUMNS(cl_cat_col, CL_CAT_COLS);

/* CL_SQL_EXPORT: every VM and hosted server, in the order of cloud.xsd (export.c). */
#define CL_EXPORT_COLS(C) \
	C(XC_ID, "id") C(XC_STATE, "state") C(XC_UNIT_CODE, "code") C(XC_UNIT_NAME, "unit_name") \
	C(XC_APPLICANT, "applicant") C(XC_CONTACT, "contact") C(XC_APPLY_DATE, "apply_date") \
	C(XC_IMAGE_CODE, "image_code") C(XC_IMAGE_NAME, "image_name") C(XC_IMAGE_OTHER, "image_other") \
	C(XC_VCPU, "vcpu") C(XC_MEMORY, "memory_gib") C(XC_DISK, "disk_gib") \
	C(XC_SW_DB, "sw_database") C(XC_SW_APP, "sw_app") C(XC_SW_OTHER, "sw_other") \
	C(XC_FROM, "period_from") C(XC_TO, "period_to") C(XC_PURPOSE, "purpose") C(XC_NOTES, "notes") \
	C(XC_SYS_IDS, "system_ids") C(XC_SYS_NAMES, "system_names") C(XC_SERVER, "server_name") \
	C(XC_IP, "ip") C(XC_NETMASK, "netmask") C(XC_GATEWAY, "gateway") C(XC_PROV_DATE, "provision_date") \
	C(XC_SINCE, "state_since") C(XC_UPDATED, "updated_at") \
	C(XC_KIND, "kind") C(XC_CONFIG, "server_config") C(XC_DEVICES, "security_devices") \
	C(XC_REVIEW_DATE, "review_date") C(XC_REVIEW_REF, "review_ref")
DB_COLUMNS(cl_export_col, CL_EXPORT_COLS);

/* CL_SQL_LIFE, _LOCK: what the date rules read of a VM (rereg.c). */
#define CL_LIFE_COLS(C) C(LF_KIND, "kind") C(LF_REGISTERED, "registered_on") C(LF_DUE, "rereg_due") \
	C(LF_TO, "period_to") C(LF_STATE, "state") C(LF_UNIT_ID, "unit_id") C(LF_VERSION, "version")
DB_COLUMNS(cl_life_col, CL_LIFE_COLS);

/* CL_SQL_REREGS: the re-registrations, newest first (rereg.c). */
#define CL_REREG_COLS(C) C(RR_AT, "at") C(RR_LOGIN, "login") C(RR_ON, "registered_on") \
	C(RR_ADMIN, "admin_name") C(RR_CONTACT, "admin_contact") C(RR_WAS, "due_was") C(RR_NEXT, "due_next")
DB_COLUMNS(cl_rereg_col, CL_REREG_COLS);

/* CL_SQL_DEMO_UNREGISTERED: an id (rereg.c). */
/* CL_SQL_END_GET: who suspended or ended a VM, and why (life.c). */
#define CL_END_COLS(C) C(EN_SUS_BY, "suspended-by") C(EN_SUS_AT, "suspended-at") \
	C(EN_SUS_REASON, "suspend-reason") C(EN_END_BY, "ended-by") C(EN_END_AT, "ended-at") \
	C(EN_END_REASON, "end-reason")
DB_COLUMNS(cl_end_col, CL_END_COLS);
extern const char *const cl_end_cols[cl_end_col__MAX + 1];

/* CL_SQL_SCAN_CHUNKS: a piece of a review's scan, for up_send (host.c). */
#define CL_CHUNK_COLS(C) C(CK_DATA, "data")
DB_COLUMNS(cl_chunk_col, CL_CHUNK_COLS);

/* CL_SQL_CHG_LIST, _LOCK: a change, each field's value before and proposed in pairs (change.c). */
#define CL_CHG_COLS(C) C(CH_ID, "id") C(CH_KIND, "kind") C(CH_STATE, "state") C(CH_VERSION, "version") \
	C(CH_OLD_PURPOSE, "old_purpose") C(CH_NEW_PURPOSE, "new_purpose") C(CH_OLD_VCPU, "old_vcpu") \
	C(CH_NEW_VCPU, "new_vcpu") C(CH_OLD_MEMORY, "old_memory_gib") C(CH_NEW_MEMORY, "new_memory_gib") \
	C(CH_OLD_DISK, "old_disk_gib") C(CH_NEW_DISK, "new_disk_gib") C(CH_OLD_SW_DB, "old_sw_database") \
	C(CH_NEW_SW_DB, "new_sw_database") C(CH_OLD_SW_APP, "old_sw_app") C(CH_NEW_SW_APP, "new_sw_app") \
	C(CH_OLD_SW_OTHER, "old_sw_other") C(CH_NEW_SW_OTHER, "new_sw_other") C(CH_OLD_NOTES, "old_notes") \
	C(CH_NEW_NOTES, "new_notes") C(CH_OLD_FROM, "old_period_from") C(CH_NEW_FROM, "new_period_from") \
	C(CH_OLD_TO, "old_period_to") C(CH_NEW_TO, "new_period_to") C(CH_REASON, "reason") \
	C(CH_BY, "requested_by") C(CH_AT, "requested_at") C(CH_DEC_BY, "decided_by") \
	C(CH_DEC_AT, "decided_at") C(CH_DEC_REASON, "decision_reason") C(CH_OVERRIDE, "override") \
	C(CH_VM, "vm_id")
DB_COLUMNS(cl_chg_col, CL_CHG_COLS);
extern const char *const cl_chg_cols[cl_chg_col__MAX + 1];

enum cl_view { CL_VIEW_LIST, CL_VIEW_FORM, CL_VIEW_VM, CL_VIEW_IP, CL_VIEW_IMAGES, CL_VIEW_PRINT,
	CL_VIEW_REREG, CL_VIEW_HOST_FORM, CL_VIEW_CHANGE, CL_VIEW_PRINT_HOST, CL_VIEW__MAX };

extern const char *const cl_states[];

/* Site settings, read once at start. */
struct cl_settings {
	int separate;		/* cloud.separate_approver: the office approver is not the handler */
	long max_vcpu, max_memory, max_disk;	/* per request */
	long quota_vcpu, quota_memory, quota_disk;	/* a unit's active VMs */
};
extern struct cl_settings cl_set;
/* The date rules' settings (due.h), read once at start; a bad one stops the module. */
extern struct cl_due_set cl_due;

/* A request as CL_SQL_GET loads it. */
struct vm {
	struct ctx *c;
	const char *v[cl_vm_col__MAX];
	int n;
};
enum db_rc cl_load(struct ctx *c, long long id, struct vm *vm, int lock);
/* Loads c->id and checks access: 200, 404, 403 (audited) or a database status. */
int cl_open(struct ctx *c, struct vm *vm, int write);
/* The request as <name> under parent. */
xmlNodePtr cl_vm_node(xmlNodePtr parent, const char *name, const struct vm *vm);
/* <images> (active only, or all) and a unit's <systems> under parent. */
enum db_rc cl_images_node(struct ctx *c, xmlNodePtr parent);
/* A row of CL_SQL_UNIT_SYSTEMS or CL_SQL_VM_SYSTEMS as <system id>name</system> under arg. */
int cl_system_row(void *arg, const struct db_row *r);
/* A write on VM id done: what tx_run audits (action, before, after), and back to the VM's page. */
void cl_tx_done(struct tx *t, long long id, const char *action, const char *before, const char *after);
/* The request's JSON for the audit. */
const char *cl_json(struct ctx *c, const struct vm *vm);
/* Does the unit hold a current signing of the cloud-VM letter? (-1: the database failed) */
int cl_has_letter(struct ctx *c, long long unit, enum db_rc *rc);

int cl_list(struct ctx *c);
int cl_form(struct ctx *c);
int cl_save(struct ctx *c);
int cl_view(struct ctx *c);
int cl_step(struct ctx *c);
/*
 * A form of the request page as it was typed, shown again with its errors
 * (422, 409): which form — "step" (vm.c), "life" (life.c), "change"
 * (change.c) — the action it was for (the page's @action), the values and
 * the errors (NULL: none).  Each part of the page takes its own form's.
 */
struct cl_typed {
	const char *form, *action;
	const char **vals, **errs;
};
/* ty when it is form's, else NULL. */
const struct cl_typed *cl_typed_for(const struct cl_typed *ty, const char *form);
/* The request page c->id, with a form as typed (ty, or NULL). */
int cl_view_page(struct ctx *c, int status, const struct cl_typed *ty);
int cl_demo(struct ctx *c);
/* center.c: GET ip?q=, GET images, POST images (add), POST images/{id} (retire, restore). */
int cl_ip(struct ctx *c);
int cl_images(struct ctx *c);
int cl_image_add(struct ctx *c);
int cl_image_set(struct ctx *c);
/* GET {id}/print: appendix 6 on A4 (print.c). */
int cl_print(struct ctx *c);
/* GET export.xml and --export: every VM and hosted server (export.c; schema/xml/cloud.xsd). */
int cl_export(struct ctx *c);
/*
 * rereg.c: the yearly re-registration (GET, POST {id}/rereg), the centre's
 * reclaim (POST {id}/reclaim), the dates on the VM page, the demo VMs due.
 */
int cl_rereg_form(struct ctx *c);
int cl_rereg_save(struct ctx *c);
int cl_reclaim(struct ctx *c);
/* <life …/> and <reregs> of VM c->id under c->data (the VM page). */
enum db_rc cl_life_node(struct ctx *c);
/* A provisioned VM's first registration on day (YYYY-MM-DD) and its due date (a host: none). */
enum db_rc cl_register(struct ctx *c, long long id, const char *day);
/* Recomputes rereg_due of VM id from its registered_on and period_to, in the caller's transaction. */
enum db_rc cl_redue(struct ctx *c, long long id);
/* The demo: one reclaimable VM, one overdue, one due soon (once); called at the end of cl_demo. */
int cl_demo_rereg(struct ctx *c);
/* life.c: POST {id}/life (release, decommission, suspend, lift); the VM page's part of it. */
int cl_life(struct ctx *c);
enum db_rc cl_end_node(struct ctx *c, const struct vm *vm, xmlNodePtr actions, const struct cl_typed *ty);
/* life.c: demo VMs released and suspended, called at the end of cl_demo. */
int cl_demo_life(struct ctx *c);
/* host.c: GET/POST host/new, {id}/host (a hosted server's form), GET {id}/review (its scan). */
int cl_host_form(struct ctx *c);
int cl_host_save(struct ctx *c);
int cl_review(struct ctx *c);
/* A host's submission gate: 0 when it may go, else 422 with *code set
 * ("cloud_gate": no appendix 7 letter; "cloud_review": no expert review), -1: the database. */
int cl_host_gate(struct ctx *c, const struct vm *vm, const char **code, enum db_rc *rc);
/* form.c: a request's field rule by key (a change checks by the same rules), or NULL. */
const struct vfield *cl_form_field(const char *key);
/* form.c: fields f[0..2] (vCPU, memory, disk) of v within the per-request limits; errors in e. */
size_t cl_range(const char **v, const char **e, const int f[3]);
/* vm.c: a unit's active VMs' totals but VM id's (CL_SQL_USAGE), in u[3]. */
enum db_rc cl_usage(struct ctx *c, long long unit, long long id, long long u[3]);
/*
 * change.c: a change or renewal of a provisioned VM (GET, POST {id}/change),
 * the office's approval or rejection and the applicant's withdrawal (POST
 * {id}/decide), the VM page's part of it, the demo's pending change.
 */
int cl_change_form(struct ctx *c);
int cl_change_save(struct ctx *c);
int cl_change_decide(struct ctx *c);
enum db_rc cl_change_node(struct ctx *c, const struct vm *vm, xmlNodePtr actions, const struct cl_typed *ty);
int cl_demo_change(struct ctx *c);
#endif
