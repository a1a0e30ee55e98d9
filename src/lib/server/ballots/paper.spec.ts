import { describe, expect, it } from 'vitest';
import { castChoices, openSession } from '../testing/fixtures';
import { sessionReport } from '../results/count';
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
