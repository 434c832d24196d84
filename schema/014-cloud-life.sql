-- 014-cloud-life: what follows provisioning, and hosted servers (issue 11;
-- seed 003 art. 19-20, appendices 6-8).
--
-- kind: a VM on the school cloud (appendix 6) or a unit's own physical
-- server hosted in the data centre (appendix 8); both share the request
-- flow, the IP uniqueness and the life below.  A hosted server has no OS
-- image, so image_id may be NULL (its own columns come with its migration).
--
-- The states after active: suspended by the centre (letter art. 4, 8, 10)
-- and back to active when lifted; released by the unit (it no longer needs
-- the VM, awaiting the centre); decommissioned by the centre (released or
-- its period over); reclaimed by the centre after years without
-- re-registration (appendix 6 note 2).  The record is kept for good in all.
--
-- registered_on is the last (re-)registration: the provisioning date, then
-- each yearly re-registration.  rereg_due is the next one's due date as
-- the module computes it from the site's rule (NULL: none due, e.g. the
-- period ends first), stored so that the due lists read along an index.
--
-- ip_active: the address while the machine holds it (active, suspended,
-- released until the centre takes it down), unique across VMs and hosts.
ALTER TABLE cloud_vm
  MODIFY state ENUM('draft','submitted','unit_approved','office_approved','active',
                    'returned','withdrawn','suspended','released','decommissioned','reclaimed')
                    NOT NULL DEFAULT 'draft',
  ADD COLUMN kind ENUM('vm','host') NOT NULL DEFAULT 'vm' AFTER id,
  MODIFY image_id INT UNSIGNED NULL,
  ADD COLUMN registered_on  DATE         NULL,
  ADD COLUMN rereg_due      DATE         NULL,
  ADD COLUMN suspended_by   VARCHAR(64)  NULL,
  ADD COLUMN suspended_at   DATETIME     NULL,
  ADD COLUMN suspend_reason VARCHAR(500) NULL,
  ADD COLUMN ended_by       VARCHAR(64)  NULL,
  ADD COLUMN ended_at       DATETIME     NULL,
  ADD COLUMN end_reason     VARCHAR(500) NULL,
  MODIFY ip_active VARCHAR(45) AS (IF(state IN ('active','suspended','released'), ip, NULL)) PERSISTENT,
  ADD KEY cloud_vm_kind_state (kind, state, id),
  ADD KEY cloud_vm_due (state, rereg_due, id),
  ADD KEY cloud_vm_registered (state, registered_on, id),
  ADD KEY cloud_vm_period (state, period_to, id);

-- What a site that ran 012-013 already holds: its active VMs were
-- registered when provisioned, the next due one year on (DATE_ADD keeps
-- 29 February's to 28 February, as the module does), none past the period.
UPDATE cloud_vm SET registered_on = COALESCE(provision_date, DATE(center_at))
  WHERE state = 'active' AND registered_on IS NULL;
UPDATE cloud_vm SET rereg_due = IF(DATE_ADD(registered_on, INTERVAL 1 YEAR) <= period_to,
                                   DATE_ADD(registered_on, INTERVAL 1 YEAR), NULL)
  WHERE state = 'active' AND registered_on IS NOT NULL;
