-- 016-cloud-rereg: the yearly re-registration of a cloud VM (issue 11;
-- appendix 6 note 2, letter art. 3) and the indexes its lists read.
--
-- cloud_rereg keeps every re-registration for good: who confirmed, when,
-- and the answers — the purpose as recorded, the administrator and contact,
-- still needed, system and access logs kept >= 90 days — with the due date
-- it settled and the next one.  nonce: a double submit records one.
-- cloud_vm.registered_on / rereg_due (014) hold the latest of them.
CREATE TABLE cloud_rereg (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vm_id          INT UNSIGNED NOT NULL,
  registered_on  DATE         NOT NULL,
  login          VARCHAR(64)  NOT NULL,
  at             DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  purpose_ok     TINYINT(1)   NOT NULL,
  admin_name     VARCHAR(32)  NOT NULL,
  admin_contact  VARCHAR(32)  NOT NULL,
  still_needed   TINYINT(1)   NOT NULL,
  logs_kept      TINYINT(1)   NOT NULL,
  due_was        DATE         NULL,
  due_next       DATE         NULL,
  nonce          CHAR(32)     NOT NULL,
  UNIQUE KEY cloud_rereg_nonce (nonce),
  KEY cloud_rereg_vm (vm_id, id),
  CONSTRAINT cloud_rereg_vm_fk FOREIGN KEY (vm_id) REFERENCES cloud_vm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The lists of one unit (a unit's own staff, or ?unit= for the office) read
-- along these as 014's read the whole school's: due, reclaimable, expiring;
-- and by kind, newest first, with and without a unit.
ALTER TABLE cloud_vm
  ADD KEY cloud_vm_unit_due (unit_id, state, rereg_due, id),
  ADD KEY cloud_vm_unit_registered (unit_id, state, registered_on, id),
  ADD KEY cloud_vm_unit_period (unit_id, state, period_to, id),
  ADD KEY cloud_vm_kind (kind, id),
  ADD KEY cloud_vm_unit_kind (unit_id, kind, id);
