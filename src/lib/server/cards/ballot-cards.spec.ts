import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatCardCode, normaliseCardCode } from './card-code';
import {
	cardCounts,
	drawCards,
	hashCardToken,
	issueCards,
	spareCards,
	voidCardByCode,
	voidUnusedCards
} from './ballot-cards';
import { createTestDatabase } from '../db/testing';
import {
	castChoices,
	draftSession,
	issueTestCards,
	openSession,
	organiser
} from '../testing/fixtures';
import {
	closeVoteSession,
	findVoteSession,
	recordAttendance,
	turnout
} from '../sessions/lifecycle';
import { setPaperIssued } from '../ballots/paper';
import { auditTrail } from '../db/audit';
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
		const sessionId = draftSession(db, owner.id, { convened: 50 });
		const cards = issueTestCards(db, sessionId, 50);
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

	it('stores the cards drawn beforehand, drawn in turns that let other requests through', async () => {
		const db = createTestDatabase();
		const owner = await organiser(db);
		const sessionId = draftSession(db, owner.id, { convened: 100 });
		let timerFired = false;
		setTimeout(() => (timerFired = true), 0);
		const drawn = await drawCards(100);
		expect(timerFired).toBe(true);
		const issued = issueCards(db, sessionId, 100, { drawn });
		expect(issued.ok && issued.cards.map((card) => card.token).sort()).toEqual(
			drawn.map((card) => card.token).sort()
		);
		// Only the hashes are stored, and they are the drawn cards'.
		const stored = db.$client
			.prepare('select token_hash as hash from credential where session_id = ?')
			.all(sessionId) as { hash: string }[];
		expect(stored.map((row) => row.hash).sort()).toEqual(
			drawn.map((card) => hashCardToken(card.token)).sort()
		);
		expect(issued.ok && Object.keys(issued.cards[0]!).sort()).toEqual(['code', 'token']);
	});
});

/** A draft with `convened` people and, if given, the attendance recorded. */
async function draft(convened: number, present?: number) {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const sessionId = draftSession(db, owner.id, { convened });
	if (present !== undefined) recordAttendance(db, sessionId, present);
	const session = () => findVoteSession(db, owner, sessionId)!;
	const audit = () => auditTrail(db, sessionId).map(({ action, detail }) => ({ action, detail }));
	return { db, owner, sessionId, session, audit };
}

describe('issuing within the people convened and present', () => {
	it('refuses more cards than people convened, saying how many remain, and changes nothing', async () => {
		const { db, sessionId, session, audit } = await draft(5);
		expect(issueCards(db, sessionId, 8)).toEqual({
			ok: false,
			reason: 'beyond_convened',
			convened: 5,
			handedOut: 0,
			remaining: 5
		});
		expect(counts(db, sessionId).stored).toEqual({ unused: 0, used: 0, void: 0 });
		expect(session().cardsIssued).toBe(0);
		expect(audit()).toEqual([]);
		issueTestCards(db, sessionId, 3);
		expect(issueCards(db, sessionId, 3)).toMatchObject({ reason: 'beyond_convened', remaining: 2 });
		expect(issueTestCards(db, sessionId, 2)).toHaveLength(2);
		expect(issueCards(db, sessionId, 1)).toMatchObject({ reason: 'beyond_convened', remaining: 0 });
	});

	it('counts paper ballots handed out and leaves voided cards out', async () => {
		const { db, owner, sessionId, session } = await draft(5);
		const cards = issueTestCards(db, sessionId, 4);
		expect(setPaperIssued(db, sessionId, 2, owner.id)).toMatchObject({
			reason: 'beyond_convened',
			remaining: 1
		});
		expect(voidCardByCode(db, sessionId, cards[0]!.code)).toBe('voided');
		expect(setPaperIssued(db, sessionId, 2, owner.id)).toEqual({ ok: true });
		expect(issueCards(db, sessionId, 1)).toMatchObject({ reason: 'beyond_convened', remaining: 0 });
		expect(session()).toMatchObject({ cardsIssued: 4, cardsVoided: 1, paperIssued: 2 });
	});

	it('hands out more than the people present only with a reason, kept in the audit trail', async () => {
		const { db, owner, sessionId, session, audit } = await draft(5, 3);
		issueTestCards(db, sessionId, 3, { actorId: owner.id });
		expect(issueCards(db, sessionId, 1, { actorId: owner.id })).toEqual({
			ok: false,
			reason: 'beyond_present',
			present: 3,
			after: 4
		});
		expect(session().cardsIssued).toBe(3);
		const reason = 'Một đại biểu đến muộn sau khi điểm danh';
		issueTestCards(db, sessionId, 1, { actorId: owner.id, beyondPresentReason: reason });
		expect(session().cardsIssued).toBe(4);
		expect(audit()).toEqual([
			{ action: 'cards_issued', detail: '3' },
			{ action: 'issued_beyond_present', detail: reason },
			{ action: 'cards_issued', detail: '1' }
		]);
		// A reason never lifts the ceiling of the people convened.
		expect(issueCards(db, sessionId, 2, { beyondPresentReason: reason })).toMatchObject({
			reason: 'beyond_convened',
			remaining: 1
		});
	});

	it('prints cards for everyone convened before attendance, and keeps attendance recorded below them', async () => {
		const { db, sessionId, session } = await draft(6);
		issueTestCards(db, sessionId, 5);
		expect(spareCards(db, session())).toBe(0);
		expect(recordAttendance(db, sessionId, 3)).toBe('ok');
		expect(session()).toMatchObject({ present: 3, cardsIssued: 5 });
		// Two cards printed for people who did not come: the pages ask to void them.
		expect(spareCards(db, session())).toBe(2);
		// A late arrival confirmed with a reason: the cards beyond the people present are meant.
		issueTestCards(db, sessionId, 1, { beyondPresentReason: 'Một người đến muộn sau điểm danh' });
		expect(spareCards(db, session())).toBe(0);
	});

	it('issues nothing once voting is closed', async () => {
		const { db, sessionId } = await openSession({ cards: 2 });
		closeVoteSession(db, sessionId);
		expect(issueCards(db, sessionId, 1)).toEqual({ ok: false, reason: 'closed' });
		expect(findVoteSession(db, ADMIN, sessionId)?.cardsIssued).toBe(2);
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

	it('records every void in the audit trail', async () => {
		const { db, ownerId, sessionId, cards } = await openSession({ cards: 4 });
		voidCardByCode(db, sessionId, cards[0]!.code, ownerId);
		voidUnusedCards(db, sessionId, ownerId);
		voidUnusedCards(db, sessionId, ownerId);
		const voids = auditTrail(db, sessionId).filter((entry) => entry.action === 'cards_voided');
		expect(voids.map((entry) => entry.detail)).toEqual(['1', '3']);
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
