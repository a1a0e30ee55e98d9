/**
 * The year from its quarters (NĐ 335: "tính điểm trung bình, xếp loại chất lượng cuối năm"):
 * the year score is the mean of the quarterly scores that exist, graded by the preset's bands
 * and conditions, then the cap per duty group among the year's grades.
 */
import { capCountsPerGroup, type AppraisalPreset } from './appraisal-presets';
import { compareScoresDescending, gradeForScore } from './appraisal';
import { applyCapByGroup, type CapMove, type GroupedCapOutcome } from './cap';
import {
	applyConditions,
	yearFacts,
	type ConditionRecord,
	type ConditionalGrade
} from './conditions';
import type { Fraction } from './fraction';
import type { Grade } from './grades';
import { addRationals, type Rational } from './rational';

/** The exact mean of the scores given; `null` with none. */
export function meanScore(scores: readonly Rational[]): Rational | null {
	if (scores.length === 0) return null;
	const sum = scores.reduce((total, score) => addRationals(total, score));
	return { numerator: sum.numerator, denominator: sum.denominator * scores.length };
}

export interface QuarterFigures {
	quarter: 1 | 2 | 3 | 4;
	/** The quarter's counted mean score; `null` for a grade vote or a quarter not yet counted. */
	score: Rational | null;
	/** The quarter's grade as it stands: final if confirmed, else the collective result. */
	grade: Grade | null;
	record: ConditionRecord | null;
}

export interface YearPersonInput {
	id: string;
	group: string;
	quarters: readonly QuarterFigures[];
}

export interface YearPerson {
	id: string;
	group: string;
	/** The mean of the quarters with a score, and how many there were. */
	score: Rational | null;
	scoredQuarters: number;
	/** Band, conditions and the grade they give; `null` without any score. */
	conditional: ConditionalGrade | null;
	/** The year grade once the cap is applied. */
	grade: Grade | null;
	move: CapMove | null;
	/** Quarters graded *không hoàn thành*. */
	notCompletedQuarters: number[];
}

export interface YearResult {
	people: YearPerson[];
	cap: GroupedCapOutcome;
}

export function gradeYear(
	preset: Pick<AppraisalPreset, 'bands' | 'conditions' | 'cap'>,
	ratio: Fraction | null,
	people: readonly YearPersonInput[]
): YearResult {
	const graded = people.map((person) => {
		const quarters = [...person.quarters].sort((a, b) => a.quarter - b.quarter);
		const scores = quarters.flatMap((quarter) => (quarter.score ? [quarter.score] : []));
		const score = meanScore(scores);
		const conditional = score
			? applyConditions(
					gradeForScore(score, preset.bands),
					preset.conditions,
					yearFacts(quarters.map((quarter) => quarter.record))
				)
			: null;
		return {
			id: person.id,
			group: person.group,
			score,
			scoredQuarters: scores.length,
			conditional,
			notCompletedQuarters: quarters
				.filter((quarter) => quarter.grade === 'not_completed')
				.map((quarter) => quarter.quarter)
		};
	});
	const candidates = graded.flatMap((person) =>
		person.conditional && person.score
			? [
					{
						id: person.id,
						group: person.group,
						grade: person.conditional.grade,
						score: person.score
					}
				]
			: []
	);
	const cap = applyCapByGroup(
		candidates,
		(a, b) => compareScoresDescending(a.score, b.score),
		ratio,
		capCountsPerGroup(preset)
	);
	return {
		cap,
		people: graded.map((person) => ({
			...person,
			grade: person.conditional ? (cap.grades.get(person.id) ?? person.conditional.grade) : null,
			move: cap.moves.find((move) => move.id === person.id) ?? null
		}))
	};
}
