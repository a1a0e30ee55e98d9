/**
 * The appraisal part of the session form: period, mode, preset (a shipped one, or the unit's own
 * rules for viên chức and others) and, for score sheets, where the criteria come from.
 */
import { z } from 'zod';
import type { FieldValues } from '$lib/forms';
import { m } from '$lib/paraglide/messages.js';
import type { Period } from '$lib/periods';
import {
	APPRAISAL_PRESETS,
	CUSTOM_APPRAISAL_PRESET_ID,
	findAppraisalPreset
} from '$lib/tally/appraisal-presets';
import { DEFAULT_CRITERIA } from '$lib/tally/score-template';
import { APPRAISAL_MODES, PERIOD_KINDS } from '$lib/server/db/schema';
import type { AppraisalRules } from '$lib/server/sessions/rules';
import { customAppraisalShape, customAppraisalValues, customPreset } from './custom-appraisal';
import { optionalText } from './form-fields';

/** Criteria for a score sheet: the regulation's default, the session's own, or a saved template. */
export const DEFAULT_TEMPLATE = 'default';
export const CURRENT_CRITERIA = 'current';

const APPRAISAL_PRESET_IDS: [string, ...string[]] = [
	CUSTOM_APPRAISAL_PRESET_ID,
	...APPRAISAL_PRESETS.map((preset) => preset.id)
];

export const appraisalRulesShape = {
	periodKind: z.enum(PERIOD_KINDS),
	periodYear: optionalText(4),
	periodQuarter: optionalText(1),
	periodLabel: optionalText(40),
	mode: z.enum(APPRAISAL_MODES),
	appraisalPresetId: z.enum(APPRAISAL_PRESET_IDS),
	templateId: optionalText(40),
	...customAppraisalShape
};

interface AppraisalFields extends Record<string, unknown> {
	periodKind: (typeof PERIOD_KINDS)[number];
	periodYear: string;
	periodQuarter: string;
	periodLabel: string;
	mode: (typeof APPRAISAL_MODES)[number];
	appraisalPresetId: string;
}

function period(form: AppraisalFields, context: z.RefinementCtx): Period {
	const year = Number(form.periodYear);
	const validYear = /^\d{4}$/.test(form.periodYear) && year >= 2000 && year <= 2100;
	if (form.periodKind !== 'term' && !validYear) {
		context.addIssue({ code: 'custom', path: ['periodYear'], message: m.validation_year() });
	}
	switch (form.periodKind) {
		case 'quarter': {
			const quarter = Number(form.periodQuarter);
			if (![1, 2, 3, 4].includes(quarter)) {
				context.addIssue({
					code: 'custom',
					path: ['periodQuarter'],
					message: m.validation_quarter()
				});
			}
			return { kind: 'quarter', year, quarter: quarter as 1 | 2 | 3 | 4 };
		}
		case 'year':
			return { kind: 'year', year };
		case 'term':
			if (!form.periodLabel) {
				context.addIssue({
					code: 'custom',
					path: ['periodLabel'],
					message: m.validation_required()
				});
			}
			return { kind: 'term', label: form.periodLabel };
	}
}

/** The rules chosen; score sheets start from the regulation's criteria until the caller picks others. */
export function appraisalRules(form: AppraisalFields, context: z.RefinementCtx): AppraisalRules {
	return {
		kind: 'appraisal',
		preset:
			form.appraisalPresetId === CUSTOM_APPRAISAL_PRESET_ID
				? customPreset(form, context)
				: (findAppraisalPreset(form.appraisalPresetId) ?? APPRAISAL_PRESETS[0]!),
		mode: form.mode,
		period: period(form, context),
		criteria:
			form.mode === 'scores' ? DEFAULT_CRITERIA.map((criterion) => ({ ...criterion })) : null
	};
}

export function appraisalRulesValues(rules: AppraisalRules): FieldValues {
	const { period } = rules;
	return {
		periodKind: period.kind,
		periodYear: period.kind === 'term' ? '' : String(period.year),
		periodQuarter: period.kind === 'quarter' ? String(period.quarter) : '',
		periodLabel: period.kind === 'term' ? period.label : '',
		mode: rules.mode,
		appraisalPresetId: rules.preset.id,
		templateId: rules.mode === 'scores' ? CURRENT_CRITERIA : DEFAULT_TEMPLATE,
		...(rules.preset.id === CUSTOM_APPRAISAL_PRESET_ID ? customAppraisalValues(rules.preset) : {})
	};
}
