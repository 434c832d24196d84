-- 009-form-nonce: the core's double-submit keys (modules/core/tx.c).  A form
-- that creates something carries a random nonce; the transaction that saves
-- it takes the nonce first (a second submit waits on the primary key, then
-- finds it taken) and records where the result is, so the second submit is
-- sent there instead of making a second record.  A nonce older than the
-- CSRF token's lifetime can never come back (its form's token would be
-- refused first), so workers purge those.
CREATE TABLE form_nonce (
  nonce     CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  login     VARCHAR(64)   NOT NULL,
  module    VARCHAR(32)   NOT NULL,
  taken_at  DATETIME      NOT NULL,
  then_url  VARCHAR(1024) NULL,
  KEY form_nonce_taken (taken_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
