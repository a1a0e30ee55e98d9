import { describe, expect, it } from 'vitest';
import {
	bandFor,
	quorumStatus,
	tallyConfidence,
	type ConfidenceBallot,
	type ConfidenceMark,
	type ConfidenceTallyInput
} from './confidence';
import { countChoices } from './choices';
import { CONFIDENCE_PRESETS, NQ_96_2023_QH15, QD_41_2021, QD_96_2023 } from './presets';

/** `n` ballots giving `mark` to subject `a`. */
function ballots(n: number, mark: ConfidenceMark, subject = 'a'): ConfidenceBallot[] {
	return Array.from({ length: n }, () => ({ [subject]: mark }));
}

describe('bandFor, QĐ 96-QĐ/TW at every boundary', () => {
	const cases: [convened: number, low: number, band: string | null][] = [
		// N = 3: half is 1.5, two thirds is 2.
		[3, 1, null],
		[3, 2, 'two-thirds'],
		[3, 3, 'two-thirds'],
		// N = 30: exactly half is 15, exactly two thirds is 20.
		[30, 14, null],
		[30, 15, null],
		[30, 16, 'over-half'],
		[30, 19, 'over-half'],
		[30, 20, 'two-thirds'],
		[30, 21, 'two-thirds'],
		// N = 485 (National Assembly): half is 242.5, two thirds 323.33….
		[485, 242, null],
		[485, 243, 'over-half'],
		[485, 323, 'over-half'],
		[485, 324, 'two-thirds'],
		[485, 0, null]
	];
	it.each(cases)('N = %i, low = %i → %s', (convened, low, expected) => {
		expect(bandFor(QD_96_2023, low, convened)?.id ?? null).toBe(expected);
	});

	it('never classifies anybody when nobody was convened', () => {
		expect(bandFor(QD_96_2023, 0, 0)).toBeNull();
	});
});

describe('bandFor, other presets', () => {
	it('NQ 96/2023/QH15 draws the same lines as QĐ 96', () => {
		for (const [convened, low] of [
			[30, 15],
			[30, 16],
			[30, 19],
			[30, 20],
			[485, 324]
		] as const) {
			expect(bandFor(NQ_96_2023_QH15, low, convened)?.id).toBe(
				bandFor(QD_96_2023, low, convened)?.id
			);
		}
	});

	it('QĐ 41-QĐ/TW needs strictly over two thirds', () => {
		expect(bandFor(QD_41_2021, 20, 30)).toBeNull();
		expect(bandFor(QD_41_2021, 21, 30)?.id).toBe('over-two-thirds');
		expect(bandFor(QD_41_2021, 2, 3)).toBeNull();
		expect(bandFor(QD_41_2021, 3, 3)?.id).toBe('over-two-thirds');
		expect(bandFor(QD_41_2021, 323, 485)).toBeNull();
		expect(bandFor(QD_41_2021, 324, 485)?.id).toBe('over-two-thirds');
	});

	it('every shipped preset names its source in both languages', () => {
		for (const preset of CONFIDENCE_PRESETS) {
			expect(preset.source.vi).toMatch(/\d/);
			expect(preset.source.en).toMatch(/\d/);
			for (const band of preset.bands) {
				expect(band.consequence.vi.length).toBeGreaterThan(10);
				expect(band.consequence.en.length).toBeGreaterThan(10);
			}
		}
	});
});

describe('quorumStatus', () => {
	it('needs two thirds of the people convened present', () => {
		expect(quorumStatus(QD_96_2023, 30, 20)).toMatchObject({ needed: 20, met: true });
		expect(quorumStatus(QD_96_2023, 30, 19)).toMatchObject({ needed: 20, met: false });
		expect(quorumStatus(QD_96_2023, 31, 20)).toMatchObject({ needed: 21, met: false });
		expect(quorumStatus(QD_96_2023, 3, 2)).toMatchObject({ needed: 2, met: true });
		expect(quorumStatus(QD_96_2023, 485, 323)).toMatchObject({ needed: 324, met: false });
	});

	it('is unknown before attendance is recorded, and always met without a quorum rule', () => {
		expect(quorumStatus(QD_96_2023, 30, null).met).toBeNull();
		expect(quorumStatus({ quorum: null }, 30, 1)).toEqual({
			required: null,
			needed: null,
			met: true
		});
	});
});

/** The tally of ballots held in memory, counted as the database counts its own. */
const tally = (input: Omit<ConfidenceTallyInput, 'choices'> & { ballots: ConfidenceBallot[] }) =>
	tallyConfidence({ ...input, choices: countChoices(input.subjects, input.ballots) });

describe('tallyConfidence', () => {
	const subjects = [{ id: 'a' }, { id: 'b' }];

	it('reproduces the National Assembly’s 2018 figures for one official', () => {
		const result = tally({
			preset: NQ_96_2023_QH15,
			convened: 485,
			present: 475,
			cardsIssued: 475,
			subjects: [{ id: 'a' }],
			ballots: [...ballots(437, 'high'), ...ballots(34, 'confidence'), ...ballots(4, 'low')]
		});
		const [official] = result.subjects;
		expect(official?.counts).toEqual({ high: 437, confidence: 34, low: 4, blank: 0 });
		expect(official?.percent).toEqual({ high: 9010, confidence: 701, low: 82, blank: 0 });
		expect(official?.band).toBeNull();
		expect(result).toMatchObject({ returned: 475, valid: 475, invalid: 0 });
	});

	it('takes percentages of the people convened, not of the ballots returned', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 30,
			present: 20,
			cardsIssued: 20,
			subjects: [{ id: 'a' }],
			ballots: ballots(20, 'low')
		});
		// 20 of 30 convened, although every returned ballot said low.
		expect(result.subjects[0]?.percent.low).toBe(6667);
		expect(result.subjects[0]?.band?.id).toBe('two-thirds');
	});

	it('counts blank rows per subject and a ballot with no mark at all as invalid', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 5,
			present: 5,
			cardsIssued: 5,
			subjects,
			ballots: [{ a: 'high', b: 'low' }, { a: 'low' }, { b: 'confidence' }, {}, {}]
		});
		expect(result).toMatchObject({ returned: 5, valid: 3, invalid: 2 });
		expect(result.subjects[0]?.counts).toEqual({ high: 1, confidence: 0, low: 1, blank: 3 });
		expect(result.subjects[1]?.counts).toEqual({ high: 0, confidence: 1, low: 1, blank: 3 });
		expect(result.subjects[0]?.percent).toEqual({
			high: 2000,
			confidence: 0,
			low: 2000,
			blank: 6000
		});
	});

	it('handles zero ballots', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 30,
			present: 25,
			cardsIssued: 25,
			subjects,
			ballots: []
		});
		expect(result).toMatchObject({ returned: 0, valid: 0, invalid: 0 });
		for (const subject of result.subjects) {
			expect(subject.counts).toEqual({ high: 0, confidence: 0, low: 0, blank: 0 });
			expect(subject.percent.high).toBe(0);
			expect(subject.band).toBeNull();
		}
	});

	it('ignores a mark for someone who is not on the ballot', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 3,
			present: 3,
			cardsIssued: 3,
			subjects: [{ id: 'a' }],
			ballots: [{ stranger: 'low' } as ConfidenceBallot, { a: 'high' }]
		});
		expect(result).toMatchObject({ returned: 2, valid: 1, invalid: 1 });
		expect(result.subjects[0]?.counts.low).toBe(0);
	});

	it('applies each band at exactly 1/2 and 2/3 of N = 30 on real ballots', () => {
		const lowCounts = [15, 16, 20];
		const result = tally({
			preset: QD_96_2023,
			convened: 30,
			present: 30,
			cardsIssued: 30,
			subjects: lowCounts.map((_, index) => ({ id: `s${index}` })),
			ballots: Array.from({ length: 30 }, (_, voter) =>
				Object.fromEntries(
					lowCounts.map((lows, index) => [`s${index}`, voter < lows ? 'low' : 'high'] as const)
				)
			)
		});
		expect(result.subjects.map((subject) => subject.band?.id ?? null)).toEqual([
			null,
			'over-half',
			'two-thirds'
		]);
		expect(result.subjects.map((subject) => subject.percent.low)).toEqual([5000, 5333, 6667]);
	});

	it('reports the quorum of the preset', () => {
		const base = { preset: QD_96_2023, convened: 30, cardsIssued: 0, subjects, ballots: [] };
		expect(tally({ ...base, present: 19 }).quorum.met).toBe(false);
		expect(tally({ ...base, present: 20 }).quorum.met).toBe(true);
	});
});

describe('the worked example of README.md', () => {
	it('gives the figures the README states', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 30,
			present: 24,
			cardsIssued: 24,
			subjects: [{ id: 'a' }],
			ballots: [...ballots(5, 'high'), ...ballots(3, 'confidence'), ...ballots(16, 'low')]
		});
		expect(result.subjects[0]?.percent).toEqual({
			high: 1667,
			confidence: 1000,
			low: 5333,
			blank: 0
		});
		expect(result.subjects[0]?.band?.id).toBe('over-half');
		expect(result.quorum).toMatchObject({ needed: 20, met: true });
	});
});
