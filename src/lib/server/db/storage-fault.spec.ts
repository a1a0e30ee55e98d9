import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageFault } from './storage-fault';

function sqliteError(run: (db: Database.Database) => void): unknown {
	const db = new Database(':memory:');
	try {
		run(db);
	} catch (error) {
		return error;
	} finally {
		db.close();
	}
	throw new Error('expected SQLite to fail');
}

describe('storageFault', () => {
	it('recognises a full database from SQLite itself', () => {
		const error = sqliteError((db) => {
			db.exec('create table t (x text)');
			db.pragma('max_page_count = 2');
			db.prepare('insert into t values (?)').run('x'.repeat(100_000));
		});
		expect(storageFault(error)).toBe('full');
	});

	it('recognises a busy database and a disk error by their codes', () => {
		expect(storageFault(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe('busy');
		expect(storageFault(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(
			'busy'
		);
		expect(storageFault(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' }))).toBe('io');
		expect(storageFault(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('full');
	});

	it('leaves every other error to the generic handling', () => {
		const constraint = sqliteError((db) => {
			db.exec('create table t (x text not null)');
			db.prepare('insert into t values (null)').run();
		});
		expect(storageFault(constraint)).toBeNull();
		expect(storageFault(new Error('bug'))).toBeNull();
		expect(storageFault(null)).toBeNull();
		expect(storageFault('SQLITE_FULL')).toBeNull();
	});
});
