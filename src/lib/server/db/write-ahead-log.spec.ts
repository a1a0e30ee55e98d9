import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from './index';
import { emptyWriteAheadLog } from './write-ahead-log';

const folders: string[] = [];
afterEach(() => {
	vi.restoreAllMocks();
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A database on disk with a few commits in its log, and a second connection reading it. */
function loggedDatabase(): { db: AppDatabase; reader: Database.Database; wal: string } {
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-wal-'));
	folders.push(folder);
	const path = join(folder, 'votes.db');
	const db = openDatabase(path);
	db.$client.exec('create table t (x text)');
	for (let i = 0; i < 20; i++) db.$client.prepare('insert into t values (?)').run(`row ${i}`);
	return { db, reader: new Database(path, { readonly: true }), wal: `${path}-wal` };
}

/** The reader opens a snapshot and keeps it, as a backup or an sqlite3 shell in a transaction. */
function holdSnapshot(reader: Database.Database): void {
	reader.prepare('begin').run();
	reader.prepare('select count(*) from t').get();
}

describe('emptyWriteAheadLog', () => {
	it('truncates the log at once when nobody else reads', async () => {
		const { db, reader, wal } = loggedDatabase();
		expect(statSync(wal).size).toBeGreaterThan(0);
		expect(await emptyWriteAheadLog(db)).toBe(true);
		expect(statSync(wal).size).toBe(0);
		reader.close();
		db.$client.close();
	});

	it('tries again while a reader holds a snapshot, and truncates once it lets go', async () => {
		const { db, reader, wal } = loggedDatabase();
		holdSnapshot(reader);
		db.$client.prepare('insert into t values (?)').run('after the snapshot');

		const emptied = emptyWriteAheadLog(db, { attempts: 50, firstPauseMs: 1 });
		// The first checkpoint could not truncate under the reader.
		expect(statSync(wal).size).toBeGreaterThan(0);
		reader.prepare('commit').run();
		expect(await emptied).toBe(true);
		expect(statSync(wal).size).toBe(0);
		reader.close();
		db.$client.close();
	});

	it('gives up after the attempts allowed and says so, with nothing but the log’s size', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { db, reader, wal } = loggedDatabase();
		holdSnapshot(reader);
		db.$client.prepare('insert into t values (?)').run('after the snapshot');

		expect(await emptyWriteAheadLog(db, { attempts: 3, firstPauseMs: 1 })).toBe(false);
		expect(statSync(wal).size).toBeGreaterThan(0);
		expect(errors).toHaveBeenCalledTimes(1);
		expect(String(errors.mock.calls[0]?.[0])).toMatch(
			/could not be emptied in 3 attempts \(\d+ frames in the log, \d+ copied: another process is reading/
		);
		reader.prepare('commit').run();
		reader.close();
		db.$client.close();
	});
});
