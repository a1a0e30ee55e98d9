/**
 * The results as one table, a row per person, shared by the CSV and the workbook's results
 * sheet so that both carry the same columns. Figures stay integer hundredths until a format
 * writes them.
 */
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';
import { COUNTED_ROWS } from '$lib/tally/confidence';
import { baseCell, markLabel } from '$lib/wording';
import type { ResultsExport } from './model';

type Base = NonNullable<ResultsExport['totals']['base']>;

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
const percent = (hundredths: number | null): Cell =>
	hundredths === null ? null : { hundredths, unit: 'percent' };
const points = (hundredths: number | null): Cell =>
	hundredths === null ? null : { hundredths, unit: 'points' };

/** Counts, percentages on the rules' base and the band, per person in ballot order. */
function confidenceTable(
	people: NonNullable<ResultsExport['confidence']>,
	base: Base,
	issuer: ResultsExport['rules']['issuer']
) {
	const baseSize = baseCell(base, { issuer });
	return {
		header: [
			m.results_number(),
			m.subject_full_name(),
			m.subject_job_title(),
			...COUNTED_ROWS.flatMap((row) => [
				markLabel[row](),
				m.csv_percent_of({ label: markLabel[row]() })
			]),
			m.csv_base(),
			m.results_band(),
			m.csv_consequence(),
			m.csv_article()
		],
		rows: people.map((person): Cell[] => [
			person.number,
			person.fullName,
			person.jobTitle,
			...COUNTED_ROWS.flatMap((row) => [person.counts[row], percent(person.percent[row])]),
			baseSize,
			person.band?.condition ?? '',
			person.band?.consequence ?? '',
			person.band?.article ?? ''
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
	if (model.confidence && model.totals.base) {
		return confidenceTable(model.confidence, model.totals.base, model.rules.issuer);
	}
	if (model.appraisal) return appraisalTable(model.appraisal, model.session.mode === 'grades');
	return { header: [], rows: [] };
}
