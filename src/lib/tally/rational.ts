/**
 * Exact non-negative rationals for means of scores. Sums of half points stay far below 2^53, so
 * plain integers hold numerator and denominator exactly.
 */
export interface Rational {
	numerator: number;
	denominator: number;
}

/** Sign of a − b. */
export function compareRationals(a: Rational, b: Rational): number {
	return Math.sign(a.numerator * b.denominator - b.numerator * a.denominator);
}

/** Whether `value` is at least the whole number `threshold`. */
export function reaches(value: Rational, threshold: number): boolean {
	return value.numerator >= threshold * value.denominator;
}

/**
 * Hundredths, rounded down. Scores are shown truncated, never rounded up, so that a mean of
 * 89.995 reads 89,99 beside its grade (good) instead of 90,00 (which would suggest excellent).
 */
export function floorHundredths(value: Rational): number {
	return Math.floor((value.numerator * 100) / value.denominator);
}

export function addRationals(a: Rational, b: Rational): Rational {
	if (a.denominator === b.denominator) {
		return { numerator: a.numerator + b.numerator, denominator: a.denominator };
	}
	return {
		numerator: a.numerator * b.denominator + b.numerator * a.denominator,
		denominator: a.denominator * b.denominator
	};
}
