/**
 * `npm run db:backup` refuses to copy the database while a session is open, saying what such a
 * copy holds, unless told `--during-vote`; after close it copies without asking.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '$lib/server/db';
import {
	closeVoteSession,
	openVoteSession,
	recordAttendance
} from '$lib/server/sessions/lifecycle';
import { draftSession, issueTestCards, organiser } from '$lib/server/testing/fixtures';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'phieukin-backup-unit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const databasePath = join(folder, 'votes.db');

function backup(...args: string[]) {
	return run(process.execPath, ['scripts/backup.js', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath }
	}).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => error
	);
}

describe('db:backup while voting is open', () => {
	const db = openDatabase(databasePath);
	migrateDatabase(db);
	let sessionId = '';
	beforeAll(async () => {
		const owner = await organiser(db);
		sessionId = draftSession(db, owner.id, { convened: 3 });
		recordAttendance(db, sessionId, 3);
		issueTestCards(db, sessionId, 3);
		openVoteSession(db, sessionId, null);
	});

	it('refuses, saying what a copy taken now would hold, and writes nothing', async () => {
		const target = join(folder, 'refused.db');
		const refused = await backup(target);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toContain('Voting is open in 1 session: "Lấy phiếu tín nhiệm');
		expect(refused.stderr).toMatch(/SHA-256 of its QR token and of its 10-character code/);
		expect(refused.stderr).toMatch(/whether it is unused, used or void/);
		expect(refused.stderr).toMatch(/the ballots returned so far/);
		expect(refused.stderr).toContain(`npm run db:backup -- --during-vote ${target}`);
		expect(existsSync(target)).toBe(false);
	});

	it('copies with --during-vote, and says what the copy holds', async () => {
		const target = join(folder, 'during-vote.db');
		const copied = await backup('--during-vote', target);
		expect(copied.code).toBe(0);
		expect(copied.stdout).toContain('integrity ok; 1 sessions, 0 ballots');
		expect(copied.stderr).toContain('Copying all the same (--during-vote)');
		expect(existsSync(target)).toBe(true);
	});

	it('copies without asking once the session is closed', async () => {
		closeVoteSession(db, sessionId);
		const target = join(folder, 'after-close.db');
		const copied = await backup(target);
		expect(copied).toMatchObject({ code: 0, stderr: '' });
		expect(existsSync(target)).toBe(true);
		db.$client.close();
	});
});
