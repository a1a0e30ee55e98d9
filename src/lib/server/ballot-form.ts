import { z } from 'zod';
import { CONFIDENCE_MARKS, type ConfidenceMark } from '$lib/tally/confidence';

/** Ballot rows are posted as `s.<subject id>` = a mark, or `blank` for a row left empty. */
export const CHOICE_PREFIX = 's.';

const choiceValue = z.enum([...CONFIDENCE_MARKS, 'blank']);
export const submissionSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export type ChoiceReading =
	{ ok: true; choices: Map<string, ConfidenceMark>; submission: string | null } | { ok: false };

/**
 * Reads the rows of a posted ballot. Anything the ballot form could not have produced (a row
 * sent twice, an unknown mark, a person not on this ballot, a stray field) refuses the whole
 * post: a voter's intention is never guessed.
 */
export function readChoices(formData: FormData, subjectIds: ReadonlySet<string>): ChoiceReading {
	const choices = new Map<string, ConfidenceMark>();
	const seen = new Set<string>();
	let submission: string | null = null;
	for (const [key, value] of formData) {
		if (typeof value !== 'string') return { ok: false };
		if (key === 'submission') {
			if (submission !== null || !submissionSchema.safeParse(value).success) return { ok: false };
			submission = value;
			continue;
		}
		if (!key.startsWith(CHOICE_PREFIX)) return { ok: false };
		const subjectId = key.slice(CHOICE_PREFIX.length);
		const mark = choiceValue.safeParse(value);
		if (!subjectIds.has(subjectId) || seen.has(subjectId) || !mark.success) return { ok: false };
		seen.add(subjectId);
		if (mark.data !== 'blank') choices.set(subjectId, mark.data);
	}
	return { ok: true, choices, submission };
}
