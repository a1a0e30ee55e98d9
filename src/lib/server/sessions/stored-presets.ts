/**
 * Presets as stored in a session (a JSON copy) and read back. Reading validates the copy, so a
 * damaged row fails loudly instead of producing a wrong result.
 */
import { z } from 'zod';
import type { AppraisalPreset } from '$lib/tally/appraisal-presets';
import { GRADES } from '$lib/tally/grades';
import type { ConfidencePreset } from '$lib/tally/presets';
import { CRITERION_GROUPS, type Criterion } from '$lib/tally/score-template';

const localized = z.object({ vi: z.string(), en: z.string() });
const threshold = z.object({
	numerator: z.number().int().min(0),
	denominator: z.number().int().min(1),
	inclusive: z.boolean()
});

const noText = { vi: '', en: '' };

/**
 * A confidence preset as stored. Copies stored before the presets carried their base (December
 * 2026) were all counted on the people convened; the migration that corrected the shipped
 * presets marked them (see drizzle/0005_confidence_rules_in_force.sql), and any field they lack
 * reads as what those copies meant: base `members`, an advisory quorum, no articles.
 */
export const storedConfidencePreset = z.object({
	id: z.string(),
	name: localized,
	source: localized,
	status: z.enum(['in_force', 'historic', 'replaced']).default('in_force'),
	note: localized.nullable().default(null),
	issuer: z.enum(['party', 'state']).default('party'),
	base: z.enum(['returned', 'members']).default('members'),
	baseArticle: localized.default(noText),
	quorum: threshold
		.extend({ binding: z.boolean().default(false), article: localized.default(noText) })
		.nullable(),
	bands: z.array(
		z.object({
			id: z.string(),
			lower: threshold,
			upper: threshold.optional(),
			consequence: localized,
			article: localized.default(noText)
		})
	),
	/**
	 * A published result counted under a shipped preset later corrected: the id of the shipped
	 * preset whose current copy gives the corrected figures shown beside the published ones.
	 */
	correctedBy: z.string().optional()
}) satisfies z.ZodType<ConfidencePreset, unknown>;

export function readConfidencePreset(stored: unknown): ConfidencePreset {
	return storedConfidencePreset.parse(stored);
}

const fraction = z.object({
	numerator: z.number().int().min(0),
	denominator: z.number().int().min(1)
});

export const storedAppraisalPreset = z.object({
	id: z.string(),
	name: localized,
	source: localized,
	issuer: z.enum(['party', 'state']).optional(),
	quorum: threshold.nullable(),
	bands: z.array(z.object({ grade: z.enum(GRADES), minimum: z.number().min(0).max(100) })),
	cap: z.object({ ratio: fraction, rounding: z.literal('floor'), source: localized }).nullable()
}) satisfies z.ZodType<AppraisalPreset>;

export function readAppraisalPreset(stored: unknown): AppraisalPreset {
	return storedAppraisalPreset.parse(stored);
}

export const storedCriteria = z.array(
	z.object({
		id: z.string().min(1).max(40),
		name: z.string(),
		group: z.enum(CRITERION_GROUPS),
		maximum: z.number().int().min(1).max(100)
	})
) satisfies z.ZodType<Criterion[]>;

export function readCriteria(stored: unknown): Criterion[] {
	return storedCriteria.parse(stored);
}
