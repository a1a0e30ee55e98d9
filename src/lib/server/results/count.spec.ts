import { describe, expect, it } from 'vitest';
import { sessionReport } from './count';
import { castChoices, openSession } from '../testing/fixtures';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };

describe('confidenceReport', () => {
	it('tallies the stored ballots of the session on the ballots returned, blanks and empty ballots included', async () => {
		const { db, sessionId, cards, subjectIds } = await openSession({
			convened: 6,
			cards: 4,
			subjects: 2
		});
		const [a, b] = subjectIds as [string, string];
		const ballots = [
			new Map([
				[a, 'high' as const],
				[b, 'low' as const]
			]),
			new Map([[a, 'low' as const]]),
			new Map([
				[a, 'low' as const],
				[b, 'low' as const]
			]),
			new Map()
		];
		ballots.forEach((choices, index) =>
			castChoices(
				db,
				{ kind: 'token', value: cards[index]!.token },
				choices,
				`${index}`.padStart(22, 'N')
			)
		);
		closeVoteSession(db, sessionId);
		const report = sessionReport(db, findVoteSession(db, admin, sessionId)!);
		if (report.kind !== 'confidence') throw new Error('expected a confidence report');
		const { totals, people } = report;
		expect(totals).toMatchObject({
			convened: 6,
			present: 6,
			cardsIssued: 4,
			returned: 4,
			valid: 3,
			invalid: 1
		});
		// Percentages of the 4 ballots returned (the empty one included), not of the 6 convened.
		expect(totals.base).toEqual({ kind: 'returned', size: 4 });
		expect(people[0]?.figures).toMatchObject({
			counts: { high: 1, confidence: 0, low: 2, blank: 0, invalidRow: 0 },
			percent: { high: 2500, confidence: 0, low: 5000, blank: 0 },
			band: null
		});
		// 2 low of 4 returned is exactly one half: not over half.
		expect(people[1]?.figures).toMatchObject({
			counts: { low: 2, blank: 1 },
			percent: { low: 5000, blank: 2500 },
			band: null
		});
	});
});
