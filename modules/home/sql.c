/*
 * sql.c — the home module's statements (home.h names their parameters and
 * columns; checked against the server at start).  They read todo_item
 * alone (schema/025-todo.sql).
 *
 * (A variable is binary until it is set, then carries the connection's
 * collation: CONVERT … COLLATE makes each comparison the tables'.)
 *
 * Why the parameters go through session variables: todo_item is a UNION
 * ALL of unions, so MariaDB materializes it, and only pushes a condition
 * into each branch (where it reads along the branch's index: the unit's,
 * the state's) when the condition's values are known while it optimizes —
 * a literal or a user variable, never a prepared statement's "?" (10.11:
 * with "?" it builds all 30,000 rows of the bench's 2,000 units first,
 * 0.7 s; with the variables 5-10 ms).  So each request runs HM_SQL_SET,
 * one prepared SET with "?" for every value, then the SELECTs, which read
 * @hm_*: both on the worker's one connection, one after the other, so no
 * other request sees its variables.  Every value is bound, none is spliced.
 *
 * The filters every item query shares: the enabled modules (@hm_modules),
 * the roles the site keeps (@hm_roles, registration.roles: a missing
 * holder of another role is no gap), the kinds the site re-signs
 * (@hm_resign, pledges.resign_kinds), and the horizon (@hm_horizon): a
 * scheduled duty (an assessment, a re-registration) is shown only once its
 * deadline enters the "soon" window; before that it awaits nobody.
 */
#include "home.h"

#define CI " COLLATE utf8mb4_unicode_ci"

#define HM_ITEM_SELECT \
	"SELECT t.module, t.kind, t.unit_id, t.record_id, t.title, COALESCE(t.due_at, '') AS due_at," \
	" COALESCE(t.since_at, '') AS since_at, t.clock, t.state, t.link, t.actor," \
	" COALESCE(u.name, '') AS unit_name, COALESCE(u.name_en, '') AS unit_name_en" \
	" FROM todo_item t LEFT JOIN unit u ON u.id = t.unit_id"

#define HM_FILTERS \
	" AND FIND_IN_SET(t.module, CONVERT(@hm_modules USING utf8mb4)" CI ") > 0" \
	" AND (t.kind <> 'holder_missing' OR FIND_IN_SET(t.state, CONVERT(@hm_roles USING utf8mb4)" CI ") > 0)" \
	" AND (t.kind <> 'resign' OR FIND_IN_SET(t.state, CONVERT(@hm_resign USING utf8mb4)" CI ") > 0)" \
	" AND (t.due_at IS NULL OR t.kind NOT IN ('assessment', 'rereg') OR t.due_at < @hm_horizon)"

/* Soonest first, those without a deadline last; then by module and record, for a stable page. */
#define HM_ORDER " ORDER BY t.due_at IS NULL, t.due_at, t.since_at, t.module, t.record_id"

static DB_COLNAMES(item_cols, HM_ITEM_COLS);
static DB_COLNAMES(sum_cols, HM_SUM_COLS);
static DB_COLNAMES(ra_cols, HM_RA_COLS);
static DB_COLNAMES(rm_cols, HM_RM_COLS);
static DB_COLNAMES(rp_cols, HM_RP_COLS);

#define HM_LIMIT " LIMIT 301"

const struct db_stmt hm_sql[HM_SQL__MAX] = {
	/* the request's values, in home.h's order */
	DB_SQL(HM_SQL_SET, "SET @hm_unit = ?, @hm_actors = ?, @hm_modules = ?, @hm_roles = ?, @hm_resign = ?,"
	    " @hm_horizon = ?, @hm_today = ?, @hm_now = ?, @hm_before = ?", NULL),
	DB_SQL(HM_SQL_UNIT, HM_ITEM_SELECT
	    " WHERE t.unit_id = @hm_unit AND FIND_IN_SET(t.actor, CONVERT(@hm_actors USING utf8mb4)" CI ") > 0"
	    HM_FILTERS HM_ORDER HM_LIMIT, item_cols),
	DB_SQL(HM_SQL_ACTOR, HM_ITEM_SELECT " WHERE t.actor = CONVERT(@hm_actors USING utf8mb4)" CI HM_FILTERS HM_ORDER HM_LIMIT, item_cols),
	/*
	 * Overdue by its clock: a day's deadline before today, an hour's before
	 * now, a re-sign whose clock started on or before the day home computes
	 * (due.h, hm_start_before).  A missing holder or signing has no deadline.
	 */
	DB_SQL(HM_SQL_OVERDUE,
	    "SELECT t.module, t.kind, COUNT(*) AS n, MIN(COALESCE(t.due_at, t.since_at)) AS oldest"
	    " FROM todo_item t WHERE FIND_IN_SET(t.module, CONVERT(@hm_modules USING utf8mb4)" CI ") > 0"
	    " AND ((t.clock = 'workday' AND t.due_at < @hm_today) OR (t.clock = 'hour' AND t.due_at < @hm_now)"
	    "  OR (t.kind = 'resign' AND FIND_IN_SET(t.state, CONVERT(@hm_resign USING utf8mb4)" CI ") > 0"
	    "   AND t.since_at <= @hm_before))"
	    " GROUP BY t.module, t.kind ORDER BY t.module, t.kind", sum_cols),
	/*
	 * Reminders (remind.c): every item with a clock — a deadline, an hour's
	 * clock, a re-sign — under the same filters as the page, in every unit.
	 * Once per round, not per request: it reads the views whole.
	 */
	DB_SQL(HM_SQL_RM_ITEMS, HM_ITEM_SELECT
	    " WHERE (t.due_at IS NOT NULL OR t.clock = 'hour' OR t.kind = 'resign')" HM_FILTERS
	    " ORDER BY t.module, t.kind, t.record_id", item_cols),
	/* ... and the units with a group robot, as one more recipient each (role unit_group) */
	DB_SQL(HM_SQL_RM_ACCOUNTS, "SELECT a.id, a.name, a.role, a.unit_id, a.email, 'mail' AS channel FROM account a"
	    " WHERE a.active = 1 AND a.email IS NOT NULL AND a.email <> ''"
	    " UNION ALL SELECT u.id, u.name, 'unit_group', u.id, u.webhook_url, 'webhook' FROM unit u"
	    " WHERE u.active = 1 AND u.webhook_url IS NOT NULL AND u.webhook_url <> ''"
	    " ORDER BY channel, id", ra_cols),
	DB_SQL(HM_SQL_RM_SENT, "INSERT IGNORE INTO remind_sent (module, kind, record_id, state, due_key, stage,"
	    " channel, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", NULL),
	DB_SQL(HM_SQL_RM_QUEUE, "INSERT INTO remind_outbox (account_id, channel, rcpt, subject, body)"
	    " VALUES (?, ?, ?, ?, ?)", NULL),
	/* the rows this transaction inserted are the recipient's only ones without a message */
	DB_SQL(HM_SQL_RM_LINK, "UPDATE remind_sent SET outbox_id = ? WHERE account_id = ? AND channel = ?"
	    " AND outbox_id IS NULL", NULL),
	DB_SQL(HM_SQL_RM_PICK, "SELECT id FROM remind_outbox WHERE sent_at IS NULL AND cancelled_at IS NULL"
	    " AND next_try_at <= NOW()"
	    " AND (claimed_until IS NULL OR claimed_until < NOW()) ORDER BY next_try_at, id LIMIT ?"
	    " FOR UPDATE SKIP LOCKED", db_id_cols),
	DB_SQL(HM_SQL_RM_CLAIM, "UPDATE remind_outbox SET claimed_by = ?, claimed_until = NOW() + INTERVAL ? SECOND,"
	    " version = version + 1 WHERE id = ?", NULL),
	DB_SQL(HM_SQL_RM_MAIL, "SELECT id, channel, rcpt, subject, body FROM remind_outbox"
	    " WHERE id = ? AND claimed_by = ? AND sent_at IS NULL AND cancelled_at IS NULL", rm_cols),
	DB_SQL(HM_SQL_RM_DONE, "UPDATE remind_outbox SET sent_at = NOW(), attempts = attempts + 1, last_error = '',"
	    " claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?", NULL),
	/* back-off: base × 2^attempts seconds (the exponent capped so it stays a number), at most max */
	DB_SQL(HM_SQL_RM_FAIL, "UPDATE remind_outbox SET last_error = ?,"
	    " next_try_at = NOW() + INTERVAL CAST(LEAST(? * POW(2, LEAST(attempts, 30)), ?) AS UNSIGNED) SECOND,"
	    " attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, version = version + 1"
	    " WHERE id = ? AND claimed_by = ?", NULL),
	DB_SQL(HM_SQL_RM_PENDING, "SELECT s.outbox_id, s.module, s.kind, s.record_id, s.state, s.due_key"
	    " FROM remind_outbox o JOIN remind_sent s ON s.outbox_id = o.id"
	    " WHERE o.sent_at IS NULL AND o.cancelled_at IS NULL ORDER BY s.outbox_id", rp_cols),
	/* never one a sender holds now: its lease says it may be on the wire */
	DB_SQL(HM_SQL_RM_CANCEL, "UPDATE remind_outbox SET cancelled_at = NOW(), version = version + 1"
	    " WHERE id = ? AND sent_at IS NULL AND cancelled_at IS NULL"
	    " AND (claimed_until IS NULL OR claimed_until < NOW())", NULL),
};
