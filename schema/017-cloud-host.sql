-- 017-cloud-host: hosted servers (issue 11; seed 003 art. 19, appendices 7-8).
-- A hosted server is a cloud_vm row with kind = 'host' (014): a unit's own
-- physical server in the data centre.  Its own columns: the server's
-- configuration (服务器配置) and the network security devices in front of
-- it (网络安全设备情况), and the expert review art. 19 asks for before a
-- unit buys its own server: the review's date, reference and a scan of it.
-- vcpu, memory and disk stay 0 for a host (not counted in a unit's quota).
--
-- cloud_scan / cloud_scan_chunk have pledge_scan's shape (004): the type
-- sniffed from the bytes, size, SHA-256; the bytes in pieces of at most
-- 60 KiB so that neither an upload nor a download needs a big packet.
CREATE TABLE cloud_scan (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mime        ENUM('application/pdf','image/jpeg','image/png') NOT NULL,
  size        INT UNSIGNED NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  filename    VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by  VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cloud_scan_chunk (
  scan_id     BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (scan_id, seq),
  CONSTRAINT cloud_scan_chunk_scan FOREIGN KEY (scan_id) REFERENCES cloud_scan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE cloud_vm
  ADD COLUMN server_config    VARCHAR(500)    NOT NULL DEFAULT '',
  ADD COLUMN security_devices VARCHAR(500)    NOT NULL DEFAULT '',
  ADD COLUMN review_date      DATE            NULL,
  ADD COLUMN review_ref       VARCHAR(64)     NOT NULL DEFAULT '',
  ADD COLUMN review_scan_id   BIGINT UNSIGNED NULL,
  ADD CONSTRAINT cloud_vm_review_scan FOREIGN KEY (review_scan_id) REFERENCES cloud_scan (id);
