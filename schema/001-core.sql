-- 001-core: what every module shares — units, accounts, the audit trail and
-- the working-day calendar.  InnoDB, utf8mb4; rows carry created/updated
-- at/by and a version for optimistic locking.

CREATE TABLE unit (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(128) NOT NULL,
  name_en     VARCHAR(128) NULL,
  kind        ENUM('school','center','college','office','affiliated','other') NOT NULL DEFAULT 'other',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
  UNIQUE KEY unit_code (code),
  KEY unit_active_code (active, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login       VARCHAR(64)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  role        ENUM('unit_staff','unit_head','office','leader','auditor') NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)  NOT NULL DEFAULT 'system',
  UNIQUE KEY account_login (login),
  CONSTRAINT account_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who did what, when: one row per change, written in the change's transaction,
-- and one per refused access.  Never updated, never deleted by the platform.
CREATE TABLE audit (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME     NOT NULL,
  login       VARCHAR(64)  NOT NULL,
  role        VARCHAR(16)  NOT NULL,
  unit_id     INT UNSIGNED NULL,
  module      VARCHAR(32)  NOT NULL,
  record_type VARCHAR(32)  NOT NULL,
  record_id   BIGINT       NOT NULL,
  action      VARCHAR(32)  NOT NULL,
  before_data MEDIUMTEXT   NULL,
  after_data  MEDIUMTEXT   NULL,
  request_id  CHAR(16)     NOT NULL,
  KEY audit_record (module, record_type, record_id),
  KEY audit_at (at),
  KEY audit_login (login, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Exceptions to Monday-Friday: public holidays (off) and official make-up
-- workdays (调休, on).  The office loads a year at a time (tools/admin).
CREATE TABLE calendar_day (
  day         DATE         NOT NULL PRIMARY KEY,
  kind        ENUM('holiday','workday') NOT NULL,
  name        VARCHAR(64)  NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL DEFAULT 'system'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
