import { describe, expect, it } from 'vitest';
import { ND_335_2025, QD_366_2025 } from './appraisal-presets';
import type { ConditionRecord } from './conditions';
import type { Grade } from './grades';
import { floorHundredths } from './rational';
import { gradeYear, meanScore, type QuarterFigures } from './year';

const points = (hundredths: number) => ({ numerator: hundredths, denominator: 100 });
const ALL_MET: ConditionRecord = {
	completed: 100,
	onTime: 100,
	exceeded: 30,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};
const quarter = (
	number: 1 | 2 | 3 | 4,
	score: number | null,
	grade: Grade | null = null,
	record: ConditionRecord | null = ALL_MET
): QuarterFigures => ({
	quarter: number,
	score: score === null ? null : points(score * 100),
	grade,
	record
});

describe('meanScore', () => {
	it('is the exact mean of four uneven quarters', () => {
		const mean = meanScore([points(9150), points(8800), points(9025), points(8700)]);
		expect(mean).toEqual({ numerator: 35675, denominator: 400 }); // 89.1875
		expect(floorHundredths(mean!)).toBe(8918);
	});

	it('takes the quarters present: three of them', () => {
		const mean = meanScore([points(9000), points(8950), points(9100)]);
		expect(mean).toEqual({ numerator: 27050, denominator: 300 }); // 90.1666…
	});

	it('is null with no score', () => {
		expect(meanScore([])).toBeNull();
	});
});

describe('gradeYear', () => {
	const ratio = ND_335_2025.cap!.ratio;

	it('grades the mean by the bands: 89.9375 is good, even with a 92 quarter', () => {
		const year = gradeYear(ND_335_2025, ratio, [
			{
				id: 'a',
				group: '',
				quarters: [quarter(1, 92), quarter(2, 88), quarter(3, 89.75), quarter(4, 90)]
			},
			...Array.from({ length: 5 }, (_, i) => ({
				id: `g${i}`,
				group: '',
				quarters: [quarter(1, 80), quarter(2, 80), quarter(3, 80)]
			}))
		]);
		const a = year.people[0]!;
		expect(a.score).toEqual({ numerator: 35975, denominator: 400 });
		expect(a).toMatchObject({ scoredQuarters: 4, grade: 'good', move: null });
		expect(year.people[1]).toMatchObject({ scoredQuarters: 3, grade: 'good' });
	});

	it('exactly 90 on the mean of three quarters is excellent', () => {
		const year = gradeYear(ND_335_2025, null, [
			{ id: 'a', group: '', quarters: [quarter(1, 89), quarter(2, 90.5), quarter(4, 90.5)] }
		]);
		expect(year.people[0]).toMatchObject({ grade: 'excellent', scoredQuarters: 3 });
	});

	it('applies the conditions to the year’s facts and flags quarters not completed', () => {
		const year = gradeYear(ND_335_2025, null, [
			{
				id: 'a',
				group: '',
				quarters: [
					quarter(1, 95, 'excellent'),
					quarter(2, 94, 'not_completed', { ...ALL_MET, discipline: true }),
					quarter(3, 95, 'excellent'),
					quarter(4, 96, 'excellent')
				]
			}
		]);
		expect(year.people[0]).toMatchObject({ grade: 'not_completed', notCompletedQuarters: [2] });
		expect(year.people[0]?.conditional?.caps.map((cap) => cap.kind)).toEqual(['no_finding']);
	});

	it('applies the cap per duty group at year level, the higher year score kept', () => {
		const goods = (group: string, count: number) =>
			Array.from({ length: count }, (_, i) => ({
				id: `${group}${i}`,
				group,
				quarters: [quarter(1, 80), quarter(2, 80)]
			}));
		const year = gradeYear(ND_335_2025, ratio, [
			{ id: 'x', group: 'A', quarters: [quarter(1, 95), quarter(2, 93)] },
			{ id: 'y', group: 'A', quarters: [quarter(1, 92), quarter(2, 92)] },
			...goods('A', 5),
			{ id: 'z', group: 'B', quarters: [quarter(1, 99), quarter(2, 99)] },
			...goods('B', 2)
		]);
		const grade = (id: string) => year.people.find((person) => person.id === id)?.grade;
		// Group A: ⌊(5 + 2) / 6⌋ = 1: x (94) stays, y (92) moves. Group B: ⌊3/6⌋ = 0.
		expect([grade('x'), grade('y'), grade('z')]).toEqual(['excellent', 'good', 'good']);
		expect(year.cap.moves.map((move) => move.id)).toEqual(['y', 'z']);
	});

	it('has no year grade for someone with no scored quarter (grade votes)', () => {
		const year = gradeYear(QD_366_2025, null, [
			{ id: 'a', group: '', quarters: [quarter(1, null, 'good'), quarter(2, null, 'good')] }
		]);
		expect(year.people[0]).toMatchObject({ score: null, grade: null, conditional: null });
	});

	it('is pending while any quarter lacks its conditions under a preset with conditions', () => {
		const year = gradeYear(QD_366_2025, null, [
			{ id: 'a', group: '', quarters: [quarter(1, 95, null, null), quarter(2, 95)] }
		]);
		expect(year.people[0]?.conditional).toMatchObject({ pending: true, grade: 'excellent' });
	});

	it('leaves a tie at the year’s cut-off to a person', () => {
		const year = gradeYear(ND_335_2025, ratio, [
			{ id: 'a', group: '', quarters: [quarter(1, 94), quarter(2, 92)] },
			{ id: 'b', group: '', quarters: [quarter(1, 92), quarter(2, 94)] },
			...Array.from({ length: 4 }, (_, i) => ({
				id: `g${i}`,
				group: '',
				quarters: [quarter(1, 80), quarter(2, 80)]
			}))
		]);
		// Both average 93; ⌊(4 + 2) / 6⌋ = 1 place for two.
		expect(year.cap.groups[0]?.outcome.tie).toEqual({ ids: ['a', 'b'], slots: 1 });
		expect(year.people.filter((person) => person.move?.tied)).toHaveLength(2);
	});
});
