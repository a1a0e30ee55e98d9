-- receipt is WITHOUT ROWID (added by hand, as for the ballot tables): no insertion order.
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_event_session` ON `audit_event` (`session_id`);--> statement-breakpoint
CREATE TABLE `committee_member` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`full_name` text NOT NULL,
	`role_title` text NOT NULL,
	`user_id` text,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `committee_member_session` ON `committee_member` (`session_id`);--> statement-breakpoint
CREATE INDEX `committee_member_user` ON `committee_member` (`user_id`);--> statement-breakpoint
CREATE TABLE `count_confirmation` (
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receipt` (
	`session_id` text NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`session_id`, `code`),
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `vote_session` ADD `paper_issued` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `paper_returned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `projector_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `vote_session` SET `projector_key` = lower(hex(randomblob(16))) WHERE `projector_key` = '';--> statement-breakpoint
ALTER TABLE `vote_session` ADD `confirmations_required` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `vote_session` ADD `published_at` integer;--> statement-breakpoint
CREATE INDEX `vote_session_projector` ON `vote_session` (`projector_key`);