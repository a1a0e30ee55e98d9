/**
 * Reads a posted ballot. Anything the ballot form could not have produced (a row sent twice, an
 * unknown option, a person or criterion not on this ballot, a stray field) refuses the whole
 * post: a voter's intention is never guessed. A voter's own slips in a score sheet (a score out
 * of bounds, a person scored on some criteria only) come back as problems to correct. The phone
 * posts fixed-width codes ($lib/ballot-wire); scores typed without JavaScript arrive as typed.
 */
import { z } from 'zod';
import {
	validHalfPoints,
	type Answers,
	type BallotRow,
	type BallotSpec,
	type ScoreProblem
} from '$lib/ballot-rules';
import { EMPTY_SCORE, readChoice } from '$lib/ballot-wire';
import type { Criterion } from '$lib/tally/score-template';

/**
 * Rows are posted as `s.<person>` (a choice's code or name) or `s.<person>.<criterion>` (a
 * score); a person's row may be left out, which leaves it blank.
 */
export const FIELD_PREFIX = 's.';

export const submissionSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export type BallotReading =
	| { ok: true; answers: Answers; rows: BallotRow[]; complete: boolean; submission: string | null }
	| { ok: false };

/** "12", "12.5" or "12,5" in half points; `null` when it is no such number. */
export function parseHalfPoints(text: string): number | null {
	const normalised = text.trim().replace(',', '.');
	if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalised)) return null;
	const doubled = Number(normalised) * 2;
	return Number.isInteger(doubled) ? doubled : null;
}

function scoreRow(subjectId: string, criteria: readonly Criterion[], posted: Map<string, string>) {
	const scores: Record<string, number | string | null> = {};
	const halfPoints = new Map<string, number>();
	const outOfBounds: string[] = [];
	for (const criterion of criteria) {
		const text = (posted.get(criterion.id) ?? '').trim();
		const value = parseHalfPoints(text);
		if (!text || text === EMPTY_SCORE) {
			scores[criterion.id] = null;
		} else if (value === null || !validHalfPoints(criterion, value)) {
			scores[criterion.id] = text;
			outOfBounds.push(criterion.id);
		} else {
			scores[criterion.id] = value;
			halfPoints.set(criterion.id, value);
		}
	}
	const filled = Object.values(scores).filter((score) => score !== null).length;
	let problem: ScoreProblem | null = null;
	// Each wrong score is shown at its field; a sheet half filled only once they are put right.
	if (outOfBounds.length > 0) problem = { kind: 'bounds', criterionIds: outOfBounds };
	else if (filled > 0 && filled < criteria.length) problem = { kind: 'partial' };
	const complete = !problem && filled === criteria.length;
	const totalHalfPoints = complete ? [...halfPoints.values()].reduce((a, b) => a + b, 0) : null;
	return {
		row: { subjectId, scores, totalHalfPoints, problem },
		sheet: complete ? halfPoints : null
	};
}

export function readBallotForm(
	formData: FormData,
	spec: BallotSpec,
	subjectIds: readonly string[]
): BallotReading {
	const onBallot = new Set(subjectIds);
	const criterionIds = new Set(spec.kind === 'scores' ? spec.criteria.map((c) => c.id) : []);
	const posted = new Map<string, Map<string, string>>();
	let submission: string | null = null;
	for (const [key, value] of formData) {
		if (typeof value !== 'string') return { ok: false };
		if (key === 'submission') {
			if (submission !== null || !submissionSchema.safeParse(value).success) return { ok: false };
			submission = value;
			continue;
		}
		if (!key.startsWith(FIELD_PREFIX)) return { ok: false };
		const [subjectId = '', criterionId = '', ...rest] = key.slice(FIELD_PREFIX.length).split('.');
		const shapeFits = spec.kind === 'scores' ? criterionIds.has(criterionId) : criterionId === '';
		if (!onBallot.has(subjectId) || !shapeFits || rest.length > 0) return { ok: false };
		const fields = posted.get(subjectId) ?? new Map<string, string>();
		if (fields.has(criterionId)) return { ok: false };
		fields.set(criterionId, value);
		posted.set(subjectId, fields);
	}

	if (spec.kind === 'choices') {
		const choices = new Map<string, string>();
		for (const [subjectId, fields] of posted) {
			const choice = readChoice(spec.options, fields.get('') ?? '');
			if (choice === undefined) return { ok: false };
			if (choice !== null) choices.set(subjectId, choice);
		}
		const rows = subjectIds.map((subjectId) => ({
			subjectId,
			choice: choices.get(subjectId) ?? null
		}));
		return { ok: true, answers: { kind: 'choices', choices }, rows, complete: true, submission };
	}

	const sheets = new Map<string, Map<string, number>>();
	const rows = subjectIds.map((subjectId) => {
		const { row, sheet } = scoreRow(subjectId, spec.criteria, posted.get(subjectId) ?? new Map());
		if (sheet) sheets.set(subjectId, sheet);
		return row;
	});
	const complete = rows.every((row) => row.problem === null);
	return { ok: true, answers: { kind: 'scores', sheets }, rows, complete, submission };
}
