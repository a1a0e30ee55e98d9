/**
 * The cap on excellent grades: those graded excellent may not exceed a share (20 %) of those
 * graded good. Every candidate demoted to good raises the number graded good, so the number
 * kept is the largest k with k ≤ r × (good + candidates − k), that is
 * k = ⌊r × (good + candidates) / (1 + r)⌋; for r = 1/5, ⌊(good + candidates) / 6⌋.
 */
import type { Fraction } from './fraction';
import type { Grade } from './grades';

export interface CapCandidate {
	id: string;
	grade: Grade;
}

export interface CapMove {
	id: string;
	from: 'excellent';
	to: 'good';
	/** Demoted only because of a tie at the cut-off: a person must decide. */
	tied: boolean;
}

export interface CapOutcome {
	/** How many may stay excellent. */
	allowed: number;
	candidates: number;
	goodBefore: number;
	/** Demotions, lowest-ranked first. */
	moves: CapMove[];
	/** Candidates ranked equal across the cut-off, and how many of them may stay excellent. */
	tie: { ids: string[]; slots: number } | null;
	/** Every subject's grade once the cap is applied (tied candidates provisionally good). */
	grades: Map<string, Grade>;
}

export function allowedExcellent(good: number, candidates: number, ratio: Fraction): number {
	const bound = Math.floor(
		(ratio.numerator * (good + candidates)) / (ratio.denominator + ratio.numerator)
	);
	return Math.min(candidates, bound);
}

/**
 * Applies the cap. `compare` ranks two candidates: negative when the first ranks higher (a
 * better score), zero when they are equal.
 */
export function applyCap<T extends CapCandidate>(
	subjects: readonly T[],
	compare: (a: T, b: T) => number,
	ratio: Fraction | null
): CapOutcome {
	const grades = new Map(subjects.map((subject) => [subject.id, subject.grade]));
	const ranked = subjects.filter((subject) => subject.grade === 'excellent').sort(compare);
	const goodBefore = subjects.filter((subject) => subject.grade === 'good').length;
	const allowed = ratio ? allowedExcellent(goodBefore, ranked.length, ratio) : ranked.length;
	const outcome: CapOutcome = {
		allowed,
		candidates: ranked.length,
		goodBefore,
		moves: [],
		tie: null,
		grades
	};
	if (allowed >= ranked.length) return outcome;

	let firstDemoted = allowed;
	const last = ranked[allowed - 1];
	const next = ranked[allowed] as T;
	if (last && compare(last, next) === 0) {
		const tied = ranked.filter((candidate) => compare(candidate, next) === 0);
		firstDemoted = ranked.indexOf(tied[0] as T);
		outcome.tie = { ids: tied.map((candidate) => candidate.id), slots: allowed - firstDemoted };
	}
	const tiedIds = new Set(outcome.tie?.ids);
	for (const candidate of ranked.slice(firstDemoted).reverse()) {
		grades.set(candidate.id, 'good');
		outcome.moves.push({
			id: candidate.id,
			from: 'excellent',
			to: 'good',
			tied: tiedIds.has(candidate.id)
		});
	}
	return outcome;
}
