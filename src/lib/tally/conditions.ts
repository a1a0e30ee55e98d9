/**
 * A grade is the score band (or the vote's median) capped by every condition the person does
 * not meet (QĐ 366 Điều 11, NĐ 335). Conditions are data in the preset; the facts are what the
 * organiser records for the person. Shares are compared on integers, never as decimals.
 */
import type { GradeCondition, TaskShare } from './appraisal-presets';
import { GRADES, type Grade } from './grades';

/** What the organiser records for one person and one period. Shares are whole percent. */
export interface ConditionRecord {
	completed: number;
	onTime: number;
	exceeded: number;
	shortcomingsFixed: boolean;
	discipline: boolean;
	degradation: boolean;
	corruption: boolean;
}

/**
 * Facts as the rules read them: shares summed over `periods` periods (1 for a quarter's own
 * record; the year adds its quarters), so a share is compared as `sum ≥ percent × periods`.
 */
export interface ConditionFacts extends ConditionRecord {
	periods: number;
}

export function factsOf(record: ConditionRecord): ConditionFacts {
	return { ...record, periods: 1 };
}

export type RecordProblem = 'range' | 'on_time_above_completed' | 'exceeded_above_completed';

/** Whole percents from 0 to 100; no more on time or exceeded than completed. */
export function recordProblems(record: ConditionRecord): RecordProblem[] {
	const shares = [record.completed, record.onTime, record.exceeded];
	if (!shares.every((share) => Number.isInteger(share) && share >= 0 && share <= 100))
		return ['range'];
	const problems: RecordProblem[] = [];
	if (record.onTime > record.completed) problems.push('on_time_above_completed');
	if (record.exceeded > record.completed) problems.push('exceeded_above_completed');
	return problems;
}

const SHARE_FIELD: Record<TaskShare, 'completed' | 'onTime' | 'exceeded'> = {
	completed: 'completed',
	on_time: 'onTime',
	exceeded: 'exceeded'
};

/** Which recorded facts the conditions read: the form asks for these only. */
export function factsNeeded(conditions: readonly GradeCondition[]): Set<keyof ConditionRecord> {
	const needed = new Set<keyof ConditionRecord>();
	for (const condition of conditions) {
		if (condition.kind === 'share_at_least') needed.add(SHARE_FIELD[condition.share]);
		else if (condition.kind === 'late_at_most') needed.add('onTime');
		else if (condition.kind === 'shortcomings_fixed') needed.add('shortcomingsFixed');
		else needed.add(condition.finding);
	}
	return needed;
}

/**
 * The share of tasks not done on time, in the facts' own terms (summed over the periods): every
 * task assigned but those completed on time, as NĐ 335's timeliness (on time ÷ assigned) counts.
 */
export function lateShare(facts: ConditionFacts): number {
	return 100 * facts.periods - facts.onTime;
}

export function meetsCondition(condition: GradeCondition, facts: ConditionFacts): boolean {
	switch (condition.kind) {
		case 'share_at_least':
			return facts[SHARE_FIELD[condition.share]] >= condition.percent * facts.periods;
		case 'late_at_most':
			return lateShare(facts) <= condition.percent * facts.periods;
		case 'shortcomings_fixed':
			return facts.shortcomingsFixed;
		case 'no_finding':
			return !facts[condition.finding];
	}
}

const rank = (grade: Grade) => GRADES.indexOf(grade);

export interface ConditionalGrade {
	/** The grade the score band (or the vote) gives. */
	band: Grade;
	/** The band once every unmet condition has capped it. */
	grade: Grade;
	/**
	 * The unmet conditions that lowered the band, the one that caps hardest last. Each holds
	 * its own grade (`keeps`) and every better one out of reach.
	 */
	caps: GradeCondition[];
	/**
	 * The preset has conditions but nothing is recorded for this person yet: `grade` is the band,
	 * provisional, and cannot be confirmed.
	 */
	pending: boolean;
}

export function applyConditions(
	band: Grade,
	conditions: readonly GradeCondition[],
	facts: ConditionFacts | null
): ConditionalGrade {
	if (conditions.length === 0) return { band, grade: band, caps: [], pending: false };
	if (!facts) return { band, grade: band, caps: [], pending: true };
	const caps = conditions
		.filter((condition) => rank(condition.keeps) >= rank(band) && !meetsCondition(condition, facts))
		.sort((a, b) => rank(a.keeps) - rank(b.keeps));
	const worst = caps.reduce(
		(lowest, condition) => Math.max(lowest, rank(condition.keeps) + 1),
		rank(band)
	);
	return { band, grade: GRADES[worst] as Grade, caps, pending: false };
}

/**
 * A year's facts from its quarters' records: shares add up over the quarters (so a 100 %
 * condition holds only if it held every quarter, and 30 % exceeded is met on the mean of the
 * quarters' shares, each quarter weighing the same, as in the year score); a finding in any
 * quarter stands for the year ("trong năm đánh giá"); shortcomings count as put right if the
 * latest record says so. `null` (pending) while any quarter has no record: a finding could hide
 * in it.
 */
export function yearFacts(quarters: readonly (ConditionRecord | null)[]): ConditionFacts | null {
	if (quarters.some((record) => record === null)) return null;
	const recorded = quarters as readonly ConditionRecord[];
	const latest = recorded[recorded.length - 1];
	if (!latest) return null;
	const sum = (field: 'completed' | 'onTime' | 'exceeded') =>
		recorded.reduce((total, record) => total + record[field], 0);
	const any = (field: 'discipline' | 'degradation' | 'corruption') =>
		recorded.some((record) => record[field]);
	return {
		periods: recorded.length,
		completed: sum('completed'),
		onTime: sum('onTime'),
		exceeded: sum('exceeded'),
		shortcomingsFixed: latest.shortcomingsFixed,
		discipline: any('discipline'),
		degradation: any('degradation'),
		corruption: any('corruption')
	};
}
