-- 018-cloud-change: a change of a provisioned VM's purpose or settings, or
-- a renewal of its period (issue 11, "Life after provisioning"; letter
-- art. 2): it takes effect only when the office approves it.
--
-- The values before (old_*) and the proposed ones (new_*) are columns, so
-- the diff a change shows stays true after later changes.  A change keeps
-- the period as it was, a renewal the settings: approving copies every
-- new_* onto cloud_vm.  pending is 1 while pending and NULL after, so the
-- unique key allows one pending change per VM and any number decided.
-- nonce: a double submit files one.  version: of two deciders one wins.
CREATE TABLE cloud_change (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vm_id            INT UNSIGNED NOT NULL,
  kind             ENUM('change','renewal') NOT NULL,
  state            ENUM('pending','approved','rejected','withdrawn') NOT NULL DEFAULT 'pending',
  pending          TINYINT(1)   NULL DEFAULT 1,
  old_purpose      VARCHAR(500) NOT NULL,
  new_purpose      VARCHAR(500) NOT NULL,
  old_vcpu         INT UNSIGNED NOT NULL,
  new_vcpu         INT UNSIGNED NOT NULL,
  old_memory_gib   INT UNSIGNED NOT NULL,
  new_memory_gib   INT UNSIGNED NOT NULL,
  old_disk_gib     INT UNSIGNED NOT NULL,
  new_disk_gib     INT UNSIGNED NOT NULL,
  old_sw_database  VARCHAR(128) NOT NULL,
  new_sw_database  VARCHAR(128) NOT NULL,
  old_sw_app       VARCHAR(128) NOT NULL,
  new_sw_app       VARCHAR(128) NOT NULL,
  old_sw_other     VARCHAR(128) NOT NULL,
  new_sw_other     VARCHAR(128) NOT NULL,
  old_notes        VARCHAR(500) NOT NULL,
  new_notes        VARCHAR(500) NOT NULL,
  old_period_from  DATE         NOT NULL,
  new_period_from  DATE         NOT NULL,
  old_period_to    DATE         NOT NULL,
  new_period_to    DATE         NOT NULL,
  reason           VARCHAR(500) NOT NULL,
  requested_by     VARCHAR(64)  NOT NULL,
  requested_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_by       VARCHAR(64)  NULL,
  decided_at       DATETIME     NULL,
  decision_reason  VARCHAR(500) NOT NULL DEFAULT '',
  override         TINYINT(1)   NOT NULL DEFAULT 0,  -- over the unit's quota, approved knowingly
  version          INT UNSIGNED NOT NULL DEFAULT 1,
  nonce            CHAR(32)     NOT NULL,
  UNIQUE KEY cloud_change_nonce (nonce),
  UNIQUE KEY cloud_change_pending (vm_id, pending),
  KEY cloud_change_vm (vm_id, id),
  CONSTRAINT cloud_change_vm_fk FOREIGN KEY (vm_id) REFERENCES cloud_vm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
