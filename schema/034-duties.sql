-- 034-duties: the year's recurring duties with their evidence (DOMAIN.md,
-- cross-cutting rules: "Annual duties"; seeds 000, 001, 002), the module
-- modules/duties.  Reads: unit (001-core); the to-do views of 025-todo
-- (todo_item is redefined below with todo_duties added).  Read by: the
-- home page (todo_duties, through todo_item) and the dashboard's unit
-- scorecard (duty_instance, duty_def: modules/dashboard/sql.c).
--
-- A duty (duty_def) recurs every year, owned by the office (the school's
-- reports to the province) or by every active unit but the school itself
-- (a unit's self-inspection, its drill, its training hours).  Its due day
-- is a month and day of the year, or a day the office sets for each year
-- (duty_year).  Its evidence is files (scans: PDF, JPEG, PNG) and/or named
-- figures (duty_figure) with a range a value must fall in and a threshold
-- it should reach (training hours >= 4 / 8, certified share >= 60 %,
-- security share of new IT budgets >= 5 %).
--
-- Each year the office opens the year: one duty_instance per duty and
-- owner (a unit, or the office: unit_id NULL), state open -> submitted ->
-- accepted, or returned (with a reason) -> submitted again.  An instance
-- is overdue while not submitted or accepted after its due day.

CREATE TABLE duty_def (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code         VARCHAR(32)  NOT NULL,
  title_zh     VARCHAR(128) NOT NULL,
  title_en     VARCHAR(128) NOT NULL,
  -- what the evidence is, in words (the files the seed names)
  evidence_zh  VARCHAR(255) NOT NULL DEFAULT '',
  evidence_en  VARCHAR(255) NOT NULL DEFAULT '',
  owner        ENUM('office','unit') NOT NULL,
  -- 'fixed': due on due_month-due_day of the year; 'office_sets': on the
  -- day duty_year.inspect_due gives (due_month-due_day is what the year's
  -- form offers first)
  due_rule     ENUM('fixed','office_sets') NOT NULL DEFAULT 'fixed',
  due_month    TINYINT UNSIGNED NOT NULL,
  due_day      TINYINT UNSIGNED NOT NULL,
  -- files the submission needs at least (0: figures alone)
  min_files    TINYINT UNSIGNED NOT NULL DEFAULT 1,
  seed_ref     VARCHAR(128) NOT NULL DEFAULT '',
  sort         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active       TINYINT(1)   NOT NULL DEFAULT 1,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by   VARCHAR(64)  NOT NULL DEFAULT 'system',
  updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by   VARCHAR(64)  NOT NULL DEFAULT 'system',
  UNIQUE KEY duty_def_code (code),
  CONSTRAINT duty_def_due CHECK (due_month BETWEEN 1 AND 12 AND due_day BETWEEN 1 AND 31)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A named figure a duty's evidence carries: a value within [min_value,
-- max_value] with at most decimals places (else the form refuses it, and
-- nothing is saved), and the threshold it should reach (NULL: none).
-- unit: 'hours', 'percent', 'count', 'wan_yuan' (10,000 CNY).
CREATE TABLE duty_figure (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  duty_id      INT UNSIGNED NOT NULL,
  code         VARCHAR(32)  NOT NULL,
  label_zh     VARCHAR(128) NOT NULL,
  label_en     VARCHAR(128) NOT NULL,
  unit         ENUM('hours','percent','count','wan_yuan') NOT NULL,
  min_value    DECIMAL(12,2) NOT NULL DEFAULT 0,
  max_value    DECIMAL(12,2) NOT NULL,
  decimals     TINYINT UNSIGNED NOT NULL DEFAULT 1,
  threshold    DECIMAL(12,2) NULL,
  required     TINYINT(1)   NOT NULL DEFAULT 1,
  sort         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY duty_figure_code (duty_id, code),
  CONSTRAINT duty_figure_duty FOREIGN KEY (duty_id) REFERENCES duty_def (id),
  CONSTRAINT duty_figure_range CHECK (min_value <= max_value AND decimals <= 2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A year the office opened, and the day it set for the units' self-inspection reports.
CREATE TABLE duty_year (
  year         SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  inspect_due  DATE         NOT NULL,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by   VARCHAR(64)  NOT NULL,
  updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by   VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One duty of one year for one owner: a unit, or the office (unit_id NULL;
-- owner_key makes the pair unique either way, NULLs never collide).
CREATE TABLE duty_instance (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  duty_id       INT UNSIGNED NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NULL,
  owner_key     INT UNSIGNED AS (COALESCE(unit_id, 0)) STORED,
  due_date      DATE         NOT NULL,
  state         ENUM('open','submitted','accepted','returned') NOT NULL DEFAULT 'open',
  return_reason VARCHAR(500) NOT NULL DEFAULT '',
  submitted_at  DATETIME     NULL,
  submitted_by  VARCHAR(64)  NULL,
  decided_at    DATETIME     NULL,
  decided_by    VARCHAR(64)  NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    VARCHAR(64)  NOT NULL,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by    VARCHAR(64)  NOT NULL,
  UNIQUE KEY duty_instance_owner (duty_id, year, owner_key),
  KEY duty_instance_unit (unit_id, year),
  KEY duty_instance_state (state, year),
  KEY duty_instance_year (year, id),
  CONSTRAINT duty_instance_duty FOREIGN KEY (duty_id) REFERENCES duty_def (id),
  CONSTRAINT duty_instance_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A figure's value for an instance (one row per figure, replaced on each save).
CREATE TABLE duty_value (
  instance_id  BIGINT UNSIGNED NOT NULL,
  figure_id    INT UNSIGNED NOT NULL,
  value        DECIMAL(12,2) NOT NULL,
  updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by   VARCHAR(64)  NOT NULL,
  PRIMARY KEY (instance_id, figure_id),
  CONSTRAINT duty_value_instance FOREIGN KEY (instance_id) REFERENCES duty_instance (id),
  CONSTRAINT duty_value_figure FOREIGN KEY (figure_id) REFERENCES duty_figure (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A file of an instance's evidence, as inc_file (007): the type sniffed
-- from the bytes, its SHA-256, the bytes in 60 KiB pieces (core upload.c).
-- instance_id and unit_id are set in the transaction that stores it
-- (unit_id: the access check of a download; NULL for the office's own).
-- nonce: one file per form, however often it is sent.
CREATE TABLE duty_file (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id  BIGINT UNSIGNED NULL,
  unit_id      INT UNSIGNED NULL,
  note         VARCHAR(100) NOT NULL DEFAULT '',
  mime         ENUM('application/pdf','image/jpeg','image/png') NOT NULL,
  size         INT UNSIGNED NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  filename     VARCHAR(255) NOT NULL DEFAULT '',
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by   VARCHAR(64)  NOT NULL,
  KEY duty_file_instance (instance_id),
  CONSTRAINT duty_file_instance FOREIGN KEY (instance_id) REFERENCES duty_instance (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE duty_file_chunk (
  file_id      BIGINT UNSIGNED NOT NULL,
  seq          INT UNSIGNED NOT NULL,
  data         BLOB NOT NULL,
  PRIMARY KEY (file_id, seq),
  CONSTRAINT duty_file_chunk_file FOREIGN KEY (file_id) REFERENCES duty_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The duties of the seeds.  Where a seed names no day ("每年", yearly), the
-- due day is 15 December: the school's yearly summary to the province is
-- due then and reports them (seed 000 §4(9): the year's security budget
-- "随年度总结…一并报"), so their evidence must be in by that day.
INSERT INTO duty_def (code, title_zh, title_en, evidence_zh, evidence_en, owner, due_rule, due_month,
                      due_day, min_files, seed_ref, sort) VALUES
  -- seed 000 §4(1)5: 学校应于每年12月15日前…形成总结报告…上报教育厅网信办
  ('summary_report', '年度网络安全工作总结报告（报教育厅网信办）', 'Yearly security work summary to the province',
   '总结报告（盖章扫描件）', 'The summary report (sealed scan)', 'office', 'fixed', 12, 15, 1,
   'seed 000 §4(1)5', 10),
  -- seed 000 §4(4): 二级以上系统应完成公安机关备案…备案证明文件复印件于当年12月15日前报送
  ('mlps_filing', '二级及以上系统公安备案证明报送', 'Police filing proofs of level 2+ systems',
   '备案证明文件复印件', 'Copies of the filing certificates', 'office', 'fixed', 12, 15, 1,
   'seed 000 §4(4)', 20),
  -- seed 000 §4(5): 每年组织关键信息基础设施开展网络安全评估，评估报告加盖单位公章后于当年12月15日前报厅网信办
  ('cii_assessment', '关键信息基础设施网络安全评估报告', 'Critical-infrastructure security assessment report',
   '评估报告（加盖公章）', 'The assessment report (sealed)', 'office', 'fixed', 12, 15, 1,
   'seed 000 §4(5)', 30),
  -- seed 000 §4(6)(3): 各单位每年12月前完成本部门网络安全自查报告并提交校网信办 (the day: the office's; before December)
  ('self_inspection', '本单位网络安全自查报告', 'The unit''s security self-inspection report',
   '自查报告（盖章扫描件）', 'The self-inspection report (sealed scan)', 'unit', 'office_sets', 11, 30, 1,
   'seed 000 §4(6)(3)', 40),
  -- seed 000 §4(8)1, seed 001 task 20 (每年至少组织一次预案演练), seed 002 (每年至少开展一次网络安全应急实战演练)
  ('drill_school', '学校年度网络安全应急演练', 'The school''s yearly emergency drill',
   '应急预案、演练记录、总结报告', 'Plan, drill record, summary report', 'office', 'fixed', 12, 15, 3,
   'seed 000 §4(8)1; seed 001 #20; seed 002', 50),
  ('drill_unit', '本单位年度网络安全应急演练', 'The unit''s yearly emergency drill',
   '应急预案、演练记录、总结报告', 'Plan, drill record, summary report', 'unit', 'fixed', 12, 15, 3,
   'seed 000 §4(8)1, appendix 3 art. 8; seed 002', 60),
  -- seed 000 §4(8)1(2) and its work plan: 学校每年组织一次实战型攻防演练…通知文件、工作方案、演练记录和总结报告
  ('attack_defence', '年度实战型攻防演练', 'The yearly attack-and-defence exercise',
   '通知文件、工作方案、演练记录、总结报告', 'Notice, work plan, record, summary report', 'office', 'fixed',
   12, 15, 1, 'seed 000 §4(8)1(2)', 70),
  -- seed 000 §4(10)1: 在职人员年度人均…不少于4个学时；信息化管理人员和技术人员…不少于8个学时；培训后将学时证明提交校网信办
  ('training', '本单位年度网络安全培训学时', 'The unit''s yearly security training hours',
   '学时证明', 'Proofs of the hours', 'unit', 'fixed', 12, 15, 1, 'seed 000 §4(10)1', 80),
  -- seed 000 §4(10)2: 从事信息化和网络安全工作的人员拥有网络安全专业资质占比应达到60%
  ('certified_share', '技术人员网络安全专业资质占比', 'Share of technicians with a security certification',
   '技术人员名单和资质信息', 'The technicians and their certificates', 'office', 'fixed', 12, 15, 0,
   'seed 000 §4(10)2', 90),
  -- seed 000 §4(9): 新增信息化预算，网络安全占总经费的比例不低于5%; seed 002: 新建信息化项目的网络安全预算不低于项目总预算的5%
  ('budget_share', '新增信息化预算中网络安全经费占比', 'Security share of the new IT budgets',
   '预算立项表', 'The budget table', 'office', 'fixed', 12, 15, 0, 'seed 000 §4(9); seed 002', 100);

INSERT INTO duty_figure (duty_id, code, label_zh, label_en, unit, min_value, max_value, decimals, threshold,
                         required, sort)
  SELECT d.id, f.code, f.label_zh, f.label_en, f.unit, f.lo, f.hi, f.decimals, f.threshold, f.required, f.sort
  FROM duty_def d JOIN (
    -- seed 000 §4(10)1: 4 h per staff member, 8 h per technician, per year
              SELECT 'training' AS duty, 'staff_hours' AS code, '在职人员年度人均培训学时' AS label_zh,
                     'Training hours per staff member' AS label_en, 'hours' AS unit, 0 AS lo, 1000 AS hi,
                     1 AS decimals, 4 AS threshold, 1 AS required, 10 AS sort
    UNION ALL SELECT 'training', 'tech_hours', '信息化管理和技术人员年度人均培训学时',
                     'Training hours per IT manager or technician', 'hours', 0, 1000, 1, 8, 1, 20
    UNION ALL SELECT 'training', 'staff_count', '本单位在职人员数', 'Staff members', 'count', 0, 100000, 0,
                     NULL, 0, 30
    -- seed 000 §4(10)2: 60 %
    UNION ALL SELECT 'certified_share', 'tech_count', '从事信息化和网络安全工作的人员数',
                     'IT and security staff', 'count', 0, 100000, 0, NULL, 1, 10
    UNION ALL SELECT 'certified_share', 'certified_pct', '拥有网络安全专业资质的人员占比',
                     'Share holding a security certification', 'percent', 0, 100, 1, 60, 1, 20
    -- seed 000 §4(9), seed 002: 5 %
    UNION ALL SELECT 'budget_share', 'it_budget', '新增信息化预算总额', 'New IT budgets in total', 'wan_yuan',
                     0, 10000000, 2, NULL, 1, 10
    UNION ALL SELECT 'budget_share', 'security_pct', '其中网络安全经费占比', 'Security share of them', 'percent',
                     0, 100, 1, 5, 1, 20
  ) f ON f.duty = d.code;

-- The to-do (025-todo's columns): a unit's open or returned duty awaits
-- the unit, the office's own awaits the office, a submitted one awaits
-- the office's decision.  Due by the end of its day (clock 'workday').
CREATE VIEW todo_duties AS
  SELECT 'duties' AS module, 'duty' AS kind, i.unit_id AS unit_id, i.id AS record_id,
         d.title_zh AS title, i.due_date AS due_at, CAST(NULL AS DATETIME) AS since_at,
         'workday' AS clock, i.state AS state, CONCAT('/duties/', i.id) AS link, 'unit' AS actor
  FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id
  WHERE i.state IN ('open', 'returned') AND i.unit_id IS NOT NULL
  UNION ALL
  SELECT 'duties', 'duty', i.unit_id, i.id, d.title_zh, i.due_date, NULL, 'workday', i.state,
         CONCAT('/duties/', i.id), 'office'
  FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id
  WHERE i.state IN ('open', 'returned') AND i.unit_id IS NULL
  UNION ALL
  SELECT 'duties', 'duty', i.unit_id, i.id, d.title_zh, NULL, NULL, 'workday', i.state,
         CONCAT('/duties/', i.id), 'office'
  FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id
  WHERE i.state = 'submitted';

-- 025's todo_item, as it was, with the duties added.
CREATE OR REPLACE VIEW todo_item AS
  SELECT * FROM todo_registration
  UNION ALL SELECT * FROM todo_pledges
  UNION ALL SELECT * FROM todo_systems
  UNION ALL SELECT * FROM todo_incidents
  UNION ALL SELECT * FROM todo_cloud
  UNION ALL SELECT * FROM todo_websites
  UNION ALL SELECT * FROM todo_duties;
