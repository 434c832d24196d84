-- 030-lists-more: the indexes the websites and cloud lists' sort and search
-- read along (core/listq.h; as 028 for the registration and systems lists:
-- each sortable column other than the id needs an index ending in the id,
-- which InnoDB appends to a secondary index by itself; each searched
-- column an index its prefix match can range over).
-- Reads: web_site (schema 019), cloud_vm (012, 014).
--
-- websites (modules/websites/sql.c): ?sort=domain|name along their own
-- index, or (unit_id, col) for one unit; the search's prefixes of the
-- name, the domain, the IP and the two responsible people.
ALTER TABLE web_site
  ADD KEY web_site_name (name),
  ADD KEY web_site_domain (domain),
  ADD KEY web_site_unit_name (unit_id, name),
  ADD KEY web_site_unit_domain (unit_id, domain),
  ADD KEY web_site_ip (ip),
  ADD KEY web_site_admin (admin_name),
  ADD KEY web_site_leader (leader_name);

-- cloud (modules/cloud/sql.c): ?sort=applicant along its own index, or
-- (unit_id, applicant) for one unit; the search's prefixes of the server
-- name, the IP (also read by the websites search, through a filing's VM),
-- the applicant and the contact.
ALTER TABLE cloud_vm
  ADD KEY cloud_vm_applicant (applicant),
  ADD KEY cloud_vm_unit_applicant (unit_id, applicant),
  ADD KEY cloud_vm_server (server_name),
  ADD KEY cloud_vm_ip (ip),
  ADD KEY cloud_vm_contact (contact);
