// `npm run db:backup -- <file>`: a consistent copy of the database while the app runs, made
// with SQLite's online backup API in a single step (one read snapshot, so ballots being cast
// meanwhile are either wholly in the copy or not at all). The copy is one self-contained file;
// see "Backup and restore" in the README.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run db:backup -- <file>');
	process.exit(2);
}
if (existsSync(target)) {
	console.error(`${target} exists already; choose a new file name.`);
	process.exit(2);
}
const sourcePath = process.env.DATABASE_PATH ?? './data/phieukin.db';
if (!existsSync(sourcePath)) {
	console.error(`No database at ${resolve(sourcePath)} (set DATABASE_PATH).`);
	process.exit(2);
}

const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
source.pragma('busy_timeout = 5000');
// Returning the largest step copies every page at once: no restart when ballots arrive.
await source.backup(target, { progress: () => 0x7fffffff });
source.close();

const copy = new Database(target);
copy.pragma('journal_mode = DELETE');
const integrity = copy.pragma('integrity_check', { simple: true });
const count = (table) => copy.prepare(`select count(*) from ${table}`).pluck().get();
const summary = `${count('vote_session')} sessions, ${count('ballot')} ballots, ${count('user')} accounts`;
copy.close();
if (integrity !== 'ok') {
	console.error(`The copy at ${target} failed SQLite's integrity check: ${integrity}`);
	process.exit(1);
}
console.log(`Backed up ${resolve(sourcePath)} to ${resolve(target)}: integrity ok; ${summary}.`);
