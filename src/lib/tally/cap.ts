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

/* ── Per group of similar duties ─────────────────────────────────────────────────── */

/** The group everyone is in until the organiser names groups. */
export const DEFAULT_DUTY_GROUP = '';

export interface GroupedCandidate extends CapCandidate {
	/** The group of people with similar duties; `''` for the one default group. */
	group: string;
}

export interface GroupCap {
	group: string;
	outcome: CapOutcome;
}

export interface GroupedCapOutcome {
	/** Each group's own count, in the order the groups first appear. */
	groups: GroupCap[];
	/** Every subject's grade once the cap is applied in their group. */
	grades: Map<string, Grade>;
	moves: CapMove[];
}

/**
 * Groups by duty when the cap's scope is the duty group, else puts everyone in one group.
 * Keeping the cap in every group also keeps it for the unit: 5·E₁ ≤ G₁ and 5·E₂ ≤ G₂ give
 * 5·(E₁+E₂) ≤ G₁+G₂.
 */
function byGroup<T extends { group: string }>(subjects: readonly T[], perGroup: boolean) {
	const groups = new Map<string, T[]>();
	for (const subject of subjects) {
		const key = perGroup ? subject.group : DEFAULT_DUTY_GROUP;
		groups.set(key, [...(groups.get(key) ?? []), subject]);
	}
	return groups;
}

export function applyCapByGroup<T extends GroupedCandidate>(
	subjects: readonly T[],
	compare: (a: T, b: T) => number,
	ratio: Fraction | null,
	perGroup: boolean
): GroupedCapOutcome {
	const groups = [...byGroup(subjects, perGroup)].map(([group, members]) => ({
		group,
		outcome: applyCap(members, compare, ratio)
	}));
	return {
		groups,
		grades: new Map(groups.flatMap(({ outcome }) => [...outcome.grades])),
		moves: groups.flatMap(({ outcome }) => outcome.moves)
	};
}

/** With `good` people graded good, how many may be graded excellent: ⌊ratio × good⌋. */
export function excellentAllowedBesideGood(good: number, ratio: Fraction): number {
	return Math.floor((ratio.numerator * good) / ratio.denominator);
}

/** A group whose grades break the cap, with the numbers the refusal gives. */
export interface CapBreach {
	group: string;
	excellent: number;
	good: number;
	allowed: number;
}

/**
 * Checks a set of final grades: in each group, excellent ≤ ratio × good, that is
 * `denominator × E ≤ numerator × G`. A group with no one good may have no one excellent.
 */
export function capBreaches(
	people: readonly { group: string; grade: Grade | null }[],
	ratio: Fraction | null,
	perGroup: boolean
): CapBreach[] {
	if (!ratio) return [];
	return [...byGroup(people, perGroup)].flatMap(([group, members]) => {
		const excellent = members.filter((person) => person.grade === 'excellent').length;
		const good = members.filter((person) => person.grade === 'good').length;
		const allowed = excellentAllowedBesideGood(good, ratio);
		return excellent > allowed ? [{ group, excellent, good, allowed }] : [];
	});
}

/** A rate set by the competent level for this session, with the document that sets it. */
export interface RecordedCapRate {
	/** Whole percent of those graded good. */
	percent: number;
	document: string;
}

/**
 * The rate in force: the recorded one when the preset sets none, or when it is higher than the
 * preset's (NĐ 335 khoản 5 điểm b); else the preset's.
 */
export function capRatioInForce(
	ratio: Fraction | null,
	recorded: RecordedCapRate | null
): Fraction | null {
	if (!recorded) return ratio;
	const own = { numerator: recorded.percent, denominator: 100 };
	if (!ratio) return own;
	return recorded.percent * ratio.denominator > ratio.numerator * 100 ? own : ratio;
}
