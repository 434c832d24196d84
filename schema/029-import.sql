-- 029-import: a register uploaded for import (core/import.c), kept between
-- the preview and the confirmation.  Reads: nothing; the importing modules
-- (registration: unit, reg_holder; systems: sys_system) write their own
-- tables in the confirmation's transaction.
--
-- The confirm form carries only the file's SHA-256: the bytes stay here, so
-- what is imported is exactly what was previewed, and nothing the browser
-- sends between the two steps can change it.  The same file uploaded again
-- (same kind, same hash) reuses its row.  The bytes are kept in pieces of at
-- most 60 KiB (core/upload.h's UP_CHUNK) so neither storing nor reading them
-- needs max_allowed_packet raised.  The last confirmation's counts stay on
-- the row for the result page; the audit trail has each record it changed.
CREATE TABLE imp_file (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('units','systems') NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  size         INT UNSIGNED NOT NULL,
  filename     VARCHAR(255) NOT NULL DEFAULT '',
  uploaded_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  uploaded_by  VARCHAR(64)  NOT NULL,
  imported_at  DATETIME     NULL,
  imported_by  VARCHAR(64)  NULL,
  rows_total   INT UNSIGNED NOT NULL DEFAULT 0,
  rows_created INT UNSIGNED NOT NULL DEFAULT 0,
  rows_changed INT UNSIGNED NOT NULL DEFAULT 0,
  rows_same    INT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY imp_file_hash (kind, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE imp_chunk (
  file_id     BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (file_id, seq),
  CONSTRAINT imp_chunk_file FOREIGN KEY (file_id) REFERENCES imp_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
