import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatCardCode, normaliseCardCode } from './card-code';
import { cardCounts, issueCards, voidCardByCode, voidUnusedCards } from './credentials';
import { createTestDatabase } from './db/testing';
import { castChoices, draftSession, openSession, organiser } from './testing/fixtures';
import { findVoteSession, turnout } from './vote-sessions';

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
		expect(cardCounts(db, sessionId)).toEqual({ unused: 50, used: 0, void: 0 });
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
		expect(cardCounts(db, sessionId)).toEqual({ unused: 1, used: 1, void: 1 });
	});

	it('voids every unused card at once and keeps the issued count net of voids', async () => {
		const { db, sessionId, cards } = await openSession({ cards: 4 });
		castChoices(db, { kind: 'token', value: cards[0]!.token }, new Map(), 'N'.repeat(22));
		expect(voidUnusedCards(db, sessionId)).toBe(3);
		const owner = { id: '', username: '', displayName: '', role: 'admin' as const };
		const session = findVoteSession(db, owner, sessionId)!;
		expect(turnout(db, session)).toMatchObject({ cardsIssued: 1, returned: 1, cardsUnused: 0 });
	});
});
