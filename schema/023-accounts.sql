-- 023-accounts: what signing in needs of an account.  The password is kept
-- only as libsodium's argon2id string (core/password.c): salt and cost travel
-- inside it.  NULL means the account has no password of its own — it signs
-- in through campus SSO, or the office has yet to set one.  sso_name maps the
-- name a campus SSO asserts (CAS user, an auth_request header) to exactly one
-- account; NULL when the account signs in by password only.
ALTER TABLE account
  ADD COLUMN password_hash   VARCHAR(128) NULL AFTER active,
  ADD COLUMN password_set_at DATETIME     NULL AFTER password_hash,
  ADD COLUMN sso_name        VARCHAR(128) NULL AFTER password_set_at,
  ADD UNIQUE KEY account_sso_name (sso_name);
