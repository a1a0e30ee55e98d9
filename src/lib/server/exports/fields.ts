/**
 * The zod fields the export model's parts share. In the model every percentage and point figure
 * is an integer number of hundredths, exactly as the tally rounded it; in JSON it is a decimal
 * with two places at most (90.1 for 9010).
 */
import { z } from 'zod';
import { GRADES } from '$lib/tally/grades';
import { floorHundredths, type Rational } from '$lib/tally/rational';

export const grade = z.enum(GRADES).nullable();

/** Hundredths in the model, a decimal number with two places at most in JSON. */
function hundredths(json: z.ZodNumber) {
	return z.codec(json, z.int(), {
		decode: (decimal) => Math.round(decimal * 100),
		encode: (count) => count / 100
	});
}

/**
 * Percent of the rules' base, rounded half up to two decimals, never over 100; `null` on a base
 * of 0, or for a count larger than its base (figures that do not agree, stated in the minutes).
 */
export const percent = hundredths(z.number().min(0).max(100)).nullable();

/** Points truncated to two decimals, as shown. */
export const points = hundredths(z.number());

export const exact = z.strictObject({
	numerator: z.number().int(),
	denominator: z.number().int().positive()
});

export const count = z.number().int().min(0);

/** A rational truncated to hundredths, as every screen shows it. */
export const truncated = (value: Rational | null | undefined) =>
	value ? floorHundredths(value) : null;
