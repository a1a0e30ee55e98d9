/**
 * The confidence-vote tally: pure, exact, and the only place these rules are computed.
 */
import {
	reachesLowerBound,
	smallestCountReaching,
	staysUnderUpperBound,
	type Fraction,
	type Threshold
} from './fraction';
import { countOf, type ChoiceCounts } from './choices';
import { percentHundredths } from './percent';
import type { ConfidenceBand, ConfidencePreset, PercentBase } from './presets';

export const CONFIDENCE_MARKS = ['high', 'confidence', 'low'] as const;
export type ConfidenceMark = (typeof CONFIDENCE_MARKS)[number];

/**
 * What a returned ballot holds for one person: a mark, or (paper only, as the tally committee
 * rules) an invalid row: no mark or several marks on that row of a ballot that is otherwise
 * valid. A person left out of a ballot was left blank.
 */
export const INVALID_ROW = 'invalid';
export type ConfidenceRow = ConfidenceMark | typeof INVALID_ROW;

/** One returned ballot: what it holds for each person; a person left out was left blank. */
export type ConfidenceBallot = Readonly<Record<string, ConfidenceRow>>;

export interface ConfidenceTallyInput {
	preset: ConfidencePreset;
	convened: number;
	/** `null` until attendance is recorded. */
	present: number | null;
	cardsIssued: number;
	paperIssued?: number;
	paperReturned?: number;
	subjects: readonly { id: string }[];
	/** The rows of the returned ballots, counted (see `countChoices`). */
	choices: ChoiceCounts<ConfidenceRow>;
}

/** One person's rows across the returned ballots; with the invalid ballots they add up to R. */
export interface RowCounts {
	high: number;
	confidence: number;
	low: number;
	/** Rows left unmarked on valid ballots. */
	blank: number;
	/** Rows the tally committee ruled invalid (paper). */
	invalidRow: number;
}

export type CountedRow = keyof RowCounts;
export const COUNTED_ROWS: readonly CountedRow[] = [
	'high',
	'confidence',
	'low',
	'blank',
	'invalidRow'
];

/** A person's counts and their published percentages on the preset's base. */
export interface SubjectResult {
	id: string;
	counts: RowCounts;
	/** Hundredths of a percent of the base, rounded half up; `null` when the base is 0. */
	percent: Record<CountedRow, number | null>;
	/** The preset band the low count falls in, if any (never when bands do not apply). */
	band: ConfidenceBand | null;
}

export interface QuorumStatus {
	required: Fraction | null;
	/** The smallest attendance that satisfies the quorum; `null` when none is required. */
	needed: number | null;
	/** `null` while attendance has not been recorded. */
	met: boolean | null;
	/** Whether voting may not open without it. */
	binding: boolean;
}

/** The figures of a session as a whole, whatever its kind. */
export interface BallotTotals {
	convened: number;
	present: number | null;
	/** QR cards handed out (not voided). */
	cardsIssued: number;
	/** Paper ballots handed out, and how many of the returned ballots came from paper. */
	paperIssued: number;
	paperReturned: number;
	/** All returned ballots, from phones and from paper. */
	returned: number;
	/** Ballots with at least one row filled in. */
	valid: number;
	/** Returned ballots that are invalid as a whole (empty, or ruled invalid on paper). */
	invalid: number;
	quorum: QuorumStatus;
}

/** What every percentage and band of a confidence vote is taken of, and its size. */
export interface PercentBaseSize {
	kind: PercentBase;
	size: number;
}

/**
 * Why no band applies to anybody: the vote was held without its (advisory) quorum, or its
 * figures contradict each other (more ballots handed out than people convened, or more back
 * than handed out), so that no ballot count can be relied on.
 */
export type BandsWithheld = 'quorum' | 'figures';

export interface ConfidenceResult extends BallotTotals {
	base: PercentBaseSize;
	/**
	 * Bands apply only to a vote held with its quorum and whose figures hold together: otherwise
	 * the counts are shown but no band is, and `bandsWithheld` says why.
	 */
	bandsApply: boolean;
	bandsWithheld: BandsWithheld | null;
	subjects: SubjectResult[];
}

/** A confidence vote's figures as a whole. */
export type ConfidenceTotals = Omit<ConfidenceResult, 'subjects'>;

export function quorumStatus(
	preset: { quorum: (Threshold & { binding?: boolean }) | null },
	convened: number,
	present: number | null
): QuorumStatus {
	if (!preset.quorum) return { required: null, needed: null, met: true, binding: false };
	const needed = smallestCountReaching(convened, preset.quorum);
	return {
		required: preset.quorum,
		needed,
		met: present === null ? null : present >= needed,
		binding: preset.quorum.binding ?? false
	};
}

/** The size of the preset's base: the ballots returned, or the people convened. */
export function baseSize(
	base: PercentBase,
	totals: { returned: number; convened: number }
): number {
	return base === 'returned' ? totals.returned : totals.convened;
}

/** The band a low count falls in, compared exactly with the base; none of a base of 0. */
export function bandFor(
	preset: Pick<ConfidencePreset, 'bands'>,
	low: number,
	base: number
): ConfidenceBand | null {
	if (base <= 0) return null;
	return (
		preset.bands.find(
			(band) =>
				reachesLowerBound(low, base, band.lower) &&
				(!band.upper || staysUnderUpperBound(low, base, band.upper))
		) ?? null
	);
}

export function tallyConfidence(input: ConfidenceTallyInput): ConfidenceResult {
	const { returned, valid } = input.choices;
	const quorum = quorumStatus(input.preset, input.convened, input.present);
	const base: PercentBaseSize = {
		kind: input.preset.base,
		size: baseSize(input.preset.base, { returned, convened: input.convened })
	};
	// Met, or no quorum to meet: never while attendance is unknown.
	const quorumHolds = quorum.required === null || quorum.met === true;
	const bandsWithheld: BandsWithheld | null = !figuresHold(
		reconcile({
			convened: input.convened,
			present: input.present,
			cardsIssued: input.cardsIssued,
			paperIssued: input.paperIssued ?? 0,
			paperReturned: input.paperReturned ?? 0,
			returned
		})
	)
		? 'figures'
		: quorumHolds
			? null
			: 'quorum';
	const bandsApply = bandsWithheld === null;
	const subjects = input.subjects.map((subject): SubjectResult => {
		const count = (row: ConfidenceRow) => countOf(input.choices, subject.id, row);
		const [high, confidence, low, invalidRow] = [
			count('high'),
			count('confidence'),
			count('low'),
			count(INVALID_ROW)
		];
		const counts: RowCounts = {
			high,
			confidence,
			low,
			blank: valid - high - confidence - low - invalidRow,
			invalidRow
		};
		const percent = Object.fromEntries(
			COUNTED_ROWS.map((row) => [row, percentHundredths(counts[row], base.size)])
		) as Record<CountedRow, number | null>;
		return {
			id: subject.id,
			counts,
			percent,
			band: bandsApply ? bandFor(input.preset, low, base.size) : null
		};
	});

	return {
		convened: input.convened,
		present: input.present,
		cardsIssued: input.cardsIssued,
		paperIssued: input.paperIssued ?? 0,
		paperReturned: input.paperReturned ?? 0,
		returned,
		valid,
		invalid: returned - valid,
		quorum,
		base,
		bandsApply,
		bandsWithheld,
		subjects
	};
}

/** The figures a reconciliation compares: who could vote, what was handed out, what came back. */
export type ReconciledFigures = Pick<
	BallotTotals,
	'convened' | 'present' | 'cardsIssued' | 'paperIssued' | 'paperReturned' | 'returned'
>;

export interface Reconciliation {
	/** Ballots handed out (QR cards not voided, and paper) ≤ the people convened: one vote each. */
	issuedWithinConvened: boolean;
	/**
	 * Handed out ≤ the people present; `null` before attendance is recorded. Beyond it is allowed
	 * only on the organiser's confirmation with a reason, which the minutes state.
	 */
	issuedWithinPresent: boolean | null;
	/** Returned ≤ issued, for phones, for paper, and in all. */
	phoneWithinCards: boolean;
	paperWithinIssued: boolean;
	totalWithinIssued: boolean;
}

/** Compares the figures of a count with each other; the server keeps them true for new votes. */
export function reconcile(totals: ReconciledFigures): Reconciliation {
	const issued = totals.cardsIssued + totals.paperIssued;
	const phone = totals.returned - totals.paperReturned;
	return {
		issuedWithinConvened: issued <= totals.convened,
		issuedWithinPresent: totals.present === null ? null : issued <= totals.present,
		phoneWithinCards: phone <= totals.cardsIssued,
		paperWithinIssued: totals.paperReturned <= totals.paperIssued,
		totalWithinIssued: totals.returned <= issued
	};
}

/**
 * Whether a result can rest on these figures: nothing handed out beyond the people convened and
 * nothing back beyond what was handed out. (Handing out more than the people present is the
 * organiser's call, confirmed and stated, not a contradiction.) When they hold, every count is
 * at most R ≤ N, so no percentage on either base exceeds 100 %.
 */
export function figuresHold(reconciliation: Reconciliation): boolean {
	return (
		reconciliation.issuedWithinConvened &&
		reconciliation.phoneWithinCards &&
		reconciliation.paperWithinIssued &&
		reconciliation.totalWithinIssued
	);
}
