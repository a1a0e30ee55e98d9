/**
 * Emptying the write-ahead log, for secrecy at rest: every commit appends the pages it changed to
 * the `-wal` file, so while a session is open the log holds the card table's pages as each
 * ballot left them. Closing deletes the cards; only a checkpoint that copies the log into the
 * database and truncates it to zero bytes takes those old pages off the disk.
 *
 * A TRUNCATE checkpoint cannot finish while another process reads an older snapshot (a backup,
 * an sqlite3 shell): SQLite then reports it busy and leaves the log as it is. So the checkpoint
 * is tried again, a bounded number of times, without ever holding up the server while it waits.
 */
import { withoutWaiting, type AppDatabase } from './index';
import { storageFault } from './storage-fault';

interface CheckpointRow {
	/** 1 when a reader or writer kept the checkpoint from finishing. */
	busy: number;
	/** Frames in the log, 0 once truncated. */
	log: number;
	/** Frames copied into the database. */
	checkpointed: number;
}

export interface EmptyingOptions {
	attempts: number;
	/** The pause before the first retry; each next one waits twice as long. */
	firstPauseMs: number;
}

/** About 6 s in all: a backup of a large database reads for a few seconds. */
const DEFAULTS: EmptyingOptions = { attempts: 8, firstPauseMs: 50 };

/**
 * One TRUNCATE checkpoint that does not wait for readers: `null` once the log is empty (and its
 * file truncated to zero bytes), else why not.
 */
function truncateOnce(db: AppDatabase): string | null {
	try {
		const [row] = withoutWaiting(db, () => db.$client.pragma('wal_checkpoint(TRUNCATE)')) as [
			CheckpointRow?
		];
		if (row && row.busy === 0 && row.log <= 0) return null;
		return `${row?.log} frames in the log, ${row?.checkpointed} copied: another process is reading the database`;
	} catch (error) {
		// A full disk cannot take the copied pages either: try again, as after a busy reader.
		const fault = storageFault(error);
		if (!fault) throw error;
		return `the storage is failing (${fault})`;
	}
}

const pending = new WeakMap<AppDatabase, Promise<boolean>>();

/**
 * Truncates the write-ahead log. The first attempt is made at once; if a reader keeps it from
 * finishing, later ones follow in the background, and the result says whether the log was
 * emptied. Giving up is logged with nothing but the number of frames left.
 */
export function emptyWriteAheadLog(
	db: AppDatabase,
	options: EmptyingOptions = DEFAULTS
): Promise<boolean> {
	let failure = truncateOnce(db);
	if (!failure) {
		pending.delete(db);
		return Promise.resolve(true);
	}
	const retrying = (async () => {
		for (let attempt = 1; attempt < options.attempts && failure; attempt++) {
			const pause = options.firstPauseMs * 2 ** (attempt - 1);
			await new Promise((resolve) => setTimeout(resolve, pause));
			failure = truncateOnce(db);
		}
		if (!failure) return true;
		console.error(
			`The write-ahead log could not be emptied in ${options.attempts} attempts (${failure}). ` +
				'Until a later checkpoint empties it, the -wal file may still hold pages of deleted cards.'
		);
		return false;
	})();
	pending.set(db, retrying);
	return retrying;
}

/** Settles when the last emptying begun on this connection has: whether the log is empty. */
export function writeAheadLogSettled(db: AppDatabase): Promise<boolean> {
	return pending.get(db) ?? Promise.resolve(true);
}
