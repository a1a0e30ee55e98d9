import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatCardCode, normaliseCardCode } from './card-code';
import { cardCounts, issueCards, voidCardByCode, voidUnusedCards } from './ballot-cards';
import { createTestDatabase } from '../db/testing';
import { castChoices, draftSession, openSession, organiser } from '../testing/fixtures';
import { closeVoteSession, findVoteSession, turnout } from '../sessions/lifecycle';
import type { AppDatabase } from '../db';

const ADMIN = { id: '', username: '', displayName: '', role: 'admin' as const };

/** The counts the app derives from the session, next to a count of the stored card rows. */
function counts(db: AppDatabase, sessionId: string) {
	const session = findVoteSession(db, ADMIN, sessionId)!;
	const stored = { unused: 0, used: 0, void: 0 };
	const rows = db.$client
		.prepare('select status, count(*) as n from credential where session_id = ? group by status')
		.all(sessionId) as { status: keyof typeof stored; n: number }[];
	for (const row of rows) stored[row.status] = row.n;
	return { derived: cardCounts(session, turnout(db, session).returned), stored };
}

describe('issueCards', () => {
	it('makes 128-bit tokens and 10-character codes from the unambiguous alphabet', async () => {
		const db = createTestDatabase();
		const owner = await organiser(db);
		const sessionId = draftSession(db, owner.id);
		const cards = issueCards(db, sessionId, 50);
		expect(cards).toHaveLength(50);
		for (const card of cards) {
			expect(card.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
			expect(card.code).toHaveLength(10);
			for (const character of card.code) expect(CODE_ALPHABET).toContain(character);
		}
		expect(new Set(cards.map((card) => card.token)).size).toBe(50);
		const expected = { unused: 50, used: 0, void: 0 };
		expect(counts(db, sessionId)).toEqual({ derived: expected, stored: expected });
		expect(findVoteSession(db, owner, sessionId)?.cardsIssued).toBe(50);
	});
});

describe('short codes', () => {
	it('are read whatever the case, spaces and dashes', () => {
		expect(normaliseCardCode('abcde-fghjk')).toBe('ABCDEFGHJK');
		expect(normaliseCardCode(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
		expect(formatCardCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
	});

	it('refuse characters outside the alphabet and wrong lengths', () => {
		expect(normaliseCardCode('ABCDE-FGHJ0')).toBeNull();
		expect(normaliseCardCode('ABCDE-FGHJI')).toBeNull();
		expect(normaliseCardCode('ABCDE')).toBeNull();
	});
});

describe('voiding cards', () => {
	it('voids one unused card by its code, refusing used and unknown ones', async () => {
		const { db, sessionId, cards } = await openSession({ cards: 3 });
		castChoices(db, { kind: 'token', value: cards[0]!.token }, new Map(), 'N'.repeat(22));
		expect(voidCardByCode(db, sessionId, cards[0]!.code)).toBe('already_used');
		expect(voidCardByCode(db, sessionId, formatCardCode(cards[1]!.code).toLowerCase())).toBe(
			'voided'
		);
		expect(voidCardByCode(db, sessionId, cards[1]!.code)).toBe('already_void');
		expect(voidCardByCode(db, sessionId, 'ZZZZZ-ZZZZZ')).toBe('not_found');
		expect(voidCardByCode(db, 'another-session', cards[2]!.code)).toBe('not_found');
		const expected = { unused: 1, used: 1, void: 1 };
		expect(counts(db, sessionId)).toEqual({ derived: expected, stored: expected });
	});

	it('voids every unused card at once and keeps the issued count net of voids', async () => {
		const { db, sessionId, cards } = await openSession({ cards: 4 });
		castChoices(db, { kind: 'token', value: cards[0]!.token }, new Map(), 'N'.repeat(22));
		expect(voidUnusedCards(db, sessionId)).toBe(3);
		const session = findVoteSession(db, ADMIN, sessionId)!;
		expect(turnout(db, session)).toMatchObject({ cardsIssued: 1, returned: 1, cardsUnused: 0 });
	});
});

describe('closing a session', () => {
	it('purges its cards and keeps their counts', async () => {
		const { db, sessionId, cards } = await openSession({ cards: 4 });
		castChoices(db, { kind: 'token', value: cards[0]!.token }, new Map(), 'N'.repeat(22));
		voidCardByCode(db, sessionId, cards[1]!.code);
		expect(closeVoteSession(db, sessionId)).toBe(true);
		expect(counts(db, sessionId)).toEqual({
			derived: { unused: 2, used: 1, void: 1 },
			stored: { unused: 0, used: 0, void: 0 }
		});
	});
});
