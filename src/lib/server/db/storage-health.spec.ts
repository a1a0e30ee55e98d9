import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from './index';
import { recordStorageFault, recordStorageWrite, storageTrouble } from './storage-health';

let folder = '';
let db: AppDatabase;
/** Another program on the same file, e.g. an sqlite3 shell. */
let other: Database.Database;

beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation(() => {});
	folder = mkdtempSync(join(tmpdir(), 'phieukin-health-'));
	db = openDatabase(join(folder, 'votes.db'));
	db.$client.exec('create table t (x text)');
	other = new Database(join(folder, 'votes.db'));
});

afterEach(() => {
	recordStorageWrite();
	other.close();
	db.$client.close();
	rmSync(folder, { recursive: true, force: true });
	vi.restoreAllMocks();
});

const dataVersion = () => other.pragma('data_version', { simple: true });

describe('storage health', () => {
	it('is fine, and writes nothing to say so, while no fault is on record', () => {
		const before = dataVersion();
		expect(storageTrouble(db)).toBeNull();
		expect(dataVersion()).toBe(before);
	});

	it('keeps a fault while a write still fails, without waiting for the lock', () => {
		const at = new Date('2026-11-23T08:40:00Z');
		recordStorageFault('busy', at);
		other.prepare('begin immediate').run();

		const started = Date.now();
		expect(storageTrouble(db)).toMatchObject({ fault: 'busy', since: at });
		expect(Date.now() - started).toBeLessThan(1000);
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
		expect(console.error).toHaveBeenCalledWith(
			expect.stringMatching(/^Storage is failing \(busy\)/)
		);
	});

	it('clears once a write goes through: a probe, or a committed ballot', () => {
		recordStorageFault('full');
		expect(storageTrouble(db)).toBeNull();
		expect(console.error).toHaveBeenLastCalledWith('Storage works again.');

		recordStorageFault('full');
		recordStorageWrite();
		const before = dataVersion();
		expect(storageTrouble(db)).toBeNull();
		expect(dataVersion()).toBe(before);
	});
});
