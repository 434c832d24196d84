-- 013-cloud-image: the centre keeps the OS image catalogue (issue 11): a
-- version for retire / restore (409 on a concurrent change), and the
-- names unique so two images never read the same in the request form.
ALTER TABLE cloud_image
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1,
  ADD UNIQUE KEY cloud_image_name (name),
  ADD UNIQUE KEY cloud_image_name_en (name_en);
