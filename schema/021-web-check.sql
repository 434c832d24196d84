-- 021-web-check: the centre's security check of a website filing (issue 12,
-- "The flow"; seed 003 appendices 3-5, art. 24-27; DOMAIN.md §5).  Reads
-- web_site (019).
--
-- web_check_item: the checklist the site configures (the centre and the
-- office keep it on /websites/checklist); an item in use is retired
-- (active = 0), never deleted, so old checks keep their items.
-- web_check: one check of one site, round 1, 2, … — UNIQUE (site_id, round)
-- so of two checks of the same site at once only one lands.
-- web_check_result: each active item answered pass or fail (a failed item
-- carries a note: the form enforces it).
-- web_finding: what the check found, with a severity and a fix-by date.
-- The unit marks the site's open findings fixed when it asks for the
-- re-check (fixed_by/at/note: its note of what it fixed); the next round
-- records what is still wrong as new findings.
CREATE TABLE web_check_item (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  name_en     VARCHAR(200) NOT NULL,
  sort        INT          NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY web_check_item_code (code),
  UNIQUE KEY web_check_item_name (name),
  KEY web_check_item_active (active, sort, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO web_check_item (code, name, name_en, sort) VALUES
  ('no_ads', '网页无广告，无任何广告链接（附件4备注2）',
   'No advertising and no links to pages with ads (appendix 4 note 2)', 10),
  ('no_commercial', '不利用校园网从事任何商业目的的活动',
   'No commercial use of the campus network', 20),
  ('content_scope', '内容仅与教学、科研和管理有关',
   'Content limited to teaching, research and administration', 30),
  ('no_bbs', '未开设 BBS 和聊天室',
   'No BBS or chat rooms', 40),
  ('comment_logs', '开设留言功能的，建立上网用户日志留存',
   'Comment features keep user logs', 50),
  ('records_60d', '网站信息内容记录备份保存不少于 60 日（附件3第六条）',
   'Content records kept at least 60 days (appendix 3 art. 6)', 60),
  ('admin_password', '管理员密码已修改（非默认），未转交非管理人员（附件3第七条）',
   'Admin passwords changed from the default and not handed on (appendix 3 art. 7)', 70),
  ('backend_hidden', '后台管理入口不公开（附件3第七条）',
   'The back end is not exposed (appendix 3 art. 7)', 80),
  ('vulns_fixed', '已知漏洞已修补，脚本和程序来源安全可靠（附件3第七条）',
   'Known vulnerabilities fixed; scripts and programs from safe sources (appendix 3 art. 7)', 90);

CREATE TABLE web_check (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  round       INT UNSIGNED NOT NULL,
  by_login    VARCHAR(64)  NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  result      ENUM('passed','failed') NOT NULL,
  note        VARCHAR(500) NOT NULL DEFAULT '',
  nonce       CHAR(32)     NOT NULL,
  UNIQUE KEY web_check_round (site_id, round),
  UNIQUE KEY web_check_nonce (nonce),
  CONSTRAINT web_check_site_fk FOREIGN KEY (site_id) REFERENCES web_site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE web_check_result (
  check_id    INT UNSIGNED NOT NULL,
  item_id     INT UNSIGNED NOT NULL,
  result      ENUM('pass','fail') NOT NULL,
  note        VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (check_id, item_id),
  KEY web_check_result_item (item_id),
  CONSTRAINT web_check_result_check_fk FOREIGN KEY (check_id) REFERENCES web_check (id),
  CONSTRAINT web_check_result_item_fk FOREIGN KEY (item_id) REFERENCES web_check_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- unit_id is the site's, copied so that a unit's "past fix-by" list reads
-- along its own index.  Open: fixed_at IS NULL.
CREATE TABLE web_finding (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  check_id    INT UNSIGNED NOT NULL,
  site_id     INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  severity    ENUM('low','medium','high','critical') NOT NULL,
  description VARCHAR(500) NOT NULL,
  fix_by      DATE         NOT NULL,
  fixed_at    DATETIME     NULL,
  fixed_by    VARCHAR(64)  NULL,
  fixed_note  VARCHAR(500) NULL,
  KEY web_finding_open (fixed_at, fix_by, id),
  KEY web_finding_unit_open (unit_id, fixed_at, fix_by, id),
  KEY web_finding_site (site_id, id),
  KEY web_finding_check (check_id),
  CONSTRAINT web_finding_check_fk FOREIGN KEY (check_id) REFERENCES web_check (id),
  CONSTRAINT web_finding_site_fk FOREIGN KEY (site_id) REFERENCES web_site (id),
  CONSTRAINT web_finding_unit_fk FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
