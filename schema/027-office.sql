-- 027-office: what the office's management pages (modules/office) need of
-- the core tables of 001 and 023.  Reads and writes: unit, account, audit,
-- calendar_day, site_setting.
--
-- unit: a parent unit (a department under a college, a lab under a
-- centre); the office page refuses a parent that would make a cycle.  A
-- closed unit keeps every record that names it: active goes to 0 (so it
-- leaves the pickers and new work, which all read active = 1) and
-- closed_at/closed_by say when and by whom; reopening clears both.
ALTER TABLE unit
  ADD COLUMN parent_id INT UNSIGNED NULL AFTER kind,
  ADD COLUMN closed_at DATETIME    NULL AFTER active,
  ADD COLUMN closed_by VARCHAR(64) NULL AFTER closed_at,
  ADD CONSTRAINT unit_parent FOREIGN KEY (parent_id) REFERENCES unit (id),
  ADD KEY unit_parent (parent_id);

-- site_setting: the office's overrides of wangan.conf's module settings
-- (registration.report_days, modules, …); wangan.conf's value is the
-- default, a row here wins, a row whose value is NULL means "back to the
-- default".  `name` is the setting's key (KEY is a reserved word).
-- version is one sequence over the whole table — a write sets its row's
-- version to MAX(version) + 1 — so a worker sees any change with one cheap
-- SELECT MAX(version) (core/setting.c) and a form's version check (409)
-- still works per row.
CREATE TABLE site_setting (
  name        VARCHAR(64)   NOT NULL PRIMARY KEY,
  value       VARCHAR(1024) NULL,
  version     INT UNSIGNED  NOT NULL,
  updated_at  DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)   NOT NULL,
  KEY site_setting_version (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- audit: the viewer (/office/audit) pages by the key (at, id) newest first,
-- filtered by the acting person's unit, by person or by record.  audit_at
-- (at) carries id as InnoDB's secondary keys do; these add the filters in
-- front of it so each filtered page reads only its rows.
ALTER TABLE audit
  ADD KEY audit_unit_at (unit_id, at),
  ADD KEY audit_rec_at (record_type, record_id, at);
