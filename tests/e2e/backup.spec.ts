/**
 * Backup and restore as the README describes them: `npm run db:backup -- <file>` while phones
 * are voting is refused unless told `--during-vote`, and then gives a consistent copy (integrity
 * ok, every ballot with its used card); a copy taken after close has the same rows as the live
 * database; and a server started on a restored copy serves exactly what the copy holds.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
	ballotFields,
	castBallot,
	closeVoting,
	firstAdministrator,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	submissionNonce
} from './support/http-client';
import { startOwnServer } from './support/server';

const CARDS = 500;
const run = promisify(execFile);

function backup(databasePath: string, ...args: string[]) {
	return run('npm', ['run', '--silent', 'db:backup', '--', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath }
	});
}

function rowCounts(path: string): Record<string, number> {
	const database = new Database(path, { readonly: true });
	const tables = database
		.prepare("select name from sqlite_master where type = 'table' order by name")
		.pluck()
		.all() as string[];
	const counts = Object.fromEntries(
		tables.map((table) => [
			table,
			database.prepare(`select count(*) from "${table}"`).pluck().get()
		])
	) as Record<string, number>;
	database.close();
	return counts;
}

test('an online backup while votes are cast is consistent, and restoring it works', async () => {
	test.setTimeout(120_000);
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-backup-'));
	const server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const sessionId = await prepareSession(organiser, {
		convened: CARDS,
		people: Array.from({ length: 10 }, (_, index) => `Đại biểu số ${index + 1}\tỦy viên`)
	});
	const codes = await issueCards(organiser, sessionId, CARDS);
	await openVoting(organiser, sessionId);
	const fields = await ballotFields(await phoneWithCard(server.origin, codes[0] as string));

	let cast = 0;
	const queue = [...codes];
	const voting = Promise.all(
		Array.from({ length: 20 }, async () => {
			for (let code = queue.pop(); code; code = queue.pop()) {
				const phone = await phoneWithCard(server.origin, code);
				const marks = Object.fromEntries(fields.map((field) => [field, 'high']));
				expect((await castBallot(phone, marks, submissionNonce())).status).toBe(303);
				cast++;
			}
		})
	);
	while (cast < 40) await new Promise((resolve) => setTimeout(resolve, 20));
	const duringVote = join(folder, 'during-vote.db');
	const acknowledgedBeforeBackup = cast;
	const { stdout } = await backup(server.databasePath, '--during-vote', duringVote);
	expect(stdout).toContain('integrity ok');
	const acknowledgedAfterBackup = cast;
	await voting;
	expect(cast).toBe(CARDS);

	// Taken mid-vote: a consistent snapshot, every ballot with its used card.
	const snapshot = new Database(duringVote, { readonly: true });
	expect(snapshot.pragma('integrity_check', { simple: true })).toBe('ok');
	const ballots = snapshot.prepare('select count(*) from ballot').pluck().get() as number;
	const used = snapshot
		.prepare("select count(*) from credential where status = 'used'")
		.pluck()
		.get() as number;
	const marks = snapshot.prepare('select count(*) from ballot_choice').pluck().get() as number;
	snapshot.close();
	expect(ballots).toBeGreaterThanOrEqual(40);
	expect(ballots).toBeLessThan(CARDS);
	// Every ballot acknowledged before the copy began is in it; at most the 20 in flight beyond
	// those acknowledged by the time it ended.
	expect(ballots).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);
	expect(ballots).toBeLessThanOrEqual(acknowledgedAfterBackup + 20);
	expect(used).toBe(ballots);
	expect(marks).toBe(ballots * fields.length);

	// Not without being told, while the session is open: the copy would hold its cards.
	const refused = join(folder, 'refused.db');
	await expect(backup(server.databasePath, refused)).rejects.toThrow(/Voting is open in 1 session/);
	expect(existsSync(refused)).toBe(false);

	// Taken at rest, after close: the same rows as the live database.
	await closeVoting(organiser, sessionId);
	const atRest = join(folder, 'at-rest.db');
	await backup(server.databasePath, atRest);
	expect(rowCounts(atRest)).toEqual(rowCounts(server.databasePath));
	await expect(backup(server.databasePath, atRest)).rejects.toThrow(/exists already/);

	// Restore the mid-vote copy: stop, replace the file, drop the old log, start.
	await server.stop();
	copyFileSync(duringVote, server.databasePath);
	rmSync(`${server.databasePath}-wal`, { force: true });
	rmSync(`${server.databasePath}-shm`, { force: true });
	await server.restart();
	expect(rowCounts(server.databasePath)).toEqual(rowCounts(duringVote));
	const page = await organiser.get(`/sessions/${sessionId}`);
	expect(page.status).toBe(200);
	expect(page.body).toContain(`${ballots}/${CARDS}`);
	await server.stop();
	rmSync(folder, { recursive: true, force: true });
});
