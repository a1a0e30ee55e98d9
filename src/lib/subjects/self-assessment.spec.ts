import { describe, expect, it } from 'vitest';
import { parseSelfGrade, parseSelfScore, selfAssessmentText } from './self-assessment';

describe('parseSelfScore', () => {
	it('reads a score as units write it, in hundredths', () => {
		expect(
			['92', '92,5', '92.5', '87,25', ' 0 ', '100', '100,00', '7,05'].map(parseSelfScore)
		).toEqual([9200, 9250, 9250, 8725, 0, 10000, 10000, 705]);
	});

	it('takes an empty cell as no score', () => {
		expect(parseSelfScore('  ')).toBeNull();
	});

	it('refuses anything else', () => {
		for (const text of [
			'100,01',
			'101',
			'-1',
			'92,555',
			'92 điểm',
			'chín mươi',
			'9 2',
			'1e2',
			',5'
		]) {
			expect(parseSelfScore(text), text).toBe('invalid');
		}
	});
});

describe('parseSelfGrade', () => {
	it('takes an empty cell as no grade and refuses an unknown one', () => {
		expect(parseSelfGrade(' ')).toBeNull();
		expect(parseSelfGrade('Xuất sắc')).toBe('invalid');
		expect(parseSelfGrade('HTX')).toBe('invalid');
	});

	it('reads decomposed text (NFD) as composed', () => {
		expect(parseSelfGrade('Hoàn thành tốt nhiệm vụ'.normalize('NFD'))).toBe('good');
	});
});

describe('selfAssessmentText', () => {
	it('says only what was recorded, the score as written', () => {
		expect(selfAssessmentText({ selfScore: 9250, selfGrade: 'excellent' }, 'vi')).toBe(
			'92,5 điểm · HTXSNV'
		);
		expect(selfAssessmentText({ selfScore: 8725, selfGrade: null }, 'en')).toBe('87.25 points');
		expect(selfAssessmentText({ selfScore: null, selfGrade: 'good' }, 'vi')).toBe('HTTNV');
		expect(selfAssessmentText({ selfScore: 9000, selfGrade: null }, 'vi')).toBe('90 điểm');
		expect(selfAssessmentText({ selfScore: null, selfGrade: null }, 'vi')).toBeNull();
	});
});
