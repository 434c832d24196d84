/*
 * home.h — the home page (issue 13, "Home and to-do"): for the person
 * signed in, what awaits them, what is overdue (and how late) and what is
 * due soon (and the time left), across the site's enabled modules, each
 * item a link to its record; and a user guide per role.
 *
 * The items come from one view, todo_item (schema/025-todo.sql): each
 * module publishes its own as a view of the same columns, so this module
 * reads the database and never another module's code.  Filters are SQL's:
 * FIND_IN_SET(module, the enabled modules), the reader's unit for a unit
 * role (never another unit's item), the actor for the office, the centre
 * and the leading group.  Where the deadline is counted (due.h) is C's.
 *
 * Page XML under <data> (xslt/home/ reads these):
 *  todo   <todo role soon-days soon-hours cap?>
 *           <group name="overdue|soon|awaiting" count more?><item module kind unit-id
 *             record state clock link due? since? left? late? late-days? actor><title/><unit/>?
 *           </item>…</group>… (all three, empty ones too)
 *           <summary>? (the read-all roles: every unit's overdue) <row module kind count
 *             oldest/>…</summary></todo>
 *  guide  <guide role/> (the text is the stylesheet's, per role and module; nav says
 *           which modules the site runs)
 */
#ifndef WANGAN_HOME_H
#define WANGAN_HOME_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"
#include "due.h"

/* Items a group shows at most; a group with more says so (the modules' lists page on). */
#define HM_GROUP_ROWS 100
/* Items read for one page: the three groups' worth. */
#define HM_READ_ROWS (3 * HM_GROUP_ROWS)

#define HM_STATEMENTS(S) \
	/* the request's values as session variables (sql.c says why): unit, actors, modules, roles, \
	 * re-sign kinds, horizon, today, now, re-sign threshold */ \
	S(HM_SQL_SET, 9) \
	/* a unit role's items: its unit's, for its actors (todo.c) */ \
	S(HM_SQL_UNIT, 0) \
	/* what awaits the office, the centre, the leading group: every unit's, by actor */ \
	S(HM_SQL_ACTOR, 0) \
	/* every unit's overdue, by module and kind (the read-all roles) */ \
	S(HM_SQL_OVERDUE, 0) \
	/* reminders (remind.c, send.c; schema 032): every item with a clock, site-wide */ \
	S(HM_SQL_RM_ITEMS, 0) \
	/* the accounts that have an address, and the units that have a group robot */ \
	S(HM_SQL_RM_ACCOUNTS, 0) \
	/* a reminder sent: module, kind, record, state, due, stage, channel, account (0 rows: sent before) */ \
	S(HM_SQL_RM_SENT, 8) \
	/* its message: account, channel, rcpt, subject, body; then the reminders it carries: \
	 * outbox id, account, channel */ \
	S(HM_SQL_RM_QUEUE, 5) \
	S(HM_SQL_RM_LINK, 3) \
	/* the sender: rows due (limit), claimed (token, lease seconds, id), read (id, token), \
	 * sent (id, token), failed (error, base seconds, max seconds, id, token) */ \
	S(HM_SQL_RM_PICK, 1) \
	S(HM_SQL_RM_CLAIM, 3) \
	S(HM_SQL_RM_MAIL, 2) \
	S(HM_SQL_RM_DONE, 2) \
	S(HM_SQL_RM_FAIL, 5) \
	/* the items of the mails not sent yet; one dropped (id) when all its items are done */ \
	S(HM_SQL_RM_PENDING, 0) \
	S(HM_SQL_RM_CANCEL, 1)
DB_STATEMENTS(hm_sql_id, HM_STATEMENTS, HM_SQL__MAX);
extern const struct db_stmt hm_sql[HM_SQL__MAX];

/* An item (HM_SQL_UNIT, HM_SQL_ACTOR). */
#define HM_ITEM_COLS(C) \
	C(IT_MODULE, "module") C(IT_KIND, "kind") C(IT_UNIT_ID, "unit_id") C(IT_RECORD, "record_id") \
	C(IT_TITLE, "title") C(IT_DUE, "due_at") C(IT_SINCE, "since_at") C(IT_CLOCK, "clock") \
	C(IT_STATE, "state") C(IT_LINK, "link") C(IT_ACTOR, "actor") C(IT_UNIT_NAME, "unit_name") \
	C(IT_UNIT_NAME_EN, "unit_name_en")
DB_COLUMNS(hm_item_col, HM_ITEM_COLS);

/* A summary row (HM_SQL_OVERDUE). */
#define HM_SUM_COLS(C) \
	C(SM_MODULE, "module") C(SM_KIND, "kind") C(SM_COUNT, "n") C(SM_OLDEST, "oldest")
DB_COLUMNS(hm_sum_col, HM_SUM_COLS);

/* An account with an address (HM_SQL_RM_ACCOUNTS). */
#define HM_RA_COLS(C) \
	C(RA_ID, "id") C(RA_NAME, "name") C(RA_ROLE, "role") C(RA_UNIT_ID, "unit_id") C(RA_EMAIL, "email") \
	C(RA_CHANNEL, "channel")
DB_COLUMNS(hm_ra_col, HM_RA_COLS);
/* A message to send (HM_SQL_RM_MAIL). */
#define HM_RM_COLS(C) \
	C(RM_ID, "id") C(RM_CHANNEL, "channel") C(RM_RCPT, "rcpt") C(RM_SUBJECT, "subject") C(RM_BODY, "body")
DB_COLUMNS(hm_rm_col, HM_RM_COLS);

/* An item of a mail not sent yet (HM_SQL_RM_PENDING). */
#define HM_RP_COLS(C) \
	C(RP_OUTBOX, "outbox_id") C(RP_MODULE, "module") C(RP_KIND, "kind") C(RP_RECORD, "record_id") \
	C(RP_STATE, "state") C(RP_DUE, "due_key")
DB_COLUMNS(hm_rp_col, HM_RP_COLS);

enum hm_view { HM_VIEW_TODO, HM_VIEW_GUIDE, HM_VIEW__MAX };

struct hm_settings {
	int soon_days;		/* home.soon_days: working days, default 5 */
	int soon_hours;		/* home.soon_hours: default 24 */
	int resign_days;	/* pledges.resign_days (the pledges module's rule), default 10 */
	char resign_kinds[256];	/* pledges.resign_kinds, comma-separated for FIND_IN_SET */
	char roles[256];	/* registration.roles: the roles the site keeps */
	char modules[CONFIG_MAX_LINE];	/* the config's modules line, comma-separated */
};
extern struct hm_settings hm_set;

int hm_todo(struct ctx *c);
int hm_remind(struct ctx *c);
int hm_guide(struct ctx *c);
#endif
