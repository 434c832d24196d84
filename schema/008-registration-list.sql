-- 008-registration-list: reg_summary, the list page's read model, also
-- carries the unit's code, names, kind and active flag, and is clustered by
-- unit code.  A list page is then one range read of 51 consecutive rows of
-- one table, where before it walked the (active, code) index and fetched
-- each unit and each summary row by id: MariaDB's time for the page fell
-- by a third (README, make bench).  Written, as before, only by the change
-- transaction (its unit's row) and by wangan-admin after loading units or
-- holders (every row): modules/registration/summary.h.

DROP TABLE reg_summary;

CREATE TABLE reg_summary (
  code             VARCHAR(32)  NOT NULL PRIMARY KEY,
  unit_id          INT UNSIGNED NOT NULL,
  name             VARCHAR(128) NOT NULL,
  name_en          VARCHAR(128) NOT NULL DEFAULT '',
  kind             ENUM('school','center','college','office','affiliated','other') NOT NULL,
  active           TINYINT(1)   NOT NULL,
  first_name       VARCHAR(64) NULL,
  first_mobile     VARCHAR(20) NULL,
  direct_name      VARCHAR(64) NULL,
  direct_mobile    VARCHAR(20) NULL,
  secadmin_name    VARCHAR(64) NULL,
  secadmin_mobile  VARCHAR(20) NULL,
  liaison_name     VARCHAR(64) NULL,
  liaison_mobile   VARCHAR(20) NULL,
  sysadmin_name    VARCHAR(64) NULL,
  sysadmin_mobile  VARCHAR(20) NULL,
  late             TINYINT(1)  NOT NULL DEFAULT 0,
  UNIQUE KEY reg_summary_unit (unit_id),
  CONSTRAINT reg_summary_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO reg_summary
SELECT u.code, u.id, u.name, COALESCE(u.name_en, ''), u.kind, u.active,
       f.name, f.mobile, d.name, d.mobile, s.name, s.mobile, l.name, l.mobile,
       y.name, y.mobile,
       EXISTS (SELECT 1 FROM reg_holder x WHERE x.unit_id = u.id AND x.late = 1)
FROM unit u
LEFT JOIN reg_holder f ON f.unit_id = u.id AND f.role = 'first'    AND f.is_current = 1
LEFT JOIN reg_holder d ON d.unit_id = u.id AND d.role = 'direct'   AND d.is_current = 1
LEFT JOIN reg_holder s ON s.unit_id = u.id AND s.role = 'secadmin' AND s.is_current = 1
LEFT JOIN reg_holder l ON l.unit_id = u.id AND l.role = 'liaison'  AND l.is_current = 1
LEFT JOIN reg_holder y ON y.unit_id = u.id AND y.role = 'sysadmin' AND y.is_current = 1;
