/**
 * Checks for the bands of a custom preset: each band is a non-empty range of shares of its base
 * (the ballots returned, or the people convened), and no share falls in two bands.
 */
import { compareToFraction, type Fraction, type Threshold } from './fraction';

export interface BandRange {
	lower: Threshold;
	upper?: Threshold;
}

export type BandProblem =
	| { band: number; problem: 'out_of_range' | 'empty' }
	| { band: number; problem: 'overlap'; other: number };

/** Sign of a − b for two fractions. */
function compareFractions(a: Fraction, b: Fraction): number {
	return Math.sign(compareToFraction(a.numerator, a.denominator, b));
}

function isShare(fraction: Fraction): boolean {
	return (
		Number.isInteger(fraction.numerator) &&
		Number.isInteger(fraction.denominator) &&
		fraction.denominator > 0 &&
		fraction.numerator >= 0 &&
		fraction.numerator <= fraction.denominator
	);
}

function isEmpty({ lower, upper }: BandRange): boolean {
	if (!upper)
		return !lower.inclusive && compareFractions(lower, { numerator: 1, denominator: 1 }) >= 0;
	const order = compareFractions(lower, upper);
	return order > 0 || (order === 0 && !(lower.inclusive && upper.inclusive));
}

/** Whether every share in `a` lies below every share in `b`. */
function entirelyBelow(a: BandRange, b: BandRange): boolean {
	if (!a.upper) return false;
	const order = compareFractions(a.upper, b.lower);
	return order < 0 || (order === 0 && !(a.upper.inclusive && b.lower.inclusive));
}

export function bandProblems(bands: readonly BandRange[]): BandProblem[] {
	const problems: BandProblem[] = [];
	bands.forEach((band, index) => {
		if (!isShare(band.lower) || (band.upper && !isShare(band.upper))) {
			problems.push({ band: index, problem: 'out_of_range' });
		} else if (isEmpty(band)) {
			problems.push({ band: index, problem: 'empty' });
		}
	});
	if (problems.length > 0) return problems;
	for (let a = 0; a < bands.length; a++) {
		for (let b = a + 1; b < bands.length; b++) {
			const first = bands[a] as BandRange;
			const second = bands[b] as BandRange;
			if (!entirelyBelow(first, second) && !entirelyBelow(second, first)) {
				problems.push({ band: b, problem: 'overlap', other: a });
			}
		}
	}
	return problems;
}
