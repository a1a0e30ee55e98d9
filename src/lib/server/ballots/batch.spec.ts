import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { castBallotSoon } from './batch';
import type { AppDatabase } from '../db';
import { openDatabase } from '../db';
import { storageFault } from '../db/storage-fault';
import { openSession, type OpenSession } from '../testing/fixtures';

const nonce = (index: number) => `${index}`.padStart(22, 'N');

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function count(db: AppDatabase, sql: string): number {
	return (db.$client.prepare(sql).get() as { n: number }).n;
}

/** Sends one ballot per card, all in the same batch; each settles as it did. */
function sendAll({ db, cards, subjectIds }: OpenSession) {
	return Promise.allSettled(
		cards.map((card, index) =>
			castBallotSoon(
				db,
				{ kind: 'token', value: card.token },
				{ kind: 'choices', choices: new Map([[subjectIds[0]!, 'high']]) },
				nonce(index)
			)
		)
	);
}

/** The same session, moved to a file so that a second connection can hold its write lock. */
function onDisk(session: OpenSession): OpenSession {
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-batch-'));
	folders.push(folder);
	const path = join(folder, 'votes.db');
	session.db.$client.exec(`vacuum into '${path}'`);
	return { ...session, db: openDatabase(path) };
}

describe('castBallotSoon', () => {
	it('stores ballots sent together in one go, each with its own outcome', async () => {
		const { db, cards, subjectIds } = await openSession({ cards: 20 });
		const choices = (mark: string) => ({
			kind: 'choices' as const,
			choices: new Map([[subjectIds[0]!, mark]])
		});
		const token = (index: number) => ({ kind: 'token' as const, value: cards[index]!.token });
		const outcomes = await Promise.all([
			...cards.map((_, index) => castBallotSoon(db, token(index), choices('high'), nonce(index))),
			// The same card again in the same batch: the same submission is recognised, another is not.
			castBallotSoon(db, token(0), choices('high'), nonce(0)),
			castBallotSoon(db, token(1), choices('low'), nonce(99)),
			castBallotSoon(db, { kind: 'token', value: 'unknown' }, choices('low'), nonce(98))
		]);
		expect(outcomes.slice(0, 20).every((outcome) => outcome.ok && !outcome.repeated)).toBe(true);
		expect(outcomes[20]).toMatchObject({ ok: true, repeated: true });
		expect(outcomes[21]).toEqual({ ok: false, refusal: 'used' });
		expect(outcomes[22]).toEqual({ ok: false, refusal: 'invalid' });
		const stored = db.$client.prepare('select count(*) as n from ballot').get() as { n: number };
		expect(stored.n).toBe(20);
	});

	it('fails every ballot of a batch that meets a storage fault, and stores none of them', async () => {
		const session = await openSession({ cards: 6 });
		const { db } = session;
		// The disk fills while the batch is under way: the third ballot cannot be written.
		db.$client.function('disk_full', () => {
			throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
		});
		db.$client.exec(
			'create temp trigger fill after insert on main.ballot ' +
				'when (select count(*) from main.ballot) > 2 begin select disk_full(); end'
		);

		const outcomes = await sendAll(session);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('rejected'));
		for (const outcome of outcomes) {
			expect(storageFault(outcome.status === 'rejected' && outcome.reason)).toBe('full');
		}
		expect(count(db, 'select count(*) as n from ballot')).toBe(0);
		expect(count(db, "select count(*) as n from credential where status = 'used'")).toBe(0);
		expect(count(db, 'select count(*) as n from receipt')).toBe(0);

		// Room again: the same submissions are stored, once each.
		db.$client.exec('drop trigger temp.fill');
		const resent = await sendAll(session);
		expect(resent.every((outcome) => outcome.status === 'fulfilled' && outcome.value.ok)).toBe(
			true
		);
		expect(count(db, 'select count(*) as n from ballot')).toBe(6);
		expect(count(db, "select count(*) as n from credential where status = 'used'")).toBe(6);
	});

	it('fails the batch while another process holds the write lock, then recovers', async () => {
		const session = onDisk(await openSession({ cards: 4 }));
		const { db } = session;
		db.$client.pragma('busy_timeout = 0');
		const other = new Database(db.$client.name);
		other.prepare('begin immediate').run();

		const outcomes = await sendAll(session);
		for (const outcome of outcomes) {
			expect(storageFault(outcome.status === 'rejected' && outcome.reason)).toBe('busy');
		}
		expect(db.$client.inTransaction).toBe(false);

		other.prepare('rollback').run();
		other.close();
		const resent = await sendAll(session);
		expect(resent.every((outcome) => outcome.status === 'fulfilled' && outcome.value.ok)).toBe(
			true
		);
		expect(count(db, 'select count(*) as n from ballot')).toBe(4);
		db.$client.close();
	});

	it('commits a batch of its own even if a transaction was left open', async () => {
		const { db, cards, subjectIds } = await openSession({ cards: 1 });
		db.$client.exec('begin');
		const outcome = await castBallotSoon(
			db,
			{ kind: 'token', value: cards[0]!.token },
			{ kind: 'choices', choices: new Map([[subjectIds[0]!, 'low']]) },
			nonce(0)
		);
		expect(outcome.ok).toBe(true);
		// Committed, not a savepoint inside the stray transaction.
		expect(db.$client.inTransaction).toBe(false);
		expect(count(db, 'select count(*) as n from ballot')).toBe(1);
	});
});
