/**
 * What a ballot may contain, by session: shared by the form that reads a ballot (to word the
 * voter's mistakes) and by the transaction that stores it (to refuse anything else). Pure.
 */
import { CONFIDENCE_MARKS, INVALID_ROW } from '$lib/tally/confidence';
import { GRADES } from '$lib/tally/grades';
import type { Criterion } from '$lib/tally/score-template';

export type BallotSpec =
	| { kind: 'choices'; options: readonly string[] }
	| { kind: 'scores'; criteria: readonly Criterion[] };

export function ballotSpec(
	rules:
		| { kind: 'confidence' }
		| { kind: 'appraisal'; mode: 'grades' | 'scores'; criteria: readonly Criterion[] | null }
): BallotSpec {
	if (rules.kind === 'confidence') return { kind: 'choices', options: CONFIDENCE_MARKS };
	if (rules.mode === 'grades') return { kind: 'choices', options: GRADES };
	return { kind: 'scores', criteria: rules.criteria ?? [] };
}

/**
 * What the tally committee may enter from a paper ballot: on a confidence ballot, besides the
 * marks, an invalid row (no mark, or several marks, on one person's row: the committee rules).
 * A phone never sends one.
 */
export function paperBallotSpec(rules: Parameters<typeof ballotSpec>[0]): BallotSpec {
	const spec = ballotSpec(rules);
	return rules.kind === 'confidence' && spec.kind === 'choices'
		? { kind: 'choices', options: [...spec.options, INVALID_ROW] }
		: spec;
}

/**
 * The answers of one ballot; a person left out was left blank. `invalid`: a paper ballot the
 * tally committee ruled invalid as a whole (not issued by it, a printed name crossed out…).
 */
export type Answers =
	| { kind: 'choices'; choices: ReadonlyMap<string, string> }
	| { kind: 'scores'; sheets: ReadonlyMap<string, ReadonlyMap<string, number>> }
	| { kind: 'invalid' };

/** A ballot that counts as returned but invalid: nothing marked on it, or ruled invalid. */
export function isInvalidBallot(answers: Answers): boolean {
	if (answers.kind === 'invalid') return true;
	return answers.kind === 'choices' ? answers.choices.size === 0 : answers.sheets.size === 0;
}

/** Scores are given in half points: 0 to twice the criterion's maximum. */
export function validHalfPoints(criterion: Criterion, halfPoints: number): boolean {
	return Number.isInteger(halfPoints) && halfPoints >= 0 && halfPoints <= 2 * criterion.maximum;
}

/**
 * Whether stored answers fit the session: the right kind, people on this ballot, known options,
 * every criterion of a scored person within its bounds.
 */
export function answersFit(
	spec: BallotSpec,
	subjectIds: ReadonlySet<string>,
	answers: Answers
): boolean {
	if (answers.kind === 'invalid') return true;
	if (spec.kind !== answers.kind) return false;
	if (answers.kind === 'choices' && spec.kind === 'choices') {
		return [...answers.choices].every(
			([subjectId, choice]) => subjectIds.has(subjectId) && spec.options.includes(choice)
		);
	}
	if (answers.kind === 'scores' && spec.kind === 'scores') {
		return [...answers.sheets].every(
			([subjectId, sheet]) =>
				subjectIds.has(subjectId) &&
				sheet.size === spec.criteria.length &&
				spec.criteria.every((criterion) => {
					const halfPoints = sheet.get(criterion.id);
					return halfPoints !== undefined && validHalfPoints(criterion, halfPoints);
				})
		);
	}
	return false;
}

/** A score sheet to correct: some criteria left empty, or these criteria's scores out of bounds. */
export type ScoreProblem = { kind: 'partial' } | { kind: 'bounds'; criterionIds: string[] };

/** A person's row of a ballot as the voter filled it, to show again on review or edit. */
export type BallotRow =
	| { subjectId: string; choice: string | null }
	| {
			subjectId: string;
			/**
			 * By criterion: the score in half points, `null` when left empty, or the text typed when it
			 * is no score (shown again to be corrected).
			 */
			scores: Record<string, number | string | null>;
			/** The voter's total in half points, when every criterion is scored. */
			totalHalfPoints: number | null;
			problem: ScoreProblem | null;
	  };
