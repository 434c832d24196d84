-- 010-registration-summary-refresh: reg_summary (003, 008) is refreshed by
-- one procedure, so the SQL that derives it exists once.  The registration
-- module calls it in each change's transaction; triggers on unit call it
-- for any writer of units (wangan-admin's loads today, the office's unit
-- pages later), so no other program needs to know the read model exists.
-- reg_summary_refresh(NULL) rebuilds every row (after a bulk load of holders).

CREATE PROCEDURE reg_summary_refresh(IN p_unit INT UNSIGNED)
  REPLACE INTO reg_summary (code, unit_id, name, name_en, kind, active,
    first_name, first_mobile, direct_name, direct_mobile,
    secadmin_name, secadmin_mobile, liaison_name, liaison_mobile, sysadmin_name,
    sysadmin_mobile, late)
  SELECT u.code, u.id, u.name, COALESCE(u.name_en, ''), u.kind, u.active,
    f.name, f.mobile, d.name, d.mobile, s.name, s.mobile, l.name, l.mobile,
    y.name, y.mobile,
    EXISTS (SELECT 1 FROM reg_holder x WHERE x.unit_id = u.id AND x.late = 1)
  FROM unit u
  LEFT JOIN reg_holder f ON f.unit_id = u.id AND f.role = 'first' AND f.is_current = 1
  LEFT JOIN reg_holder d ON d.unit_id = u.id AND d.role = 'direct' AND d.is_current = 1
  LEFT JOIN reg_holder s ON s.unit_id = u.id AND s.role = 'secadmin' AND s.is_current = 1
  LEFT JOIN reg_holder l ON l.unit_id = u.id AND l.role = 'liaison' AND l.is_current = 1
  LEFT JOIN reg_holder y ON y.unit_id = u.id AND y.role = 'sysadmin' AND y.is_current = 1
  WHERE p_unit IS NULL OR u.id = p_unit;

CREATE TRIGGER unit_summary_insert AFTER INSERT ON unit FOR EACH ROW
  CALL reg_summary_refresh(NEW.id);

CREATE TRIGGER unit_summary_update AFTER UPDATE ON unit FOR EACH ROW
  CALL reg_summary_refresh(NEW.id);
