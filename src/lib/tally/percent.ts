/**
 * Percentages of a total, held as integer hundredths of a percent (90.10 % → 9010) and rounded
 * half up, the way results are published: 437 of 485 → 90.10 %, 4 of 485 → 0.82 %.
 *
 * `null` when there is no such percentage: of a total of zero (there is no percentage of
 * nobody), and of a count outside 0…total. A count above its total is not a share of it (6 low
 * of 5 deputies convened): only figures that contradict each other produce one, and printing
 * "120,00 %" would hide that; the caller states the discrepancy instead (see `reconcile` in
 * confidence.ts). So every percentage this returns lies between 0 and 100 %.
 */
export function percentHundredths(count: number, total: number): number | null {
	if (total <= 0 || count < 0 || count > total) return null;
	// round(count × 10000 / total) half up, in integers: ⌊(2 × count × 10000 + total) / (2 × total)⌋.
	return Math.floor((count * 20_000 + total) / (2 * total));
}
