/**
 * The unit's own appraisal rules (viên chức and others) as the session form takes them: the
 * document applied, the three band minimums, the catalogue's conditions that apply, the cap and
 * whose body appraises. `customRulesProblems` decides what is wrong; this answers it at the field.
 */
import { z } from 'zod';
import type { FieldValues } from '$lib/forms';
import { m } from '$lib/paraglide/messages.js';
import {
	CAP_SCOPES,
	CONDITION_CATALOGUE,
	conditionKey,
	customAppraisalPreset,
	customRulesProblems,
	type AppraisalPreset,
	type ConditionRule,
	type CustomAppraisalRules
} from '$lib/tally/appraisal-presets';
import { gradeName } from '$lib/wording';
import { optionalText, wholeNumber } from './form-fields';

/** The graded bands' minimum fields, best grade first, with the usual 90 / 70 / 50 to start from. */
export const MINIMUM_FIELDS = [
	{ grade: 'excellent', field: 'appraisalMinExcellent', preset: '90' },
	{ grade: 'good', field: 'appraisalMinGood', preset: '70' },
	{ grade: 'completed', field: 'appraisalMinCompleted', preset: '50' }
] as const;

/** The cap offered before the organiser changes it: 20 % of those graded good, as the texts say. */
export const DEFAULT_CAP_PERCENT = '20';

const TICKED = 'on';

/** A catalogue condition's checkbox: sent as `on` when ticked, absent otherwise. */
export function conditionField(condition: ConditionRule): string {
	return `appraisalCondition.${conditionKey(condition)}`;
}

const conditionFields = Object.fromEntries(
	CONDITION_CATALOGUE.map((condition) => [conditionField(condition), z.literal(TICKED).optional()])
);

/** Every field is optional here: they are read only when the custom preset is chosen. */
export const customAppraisalShape = {
	appraisalSource: optionalText(300),
	appraisalMinExcellent: optionalText(10),
	appraisalMinGood: optionalText(10),
	appraisalMinCompleted: optionalText(10),
	appraisalCap: z.enum(['percent', 'none']).optional().default('percent'),
	appraisalCapPercent: optionalText(10),
	appraisalCapScope: z.enum(CAP_SCOPES).optional().default('duty_group'),
	appraisalIssuer: z.enum(['party', 'state']).optional().default('state'),
	...conditionFields
};

type Form = Record<string, unknown>;

/** A whole number from 1 to 100 typed at `field`, or `null` with the problem said there. */
function percentField(form: Form, field: string, context: z.RefinementCtx): number | null {
	const parsed = wholeNumber(m.validation_required, 1, 100).safeParse(form[field] ?? '');
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) {
		context.addIssue({ code: 'custom', path: [field], message: issue.message });
	}
	return null;
}

export function customPreset(form: Form, context: z.RefinementCtx): AppraisalPreset {
	const [excellent, good, completed] = MINIMUM_FIELDS.map(({ field }) =>
		percentField(form, field, context)
	) as [number | null, number | null, number | null];
	const rules: CustomAppraisalRules = {
		source: typeof form.appraisalSource === 'string' ? form.appraisalSource : '',
		minimums: [excellent ?? Number.NaN, good ?? Number.NaN, completed ?? Number.NaN],
		conditions: CONDITION_CATALOGUE.filter(
			(condition) => form[conditionField(condition)] === TICKED
		).map(conditionKey),
		capPercent:
			form.appraisalCap === 'none' ? null : percentField(form, 'appraisalCapPercent', context),
		capScope: form.appraisalCapScope === 'unit' ? 'unit' : 'duty_group',
		issuer: form.appraisalIssuer === 'party' ? 'party' : 'state'
	};
	const issue = (path: string, message: string) =>
		context.addIssue({ code: 'custom', path: [path], message });
	const problems = customRulesProblems(rules);
	if (problems.includes('source')) issue('appraisalSource', m.validation_required());
	// Each minimum is already a whole number from 1 to 100 (or refused at its field): what is
	// left of 'minimums' is the order, said at the field that fails to rise above the one below.
	if (problems.includes('minimums') && excellent !== null && good !== null && completed !== null) {
		const above = (grade: 'good' | 'completed', points: number) =>
			m.appraisal_custom_minimum_above({ grade: gradeName(grade), points });
		if (good <= completed) issue('appraisalMinGood', above('completed', completed));
		if (excellent <= good) issue('appraisalMinExcellent', above('good', good));
	}
	return customAppraisalPreset(rules);
}

/** The form's values for a stored custom preset, to edit it. */
export function customAppraisalValues(preset: AppraisalPreset): FieldValues {
	const values: FieldValues = {
		appraisalSource: preset.source.vi,
		appraisalCap: preset.cap ? 'percent' : 'none',
		appraisalCapScope: preset.cap?.scope ?? 'duty_group',
		appraisalIssuer: preset.issuer
	};
	if (preset.cap) {
		const { numerator, denominator } = preset.cap.ratio;
		values.appraisalCapPercent = String((numerator * 100) / denominator);
	}
	for (const { grade, field } of MINIMUM_FIELDS) {
		const band = preset.bands.find((candidate) => candidate.grade === grade);
		if (band) values[field] = String(band.minimum);
	}
	for (const condition of preset.conditions) values[conditionField(condition)] = TICKED;
	return values;
}
