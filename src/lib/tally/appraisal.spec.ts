import { describe, expect, it } from 'vitest';
import {
	compareGradeVotes,
	compareScores,
	gradeAppraisal,
	gradeForScore,
	tallyGradeVotes,
	tallyScoreSheets,
	type GradeBallot
} from './appraisal';
import { applyCap } from './cap';
import { ND_335_2025, QD_366_2025, type AppraisalPreset } from './appraisal-presets';
import { countChoices } from './choices';
import { medianGrade, type Grade } from './grades';
import { floorHundredths } from './rational';
import { DEFAULT_CRITERIA, templateProblems } from './score-template';

const bands = QD_366_2025.bands;

/** The cap's outcome for a list in the one default duty group, nothing recorded about conditions. */
function onlyGroup(
	preset: AppraisalPreset,
	list: {
		id: string;
		grade: Grade | null;
		total: { numerator: number; denominator: number } | null;
		sheets: number;
		means: Record<string, never>;
	}[]
) {
	const graded = gradeAppraisal(
		preset,
		preset.cap?.ratio ?? null,
		list.map((subject) => ({ ...subject, group: '', facts: null })),
		(s) => s.grade,
		compareScores
	);
	// No one graded at all: no group, nothing to cap.
	return graded.cap.groups[0]?.outcome ?? applyCap([], compareScores, null);
}
const points = (hundredths: number) => ({ numerator: hundredths, denominator: 100 });

describe('gradeForScore at every band boundary', () => {
	it.each([
		[4999, 'not_completed'],
		[5000, 'completed'],
		[6999, 'completed'],
		[7000, 'good'],
		[8999, 'good'],
		[9000, 'excellent'],
		[10000, 'excellent'],
		[0, 'not_completed']
	] as const)('%i hundredths → %s', (hundredths, grade) => {
		expect(gradeForScore(points(hundredths), bands)).toBe(grade);
	});

	it('grades the exact mean, not its display', () => {
		// 179.99 half points over 2 sheets… 17999/200 = 89.995: shown 89,99, graded good.
		const mean = { numerator: 17999, denominator: 200 };
		expect(gradeForScore(mean, bands)).toBe('good');
		expect(floorHundredths(mean)).toBe(8999);
	});
});

describe('medianGrade', () => {
	const counts = (excellent: number, good: number, completed: number, notCompleted: number) => ({
		excellent,
		good,
		completed,
		not_completed: notCompleted
	});

	it('takes the best grade that more than half the votes reach or beat (odd count)', () => {
		expect(medianGrade(counts(2, 1, 1, 1))).toBe('good'); // 2 of 5 is not more than half
		expect(medianGrade(counts(3, 1, 1, 0))).toBe('excellent');
		expect(medianGrade(counts(0, 0, 2, 3))).toBe('not_completed');
	});

	it('needs strictly more than half with an even count, so an even split falls to the lower grade', () => {
		expect(medianGrade(counts(2, 2, 0, 0))).toBe('good');
		expect(medianGrade(counts(3, 1, 0, 0))).toBe('excellent');
		expect(medianGrade(counts(1, 1, 1, 1))).toBe('completed');
		expect(medianGrade(counts(0, 2, 0, 2))).toBe('not_completed');
	});

	it('gives no grade without votes', () => {
		expect(medianGrade(counts(0, 0, 0, 0))).toBeNull();
	});
});

describe('tallyGradeVotes', () => {
	it('counts the distribution, blank rows and empty ballots', () => {
		const ballots: GradeBallot[] = [
			{ a: 'excellent', b: 'good' },
			{ a: 'excellent' },
			{ a: 'good', b: 'completed' },
			{}
		];
		const subjects = [{ id: 'a' }, { id: 'b' }];
		const result = tallyGradeVotes(subjects, countChoices(subjects, ballots));
		expect(result).toMatchObject({ returned: 4, valid: 3, invalid: 1 });
		expect(result.subjects[0]).toMatchObject({
			counts: { excellent: 2, good: 1, completed: 0, not_completed: 0 },
			votes: 3,
			median: 'excellent'
		});
		expect(result.subjects[1]).toMatchObject({ votes: 2, median: 'completed' });
	});
});

describe('tallyScoreSheets', () => {
	const criteria = [
		{ id: 'g', name: 'Chung', group: 'general' as const, maximum: 30 },
		{ id: 't', name: 'Nhiệm vụ', group: 'tasks' as const, maximum: 70 }
	];

	it('keeps exact means per criterion and in total, and grades the total', () => {
		const [a, b] = tallyScoreSheets(
			criteria,
			[{ id: 'a' }, { id: 'b' }],
			[
				{ subjectId: 'a', halfPoints: { g: 55, t: 130 } }, // 27.5 + 65
				{ subjectId: 'a', halfPoints: { g: 60, t: 125 } }, // 30 + 62.5
				{ subjectId: 'a', halfPoints: { g: 50, t: 121 } } // 25 + 60.5
			],
			bands
		);
		expect(a?.sheets).toBe(3);
		expect(a?.means).toEqual({
			g: { numerator: 165, denominator: 6 },
			t: { numerator: 376, denominator: 6 }
		});
		expect(a?.total).toEqual({ numerator: 541, denominator: 6 }); // 90.1666…
		expect(a?.grade).toBe('excellent');
		expect(floorHundredths(a!.total!)).toBe(9016);
		expect(b).toMatchObject({ sheets: 0, total: null, grade: null });
	});
});

describe('the 20 % cap', () => {
	const subject = (id: string, grade: Grade, score: number) => ({
		id,
		grade,
		sheets: 1,
		means: {},
		total: points(score * 100)
	});
	const cap = (list: ReturnType<typeof subject>[], preset = ND_335_2025) => onlyGroup(preset, list);

	it('keeps 1 of 3 candidates beside 4 good: each demotion raises the number of good', () => {
		const outcome = cap([
			subject('e1', 'excellent', 95),
			subject('e2', 'excellent', 93),
			subject('e3', 'excellent', 91),
			...['g1', 'g2', 'g3', 'g4'].map((id) => subject(id, 'good', 80))
		]);
		expect(outcome).toMatchObject({ allowed: 1, candidates: 3, goodBefore: 4, tie: null });
		// Lowest first.
		expect(outcome.moves.map((move) => move.id)).toEqual(['e3', 'e2']);
		expect(outcome.grades.get('e1')).toBe('excellent');
		expect(outcome.grades.get('e2')).toBe('good');
		// After the cap: 1 excellent ≤ 20 % of 6 good.
		const grades = [...outcome.grades.values()];
		expect(5 * grades.filter((g) => g === 'excellent').length).toBeLessThanOrEqual(
			grades.filter((g) => g === 'good').length
		);
	});

	it('demotes every candidate when nobody is graded good and there are fewer than six', () => {
		const outcome = cap([subject('e1', 'excellent', 99), subject('e2', 'excellent', 98)]);
		expect(outcome.allowed).toBe(0);
		expect(outcome.moves.map((move) => move.id)).toEqual(['e2', 'e1']);
	});

	it('keeps one of six candidates with nobody graded good', () => {
		const list = [99, 98, 97, 96, 95, 94].map((score, i) => subject(`e${i}`, 'excellent', score));
		expect(cap(list).allowed).toBe(1);
	});

	it('changes nothing while the candidates fit', () => {
		const list = [
			subject('e1', 'excellent', 95),
			...Array.from({ length: 5 }, (_, i) => subject(`g${i}`, 'good', 75))
		];
		const outcome = cap(list);
		expect(outcome).toMatchObject({ allowed: 1, moves: [], tie: null });
	});

	it('reports a tie at the cut-off and leaves it to a human, demoting the tied provisionally', () => {
		const outcome = cap([
			subject('e1', 'excellent', 96),
			subject('e2', 'excellent', 92),
			subject('e3', 'excellent', 92),
			subject('e4', 'excellent', 90),
			...Array.from({ length: 8 }, (_, i) => subject(`g${i}`, 'good', 80))
		]);
		// ⌊(8 + 4) / 6⌋ = 2 may stay: e1, then one of e2 and e3, which score the same.
		expect(outcome.allowed).toBe(2);
		expect(outcome.tie).toEqual({ ids: ['e2', 'e3'], slots: 1 });
		expect(outcome.grades.get('e1')).toBe('excellent');
		expect(outcome.moves).toEqual([
			{ id: 'e4', from: 'excellent', to: 'good', tied: false },
			{ id: 'e3', from: 'excellent', to: 'good', tied: true },
			{ id: 'e2', from: 'excellent', to: 'good', tied: true }
		]);
	});

	it('is no tie when equal scores sit on the same side of the cut-off', () => {
		const outcome = cap([
			subject('e1', 'excellent', 95),
			subject('e2', 'excellent', 91),
			subject('e3', 'excellent', 91),
			...Array.from({ length: 3 }, (_, i) => subject(`g${i}`, 'good', 80))
		]);
		expect(outcome.allowed).toBe(1);
		expect(outcome.tie).toBeNull();
	});

	it('is NĐ 335’s, with its source, per duty group; QĐ 366 assumes none and says why', () => {
		expect(ND_335_2025.cap).toMatchObject({
			ratio: { numerator: 1, denominator: 5 },
			scope: 'duty_group'
		});
		expect(ND_335_2025.cap?.source.vi).toContain('khoản 5 điểm a');
		expect(QD_366_2025.cap).toBeNull();
		expect(QD_366_2025.note?.vi).toContain('21-HD/BTCTW');
	});

	it('holds for every small unit: kept excellent ≤ 20 % of good after demotion, and maximal', () => {
		for (let good = 0; good <= 20; good++) {
			for (let candidates = 0; candidates <= 12; candidates++) {
				const list = [
					...Array.from({ length: candidates }, (_, i) => subject(`e${i}`, 'excellent', 99 - i)),
					...Array.from({ length: good }, (_, i) => subject(`g${i}`, 'good', 80))
				];
				const outcome = cap(list);
				const kept = outcome.candidates - outcome.moves.length;
				const goodAfter = good + outcome.moves.length;
				expect(5 * kept).toBeLessThanOrEqual(goodAfter);
				// Keeping one more would break the rule (or there is none left to keep).
				if (kept < candidates) expect(5 * (kept + 1)).toBeGreaterThan(goodAfter - 1);
			}
		}
	});
});

describe('compareGradeVotes', () => {
	it('ranks by the share at excellent, then at good or better', () => {
		const a = {
			id: 'a',
			counts: { excellent: 3, good: 1, completed: 0, not_completed: 0 },
			votes: 4,
			median: null
		};
		const b = {
			id: 'b',
			counts: { excellent: 3, good: 0, completed: 1, not_completed: 0 },
			votes: 4,
			median: null
		};
		const c = {
			id: 'c',
			counts: { excellent: 6, good: 2, completed: 0, not_completed: 0 },
			votes: 8,
			median: null
		};
		expect(compareGradeVotes(a, b)).toBeLessThan(0);
		expect(compareGradeVotes(b, a)).toBeGreaterThan(0);
		expect(compareGradeVotes(a, c)).toBe(0);
	});
});

describe('templateProblems', () => {
	it('accepts the default template: 30 general points and 70 of task results', () => {
		expect(templateProblems(DEFAULT_CRITERIA)).toEqual([]);
	});

	it('refuses a total other than 100, empty names, bad maxima and an empty sheet', () => {
		const criteria = DEFAULT_CRITERIA.map((criterion) => ({ ...criterion }));
		criteria[0]!.maximum = 6;
		expect(templateProblems(criteria)).toEqual([{ problem: 'total', total: 101 }]);
		criteria[0]!.maximum = 0;
		criteria[1]!.name = ' ';
		expect(templateProblems(criteria)).toEqual([
			{ problem: 'maximum', index: 0 },
			{ problem: 'name', index: 1 },
			{ problem: 'total', total: 95 }
		]);
		expect(templateProblems([])).toEqual([{ problem: 'empty' }]);
	});

	it('states no total while a maximum is not a whole number (never “NaN”)', () => {
		const criteria = DEFAULT_CRITERIA.map((criterion) => ({ ...criterion }));
		criteria[2]!.maximum = Number.NaN;
		expect(templateProblems(criteria)).toEqual([{ problem: 'maximum', index: 2 }]);
	});
});

describe('the worked example of README.md', () => {
	it('keeps the 95 and moves 91 then 93', () => {
		const subject = (id: string, grade: Grade, score: number) => ({
			id,
			grade,
			sheets: 1,
			means: {},
			total: points(score * 100)
		});
		const outcome = onlyGroup(ND_335_2025, [
			subject('a', 'excellent', 95),
			subject('b', 'excellent', 93),
			subject('c', 'excellent', 91),
			...[1, 2, 3, 4].map((i) => subject(`g${i}`, 'good', 80))
		]);
		expect(outcome.allowed).toBe(1);
		expect(outcome.moves.map((move) => move.id)).toEqual(['c', 'b']);
	});
});

describe('a grade vote under conditions', () => {
	it('caps the median like a score band: a median of excellent with 20 % exceeded is good', () => {
		const votes = tallyGradeVotes(
			[{ id: 'a' }],
			countChoices([{ id: 'a' }], [{ a: 'excellent' }, { a: 'excellent' }, { a: 'good' }])
		).subjects[0]!;
		const facts = {
			completed: 100,
			onTime: 100,
			exceeded: 20,
			shortcomingsFixed: true,
			discipline: false,
			degradation: false,
			corruption: false,
			periods: 1
		};
		const graded = gradeAppraisal(
			QD_366_2025,
			null,
			[{ ...votes, group: '', facts }],
			(s) => s.median,
			compareGradeVotes
		);
		expect(graded.conditional.get('a')).toMatchObject({ band: 'excellent', grade: 'good' });
		expect(graded.cap.grades.get('a')).toBe('good');
	});
});
