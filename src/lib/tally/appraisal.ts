/**
 * The appraisal tally: grade votes (distribution and median grade) and score sheets (exact means
 * mapped to grades by the preset's bands), then each person's conditions, then the cap on
 * excellent grades per duty group.
 */
import { capCountsPerGroup, type AppraisalPreset, type ScoreBand } from './appraisal-presets';
import { applyCapByGroup, type GroupedCapOutcome } from './cap';
import { applyConditions, type ConditionFacts, type ConditionalGrade } from './conditions';
import { compareToFraction, type Fraction } from './fraction';
import { countOf, type ChoiceCounts } from './choices';
import { GRADES, medianGrade, type Grade, type GradeCounts } from './grades';
import { compareRationals, reaches, type Rational } from './rational';
import type { Criterion } from './score-template';

export function gradeForScore(total: Rational, bands: readonly ScoreBand[]): Grade {
	for (const band of bands) if (reaches(total, band.minimum)) return band.grade;
	return bands[bands.length - 1]?.grade ?? 'not_completed';
}

/* ── Grade votes ─────────────────────────────────────────────────────────────────── */

export type GradeBallot = Readonly<Record<string, Grade>>;

export interface GradeVoteSubject {
	id: string;
	counts: GradeCounts;
	/** Votes cast for this person (blank rows excluded). */
	votes: number;
	median: Grade | null;
}

export interface GradeVoteResult {
	returned: number;
	valid: number;
	invalid: number;
	subjects: GradeVoteSubject[];
}

export function tallyGradeVotes(
	subjects: readonly { id: string }[],
	choices: ChoiceCounts<Grade>
): GradeVoteResult {
	return {
		returned: choices.returned,
		valid: choices.valid,
		invalid: choices.returned - choices.valid,
		subjects: subjects.map((subject) => {
			const counts = Object.fromEntries(
				GRADES.map((grade) => [grade, countOf(choices, subject.id, grade)])
			) as GradeCounts;
			return {
				id: subject.id,
				counts,
				votes: GRADES.reduce((sum, grade) => sum + counts[grade], 0),
				median: medianGrade(counts)
			};
		})
	};
}

/**
 * Ranks grade-vote results for the cap: the larger share of votes at excellent first, then at
 * good or better, and so on. Shares are compared exactly. Negative when `a` ranks higher.
 */
export function compareGradeVotes(a: GradeVoteSubject, b: GradeVoteSubject): number {
	let atLeastA = 0;
	let atLeastB = 0;
	for (const grade of GRADES) {
		atLeastA += a.counts[grade];
		atLeastB += b.counts[grade];
		const order = compareToFraction(atLeastB, b.votes || 1, {
			numerator: atLeastA,
			denominator: a.votes || 1
		});
		if (order !== 0) return order;
	}
	return 0;
}

/* ── Score sheets ────────────────────────────────────────────────────────────────── */

/** One voter's scores for one person, in half points by criterion. */
export interface ScoreSheet {
	subjectId: string;
	halfPoints: Readonly<Record<string, number>>;
}

export interface ScoreSubject {
	id: string;
	sheets: number;
	/** Mean of each criterion in points; `null` when nobody scored this person. */
	means: Record<string, Rational | null>;
	total: Rational | null;
	grade: Grade | null;
}

export function tallyScoreSheets(
	criteria: readonly Criterion[],
	subjects: readonly { id: string }[],
	sheets: readonly ScoreSheet[],
	bands: readonly ScoreBand[]
): ScoreSubject[] {
	const sums = new Map(
		subjects.map((subject) => [
			subject.id,
			{
				sheets: 0,
				halfPoints: Object.fromEntries(criteria.map((c) => [c.id, 0])) as Record<string, number>
			}
		])
	);
	for (const sheet of sheets) {
		const sum = sums.get(sheet.subjectId);
		if (!sum) continue;
		sum.sheets += 1;
		for (const criterion of criteria)
			sum.halfPoints[criterion.id]! += sheet.halfPoints[criterion.id] ?? 0;
	}
	return subjects.map((subject) => {
		const sum = sums.get(subject.id)!;
		if (sum.sheets === 0) {
			return {
				id: subject.id,
				sheets: 0,
				means: Object.fromEntries(criteria.map((c) => [c.id, null])),
				total: null,
				grade: null
			};
		}
		const denominator = 2 * sum.sheets;
		const totalHalfPoints = criteria.reduce((total, c) => total + (sum.halfPoints[c.id] ?? 0), 0);
		const total = { numerator: totalHalfPoints, denominator };
		return {
			id: subject.id,
			sheets: sum.sheets,
			means: Object.fromEntries(
				criteria.map((c) => [c.id, { numerator: sum.halfPoints[c.id] ?? 0, denominator }])
			),
			total,
			grade: gradeForScore(total, bands)
		};
	});
}

/** Negative when `a` is the higher score: the order the cap ranks candidates in. */
export function compareScoresDescending(a: Rational, b: Rational): number {
	return compareRationals(b, a);
}

export function compareScores(a: ScoreSubject, b: ScoreSubject): number {
	if (!a.total || !b.total) return (b.total ? 1 : 0) - (a.total ? 1 : 0);
	return compareScoresDescending(a.total, b.total);
}

/* ── From the vote to the collective result ──────────────────────────────────────── */

export interface CappedGrades {
	/** Each person's band (score or median) capped by the conditions; `null` without any vote. */
	conditional: Map<string, ConditionalGrade | null>;
	/** The cap on excellent grades, group by group, on the grades the conditions left. */
	cap: GroupedCapOutcome;
}

/**
 * The collective result: the vote's grade capped by every unmet condition, then the cap on
 * excellent grades within each duty group (or over the unit, as the preset's scope says).
 */
export function gradeAppraisal<
	T extends { id: string; group: string; facts: ConditionFacts | null }
>(
	preset: Pick<AppraisalPreset, 'conditions' | 'cap'>,
	ratio: Fraction | null,
	subjects: readonly T[],
	bandOf: (subject: T) => Grade | null,
	compare: (a: T, b: T) => number
): CappedGrades {
	const conditional = new Map(
		subjects.map((subject) => {
			const band = bandOf(subject);
			return [subject.id, band ? applyConditions(band, preset.conditions, subject.facts) : null];
		})
	);
	const graded = subjects.flatMap((subject) => {
		const grade = conditional.get(subject.id)?.grade;
		return grade ? [{ ...subject, grade }] : [];
	});
	return {
		conditional,
		cap: applyCapByGroup(graded, compare, ratio, capCountsPerGroup(preset))
	};
}

/** Five points or more apart: the results flag a counted score this far from the self-score. */
export const SELF_SCORE_GAP_POINTS = 5;

/** Whether a counted score lies 5 points or more from a self-score given in hundredths. */
export function departsFromSelfScore(total: Rational, selfHundredths: number): boolean {
	const gap = Math.abs(total.numerator * 100 - selfHundredths * total.denominator);
	return gap >= SELF_SCORE_GAP_POINTS * 100 * total.denominator;
}
