-- 022-web-refile: after a website is online (issue 12, "After it is
-- online"): a re-filing of what changed, the centre's suspension with its
-- kind of reason (appendix 4 note 5).
--
-- web_refile: the unit's staff re-file an online site when its domain,
-- server (location, VM, IP, exposure), build method or administrator
-- change; it takes effect only when the centre approves it.  The values
-- before (old_*) and the proposed ones (new_*) are columns, so the diff a
-- re-filing shows stays true after later ones.  Approving copies every
-- new_* onto web_site in the same transaction.  pending is 1 while pending
-- and NULL after, so the unique key allows one pending re-filing per site
-- and any number decided.  nonce: a double submit files one.  version: of
-- two deciders one wins.
CREATE TABLE web_refile (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id          INT UNSIGNED NOT NULL,
  state            ENUM('pending','approved','rejected','withdrawn') NOT NULL DEFAULT 'pending',
  pending          TINYINT(1)   NULL DEFAULT 1,
  old_domain       VARCHAR(253) NOT NULL,
  new_domain       VARCHAR(253) NOT NULL,
  old_location     ENUM('campus','cloud_vm','hosted','external') NOT NULL,
  new_location     ENUM('campus','cloud_vm','hosted','external') NOT NULL,
  old_vm_id        INT UNSIGNED NULL,
  new_vm_id        INT UNSIGNED NULL,
  old_ip           VARCHAR(45)  NOT NULL,
  new_ip           VARCHAR(45)  NOT NULL,
  old_exposed      TINYINT(1)   NULL,
  new_exposed      TINYINT(1)   NULL,
  old_build        ENUM('site_group','own_db') NOT NULL,
  new_build        ENUM('site_group','own_db') NOT NULL,
  old_build_reason VARCHAR(500) NOT NULL,
  new_build_reason VARCHAR(500) NOT NULL,
  old_admin_name   VARCHAR(32)  NOT NULL,
  new_admin_name   VARCHAR(32)  NOT NULL,
  old_admin_phone  VARCHAR(32)  NOT NULL,
  new_admin_phone  VARCHAR(32)  NOT NULL,
  old_admin_email  VARCHAR(128) NOT NULL,
  new_admin_email  VARCHAR(128) NOT NULL,
  old_admin_mobile VARCHAR(32)  NOT NULL,
  new_admin_mobile VARCHAR(32)  NOT NULL,
  reason           VARCHAR(500) NOT NULL,
  requested_by     VARCHAR(64)  NOT NULL,
  requested_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_by       VARCHAR(64)  NULL,
  decided_at       DATETIME     NULL,
  decision_reason  VARCHAR(500) NOT NULL DEFAULT '',
  version          INT UNSIGNED NOT NULL DEFAULT 1,
  nonce            CHAR(32)     NOT NULL,
  UNIQUE KEY web_refile_nonce (nonce),
  UNIQUE KEY web_refile_pending (site_id, pending),
  KEY web_refile_site (site_id, id),
  KEY web_refile_open (pending, site_id),
  CONSTRAINT web_refile_site_fk FOREIGN KEY (site_id) REFERENCES web_site (id),
  CONSTRAINT web_refile_old_vm_fk FOREIGN KEY (old_vm_id) REFERENCES cloud_vm (id),
  CONSTRAINT web_refile_new_vm_fk FOREIGN KEY (new_vm_id) REFERENCES cloud_vm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The kind of a suspension's reason (appendix 4 note 5: harmful content,
-- advertising, an unfixed vulnerability; other), beside its text.
ALTER TABLE web_site
  ADD COLUMN suspend_kind ENUM('harmful','ads','vuln','other') NULL AFTER suspend_reason;
