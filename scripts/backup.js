// `npm run db:backup -- <file>`: a consistent copy of the database while the app runs, made
// with SQLite's online backup API in a single step (one read snapshot, so ballots being cast
// meanwhile are either wholly in the copy or not at all). The copy is one self-contained file;
// see "Backup and restore" in the README. While a session is open it refuses unless given
// `--during-vote`: until closing purges them, the cards are in the copy (see `duringVoteRisks`).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const DURING_VOTE = '--during-vote';
const args = process.argv.slice(2);
const duringVote = args.includes(DURING_VOTE);
const [target, ...extra] = args.filter((arg) => arg !== DURING_VOTE);
if (!target || extra.length > 0 || target.startsWith('--')) {
	console.error(`Usage: npm run db:backup -- [${DURING_VOTE}] <file>`);
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

/** Titles of the sessions open for voting (none in a database the app never migrated). */
function openSessions() {
	const migrated = source
		.prepare("select 1 from sqlite_master where type = 'table' and name = 'vote_session'")
		.get();
	if (!migrated) return [];
	return source.prepare("select title from vote_session where state = 'open'").pluck().all();
}

/**
 * What a copy holds while voting is open and not after close (sessions/lifecycle.ts purges the
 * cards, cards/ballot-cards.ts scrubs them and empties the write-ahead log): stated exactly, so
 * that whoever runs it can weigh it.
 */
const duringVoteRisks = `A copy taken now keeps, for as long as the copy exists:
  - every card of the open sessions: the SHA-256 of its QR token and of its 10-character code,
    and whether it is unused, used or void. With the printed card sheet, or any card in hand,
    that says which cards have voted so far; and a code (about 48 bits) can be recovered from
    its hash by brute force, then typed to vote with a card not yet used until voting closes;
  - the hash of the submission that used each used card;
  - the ballots returned so far: a count before close, which the app shows nobody until voting
    is closed;
  - set beside another copy, or the live files, from another moment: which cards were used in
    between, next to the ballots added in between; with few votes between the two, a card is
    tied to its ballot.
Closing a session deletes its cards (only a fingerprint of each is kept) and empties the
write-ahead log, so a copy taken after close holds none of this.`;

const open = openSessions();
if (open.length > 0) {
	const titles = open.map((title) => `"${title}"`).join(', ');
	const heading = `Voting is open in ${open.length} session${open.length > 1 ? 's' : ''}: ${titles}.`;
	if (!duringVote) {
		source.close();
		console.error(
			`${heading}\n${duringVoteRisks}\nBack up after closing. To copy now all the same, and keep the copy ` +
				`as safe as the live database:\n  npm run db:backup -- ${DURING_VOTE} ${target}`
		);
		process.exit(3);
	}
	console.error(`${heading}\nCopying all the same (${DURING_VOTE}). ${duringVoteRisks}`);
}

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
