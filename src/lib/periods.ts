/**
 * Appraisal periods: a quarter of a year, a year, or a term. Pure.
 */
export type Period =
	| { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
	| { kind: 'year'; year: number }
	| { kind: 'term'; label: string };

/**
 * The period a cloned session appraises: the next quarter or year. A term has none: the next
 * term is appraised by other people, under a label no one can guess, so it is a new session.
 */
export function nextPeriod(period: Period): Period | null {
	switch (period.kind) {
		case 'quarter':
			return period.quarter === 4
				? { kind: 'quarter', year: period.year + 1, quarter: 1 }
				: { kind: 'quarter', year: period.year, quarter: (period.quarter + 1) as 2 | 3 | 4 };
		case 'year':
			return { kind: 'year', year: period.year + 1 };
		case 'term':
			return null;
	}
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** "III" for the third quarter, as Vietnamese documents write it. */
export function romanQuarter(quarter: 1 | 2 | 3 | 4): string {
	return ROMAN[quarter - 1] as string;
}
