-- closed_card is WITHOUT ROWID (added by hand, as for the ballot tables and credential): its rows
-- are ordered by fingerprint, never by the order of the cards they came from.
CREATE TABLE `closed_card` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `vote_session`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `closed_card_session` ON `closed_card` (`session_id`);
