-- 019-websites: campus website filing (issue 12; DOMAIN.md §5; seed 003
-- ch. 5 art. 24-27, appendices 3-4).  Reads: unit (001-core), sys_system
-- (006-systems: a website is also an inventory entry of kind website),
-- cloud_vm (012: the VM or hosted server a site runs on), pledge_signing
-- (004: the website letter, appendix 3).
--
-- The flow (web_site.state):
--   draft → submitted (the unit's staff) → approved (the unit head: the
--   unit's opinion, as the seal) → the centre's security check, which needs
--   the unit's current website letter: failed → rectifying → the unit asks
--   for a re-check → recheck → checked again …; passed → passed → the centre
--   opens it (IP, exposure, service types, date opened, its opinion) →
--   online.  A rejection by the unit head returns the filing (returned:
--   editable, resubmittable); the staff may withdraw it before review.
--   After online: suspended by the centre (appendix 4 note 5) and back to
--   online when restored; closed when the site is taken down for good.
--   discovered: the centre found the site online without a filing; the
--   unit must file it (it edits the record as a draft) by file_by.
--
-- domain_active is the domain while the filing is live (every state but
-- withdrawn and closed): unique, so two live filings never share a domain.
-- system_active likewise: one live filing per inventory entry, never a
-- second copy.  nonce: a double submit files once.  version: of two actors
-- at once one wins, the other gets 409.
ALTER TABLE sys_system
  MODIFY hosting ENUM('cloud_vm','hosted_server','external','campus') NOT NULL;

CREATE TABLE web_site (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id         INT UNSIGNED NOT NULL,
  system_id       INT UNSIGNED NULL,
  name            VARCHAR(128) NOT NULL,
  domain          VARCHAR(253) NOT NULL,
  leader_name     VARCHAR(32)  NOT NULL DEFAULT '',
  leader_phone    VARCHAR(32)  NOT NULL DEFAULT '',
  site_lang       VARCHAR(64)  NOT NULL DEFAULT '',
  site_runtime    VARCHAR(64)  NOT NULL DEFAULT '',
  site_db         VARCHAR(64)  NOT NULL DEFAULT '',
  sections        VARCHAR(500) NOT NULL DEFAULT '',
  location        ENUM('campus','cloud_vm','hosted','external') NOT NULL DEFAULT 'campus',
  vm_id           INT UNSIGNED NULL,          -- the cloud_vm row (a VM or a hosted server)
  build           ENUM('site_group','own_db') NOT NULL DEFAULT 'site_group',
  build_reason    VARCHAR(500) NOT NULL DEFAULT '',  -- art. 24: why not on the site-group platform
  admin_name      VARCHAR(32)  NOT NULL DEFAULT '',
  admin_phone     VARCHAR(32)  NOT NULL DEFAULT '',
  admin_email     VARCHAR(128) NOT NULL DEFAULT '',
  admin_mobile    VARCHAR(32)  NOT NULL DEFAULT '',
  apply_date      DATE         NOT NULL,
  open_date       DATE         NULL,
  notes           VARCHAR(500) NOT NULL DEFAULT '',
  state           ENUM('draft','submitted','approved','rectifying','recheck','passed','online',
                       'returned','withdrawn','suspended','discovered','closed')
                       NOT NULL DEFAULT 'draft',
  state_since     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  submitted_by    VARCHAR(64)  NULL,
  submitted_at    DATETIME     NULL,
  unit_by         VARCHAR(64)  NULL,
  unit_at         DATETIME     NULL,
  unit_opinion    VARCHAR(500) NOT NULL DEFAULT '',
  returned_by     VARCHAR(64)  NULL,
  returned_at     DATETIME     NULL,
  return_reason   VARCHAR(500) NULL,
  -- the centre's part of appendix 4
  center_by       VARCHAR(64)  NULL,
  center_at       DATETIME     NULL,
  center_opinion  VARCHAR(500) NOT NULL DEFAULT '',
  ip              VARCHAR(45)  NULL,
  exposed         TINYINT(1)   NULL,
  services        SET('http','https','ftp','other') NOT NULL DEFAULT '',
  services_other  VARCHAR(64)  NOT NULL DEFAULT '',
  -- after online: suspension and restore (appendix 4 note 5), closing
  suspended_by    VARCHAR(64)  NULL,
  suspended_at    DATETIME     NULL,
  suspend_reason  VARCHAR(500) NULL,
  restored_by     VARCHAR(64)  NULL,
  restored_at     DATETIME     NULL,
  restore_note    VARCHAR(500) NULL,
  closed_by       VARCHAR(64)  NULL,
  closed_at       DATETIME     NULL,
  close_reason    VARCHAR(500) NULL,
  -- found online without a filing: who found it, when, the deadline to file
  discovered_by   VARCHAR(64)  NULL,
  discovered_at   DATETIME     NULL,
  file_by         DATE         NULL,
  domain_active   VARCHAR(253) AS (IF(state IN ('withdrawn','closed'), NULL, domain)) PERSISTENT,
  system_active   INT UNSIGNED AS (IF(state IN ('withdrawn','closed'), NULL, system_id)) PERSISTENT,
  nonce           CHAR(32)     NOT NULL,
  version         INT UNSIGNED NOT NULL DEFAULT 1,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by      VARCHAR(64)  NOT NULL,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by      VARCHAR(64)  NOT NULL,
  UNIQUE KEY web_site_nonce (nonce),
  UNIQUE KEY web_site_domain_active (domain_active),
  UNIQUE KEY web_site_system_active (system_active),
  KEY web_site_unit (unit_id, id),
  KEY web_site_unit_state (unit_id, state, id),
  KEY web_site_state (state, id),
  KEY web_site_file_by (state, file_by, id),
  KEY web_site_system (system_id),
  KEY web_site_vm (vm_id),
  CONSTRAINT web_site_unit_fk FOREIGN KEY (unit_id) REFERENCES unit (id),
  CONSTRAINT web_site_system_fk FOREIGN KEY (system_id) REFERENCES sys_system (id),
  CONSTRAINT web_site_vm_fk FOREIGN KEY (vm_id) REFERENCES cloud_vm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every step of a filing: who moved it from which state to which, why.
CREATE TABLE web_site_step (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  login       VARCHAR(64)  NOT NULL,
  from_state  VARCHAR(16)  NOT NULL,
  to_state    VARCHAR(16)  NOT NULL,
  reason      VARCHAR(500) NOT NULL DEFAULT '',
  KEY web_site_step_site (site_id, id),
  CONSTRAINT web_site_step_site_fk FOREIGN KEY (site_id) REFERENCES web_site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
