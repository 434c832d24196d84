-- 026-dashboard: the office's dashboard (issue 13, "The office's dashboard
-- and the unit scorecard"): a matrix of units × duties, read 50 rows at a
-- time along an index, from a snapshot the module refreshes set-based.
--
-- Reads (the duty definitions, modules/dashboard/sql.c): unit (001),
-- reg_holder (002), pledge_requirement, pledge_signing, pledge_person
-- (004), sys_system (006), inc_incident, inc_notice, inc_period,
-- inc_period_report (007), cloud_vm (012, 014), web_site (019),
-- web_finding (021).
--
-- dash_unit: one row per unit, four numbers per duty — green (done), amber
-- (due soon / in progress), red (overdue / missing) and their total.  A
-- naive GROUP BY over every module's tables per request cost 1.3 s at
-- 2,000 units; here the module rewrites the table with one INSERT … SELECT
-- … ON DUPLICATE KEY UPDATE per duty, in one transaction, when the
-- snapshot is older than dashboard.refresh_seconds, and only the worker
-- holding GET_LOCK('wangan-dashboard') does it: the others go on reading
-- the previous snapshot (InnoDB's consistent read) meanwhile.  The matrix
-- sorts by unit code or by any duty's red count (worst first): one index
-- each, (active, X_r DESC, code), so a page is 51 index entries.
-- The duties (the rule of each is written over its SQL in sql.c and in
-- the page's help):
--   reg     registration complete      registration.roles held
--   pledge  pledges current            every required signing current
--   sys     systems filed and assessed graded, filed (level ≥ 2), assessed on time
--   vm      VMs re-registered          yearly re-registration not past due
--   web     websites filed and checked online, no finding past its fix-by date
--   inc     incidents reported on time first report within the clock (this year)
--   notice  notices closed             closed within the deadline (this year)
--   period  报平安 sent                 a report for every day of every period (this year)
-- dash_month: incidents per month and category (the charts), rebuilt in
-- the same transaction.
-- dash_meta: the one row saying when the snapshot was taken and how long
-- it took, for "数据截至 HH:MM".

CREATE TABLE dash_unit (
  unit_id     INT UNSIGNED NOT NULL PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL DEFAULT '',
  name        VARCHAR(128) NOT NULL DEFAULT '',
  name_en     VARCHAR(128) NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 0,
  reg_g INT UNSIGNED NOT NULL DEFAULT 0, reg_a INT UNSIGNED NOT NULL DEFAULT 0,
  reg_r INT UNSIGNED NOT NULL DEFAULT 0, reg_t INT UNSIGNED NOT NULL DEFAULT 0,
  pledge_g INT UNSIGNED NOT NULL DEFAULT 0, pledge_a INT UNSIGNED NOT NULL DEFAULT 0,
  pledge_r INT UNSIGNED NOT NULL DEFAULT 0, pledge_t INT UNSIGNED NOT NULL DEFAULT 0,
  sys_g INT UNSIGNED NOT NULL DEFAULT 0, sys_a INT UNSIGNED NOT NULL DEFAULT 0,
  sys_r INT UNSIGNED NOT NULL DEFAULT 0, sys_t INT UNSIGNED NOT NULL DEFAULT 0,
  vm_g INT UNSIGNED NOT NULL DEFAULT 0, vm_a INT UNSIGNED NOT NULL DEFAULT 0,
  vm_r INT UNSIGNED NOT NULL DEFAULT 0, vm_t INT UNSIGNED NOT NULL DEFAULT 0,
  web_g INT UNSIGNED NOT NULL DEFAULT 0, web_a INT UNSIGNED NOT NULL DEFAULT 0,
  web_r INT UNSIGNED NOT NULL DEFAULT 0, web_t INT UNSIGNED NOT NULL DEFAULT 0,
  inc_g INT UNSIGNED NOT NULL DEFAULT 0, inc_a INT UNSIGNED NOT NULL DEFAULT 0,
  inc_r INT UNSIGNED NOT NULL DEFAULT 0, inc_t INT UNSIGNED NOT NULL DEFAULT 0,
  notice_g INT UNSIGNED NOT NULL DEFAULT 0, notice_a INT UNSIGNED NOT NULL DEFAULT 0,
  notice_r INT UNSIGNED NOT NULL DEFAULT 0, notice_t INT UNSIGNED NOT NULL DEFAULT 0,
  period_g INT UNSIGNED NOT NULL DEFAULT 0, period_a INT UNSIGNED NOT NULL DEFAULT 0,
  period_r INT UNSIGNED NOT NULL DEFAULT 0, period_t INT UNSIGNED NOT NULL DEFAULT 0,
  KEY dash_unit_code (active, code),
  KEY dash_unit_reg (active, reg_r DESC, code),
  KEY dash_unit_pledge (active, pledge_r DESC, code),
  KEY dash_unit_sys (active, sys_r DESC, code),
  KEY dash_unit_vm (active, vm_r DESC, code),
  KEY dash_unit_web (active, web_r DESC, code),
  KEY dash_unit_inc (active, inc_r DESC, code),
  KEY dash_unit_notice (active, notice_r DESC, code),
  KEY dash_unit_period (active, period_r DESC, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dash_month (
  year        SMALLINT UNSIGNED NOT NULL,
  month       TINYINT UNSIGNED  NOT NULL,
  taxonomy    VARCHAR(16)  NOT NULL,
  category    VARCHAR(32)  NOT NULL,
  n           INT UNSIGNED NOT NULL,
  PRIMARY KEY (year, taxonomy, category, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dash_meta (
  id           TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  refreshed_at DATETIME     NULL,
  refresh_ms   INT UNSIGNED NOT NULL DEFAULT 0,
  refreshed_by VARCHAR(64)  NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO dash_meta (id, refreshed_at) VALUES (1, NULL);
