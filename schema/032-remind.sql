-- 032-remind: e-mail reminders of the to-do items (issue 14, "Reminders";
-- modules/home/remind*.c, `wangan-home --remind`).  Reads: todo_item (025),
-- account (001, 023), unit (001), calendar_day (001), site_setting (027).
--
-- account.email: where a person's reminders go.  The schema had addresses
-- only on the registered persons (reg_holder.email, pledge_person.email),
-- which are not accounts: a reminder goes to the people who act (a unit's
-- staff, its head, the office), so the address is the account's.  NULL or
-- empty: the person gets no mail (the home page still shows the item).
ALTER TABLE account ADD COLUMN email VARCHAR(128) NULL AFTER name;

-- unit.webhook_url: the optional second channel, a unit's enterprise-WeChat
-- or DingTalk group robot (an HTTPS POST of a text message, send.c).  Set by
-- the office on the unit's page; a host outside remind.webhook_hosts is
-- refused there and never posted to.  NULL: the unit has no group robot.
ALTER TABLE unit ADD COLUMN webhook_url VARCHAR(500) NULL;

-- remind_sent: each reminder sent once.  An item is (module, kind,
-- record_id, state, due_key) — due_key the deadline as text ('' when none),
-- so a moved deadline or a new step (an incident's next_step) is a new item
-- whose reminders start again; stage is the schedule's step ("before:3",
-- "due", "late:2026-12-07", "open", "late", "office"); channel 'mail'
-- (account_id the recipient's account) or 'webhook' (account_id the unit
-- whose group robot is told).  The unique key is what makes "never the same reminder twice":
-- the round inserts here in the same transaction as the outbox row, and a
-- reminder whose row already exists is not queued again.  An item that is
-- done is no longer in todo_item, so no stage of it fires any more.
CREATE TABLE remind_sent (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  module      VARCHAR(32)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  record_id   BIGINT       NOT NULL,
  state       VARCHAR(32)  NOT NULL,
  due_key     VARCHAR(19)  NOT NULL,
  stage       VARCHAR(24)  NOT NULL,
  channel     VARCHAR(8)   NOT NULL DEFAULT 'mail',
  account_id  INT UNSIGNED NOT NULL,
  outbox_id   BIGINT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY remind_sent_once (module, kind, record_id, state, due_key, stage, channel, account_id),
  KEY remind_sent_account (account_id, channel, outbox_id),
  KEY remind_sent_outbox (outbox_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- remind_outbox: the mail to send.  A round queues a message here (in the
-- transaction that records remind_sent) and the sender delivers it: marked
-- sent only once the SMTP server (or sendmail) accepted it; a failure keeps
-- the row with attempts + 1 and next_try_at pushed back exponentially
-- (1, 2, 4 … minutes, at most remind.retry_max_minutes), so an outage loses
-- nothing.  A sender claims a row (claimed_by, claimed_until) in a short
-- transaction that reads it with FOR UPDATE SKIP LOCKED: two senders never
-- take the same row, and a sender that died leaves a claim that lapses.
-- cancelled_at: every item the mail is about was done before it could be
-- delivered (the server was down meanwhile): the round drops it unsent.
CREATE TABLE remind_outbox (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id     INT UNSIGNED NOT NULL,
  channel        VARCHAR(8)   NOT NULL DEFAULT 'mail',
  rcpt           VARCHAR(500) NOT NULL,
  subject        VARCHAR(255) NOT NULL,
  body           MEDIUMTEXT   NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  next_try_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  attempts       INT UNSIGNED NOT NULL DEFAULT 0,
  last_error     VARCHAR(255) NOT NULL DEFAULT '',
  claimed_by     VARCHAR(64)  NULL,
  claimed_until  DATETIME     NULL,
  sent_at        DATETIME     NULL,
  cancelled_at   DATETIME     NULL,
  version        INT UNSIGNED NOT NULL DEFAULT 1,
  KEY remind_outbox_due (sent_at, cancelled_at, next_try_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
