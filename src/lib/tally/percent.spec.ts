import { describe, expect, it } from 'vitest';
import { percentHundredths } from './percent';

describe('percentHundredths', () => {
	it('reproduces the National Assembly’s published 2018 figures', () => {
		// One official: 437 high, 34 confidence, 4 low of 485 deputies → 90.10 %, 7.01 %, 0.82 %.
		expect(percentHundredths(437, 485)).toBe(9010);
		expect(percentHundredths(34, 485)).toBe(701);
		expect(percentHundredths(4, 485)).toBe(82);
	});

	it('rounds half up at exactly half a hundredth', () => {
		// 1/8 = 12.5 % exactly; 1/16 = 6.25 %; 1/32 = 3.125 % → 3.13 %; 1/160 = 0.625 % → 0.63 %.
		expect(percentHundredths(1, 8)).toBe(1250);
		expect(percentHundredths(1, 32)).toBe(313);
		expect(percentHundredths(1, 160)).toBe(63);
		expect(percentHundredths(3, 160)).toBe(188);
	});

	it('rounds down below half and up above it', () => {
		expect(percentHundredths(1, 3)).toBe(3333); // 33.333… %
		expect(percentHundredths(2, 3)).toBe(6667); // 66.666… %
		expect(percentHundredths(1, 7)).toBe(1429); // 14.2857… %
	});

	it('handles the ends of the range', () => {
		expect(percentHundredths(0, 485)).toBe(0);
		expect(percentHundredths(485, 485)).toBe(10000);
		expect(percentHundredths(0, 0)).toBeNull();
		expect(percentHundredths(3, 0)).toBeNull();
	});

	it('never gives more than 100 %: a count above its total, or below zero, has no percentage', () => {
		// 6 low of 5 deputies convened: figures that contradict each other, not 120,00 %.
		expect(percentHundredths(6, 5)).toBeNull();
		expect(percentHundredths(486, 485)).toBeNull();
		expect(percentHundredths(5, 5)).toBe(10000);
		expect(percentHundredths(-1, 5)).toBeNull();
		expect(percentHundredths(1, -5)).toBeNull();
		for (let total = 1; total <= 60; total++) {
			for (let count = -2; count <= total + 2; count++) {
				const percent = percentHundredths(count, total);
				if (percent !== null) expect(percent).toBeGreaterThanOrEqual(0);
				if (percent !== null) expect(percent).toBeLessThanOrEqual(10000);
				expect(percent === null).toBe(count < 0 || count > total);
			}
		}
	});

	it('agrees with exact decimal rounding for every count of small totals', () => {
		for (let total = 1; total <= 60; total++) {
			for (let count = 0; count <= total; count++) {
				// count × 10000 / total, rounded half up, computed digit by digit in BigInt.
				const scaled = BigInt(count) * 10000n;
				const quotient = scaled / BigInt(total);
				const remainder = scaled % BigInt(total);
				const expected = Number(2n * remainder >= BigInt(total) ? quotient + 1n : quotient);
				expect(percentHundredths(count, total)).toBe(expected);
			}
		}
	});
});
