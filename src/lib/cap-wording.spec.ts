import { describe, expect, it } from 'vitest';
import { allowedExcellent } from '$lib/tally/cap';
import { capBreachText } from '$lib/wording';
import { capExplanation, capShare } from '$lib/cap-wording';

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
			'Kết quả của tập thể: 2 người đạt HTXSNV, 4 người HTTNV. Với 6 người này, được giữ tối đa 1 người HTXSNV: khi đó có 5 người HTTNV (tính cả người chuyển xuống), và 1 không quá 20 % của 5.'
		);
		expect(capExplanation(cap(2, 4), FIFTH, 'en')).toBe(
			'From the vote: 2 graded excellent, 4 graded good. With these 6 people, at most 1 may stay excellent: that leaves 5 graded good (counting those moved down), and 1 is within 20% of 5.'
		);
		expect(capExplanation(cap(5, 7), FIFTH, 'vi')).toContain(
			'Với 12 người này, được giữ tối đa 2 người HTXSNV: khi đó có 10 người HTTNV (tính cả người chuyển xuống), và 2 không quá 20 % của 10.'
		);
	});

	it('says when everyone may stay excellent, and when nobody may', () => {
		expect(capExplanation(cap(2, 10), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 2 người đạt HTXSNV, 10 người HTTNV. Giữ cả 2 người HTXSNV vẫn không quá 20 % của 10 người HTTNV: không phải chuyển ai.'
		);
		expect(capExplanation(cap(2, 2), FIFTH, 'vi')).toBe(
			'Kết quả của tập thể: 2 người đạt HTXSNV, 2 người HTTNV. Với 4 người này, không ai được giữ HTXSNV: giữ 1 người thì còn 3 người HTTNV (tính cả người chuyển xuống), và 1 đã quá 20 % của 3.'
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

describe('capBreachText', () => {
	it('gives each group’s numbers, the default group by its name, and says when nobody may be excellent', () => {
		expect(capBreachText([{ group: 'Kế toán', excellent: 4, good: 10, allowed: 2 }])).toBe(
			'Nhóm “Kế toán”: 4 người Hoàn thành xuất sắc nhiệm vụ so với 10 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: tối đa 2 người được xếp loại Hoàn thành xuất sắc nhiệm vụ.'
		);
		expect(capBreachText([{ group: '', excellent: 2, good: 4, allowed: 0 }])).toBe(
			'Nhóm “Chung”: 2 người Hoàn thành xuất sắc nhiệm vụ so với 4 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: không ai được xếp loại Hoàn thành xuất sắc nhiệm vụ.'
		);
	});
});
