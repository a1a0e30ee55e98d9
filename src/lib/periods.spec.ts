import { describe, expect, it } from 'vitest';
import { nextPeriod, romanQuarter } from './periods';

describe('nextPeriod', () => {
	it('moves a quarter on, into the next year after the fourth', () => {
		expect(nextPeriod({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({
			kind: 'quarter',
			year: 2026,
			quarter: 4
		});
		expect(nextPeriod({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
			kind: 'quarter',
			year: 2027,
			quarter: 1
		});
	});

	it('moves a year on, and has no next period for a term', () => {
		expect(nextPeriod({ kind: 'year', year: 2026 })).toEqual({ kind: 'year', year: 2027 });
		expect(nextPeriod({ kind: 'term', label: '2025–2030' })).toBeNull();
	});

	it('writes quarters in Roman numerals', () => {
		expect([1, 2, 3, 4].map((q) => romanQuarter(q as 1 | 2 | 3 | 4))).toEqual([
			'I',
			'II',
			'III',
			'IV'
		]);
	});
});
