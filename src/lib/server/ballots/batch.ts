/**
 * Group commit for returned ballots. With `synchronous=FULL` every commit waits for the disk
 * (about 1 ms here for a ballot's pages), and better-sqlite3 waits on the event loop; ballots
 * that arrive while one commit is under way are stored together in the next transaction, one
 * wait for all of them. Each phone is answered only after the commit that holds its ballot:
 * nothing is acknowledged before it is durable.
 *
 * Each ballot runs in a savepoint of its own (castBallot's transaction, nested), so a ballot
 * that fails through a bug rolls back alone and the others in the batch are kept. A storage
 * fault (disk full, database busy, I/O error) fails the whole batch instead: SQLite may already
 * have rolled the transaction back, and a ballot after it would then commit on its own. Every
 * ballot of the batch is rolled back and rejected with the fault, its card left unused, so that
 * the phone can send the same submission again once the storage works.
 */
import type { Answers } from '$lib/ballot-rules';
import type { AppDatabase } from '../db';
import { storageFault } from '../db/storage-fault';
import { recordStorageWrite } from '../db/storage-health';
import { castBallot, type CardKey, type CastResult } from './cast';

interface Pending {
	key: CardKey;
	answers: Answers;
	nonce: string;
	settle: (outcome: { result: CastResult } | { error: unknown }) => void;
}

const queues = new WeakMap<AppDatabase, Pending[]>();

function flush(db: AppDatabase): void {
	const batch = queues.get(db) ?? [];
	queues.delete(db);
	// A transaction left open (by a rollback that failed) would make this batch a savepoint of
	// it: acknowledged, never committed. Nothing legitimate is open between turns of the loop.
	if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
	let outcomes: ({ result: CastResult } | { error: unknown })[];
	try {
		outcomes = db.transaction(
			() =>
				batch.map((pending) => {
					try {
						return { result: castBallot(db, pending.key, pending.answers, pending.nonce) };
					} catch (error) {
						if (storageFault(error)) throw error;
						return { error };
					}
				}),
			{ behavior: 'immediate' }
		);
		recordStorageWrite();
	} catch (error) {
		// Rolled back, or never begun or committed: nothing of the batch was stored or acknowledged.
		outcomes = batch.map(() => ({ error }));
	}
	batch.forEach((pending, index) => pending.settle(outcomes[index] as (typeof outcomes)[number]));
}

/** castBallot, committed together with the ballots that arrive at the same moment. */
export function castBallotSoon(
	db: AppDatabase,
	key: CardKey,
	answers: Answers,
	nonce: string
): Promise<CastResult> {
	return new Promise((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) {
			queue = [];
			queues.set(db, queue);
			setImmediate(() => flush(db));
		}
		queue.push({
			key,
			answers,
			nonce,
			settle: (outcome) => ('result' in outcome ? resolve(outcome.result) : reject(outcome.error))
		});
	});
}
