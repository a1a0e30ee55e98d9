/**
 * Anonymity by construction, checked on the real schema and on real data: these tests fail if a
 * ballot table gains a linking column, a timestamp, a sequence or a rowid.
 */
import { describe, expect, it } from 'vitest';
import { hashSubmission, receiptCode } from '../ballots/cast';
import {
	closedCardFingerprint,
	hashCardCode,
	hashCardToken,
	voidCardByCode
} from '../cards/ballot-cards';
import { closeVoteSession } from '../sessions/lifecycle';
import { castChoices, openSession } from '../testing/fixtures';
import { createTestDatabase } from './testing';

const BALLOT_TABLES = ['ballot', 'ballot_choice', 'score_sheet', 'score_entry'];
const FORBIDDEN_COLUMN =
	/token|credential|card|code|user|voter|ip|address|agent|device|time|date|_at$|created|seq|order|position|rank|submission|receipt/i;

const sqlite = () => createTestDatabase().$client;
type Sqlite = ReturnType<typeof sqlite>;

const columnsOf = (db: Sqlite, table: string) =>
	db.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];

/** The tables a table's foreign keys point to. */
const referencesOf = (db: Sqlite, table: string) =>
	db.prepare(`select "table" from pragma_foreign_key_list(?)`).pluck().all(table) as string[];

describe('the ballot tables', () => {
	it('have no column that could identify, locate or order a voter', () => {
		const db = sqlite();
		for (const table of BALLOT_TABLES) {
			const columns = columnsOf(db, table);
			expect(columns.length, table).toBeGreaterThan(0);
			for (const name of columns) expect(name, `${table}.${name}`).not.toMatch(FORBIDDEN_COLUMN);
		}
	});

	it('have exactly the columns reviewed for anonymity', () => {
		const db = sqlite();
		const columns = (table: string) => columnsOf(db, table);
		expect(columns('ballot')).toEqual(['id', 'session_id', 'blank']);
		expect(columns('ballot_choice')).toEqual(['ballot_id', 'subject_id', 'choice']);
		expect(columns('score_sheet')).toEqual(['id', 'session_id', 'subject_id']);
		expect(columns('score_entry')).toEqual(['sheet_id', 'criterion_id', 'half_points']);
	});

	it('refer to no card, no user and no session token', () => {
		const db = sqlite();
		for (const table of BALLOT_TABLES) {
			const targets = referencesOf(db, table);
			expect(targets, table).not.toContain('credential');
			expect(targets, table).not.toContain('user');
			expect(targets, table).not.toContain('auth_session');
		}
	});

	it('keep score sheets apart from the ballot they came from', () => {
		expect(referencesOf(sqlite(), 'score_sheet')).not.toContain('ballot');
	});

	it('are WITHOUT ROWID, so no hidden insertion order exists', () => {
		const db = sqlite();
		for (const table of [...BALLOT_TABLES, 'credential', 'closed_card']) {
			expect(() => db.prepare(`select rowid from ${table}`).all(), table).toThrow(/no such column/);
		}
	});
});

describe('the card table', () => {
	it('records no time of issue or use and no holder', () => {
		expect(columnsOf(sqlite(), 'credential')).toEqual([
			'token_hash',
			'code_hash',
			'session_id',
			'status',
			'submission_hash'
		]);
	});
});

describe('what a closed session keeps of its cards', () => {
	it('is a fingerprint and its session, referring to nothing else', () => {
		const db = sqlite();
		expect(columnsOf(db, 'closed_card')).toEqual(['fingerprint', 'session_id']);
		expect(referencesOf(db, 'closed_card')).toEqual(['vote_session']);
	});

	it('depends only on the cards issued: used, unused and voided cards leave the same trace', async () => {
		const { db, cards, sessionId, subjectIds } = await openSession({ cards: 12 });
		const nonces = cards.slice(0, 6).map((card, index) => {
			const nonce = `closing${index}`.padEnd(22, 'N');
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[subjectIds[0]!, 'low']]),
				nonce
			);
			return nonce;
		});
		voidCardByCode(db, sessionId, cards[6]!.code);
		const ballotIds = db.$client.prepare('select id from ballot').pluck().all() as string[];
		expect(closeVoteSession(db, sessionId)).toBe(true);

		const kept = db.$client.prepare('select * from closed_card').all() as Record<string, string>[];
		// Exactly what the issued cards alone determine, whatever became of each: nothing in it can
		// tell a used card from an unused or a voided one.
		const fromIssuedCards = cards.flatMap((card) => [
			closedCardFingerprint(hashCardToken(card.token)),
			closedCardFingerprint(hashCardCode(card.code))
		]);
		expect(kept.map((row) => row.fingerprint).sort()).toEqual(fromIssuedCards.sort());
		expect(new Set(kept.map((row) => row.session_id))).toEqual(new Set([sessionId]));
		// And nothing a ballot, a receipt or a card in clear could be matched against.
		const stored = JSON.stringify(kept);
		for (const secret of [
			...cards.flatMap((card) => [
				card.token,
				card.code,
				hashCardToken(card.token),
				hashCardCode(card.code)
			]),
			...nonces.flatMap((nonce) => [nonce, hashSubmission(nonce), receiptCode(nonce)]),
			...ballotIds
		]) {
			expect(stored).not.toContain(secret);
		}
	});
});

describe('stored data after voting', () => {
	it('holds random ballot ids and nothing derived from cards or submissions', async () => {
		const { db, cards, subjectIds } = await openSession({ cards: 20 });
		const nonces = cards.map((_, index) => String(index).padStart(22, 'N'));
		cards.forEach((card, index) =>
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[subjectIds[index % subjectIds.length]!, 'high']]),
				nonces[index]!
			)
		);
		const ballots = db.$client.prepare('select * from ballot').all() as Record<string, string>[];
		const choices = db.$client.prepare('select * from ballot_choice').all();
		expect(ballots).toHaveLength(20);
		const stored = JSON.stringify([ballots, choices]);
		for (const [index, card] of cards.entries()) {
			for (const secret of [
				card.token,
				card.code,
				hashCardToken(card.token),
				hashCardCode(card.code),
				nonces[index]!
			]) {
				expect(stored).not.toContain(secret);
			}
		}
		for (const row of ballots) expect(row.id).toMatch(/^[0-9a-f]{32}$/);
		expect(new Set(ballots.map((row) => row.id)).size).toBe(20);
	});

	it('keeps neither tokens nor codes in clear in the card table', async () => {
		const { db, cards } = await openSession({ cards: 10 });
		const stored = JSON.stringify(db.$client.prepare('select * from credential').all());
		for (const card of cards) {
			expect(stored).not.toContain(card.token);
			expect(stored).not.toContain(card.code);
			expect(stored).toContain(hashCardToken(card.token));
		}
	});
});
