import { describe, expect, it } from 'vitest';
import { gradeForScore } from './appraisal';
import {
	CONDITION_CATALOGUE,
	conditionKey,
	customAppraisalPreset,
	ND_335_2025,
	QD_366_2025,
	type GradeCondition
} from './appraisal-presets';
import {
	applyConditions,
	factsNeeded,
	factsOf,
	recordProblems,
	yearFacts,
	type ConditionRecord
} from './conditions';
import type { Grade } from './grades';

/** Every QĐ 366 and NĐ 335 condition met. */
const ALL_MET: ConditionRecord = {
	completed: 100,
	onTime: 100,
	exceeded: 30,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};
const points = (value: number) => ({ numerator: value * 100, denominator: 100 });

/** The grade a score earns under a preset with these facts, and the conditions that capped it. */
function graded(preset: typeof QD_366_2025, score: number, record: ConditionRecord | null) {
	const band = gradeForScore(points(score), preset.bands);
	const outcome = applyConditions(band, preset.conditions, record && factsOf(record));
	return { ...outcome, capKeys: outcome.caps.map(conditionKey) };
}

describe('QĐ 366 Điều 11: the band capped by every unmet condition', () => {
	it.each([
		[90, 'excellent'],
		[89.5, 'good'],
		[70, 'good'],
		[69.5, 'completed'],
		[50, 'completed'],
		[49.5, 'not_completed'],
		[0, 'not_completed'],
		[100, 'excellent']
	] as const)('%d points with every condition met → %s', (score, grade) => {
		expect(graded(QD_366_2025, score, ALL_MET)).toMatchObject({ grade, caps: [], pending: false });
	});

	it('keeps excellent at exactly 30 % exceeded and drops it to good at 29 %, with the reason', () => {
		expect(graded(QD_366_2025, 92, { ...ALL_MET, exceeded: 30 }).grade).toBe('excellent');
		const capped = graded(QD_366_2025, 92, { ...ALL_MET, exceeded: 29 });
		expect(capped).toMatchObject({ band: 'excellent', grade: 'good' });
		expect(capped.capKeys).toEqual(['excellent:share_at_least:exceeded:30']);
		expect(capped.caps[0]?.article.vi).toBe('Quy định 366-QĐ/TW, Điều 11 khoản 1');
	});

	it('the issue’s case: 92 points but 20 % exceeded ends good', () => {
		expect(graded(QD_366_2025, 92, { ...ALL_MET, exceeded: 20 }).grade).toBe('good');
	});

	it('drops excellent when shortcomings are not put right', () => {
		const capped = graded(QD_366_2025, 95, { ...ALL_MET, shortcomingsFixed: false });
		expect(capped.grade).toBe('good');
		expect(capped.capKeys).toEqual(['excellent:shortcomings_fixed']);
	});

	it('needs every task on time for good: 99 % on time with 1 % late gives completed', () => {
		const record = { ...ALL_MET, onTime: 99 };
		expect(graded(QD_366_2025, 80, record)).toMatchObject({ band: 'good', grade: 'completed' });
		expect(graded(QD_366_2025, 80, record).capKeys).toEqual(['good:share_at_least:on_time:100']);
		// From excellent the same fact caps to completed too (good needs it, excellent needs good's).
		expect(graded(QD_366_2025, 95, { ...record, exceeded: 40 }).grade).toBe('completed');
	});

	it('counts as late every task not done on time, completed or not (custom preset)', () => {
		const late = customAppraisalPreset({
			source: 'Quy chế đơn vị',
			minimums: [90, 70, 50],
			conditions: ['completed:late_at_most:20'],
			capPercent: null,
			capScope: 'unit',
			issuer: 'state'
		});
		// 60 % completed, all of them on time: 40 % not on time.
		expect(graded(late, 80, { ...ALL_MET, completed: 60, onTime: 60, exceeded: 0 }).grade).toBe(
			'not_completed'
		);
		expect(graded(late, 80, { ...ALL_MET, completed: 100, onTime: 80 }).grade).toBe('good');
	});

	it('allows at most 20 % late for completed: exactly 20 % stays, 21 % falls', () => {
		expect(graded(QD_366_2025, 60, { ...ALL_MET, onTime: 80 }).grade).toBe('completed');
		const late = graded(QD_366_2025, 60, { ...ALL_MET, onTime: 79 });
		expect(late.grade).toBe('not_completed');
		expect(late.capKeys).toEqual(['completed:late_at_most:20']);
	});

	it('needs every task completed for completed', () => {
		const short = graded(QD_366_2025, 75, { ...ALL_MET, completed: 90, onTime: 90, exceeded: 0 });
		expect(short.grade).toBe('not_completed');
		// Lists every unmet condition at or below the band, the one that caps hardest last.
		expect(short.capKeys).toEqual([
			'good:share_at_least:on_time:100',
			'completed:share_at_least:completed:100'
		]);
	});

	it('lists only conditions of grades the band reaches: a 60 needs nothing about excellence', () => {
		expect(graded(QD_366_2025, 60, { ...ALL_MET, exceeded: 0, onTime: 85 }).caps).toEqual([]);
	});

	it('a band of not completed stays not completed, whatever the facts', () => {
		expect(graded(QD_366_2025, 40, ALL_MET)).toMatchObject({ grade: 'not_completed', caps: [] });
	});

	it('is pending, on the band, while nothing is recorded', () => {
		expect(graded(QD_366_2025, 95, null)).toMatchObject({
			band: 'excellent',
			grade: 'excellent',
			caps: [],
			pending: true
		});
	});
});

describe('NĐ 335 khoản 4: không hoàn thành whatever the score', () => {
	it.each(['discipline', 'degradation', 'corruption'] as const)(
		'a finding of %s sends 92 points to not completed',
		(finding) => {
			const outcome = graded(ND_335_2025, 92, { ...ALL_MET, [finding]: true });
			expect(outcome).toMatchObject({ band: 'excellent', grade: 'not_completed' });
			expect(outcome.capKeys).toEqual([`completed:no_finding:${finding}`]);
		}
	);

	it('reads no task shares: 92 points with 0 % exceeded stays excellent', () => {
		expect(graded(ND_335_2025, 92, { ...ALL_MET, exceeded: 0, onTime: 50 }).grade).toBe(
			'excellent'
		);
		expect([...factsNeeded(ND_335_2025.conditions)].sort()).toEqual([
			'corruption',
			'degradation',
			'discipline'
		]);
	});
});

describe('a preset without conditions (copies stored before December 2026)', () => {
	it('gives the band, never pending', () => {
		expect(applyConditions('excellent', [], null)).toEqual({
			band: 'excellent',
			grade: 'excellent',
			caps: [],
			pending: false
		});
	});
});

describe('recordProblems', () => {
	it('accepts whole percents from 0 to 100 only', () => {
		expect(recordProblems(ALL_MET)).toEqual([]);
		expect(recordProblems({ ...ALL_MET, exceeded: 101 })).toEqual(['range']);
		expect(recordProblems({ ...ALL_MET, onTime: -1 })).toEqual(['range']);
		expect(recordProblems({ ...ALL_MET, exceeded: 30.5 })).toEqual(['range']);
	});

	it('refuses more on time or exceeded than completed', () => {
		expect(recordProblems({ ...ALL_MET, completed: 80, onTime: 90, exceeded: 85 })).toEqual([
			'on_time_above_completed',
			'exceeded_above_completed'
		]);
	});
});

describe('yearFacts', () => {
	const quarter = (fields: Partial<ConditionRecord>): ConditionRecord => ({
		...ALL_MET,
		...fields
	});

	it('sums shares over the quarters: 30 % exceeded is met on the mean', () => {
		const facts = yearFacts([
			quarter({ exceeded: 20 }),
			quarter({ exceeded: 40 }),
			quarter({ exceeded: 30 })
		]);
		expect(facts).toMatchObject({ periods: 3, exceeded: 90, completed: 300 });
		expect(applyConditions('excellent', QD_366_2025.conditions, facts).grade).toBe('excellent');
		const short = yearFacts([quarter({ exceeded: 20 }), quarter({ exceeded: 39 })]);
		expect(applyConditions('excellent', QD_366_2025.conditions, short).grade).toBe('good');
	});

	it('needs every quarter on time for 100 % on time', () => {
		const facts = yearFacts([quarter({}), quarter({}), quarter({}), quarter({ onTime: 99 })]);
		expect(applyConditions('good', QD_366_2025.conditions, facts).grade).toBe('completed');
	});

	it('holds a finding in any quarter for the year, and shortcomings as last recorded', () => {
		const facts = yearFacts([
			quarter({ discipline: true, shortcomingsFixed: false }),
			quarter({ shortcomingsFixed: true })
		]);
		expect(facts).toMatchObject({ discipline: true, shortcomingsFixed: true });
		expect(applyConditions('excellent', ND_335_2025.conditions, facts).grade).toBe('not_completed');
	});

	it('is pending (null) while any quarter has no record: a finding could hide in it', () => {
		expect(yearFacts([null, null])).toBeNull();
		expect(yearFacts([null, quarter({}), quarter({}), quarter({})])).toBeNull();
		expect(yearFacts([])).toBeNull();
	});
});

describe('a custom preset (viên chức and others)', () => {
	const keys = (conditions: GradeCondition[]) => conditions.map(conditionKey);

	it('takes its bands, chosen conditions and cap from the organiser, citing their document', () => {
		const preset = customAppraisalPreset({
			source: 'Nghị định 90/2020/NĐ-CP',
			minimums: [85, 65, 45],
			conditions: ['completed:no_finding:discipline', 'excellent:share_at_least:exceeded:30'],
			capPercent: 25,
			capScope: 'duty_group',
			issuer: 'state'
		});
		expect(preset.bands.map((band) => band.minimum)).toEqual([85, 65, 45, 0]);
		// In the catalogue's order, whatever order they were ticked in.
		expect(keys(preset.conditions)).toEqual([
			'excellent:share_at_least:exceeded:30',
			'completed:no_finding:discipline'
		]);
		expect(preset.conditions[0]?.article.vi).toBe('Nghị định 90/2020/NĐ-CP');
		expect(preset.cap).toMatchObject({
			ratio: { numerator: 25, denominator: 100 },
			scope: 'duty_group'
		});
		const grade = (score: number): Grade => gradeForScore(points(score), preset.bands);
		expect([grade(85), grade(84.5), grade(65), grade(45), grade(44.5)]).toEqual([
			'excellent',
			'good',
			'good',
			'completed',
			'not_completed'
		]);
	});

	it('offers every condition the shipped presets use', () => {
		const catalogue = new Set(CONDITION_CATALOGUE.map(conditionKey));
		for (const condition of [...QD_366_2025.conditions, ...ND_335_2025.conditions])
			expect(catalogue.has(conditionKey(condition))).toBe(true);
	});
});
