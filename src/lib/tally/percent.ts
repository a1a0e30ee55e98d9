/**
 * Percentages of a total, held as integer hundredths of a percent (90.10 % → 9010) and rounded
 * half up, the way results are published: 437 of 485 → 90.10 %, 4 of 485 → 0.82 %.
 * `null` when the total is zero: there is no percentage of nobody.
 */
export function percentHundredths(count: number, total: number): number | null {
	if (total <= 0) return null;
	// round(count × 10000 / total) half up, in integers: ⌊(2 × count × 10000 + total) / (2 × total)⌋.
	return Math.floor((count * 20_000 + total) / (2 * total));
}
