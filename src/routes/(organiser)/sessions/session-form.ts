/**
 * The session form shared by "new" and "edit": fields, validation and the preset it builds.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { bandProblems } from '$lib/tally/custom-preset';
import type { Threshold } from '$lib/tally/fraction';
import {
	CONFIDENCE_PRESETS,
	findConfidencePreset,
	type ConfidencePreset
} from '$lib/tally/presets';
import type { SessionDetails } from '$lib/server/vote-sessions';

export const CUSTOM_PRESET = 'custom';
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

const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

const bandFields = Object.fromEntries(
	CUSTOM_BAND_ROWS.flatMap((row) => [
		[`band${row}Lower`, optionalText(20)],
		[`band${row}LowerOp`, z.enum(['gt', 'gte']).optional().default('gt')],
		[`band${row}Upper`, optionalText(20)],
		[`band${row}UpperOp`, z.enum(['lt', 'lte']).optional().default('lt')],
		[`band${row}Consequence`, optionalText(500)]
	])
) as Record<string, z.ZodType<string>>;

export const sessionFormSchema = () =>
	z
		.object({
			title: z.string().trim().min(1).max(200),
			organisation: z.string().trim().min(1).max(200),
			meetingDate: z.iso.date({ error: () => m.validation_date() }),
			meetingTime: z
				.string()
				.trim()
				.regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.validation_time() })
				.optional()
				.default(''),
			place: z.string().trim().min(1).max(200),
			convened: z.coerce.number().int().min(1).max(100_000),
			presetId: z.enum(PRESET_IDS),
			customName: optionalText(200),
			customSource: optionalText(300),
			customQuorum: z.enum(['two-thirds', 'none']).optional().default('two-thirds'),
			...bandFields
		})
		.transform((form, context): SessionDetails => {
			const preset =
				form.presetId === CUSTOM_PRESET
					? customPreset(form as unknown as Record<string, string>, context)
					: (findConfidencePreset(form.presetId) as ConfidencePreset);
			return {
				title: form.title,
				organisation: form.organisation,
				meetingDate: form.meetingDate,
				meetingTime: form.meetingTime || null,
				place: form.place,
				convened: form.convened,
				preset
			};
		});

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
			}
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
	return {
		id: CUSTOM_PRESET,
		name: { vi: form.customName ?? '', en: form.customName ?? '' },
		source: {
			vi: source || m.preset_custom_source_default({}, { locale: 'vi' }),
			en: source || m.preset_custom_source_default({}, { locale: 'en' })
		},
		quorum: form.customQuorum === 'none' ? null : { numerator: 2, denominator: 3, inclusive: true },
		bands: bands.map(({ band }) => band)
	};
}

/** The form's values for an existing session, to edit it. */
export function sessionFormValues(session: SessionDetails): Record<string, string> {
	const values: Record<string, string> = {
		title: session.title,
		organisation: session.organisation,
		meetingDate: session.meetingDate,
		meetingTime: session.meetingTime ?? '',
		place: session.place,
		convened: String(session.convened),
		presetId: findConfidencePreset(session.preset.id) ? session.preset.id : CUSTOM_PRESET
	};
	if (values.presetId === CUSTOM_PRESET) {
		values.customName = session.preset.name.vi;
		const defaultSource = m.preset_custom_source_default({}, { locale: 'vi' });
		values.customSource =
			session.preset.source.vi === defaultSource ? '' : session.preset.source.vi;
		values.customQuorum = session.preset.quorum ? 'two-thirds' : 'none';
		session.preset.bands.forEach((band, index) => {
			const row = index + 1;
			values[`band${row}Lower`] = `${band.lower.numerator}/${band.lower.denominator}`;
			values[`band${row}LowerOp`] = band.lower.inclusive ? 'gte' : 'gt';
			if (band.upper) {
				values[`band${row}Upper`] = `${band.upper.numerator}/${band.upper.denominator}`;
				values[`band${row}UpperOp`] = band.upper.inclusive ? 'lte' : 'lt';
			}
			values[`band${row}Consequence`] = band.consequence.vi;
		});
	}
	return values;
}
