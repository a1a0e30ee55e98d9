/**
 * The confidence-vote part of the session form: a shipped preset, or a custom one built from
 * typed fractions and checked for empty and overlapping bands.
 */
import { z } from 'zod';
import type { FieldValues } from '$lib/forms';
import { m } from '$lib/paraglide/messages.js';
import { bandProblems } from '$lib/tally/custom-preset';
import type { Threshold } from '$lib/tally/fraction';
import {
	CONFIDENCE_PRESETS,
	findConfidencePreset,
	type ConfidencePreset
} from '$lib/tally/presets';
import { optionalText } from './form-fields';

export const CUSTOM_PRESET = 'custom';
const TWO_THIRDS_PRESENT = { numerator: 2, denominator: 3, inclusive: true };
export const CUSTOM_BAND_ROWS = [1, 2, 3] as const;
const PRESET_IDS: [string, ...string[]] = [
	CUSTOM_PRESET,
	...CONFIDENCE_PRESETS.map((preset) => preset.id)
];

/** "1/2", "2 / 3" or a whole percentage "60%". */
function parseShare(text: string): { numerator: number; denominator: number } | null {
	const fraction = text.match(/^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/);
	if (fraction) return { numerator: Number(fraction[1]), denominator: Number(fraction[2]) };
	const percent = text.match(/^\s*(\d{1,3})\s*%\s*$/);
	if (percent) return { numerator: Number(percent[1]), denominator: 100 };
	return null;
}

const bandFields = Object.fromEntries(
	CUSTOM_BAND_ROWS.flatMap((row) => [
		[`band${row}Lower`, optionalText(20)],
		[`band${row}LowerOp`, z.enum(['gt', 'gte']).optional().default('gt')],
		[`band${row}Upper`, optionalText(20)],
		[`band${row}UpperOp`, z.enum(['lt', 'lte']).optional().default('lt')],
		[`band${row}Consequence`, optionalText(500)],
		[`band${row}Article`, optionalText(200)]
	])
) as Record<string, z.ZodType<string>>;

export const confidenceRulesShape = {
	presetId: z.enum(PRESET_IDS),
	customName: optionalText(200),
	customSource: optionalText(300),
	customBase: z.enum(['returned', 'members']).optional().default('returned'),
	customIssuer: z.enum(['party', 'state']).optional().default('party'),
	customQuorum: z
		.enum(['two-thirds', 'two-thirds-advisory', 'none'])
		.optional()
		.default('two-thirds'),
	...bandFields
};

export function confidencePreset(
	form: { presetId: string } & Record<string, unknown>,
	context: z.RefinementCtx
): ConfidencePreset {
	return form.presetId === CUSTOM_PRESET
		? customPreset(form as unknown as Record<string, string>, context)
		: (findConfidencePreset(form.presetId) as ConfidencePreset);
}

function customPreset(form: Record<string, string>, context: z.RefinementCtx): ConfidencePreset {
	const issue = (path: string, message: string) =>
		context.addIssue({ code: 'custom', path: [path], message });
	if (!form.customName) issue('customName', m.validation_required());

	const rows = CUSTOM_BAND_ROWS.filter((row) => form[`band${row}Lower`]);
	if (rows.length === 0) issue('band1Lower', m.preset_custom_needs_band());
	const bands = rows.map((row) => {
		const lower = parseShare(form[`band${row}Lower`] ?? '');
		const upperText = form[`band${row}Upper`] ?? '';
		const upper = upperText ? parseShare(upperText) : undefined;
		if (!lower) issue(`band${row}Lower`, m.validation_share());
		if (upper === null) issue(`band${row}Upper`, m.validation_share());
		if (!form[`band${row}Consequence`]) issue(`band${row}Consequence`, m.validation_required());
		const band = {
			id: `band-${row}`,
			lower: {
				...(lower ?? { numerator: 0, denominator: 1 }),
				inclusive: form[`band${row}LowerOp`] === 'gte'
			},
			upper: upper
				? ({ ...upper, inclusive: form[`band${row}UpperOp`] === 'lte' } satisfies Threshold)
				: undefined,
			consequence: {
				vi: form[`band${row}Consequence`] ?? '',
				en: form[`band${row}Consequence`] ?? ''
			},
			article: { vi: form[`band${row}Article`] ?? '', en: form[`band${row}Article`] ?? '' }
		};
		return { row, band };
	});

	for (const problem of bandProblems(bands.map(({ band }) => band))) {
		const row = bands[problem.band]?.row ?? 1;
		const message =
			problem.problem === 'overlap'
				? m.preset_band_overlap({ other: bands[problem.other]?.row ?? 1 })
				: problem.problem === 'empty'
					? m.preset_band_empty()
					: m.validation_share();
		issue(`band${row}Lower`, message);
	}

	const source = form.customSource;
	const inBothLanguages = (message: typeof m.preset_custom_source_default) => ({
		vi: message({}, { locale: 'vi' }),
		en: message({}, { locale: 'en' })
	});
	return {
		id: CUSTOM_PRESET,
		name: { vi: form.customName ?? '', en: form.customName ?? '' },
		source: source ? { vi: source, en: source } : inBothLanguages(m.preset_custom_source_default),
		status: 'in_force',
		note: null,
		issuer: form.customIssuer === 'state' ? 'state' : 'party',
		base: form.customBase === 'members' ? 'members' : 'returned',
		baseArticle: inBothLanguages(m.preset_custom_base_article),
		quorum:
			form.customQuorum === 'none'
				? null
				: {
						...TWO_THIRDS_PRESENT,
						binding: form.customQuorum !== 'two-thirds-advisory',
						article: inBothLanguages(m.preset_custom_base_article)
					},
		bands: bands.map(({ band }) => band)
	};
}

/** The form's values for a confidence preset, to edit it. */
export function confidenceRulesValues(preset: ConfidencePreset): FieldValues {
	const values: FieldValues = {
		presetId: findConfidencePreset(preset.id) ? preset.id : CUSTOM_PRESET
	};
	if (values.presetId !== CUSTOM_PRESET) return values;
	const defaultSource = m.preset_custom_source_default({}, { locale: 'vi' });
	values.customName = preset.name.vi;
	values.customSource = preset.source.vi === defaultSource ? '' : preset.source.vi;
	values.customBase = preset.base;
	values.customIssuer = preset.issuer;
	values.customQuorum = !preset.quorum
		? 'none'
		: preset.quorum.binding
			? 'two-thirds'
			: 'two-thirds-advisory';
	preset.bands.forEach((band, index) => {
		const row = index + 1;
		values[`band${row}Lower`] = `${band.lower.numerator}/${band.lower.denominator}`;
		values[`band${row}LowerOp`] = band.lower.inclusive ? 'gte' : 'gt';
		if (band.upper) {
			values[`band${row}Upper`] = `${band.upper.numerator}/${band.upper.denominator}`;
			values[`band${row}UpperOp`] = band.upper.inclusive ? 'lte' : 'lt';
		}
		values[`band${row}Consequence`] = band.consequence.vi;
		values[`band${row}Article`] = band.article.vi;
	});
	return values;
}
