-- 035-rectify: inspection rectification notices (限期整改通知书, seed 003
-- art. 35: the inspection's findings sent to a unit, which draws up its
-- rectification and reports it done) next to the threat notices, in the
-- same tables: an inc_notice of kind 'rectify' is issued by the office to a
-- unit after an inspection, with its findings (description, one a line) and
-- the deadline the notice states (due_at: the end of that day, not
-- computed); the unit's rectification reports are inc_notice_response rows
-- (the text and a file, as a threat notice's handling report), which the
-- office closes (accepted) or returns with a reason.  Its source is '' (the
-- office itself), so (source, notice_no) keeps the numbers of the office's
-- notices unique among themselves.  Reads: inc_notice, inc_notice_response
-- (007), inc_incident, inc_period, inc_period_report, unit (for the to-do).

ALTER TABLE inc_notice
  ADD COLUMN kind ENUM('threat','rectify') NOT NULL DEFAULT 'threat' AFTER id,
  ADD COLUMN inspection VARCHAR(128) NOT NULL DEFAULT '' AFTER notice_no,
  -- the rectification list's own (open, due) and (unit, due) walks
  ADD KEY inc_notice_kind_open (kind, open_, due_at, id),
  ADD KEY inc_notice_kind_unit (kind, unit_id, due_at, id);

-- The home to-do's incidents branch (025-todo), with the rectification
-- notices: the unit's while issued or returned, the office's once a report
-- is submitted.  The threat notices' branches keep to their kind.  Only
-- todo_incidents is redefined here: todo_item (025, and whoever redefines
-- it later) reads it by name and keeps working.
CREATE OR REPLACE VIEW todo_incidents AS
  SELECT 'incidents' AS module, 'incident_step' AS kind, i.unit_id AS unit_id, i.id AS record_id,
         IF(i.system_name <> '', i.system_name, i.category) AS title,
         IF(i.next_due = '9999-12-31 23:59:59', NULL, i.next_due) AS due_at,
         CAST(NULL AS DATETIME) AS since_at, 'hour' AS clock, i.next_step AS state,
         CONCAT('/incidents/', i.id) AS link, 'unit' AS actor
  FROM inc_incident i
  WHERE i.status = 'open' AND i.next_step IN ('first', 'written', 'handled', 'rectify')
  UNION ALL
  SELECT 'incidents', 'incident_step', i.unit_id, i.id, IF(i.system_name <> '', i.system_name, i.category),
         IF(i.next_due = '9999-12-31 23:59:59', NULL, i.next_due), NULL, 'hour', i.next_step,
         CONCAT('/incidents/', i.id), 'unit_head'
  FROM inc_incident i
  WHERE i.status = 'open' AND i.next_step = 'review'
  UNION ALL
  SELECT 'incidents', 'incident_step', i.unit_id, i.id, IF(i.system_name <> '', i.system_name, i.category),
         IF(i.next_due = '9999-12-31 23:59:59', NULL, i.next_due), NULL, 'hour', i.next_step,
         CONCAT('/incidents/', i.id), 'office'
  FROM inc_incident i
  WHERE i.status = 'open' AND i.next_step IN ('propose', 'close')
  UNION ALL
  SELECT 'incidents', 'incident_step', i.unit_id, i.id, IF(i.system_name <> '', i.system_name, i.category),
         NULL, NULL, 'hour', 'confirm', CONCAT('/incidents/', i.id), 'leader'
  FROM inc_incident i
  -- a proposed level awaits a leader from the proposal on, whatever step's
  -- clock is nearest (next_step), and its confirmation has no deadline of
  -- its own: the level decides the reports still owed, so the sooner the better
  WHERE i.status = 'open' AND COALESCE(i.level, 0) = 0 AND COALESCE(i.level_proposed, 0) <> 0
  UNION ALL
  SELECT 'incidents', 'notice', n.unit_id, n.id, n.notice_no, n.due_at, NULL, 'workday', n.status,
         CONCAT('/incidents/notices/', n.id), 'unit'
  FROM inc_notice n
  WHERE n.waiting = 1 AND n.kind = 'threat'
  UNION ALL
  SELECT 'incidents', 'notice', n.unit_id, n.id, n.notice_no, n.due_at, NULL, 'workday', n.status,
         CONCAT('/incidents/notices/', n.id), 'office'
  FROM inc_notice n
  WHERE n.open_ = 1 AND n.waiting = 0 AND n.kind = 'threat'
  UNION ALL
  -- a rectification notice: the unit's until it reports, the office's to close it;
  -- due by the end of the day the notice states ('workday': a day's deadline)
  SELECT 'incidents', 'rectify', n.unit_id, n.id, n.notice_no, n.due_at, NULL, 'workday', n.status,
         CONCAT('/incidents/rectify/', n.id), 'unit'
  FROM inc_notice n
  WHERE n.waiting = 1 AND n.kind = 'rectify'
  UNION ALL
  SELECT 'incidents', 'rectify', n.unit_id, n.id, n.notice_no, n.due_at, NULL, 'workday', n.status,
         CONCAT('/incidents/rectify/', n.id), 'office'
  FROM inc_notice n
  WHERE n.open_ = 1 AND n.waiting = 0 AND n.kind = 'rectify'
  UNION ALL
  SELECT 'incidents', 'period_report', u.id, p.id, p.name, TIMESTAMP(CURDATE(), '23:59:59'), NULL,
         'hour', 'today', CONCAT('/incidents/periods/', p.id), 'unit'
  FROM inc_period p JOIN unit u ON u.active = 1
  LEFT JOIN inc_period_report r ON r.period_id = p.id AND r.day = CURDATE() AND r.unit_id = u.id
  WHERE p.starts <= CURDATE() AND p.ends >= CURDATE() AND r.id IS NULL;
