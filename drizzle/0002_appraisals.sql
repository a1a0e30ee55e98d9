-- score_sheet and score_entry are WITHOUT ROWID (added by hand, as for the ballot tables).
CREATE TABLE `score_entry` (
	`sheet_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`half_points` integer NOT NULL,
	PRIMARY KEY(`sheet_id`, `criterion_id`),
	FOREIGN KEY (`sheet_id`) REFERENCES `score_sheet`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "score_entry_not_negative" CHECK("score_entry"."half_points" >= 0)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `score_sheet` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`subject_id` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subject`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `score_sheet_session` ON `score_sheet` (`session_id`);--> statement-breakpoint
CREATE TABLE `score_template` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`criteria` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `score_template_owner` ON `score_template` (`owner_id`);--> statement-breakpoint
ALTER TABLE `ballot` ADD `blank` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `ballot` SET `blank` = 1 WHERE NOT EXISTS (SELECT 1 FROM `ballot_choice` WHERE `ballot_choice`.`ballot_id` = `ballot`.`id`);--> statement-breakpoint
ALTER TABLE `subject` ADD `person_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `subject` SET `person_id` = `id` WHERE `person_id` = '';--> statement-breakpoint
ALTER TABLE `subject` ADD `self_grade` text;--> statement-breakpoint
ALTER TABLE `subject` ADD `proposed_grade` text;--> statement-breakpoint
ALTER TABLE `subject` ADD `final_grade` text;--> statement-breakpoint
ALTER TABLE `subject` ADD `final_reason` text;--> statement-breakpoint
CREATE INDEX `subject_person` ON `subject` (`person_id`);--> statement-breakpoint
ALTER TABLE `vote_session` ADD `mode` text;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `period_kind` text;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `period_year` integer;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `period_quarter` integer;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `period_label` text;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `criteria` text;