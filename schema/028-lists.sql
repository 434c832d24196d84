-- 028-lists: the indexes the lists' sort and search read along (core/listq.h:
-- every sort is a keyset seek on (column, tie), so each sortable column
-- other than the key needs an index ending in the tie; InnoDB appends the
-- primary key to a secondary index by itself).
-- Reads: reg_summary (schema 008), sys_system (006).
--
-- registration: ?sort=name reads reg_summary_name (name, code); the search
-- is a bounded scan of reg_summary (one row per unit), see
-- modules/registration/sql.c.
ALTER TABLE reg_summary ADD KEY reg_summary_name (name);

-- systems (reads sys_system, schema 006): ?sort=name along sys_system_name,
-- or (unit_id, name) for one unit; the search's prefixes of the name, the
-- URL, the IP list and the administrator's name each along their own index
-- (modules/systems/sql.c).
ALTER TABLE sys_system
  ADD KEY sys_system_name (name),
  ADD KEY sys_system_unit_name (unit_id, name),
  ADD KEY sys_system_url (url),
  ADD KEY sys_system_ips (ips(64)),
  ADD KEY sys_system_admin (admin_name);
