/**
 * Reads the criteria editor: numbered rows of name, group and maximum; fully empty rows are
 * dropped. Problems are worded per row and for the total.
 */
import { m } from '$lib/paraglide/messages.js';
import {
	CRITERION_GROUPS,
	MAX_CRITERIA,
	TEMPLATE_TOTAL,
	templateProblems,
	type Criterion,
	type CriterionGroup
} from '$lib/tally/score-template';
import type { FieldErrors, FieldValues } from '$lib/forms';
import { readFields } from '$lib/server/http/forms';
import { generateId } from '$lib/server/db/ids';

/** Rows offered beyond the current criteria, so that a criterion can be added without JavaScript. */
export const SPARE_ROWS = 3;

export type CriteriaReading =
	{ ok: true; criteria: Criterion[] } | { ok: false; errors: FieldErrors; values: FieldValues };

export function readCriteriaForm(formData: FormData): CriteriaReading {
	const { raw, errors } = readFields(formData);
	const values = Object.fromEntries(
		Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
	);
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	const rows: { index: number; criterion: Criterion }[] = [];
	for (let index = 0; index < MAX_CRITERIA + SPARE_ROWS; index++) {
		const name = (values[`name.${index}`] ?? '').trim();
		const maximumText = (values[`maximum.${index}`] ?? '').trim();
		if (!name && !maximumText) continue;
		const group = values[`group.${index}`] ?? 'general';
		// Digits only: Number() would read '' as 0 and '1e1' or '0x10' as numbers no one typed.
		const maximum = /^\d{1,3}$/.test(maximumText) ? Number(maximumText) : Number.NaN;
		const id =
			(values[`id.${index}`] ?? '').match(/^[a-z0-9-]{1,40}$/)?.[0] ??
			`c-${generateId().slice(0, 10)}`;
		if (name.length > 200) errors[`name.${index}`] = [m.validation_too_long({ max: 200 })];
		rows.push({
			index,
			criterion: {
				id,
				name: name.slice(0, 200),
				group: (CRITERION_GROUPS as readonly string[]).includes(group)
					? (group as CriterionGroup)
					: 'general',
				maximum
			}
		});
	}
	const criteria = rows.map((row) => row.criterion);
	for (const problem of templateProblems(criteria)) {
		switch (problem.problem) {
			case 'empty':
				errors.criteria = [m.criteria_empty()];
				break;
			case 'too_many':
				errors.criteria = [m.criteria_too_many({ max: MAX_CRITERIA })];
				break;
			case 'total':
				errors.criteria = [m.criteria_total({ total: problem.total, expected: TEMPLATE_TOTAL })];
				break;
			case 'name':
				errors[`name.${rows[problem.index]?.index}`] = [m.validation_required()];
				break;
			case 'maximum':
				errors[`maximum.${rows[problem.index]?.index}`] = [m.criteria_maximum()];
				break;
		}
	}
	if (new Set(criteria.map((criterion) => criterion.id)).size !== criteria.length) {
		errors.criteria = [m.validation_invalid()];
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, criteria };
}
