/**
 * The confidence-vote tally: pure, exact, and the only place these rules are computed.
 */
import {
	reachesLowerBound,
	smallestCountReaching,
	staysUnderUpperBound,
	type Fraction
} from './fraction';
import { countOf, type ChoiceCounts } from './choices';
import { percentHundredths } from './percent';
import type { ConfidenceBand, ConfidencePreset } from './presets';

export const CONFIDENCE_MARKS = ['high', 'confidence', 'low'] as const;
export type ConfidenceMark = (typeof CONFIDENCE_MARKS)[number];

/** One returned ballot: the mark given to each subject; a subject left out was left blank. */
export type ConfidenceBallot = Readonly<Record<string, ConfidenceMark>>;

export interface ConfidenceTallyInput {
	preset: ConfidencePreset;
	convened: number;
	/** `null` until attendance is recorded. */
	present: number | null;
	cardsIssued: number;
	paperIssued?: number;
	paperReturned?: number;
	subjects: readonly { id: string }[];
	/** The marks of the returned ballots, counted (see `countChoices`). */
	choices: ChoiceCounts<ConfidenceMark>;
}

export interface MarkCounts {
	high: number;
	confidence: number;
	low: number;
	/** Rows left unmarked (or spoiled) on returned ballots. */
	blank: number;
}

/** Counts as exact fractions of the people convened, plus the published rounding. */
export interface SubjectResult {
	id: string;
	counts: MarkCounts;
	/** Hundredths of a percent of the people convened, rounded half up; `null` if nobody was convened. */
	percent: Record<keyof MarkCounts, number | null>;
	/** The preset band the low count falls in, if any. */
	band: ConfidenceBand | null;
}

export interface QuorumStatus {
	required: Fraction | null;
	/** The smallest attendance that satisfies the quorum; `null` when none is required. */
	needed: number | null;
	/** `null` while attendance has not been recorded. */
	met: boolean | null;
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
	/** Ballots with at least one mark. */
	valid: number;
	invalid: number;
	quorum: QuorumStatus;
}

export interface ConfidenceResult extends BallotTotals {
	subjects: SubjectResult[];
}

export function quorumStatus(
	preset: Pick<ConfidencePreset, 'quorum'>,
	convened: number,
	present: number | null
): QuorumStatus {
	if (!preset.quorum) return { required: null, needed: null, met: true };
	const needed = smallestCountReaching(convened, preset.quorum);
	return { required: preset.quorum, needed, met: present === null ? null : present >= needed };
}

export function bandFor(
	preset: Pick<ConfidencePreset, 'bands'>,
	low: number,
	convened: number
): ConfidenceBand | null {
	if (convened <= 0) return null;
	return (
		preset.bands.find(
			(band) =>
				reachesLowerBound(low, convened, band.lower) &&
				(!band.upper || staysUnderUpperBound(low, convened, band.upper))
		) ?? null
	);
}

export function tallyConfidence(input: ConfidenceTallyInput): ConfidenceResult {
	const { returned, valid } = input.choices;
	const subjects = input.subjects.map((subject): SubjectResult => {
		const count = (mark: ConfidenceMark) => countOf(input.choices, subject.id, mark);
		const high = count('high');
		const confidence = count('confidence');
		const low = count('low');
		const subjectCounts: MarkCounts = {
			high,
			confidence,
			low,
			blank: returned - high - confidence - low
		};
		const percentOf = (value: number) => percentHundredths(value, input.convened);
		return {
			id: subject.id,
			counts: subjectCounts,
			percent: {
				high: percentOf(subjectCounts.high),
				confidence: percentOf(subjectCounts.confidence),
				low: percentOf(subjectCounts.low),
				blank: percentOf(subjectCounts.blank)
			},
			band: bandFor(input.preset, subjectCounts.low, input.convened)
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
		quorum: quorumStatus(input.preset, input.convened, input.present),
		subjects
	};
}

export interface Reconciliation {
	/** Returned ≤ issued, for phones, for paper, and in all. */
	phoneWithinCards: boolean;
	paperWithinIssued: boolean;
	totalWithinIssued: boolean;
}

/** Checks no more ballots came back than were handed out. */
export function reconcile(totals: BallotTotals): Reconciliation {
	const phone = totals.returned - totals.paperReturned;
	return {
		phoneWithinCards: phone <= totals.cardsIssued,
		paperWithinIssued: totals.paperReturned <= totals.paperIssued,
		totalWithinIssued: totals.returned <= totals.cardsIssued + totals.paperIssued
	};
}
