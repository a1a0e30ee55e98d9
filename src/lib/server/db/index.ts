import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle a `db.transaction(…)` callback receives. */
export type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

export const DEFAULT_DATABASE_PATH = './data/phieukin.db';

/**
 * Pragmas applied to every connection and read back. better-sqlite3 lowers `synchronous` to
 * NORMAL when WAL is enabled, so FULL is set after journal_mode: an acknowledged ballot must
 * survive a power cut.
 */
const PRAGMAS = [
	['journal_mode', 'WAL', 'wal'],
	['synchronous', 'FULL', 2],
	['foreign_keys', 'ON', 1],
	['busy_timeout', '5000', 5000],
	['secure_delete', 'ON', 1]
] as const;

function applyPragmas(sqlite: Database.Database, inMemory: boolean): void {
	for (const [name, value, expected] of PRAGMAS) {
		sqlite.pragma(`${name} = ${value}`);
		const actual = sqlite.pragma(name, { simple: true });
		// An in-memory database has no write-ahead log; everything else must hold.
		if (inMemory && name === 'journal_mode') continue;
		if (actual !== expected) {
			throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(expected)}`);
		}
	}
}

const composed = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value);

/**
 * SQL functions SQLite lacks, on every connection, for drizzle/0007_nfc_text.sql: `nfc(text)`
 * composes Unicode text (NFC); `nfc_json(text)` composes the strings inside a JSON text, where
 * composing the text itself could break it (an escaped "\n" before a combining mark would
 * become "\ñ"), and leaves a text with nothing to compose byte for byte as it is. drizzle-kit's
 * own connection has neither: `npm run db:migrate` migrates through this module instead.
 */
function registerFunctions(sqlite: Database.Database): void {
	sqlite.function('nfc', { deterministic: true }, composed);
	sqlite.function('nfc_json', { deterministic: true }, (json: unknown) =>
		typeof json !== 'string' || json === json.normalize('NFC')
			? json
			: JSON.stringify(JSON.parse(json, (_key, value) => composed(value)))
	);
}

export function openDatabase(path: string): AppDatabase {
	const inMemory = path === ':memory:';
	if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	applyPragmas(sqlite, inMemory);
	registerFunctions(sqlite);
	return drizzle(sqlite, { schema });
}

/**
 * Runs `work` with the busy timeout off, restored after: on a lock it fails at once instead of
 * holding up the server (better-sqlite3 waits synchronously) for other programs to let go.
 */
export function withoutWaiting<T>(db: AppDatabase, work: () => T): T {
	const sqlite = db.$client;
	const timeout = Number(sqlite.pragma('busy_timeout', { simple: true }));
	sqlite.pragma('busy_timeout = 0');
	try {
		return work();
	} finally {
		sqlite.pragma(`busy_timeout = ${timeout}`);
	}
}

export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');
}

export function migrateDatabase(db: AppDatabase, folder = migrationsFolder()): void {
	migrate(db, { migrationsFolder: folder });
}

let instance: AppDatabase | undefined;

/** The application's connection, opened on first use (never while `vite build` analyses routes). */
export function db(): AppDatabase {
	instance ??= openDatabase(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
	return instance;
}
