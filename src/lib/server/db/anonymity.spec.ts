/**
 * Anonymity by construction, checked on the real schema and on real data: these tests fail if a
 * ballot table gains a linking column, a timestamp, a sequence or a rowid.
 */
import { describe, expect, it } from 'vitest';
import { hashCardCode, hashCardToken } from '../cards/ballot-cards';
import { castChoices, openSession } from '../testing/fixtures';
import { createTestDatabase } from './testing';

const BALLOT_TABLES = ['ballot', 'ballot_choice', 'score_sheet', 'score_entry'];
const FORBIDDEN_COLUMN =
	/token|credential|card|code|user|voter|ip|address|agent|device|time|date|_at$|created|seq|order|position|rank|submission|receipt/i;

const sqlite = () => createTestDatabase().$client;

describe('the ballot tables', () => {
	it('have no column that could identify, locate or order a voter', () => {
		const db = sqlite();
		for (const table of BALLOT_TABLES) {
			const columns = db.prepare(`select name from pragma_table_info(?)`).all(table) as {
				name: string;
			}[];
			expect(columns.length, table).toBeGreaterThan(0);
			for (const { name } of columns)
				expect(name, `${table}.${name}`).not.toMatch(FORBIDDEN_COLUMN);
		}
	});

	it('have exactly the columns reviewed for anonymity', () => {
		const db = sqlite();
		const columns = (table: string) =>
			(db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map(
				(column) => column.name
			);
		expect(columns('ballot')).toEqual(['id', 'session_id', 'blank']);
		expect(columns('ballot_choice')).toEqual(['ballot_id', 'subject_id', 'choice']);
		expect(columns('score_sheet')).toEqual(['id', 'session_id', 'subject_id']);
		expect(columns('score_entry')).toEqual(['sheet_id', 'criterion_id', 'half_points']);
	});

	it('refer to no card, no user and no session token', () => {
		const db = sqlite();
		for (const table of BALLOT_TABLES) {
			const targets = (
				db.prepare(`select "table" from pragma_foreign_key_list(?)`).all(table) as {
					table: string;
				}[]
			).map((key) => key.table);
			expect(targets, table).not.toContain('credential');
			expect(targets, table).not.toContain('user');
			expect(targets, table).not.toContain('auth_session');
		}
	});

	it('keep score sheets apart from the ballot they came from', () => {
		const db = sqlite();
		const sheetTargets = (
			db.prepare(`select "table" from pragma_foreign_key_list('score_sheet')`).all() as {
				table: string;
			}[]
		).map((key) => key.table);
		expect(sheetTargets).not.toContain('ballot');
	});

	it('are WITHOUT ROWID, so no hidden insertion order exists', () => {
		const db = sqlite();
		for (const table of [...BALLOT_TABLES, 'credential']) {
			expect(() => db.prepare(`select rowid from ${table}`).all(), table).toThrow(/no such column/);
		}
	});
});

describe('the card table', () => {
	it('records no time of issue or use and no holder', () => {
		const db = sqlite();
		const columns = (
			db.prepare(`select name from pragma_table_info('credential')`).all() as { name: string }[]
		).map((column) => column.name);
		expect(columns).toEqual(['token_hash', 'code_hash', 'session_id', 'status', 'submission_hash']);
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
