/**
 * The results as one table, a row per person, shared by the CSV and the workbook's results
 * sheet so that both carry the same columns. Figures stay integer hundredths until a format
 * writes them.
 */
import { clockParts } from '$lib/format';
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

type Appraisal = NonNullable<ResultsExport['appraisal']>;
type AppraisalSubject = Appraisal['subjects'][number];

/** Each unmet condition's reason, or that none is recorded yet (the grade is then provisional). */
function conditionsCell(subject: AppraisalSubject): string {
	if (subject.conditionsPending) return m.conditions_pending_note();
	return subject.conditionCaps.map((cap) => cap.reason).join(' ');
}

function capMoveCell(subject: AppraisalSubject): string {
	if (!subject.capMove) return '';
	return subject.capMove === 'tie' ? m.cap_moved_tie() : m.cap_moved_down();
}

/**
 * The grade's making, left to right: the duty group, the self-assessment, the vote (distribution
 * or mean scores) and its grade, the conditions, the cap, the collective result, then the
 * organiser's proposal and final grade, and the grade after an amendment, if any.
 */
function appraisalTable(appraisal: Appraisal, byVote: boolean): ResultsTable {
	const criteria = appraisal.subjects[0]?.score?.criteria ?? [];
	const withheld = appraisal.gradesWithheld ? m.grades_withheld_figures() : null;
	return {
		header: [
			m.results_number(),
			m.subject_full_name(),
			m.subject_job_title(),
			m.appraisal_duty_group(),
			m.appraisal_self_score(),
			m.appraisal_self_grade(),
			...(byVote
				? GRADES.map((g) => GRADE_ABBREVIATIONS[g])
				: [...criteria.map((criterion) => criterion.name), m.appraisal_total()]),
			byVote ? m.appraisal_votes() : m.appraisal_sheets(),
			m.appraisal_band(),
			m.appraisal_condition_caps(),
			m.appraisal_after_conditions(),
			m.appraisal_cap_move(),
			m.appraisal_collective(),
			m.appraisal_self_score_gap(),
			m.appraisal_proposed(),
			m.appraisal_final(),
			m.appraisal_final_reason(),
			m.amendment_grade_after_column()
		],
		rows: appraisal.subjects.map((subject): Cell[] => [
			subject.number,
			subject.fullName,
			subject.jobTitle,
			subject.dutyGroup || m.duty_group_default(),
			points(subject.selfScore),
			grade(subject.selfGrade),
			...(byVote
				? GRADES.map((g) => subject.votes?.counts[g] ?? 0)
				: [
						...criteria.map((_, index) => points(subject.score?.criteria[index]?.mean ?? null)),
						points(subject.score?.total ?? null)
					]),
			byVote ? (subject.votes?.total ?? 0) : (subject.score?.sheets ?? 0),
			grade(subject.band),
			conditionsCell(subject),
			grade(subject.afterConditions),
			capMoveCell(subject),
			withheld ?? grade(subject.collectiveResult),
			subject.departsFromSelfScore ? m.csv_yes() : '',
			grade(subject.proposedGrade),
			grade(subject.finalGrade),
			subject.finalReason ?? '',
			grade(subject.amendedGrade)
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

/** "05/01/2027 09:15" on the meeting room's clock, as the minutes date an amendment. */
function stamp(date: Date): string {
	const { day, month, year, hour, minute } = clockParts(date);
	return `${day}/${month}/${year} ${hour}:${minute}`;
}

/**
 * The amendments of a published result, oldest first, as a second table after the results (CSV)
 * or a sheet of their own (XLSX); `null` when there are none.
 */
export function amendmentsTable(model: ResultsExport): ResultsTable | null {
	if (model.amendments.length === 0) return null;
	return {
		header: [
			m.amendment_at(),
			m.audit_who(),
			m.subject_full_name(),
			m.amendment_grade_before(),
			m.amendment_grade_after_column(),
			m.amendment_correction(),
			m.amendment_reason()
		],
		rows: model.amendments.map((amendment): Cell[] => [
			stamp(new Date(amendment.at)),
			amendment.by ?? '',
			amendment.grade?.fullName ?? '',
			grade(amendment.grade?.before ?? null),
			grade(amendment.grade?.after ?? null),
			amendment.correction,
			amendment.reason
		])
	};
}
