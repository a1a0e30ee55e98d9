-- Ballot, ballot_choice and credential are WITHOUT ROWID (added by hand; drizzle-kit cannot
-- express it): no hidden insertion order may link a ballot to the moment it was cast.
CREATE TABLE `ballot` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `ballot_session` ON `ballot` (`session_id`);--> statement-breakpoint
CREATE TABLE `ballot_choice` (
	`ballot_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`choice` text NOT NULL,
	PRIMARY KEY(`ballot_id`, `subject_id`),
	FOREIGN KEY (`ballot_id`) REFERENCES `ballot`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subject`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `ballot_choice_subject` ON `ballot_choice` (`subject_id`);--> statement-breakpoint
CREATE TABLE `credential` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`session_id` text NOT NULL,
	`status` text DEFAULT 'unused' NOT NULL,
	`submission_hash` text,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "credential_status_known" CHECK("credential"."status" in ('unused', 'used', 'void'))
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_code_hash_unique` ON `credential` (`code_hash`);--> statement-breakpoint
CREATE INDEX `credential_session_status` ON `credential` (`session_id`,`status`);--> statement-breakpoint
CREATE TABLE `subject` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`full_name` text NOT NULL,
	`job_title` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subject_session_position` ON `subject` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `vote_session` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`organisation` text NOT NULL,
	`meeting_date` text NOT NULL,
	`meeting_time` text,
	`place` text NOT NULL,
	`convened` integer NOT NULL,
	`present` integer,
	`preset` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`quorum_override_reason` text,
	`cards_issued` integer DEFAULT 0 NOT NULL,
	`cards_voided` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vote_session_state_known" CHECK("vote_session"."state" in ('draft', 'open', 'closed')),
	CONSTRAINT "vote_session_convened_positive" CHECK("vote_session"."convened" > 0),
	CONSTRAINT "vote_session_present_range" CHECK("vote_session"."present" is null or "vote_session"."present" between 0 and "vote_session"."convened")
);
--> statement-breakpoint
CREATE INDEX `vote_session_owner` ON `vote_session` (`owner_id`);