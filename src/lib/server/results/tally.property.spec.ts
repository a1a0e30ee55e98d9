/**
 * Property tests of the whole count: random sessions are voted through the real ballot
 * pipeline (cards, phone ballots, repeated and refused submissions, paper ballots), closed, and
 * tallied; the result must equal a naive recount of what was accepted, written here as plainly
 * as possible and independently of the tally core.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '$lib/ballot-rules';
import { QD_366_2025 } from '$lib/tally/appraisal-presets';
import { GRADES, type Grade } from '$lib/tally/grades';
import { COUNTED_ROWS, INVALID_ROW } from '$lib/tally/confidence';
import { CONFIDENCE_PRESETS, type ConfidencePreset } from '$lib/tally/presets';
import type { Criterion } from '$lib/tally/score-template';
import type { AppDatabase } from '../db';
import { createTestDatabase } from '../db/testing';
import { castBallot } from '../ballots/cast';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import { sessionReport } from './count';
import { listSubjects } from '../sessions/subjects';
import { draftSession, issueTestCards, organiser } from '../testing/fixtures';
import type { SessionRules } from '../sessions/rules';
import {
	closeVoteSession,
	findVoteSession,
	openVoteSession,
	recordAttendance
} from '../sessions/lifecycle';

const MARKS = ['high', 'confidence', 'low'] as const;
const CRITERIA: Criterion[] = [
	{ id: 'general', name: 'Tiêu chí chung', group: 'general', maximum: 30 },
	{ id: 'tasks', name: 'Kết quả nhiệm vụ', group: 'tasks', maximum: 70 }
];

let db: AppDatabase;
let ownerId: string;
const ADMIN = { id: '', username: '', displayName: '', role: 'admin' as const };

beforeAll(async () => {
	db = createTestDatabase();
	ownerId = (await organiser(db)).id;
});

/** One voter's answers: per person on the ballot, a value or `null` for a row left blank. */
type Row<T> = T | null;

interface Voting<T> {
	subjects: number;
	phone: Row<T>[][];
	paper: Row<T>[][];
	/** Phone ballots sent twice with the same nonce, as after a lost response. */
	retried: boolean[];
	/** Cards that try to vote a second time with a new submission: refused. */
	reused: boolean[];
	/** Paper ballots the tally committee rules invalid as a whole. */
	voidPaper: number;
}

/** `paperValue`: what a paper row may hold besides `value` (an invalid row, for confidence). */
function votingArbitrary<T>(value: fc.Arbitrary<T>, maxConvened: number, paperValue = value) {
	return fc.integer({ min: 1, max: 6 }).chain((subjects) => {
		const row = (values: fc.Arbitrary<T>) =>
			fc.array(fc.option(values, { nil: null, freq: 4 }), {
				minLength: subjects,
				maxLength: subjects
			});
		return fc.record({
			subjects: fc.constant(subjects),
			phone: fc.array(row(value), { maxLength: maxConvened - 5 }),
			paper: fc.array(row(paperValue), { maxLength: 3 }),
			retried: fc.array(fc.boolean(), { maxLength: maxConvened }),
			reused: fc.array(fc.boolean(), { maxLength: maxConvened }),
			voidPaper: value === paperValue ? fc.constant(0) : fc.integer({ min: 0, max: 2 })
		});
	});
}

function choiceAnswers(subjectIds: string[], row: Row<string>[]): Answers {
	const choices = new Map<string, string>();
	row.forEach((value, index) => {
		if (value !== null) choices.set(subjectIds[index]!, value);
	});
	return { kind: 'choices', choices };
}

function scoreAnswers(subjectIds: string[], row: Row<[number, number]>[]): Answers {
	const sheets = new Map<string, Map<string, number>>();
	row.forEach((value, index) => {
		if (value !== null) {
			sheets.set(
				subjectIds[index]!,
				new Map([
					['general', value[0]],
					['tasks', value[1]]
				])
			);
		}
	});
	return { kind: 'scores', sheets };
}

/**
 * Runs a session from draft to closed through the ballot pipeline and returns its report with
 * the number of ballots the pipeline acknowledged.
 */
function runSession<T>(
	rules: SessionRules,
	convened: number,
	voting: Voting<T>,
	answers: (subjectIds: string[], row: Row<T>[]) => Answers
) {
	const sessionId = draftSession(db, ownerId, {
		convened: convened,
		rules: rules,
		subjects: voting.subjects
	});
	const subjectIds = listSubjects(db, sessionId).map((subject) => subject.id);
	recordAttendance(db, sessionId, convened);
	// One spare card that is never used.
	const cards = issueTestCards(db, sessionId, voting.phone.length + 1);
	setPaperIssued(db, sessionId, voting.paper.length + voting.voidPaper, ownerId);
	const opened = openVoteSession(db, sessionId, null);
	if (!opened.ok) throw new Error(opened.reason);

	let acknowledged = 0;
	voting.phone.forEach((row, index) => {
		const key = { kind: 'token' as const, value: cards[index]!.token };
		const nonce = `n${index}`.padEnd(22, 'x');
		const cast = castBallot(db, key, answers(subjectIds, row), nonce);
		if (!cast.ok || cast.repeated) throw new Error('a fresh card must be accepted');
		acknowledged += 1;
		if (voting.retried[index]) {
			const retry = castBallot(db, key, answers(subjectIds, row), nonce);
			expect(retry).toMatchObject({ ok: true, repeated: true, receipt: cast.receipt });
		}
		if (voting.reused[index]) {
			const again = castBallot(db, key, answers(subjectIds, row), `r${index}`.padEnd(22, 'x'));
			expect(again).toEqual({ ok: false, refusal: 'used' });
		}
	});
	const paper: Answers[] = [
		...voting.paper.map((row) => answers(subjectIds, row)),
		...Array.from({ length: voting.voidPaper }, (): Answers => ({ kind: 'invalid' }))
	];
	for (const entered of paper) {
		const stored = storePaperBallot(db, sessionId, entered);
		if (!stored.ok) throw new Error(stored.reason);
		acknowledged += 1;
	}
	closeVoteSession(db, sessionId);
	const report = sessionReport(db, findVoteSession(db, ADMIN, sessionId)!);
	return { report, acknowledged, ballots: [...voting.phone, ...voting.paper] };
}

/** Hundredths of a percent, half up, computed the obvious way; none of nothing. */
const naivePercent = (count: number, base: number) =>
	base === 0 ? null : Math.floor((count * 10000) / base + 0.5);

function naiveBandId(preset: ConfidencePreset, low: number, base: number): string | null {
	if (base === 0) return null;
	const share = low / base;
	for (const band of preset.bands) {
		const lower = band.lower.numerator / band.lower.denominator;
		const above = band.lower.inclusive ? share >= lower : share > lower;
		let below = true;
		if (band.upper) {
			const upper = band.upper.numerator / band.upper.denominator;
			below = band.upper.inclusive ? share <= upper : share < upper;
		}
		if (above && below) return band.id;
	}
	return null;
}

const validCount = (ballots: Row<unknown>[][]) =>
	ballots.filter((row) => row.some((value) => value !== null)).length;

// A thousand sessions through SQLite take some seconds.
describe('the tally of random sessions equals a naive recount', { timeout: 60_000 }, () => {
	it('confidence votes (1,000 sessions)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 6, max: 40 }),
				fc.constantFrom(...CONFIDENCE_PRESETS),
				fc
					.integer({ min: 6, max: 40 })
					.chain((max) =>
						votingArbitrary(
							fc.constantFrom<string>(...MARKS),
							max,
							fc.constantFrom<string>(...MARKS, INVALID_ROW)
						)
					),
				(extra, preset, voting) => {
					const convened = voting.phone.length + voting.paper.length + extra;
					const { report, acknowledged, ballots } = runSession(
						{ kind: 'confidence', preset },
						convened,
						voting,
						choiceAnswers
					);
					if (report.kind !== 'confidence') throw new Error('kind');
					const { totals } = report;
					// On a one-name ballot an invalid row makes the whole ballot invalid (QĐ 96 Điều
					// 6.3); ballots ruled invalid as a whole hold no row.
					const counted = ballots.filter(
						(row) => !(voting.subjects === 1 && row[0] === INVALID_ROW)
					);
					const valid = validCount(counted);
					expect(totals.returned).toBe(acknowledged);
					expect(acknowledged).toBe(ballots.length + voting.voidPaper);
					expect(totals.valid).toBe(valid);
					expect(totals.invalid).toBe(acknowledged - valid);
					expect(totals.paperReturned).toBe(voting.paper.length + voting.voidPaper);
					const base = preset.base === 'returned' ? acknowledged : convened;
					expect(totals.base).toEqual({ kind: preset.base, size: base });
					report.people.forEach(({ figures: subject }, index) => {
						const validBallots = counted.filter((row) => row.some((value) => value !== null));
						const column = validBallots.map((row) => row[index]);
						const counts = {
							high: column.filter((mark) => mark === 'high').length,
							confidence: column.filter((mark) => mark === 'confidence').length,
							low: column.filter((mark) => mark === 'low').length,
							blank: column.filter((mark) => mark === null).length,
							invalidRow: column.filter((mark) => mark === INVALID_ROW).length
						};
						expect(subject.counts).toEqual(counts);
						for (const row of COUNTED_ROWS) {
							expect(subject.percent[row]).toBe(naivePercent(counts[row], base));
						}
						expect(subject.band?.id ?? null).toBe(naiveBandId(preset, counts.low, base));
					});
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('grade votes (300 sessions)', () => {
		fc.assert(
			fc.property(votingArbitrary(fc.constantFrom(...GRADES), 30), (voting) => {
				const convened = voting.phone.length + voting.paper.length + 3;
				const { report, acknowledged, ballots } = runSession(
					{
						kind: 'appraisal',
						preset: QD_366_2025,
						mode: 'grades',
						period: { kind: 'quarter', year: 2026, quarter: 4 },
						criteria: null
					},
					convened,
					voting,
					choiceAnswers
				);
				if (report.kind !== 'appraisal') throw new Error('kind');
				expect(report.totals.returned).toBe(acknowledged);
				expect(report.totals.valid).toBe(validCount(ballots));
				report.rows.forEach((row, index) => {
					const column = ballots.map((ballot) => ballot[index]).filter((g) => g !== null);
					const counts = Object.fromEntries(
						GRADES.map((grade) => [grade, column.filter((g) => g === grade).length])
					);
					expect(row.votes?.counts).toEqual(counts);
					// The best grade that more than half of the votes reach at that level or better.
					const median =
						GRADES.find(
							(grade) =>
								2 *
									column.filter((g) => GRADES.indexOf(g as Grade) <= GRADES.indexOf(grade)).length >
								column.length
						) ?? null;
					expect(row.votes?.median).toBe(median);
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('score sheets (300 sessions)', () => {
		const halfPoints = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 140 }));
		fc.assert(
			fc.property(votingArbitrary(halfPoints, 30), (voting) => {
				const convened = voting.phone.length + voting.paper.length + 3;
				const { report, acknowledged, ballots } = runSession(
					{
						kind: 'appraisal',
						preset: QD_366_2025,
						mode: 'scores',
						period: { kind: 'quarter', year: 2026, quarter: 4 },
						criteria: CRITERIA
					},
					convened,
					voting,
					scoreAnswers
				);
				if (report.kind !== 'appraisal') throw new Error('kind');
				expect(report.totals.returned).toBe(acknowledged);
				expect(report.totals.valid).toBe(validCount(ballots));
				report.rows.forEach((row, index) => {
					const sheets = ballots.map((ballot) => ballot[index]).filter((s) => s != null);
					expect(row.score?.sheets).toBe(sheets.length);
					if (sheets.length === 0) {
						expect(row.score?.total).toBeNull();
						return;
					}
					const total =
						sheets.reduce((sum, [general, tasks]) => sum + general + tasks, 0) / 2 / sheets.length;
					const { numerator, denominator } = row.score!.total!;
					expect(numerator / denominator).toBeCloseTo(total, 9);
					const grade =
						total >= 90
							? 'excellent'
							: total >= 70
								? 'good'
								: total >= 50
									? 'completed'
									: 'not_completed';
					expect(row.collective).toBe(grade);
				});
			}),
			{ numRuns: 300 }
		);
	});
});
