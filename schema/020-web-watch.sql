-- 020-web-watch: the website watcher (值守, seed 003 art. 26; issue 12
-- "After it is online").  wangan-websites --watch fetches every online
-- site's filed domain once a round; what it saw is kept here.
--
-- web_site: when the watcher last looked, what it saw (an HTTP status, 0
-- when no answer came), and down_since (NULL while the site answers).
-- watch_error: the word for a failure without a status (timeout, refused,
-- dns, tls, redirect_offsite, error), '' otherwise.
--
-- web_outage: one row per time a site was down: from the round that first
-- saw it down (started_at) to the round that saw it answer again (ended_at,
-- NULL while it is down).  status/error: what the first round saw.  The
-- unit marks an outage handled (handled_by/at/note); one the unit has not
-- handled that lasts longer than websites.trigger_hours (6) is an
-- accountability trigger (seed 001, the list's art. 2) the office may turn
-- into an incident: incident_id, set in the same transaction as the
-- incident's row, so a second click makes none.  version: of two writers on
-- one outage one wins, the other gets 409.
ALTER TABLE web_site
  ADD COLUMN last_checked_at DATETIME NULL,
  ADD COLUMN last_status SMALLINT UNSIGNED NULL,
  ADD COLUMN watch_error VARCHAR(24) NOT NULL DEFAULT '',
  ADD COLUMN down_since DATETIME NULL,
  ADD COLUMN is_down TINYINT(1) AS (down_since IS NOT NULL) PERSISTENT,
  ADD KEY web_site_down (is_down, id);

CREATE TABLE web_outage (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id      INT UNSIGNED NOT NULL,
  started_at   DATETIME     NOT NULL,
  ended_at     DATETIME     NULL,
  status       SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  error        VARCHAR(24)  NOT NULL DEFAULT '',
  handled_by   VARCHAR(64)  NULL,
  handled_at   DATETIME     NULL,
  handled_note VARCHAR(500) NOT NULL DEFAULT '',
  incident_id  INT UNSIGNED NULL,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  -- the one open outage of a site: unique, so two rounds at once open one
  open_site    INT UNSIGNED AS (IF(ended_at IS NULL, site_id, NULL)) PERSISTENT,
  -- still down, not handled, not an incident yet: the trigger list reads along it
  pending      TINYINT(1)   AS (ended_at IS NULL AND handled_at IS NULL AND incident_id IS NULL) PERSISTENT,
  UNIQUE KEY web_outage_open (open_site),
  UNIQUE KEY web_outage_incident (incident_id),
  KEY web_outage_site (site_id, id),
  KEY web_outage_trigger (pending, started_at, id),
  CONSTRAINT web_outage_site_fk FOREIGN KEY (site_id) REFERENCES web_site (id),
  CONSTRAINT web_outage_incident_fk FOREIGN KEY (incident_id) REFERENCES inc_incident (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
