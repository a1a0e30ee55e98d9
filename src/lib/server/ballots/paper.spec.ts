import { describe, expect, it } from 'vitest';
import { castChoices, openSession } from '../testing/fixtures';
import { sessionReport } from '../results/count';
import { auditTrail } from '../db/audit';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';
import { setPaperIssued, storePaperBallot } from './paper';

const choices = (entries: [string, string][]) => ({
	kind: 'choices' as const,
	choices: new Map(entries)
});

function confidenceReport(db: Parameters<typeof sessionById>[0], sessionId: string) {
	const report = sessionReport(db, sessionById(db, sessionId)!);
	if (report.kind !== 'confidence') throw new Error('a confidence vote');
	return report;
}

describe('paper ballots as the tally committee rules them', () => {
	it('keep blank rows, invalid rows and invalid ballots apart, all in the ballots returned', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openSession({
			convened: 10,
			cards: 1,
			subjects: 2
		});
		const [a, b] = subjectIds as [string, string];
		setPaperIssued(db, sessionId, 4, ownerId);
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[a, 'low']]),
			'p'.repeat(22)
		);
		// A low mark for a, an invalid row for b (two boxes ticked on b's row).
		expect(
			storePaperBallot(
				db,
				sessionId,
				choices([
					[a, 'low'],
					[b, 'invalid']
				])
			)
		).toMatchObject({ ok: true });
		// b marked, a's row left blank.
		expect(storePaperBallot(db, sessionId, choices([[b, 'high']]))).toMatchObject({ ok: true });
		// Not issued by the committee: invalid as a whole, whatever it holds.
		expect(storePaperBallot(db, sessionId, { kind: 'invalid' })).toMatchObject({
			ok: true,
			entered: 3
		});
		closeVoteSession(db, sessionId);

		const report = confidenceReport(db, sessionId);
		expect(report.totals).toMatchObject({ returned: 4, valid: 3, invalid: 1, paperReturned: 3 });
		expect(report.totals.base).toEqual({ kind: 'returned', size: 4 });
		expect(report.people.map(({ figures }) => figures.counts)).toEqual([
			{ high: 0, confidence: 0, low: 2, blank: 1, invalidRow: 0 },
			{ high: 1, confidence: 0, low: 0, blank: 1, invalidRow: 1 }
		]);
		// Each on the 4 ballots returned.
		expect(report.people[1]?.figures.percent).toMatchObject({
			high: 2500,
			invalidRow: 2500,
			blank: 2500
		});
	});

	it('make an invalid row on a one-name ballot an invalid ballot (QĐ 96 Điều 6.3)', async () => {
		const { db, ownerId, sessionId, subjectIds } = await openSession({ cards: 1, subjects: 1 });
		setPaperIssued(db, sessionId, 2, ownerId);
		storePaperBallot(db, sessionId, choices([[subjectIds[0]!, 'invalid']]));
		storePaperBallot(db, sessionId, choices([[subjectIds[0]!, 'high']]));
		closeVoteSession(db, sessionId);
		const report = confidenceReport(db, sessionId);
		expect(report.totals).toMatchObject({ returned: 2, valid: 1, invalid: 1 });
		expect(report.people[0]?.figures.counts).toMatchObject({ high: 1, invalidRow: 0, blank: 0 });
	});

	it('move the time the count ended when entered after voting closed', async () => {
		const { db, ownerId, sessionId, subjectIds } = await openSession({ cards: 1 });
		setPaperIssued(db, sessionId, 2, ownerId);
		storePaperBallot(db, sessionId, choices([[subjectIds[0]!, 'high']]));
		closeVoteSession(db, sessionId);
		const closed = sessionById(db, sessionId)!;
		expect(closed.countEndedAt).toEqual(closed.closedAt);
		await new Promise((resolve) => setTimeout(resolve, 5));
		storePaperBallot(db, sessionId, choices([[subjectIds[0]!, 'low']]));
		const counted = sessionById(db, sessionId)!;
		expect(counted.countEndedAt!.getTime()).toBeGreaterThan(closed.closedAt!.getTime());
	});

	it('are the only way to an invalid row: a phone cannot send one', async () => {
		const { db, cards, subjectIds } = await openSession({ cards: 1 });
		const cast = castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[subjectIds[0]!, 'invalid']]),
			'q'.repeat(22)
		);
		expect(cast).toEqual({ ok: false, refusal: 'unfit' });
	});
});

describe('paper ballots handed out', () => {
	it('never take the ballots handed out beyond the people convened, and say how many remain', async () => {
		const { db, ownerId, sessionId } = await openSession({ convened: 5, present: 5, cards: 3 });
		expect(setPaperIssued(db, sessionId, 3, ownerId)).toEqual({
			ok: false,
			reason: 'beyond_convened',
			convened: 5,
			handedOut: 3,
			remaining: 2
		});
		expect(sessionById(db, sessionId)?.paperIssued).toBe(0);
		expect(setPaperIssued(db, sessionId, 2, ownerId)).toEqual({ ok: true });
	});

	it('go beyond the people present only with a reason, and may always come down', async () => {
		const { db, ownerId, sessionId } = await openSession({ convened: 6, present: 4, cards: 3 });
		expect(setPaperIssued(db, sessionId, 2, ownerId)).toEqual({
			ok: false,
			reason: 'beyond_present',
			present: 4,
			after: 5
		});
		const reason = 'Thay một phiếu giấy bị rách';
		expect(setPaperIssued(db, sessionId, 2, ownerId, reason)).toEqual({ ok: true });
		// Lowering the count needs no reason, even while still above the people present.
		expect(setPaperIssued(db, sessionId, 2, ownerId)).toEqual({ ok: true });
		expect(setPaperIssued(db, sessionId, 1, ownerId)).toEqual({ ok: true });
		const trail = auditTrail(db, sessionId)
			.filter(({ action }) => action === 'issued_beyond_present' || action === 'paper_issued')
			.map(({ action, detail }) => `${action}:${detail}`);
		expect(trail).toEqual([
			`issued_beyond_present:${reason}`,
			'paper_issued:2',
			'paper_issued:2',
			'paper_issued:1'
		]);
	});
});
