-- 031-lists-incidents: the indexes the incidents module's lists sort and
-- seek along (core/listq.h: every sort is a keyset seek on (column, id), so
-- each sortable column needs an index ending in the id, and one starting
-- with the unit for the ?unit= filter and a unit's own staff).
-- Reads: inc_incident, inc_notice, inc_period (schema 007).
--
-- incidents (modules/incidents/board.c): ?sort=started|reported; by id the
-- primary key and inc_incident_unit (unit_id, id) serve already.
ALTER TABLE inc_incident
  ADD KEY inc_incident_started (started_at, id),
  ADD KEY inc_incident_unit_started (unit_id, started_at, id),
  ADD KEY inc_incident_reported (reported_at, id),
  ADD KEY inc_incident_unit_reported (unit_id, reported_at, id);

-- threat notices (modules/incidents/notice.c): ?sort=due|received|id for
-- every status; open and overdue by due date keep inc_notice_open and
-- inc_notice_waiting (schema 007).
ALTER TABLE inc_notice
  ADD KEY inc_notice_due (due_at, id),
  ADD KEY inc_notice_unit_due (unit_id, due_at, id),
  ADD KEY inc_notice_received (received_at, id),
  ADD KEY inc_notice_unit_received (unit_id, received_at, id),
  ADD KEY inc_notice_unit_id (unit_id, id);

-- important periods (modules/incidents/period.c): ?sort=name; by id the
-- primary key, by first day inc_period_starts (starts, id) serve already.
ALTER TABLE inc_period ADD KEY inc_period_name (name);
