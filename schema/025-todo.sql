-- 025-todo: what each module has due, as views of one shape, and their
-- union todo_item, which the home page (modules/home) reads and nothing
-- else: the home module never calls another module's code (DESIGN.md, the
-- module contract).  Reads: unit (001-core), reg_holder (002), pledge_*
-- (004), sys_system, sys_finding (006), inc_incident, inc_notice,
-- inc_period, inc_period_report (007), cloud_vm (012, 014), cloud_change
-- (018), web_site (019), web_outage (020), web_finding (021), web_refile
-- (022).
--
-- Every view has the same columns:
--   module     the module that owns the record ("registration", …)
--   kind       what is due ("holder_missing", "assessment", "incident_step", …)
--   unit_id    the unit whose item it is (a unit account sees only its own)
--   record_id  the record's id; link is its page
--   title      the record's own words (unit name, system name, domain, notice number)
--   due_at     the deadline, NULL when none runs.  clock says how it is read:
--              'hour'    an exact time (incident steps, today's 报平安): time left
--                        in hours and minutes;
--              'workday' a day (a DATE, or a DATETIME on that day): due by the end
--                        of it; time left in working days.
--              The columns are the modules' own (next_due, rereg_due, fix_by, …),
--              not expressions of them, so a filter on due_at pushed into a
--              branch reads along the module's index.
--   since_at   when the clock started, where the deadline is a site setting the
--              view cannot know: a re-sign (pledges.resign_days working days
--              after the first responsible person changed).  The home module
--              computes it in C from the calendar it already holds (core
--              workday.c): a SQL walk of calendar_day per row would cost a
--              dozen lookups per item, where C turns the limit into one
--              threshold date once per request and SQL compares since_at
--              with it along the index.
--   state      the record's state or step (the sub-kind: which role is missing,
--              which step is next, which pledge kind)
--   actor      who must act: 'unit' (the unit's staff), 'unit_head', 'office',
--              'center', 'leader'
--
-- A branch lists every open item, far deadlines too; the home page keeps
-- the overdue, the due soon, and what awaits the reader.  Each branch has
-- one actor, a constant: the home page's filter on actor then drops the
-- other branches before they read a row, and the branch it keeps reads
-- along its state's index (cloud_vm_state, web_site_state, …) — a CASE
-- over the state would have to read every open record to evaluate it.

-- Registration: a role without a current holder (the site's optional roles,
-- liaison and sysadmin, are filtered by the home page from
-- registration.roles: state is the role).
CREATE VIEW todo_registration AS
  SELECT 'registration' AS module, 'holder_missing' AS kind, u.id AS unit_id, u.id AS record_id,
         u.name AS title, CAST(NULL AS DATETIME) AS due_at, CAST(NULL AS DATETIME) AS since_at,
         'workday' AS clock, r.role AS state, CONCAT('/registration/', u.id) AS link, 'unit' AS actor
  FROM unit u
  JOIN (SELECT 'first' AS role UNION ALL SELECT 'direct' UNION ALL SELECT 'secadmin'
        UNION ALL SELECT 'liaison' UNION ALL SELECT 'sysadmin') r
  LEFT JOIN reg_holder h ON h.unit_id = u.id AND h.role = r.role AND h.is_current = 1
  WHERE u.active = 1 AND h.id IS NULL;

-- Pledges: a unit's or a person's required pledge never signed (as the
-- coverage page's rules: the school the school pledge, every other unit the
-- unit pledge, the letters of pledge_requirement, each person the software
-- pledge), and a re-sign opened by a new first responsible person (the
-- home page keeps the kinds of pledges.resign_kinds: state is the kind).
CREATE VIEW todo_pledges AS
  SELECT 'pledges' AS module, 'sign_missing' AS kind, u.id AS unit_id, u.id AS record_id,
         u.name AS title, CAST(NULL AS DATETIME) AS due_at, CAST(NULL AS DATETIME) AS since_at,
         'workday' AS clock, IF(u.kind = 'school', 'school_pledge', 'unit_pledge') AS state,
         CONCAT('/pledges/units/', u.id) AS link, 'unit' AS actor
  FROM unit u
  LEFT JOIN pledge_signing s ON s.kind = IF(u.kind = 'school', 'school_pledge', 'unit_pledge')
       AND s.party_type = 'unit' AND s.party_id = u.id AND s.is_current = 1
  WHERE u.active = 1 AND s.id IS NULL
  UNION ALL
  SELECT 'pledges', 'sign_missing', u.id, u.id, u.name, NULL, NULL, 'workday', q.kind,
         CONCAT('/pledges/units/', u.id), 'unit'
  FROM pledge_requirement q JOIN unit u ON u.id = q.unit_id
  LEFT JOIN pledge_signing s ON s.kind = q.kind AND s.party_type = 'unit' AND s.party_id = u.id
       AND s.is_current = 1
  WHERE u.active = 1 AND s.id IS NULL
  UNION ALL
  SELECT 'pledges', 'sign_missing', p.unit_id, p.unit_id, p.name, NULL, NULL, 'workday', 'software',
         CONCAT('/pledges/units/', p.unit_id), 'unit'
  FROM pledge_person p
  LEFT JOIN pledge_signing s ON s.kind = 'software' AND s.party_type = 'person' AND s.party_id = p.id
       AND s.is_current = 1
  WHERE p.active = 1 AND s.id IS NULL
  UNION ALL
  SELECT 'pledges', 'resign', s.unit_id, s.party_id, u.name, NULL, MIN(h.effective_date), 'workday',
         s.kind, CONCAT('/pledges/units/', s.party_id), 'unit'
  FROM pledge_signing s JOIN unit u ON u.id = s.party_id
  JOIN reg_holder h ON h.unit_id = s.party_id AND h.role = 'first' AND h.effective_date > s.signed_date
  WHERE s.party_type = 'unit' AND s.is_current = 1 AND u.active = 1
  GROUP BY s.id, s.unit_id, s.party_id, u.name, s.kind;

-- Systems: the next assessment (next_due: the module's cycle by level, and
-- the CII report), and an assessment's findings not yet fixed.
CREATE VIEW todo_systems AS
  SELECT 'systems' AS module, 'assessment' AS kind, s.unit_id AS unit_id, s.id AS record_id,
         s.name AS title, s.next_due AS due_at, CAST(NULL AS DATETIME) AS since_at, 'workday' AS clock,
         CAST(s.level AS CHAR) AS state, CONCAT('/systems/', s.id) AS link, 'unit' AS actor
  FROM sys_system s
  WHERE s.next_due IS NOT NULL
  UNION ALL
  SELECT 'systems', 'finding', s.unit_id, f.id, s.name, f.fix_deadline, NULL, 'workday', 'open',
         CONCAT('/systems/', s.id), 'unit'
  FROM sys_finding f JOIN sys_system s ON s.id = f.system_id
  WHERE f.done_date IS NULL;

-- Incidents: an open incident's next step on its reporting clock (next_due,
-- which the module writes at every change from the limits in force when the
-- incident was filed: clock.c), and who takes it; a threat notice waiting
-- for the unit (assigned, returned) or for the office (responded); each
-- active unit's 报平安 of today in a declared important period.
CREATE VIEW todo_incidents AS
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
  WHERE n.waiting = 1
  UNION ALL
  SELECT 'incidents', 'notice', n.unit_id, n.id, n.notice_no, n.due_at, NULL, 'workday', n.status,
         CONCAT('/incidents/notices/', n.id), 'office'
  FROM inc_notice n
  WHERE n.open_ = 1 AND n.waiting = 0
  UNION ALL
  SELECT 'incidents', 'period_report', u.id, p.id, p.name, TIMESTAMP(CURDATE(), '23:59:59'), NULL,
         'hour', 'today', CONCAT('/incidents/periods/', p.id), 'unit'
  FROM inc_period p JOIN unit u ON u.active = 1
  LEFT JOIN inc_period_report r ON r.period_id = p.id AND r.day = CURDATE() AND r.unit_id = u.id
  WHERE p.starts <= CURDATE() AND p.ends >= CURDATE() AND r.id IS NULL;

-- Cloud: a request at each review step (the unit head, the office, the
-- centre's provisioning), one returned to its applicant, a VM released and
-- waiting for the centre, a change or renewal waiting for the office, and
-- the yearly re-registration (rereg_due, computed by the module).
CREATE VIEW todo_cloud AS
  SELECT 'cloud' AS module, 'request' AS kind, v.unit_id AS unit_id, v.id AS record_id,
         v.purpose AS title, CAST(NULL AS DATETIME) AS due_at, CAST(NULL AS DATETIME) AS since_at,
         'workday' AS clock, v.state AS state, CONCAT('/cloud/', v.id) AS link, 'unit_head' AS actor
  FROM cloud_vm v
  WHERE v.state = 'submitted'
  UNION ALL
  SELECT 'cloud', 'request', v.unit_id, v.id, v.purpose, NULL, NULL, 'workday', v.state,
         CONCAT('/cloud/', v.id), 'office'
  FROM cloud_vm v
  WHERE v.state = 'unit_approved'
  UNION ALL
  SELECT 'cloud', 'request', v.unit_id, v.id, v.purpose, NULL, NULL, 'workday', v.state,
         CONCAT('/cloud/', v.id), 'center'
  FROM cloud_vm v
  WHERE v.state = 'office_approved'
  UNION ALL
  SELECT 'cloud', 'request', v.unit_id, v.id, v.purpose, NULL, NULL, 'workday', v.state,
         CONCAT('/cloud/', v.id), 'center'
  FROM cloud_vm v
  WHERE v.state = 'released'
  UNION ALL
  SELECT 'cloud', 'request', v.unit_id, v.id, v.purpose, NULL, NULL, 'workday', v.state,
         CONCAT('/cloud/', v.id), 'unit'
  FROM cloud_vm v
  WHERE v.state = 'returned'
  UNION ALL
  SELECT 'cloud', 'rereg', v.unit_id, v.id, COALESCE(v.server_name, v.purpose), v.rereg_due, NULL,
         'workday', v.state, CONCAT('/cloud/', v.id, '/rereg'), 'unit'
  FROM cloud_vm v
  WHERE v.state IN ('active', 'suspended') AND v.rereg_due IS NOT NULL
  UNION ALL
  SELECT 'cloud', 'change', v.unit_id, v.id, COALESCE(v.server_name, v.purpose), NULL, NULL,
         'workday', g.kind, CONCAT('/cloud/', v.id), 'office'
  FROM cloud_change g JOIN cloud_vm v ON v.id = g.vm_id
  WHERE g.pending = 1;

-- Websites: a filing at each step (the unit head's approval, the centre's
-- check and opening, the unit's rectification or re-filing of a returned or
-- discovered site — the latter by file_by), an open finding by its fix-by
-- date, a re-filing waiting for the centre, and an outage the unit has not
-- handled yet.
CREATE VIEW todo_websites AS
  SELECT 'websites' AS module, 'site' AS kind, w.unit_id AS unit_id, w.id AS record_id,
         w.domain AS title, w.file_by AS due_at, CAST(NULL AS DATETIME) AS since_at, 'workday' AS clock,
         w.state AS state, CONCAT('/websites/', w.id) AS link, 'unit_head' AS actor
  FROM web_site w
  WHERE w.state = 'submitted'
  UNION ALL
  SELECT 'websites', 'site', w.unit_id, w.id, w.domain, w.file_by, NULL, 'workday', w.state,
         CONCAT('/websites/', w.id), 'center'
  FROM web_site w
  WHERE w.state IN ('approved', 'recheck', 'passed')
  UNION ALL
  SELECT 'websites', 'site', w.unit_id, w.id, w.domain, w.file_by, NULL, 'workday', w.state,
         CONCAT('/websites/', w.id), 'unit'
  FROM web_site w
  WHERE w.state IN ('returned', 'rectifying', 'discovered')
  UNION ALL
  SELECT 'websites', 'finding', f.unit_id, f.id, w.domain, f.fix_by, NULL, 'workday', f.severity,
         CONCAT('/websites/', f.site_id), 'unit'
  FROM web_finding f JOIN web_site w ON w.id = f.site_id
  WHERE f.fixed_at IS NULL AND w.state NOT IN ('withdrawn', 'closed')
  UNION ALL
  SELECT 'websites', 'refile', w.unit_id, r.id, w.domain, NULL, NULL, 'workday', r.state,
         CONCAT('/websites/', w.id), 'center'
  FROM web_refile r JOIN web_site w ON w.id = r.site_id
  WHERE r.pending = 1
  UNION ALL
  SELECT 'websites', 'outage', w.unit_id, o.id, w.domain, NULL, o.started_at, 'hour', 'down',
         CONCAT('/websites/', w.id), 'unit'
  FROM web_outage o JOIN web_site w ON w.id = o.site_id
  WHERE o.pending = 1;

CREATE VIEW todo_item AS
  SELECT * FROM todo_registration
  UNION ALL SELECT * FROM todo_pledges
  UNION ALL SELECT * FROM todo_systems
  UNION ALL SELECT * FROM todo_incidents
  UNION ALL SELECT * FROM todo_cloud
  UNION ALL SELECT * FROM todo_websites;

-- What the views' filters read along (the rest have their modules' keys):
-- the office's pending changes, and open incidents by their next step.
ALTER TABLE cloud_change ADD KEY cloud_change_open (pending, vm_id);
ALTER TABLE inc_incident ADD KEY inc_incident_step (status, next_step, unit_id);
