-- Text typed or pasted in decomposed Unicode (Unikey's "Unicode tổ hợp", macOS) was stored as it
-- came, and the minutes printed each combining mark as a box: "Le▯ Thị Thu Hà". Forms now compose
-- their text (NFC) as they are read; this composes what was stored before, in every column a
-- person typed, and only where it changes. Composed text looks the same, so nothing visible moves.
--
-- nfc() and nfc_json() are not SQLite's own: the app registers them on its connections
-- (src/lib/server/db/index.ts). Apply migrations by starting the app or with `npm run db:migrate`;
-- drizzle.config.ts refuses `drizzle-kit migrate`, whose connection lacks them.
UPDATE `vote_session` SET `title` = nfc(`title`) WHERE `title` IS NOT nfc(`title`);
--> statement-breakpoint
UPDATE `vote_session` SET `organisation` = nfc(`organisation`) WHERE `organisation` IS NOT nfc(`organisation`);
--> statement-breakpoint
UPDATE `vote_session` SET `place` = nfc(`place`) WHERE `place` IS NOT nfc(`place`);
--> statement-breakpoint
UPDATE `vote_session` SET `period_label` = nfc(`period_label`) WHERE `period_label` IS NOT nfc(`period_label`);
--> statement-breakpoint
UPDATE `vote_session` SET `quorum_override_reason` = nfc(`quorum_override_reason`) WHERE `quorum_override_reason` IS NOT nfc(`quorum_override_reason`);
--> statement-breakpoint
-- A session's copy of its rules and its criteria are JSON holding text a person typed (custom
-- rules, criteria): nfc_json() composes the strings inside, keeping the JSON valid.
UPDATE `vote_session` SET `preset` = nfc_json(`preset`) WHERE `preset` IS NOT nfc_json(`preset`);
--> statement-breakpoint
UPDATE `vote_session` SET `criteria` = nfc_json(`criteria`) WHERE `criteria` IS NOT nfc_json(`criteria`);
--> statement-breakpoint
UPDATE `score_template` SET `name` = nfc(`name`) WHERE `name` IS NOT nfc(`name`);
--> statement-breakpoint
UPDATE `score_template` SET `criteria` = nfc_json(`criteria`) WHERE `criteria` IS NOT nfc_json(`criteria`);
--> statement-breakpoint
-- Two people of one session whose names differed only in their encoding become the same name:
-- both stay, as the organiser entered them (names are not unique; namesakes exist).
UPDATE `subject` SET `full_name` = nfc(`full_name`) WHERE `full_name` IS NOT nfc(`full_name`);
--> statement-breakpoint
UPDATE `subject` SET `job_title` = nfc(`job_title`) WHERE `job_title` IS NOT nfc(`job_title`);
--> statement-breakpoint
UPDATE `subject` SET `final_reason` = nfc(`final_reason`) WHERE `final_reason` IS NOT nfc(`final_reason`);
--> statement-breakpoint
UPDATE `committee_member` SET `full_name` = nfc(`full_name`) WHERE `full_name` IS NOT nfc(`full_name`);
--> statement-breakpoint
UPDATE `committee_member` SET `role_title` = nfc(`role_title`) WHERE `role_title` IS NOT nfc(`role_title`);
--> statement-breakpoint
UPDATE `user` SET `display_name` = nfc(`display_name`) WHERE `display_name` IS NOT nfc(`display_name`);
--> statement-breakpoint
-- Usernames are unique. Forms have only ever let [a-z0-9._-] through, so none should change; one
-- that would take the name of another account keeps its own, rather than the migration failing
-- or two accounts merging, and an administrator can disable it.
UPDATE OR IGNORE `user` SET `username` = nfc(`username`) WHERE `username` IS NOT nfc(`username`);
--> statement-breakpoint
-- The audit trail's detail holds the reason a session was opened without its quorum.
UPDATE `audit_event` SET `detail` = nfc(`detail`) WHERE `detail` IS NOT nfc(`detail`);
