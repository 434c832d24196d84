-- 003-registration-summary: the list page's read model (see
-- modules/registration/summary.h).  One row per unit: each role's current
-- holder and a late flag.  Written only by the change transaction (for its
-- unit) and by wangan-admin after bulk loads; derived entirely from
-- reg_holder, so it can always be rebuilt with the INSERT below.

CREATE TABLE reg_summary (
  unit_id          INT UNSIGNED NOT NULL PRIMARY KEY,
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
  CONSTRAINT reg_summary_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO reg_summary
SELECT u.id, f.name, f.mobile, d.name, d.mobile, s.name, s.mobile, l.name, l.mobile,
       y.name, y.mobile,
       EXISTS (SELECT 1 FROM reg_holder x WHERE x.unit_id = u.id AND x.late = 1)
FROM unit u
LEFT JOIN reg_holder f ON f.unit_id = u.id AND f.role = 'first'    AND f.is_current = 1
LEFT JOIN reg_holder d ON d.unit_id = u.id AND d.role = 'direct'   AND d.is_current = 1
LEFT JOIN reg_holder s ON s.unit_id = u.id AND s.role = 'secadmin' AND s.is_current = 1
LEFT JOIN reg_holder l ON l.unit_id = u.id AND l.role = 'liaison'  AND l.is_current = 1
LEFT JOIN reg_holder y ON y.unit_id = u.id AND y.role = 'sysadmin' AND y.is_current = 1;
