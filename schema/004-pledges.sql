-- 004-pledges: pledge and responsibility-letter templates, the parties who
-- sign them (units from 001-core, vendors and persons here), and signings
-- with their scans (DOMAIN.md §2).  Reads: unit (001-core), reg_holder
-- (002-registration) for the re-sign rule.  The seeds' texts are loaded as
-- version 1 of each kind by 005-pledge-templates.sql.

-- A template version: the text as XML (urn:wangan:pledge-template:1,
-- schema/xml/pledge-template.xsd).  Versions are never changed: the office
-- publishes a new one, and a signing keeps pointing at the one it signed.
CREATE TABLE pledge_template (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('school_pledge','unit_pledge','letter1','letter2','website',
                    'cloud_vm','hosted_server','software') NOT NULL,
  version      INT UNSIGNED NOT NULL,
  title        VARCHAR(200) NOT NULL,
  body         MEDIUMTEXT   NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  note         VARCHAR(500) NOT NULL DEFAULT '',
  nonce        CHAR(32)     NULL,
  published_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_by VARCHAR(64)  NOT NULL,
  UNIQUE KEY pledge_template_version (kind, version),
  UNIQUE KEY pledge_template_nonce (nonce)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Companies that build or run school systems; they sign letter (2).
-- uscc: the unified social credit code (统一社会信用代码, GB 32100-2015),
-- 18 characters, check character verified by the module.
CREATE TABLE pledge_vendor (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(128) NOT NULL,
  uscc        CHAR(18)     NOT NULL,
  contact     VARCHAR(64)  NOT NULL,
  phone       VARCHAR(32)  NOT NULL,
  email       VARCHAR(128) NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  nonce       CHAR(32)     NULL,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)  NOT NULL,
  UNIQUE KEY pledge_vendor_uscc (uscc),
  UNIQUE KEY pledge_vendor_nonce (nonce),
  KEY pledge_vendor_name (active, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The units a vendor serves: their staff may see the vendor and its letter.
CREATE TABLE pledge_vendor_unit (
  vendor_id   INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  PRIMARY KEY (vendor_id, unit_id),
  KEY pledge_vendor_unit_unit (unit_id),
  CONSTRAINT pledge_vendor_unit_vendor FOREIGN KEY (vendor_id) REFERENCES pledge_vendor (id),
  CONSTRAINT pledge_vendor_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- People who sign for themselves: the genuine-software pledge (seed 002).
CREATE TABLE pledge_person (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  staff_no    VARCHAR(32)  NOT NULL,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  nonce       CHAR(32)     NULL,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by  VARCHAR(64)  NOT NULL,
  UNIQUE KEY pledge_person_staff (staff_no),
  UNIQUE KEY pledge_person_nonce (nonce),
  KEY pledge_person_unit (unit_id, active, name),
  CONSTRAINT pledge_person_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which kinds a party must sign beyond the rules every site has (the school
-- signs the school pledge, every other unit the unit pledge, every vendor
-- letter (2), every person the software pledge): letter (1) and the website,
-- cloud-VM and hosted-server letters, for the units that need them.
CREATE TABLE pledge_requirement (
  kind        ENUM('school_pledge','unit_pledge','letter1','letter2','website',
                   'cloud_vm','hosted_server','software') NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (kind, unit_id),
  KEY pledge_requirement_unit (unit_id),
  CONSTRAINT pledge_requirement_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A scan of a signed paper: its type (sniffed from the bytes, never the
-- file name), size and SHA-256; the bytes in pledge_scan_chunk.
CREATE TABLE pledge_scan (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mime        ENUM('application/pdf','image/jpeg','image/png') NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  filename    VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The scan's bytes in pieces of at most 60 KiB, so that neither an upload
-- nor a download needs max_allowed_packet raised, and a download streams
-- in constant memory.
CREATE TABLE pledge_scan_chunk (
  scan_id     BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (scan_id, seq),
  CONSTRAINT pledge_scan_chunk_scan FOREIGN KEY (scan_id) REFERENCES pledge_scan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A signing: who signed which version for which party, when, sealed or not,
-- and the scan.  The party's current signing of a kind has is_current = 1;
-- a newer signing supersedes it (is_current NULL, superseded_by set), the
-- same unique-key pattern as reg_holder.  unit_id is the unit the party
-- belongs to (a unit itself, a person's unit; NULL for a vendor), for
-- access checks.  The form's nonce is unique: a double submit signs once.
CREATE TABLE pledge_signing (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          ENUM('school_pledge','unit_pledge','letter1','letter2','website',
                     'cloud_vm','hosted_server','software') NOT NULL,
  template_id   INT UNSIGNED NOT NULL,
  party_type    ENUM('unit','vendor','person') NOT NULL,
  party_id      INT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NULL,
  signer_name   VARCHAR(64)  NOT NULL,
  signer_title  VARCHAR(64)  NOT NULL DEFAULT '',
  signed_date   DATE         NOT NULL,
  sealed        TINYINT(1)   NOT NULL DEFAULT 0,
  scan_id       BIGINT UNSIGNED NULL,
  is_current    TINYINT(1)   NULL,
  superseded_by BIGINT UNSIGNED NULL,
  nonce         CHAR(32)     NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    VARCHAR(64)  NOT NULL,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by    VARCHAR(64)  NOT NULL,
  UNIQUE KEY pledge_signing_current (kind, party_type, party_id, is_current),
  UNIQUE KEY pledge_signing_nonce (nonce),
  KEY pledge_signing_party (party_type, party_id, kind, signed_date),
  KEY pledge_signing_unit (unit_id, kind),
  CONSTRAINT pledge_signing_template FOREIGN KEY (template_id) REFERENCES pledge_template (id),
  CONSTRAINT pledge_signing_scan FOREIGN KEY (scan_id) REFERENCES pledge_scan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
