import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { receiptCode } from '../ballots/cast';
import { ballot, receipt } from '../db/schema';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import { projectorSession, projectorView } from './projector';
import { publish, receiptCodes } from './publication';
import { castChoices, contradictoryStoredSession, openSession } from '../testing/fixtures';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';

const nonce = (index: number) => `${index}`.padStart(22, 'N');

describe('receipts', () => {
	it('are stored apart from ballots, repeat for a retried submission, and list alphabetically', async () => {
		const { db, sessionId, cards, subjectIds } = await openSession({ cards: 3 });
		const results = cards.map((card, index) =>
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[subjectIds[0]!, 'high']]),
				nonce(index)
			)
		);
		const codes = results.map((result) => (result.ok ? result.receipt : ''));
		expect(codes.every((code) => /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/.test(code))).toBe(
			true
		);
		expect(codes[0]).toBe(receiptCode(nonce(0)));
		const retry = castChoices(db, { kind: 'token', value: cards[0]!.token }, new Map(), nonce(0));
		expect(retry).toMatchObject({ ok: true, repeated: true, receipt: codes[0] });
		expect(receiptCodes(db, sessionId)).toEqual([...codes].sort());
		const columns = db.$client.prepare("select name from pragma_table_info('receipt')").all();
		expect(columns).toEqual([{ name: 'session_id' }, { name: 'code' }]);
		expect(() => db.$client.prepare('select rowid from receipt').all()).toThrow(/no such column/);
		expect(db.select({ n: count() }).from(receipt).get()?.n).toBe(3);
	});
});

describe('paper ballots', () => {
	it('become ordinary ballots, never more than were handed out on paper', async () => {
		const { db, ownerId, sessionId, subjectIds } = await openSession({ cards: 2 });
		const answers = { kind: 'choices' as const, choices: new Map([[subjectIds[0]!, 'low']]) };
		expect(storePaperBallot(db, sessionId, answers)).toEqual({
			ok: false,
			reason: 'exceeds_issued'
		});
		expect(setPaperIssued(db, sessionId, 2, ownerId)).toEqual({ ok: true });
		expect(storePaperBallot(db, sessionId, answers)).toEqual({ ok: true, entered: 1 });
		expect(storePaperBallot(db, sessionId, { kind: 'choices', choices: new Map() })).toEqual({
			ok: true,
			entered: 2
		});
		expect(storePaperBallot(db, sessionId, answers)).toEqual({
			ok: false,
			reason: 'exceeds_issued'
		});
		expect(setPaperIssued(db, sessionId, 1, ownerId)).toEqual({
			ok: false,
			reason: 'below_entered'
		});
		const rows = db.select().from(ballot).where(eq(ballot.sessionId, sessionId)).all();
		expect(rows.map((row) => row.blank).sort()).toEqual([false, true]);
		expect(sessionById(db, sessionId)).toMatchObject({ paperIssued: 2, paperReturned: 2 });
	});

	it('refuse a mark that does not fit, and any entry after publication', async () => {
		const { db, ownerId, sessionId, subjectIds } = await openSession();
		setPaperIssued(db, sessionId, 5, ownerId);
		expect(
			storePaperBallot(db, sessionId, {
				kind: 'choices',
				choices: new Map([[subjectIds[0]!, 'good']])
			})
		).toEqual({
			ok: false,
			reason: 'unfit'
		});
		closeVoteSession(db, sessionId);
		publish(db, sessionId, ownerId);
		expect(storePaperBallot(db, sessionId, { kind: 'choices', choices: new Map() })).toEqual({
			ok: false,
			reason: 'published'
		});
	});
});

describe('the projector', () => {
	it('shows no per-person figure before publication, and turnout only in coarse steps', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openSession({ cards: 10 });
		const session = sessionById(db, sessionId)!;
		const key = session.projectorKey;
		expect(projectorSession(db, key)?.id).toBe(sessionId);
		expect(projectorSession(db, 'x')).toBeUndefined();
		for (const [index, card] of cards.slice(0, 3).entries()) {
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[subjectIds[0]!, 'low']]),
				nonce(index)
			);
		}
		const open = projectorView(db, sessionById(db, sessionId)!, 'http://room');
		// Ten cards: three steps of at least three ballots; three ballots back do not move the bar.
		expect(open).toMatchObject({
			state: 'open',
			turnout: { step: 0, steps: 3 },
			returned: null,
			result: null
		});
		closeVoteSession(db, sessionId);
		const closed = projectorView(db, sessionById(db, sessionId)!, 'http://room');
		expect(closed).toMatchObject({ state: 'closed', returned: 3, result: null });
		expect(JSON.stringify(closed)).not.toContain('Người số 1');
		publish(db, sessionId, ownerId);
		const published = projectorView(db, sessionById(db, sessionId)!, 'http://room');
		expect(published.result).toMatchObject({
			kind: 'confidence',
			// All 3 ballots returned marked low: 100 % of the ballots returned.
			rows: [{ fullName: 'Người số 1', percent: { low: 10000 } }, {}, {}]
		});
	});
});

describe('the projector on figures that disagree', () => {
	it('withholds every band for that reason, and shows no percentage over 100 %', async () => {
		// Stored before issuing was capped: 6 ballots back, 5 people convened.
		const { db, ownerId, sessionId } = await contradictoryStoredSession();
		publish(db, sessionId, ownerId);
		const { result } = projectorView(db, sessionById(db, sessionId)!, 'http://room');
		expect(result).toMatchObject({
			kind: 'confidence',
			bandsWithheld: 'figures',
			rows: [{ band: null, counts: { low: 6 } }]
		});
		const percents = result?.kind === 'confidence' ? Object.values(result.rows[0]!.percent) : [];
		expect(percents.every((percent) => percent === null || percent <= 10_000)).toBe(true);
	});
});
