-- 033: the reporting rules an incident was filed under (issue 14).  A site
-- names its profile (incidents.profile: seed003, seed000, national2025-cii,
-- -central, -other; modules/incidents/profile.c); every incident keeps the
-- profile's code and its document's version next to the limits it was
-- filed with (lim_*, schema 007), as it keeps its taxonomy version, so a
-- later change of rules never re-judges an old report.  Incidents filed
-- before this migration followed seed 003's rules, the only ones there were.
ALTER TABLE inc_incident
  ADD COLUMN profile         VARCHAR(32) NOT NULL DEFAULT 'seed003' AFTER lim_rectify_days,
  ADD COLUMN profile_version VARCHAR(32) NOT NULL DEFAULT '2019-91' AFTER profile;
