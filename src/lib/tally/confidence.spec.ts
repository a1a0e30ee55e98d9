import { describe, expect, it } from 'vitest';
import {
	bandFor,
	baseSize,
	figuresHold,
	INVALID_ROW,
	quorumStatus,
	reconcile,
	tallyConfidence,
	type ConfidenceBallot,
	type ConfidenceRow,
	type ConfidenceTallyInput
} from './confidence';
import { countChoices } from './choices';
import {
	CONFIDENCE_PRESETS,
	NQ_35_2012_QH13,
	NQ_85_2014_QH13,
	NQ_96_2023_QH15,
	QD_41_2021,
	QD_96_2023,
	type ConfidencePreset
} from './presets';

/** `n` ballots giving `row` to subject `a`. */
function ballots(n: number, row: ConfidenceRow, subject = 'a'): ConfidenceBallot[] {
	return Array.from({ length: n }, () => ({ [subject]: row }));
}

/** `n` ballots that mark the other person on the ballot, `b`, and leave subject `a` blank. */
const leavingBlank = (n: number) => ballots(n, 'high', 'b');

/** The tally of ballots held in memory, counted as the database counts its own. */
const tally = (input: Omit<ConfidenceTallyInput, 'choices'> & { ballots: ConfidenceBallot[] }) =>
	tallyConfidence({ ...input, choices: countChoices(input.subjects, input.ballots) });

/** One official's figures: `high`, `confidence`, `low` ballots, then `blank` rows. */
function official(
	preset: ConfidencePreset,
	figures: { convened: number; high: number; confidence: number; low: number; blank?: number }
) {
	const result = tally({
		preset,
		convened: figures.convened,
		present: figures.convened,
		cardsIssued: figures.convened,
		subjects: [{ id: 'a' }, { id: 'b' }],
		ballots: [
			...ballots(figures.high, 'high'),
			...ballots(figures.confidence, 'confidence'),
			...ballots(figures.low, 'low'),
			...leavingBlank(figures.blank ?? 0)
		]
	});
	return { result, person: result.subjects[0]! };
}

describe('published results, reproduced from their counts on the base of their rules', () => {
	// Each row: preset, the people convened (N), the counts of one official (and blank rows), the
	// percentages published, the band published or implied. Sources: domain-evidence.md §2e, §3c.
	const cases: {
		vote: string;
		preset: ConfidencePreset;
		convened: number;
		counts: { high: number; confidence: number; low: number; blank?: number };
		percent: { high?: number; confidence?: number; low?: number };
		base: number;
		band: string | null;
	}[] = [
		{
			// NQ 35: 498 deputies; the returned ballots (here 490) are not the base.
			vote: 'National Assembly 2013, 372 of 498 deputies',
			preset: NQ_35_2012_QH13,
			convened: 498,
			counts: { high: 372, confidence: 100, low: 18 },
			percent: { high: 7470 },
			base: 498,
			band: null
		},
		{
			vote: 'National Assembly 2014, 390 of 497 deputies',
			preset: NQ_35_2012_QH13,
			convened: 497,
			counts: { high: 390, confidence: 90, low: 12, blank: 3 },
			percent: { high: 7847 },
			base: 497,
			band: null
		},
		{
			vote: 'National Assembly 2018 (NQ 85), 437 / 34 / 4 of 485 deputies',
			preset: NQ_85_2014_QH13,
			convened: 485,
			counts: { high: 437, confidence: 34, low: 4 },
			percent: { high: 9010, confidence: 701, low: 82 },
			base: 485,
			band: null
		},
		{
			// 481 returned; Vương Đình Huệ's row holds 437 + 32 + 11 = 480 marks and one blank row.
			// The convened figure is not the base and plays no part.
			vote: 'National Assembly 2023 (NQ 96), 437 / 32 / 11 of 481 returned',
			preset: NQ_96_2023_QH15,
			convened: 499,
			counts: { high: 437, confidence: 32, low: 11, blank: 1 },
			percent: { high: 9085, confidence: 665, low: 229 },
			base: 481,
			band: null
		},
		{
			// "187/480 phiếu (chiếm 38,88%)": 187 of 481 returned, not of the row's 480.
			vote: 'National Assembly 2023, 187 of 481 returned = 38,88 %',
			preset: NQ_96_2023_QH15,
			convened: 499,
			counts: { high: 187, confidence: 280, low: 13, blank: 1 },
			percent: { high: 3888 },
			base: 481,
			band: null
		},
		{
			// "229/479 (47,61%)" and "219/481 (45,53%)", two officials' figures from the same press
			// report put in one made-up row: 229 of 481 returned gives 47,61 (of the row's 479 it
			// would be 47,81), 219 of 481 gives 45,53.
			vote: 'National Assembly 2023, 229 of 481 returned = 47,61 %',
			preset: NQ_96_2023_QH15,
			convened: 499,
			counts: { high: 229, confidence: 219, low: 31, blank: 2 },
			percent: { high: 4761, confidence: 4553 },
			base: 481,
			band: null
		},
		{
			vote: 'HĐND Vĩnh Phúc 2023, 19 / 2 / 25 of 47 returned, over half',
			preset: NQ_96_2023_QH15,
			convened: 50,
			counts: { high: 19, confidence: 2, low: 25, blank: 1 },
			percent: { high: 4043, confidence: 426, low: 5319 },
			base: 47,
			band: 'over-half'
		},
		{
			// The defect report: 30 convened, 24 present and returned, 13 low.
			vote: 'QĐ 96: 13 low of 24 returned (30 convened) = 54,17 %, over half',
			preset: QD_96_2023,
			convened: 30,
			counts: { high: 6, confidence: 5, low: 13 },
			percent: { low: 5417, high: 2500 },
			base: 24,
			band: 'over-half'
		}
	];

	it.each(cases)('$vote', ({ preset, convened, counts, percent, base, band }) => {
		const { result, person } = official(preset, { convened, ...counts });
		expect(result.base).toEqual({ kind: preset.base, size: base });
		expect(person.percent).toMatchObject(percent);
		expect(person.band?.id ?? null).toBe(band);
		expect(person.counts.blank).toBe(counts.blank ?? 0);
	});
});

/** The bands of domain.md's table, written out on integers, for each preset. */
const EXPECTED_BAND: Record<string, (low: number, base: number) => string | null> = {
	'qd-96-2023': (l, b) => (3 * l >= 2 * b ? 'two-thirds' : 2 * l > b ? 'over-half' : null),
	'nq-96-2023-qh15': (l, b) => (3 * l >= 2 * b ? 'two-thirds' : 2 * l > b ? 'over-half' : null),
	'nq-85-2014-qh13': (l, b) => (3 * l >= 2 * b ? 'two-thirds' : 2 * l > b ? 'over-half' : null),
	'nq-35-2012-qh13': (l, b) => (3 * l > 2 * b ? 'over-two-thirds' : 2 * l > b ? 'over-half' : null),
	'qd-41-2021': (l, b) => (3 * l > 2 * b ? 'over-two-thirds' : 2 * l > b ? 'over-half' : null)
};

describe('every band edge of every shipped preset, on both bases', () => {
	it('covers each shipped preset', () => {
		expect(CONFIDENCE_PRESETS.map((preset) => preset.id).sort()).toEqual(
			Object.keys(EXPECTED_BAND).sort()
		);
	});

	it.each(CONFIDENCE_PRESETS.map((preset) => [preset.id, preset] as const))(
		'%s: every low count L for R returned of N convened, 1 ≤ R < N ≤ 200',
		(_, preset) => {
			const expected = EXPECTED_BAND[preset.id]!;
			let checked = 0;
			for (let convened = 2; convened <= 200; convened++) {
				for (let returned = 1; returned < convened; returned++) {
					const base = baseSize(preset.base, { returned, convened });
					for (let low = 0; low <= returned; low++) {
						const band = bandFor(preset, low, base)?.id ?? null;
						if (band !== expected(low, base)) {
							expect({ convened, returned, low, band }).toEqual({
								convened,
								returned,
								low,
								band: expected(low, base)
							});
						}
						checked += 1;
					}
				}
			}
			expect(checked).toBe(1_353_200);
		}
	);

	it('takes the base the preset names: R for the 2023 rules, N for the historic ones', () => {
		expect(QD_96_2023.base).toBe('returned');
		expect(NQ_96_2023_QH15.base).toBe('returned');
		expect(NQ_85_2014_QH13.base).toBe('members');
		expect(NQ_35_2012_QH13.base).toBe('members');
		// 16 low of 24 returned, 30 convened: two thirds of R, only 53,33 % of N.
		expect(
			official(QD_96_2023, { convened: 30, high: 8, confidence: 0, low: 16 }).person
		).toMatchObject({
			percent: { low: 6667 },
			band: { id: 'two-thirds' }
		});
		expect(
			official(NQ_85_2014_QH13, { convened: 30, high: 8, confidence: 0, low: 16 }).person
		).toMatchObject({ percent: { low: 5333 }, band: { id: 'over-half' } });
	});

	it('draws the exact edges at 1/2 and 2/3 of R', () => {
		const cases: [returned: number, low: number, qd96: string | null, nq35: string | null][] = [
			[3, 1, null, null],
			[3, 2, 'two-thirds', 'over-half'],
			[3, 3, 'two-thirds', 'over-two-thirds'],
			[30, 15, null, null],
			[30, 16, 'over-half', 'over-half'],
			[30, 19, 'over-half', 'over-half'],
			[30, 20, 'two-thirds', 'over-half'],
			[30, 21, 'two-thirds', 'over-two-thirds'],
			[481, 240, null, null],
			[481, 241, 'over-half', 'over-half'],
			[481, 320, 'over-half', 'over-half'],
			[481, 321, 'two-thirds', 'over-two-thirds'],
			[481, 0, null, null]
		];
		for (const [returned, low, qd96, nq35] of cases) {
			expect(bandFor(QD_96_2023, low, returned)?.id ?? null, `${low}/${returned}`).toBe(qd96);
			expect(bandFor(NQ_35_2012_QH13, low, returned)?.id ?? null, `${low}/${returned}`).toBe(nq35);
		}
	});

	it('never classifies anybody on a base of 0', () => {
		expect(bandFor(QD_96_2023, 0, 0)).toBeNull();
		const { result, person } = official(QD_96_2023, {
			convened: 3,
			high: 0,
			confidence: 0,
			low: 0
		});
		expect(result.base.size).toBe(0);
		expect(person.percent.low).toBeNull();
		expect(person.band).toBeNull();
	});
});

describe('the shipped presets as data', () => {
	it('name their source, base article and each band’s article and consequence in both languages', () => {
		for (const preset of CONFIDENCE_PRESETS) {
			expect(preset.source.vi).toMatch(/\d/);
			expect(preset.source.en).toMatch(/\d/);
			expect(preset.baseArticle.vi.length).toBeGreaterThan(5);
			for (const band of preset.bands) {
				expect(band.consequence.vi.length).toBeGreaterThan(10);
				expect(band.consequence.en.length).toBeGreaterThan(10);
				expect(band.article.vi.length).toBeGreaterThan(3);
			}
		}
	});

	it('word NQ 96’s bands as its Điều 12 does, and QĐ 41 as replaced by QĐ 377', () => {
		const [overHalf, twoThirds] = NQ_96_2023_QH15.bands;
		expect(overHalf?.consequence.vi).toMatch(/có thể xin từ chức; trường hợp không xin từ chức/);
		expect(overHalf?.consequence.vi).toMatch(/bỏ phiếu tín nhiệm/);
		expect(twoThirds?.consequence.vi).toMatch(/trình .*miễn nhiệm/);
		expect(QD_41_2021.status).toBe('replaced');
		expect(QD_41_2021.note?.vi).toMatch(/377-QĐ\/TW/);
		expect(QD_41_2021.note?.vi).toMatch(/chưa được/);
		expect(QD_96_2023.quorum?.binding).toBe(true);
		expect(NQ_96_2023_QH15.quorum).toBeNull();
	});
});

describe('quorumStatus', () => {
	it('needs two thirds of the people convened present', () => {
		expect(quorumStatus(QD_96_2023, 30, 20)).toMatchObject({ needed: 20, met: true });
		expect(quorumStatus(QD_96_2023, 30, 19)).toMatchObject({ needed: 20, met: false });
		expect(quorumStatus(QD_96_2023, 31, 20)).toMatchObject({ needed: 21, met: false });
		expect(quorumStatus(QD_96_2023, 3, 2)).toMatchObject({ needed: 2, met: true });
		expect(quorumStatus(QD_96_2023, 485, 323)).toMatchObject({ needed: 324, met: false });
		expect(quorumStatus(QD_96_2023, 30, 20).binding).toBe(true);
	});

	it('is unknown before attendance is recorded, and always met without a quorum rule', () => {
		expect(quorumStatus(QD_96_2023, 30, null).met).toBeNull();
		expect(quorumStatus({ quorum: null }, 30, 1)).toEqual({
			required: null,
			needed: null,
			met: true,
			binding: false
		});
	});
});

describe('tallyConfidence', () => {
	const subjects = [{ id: 'a' }, { id: 'b' }];

	it('keeps invalid ballots, blank rows and invalid rows in the base of R', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 10,
			present: 8,
			cardsIssued: 8,
			subjects,
			ballots: [
				{ a: 'high', b: 'low' },
				{ a: 'low' },
				{ b: 'confidence' },
				{ a: INVALID_ROW, b: 'low' },
				{},
				{}
			]
		});
		expect(result).toMatchObject({ returned: 6, valid: 4, invalid: 2, base: { size: 6 } });
		expect(result.subjects[0]?.counts).toEqual({
			high: 1,
			confidence: 0,
			low: 1,
			blank: 1,
			invalidRow: 1
		});
		expect(result.subjects[1]?.counts).toEqual({
			high: 0,
			confidence: 1,
			low: 2,
			blank: 1,
			invalidRow: 0
		});
		// Each on 6 returned: 1/6 = 16,67 %, 2/6 = 33,33 %.
		expect(result.subjects[0]?.percent).toEqual({
			high: 1667,
			confidence: 0,
			low: 1667,
			blank: 1667,
			invalidRow: 1667
		});
		expect(result.subjects[1]?.percent.low).toBe(3333);
	});

	it('adds each person’s rows and the invalid ballots up to the ballots returned', () => {
		const result = tally({
			preset: NQ_96_2023_QH15,
			convened: 9,
			present: 9,
			cardsIssued: 9,
			subjects,
			ballots: [{ a: 'high' }, { a: INVALID_ROW, b: 'low' }, {}, { b: 'high' }, { a: 'low' }]
		});
		for (const person of result.subjects) {
			const { high, confidence, low, blank, invalidRow } = person.counts;
			expect(high + confidence + low + blank + invalidRow + result.invalid).toBe(result.returned);
		}
	});

	it('handles zero ballots: no percentage of nothing, no band', () => {
		const result = tally({
			preset: QD_96_2023,
			convened: 30,
			present: 25,
			cardsIssued: 25,
			subjects,
			ballots: []
		});
		expect(result).toMatchObject({ returned: 0, valid: 0, invalid: 0, base: { size: 0 } });
		for (const subject of result.subjects) {
			expect(subject.counts).toEqual({ high: 0, confidence: 0, low: 0, blank: 0, invalidRow: 0 });
			expect(subject.percent.high).toBeNull();
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

	it('shows no band for a vote held without its (advisory) quorum', () => {
		const advisory: ConfidencePreset = {
			...QD_96_2023,
			id: 'custom',
			quorum: { ...QD_96_2023.quorum!, binding: false }
		};
		const held = (present: number) =>
			tally({
				preset: advisory,
				convened: 30,
				present,
				cardsIssued: present,
				subjects: [{ id: 'a' }],
				ballots: ballots(present, 'low')
			});
		expect(held(19)).toMatchObject({
			bandsApply: false,
			bandsWithheld: 'quorum',
			quorum: { met: false }
		});
		expect(held(19).subjects[0]).toMatchObject({ percent: { low: 10000 }, band: null });
		expect(held(20)).toMatchObject({ bandsApply: true, quorum: { met: true } });
		expect(held(20).subjects[0]?.band?.id).toBe('two-thirds');
	});
});

describe('reconcile', () => {
	const figures = {
		convened: 5,
		present: 3,
		cardsIssued: 3,
		paperIssued: 0,
		paperReturned: 0,
		returned: 3
	};

	it('compares handed out with convened and present, and returned with handed out', () => {
		expect(reconcile(figures)).toEqual({
			issuedWithinConvened: true,
			issuedWithinPresent: true,
			phoneWithinCards: true,
			paperWithinIssued: true,
			totalWithinIssued: true
		});
		expect(reconcile({ ...figures, present: null }).issuedWithinPresent).toBeNull();
		// One more ballot than people present, confirmed or not, is not a contradiction.
		const beyondPresent = reconcile({ ...figures, cardsIssued: 4 });
		expect(beyondPresent.issuedWithinPresent).toBe(false);
		expect(figuresHold(beyondPresent)).toBe(true);
	});

	it('finds every contradiction, at its edge', () => {
		expect(figuresHold(reconcile({ ...figures, cardsIssued: 5 }))).toBe(true);
		expect(reconcile({ ...figures, cardsIssued: 4, paperIssued: 2 })).toMatchObject({
			issuedWithinConvened: false
		});
		expect(reconcile({ ...figures, returned: 4 })).toMatchObject({
			phoneWithinCards: false,
			totalWithinIssued: false
		});
		expect(reconcile({ ...figures, paperIssued: 1, paperReturned: 2, returned: 3 })).toMatchObject({
			paperWithinIssued: false,
			phoneWithinCards: true,
			totalWithinIssued: true
		});
		for (const broken of [
			{ ...figures, cardsIssued: 6 },
			{ ...figures, returned: 4 },
			{ ...figures, paperIssued: 1, paperReturned: 2, returned: 3 }
		]) {
			expect(figuresHold(reconcile(broken))).toBe(false);
		}
	});
});

describe('figures that contradict each other (stored before the ceilings)', () => {
	// The session of the issue: 5 convened, 3 present, 8 cards issued, 6 ballots all low.
	const stored = (preset: ConfidencePreset) =>
		tally({
			preset,
			convened: 5,
			present: 3,
			cardsIssued: 8,
			subjects: [{ id: 'a' }],
			ballots: ballots(6, 'low')
		});

	it('print no percentage over 100 % and apply no band, saying why', () => {
		// On the members (NQ 85): 6 of 5 would read 120,00 %. On R (QĐ 96): 6 of 6.
		const members = stored(NQ_85_2014_QH13);
		expect(members.subjects[0]).toMatchObject({ percent: { low: null, high: 0 }, band: null });
		expect(members).toMatchObject({ bandsApply: false, bandsWithheld: 'figures' });
		const returned = stored(NQ_96_2023_QH15);
		expect(returned.subjects[0]).toMatchObject({ percent: { low: 10000 }, band: null });
		expect(returned).toMatchObject({ bandsApply: false, bandsWithheld: 'figures' });
	});

	it('say the figures, not the quorum, when both are wanting', () => {
		expect(stored(QD_96_2023)).toMatchObject({
			quorum: { met: false },
			bandsWithheld: 'figures'
		});
	});
});

describe('the worked examples of README.md', () => {
	it('QĐ 96: 30 convened, 24 returned, 16 low', () => {
		const { result, person } = official(QD_96_2023, {
			convened: 30,
			high: 5,
			confidence: 3,
			low: 16
		});
		expect(result.base).toEqual({ kind: 'returned', size: 24 });
		expect(person.percent).toMatchObject({ high: 2083, confidence: 1250, low: 6667, blank: 0 });
		expect(person.band?.id).toBe('two-thirds');
		expect(
			official(QD_96_2023, { convened: 30, high: 8, confidence: 4, low: 12 }).person
		).toMatchObject({ percent: { low: 5000 }, band: null });
		expect(
			official(QD_96_2023, { convened: 30, high: 8, confidence: 3, low: 13 }).person.band?.id
		).toBe('over-half');
		expect(result.quorum).toMatchObject({ needed: 20, met: true });
	});

	it('NQ 85 (historic): 485 deputies, 475 returned, 250 low', () => {
		const { result, person } = official(NQ_85_2014_QH13, {
			convened: 485,
			high: 200,
			confidence: 25,
			low: 250
		});
		expect(result.base).toEqual({ kind: 'members', size: 485 });
		expect(person.percent.low).toBe(5155);
		expect(person.band?.id).toBe('over-half');
	});
});
