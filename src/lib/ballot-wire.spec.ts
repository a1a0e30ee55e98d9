import { describe, expect, it } from 'vitest';
import { GRADES } from '$lib/tally/grades';
import { CONFIDENCE_MARKS } from '$lib/tally/confidence';
import {
	BLANK_CODE,
	byteLength,
	choiceCode,
	EMPTY_SCORE,
	filler,
	readChoice,
	scoreCode
} from './ballot-wire';

describe('choice codes', () => {
	it('are one character for every option and for a blank row, and read back', () => {
		for (const options of [CONFIDENCE_MARKS, GRADES]) {
			const codes = [...options, null].map((choice) => choiceCode(options, choice));
			expect(new Set(codes.map((code) => code.length))).toEqual(new Set([1]));
			expect(new Set(codes).size).toBe(options.length + 1);
			expect(codes.map((code) => readChoice(options, code))).toEqual([...options, null]);
		}
		expect(choiceCode(CONFIDENCE_MARKS, null)).toBe(BLANK_CODE);
	});

	it('accept the names the paper form posts, and nothing else', () => {
		expect(readChoice(CONFIDENCE_MARKS, 'low')).toBe('low');
		expect(readChoice(CONFIDENCE_MARKS, 'blank')).toBeNull();
		for (const wrong of ['4', '9', '01', '', 'excellent', ' 1']) {
			expect(readChoice(CONFIDENCE_MARKS, wrong), wrong).toBeUndefined();
		}
	});
});

describe('score codes', () => {
	it('are five characters from nothing to a hundred points', () => {
		expect([null, 0, 9, 20, 199, 200].map(scoreCode)).toEqual([
			EMPTY_SCORE,
			'000.0',
			'004.5',
			'010.0',
			'099.5',
			'100.0'
		]);
	});
});

describe('filler', () => {
	it('brings a text to a width in bytes, counting Vietnamese letters as UTF-8 does', () => {
		const widest = byteLength('100,00 điểm');
		for (const text of ['0,00 điểm', '4,50 điểm', '100,00 điểm']) {
			expect(byteLength(text + filler(text, widest))).toBe(widest);
		}
		expect(filler('toolong', 3)).toBe('');
	});
});
