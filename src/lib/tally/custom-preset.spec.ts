import { describe, expect, it } from 'vitest';
import { bandProblems } from './custom-preset';
import { CONFIDENCE_PRESETS } from './presets';

const t = (numerator: number, denominator: number, inclusive: boolean) => ({
	numerator,
	denominator,
	inclusive
});

describe('bandProblems', () => {
	it('accepts the shipped presets', () => {
		for (const preset of CONFIDENCE_PRESETS) expect(bandProblems(preset.bands)).toEqual([]);
	});

	it('accepts bands that meet at a boundary only one of them includes', () => {
		expect(
			bandProblems([{ lower: t(1, 2, false), upper: t(2, 3, false) }, { lower: t(2, 3, true) }])
		).toEqual([]);
	});

	it('refuses bands that share their boundary', () => {
		expect(
			bandProblems([{ lower: t(1, 2, false), upper: t(2, 3, true) }, { lower: t(2, 3, true) }])
		).toEqual([{ band: 1, problem: 'overlap', other: 0 }]);
	});

	it('refuses overlapping ranges in either order', () => {
		expect(
			bandProblems([{ lower: t(3, 5, true) }, { lower: t(1, 2, false), upper: t(2, 3, false) }])
		).toEqual([{ band: 1, problem: 'overlap', other: 0 }]);
	});

	it('refuses an empty range and shares outside 0 to 1', () => {
		expect(bandProblems([{ lower: t(2, 3, false), upper: t(1, 2, false) }])).toEqual([
			{ band: 0, problem: 'empty' }
		]);
		expect(bandProblems([{ lower: t(1, 2, false), upper: t(1, 2, true) }])).toEqual([
			{ band: 0, problem: 'empty' }
		]);
		expect(bandProblems([{ lower: t(1, 1, false) }])).toEqual([{ band: 0, problem: 'empty' }]);
		expect(bandProblems([{ lower: t(3, 2, true) }])).toEqual([
			{ band: 0, problem: 'out_of_range' }
		]);
		expect(bandProblems([{ lower: t(1, 0, true) }])).toEqual([
			{ band: 0, problem: 'out_of_range' }
		]);
	});

	it('accepts a single point when both ends include it', () => {
		expect(bandProblems([{ lower: t(1, 2, true), upper: t(1, 2, true) }])).toEqual([]);
	});
});
