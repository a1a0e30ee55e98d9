import { stringify } from 'csv-stringify/sync';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';
import { floorHundredths } from '$lib/tally/rational';
import { bandCondition, localized, markLabel } from '$lib/wording';
import type { AppraisalReport, ConfidenceReport, Report } from '../results/count';

/** Excel reads UTF-8 (and so Vietnamese diacritics) only when the file starts with a BOM. */
const BYTE_ORDER_MARK = '\uFEFF';

/** Hundredths as a plain decimal number ("90.10"), for any spreadsheet to read. */
function decimal(hundredths: number | null): string {
	if (hundredths === null) return '';
	return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const grade = (value: Grade | null) => (value ? GRADE_ABBREVIATIONS[value] : '');

function csv(rows: unknown[][]): string {
	return BYTE_ORDER_MARK + stringify(rows, { record_delimiter: 'windows' });
}

/** One row per person, in ballot order, with counts, percentages of the people convened and band. */
function confidenceCsv({ subjects, result }: ConfidenceReport): string {
	const marks = ['high', 'confidence', 'low', 'blank'] as const;
	const header = [
		m.results_number(),
		m.subject_full_name(),
		m.subject_job_title(),
		...marks.flatMap((mark) => [markLabel[mark](), m.csv_percent_of({ label: markLabel[mark]() })]),
		m.totals_convened(),
		m.results_band(),
		m.csv_consequence()
	];
	const byId = new Map(result.subjects.map((row) => [row.id, row]));
	const rows = subjects.map((person, index) => {
		const row = byId.get(person.id);
		return [
			index + 1,
			person.fullName,
			person.jobTitle,
			...marks.flatMap((mark) => [row?.counts[mark] ?? 0, decimal(row?.percent[mark] ?? null)]),
			result.convened,
			row?.band ? bandCondition(row.band) : '',
			row?.band ? localized(row.band.consequence) : ''
		];
	});
	return csv([header, ...rows]);
}

/** One row per person: the vote (distribution or mean scores), the cap, and the organiser's grades. */
function appraisalCsv(report: AppraisalReport): string {
	const byVote = report.rules.mode === 'grades';
	const header = [
		m.results_number(),
		m.subject_full_name(),
		m.subject_job_title(),
		...(byVote
			? GRADES.map((g) => GRADE_ABBREVIATIONS[g])
			: [...report.criteria.map((criterion) => criterion.name), m.appraisal_total()]),
		byVote ? m.appraisal_votes() : m.appraisal_sheets(),
		m.appraisal_collective(),
		m.appraisal_after_cap(),
		m.appraisal_self(),
		m.appraisal_proposed(),
		m.appraisal_final(),
		m.appraisal_final_reason()
	];
	const rows = report.rows.map((row, index) => [
		index + 1,
		row.subject.fullName,
		row.subject.jobTitle,
		...(byVote
			? GRADES.map((g) => row.votes?.counts[g] ?? 0)
			: [
					...report.criteria.map((criterion) => {
						const mean = row.score?.means[criterion.id];
						return mean ? decimal(floorHundredths(mean)) : '';
					}),
					row.score?.total ? decimal(floorHundredths(row.score.total)) : ''
				]),
		byVote ? (row.votes?.votes ?? 0) : (row.score?.sheets ?? 0),
		grade(row.collective),
		grade(row.capped),
		grade(row.subject.selfGrade),
		grade(row.subject.proposedGrade),
		grade(row.subject.finalGrade),
		row.subject.finalReason ?? ''
	]);
	return csv([header, ...rows]);
}

export function reportCsv(report: Report): string {
	return report.kind === 'confidence' ? confidenceCsv(report) : appraisalCsv(report);
}
