import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, migrationsFolder, openDatabase, type AppDatabase } from './index';

/** A fresh in-memory database with every migration applied, as the app runs it. */
export function createTestDatabase(): AppDatabase {
	const db = openDatabase(':memory:');
	migrateDatabase(db);
	return db;
}

/**
 * The migrations as they stood up to `last` (a tag such as "0006_count_ended_at"): a copy of the
 * folder cut there, to build a database as an older release left it and test a data migration.
 */
export function migrationsUpTo(last: string): string {
	const source = migrationsFolder();
	const journal = JSON.parse(readFileSync(join(source, 'meta/_journal.json'), 'utf8'));
	const end = journal.entries.findIndex((entry: { tag: string }) => entry.tag === last);
	if (end < 0) throw new Error(`No migration ${last}`);
	const kept: { tag: string }[] = journal.entries.slice(0, end + 1);
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-migrations-'));
	mkdirSync(join(folder, 'meta'));
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
	for (const entry of kept)
		copyFileSync(join(source, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
	return folder;
}
