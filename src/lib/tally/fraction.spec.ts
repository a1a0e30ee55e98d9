import { describe, expect, it } from 'vitest';
import {
	compareToFraction,
	reachesLowerBound,
	smallestCountReaching,
	staysUnderUpperBound
} from './fraction';

const half = { numerator: 1, denominator: 2 };
const twoThirds = { numerator: 2, denominator: 3 };

describe('compareToFraction', () => {
	it('is exact where floating point is not', () => {
		expect(compareToFraction(2, 3, twoThirds)).toBe(0);
		expect(compareToFraction(20, 30, twoThirds)).toBe(0);
		// 0.6667 × 3 = 2.0001 would call 2 of 3 "under two thirds".
		expect(2 / 3 >= 0.6667).toBe(false);
		expect(Math.sign(compareToFraction(1, 2, half))).toBe(0);
		expect(Math.sign(compareToFraction(242, 485, half))).toBe(-1);
		expect(Math.sign(compareToFraction(243, 485, half))).toBe(1);
	});
});

describe('bounds', () => {
	it('distinguishes "over" from "or more" at the boundary', () => {
		expect(reachesLowerBound(2, 3, { ...twoThirds, inclusive: true })).toBe(true);
		expect(reachesLowerBound(2, 3, { ...twoThirds, inclusive: false })).toBe(false);
		expect(staysUnderUpperBound(2, 3, { ...twoThirds, inclusive: false })).toBe(false);
		expect(staysUnderUpperBound(2, 3, { ...twoThirds, inclusive: true })).toBe(true);
	});
});

describe('smallestCountReaching', () => {
	it('finds the first count inside the bound', () => {
		expect(smallestCountReaching(30, { ...twoThirds, inclusive: true })).toBe(20);
		expect(smallestCountReaching(30, { ...twoThirds, inclusive: false })).toBe(21);
		expect(smallestCountReaching(31, { ...twoThirds, inclusive: true })).toBe(21);
		expect(smallestCountReaching(485, { ...twoThirds, inclusive: true })).toBe(324);
		expect(smallestCountReaching(485, { ...half, inclusive: false })).toBe(243);
		expect(smallestCountReaching(0, { ...twoThirds, inclusive: true })).toBe(0);
	});

	it('agrees with a brute-force search', () => {
		for (let total = 0; total <= 100; total++) {
			for (const inclusive of [true, false]) {
				const bound = { ...twoThirds, inclusive };
				let expected = 0;
				while (!reachesLowerBound(expected, total, bound)) expected += 1;
				expect(smallestCountReaching(total, bound)).toBe(expected);
			}
		}
	});
});
