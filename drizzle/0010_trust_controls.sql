CREATE TABLE `account_setup` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_setup_user_id_unique` ON `account_setup` (`user_id`);--> statement-breakpoint
CREATE TABLE `amendment` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text,
	`at` integer NOT NULL,
	`reason` text NOT NULL,
	`correction` text NOT NULL,
	`subject_id` text,
	`grade_before` text,
	`grade_after` text,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subject`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `amendment_session` ON `amendment` (`session_id`,`at`);