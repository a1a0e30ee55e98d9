import { describe, expect, it } from 'vitest';
import { sessionReport } from './count';
import { confirmCollectiveGrades, recordConditions, recordGrades } from './grades';
import { personHistory } from './history';
import { castChoices, castScores, openAppraisal } from '../testing/fixtures';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };
const nonce = (index: number) => `${index}`.padStart(22, 'N');
/** Every condition of the shipped presets met: the grade is the vote's. */
const ALL_MET = {
	completed: 100,
	onTime: 100,
	exceeded: 40,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};

describe('score-sheet ballots', () => {
	it('store one unlinked sheet per scored person and refuse sheets that do not fit', async () => {
		const { db, cards, subjectIds } = await openAppraisal('scores');
		const [a, b] = subjectIds as [string, string];
		const key = (index: number) => ({ kind: 'token' as const, value: cards[index]!.token });
		// A score above the criterion's maximum (30 points = 60 half points) changes nothing.
		expect(castScores(db, key(0), { [a]: { g: 61, t: 100 } }, nonce(0))).toEqual({
			ok: false,
			refusal: 'unfit'
		});
		// A sheet missing a criterion is refused too.
		expect(castScores(db, key(0), { [a]: { g: 50 } }, nonce(0))).toEqual({
			ok: false,
			refusal: 'unfit'
		});
		expect(
			castScores(db, key(0), { [a]: { g: 55, t: 130 }, [b]: { g: 40, t: 100 } }, nonce(0))
		).toMatchObject({
			ok: true,
			repeated: false
		});
		const sheets = db.$client.prepare('select * from score_sheet').all() as { id: string }[];
		const ballots = db.$client.prepare('select * from ballot').all() as {
			id: string;
			blank: number;
		}[];
		expect(sheets).toHaveLength(2);
		expect(ballots).toEqual([expect.objectContaining({ blank: 0 })]);
		// Each sheet has a random id of its own, never the ballot's.
		for (const sheet of sheets) expect(sheet.id).not.toBe(ballots[0]!.id);
		expect(new Set(sheets.map((sheet) => sheet.id)).size).toBe(2);
	});

	it('refuse choices on a score sheet and scores on a ballot of choices', async () => {
		const scores = await openAppraisal('scores');
		const key = { kind: 'token' as const, value: scores.cards[0]!.token };
		expect(
			castChoices(scores.db, key, new Map([[scores.subjectIds[0]!, 'good']]), nonce(1))
		).toEqual({
			ok: false,
			refusal: 'unfit'
		});
		const grades = await openAppraisal('grades');
		const gradeKey = { kind: 'token' as const, value: grades.cards[0]!.token };
		expect(
			castScores(grades.db, gradeKey, { [grades.subjectIds[0]!]: { g: 1, t: 1 } }, nonce(2))
		).toEqual({
			ok: false,
			refusal: 'unfit'
		});
		// A confidence mark is not a grade.
		expect(
			castChoices(grades.db, gradeKey, new Map([[grades.subjectIds[0]!, 'high']]), nonce(3))
		).toEqual({
			ok: false,
			refusal: 'unfit'
		});
	});
});

describe('the appraisal report', () => {
	it('averages the sheets exactly, grades the totals and applies the cap', async () => {
		const { db, sessionId, cards, subjectIds } = await openAppraisal('scores', {
			subjects: 4,
			cards: 3
		});
		const [an, binh, cuong, dung] = subjectIds as [string, string, string, string];
		const points = (general: number, tasks: number) => ({ g: general * 2, t: tasks * 2 });
		const ballots = [
			{
				[an]: points(30, 66),
				[binh]: points(28, 64),
				[cuong]: points(24, 56),
				[dung]: points(24, 51)
			},
			{
				[an]: points(30, 66),
				[binh]: points(28, 64),
				[cuong]: points(24, 56),
				[dung]: points(24, 50.5)
			},
			{} // A blank ballot: returned, invalid.
		];
		ballots.forEach((sheets, index) =>
			castScores(db, { kind: 'token', value: cards[index]!.token }, sheets, nonce(index))
		);
		closeVoteSession(db, sessionId);
		const report = sessionReport(db, findVoteSession(db, admin, sessionId)!);
		if (report.kind !== 'appraisal') throw new Error('expected an appraisal report');
		expect(report.totals).toMatchObject({ returned: 3, valid: 2, invalid: 1 });
		const byName = (id: string) => report.rows.find((row) => row.subject.id === id)!;
		expect(byName(an).score?.total).toEqual({ numerator: 384, denominator: 4 }); // 96
		expect(byName(dung).score?.total).toEqual({ numerator: 299, denominator: 4 }); // 74.75
		expect(report.rows.map((row) => row.collective)).toEqual([
			'excellent',
			'excellent',
			'good',
			'good'
		]);
		// ⌊(2 + 2) / 6⌋ = 0: both excellent candidates move down, the lower first.
		expect(report.cap.groups).toEqual([
			expect.objectContaining({ group: '', allowed: 0, candidates: 2, goodBefore: 2, tie: null })
		]);
		expect(report.cap.moves.map((move) => move.id)).toEqual([binh, an]);
		expect(report.rows.map((row) => row.capped)).toEqual(['good', 'good', 'good', 'good']);
	});

	it('keeps the organiser’s grades beside the result, the confirmed one only after closing', async () => {
		const { db, sessionId, cards, subjectIds } = await openAppraisal('grades');
		const [first, second] = subjectIds as [string, string];
		// Two votes of "good" for the first person: the collective result is good.
		for (const index of [0, 1]) {
			const key = { kind: 'token' as const, value: cards[index]!.token };
			castChoices(db, key, new Map([[first, 'good']]), nonce(index));
		}
		const session = () => findVoteSession(db, admin, sessionId)!;
		const grades = {
			selfGrade: 'good' as const,
			proposedGrade: 'good' as const,
			finalGrade: null,
			finalReason: null
		};
		expect(recordGrades(db, session(), first, grades)).toBe('ok');
		expect(recordGrades(db, session(), first, { ...grades, finalGrade: 'good' })).toBe(
			'not_closed'
		);
		closeVoteSession(db, sessionId);
		// The preset's conditions are not recorded yet: no grade can be confirmed.
		expect(recordGrades(db, session(), first, { ...grades, finalGrade: 'good' })).toBe(
			'conditions_pending'
		);
		expect(recordConditions(db, session(), null, first, ALL_MET)).toBe('ok');
		expect(recordGrades(db, session(), first, { ...grades, finalGrade: 'good' })).toBe('ok');
		expect(recordGrades(db, session(), 'someone-else', grades)).toBe('not_found');

		// Departing from the collective result needs a reason of five characters or more.
		const excellent = { ...grades, finalGrade: 'excellent' as const };
		expect(recordGrades(db, session(), first, { ...excellent, finalReason: ' ok ' })).toBe(
			'reason_required'
		);
		// One excellent beside nobody good breaks the cap: refused with the numbers.
		expect(
			recordGrades(db, session(), first, { ...excellent, finalReason: 'Thành tích nổi bật' })
		).toEqual({
			refusal: 'cap',
			breaches: [{ group: '', excellent: 1, good: 0, allowed: 0 }]
		});
		const completed = { ...grades, finalGrade: 'completed' as const };
		expect(
			recordGrades(db, session(), first, { ...completed, finalReason: 'Thành tích nổi bật' })
		).toBe('ok');
		const row = (id: string) => {
			const report = sessionReport(db, session());
			if (report.kind !== 'appraisal') throw new Error('expected an appraisal');
			return report.rows.find((candidate) => candidate.subject.id === id)!.subject;
		};
		expect(row(first)).toMatchObject({
			finalGrade: 'completed',
			finalReason: 'Thành tích nổi bật'
		});
		// Back to the collective result: the reason is dropped.
		expect(
			recordGrades(db, session(), first, { ...grades, finalGrade: 'good', finalReason: 'x' })
		).toBe('ok');
		expect(row(first)).toMatchObject({ finalGrade: 'good', finalReason: null });

		// Nobody voted for the second person: confirming all leaves them to the organiser.
		expect(confirmCollectiveGrades(db, session())).toEqual({ confirmed: 0 });
		expect(row(second).finalGrade).toBeNull();

		const history = personHistory(db, admin, first, 2026);
		expect(history?.entries).toEqual([
			expect.objectContaining({
				period: { kind: 'quarter', year: 2026, quarter: 3 },
				final: 'good',
				state: 'closed'
			})
		]);
	});

	it('confirms the collective result for everyone who has one and no final grade yet, except a tie at the cut-off', async () => {
		const { db, sessionId, cards, subjectIds } = await openAppraisal('grades', { subjects: 7 });
		const [an, binh, ...others] = subjectIds as [string, string, ...string[]];
		const nobody = others.pop()!;
		const session = () => findVoteSession(db, admin, sessionId)!;
		// An and Bình tie for excellent; four others are good: ⌊(4 + 2) / 6⌋ = 1 place for two.
		const marks = new Map<string, string>([
			[an, 'excellent'],
			[binh, 'excellent'],
			...others.map((id) => [id, 'good'] as [string, string])
		]);
		castChoices(db, { kind: 'token', value: cards[0]!.token }, marks, nonce(0));
		expect(confirmCollectiveGrades(db, session())).toEqual({ confirmed: 0 }); // still open
		closeVoteSession(db, sessionId);
		for (const id of subjectIds) recordConditions(db, session(), null, id, ALL_MET);
		const report = sessionReport(db, session());
		if (report.kind !== 'appraisal') throw new Error('expected an appraisal');
		expect(report.cap.groups[0]?.tie).toEqual({
			ids: expect.arrayContaining([an, binh]),
			slots: 1
		});
		expect(report.cap.tiedIds).toHaveLength(2);
		recordGrades(db, session(), others[0]!, {
			selfGrade: null,
			proposedGrade: null,
			finalGrade: 'completed',
			finalReason: 'Còn chậm tiến độ'
		});
		expect(confirmCollectiveGrades(db, session())).toEqual({ confirmed: 3 });
		const after = sessionReport(db, session());
		if (after.kind !== 'appraisal') throw new Error('expected an appraisal');
		const finals = new Map(after.rows.map((row) => [row.subject.id, row.subject.finalGrade]));
		expect([finals.get(an), finals.get(binh), finals.get(nobody)]).toEqual([null, null, null]);
		expect(others.map((id) => finals.get(id))).toEqual(['completed', 'good', 'good', 'good']);
	});
});
