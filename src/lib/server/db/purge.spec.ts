/**
 * Secrecy on disk: once a session is closed, its cards are purged, and not one byte of a token,
 * a token hash, a code hash or a submission hash remains in the database file, its write-ahead
 * log or its shared-memory index. Another session still voting keeps its cards, which proves the
 * scan would find them. What closing keeps (a fingerprint of each card, see `closedCard`) is
 * found by the same scan, and is none of those.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSubmission } from '../ballots/cast';
import {
	closedCardFingerprint,
	hashCardCode,
	hashCardToken,
	type IssuedCard
} from '../cards/ballot-cards';
import { castChoices, draftSession, issueTestCards, organiser } from '../testing/fixtures';
import { listSubjects } from '../sessions/subjects';
import { closeVoteSession, openVoteSession, recordAttendance } from '../sessions/lifecycle';
import { migrateDatabase, openDatabase, type AppDatabase } from './index';
import { writeAheadLogSettled } from './write-ahead-log';

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileDatabase(): { db: AppDatabase; path: string } {
	const folder = mkdtempSync(join(tmpdir(), 'phieukin-purge-'));
	folders.push(folder);
	const path = join(folder, 'votes.db');
	const db = openDatabase(path);
	migrateDatabase(db);
	return { db, path };
}

/** Every byte SQLite keeps for this database, as text a secret would appear in. */
function bytesOnDisk(path: string): string {
	return ['', '-wal', '-shm']
		.map((suffix) => path + suffix)
		.filter((file) => existsSync(file))
		.map((file) => readFileSync(file).toString('latin1'))
		.join('\n');
}

/**
 * The secrets found in the bytes. Hex hashes are looked up among every 64-character window of
 * the hex runs (stored values sit side by side, so a run may hold several, unaligned); the
 * rest by a plain search.
 */
function secretsFound(bytes: string, secrets: string[]): string[] {
	const windows = new Set<string>();
	for (const run of bytes.match(/[0-9a-f]{64,}/g) ?? []) {
		for (let start = 0; start + 64 <= run.length; start++)
			windows.add(run.slice(start, start + 64));
	}
	return secrets.filter((secret) =>
		/^[0-9a-f]{64}$/.test(secret) ? windows.has(secret) : bytes.includes(secret)
	);
}

function secretsOf(cards: IssuedCard[], nonces: string[]): string[] {
	return [
		...cards.flatMap((card) => [
			card.token,
			card.code,
			hashCardToken(card.token),
			hashCardCode(card.code)
		]),
		...nonces.flatMap((nonce) => [nonce, hashSubmission(nonce)])
	];
}

async function openWithCards(db: AppDatabase, ownerId: string, cardCount: number) {
	const sessionId = draftSession(db, ownerId, { convened: cardCount, subjects: 3 });
	recordAttendance(db, sessionId, cardCount);
	const cards = issueTestCards(db, sessionId, cardCount);
	openVoteSession(db, sessionId, null);
	return { sessionId, cards, subjectIds: listSubjects(db, sessionId).map((s) => s.id) };
}

/** Enough cards that the card table's B-trees have interior pages holding divider keys. */
const CARDS = 400;

describe('purging a closed session', () => {
	// 800 cards written, rebuilt and checkpointed on disk: past vitest's 5 s on a busy machine.
	it('leaves no token or hash of its cards in the database, -wal or -shm bytes', async () => {
		const { db, path } = fileDatabase();
		const owner = await organiser(db);
		const closing = await openWithCards(db, owner.id, CARDS);
		const stillOpen = await openWithCards(db, owner.id, CARDS);

		const nonces = closing.cards.slice(0, CARDS - 100).map((card, index) => {
			const nonce = `nonce${index}`.padEnd(22, 'x');
			const choice = index % 2 ? 'high' : 'low';
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[closing.subjectIds[0]!, choice]]),
				nonce
			);
			return nonce;
		});
		const closingSecrets = secretsOf(closing.cards, nonces);
		// Before closing, the hashes are on disk: the scan can see them.
		const stored = [
			...closing.cards.flatMap((card) => [hashCardToken(card.token), hashCardCode(card.code)]),
			...nonces.map(hashSubmission)
		];
		expect(secretsFound(bytesOnDisk(path), stored)).toHaveLength(stored.length);

		expect(closeVoteSession(db, closing.sessionId)).toBe(true);

		const after = bytesOnDisk(path);
		expect(secretsFound(after, closingSecrets)).toEqual([]);
		expect(readFileSync(`${path}-wal`).length).toBe(0);
		const kept = closing.cards.flatMap((card) => [
			closedCardFingerprint(hashCardToken(card.token)),
			closedCardFingerprint(hashCardCode(card.code))
		]);
		expect(secretsFound(after, kept)).toHaveLength(2 * CARDS);
		// The other session's cards are untouched and still found by the same scan.
		const openHashes = stillOpen.cards.map((card) => hashCardToken(card.token));
		expect(secretsFound(after, openHashes)).toHaveLength(CARDS);
		expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		db.$client.close();
	}, 30_000);

	it('empties the log once a reader holding an older snapshot lets go', async () => {
		const { db, path } = fileDatabase();
		const owner = await organiser(db);
		const closing = await openWithCards(db, owner.id, 20);
		const reader = new Database(path, { readonly: true });
		reader.prepare('begin').run();
		reader.prepare('select count(*) from credential').get();

		expect(closeVoteSession(db, closing.sessionId)).toBe(true);
		// The reader still sees the cards: the log cannot be truncated under it yet.
		expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
		reader.prepare('commit').run();
		reader.close();

		expect(await writeAheadLogSettled(db)).toBe(true);
		expect(readFileSync(`${path}-wal`).length).toBe(0);
		const secrets = closing.cards.map((card) => hashCardToken(card.token));
		expect(secretsFound(bytesOnDisk(path), secrets)).toEqual([]);
		db.$client.close();
	});
});
