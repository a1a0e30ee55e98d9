/**
 * Presets as stored in a session (a JSON copy) and read back. Reading validates the copy, so a
 * damaged row fails loudly instead of producing a wrong result.
 */
import { z } from 'zod';
import {
	CAP_SCOPES,
	FINDINGS,
	findAppraisalPreset,
	TASK_SHARES,
	type AppraisalPreset
} from '$lib/tally/appraisal-presets';
import type { ConditionRecord } from '$lib/tally/conditions';
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

const gradeCondition = z.intersection(
	z.object({ keeps: z.enum(['excellent', 'good', 'completed']), article: localized }),
	z.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('share_at_least'),
			share: z.enum(TASK_SHARES),
			percent: z.number().int().min(0).max(100)
		}),
		z.object({ kind: z.literal('late_at_most'), percent: z.number().int().min(0).max(100) }),
		z.object({ kind: z.literal('shortcomings_fixed') }),
		z.object({ kind: z.literal('no_finding'), finding: z.enum(FINDINGS) })
	])
);

/**
 * An appraisal preset as stored. Copies stored before December 2026 had no conditions and
 * counted the cap over the whole session; read as such, their results stay what they were
 * (drizzle/0009_appraisal_rules_in_force.sql gave drafts the presets now in force).
 */
export const storedAppraisalPreset = z
	.object({
		id: z.string(),
		name: localized,
		source: localized,
		issuer: z.enum(['party', 'state']).optional(),
		quorum: threshold.nullable(),
		bands: z.array(z.object({ grade: z.enum(GRADES), minimum: z.number().min(0).max(100) })),
		bandsArticle: localized.default(noText),
		conditions: z.array(gradeCondition).default([]),
		cap: z
			.object({
				ratio: fraction,
				rounding: z.literal('floor'),
				scope: z.enum(CAP_SCOPES).default('unit'),
				source: localized
			})
			.nullable(),
		note: localized.nullable().default(null)
	})
	.transform(({ issuer, ...preset }) => ({
		...preset,
		issuer: issuer ?? findAppraisalPreset(preset.id)?.issuer ?? 'party'
	})) satisfies z.ZodType<AppraisalPreset, unknown>;

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

const wholePercent = z.number().int().min(0).max(100);

export const storedConditionRecord = z.object({
	completed: wholePercent,
	onTime: wholePercent,
	exceeded: wholePercent,
	shortcomingsFixed: z.boolean(),
	discipline: z.boolean(),
	degradation: z.boolean(),
	corruption: z.boolean()
}) satisfies z.ZodType<ConditionRecord>;

/** A person's recorded condition facts, or `null` when none are recorded. */
export function readConditionRecord(stored: unknown): ConditionRecord | null {
	return stored === null || stored === undefined ? null : storedConditionRecord.parse(stored);
}
