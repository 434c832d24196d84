-- 012-cloud: cloud-VM requests (DOMAIN.md §4; seed 003 art. 19-20, appendix 6).
-- The OS image catalogue the centre keeps, the requests with each review
-- step's who/when/reason and the centre's provisioning, the systems a VM
-- hosts (sys_system rows of the same unit), and the step history.

CREATE TABLE cloud_image (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  name_en     VARCHAR(64)  NOT NULL,
  is_other    TINYINT(1)   NOT NULL DEFAULT 0,  -- "other: …": the request names it
  active      TINYINT(1)   NOT NULL DEFAULT 1,  -- a retired image cannot be chosen
  sort        INT          NOT NULL DEFAULT 0,
  UNIQUE KEY cloud_image_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO cloud_image (code, name, name_en, is_other, sort) VALUES
  ('win2008_64', 'Windows 2008 64位', 'Windows 2008 64-bit', 0, 10),
  ('win2012_64', 'Windows 2012 64位', 'Windows 2012 64-bit', 0, 20),
  ('centos65_64', 'CentOS 6.5 64位', 'CentOS 6.5 64-bit', 0, 30),
  ('centos7_64', 'CentOS 7 64位', 'CentOS 7 64-bit', 0, 40),
  ('other', '其他', 'Other', 1, 90);

-- A request.  state: draft → submitted → unit_approved → office_approved →
-- active; returned (rejected at a review step, editable, resubmittable) and
-- withdrawn.  ip_active is the IP while the VM is active: unique, so two
-- active VMs never share an address.  nonce: a double submit files once.
CREATE TABLE cloud_vm (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id         INT UNSIGNED NOT NULL,
  applicant       VARCHAR(32)  NOT NULL,
  contact         VARCHAR(32)  NOT NULL,
  apply_date      DATE         NOT NULL,
  image_id        INT UNSIGNED NOT NULL,
  image_other     VARCHAR(64)  NOT NULL DEFAULT '',
  vcpu            INT UNSIGNED NOT NULL,
  memory_gib      INT UNSIGNED NOT NULL,
  disk_gib        INT UNSIGNED NOT NULL,
  sw_database     VARCHAR(128) NOT NULL DEFAULT '',
  sw_app          VARCHAR(128) NOT NULL DEFAULT '',
  sw_other        VARCHAR(128) NOT NULL DEFAULT '',
  period_from     DATE         NOT NULL,
  period_to       DATE         NOT NULL,
  purpose         VARCHAR(500) NOT NULL,
  notes           VARCHAR(500) NOT NULL DEFAULT '',
  state           ENUM('draft','submitted','unit_approved','office_approved','active',
                       'returned','withdrawn') NOT NULL DEFAULT 'draft',
  state_since     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  submitted_by    VARCHAR(64)  NULL,
  submitted_at    DATETIME     NULL,
  unit_by         VARCHAR(64)  NULL,
  unit_at         DATETIME     NULL,
  office_by       VARCHAR(64)  NULL,
  office_at       DATETIME     NULL,
  office_override TINYINT(1)   NOT NULL DEFAULT 0,  -- over the unit's quota, approved knowingly
  returned_by     VARCHAR(64)  NULL,
  returned_at     DATETIME     NULL,
  return_reason   VARCHAR(500) NULL,
  center_by       VARCHAR(64)  NULL,
  center_at       DATETIME     NULL,
  server_name     VARCHAR(64)  NULL,
  ip              VARCHAR(45)  NULL,
  netmask         VARCHAR(45)  NULL,
  gateway         VARCHAR(45)  NULL,
  provision_date  DATE         NULL,
  ip_active       VARCHAR(45)  AS (IF(state = 'active', ip, NULL)) PERSISTENT,
  nonce           CHAR(32)     NOT NULL,
  version         INT UNSIGNED NOT NULL DEFAULT 1,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by      VARCHAR(64)  NOT NULL,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by      VARCHAR(64)  NOT NULL,
  UNIQUE KEY cloud_vm_nonce (nonce),
  UNIQUE KEY cloud_vm_ip_active (ip_active),
  KEY cloud_vm_unit (unit_id, id),
  KEY cloud_vm_unit_state (unit_id, state, id),
  KEY cloud_vm_state (state, id),
  CONSTRAINT cloud_vm_unit_fk FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT cloud_vm_image_fk FOREIGN KEY (image_id) REFERENCES cloud_image (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The systems (systems module) a VM will host: the same unit's.
CREATE TABLE cloud_vm_system (
  vm_id       INT UNSIGNED NOT NULL,
  system_id   INT UNSIGNED NOT NULL,
  PRIMARY KEY (vm_id, system_id),
  KEY cloud_vm_system_sys (system_id),
  CONSTRAINT cloud_vm_system_vm FOREIGN KEY (vm_id) REFERENCES cloud_vm (id),
  CONSTRAINT cloud_vm_system_sys_fk FOREIGN KEY (system_id) REFERENCES sys_system (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step of a request: who moved it from which state to which, why.
CREATE TABLE cloud_vm_step (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vm_id       INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  login       VARCHAR(64)  NOT NULL,
  from_state  VARCHAR(16)  NOT NULL,
  to_state    VARCHAR(16)  NOT NULL,
  reason      VARCHAR(500) NOT NULL DEFAULT '',
  KEY cloud_vm_step_vm (vm_id, id),
  CONSTRAINT cloud_vm_step_vm_fk FOREIGN KEY (vm_id) REFERENCES cloud_vm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
