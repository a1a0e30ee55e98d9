/**
 * The results as one table, a row per person, shared by the CSV and the workbook's results
 * sheet so that both carry the same columns. Figures stay integer hundredths until a format
 * writes them.
 */
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';
import { markLabel } from '$lib/wording';
import type { ResultsExport } from './model';

export type Cell =
	| string
	| number
	| null
	/** Hundredths of a percent (9010 is 90.10 %) or of a point. */
	| { hundredths: number; unit: 'percent' | 'points' };

export interface ResultsTable {
	header: string[];
	rows: Cell[][];
}

const grade = (value: Grade | null) => (value ? GRADE_ABBREVIATIONS[value] : '');
const percent = (hundredths: number): Cell => ({ hundredths, unit: 'percent' });
const points = (hundredths: number | null): Cell =>
	hundredths === null ? null : { hundredths, unit: 'points' };

/** Counts, percentages of the people convened and the band, per person in ballot order. */
function confidenceTable(people: NonNullable<ResultsExport['confidence']>, convened: number) {
	const marks = ['high', 'confidence', 'low', 'blank'] as const;
	return {
		header: [
			m.results_number(),
			m.subject_full_name(),
			m.subject_job_title(),
			...marks.flatMap((mark) => [
				markLabel[mark](),
				m.csv_percent_of({ label: markLabel[mark]() })
			]),
			m.totals_convened(),
			m.results_band(),
			m.csv_consequence()
		],
		rows: people.map((person): Cell[] => [
			person.number,
			person.fullName,
			person.jobTitle,
			...marks.flatMap((mark) => [person.counts[mark], percent(person.percentOfConvened[mark])]),
			convened,
			person.band?.condition ?? '',
			person.band?.consequence ?? ''
		])
	};
}

/** The vote (distribution or mean scores), the cap, and the organiser's grades. */
function appraisalTable(
	appraisal: NonNullable<ResultsExport['appraisal']>,
	byVote: boolean
): ResultsTable {
	const criteria = appraisal.subjects[0]?.score?.criteria ?? [];
	return {
		header: [
			m.results_number(),
			m.subject_full_name(),
			m.subject_job_title(),
			...(byVote
				? GRADES.map((g) => GRADE_ABBREVIATIONS[g])
				: [...criteria.map((criterion) => criterion.name), m.appraisal_total()]),
			byVote ? m.appraisal_votes() : m.appraisal_sheets(),
			m.appraisal_collective(),
			m.appraisal_after_cap(),
			m.appraisal_self(),
			m.appraisal_proposed(),
			m.appraisal_final(),
			m.appraisal_final_reason()
		],
		rows: appraisal.subjects.map((subject): Cell[] => [
			subject.number,
			subject.fullName,
			subject.jobTitle,
			...(byVote
				? GRADES.map((g) => subject.votes?.counts[g] ?? 0)
				: [
						...criteria.map((_, index) => points(subject.score?.criteria[index]?.mean ?? null)),
						points(subject.score?.total ?? null)
					]),
			byVote ? (subject.votes?.total ?? 0) : (subject.score?.sheets ?? 0),
			grade(subject.collective),
			grade(subject.afterCap),
			grade(subject.selfGrade),
			grade(subject.proposedGrade),
			grade(subject.finalGrade),
			subject.finalReason ?? ''
		])
	};
}

export function resultsTable(model: ResultsExport): ResultsTable {
	if (model.confidence) return confidenceTable(model.confidence, model.totals.convened);
	if (model.appraisal) return appraisalTable(model.appraisal, model.session.mode === 'grades');
	return { header: [], rows: [] };
}
