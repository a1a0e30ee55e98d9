/**
 * Exact comparisons of a count against a fraction of a total. Regulations draw their lines at
 * 1/2 and 2/3 (of the ballots returned, or of the people convened); `low / base >= 0.6667`
 * would misjudge 2 of 3, so every comparison is done on integers: `count × denominator` against
 * `numerator × total`.
 */
export interface Fraction {
	numerator: number;
	denominator: number;
}

/** Negative, zero or positive as count/total is below, at or above the fraction. */
export function compareToFraction(count: number, total: number, fraction: Fraction): number {
	return count * fraction.denominator - fraction.numerator * total;
}

export interface Threshold extends Fraction {
	/** `true`: the boundary itself belongs to the band ("two thirds or more"). */
	inclusive: boolean;
}

export function reachesLowerBound(count: number, total: number, bound: Threshold): boolean {
	const comparison = compareToFraction(count, total, bound);
	return bound.inclusive ? comparison >= 0 : comparison > 0;
}

export function staysUnderUpperBound(count: number, total: number, bound: Threshold): boolean {
	const comparison = compareToFraction(count, total, bound);
	return bound.inclusive ? comparison <= 0 : comparison < 0;
}

/** The smallest count that reaches `bound` out of `total`. */
export function smallestCountReaching(total: number, bound: Threshold): number {
	const product = bound.numerator * total;
	const quotient = Math.floor(product / bound.denominator);
	const lands = product % bound.denominator === 0;
	return bound.inclusive && lands ? quotient : quotient + 1;
}
