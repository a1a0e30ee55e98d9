import { describe, expect, it } from 'vitest';
import {
	applyCapByGroup,
	capBreaches,
	capRatioInForce,
	excellentAllowedBesideGood,
	type GroupedCandidate
} from './cap';
import { TWENTY_PERCENT } from './appraisal-presets';
import type { Grade } from './grades';

type Scored = GroupedCandidate & { score: number };
const person = (id: string, group: string, grade: Grade, score: number): Scored => ({
	id,
	group,
	grade,
	score
});
const byScore = (a: Scored, b: Scored) => b.score - a.score;
const many = (prefix: string, group: string, grade: Grade, count: number, score: number) =>
	Array.from({ length: count }, (_, i) => person(`${prefix}${i}`, group, grade, score));

describe('the cap per duty group', () => {
	it('counts each group on its own: a group with no one good keeps no one excellent', () => {
		const outcome = applyCapByGroup(
			[
				person('a', 'Kế toán', 'excellent', 95),
				...many('g', 'Kế toán', 'good', 5, 80),
				person('b', 'Văn thư', 'excellent', 96),
				person('c', 'Văn thư', 'completed', 60)
			],
			byScore,
			TWENTY_PERCENT,
			true
		);
		expect(outcome.groups.map(({ group, outcome: o }) => [group, o.allowed, o.goodBefore])).toEqual(
			[
				['Kế toán', 1, 5],
				['Văn thư', 0, 0]
			]
		);
		expect(outcome.grades.get('a')).toBe('excellent');
		expect(outcome.grades.get('b')).toBe('good');
		expect(outcome.moves.map((move) => move.id)).toEqual(['b']);
	});

	it('pools everyone when the scope is the unit', () => {
		const outcome = applyCapByGroup(
			[
				person('a', 'Kế toán', 'excellent', 95),
				...many('g', 'Kế toán', 'good', 5, 80),
				person('b', 'Văn thư', 'excellent', 96)
			],
			byScore,
			TWENTY_PERCENT,
			false
		);
		// ⌊(5 + 2) / 6⌋ = 1: the higher score stays, across the groups.
		expect(outcome.groups).toHaveLength(1);
		expect(outcome.grades.get('b')).toBe('excellent');
		expect(outcome.grades.get('a')).toBe('good');
	});

	it('leaves a tie at a group’s cut-off to a person, in that group only', () => {
		const outcome = applyCapByGroup(
			[
				person('a', 'A', 'excellent', 95),
				person('b', 'A', 'excellent', 95),
				...many('g', 'A', 'good', 4, 80),
				person('c', 'B', 'excellent', 95),
				...many('h', 'B', 'good', 5, 80)
			],
			byScore,
			TWENTY_PERCENT,
			true
		);
		const [groupA, groupB] = outcome.groups;
		expect(groupA?.outcome.tie).toEqual({ ids: ['a', 'b'], slots: 1 });
		expect(groupB?.outcome.tie).toBeNull();
		expect(outcome.grades.get('c')).toBe('excellent');
	});
});

describe('the cap on final grades: 5·E ≤ G in every group', () => {
	const finals = (excellent: number, good: number, group = '') => [
		...Array.from({ length: excellent }, () => ({ group, grade: 'excellent' as const })),
		...Array.from({ length: good }, () => ({ group, grade: 'good' as const }))
	];

	it('refuses four excellent against ten good, with the numbers', () => {
		expect(capBreaches(finals(4, 10, 'Kế toán'), TWENTY_PERCENT, true)).toEqual([
			{ group: 'Kế toán', excellent: 4, good: 10, allowed: 2 }
		]);
	});

	it('accepts exactly 20 %: two excellent against ten good', () => {
		expect(capBreaches(finals(2, 10), TWENTY_PERCENT, true)).toEqual([]);
		expect(capBreaches(finals(3, 14), TWENTY_PERCENT, true)).toEqual([
			{ group: '', excellent: 3, good: 14, allowed: 2 }
		]);
	});

	it('refuses any excellent in a group with zero good, and accepts none', () => {
		expect(capBreaches(finals(1, 0), TWENTY_PERCENT, true)).toEqual([
			{ group: '', excellent: 1, good: 0, allowed: 0 }
		]);
		expect(capBreaches(finals(0, 0), TWENTY_PERCENT, true)).toEqual([]);
	});

	it('checks every group: one within the cap does not cover another', () => {
		const people = [...finals(1, 10, 'A'), ...finals(1, 4, 'B')];
		expect(capBreaches(people, TWENTY_PERCENT, true)).toEqual([
			{ group: 'B', excellent: 1, good: 4, allowed: 0 }
		]);
		// Pooled, the same grades keep the cap: 2 ≤ ⌊14/5⌋.
		expect(capBreaches(people, TWENTY_PERCENT, false)).toEqual([]);
	});

	it('ignores grades below good and people without a grade', () => {
		const people = [
			...finals(1, 5),
			{ group: '', grade: 'completed' as const },
			{ group: '', grade: null }
		];
		expect(capBreaches(people, TWENTY_PERCENT, true)).toEqual([]);
	});

	it('has nothing to check without a cap', () => {
		expect(capBreaches(finals(4, 0), null, true)).toEqual([]);
	});

	it('takes ⌊rate × good⌋ as the number allowed', () => {
		expect(
			[0, 4, 5, 9, 10, 11].map((good) => excellentAllowedBesideGood(good, TWENTY_PERCENT))
		).toEqual([0, 0, 1, 1, 2, 2]);
	});
});

describe('a higher rate recorded by the competent level', () => {
	const recorded = (percent: number) => ({ percent, document: 'Công văn số 12/UBND' });

	it('sets the rate where the preset sets none (QĐ 366)', () => {
		expect(capRatioInForce(null, recorded(20))).toEqual({ numerator: 20, denominator: 100 });
		expect(capRatioInForce(null, null)).toBeNull();
	});

	it('replaces the preset’s rate only when higher', () => {
		expect(capRatioInForce(TWENTY_PERCENT, recorded(30))).toEqual({
			numerator: 30,
			denominator: 100
		});
		expect(capRatioInForce(TWENTY_PERCENT, recorded(20))).toBe(TWENTY_PERCENT);
		expect(capRatioInForce(TWENTY_PERCENT, recorded(15))).toBe(TWENTY_PERCENT);
		expect(capRatioInForce(TWENTY_PERCENT, null)).toBe(TWENTY_PERCENT);
	});

	it('lets four excellent stand beside ten good at 40 %, and refuses them at 30 %', () => {
		const people = [
			...Array.from({ length: 4 }, () => ({ group: 'A', grade: 'excellent' as const })),
			...Array.from({ length: 10 }, () => ({ group: 'A', grade: 'good' as const }))
		];
		expect(capBreaches(people, capRatioInForce(TWENTY_PERCENT, recorded(40)), true)).toEqual([]);
		expect(capBreaches(people, capRatioInForce(TWENTY_PERCENT, recorded(30)), true)).toEqual([
			{ group: 'A', excellent: 4, good: 10, allowed: 3 }
		]);
	});

	it('raises the number kept by the collective cap too: ⌊30·(G0 + C) / 130⌋', () => {
		const outcome = applyCapByGroup(
			[...many('e', '', 'excellent', 4, 95), ...many('g', '', 'good', 9, 80)],
			byScore,
			capRatioInForce(TWENTY_PERCENT, recorded(30)),
			true
		);
		// 13 people: k ≤ 0.3·(13 − k) gives k = 3 (3 ≤ 3), not 4 (4 > 2.7).
		expect(outcome.groups[0]?.outcome.allowed).toBe(3);
	});
});
