/**
 * The results workbook (exceljs): results with real numbers and formatted percentages, the
 * session's totals, and the anonymous ballots in random order for an independent recount.
 */
import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';
import { choiceLabel, markLabel } from '$lib/wording';
import type { ResultsExport } from './model';

/** What the ballots sheet lists: whole ballots of choices, or separate score sheets. */
export type AnonymousBallots =
	| {
			kind: 'choices';
			subjects: { id: string; fullName: string }[];
			ballots: Record<string, string>[];
	  }
	| {
			kind: 'scores';
			subjects: { id: string; fullName: string }[];
			criteria: { id: string; name: string }[];
			sheets: { subjectId: string; halfPoints: Record<string, number> }[];
	  };

const PERCENT = '0.00%';
const POINTS = '0.00';
const grade = (value: Grade | null) => (value ? GRADE_ABBREVIATIONS[value] : '');

function header(sheet: ExcelJS.Worksheet, titles: string[]) {
	const row = sheet.addRow(titles);
	row.font = { bold: true };
	row.alignment = { wrapText: true, vertical: 'top' };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function resultsSheet(book: ExcelJS.Workbook, model: ResultsExport) {
	const sheet = book.addWorksheet(m.xlsx_sheet_results());
	if (model.confidence) {
		const marks = ['high', 'confidence', 'low', 'blank'] as const;
		header(sheet, [
			m.results_number(),
			m.subject_full_name(),
			m.subject_job_title(),
			...marks.flatMap((mark) => [
				markLabel[mark](),
				m.csv_percent_of({ label: markLabel[mark]() })
			]),
			m.results_band()
		]);
		for (const subject of model.confidence) {
			const row = sheet.addRow([
				subject.number,
				subject.fullName,
				subject.jobTitle,
				...marks.flatMap((mark) => [subject.counts[mark], subject.percentOfConvened[mark] / 100]),
				subject.band?.consequence ?? ''
			]);
			marks.forEach((_, index) => (row.getCell(5 + 2 * index).numFmt = PERCENT));
		}
	} else if (model.appraisal) {
		const byVote = model.session.mode === 'grades';
		const criteria = model.appraisal.subjects[0]?.score?.criteria ?? [];
		header(sheet, [
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
		]);
		for (const subject of model.appraisal.subjects) {
			const figures = byVote
				? GRADES.map((g) => subject.votes?.counts[g] ?? 0)
				: [
						...(subject.score?.criteria.map((criterion) => criterion.mean) ?? []),
						subject.score?.total ?? null
					];
			const row = sheet.addRow([
				subject.number,
				subject.fullName,
				subject.jobTitle,
				...figures,
				byVote ? (subject.votes?.total ?? 0) : (subject.score?.sheets ?? 0),
				grade(subject.collective),
				grade(subject.afterCap),
				grade(subject.selfGrade),
				grade(subject.proposedGrade),
				grade(subject.finalGrade),
				subject.finalReason ?? ''
			]);
			if (!byVote) figures.forEach((_, index) => (row.getCell(4 + index).numFmt = POINTS));
		}
	}
	sheet.getColumn(2).width = 28;
	sheet.getColumn(3).width = 28;
}

function sessionSheet(book: ExcelJS.Workbook, model: ResultsExport) {
	const sheet = book.addWorksheet(m.xlsx_sheet_session());
	const { totals } = model;
	const rows: [string, string | number | null][] = [
		[m.session_field_title(), model.session.title],
		[m.session_field_organisation(), model.session.organisation],
		[m.session_field_date(), model.session.meetingDate],
		[m.session_field_time(), model.session.meetingTime],
		[m.session_field_place(), model.session.place],
		[m.results_preset(), model.rules.name],
		[m.results_source({ source: '' }).trim(), model.rules.source],
		[m.totals_convened(), totals.convened],
		[m.totals_present(), totals.present],
		[m.totals_issued(), totals.issued],
		[m.totals_cards_issued(), totals.cardsIssued],
		[m.totals_paper_issued(), totals.paperIssued],
		[m.totals_returned(), totals.returned],
		[m.totals_paper_returned(), totals.paperReturned],
		[m.totals_valid(), totals.valid],
		[m.totals_invalid(), totals.invalid],
		[m.totals_quorum_needed(), totals.quorumNeeded],
		[m.open_override_reason(), totals.quorumOverrideReason]
	];
	for (const [label, value] of rows) sheet.addRow([label, value ?? '']);
	sheet.getColumn(1).width = 36;
	sheet.getColumn(2).width = 48;
	sheet.getColumn(1).font = { bold: true };
}

function ballotsSheet(book: ExcelJS.Workbook, ballots: AnonymousBallots) {
	const sheet = book.addWorksheet(m.xlsx_sheet_ballots());
	if (ballots.kind === 'choices') {
		header(sheet, [m.xlsx_ballot_number(), ...ballots.subjects.map((subject) => subject.fullName)]);
		ballots.ballots.forEach((ballot, index) =>
			sheet.addRow([
				index + 1,
				...ballots.subjects.map((subject) => choiceLabel(ballot[subject.id] ?? null))
			])
		);
	} else {
		const names = new Map(ballots.subjects.map((subject) => [subject.id, subject.fullName]));
		header(sheet, [
			m.xlsx_sheet_number(),
			m.subject_full_name(),
			...ballots.criteria.map((c) => c.name)
		]);
		ballots.sheets.forEach((entry, index) =>
			sheet.addRow([
				index + 1,
				names.get(entry.subjectId) ?? '',
				...ballots.criteria.map((criterion) => (entry.halfPoints[criterion.id] ?? 0) / 2)
			])
		);
	}
}

export async function resultsWorkbook(
	model: ResultsExport,
	ballots: AnonymousBallots
): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Phiếu Kín';
	resultsSheet(book, model);
	sessionSheet(book, model);
	ballotsSheet(book, ballots);
	return Buffer.from(await book.xlsx.writeBuffer());
}
