/**
 * Secrecy of order: the ballots listed for a recount come out in an order that says nothing
 * about the order they were cast in. Each test casts 200 ballots that can be told apart by their
 * contents, exports them, and measures Kendall's rank correlation between the two orders; for a
 * random order its standard deviation is about 0.048, so 0.19 is four of them.
 */
import { describe, expect, it } from 'vitest';
import { castChoices, castScores, openAppraisal, openSession } from '../testing/fixtures';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';
import { anonymousBallots } from './ballots';
import { exportData } from './index';

const BALLOTS = 200;
const RUNS = 20;
const BOUND = 0.19;
const MARKS = ['high', 'confidence', 'low'] as const;
const nonce = (index: number) => `${index}`.padStart(22, 'N');

/** Kendall's τ-a between the positions 0…n−1 and `ranks` (a permutation of them). */
function kendallTau(ranks: readonly number[]): number {
	let concordant = 0;
	let discordant = 0;
	for (let i = 0; i < ranks.length; i++) {
		for (let j = i + 1; j < ranks.length; j++) {
			if ((ranks[j] as number) > (ranks[i] as number)) concordant++;
			else discordant++;
		}
	}
	return (concordant - discordant) / ((ranks.length * (ranks.length - 1)) / 2);
}

describe('kendallTau', () => {
	it('is 1 for the same order, −1 for the reverse, and counts swapped pairs', () => {
		expect(kendallTau([0, 1, 2, 3])).toBe(1);
		expect(kendallTau([3, 2, 1, 0])).toBe(-1);
		// One pair of six out of order: (5 − 1) / 6.
		expect(kendallTau([1, 0, 2, 3])).toBeCloseTo(4 / 6, 12);
	});
});

/** Ballot `index` in base 4 over five people: 0 blank, 1–3 a mark; every ballot differs. */
function choicesOf(index: number, subjectIds: string[]): Map<string, string> {
	const choices = new Map<string, string>();
	subjectIds.forEach((subjectId, position) => {
		const digit = Math.floor(index / 4 ** position) % 4;
		if (digit > 0) choices.set(subjectId, MARKS[digit - 1] as string);
	});
	return choices;
}

const contentKey = (entries: Iterable<[string, string | number]>) =>
	JSON.stringify([...entries].sort(([a], [b]) => a.localeCompare(b)));

describe('the ballots exported for a recount', () => {
	it(`carry no cast order: |τ| < ${BOUND} in each of ${RUNS} runs of ${BALLOTS} ballots`, async () => {
		for (let run = 0; run < RUNS; run++) {
			const { db, sessionId, cards, subjectIds } = await openSession({
				convened: BALLOTS,
				cards: BALLOTS,
				subjects: 5
			});
			const castOrder = new Map<string, number>();
			for (let index = 0; index < BALLOTS; index++) {
				const choices = choicesOf(index, subjectIds);
				castChoices(db, { kind: 'token', value: cards[index]!.token }, choices, nonce(index));
				castOrder.set(contentKey(choices), index);
			}
			closeVoteSession(db, sessionId);

			const ballots = anonymousBallots(db, exportData(db, sessionById(db, sessionId)!).report);
			if (ballots.kind !== 'choices') throw new Error('a confidence vote exports choices');
			const ranks = ballots.ballots.map((ballot) =>
				castOrder.get(contentKey(Object.entries(ballot)))
			);
			expect(new Set(ranks).size).toBe(BALLOTS);
			expect(Math.abs(kendallTau(ranks as number[])), `run ${run}`).toBeLessThan(BOUND);
		}
	}, 60_000);

	it(`carry no cast order for score sheets either (${RUNS} runs)`, async () => {
		for (let run = 0; run < RUNS; run++) {
			const { db, sessionId, cards, subjectIds, criteria } = await openAppraisal('scores', {
				subjects: 1,
				cards: BALLOTS
			});
			const [general, tasks] = criteria.map((criterion) => criterion.id) as [string, string];
			const subject = subjectIds[0] as string;
			for (let index = 0; index < BALLOTS; index++) {
				// Half points: up to 60 for the general group, up to 140 for the tasks.
				const scores = { [general]: index % 60, [tasks]: Math.floor(index / 60) };
				castScores(
					db,
					{ kind: 'token', value: cards[index]!.token },
					{ [subject]: scores },
					nonce(index)
				);
			}
			closeVoteSession(db, sessionId);

			const ballots = anonymousBallots(db, exportData(db, sessionById(db, sessionId)!).report);
			if (ballots.kind !== 'scores') throw new Error('a score-sheet appraisal exports sheets');
			const ranks = ballots.sheets.map(
				(sheet) => (sheet.halfPoints[general] as number) + 60 * (sheet.halfPoints[tasks] as number)
			);
			expect(new Set(ranks).size).toBe(BALLOTS);
			expect(Math.abs(kendallTau(ranks)), `run ${run}`).toBeLessThan(BOUND);
		}
	}, 60_000);
});
