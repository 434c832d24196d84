-- 006-systems: the inventory of information systems, websites, WeChat
-- accounts and apps set up in the school's or a unit's name, with their
-- graded-protection (等级保护, MLPS 2.0) level, public-security filing,
-- assessments (等级测评) and the findings to fix (DOMAIN.md §3).  Reads:
-- unit (001-core), pledge_vendor (004-pledges).
--
-- next_due is the next assessment's due date, computed by the module from
-- the last assessment (or the go-live date) and the level's cycle, and for
-- critical information infrastructure the yearly report (Dec 15), and
-- stored with every change so that the overdue list pages by index.  A
-- retired system owes nothing: its next_due is NULL, so overdue is simply
-- next_due < today, read along an index.
--
-- The inventory is paged by id, 50 rows a page.  Each filter has a key
-- ending in id, and the module reads along the key of the most selective
-- filter given (unit, then level, kind, status), so a page costs the rows
-- it shows plus those that the other filters skip, never a scan of the
-- table.  Overdue lists page by (next_due, id) on sys_system_due, or on
-- sys_system_unit_due for one unit.

CREATE TABLE sys_system (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id        INT UNSIGNED NOT NULL,
  name           VARCHAR(128) NOT NULL,
  kind           ENUM('info_system','website','wechat_official','wecom_app','dingtalk_app',
                      'mobile_app','other') NOT NULL,
  url            VARCHAR(255) NOT NULL DEFAULT '',
  ips            VARCHAR(600) NOT NULL DEFAULT '',
  purpose        VARCHAR(1000) NOT NULL DEFAULT '',
  vendor_id      INT UNSIGNED NULL,
  hosting        ENUM('cloud_vm','hosted_server','external') NOT NULL,
  admin_name     VARCHAR(64)  NOT NULL,
  admin_phone    VARCHAR(32)  NOT NULL,
  status         ENUM('planned','building','trial','online','retired') NOT NULL,
  golive_date    DATE         NULL,
  level          TINYINT UNSIGNED NULL,
  graded_date    DATE         NULL,
  review_date    DATE         NULL,
  filing_no      VARCHAR(64)  NOT NULL DEFAULT '',
  filing_date    DATE         NULL,
  cii            TINYINT(1)   NOT NULL DEFAULT 0,
  last_assessed  DATE         NULL,
  last_assessment_id BIGINT UNSIGNED NULL,
  next_due       DATE         NULL,
  nonce          CHAR(32)     NULL,
  version        INT UNSIGNED NOT NULL DEFAULT 1,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by     VARCHAR(64)  NOT NULL,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by     VARCHAR(64)  NOT NULL,
  UNIQUE KEY sys_system_nonce (nonce),
  KEY sys_system_unit (unit_id, id),
  KEY sys_system_kind (kind, id),
  KEY sys_system_level (level, id),
  KEY sys_system_status (status, id),
  KEY sys_system_due (next_due, id),
  KEY sys_system_unit_due (unit_id, next_due, id),
  KEY sys_system_cii (cii, next_due),
  KEY sys_system_vendor (vendor_id),
  CONSTRAINT sys_system_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT sys_system_vendor FOREIGN KEY (vendor_id) REFERENCES pledge_vendor (id),
  CONSTRAINT sys_system_level CHECK (level IS NULL OR level BETWEEN 1 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An assessment report's bytes, like pledge scans: 60 KiB pieces.
CREATE TABLE sys_report (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mime        ENUM('application/pdf','image/jpeg','image/png') NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  filename    VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sys_report_chunk (
  report_id   BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (report_id, seq),
  CONSTRAINT sys_report_chunk_report FOREIGN KEY (report_id) REFERENCES sys_report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An assessment (等级测评): when, by whom, the result and score, the report.
CREATE TABLE sys_assessment (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  system_id     INT UNSIGNED NOT NULL,
  assessed_date DATE         NOT NULL,
  agency        VARCHAR(128) NOT NULL,
  result        ENUM('pass','basic_pass','fail') NOT NULL,
  score         DECIMAL(5,2) NULL,
  report_id     BIGINT UNSIGNED NULL,
  nonce         CHAR(32)     NOT NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    VARCHAR(64)  NOT NULL,
  UNIQUE KEY sys_assessment_nonce (nonce),
  KEY sys_assessment_system (system_id, assessed_date),
  CONSTRAINT sys_assessment_system FOREIGN KEY (system_id) REFERENCES sys_system (id),
  CONSTRAINT sys_assessment_report FOREIGN KEY (report_id) REFERENCES sys_report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What an assessment found, each with its fix deadline and when it was done.
-- Recording it done is an edit (version check); adding one carries a nonce.
CREATE TABLE sys_finding (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assessment_id BIGINT UNSIGNED NOT NULL,
  system_id     INT UNSIGNED NOT NULL,
  description   VARCHAR(1000) NOT NULL,
  fix_deadline  DATE         NOT NULL,
  done_date     DATE         NULL,
  nonce         CHAR(32)     NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    VARCHAR(64)  NOT NULL,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by    VARCHAR(64)  NOT NULL,
  UNIQUE KEY sys_finding_nonce (nonce),
  KEY sys_finding_open (done_date, fix_deadline),
  KEY sys_finding_system (system_id),
  CONSTRAINT sys_finding_assessment FOREIGN KEY (assessment_id) REFERENCES sys_assessment (id),
  CONSTRAINT sys_finding_system FOREIGN KEY (system_id) REFERENCES sys_system (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
