/**
 * Whether the storage is failing now, in memory: the last storage fault a request met (its kind,
 * since when, when last), until a later write succeeds. The organiser's session page and
 * /healthz show it, so that whoever runs the server learns to free the disk or close the program
 * holding the database while phones are being told "not recorded, send again".
 *
 * Nothing about a ballot is kept: a fault is recorded for any request, and only its kind and time.
 */
import { withoutWaiting, type AppDatabase } from './index';
import { storageFault, type StorageFault } from './storage-fault';

export interface StorageTrouble {
	fault: StorageFault;
	/** The first fault since the storage last worked. */
	since: Date;
	last: Date;
}

let trouble: StorageTrouble | null = null;

export function recordStorageFault(fault: StorageFault, now = new Date()): void {
	// One line when it starts and one when it ends, not one per request refused.
	if (!trouble) console.error(`Storage is failing (${fault}): requests that write get 503.`);
	trouble = { fault, since: trouble?.since ?? now, last: now };
}

/** A write was committed: the storage works again. */
export function recordStorageWrite(): void {
	if (trouble) console.error('Storage works again.');
	trouble = null;
}

/**
 * Tries a write that changes nothing (the header's user version, rewritten as it is) and commits
 * it: the smallest proof that the disk has room and no other process holds the write lock. It
 * never waits for a lock, so a page asking does not stall the server behind another program.
 */
function probeWrite(db: AppDatabase): StorageFault | null {
	const sqlite = db.$client;
	try {
		withoutWaiting(db, () =>
			sqlite
				.transaction(() => {
					const version = sqlite.pragma('user_version', { simple: true });
					sqlite.pragma(`user_version = ${Number(version)}`);
				})
				.immediate()
		);
		return null;
	} catch (error) {
		const fault = storageFault(error);
		if (!fault) throw error;
		return fault;
	}
}

/**
 * The storage's trouble, or `null` when it works. While a fault is on record, asking tries a
 * write first, so that the warning goes away as soon as the disk has room again, even if no
 * ballot has been sent since.
 */
export function storageTrouble(db: AppDatabase): StorageTrouble | null {
	if (!trouble) return null;
	const fault = probeWrite(db);
	if (fault) recordStorageFault(fault);
	else recordStorageWrite();
	return trouble;
}
