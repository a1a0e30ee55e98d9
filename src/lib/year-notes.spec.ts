import { describe, expect, it } from 'vitest';
import { ND_335_2025, QD_366_2025 } from '$lib/tally/appraisal-presets';
import { applyConditions, yearFacts, type ConditionRecord } from '$lib/tally/conditions';
import { conditionCapReason } from './wording';
import { quartersText, yearBasis, yearGradeNotes } from './year-notes';

const record = (changes: Partial<ConditionRecord>): ConditionRecord => ({
	completed: 100,
	onTime: 100,
	exceeded: 40,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false,
	...changes
});

describe('yearGradeNotes', () => {
	it('gives the band and each condition that capped the year, with its reason', () => {
		// Exceeded 40 % then 10 %: a mean of 25 %, short of the 30 % excellent needs.
		const facts = yearFacts([record({}), record({ exceeded: 10 })])!;
		const conditional = applyConditions('excellent', QD_366_2025.conditions, facts);
		const notes = yearGradeNotes(
			{ conditional, facts, move: null, grade: conditional.grade },
			'vi'
		);
		// The reason is the house's own wording of the condition, with the year's mean share.
		expect(notes).toEqual([
			'Theo điểm: Hoàn thành xuất sắc nhiệm vụ (HTXSNV)',
			conditionCapReason(conditional.caps[0]!, facts, 'vi')
		]);
		expect(notes[1]).toContain('25,00%');
	});

	it('says when the cap moved the year grade, or that it is provisional', () => {
		const conditional = applyConditions('excellent', ND_335_2025.conditions, null);
		expect(
			yearGradeNotes(
				{
					conditional,
					facts: null,
					move: { id: 'a', from: 'excellent', to: 'good', tied: true },
					grade: 'good'
				},
				'en'
			)
		).toEqual([
			'By score: Completed duties excellently (HTXSNV)',
			'Tie at the cut-off: awaiting a decision',
			'Provisional: grade conditions are not recorded for every quarter.'
		]);
	});
});

describe('the year’s words', () => {
	it('names the quarters not completed and the rules the year is graded by', () => {
		expect(quartersText([2, 4], 'vi')).toBe('Quý II, Quý IV');
		const basis = yearBasis(
			{
				rules: {
					quarter: 4,
					preset: ND_335_2025,
					recordedRate: { percent: 30, document: 'QĐ 12' }
				},
				sessions: [
					{ quarter: 1, counted: true, presetName: QD_366_2025.name },
					{ quarter: 4, counted: true, presetName: ND_335_2025.name }
				]
			},
			'vi'
		);
		expect(basis[0]).toBe(
			'Xếp loại cả năm theo quy định của quý gần nhất đã có kết quả (quý IV): Nghị định 335/2025/NĐ-CP: công chức.'
		);
		expect(basis).toContain(
			'Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ” do cấp có thẩm quyền quy định, ghi nhận ở quý gần nhất: 30% (QĐ 12).'
		);
		expect(basis).toContain(`Quý I được đánh giá theo quy định khác: ${QD_366_2025.name.vi}.`);
	});
});
