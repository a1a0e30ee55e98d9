DROP INDEX `ballot_choice_subject`;--> statement-breakpoint
CREATE INDEX `ballot_choice_subject_choice` ON `ballot_choice` (`subject_id`,`choice`);