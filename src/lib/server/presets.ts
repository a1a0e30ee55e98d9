/**
 * Presets as stored in a session (a JSON copy) and read back. Reading validates the copy, so a
 * damaged row fails loudly instead of producing a wrong result.
 */
import { z } from 'zod';
import type { ConfidencePreset } from '$lib/tally/presets';

const localized = z.object({ vi: z.string(), en: z.string() });
const threshold = z.object({
	numerator: z.number().int().min(0),
	denominator: z.number().int().min(1),
	inclusive: z.boolean()
});

export const storedConfidencePreset = z.object({
	id: z.string(),
	name: localized,
	source: localized,
	quorum: threshold.nullable(),
	bands: z.array(
		z.object({
			id: z.string(),
			lower: threshold,
			upper: threshold.optional(),
			consequence: localized
		})
	)
}) satisfies z.ZodType<ConfidencePreset>;

export function readConfidencePreset(stored: unknown): ConfidencePreset {
	return storedConfidencePreset.parse(stored);
}
