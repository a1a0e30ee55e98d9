ALTER TABLE `vote_session` ADD `count_ended_at` integer;--> statement-breakpoint
-- Sessions closed before this column existed: their count ended when voting closed, as far as
-- anything recorded can tell (paper ballots entered later left no time).
UPDATE `vote_session` SET `count_ended_at` = `closed_at` WHERE `closed_at` IS NOT NULL;
