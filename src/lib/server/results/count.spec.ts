import { describe, expect, it } from 'vitest';
import { sessionReport } from './count';
import { castChoices, openSession } from '../testing/fixtures';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };

describe('confidenceReport', () => {
	it('tallies the stored ballots of the session, blanks and empty ballots included', async () => {
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
		expect(people[0]?.figures).toMatchObject({
			counts: { high: 1, confidence: 0, low: 2, blank: 1 },
			percent: { high: 1667, confidence: 0, low: 3333, blank: 1667 },
			band: null
		});
		// 3 low of 6 convened is exactly one half: not over half.
		expect(people[1]?.figures).toMatchObject({ counts: { low: 2, blank: 2 }, band: null });
	});
});
