/*
 * sql.c — the login module's statements, with the parameters and columns
 * login.h names for each (checked against the server at start).  Reads the
 * core's account (001, 023: password_hash, active); writes its own
 * login_session and login_attempt (024).  Times are the database's NOW() in
 * the site's zone (the worker sets it per connection), so the tests can move
 * a session back in time with plain SQL.
 */
#include "login.h"

static DB_COLNAMES(session_cols, LG_SESSION_COLS);
static DB_COLNAMES(account_cols, LG_ACCOUNT_COLS);
static DB_COLNAMES(attempt_cols, LG_ATTEMPT_COLS);

const struct db_stmt lg_sql[LG_SQL__MAX] = {
	/* the token's row by its primary key, the account by its: idle and absolute limits here */
	DB_SQL(LG_SQL_SESSION,
	    "SELECT s.account_id, a.login, a.role, a.unit_id,"
	    " TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()) AS idle"
	    " FROM login_session s JOIN account a ON a.id = s.account_id"
	    " WHERE s.token_hash = ? AND a.active = 1"
	    " AND s.last_seen_at > NOW() - INTERVAL ? MINUTE"
	    " AND s.created_at > NOW() - INTERVAL ? HOUR", session_cols),
	DB_SQL(LG_SQL_TOUCH, "UPDATE login_session SET last_seen_at = NOW() WHERE token_hash = ?", NULL),
	/* an inactive account signs in as little as an unknown one, and is told the same */
	DB_SQL(LG_SQL_ACCOUNT,
	    "SELECT id, login, role, unit_id, COALESCE(password_hash, '') AS password_hash"
	    " FROM account WHERE login = ? AND active = 1", account_cols),
	DB_SQL(LG_SQL_ATTEMPT,
	    "SELECT failures, GREATEST(COALESCE(TIMESTAMPDIFF(SECOND, NOW(), locked_until), 0), 0) AS wait"
	    " FROM login_attempt WHERE login = ?", attempt_cols),
	/*
	 * One more wrong password: from the LG_FAIL_LIMIT-th in a row on, a lock
	 * of LG_LOCK_FIRST s doubling per failure, at most LG_LOCK_MAX (the
	 * exponent is capped so the power stays a small number).  Assignments
	 * run left to right: failures is already the new count below.
	 * Parameters: login, limit, first, limit, max.
	 */
	DB_SQL(LG_SQL_FAIL,
	    "INSERT INTO login_attempt (login, failures, last_failed_at, locked_until)"
	    " VALUES (?, 1, NOW(), NULL) ON DUPLICATE KEY UPDATE failures = failures + 1,"
	    " last_failed_at = NOW(),"
	    " locked_until = IF(failures >= ?, NOW() + INTERVAL LEAST(? * POW(2,"
	    " LEAST(CAST(failures AS SIGNED) - ?, 20)), ?) SECOND, NULL)", NULL),
	DB_SQL(LG_SQL_RESET, "DELETE FROM login_attempt WHERE login = ?", NULL),
	/* token hash, account, absolute hours, address */
	DB_SQL(LG_SQL_NEW,
	    "INSERT INTO login_session (token_hash, account_id, created_at, last_seen_at, expires_at,"
	    " remote_addr) VALUES (?, ?, NOW(), NOW(), NOW() + INTERVAL ? HOUR, ?)", NULL),
	DB_SQL(LG_SQL_END, "DELETE FROM login_session WHERE token_hash = ?", NULL),
	/*
	 * A hash made at an older cost, rewritten at the cost of today with the
	 * password just verified (core/password.h).  Only while it is still the
	 * hash that was verified: a reset by the office in between wins.  Not a
	 * change of the account (its version stays): the same password.
	 */
	DB_SQL(LG_SQL_REHASH,
	    "UPDATE account SET password_hash = ? WHERE id = ? AND password_hash = ?", NULL),
	DB_SQL(LG_SQL_PURGE_SESSIONS, "DELETE FROM login_session WHERE expires_at < NOW() LIMIT 1000", NULL),
	DB_SQL(LG_SQL_PURGE_ATTEMPTS,
	    "DELETE FROM login_attempt WHERE last_failed_at < NOW() - INTERVAL 1 DAY"
	    " AND (locked_until IS NULL OR locked_until < NOW()) LIMIT 1000", NULL),
};
