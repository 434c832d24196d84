-- 002-registration: responsible persons per unit and role, with history
-- (DOMAIN.md §1).  Reads: unit, account (001-core).
--
-- One row per holder of a role for a period.  The current holder has
-- is_current = 1; past holders have NULL there and an ended_date, so the
-- unique key allows exactly one current holder per unit and role while
-- history rows pile up freely.  A change closes the current row (its version
-- guards against a concurrent change) and inserts the successor; the form's
-- nonce is unique, so a double submit inserts once.

CREATE TABLE reg_holder (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id        INT UNSIGNED NOT NULL,
  role           ENUM('first','direct','secadmin','liaison','sysadmin') NOT NULL,
  name           VARCHAR(64)  NOT NULL,
  title          VARCHAR(64)  NOT NULL,
  office_phone   VARCHAR(32)  NULL,
  mobile         VARCHAR(20)  NULL,
  email          VARCHAR(128) NULL,
  effective_date DATE         NOT NULL,
  ended_date     DATE         NULL,
  is_current     TINYINT(1)   NULL,
  reported_at    DATETIME     NOT NULL,
  deadline       DATE         NOT NULL,
  late           TINYINT(1)   NOT NULL DEFAULT 0,
  nonce          CHAR(32)     NOT NULL,
  version        INT UNSIGNED NOT NULL DEFAULT 1,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by     VARCHAR(64)  NOT NULL,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by     VARCHAR(64)  NOT NULL,
  UNIQUE KEY reg_holder_current (unit_id, role, is_current),
  UNIQUE KEY reg_holder_nonce (nonce),
  KEY reg_holder_history (unit_id, role, effective_date),
  KEY reg_holder_late (unit_id, late),
  CONSTRAINT reg_holder_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
