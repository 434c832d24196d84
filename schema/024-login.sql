-- 024-login: signing in with a password (issue 13; modules/login).  Reads:
-- account (001-core, 023-accounts: password_hash, active), audit (001).
--
-- login_session: one row per signed-in browser.  The cookie carries a random
-- token; only its SHA-256 (hex) is kept here, so a copy of this table signs
-- nobody in.  nginx asks the login module about the cookie before every
-- request (auth_request /_session): one read of the primary key and the
-- account's.  A session ends when the person signs out (the row is deleted),
-- when it has been idle longer than login.idle_minutes (last_seen_at, moved
-- at most once a minute), when it is older than login.absolute_hours
-- (created_at), or while its account is inactive.  The limits are read from
-- the settings at each check, so shortening them applies to running
-- sessions too; expires_at is the absolute end as it stood at sign-in, for
-- the housekeeping that deletes dead rows.
CREATE TABLE login_session (
  token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
  account_id   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL,
  last_seen_at DATETIME     NOT NULL,
  expires_at   DATETIME     NOT NULL,
  remote_addr  VARCHAR(45)  NOT NULL DEFAULT '',
  KEY login_session_account (account_id),
  KEY login_session_expires (expires_at),
  CONSTRAINT login_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- login_attempt: the slow-down, per login name as typed (known or not, so
-- the answer never tells whether an account exists).  failures counts wrong
-- passwords in a row; from the fifth on, each sets locked_until 30 s later,
-- doubling per further failure up to 15 min.  A good sign-in deletes the
-- row.  Rows of names that never signed in are forgotten a day after their
-- last failure once unlocked.
CREATE TABLE login_attempt (
  login          VARCHAR(64)  NOT NULL PRIMARY KEY,
  failures       INT UNSIGNED NOT NULL DEFAULT 0,
  last_failed_at DATETIME     NOT NULL,
  locked_until   DATETIME     NULL,
  KEY login_attempt_failed (last_failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
