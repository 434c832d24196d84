-- 007-incidents: incident reports against the reporting clock, threat
-- notices and the all-clear reports of important periods (DOMAIN.md §6;
-- seed 003 appendices 9-10, seed 000 §4(3), §4(7), §4(8)).  Reads: unit
-- (001-core), sys_system (006-systems) for the affected system.
--
-- Times are the site's local time (DATETIME, Asia/Shanghai by default).

-- A file a unit sent: a rectification report, a threat notice's handling
-- report.  Like pledge scans: the type sniffed from the bytes, its SHA-256,
-- the bytes in 60 KiB pieces.  unit_id is the unit whose record it belongs
-- to, for the access check of a download.
CREATE TABLE inc_file (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mime        ENUM('application/pdf','image/jpeg','image/png') NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  filename    VARCHAR(255) NOT NULL DEFAULT '',
  unit_id     INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inc_file_chunk (
  file_id     BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (file_id, seq),
  CONSTRAINT inc_file_chunk_file FOREIGN KEY (file_id) REFERENCES inc_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An incident: the report sheet (网络信息安全突发事件报告单, seed 003
-- appendix 10) and the time each step of the procedure (appendix 9) was
-- done.  Who did each step is in inc_step.
--
-- taxonomy/category: the category under the taxonomy version the incident
-- was filed with (GB/Z 20986-2007's seven, GB/T 20986-2023's ten).
-- level_reported is the unit's own estimate on the sheet; the office
-- proposes level_proposed, a leader confirms level.
-- reported_at is the first report, oral or written, whichever came first.
-- lim_*: the limits in force when the incident was filed (seconds; working
-- days for the rectification report), so a later change of the settings
-- does not reclassify what happened before it.
-- next_due/next_step: the nearest deadline of a step not done, written by
-- the module at every change so the open board pages along an index;
-- '9999-12-31 23:59:59' when no step has a deadline now.
CREATE TABLE inc_incident (
  id                INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id           INT UNSIGNED NOT NULL,
  reporting_unit_id INT UNSIGNED NOT NULL,
  system_id         INT UNSIGNED NULL,
  system_name       VARCHAR(128) NOT NULL DEFAULT '',
  started_at        DATETIME     NOT NULL,
  discovered_at     DATETIME     NOT NULL,
  reported_at       DATETIME     NOT NULL,
  filled_by         VARCHAR(64)  NOT NULL,
  reviewed_by       VARCHAR(64)  NOT NULL DEFAULT '',
  taxonomy          ENUM('gbz2007','gbt2023') NOT NULL,
  category          VARCHAR(32)  NOT NULL,
  harm              SET('outage','paralysis','destroyed','leaked','other') NOT NULL DEFAULT '',
  level_reported    TINYINT UNSIGNED NULL,
  level_proposed    TINYINT UNSIGNED NULL,
  level             TINYINT UNSIGNED NULL,
  description       TEXT         NOT NULL,
  measures          TEXT         NOT NULL,
  consequences      TEXT         NOT NULL,
  suggestions       TEXT         NOT NULL,
  oral_at           DATETIME     NULL,
  written_at        DATETIME     NULL,
  review_at         DATETIME     NULL,
  handled_at        DATETIME     NULL,
  rectify_at        DATETIME     NULL,
  rectify_due       DATETIME     NULL,
  closed_at         DATETIME     NULL,
  status            ENUM('open','closed') NOT NULL DEFAULT 'open',
  next_due          DATETIME     NOT NULL DEFAULT '9999-12-31 23:59:59',
  next_step         VARCHAR(16)  NOT NULL DEFAULT '',
  lim_first_ontime  INT UNSIGNED NOT NULL,
  lim_first_late    INT UNSIGNED NOT NULL,
  lim_first_missed  INT UNSIGNED NOT NULL,
  lim_written       INT UNSIGNED NOT NULL,
  lim_review        INT UNSIGNED NOT NULL,
  lim_rectify_days  TINYINT UNSIGNED NOT NULL,
  nonce             CHAR(32)     NOT NULL,
  version           INT UNSIGNED NOT NULL DEFAULT 1,
  created_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by        VARCHAR(64)  NOT NULL,
  updated_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by        VARCHAR(64)  NOT NULL,
  UNIQUE KEY inc_incident_nonce (nonce),
  KEY inc_incident_board (status, next_due, id),
  KEY inc_incident_unit_board (unit_id, status, next_due, id),
  KEY inc_incident_unit (unit_id, id),
  KEY inc_incident_system (system_id),
  CONSTRAINT inc_incident_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT inc_incident_reporting FOREIGN KEY (reporting_unit_id) REFERENCES unit (id),
  CONSTRAINT inc_incident_system FOREIGN KEY (system_id) REFERENCES sys_system (id),
  CONSTRAINT inc_incident_levels CHECK ((level_reported IS NULL OR level_reported BETWEEN 1 AND 4)
    AND (level_proposed IS NULL OR level_proposed BETWEEN 1 AND 4) AND (level IS NULL OR level BETWEEN 1 AND 4))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step as it happened, never changed: at is when it happened (the
-- time of a call, the end of handling; for a report, when it reached the
-- platform), recorded_at when it was entered, by who entered it.  detail:
-- the caller of an oral report, the level proposed or confirmed, the text
-- of a rectification report.
CREATE TABLE inc_step (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  incident_id INT UNSIGNED NOT NULL,
  kind        ENUM('oral','written','review','handled','rectify','propose','confirm','close') NOT NULL,
  at          DATETIME     NOT NULL,
  recorded_at DATETIME     NOT NULL,
  by_login    VARCHAR(64)  NOT NULL,
  by_name     VARCHAR(64)  NOT NULL,
  detail      TEXT         NOT NULL,
  file_id     BIGINT UNSIGNED NULL,
  KEY inc_step_incident (incident_id, id),
  CONSTRAINT inc_step_incident FOREIGN KEY (incident_id) REFERENCES inc_incident (id),
  CONSTRAINT inc_step_file FOREIGN KEY (file_id) REFERENCES inc_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A threat notice (安全威胁通报) from an upstream platform, assigned to a
-- unit, due at the end of the 10th working day (the setting at the time)
-- after it was received.  status: assigned (waiting for the unit),
-- responded (waiting for the office), returned (the office sent the
-- response back: waiting for the unit again), accepted (closed).
-- open_ and waiting are for the lists' indexes.
CREATE TABLE inc_notice (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id       INT UNSIGNED NOT NULL,
  system_id     INT UNSIGNED NULL,
  source        VARCHAR(128) NOT NULL,
  notice_no     VARCHAR(64)  NOT NULL,
  received_at   DATETIME     NOT NULL,
  description   TEXT         NOT NULL,
  due_at        DATETIME     NOT NULL,
  status        ENUM('assigned','responded','returned','accepted') NOT NULL DEFAULT 'assigned',
  responded_at  DATETIME     NULL,
  accepted_at   DATETIME     NULL,
  open_         TINYINT(1) AS (status <> 'accepted') PERSISTENT,
  waiting       TINYINT(1) AS (status IN ('assigned','returned')) PERSISTENT,
  nonce         CHAR(32)     NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    VARCHAR(64)  NOT NULL,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by    VARCHAR(64)  NOT NULL,
  UNIQUE KEY inc_notice_nonce (nonce),
  UNIQUE KEY inc_notice_number (source, notice_no),
  KEY inc_notice_open (open_, due_at, id),
  KEY inc_notice_waiting (waiting, due_at, id),
  KEY inc_notice_unit (unit_id, open_, due_at, id),
  CONSTRAINT inc_notice_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT inc_notice_system FOREIGN KEY (system_id) REFERENCES sys_system (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit's response to a notice: the handling result and its report, and
-- the office's decision on it (accepted, or returned with a reason).
CREATE TABLE inc_notice_response (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notice_id     INT UNSIGNED NOT NULL,
  result        TEXT         NOT NULL,
  file_id       BIGINT UNSIGNED NOT NULL,
  submitted_at  DATETIME     NOT NULL,
  submitted_by  VARCHAR(64)  NOT NULL,
  decision      ENUM('accepted','returned') NULL,
  decided_at    DATETIME     NULL,
  decided_by    VARCHAR(64)  NULL,
  reason        VARCHAR(1000) NOT NULL DEFAULT '',
  nonce         CHAR(32)     NOT NULL,
  UNIQUE KEY inc_notice_response_nonce (nonce),
  KEY inc_notice_response_notice (notice_id, id),
  CONSTRAINT inc_notice_response_notice FOREIGN KEY (notice_id) REFERENCES inc_notice (id),
  CONSTRAINT inc_notice_response_file FOREIGN KEY (file_id) REFERENCES inc_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An important period (重要时期) the office declares: every active unit
-- reports each day of it, an all clear or an incident (报平安).
CREATE TABLE inc_period (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(128) NOT NULL,
  starts      DATE         NOT NULL,
  ends        DATE         NOT NULL,
  remark      VARCHAR(1000) NOT NULL DEFAULT '',
  nonce       CHAR(32)     NOT NULL,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL,
  UNIQUE KEY inc_period_nonce (nonce),
  KEY inc_period_starts (starts, id),
  CONSTRAINT inc_period_days CHECK (ends >= starts)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One unit's report for one day of a period; one per unit and day.
CREATE TABLE inc_period_report (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id   INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  day         DATE         NOT NULL,
  status      ENUM('clear','incident') NOT NULL,
  incident_id INT UNSIGNED NULL,
  remark      VARCHAR(1000) NOT NULL DEFAULT '',
  reported_at DATETIME     NOT NULL,
  reported_by VARCHAR(64)  NOT NULL,
  nonce       CHAR(32)     NOT NULL,
  UNIQUE KEY inc_period_report_day (period_id, day, unit_id),
  UNIQUE KEY inc_period_report_nonce (nonce),
  KEY inc_period_report_unit (unit_id, period_id, day),
  CONSTRAINT inc_period_report_period FOREIGN KEY (period_id) REFERENCES inc_period (id),
  CONSTRAINT inc_period_report_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT inc_period_report_incident FOREIGN KEY (incident_id) REFERENCES inc_incident (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
