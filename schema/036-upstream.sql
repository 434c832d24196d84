-- 036-upstream: the office's reporting to the upstream platforms (issue
-- "Upstream reporting"; modules/office/upstream*.c).  Reads: unit,
-- reg_holder (002), sys_system, sys_assessment (006), pledge_vendor (004);
-- writes upstream_export and audit.
--
-- upstream: a platform the office reports to and the profile that shapes
-- its document: a stylesheet xslt/upstream/<profile>.xsl, compiled when
-- wangan-office starts, that turns the canonical export into the
-- platform's shape (schema/xml/upstream-<profile>.xsd).  A disabled
-- upstream keeps its log and refuses new exports.
CREATE TABLE upstream (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(128) NOT NULL,
  profile     VARCHAR(64)  NOT NULL,
  enabled     TINYINT(1)   NOT NULL DEFAULT 1,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)  NOT NULL,
  UNIQUE KEY upstream_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO upstream (code, name, profile, created_by, updated_by) VALUES
  ('moe', '教育部教育系统网络安全工作管理平台（责任人名单）', 'moe-persons', 'schema', 'schema'),
  ('province', '省教育厅网信办（年终报送包）', 'province-yearend', 'schema', 'schema');

-- upstream_export: the log — one row per export that was sent: when it
-- started and finished, who ran it (an account's login, or 'cli'), full
-- or incremental, the watermark it started from (since; NULL: from the
-- beginning) and the one it ends at (watermark: the next incremental's
-- since), how many records, how many bytes and their SHA-256 (hex) — the
-- bytes exactly as they left.  Only status 'ok' rows count as "the last
-- export" for the next incremental; a failed run is logged as 'failed'.
CREATE TABLE upstream_export (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  upstream_id  INT UNSIGNED NOT NULL,
  kind         ENUM('full','incremental') NOT NULL,
  status       ENUM('ok','failed') NOT NULL,
  started_at   DATETIME     NOT NULL,
  finished_at  DATETIME     NOT NULL,
  by_login     VARCHAR(64)  NOT NULL,
  since        DATETIME     NULL,
  watermark    DATETIME     NOT NULL,
  record_count INT UNSIGNED NOT NULL DEFAULT 0,
  byte_size    BIGINT UNSIGNED NOT NULL DEFAULT 0,
  sha256       CHAR(64)     NOT NULL DEFAULT '',
  KEY upstream_export_last (upstream_id, status, watermark),
  KEY upstream_export_up (upstream_id, id),
  CONSTRAINT upstream_export_upstream FOREIGN KEY (upstream_id) REFERENCES upstream (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An incremental export reads the records updated in [since, watermark):
-- the tables whose updated_at it filters get an index on it (reg_holder's
-- current holders, sys_system).  updated_at is ON UPDATE CURRENT_TIMESTAMP
-- in both, so every change moves it (a system's new assessment rewrites
-- its last_assessment_id and next_due, so it moves there too).
ALTER TABLE reg_holder ADD KEY reg_holder_updated (updated_at);
ALTER TABLE sys_system ADD KEY sys_system_updated (updated_at);
