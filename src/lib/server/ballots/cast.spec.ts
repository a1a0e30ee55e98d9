import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ballot, ballotChoice, credential } from '../db/schema';
import { acknowledgedSubmission, lookupCard } from './cast';
import { voidCardByCode } from '../cards/ballot-cards';
import { createTestDatabase } from '../db/testing';
import { closeVoteSession, openVoteSession, recordAttendance } from '../sessions/lifecycle';
import { addSubjects, showSelfAssessmentOnBallot } from '../sessions/subjects';
import {
	castChoices,
	draftAppraisal,
	issueTestCards,
	openSession,
	organiser
} from '../testing/fixtures';

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_NONCE = 'BBBBBBBBBBBBBBBBBBBBBB';

function rows(db: Awaited<ReturnType<typeof openSession>>['db']) {
	return {
		ballots: db.select({ n: count() }).from(ballot).get()?.n,
		choices: db.select({ n: count() }).from(ballotChoice).get()?.n,
		used: db.select({ n: count() }).from(credential).where(eq(credential.status, 'used')).get()?.n
	};
}

describe('castChoices', () => {
	it('consumes the card and stores the ballot in one step', async () => {
		const { db, cards, subjectIds } = await openSession();
		const key = { kind: 'token' as const, value: cards[0]!.token };
		const choices = new Map([
			[subjectIds[0]!, 'high' as const],
			[subjectIds[1]!, 'low' as const]
		]);
		expect(castChoices(db, key, choices, NONCE)).toMatchObject({ ok: true, repeated: false });
		expect(rows(db)).toEqual({ ballots: 1, choices: 2, used: 1 });
		expect(lookupCard(db, key)).toEqual({ ok: false, refusal: 'used' });
	});

	it('refuses a second ballot from the same card and changes nothing', async () => {
		const { db, cards, subjectIds } = await openSession();
		const key = { kind: 'token' as const, value: cards[0]!.token };
		castChoices(db, key, new Map([[subjectIds[0]!, 'high']]), NONCE);
		expect(castChoices(db, key, new Map([[subjectIds[0]!, 'low']]), OTHER_NONCE)).toEqual({
			ok: false,
			refusal: 'used'
		});
		expect(rows(db)).toEqual({ ballots: 1, choices: 1, used: 1 });
	});

	it('recognises a retry of an accepted submission without a second ballot', async () => {
		const { db, cards, subjectIds } = await openSession();
		const key = { kind: 'token' as const, value: cards[0]!.token };
		const choices = new Map([[subjectIds[0]!, 'confidence' as const]]);
		castChoices(db, key, choices, NONCE);
		const first = castChoices(db, key, choices, NONCE);
		expect(castChoices(db, key, choices, NONCE)).toMatchObject({ ok: true, repeated: true });
		expect(rows(db)).toEqual({ ballots: 1, choices: 1, used: 1 });
		// What the ballot page asks before reading the form again: same receipt, only this nonce.
		expect(acknowledgedSubmission(db, key, NONCE)).toMatchObject({
			repeated: true,
			receipt: first.ok ? first.receipt : ''
		});
		expect(acknowledgedSubmission(db, key, OTHER_NONCE)).toBeNull();
	});

	it('accepts a card by its typed short code', async () => {
		const { db, cards } = await openSession();
		const key = { kind: 'code' as const, value: cards[1]!.code };
		expect(castChoices(db, key, new Map(), NONCE)).toMatchObject({ ok: true, repeated: false });
		// The same card is now used whichever way it is presented.
		expect(lookupCard(db, { kind: 'token', value: cards[1]!.token })).toEqual({
			ok: false,
			refusal: 'used'
		});
	});

	it('refuses a mark for someone not on this ballot, consuming nothing', async () => {
		const { db, cards } = await openSession();
		const key = { kind: 'token' as const, value: cards[0]!.token };
		expect(castChoices(db, key, new Map([['someone-else', 'low']]), NONCE)).toEqual({
			ok: false,
			refusal: 'unfit'
		});
		expect(rows(db)).toEqual({ ballots: 0, choices: 0, used: 0 });
		expect(lookupCard(db, key).ok).toBe(true);
	});

	it('refuses unknown and voided cards alike', async () => {
		const { db, cards, sessionId } = await openSession();
		expect(castChoices(db, { kind: 'token', value: 'nope' }, new Map(), NONCE)).toEqual({
			ok: false,
			refusal: 'invalid'
		});
		voidCardByCode(db, sessionId, cards[0]!.code);
		expect(lookupCard(db, { kind: 'token', value: cards[0]!.token })).toEqual({
			ok: false,
			refusal: 'invalid'
		});
		expect(rows(db)).toEqual({ ballots: 0, choices: 0, used: 0 });
	});
});

describe('a card after its session closed', () => {
	it('is told voting has ended, whether it was used, unused or voided, by token or by code', async () => {
		const { db, cards, sessionId, subjectIds } = await openSession({ cards: 3 });
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[subjectIds[0]!, 'high']]),
			NONCE
		);
		voidCardByCode(db, sessionId, cards[2]!.code);
		closeVoteSession(db, sessionId);
		for (const card of cards) {
			for (const key of [
				{ kind: 'token' as const, value: card.token },
				{ kind: 'code' as const, value: card.code }
			]) {
				expect(lookupCard(db, key)).toEqual({ ok: false, refusal: 'closed' });
			}
		}
		// A card never issued is still unknown, not "closed".
		expect(lookupCard(db, { kind: 'code', value: 'ZZZZZZZZZZ' })).toEqual({
			ok: false,
			refusal: 'invalid'
		});
	});

	it('sends nothing and says so: the ballot is refused as closed, nothing stored', async () => {
		const { db, cards, sessionId, subjectIds } = await openSession();
		closeVoteSession(db, sessionId);
		const key = { kind: 'token' as const, value: cards[1]!.token };
		expect(castChoices(db, key, new Map([[subjectIds[0]!, 'low']]), NONCE)).toEqual({
			ok: false,
			refusal: 'closed'
		});
		expect(rows(db)).toEqual({ ballots: 0, choices: 0, used: 0 });
	});

	it('still recognises a resent submission that was stored before closing, by its receipt', async () => {
		const { db, cards, sessionId, subjectIds } = await openSession();
		const key = { kind: 'code' as const, value: cards[0]!.code };
		const first = castChoices(db, key, new Map([[subjectIds[0]!, 'high']]), NONCE);
		closeVoteSession(db, sessionId);
		const again = castChoices(db, key, new Map([[subjectIds[0]!, 'high']]), NONCE);
		expect(again).toMatchObject({ ok: true, repeated: true });
		expect(again.ok && first.ok && again.receipt === first.receipt).toBe(true);
		expect(acknowledgedSubmission(db, key, NONCE)).toMatchObject({ repeated: true });
		// Another submission from the same card is not: it was never stored.
		expect(acknowledgedSubmission(db, key, OTHER_NONCE)).toBeNull();
		expect(castChoices(db, key, new Map(), OTHER_NONCE)).toEqual({ ok: false, refusal: 'closed' });
		expect(rows(db)).toMatchObject({ ballots: 1, choices: 1 });
	});
});

describe('the people on an appraisal’s ballot', () => {
	/** An open grade vote of two people, one with a self-assessment; `printed`: the option. */
	async function appraisalBallots(printed: boolean) {
		const db = createTestDatabase();
		const owner = await organiser(db);
		const sessionId = draftAppraisal(db, owner.id);
		addSubjects(db, sessionId, [
			{ fullName: 'An', jobTitle: 'Trưởng phòng', selfScore: 9250, selfGrade: 'excellent' },
			{ fullName: 'Bình', jobTitle: '' }
		]);
		showSelfAssessmentOnBallot(db, sessionId, printed);
		recordAttendance(db, sessionId, 10);
		const cards = issueTestCards(db, sessionId, 2);
		openVoteSession(db, sessionId, null);
		return cards.map((card) => {
			const lookup = lookupCard(db, { kind: 'token', value: card.token });
			return lookup.ok
				? lookup.subjects.map(({ fullName, selfScore, selfGrade }) => [
						fullName,
						selfScore,
						selfGrade
					])
				: lookup.refusal;
		});
	}

	it('carry their self-assessment when the session prints it, the same on every card', async () => {
		const [first, second] = await appraisalBallots(true);
		expect(first).toEqual([
			['An', 9250, 'excellent'],
			['Bình', null, null]
		]);
		expect(second).toEqual(first);
	});

	it('carry none when it does not', async () => {
		const [first] = await appraisalBallots(false);
		expect(first).toEqual([
			['An', null, null],
			['Bình', null, null]
		]);
	});
});
