import { describe, expect, it } from 'vitest';
import { allowedExcellent } from '$lib/tally/cap';
import { capExplanation, capShare } from './cap-wording';

const FIFTH = { numerator: 1, denominator: 5 };

/** The figures the core hands over for this many candidates and others graded good. */
const cap = (candidates: number, goodBefore: number) => ({
	candidates,
	goodBefore,
	allowed: allowedExcellent(goodBefore, candidates, FIFTH)
});

describe('capExplanation', () => {
	it('says the rule and the limit in words, with no formula', () => {
		expect(capExplanation(cap(2, 4), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 2 người đạt HTXSNV, 4 người HTTNV. Với 6 người này, được giữ tối đa 1 người HTXSNV, những người còn lại chuyển xuống HTTNV: 1 người so với 5 người HTTNV là không quá 20 %.'
		);
		expect(capExplanation(cap(2, 4), FIFTH, 'en')).toBe(
			'From the vote: 2 graded excellent, 4 graded good. With these 6 people, at most 1 may stay excellent and the others move down to good: 1 against 5 graded good is within 20%.'
		);
		expect(capExplanation(cap(5, 7), FIFTH, 'vi')).toContain(
			'Với 12 người này, được giữ tối đa 2 người HTXSNV, những người còn lại chuyển xuống HTTNV: 2 người so với 10 người HTTNV là không quá 20 %.'
		);
	});

	it('says when everyone may stay excellent, and when nobody may', () => {
		expect(capExplanation(cap(2, 10), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 2 người đạt HTXSNV, 10 người HTTNV. Giữ cả 2 người HTXSNV vẫn không quá 20 % của 10 người HTTNV: không phải chuyển ai.'
		);
		expect(capExplanation(cap(2, 2), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 2 người đạt HTXSNV, 2 người HTTNV. Với 4 người này, không ai được giữ HTXSNV, tất cả chuyển xuống HTTNV: giữ 1 người thì so với 3 người HTTNV đã quá 20 %.'
		);
		expect(capExplanation(cap(0, 3), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 0 người đạt HTXSNV, 3 người HTTNV. Không phải chuyển ai: số HTXSNV nằm trong giới hạn.'
		);
	});

	it('never shows formula notation, whatever the figures', () => {
		for (let candidates = 0; candidates <= 12; candidates += 1) {
			for (let good = 0; good <= 30; good += 1) {
				const text = capExplanation(cap(candidates, good), FIFTH, 'vi');
				expect(text).not.toMatch(/[⌊⌋/×=]|\(\d/);
				expect(text).not.toMatch(/tối đa 0/);
			}
		}
	});
});

describe('capShare', () => {
	it('writes the share as a percentage in each language, or a fraction when not whole', () => {
		expect(capShare(FIFTH, 'vi')).toBe('20 %');
		expect(capShare(FIFTH, 'en')).toBe('20%');
		expect(capShare({ numerator: 1, denominator: 3 }, 'vi')).toBe('1/3');
	});
});
