/**
 * The results workbook (exceljs): results with real numbers and formatted percentages, the
 * session's totals, the amendments of a published result (if any), and the anonymous ballots in
 * random order for an independent recount. exceljs writes every JS string as a text cell, never
 * a formula, so a name typed as `=HYPERLINK(…)` stays a name (xlsx.spec.ts checks it).
 */
import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages.js';
import { choiceLabel } from '$lib/wording';
import type { AnonymousBallots } from './ballots';
import type { ResultsExport } from './model';
import { amendmentsTable, resultsTable } from './table';

const PERCENT = '0.00%';
export const POINTS = '0.00';

/** A table's header row, bold, kept in view above the rows that follow it. */
export function header(sheet: ExcelJS.Worksheet, titles: string[]) {
	const row = sheet.addRow(titles);
	row.font = { bold: true };
	row.alignment = { wrapText: true, vertical: 'top' };
	sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

/** The results table with real numbers: a percentage as a fraction of one, shown as 90.10 %. */
function resultsSheet(book: ExcelJS.Workbook, model: ResultsExport) {
	const sheet = book.addWorksheet(m.xlsx_sheet_results());
	const table = resultsTable(model);
	header(sheet, table.header);
	for (const cells of table.rows) {
		const row = sheet.addRow(
			cells.map((cell) =>
				cell !== null && typeof cell === 'object'
					? cell.hundredths / (cell.unit === 'percent' ? 10_000 : 100)
					: cell
			)
		);
		cells.forEach((cell, index) => {
			if (cell !== null && typeof cell === 'object') {
				row.getCell(index + 1).numFmt = cell.unit === 'percent' ? PERCENT : POINTS;
			}
		});
	}
	sheet.getColumn(2).width = 28;
	sheet.getColumn(3).width = 28;
	// An appraisal's conditions are sentences, with their articles.
	const conditions = table.header.indexOf(m.appraisal_condition_caps());
	if (conditions >= 0) {
		const column = sheet.getColumn(conditions + 1);
		column.width = 60;
		column.alignment = { wrapText: true, vertical: 'top' };
	}
}

/** A label, its value and the value's number format, if any. */
type SessionRow = [string, string | number | null, string?];

/** An appraisal's period, the cap's rate in force and its document, and grades withheld. */
function appraisalRows(model: ResultsExport): SessionRow[] {
	const { appraisal, session } = model;
	if (!appraisal) return [];
	const cap = appraisal.cap;
	const rows: SessionRow[] = [[m.period_legend(), session.period?.text ?? null]];
	if (cap) {
		rows.push([m.xlsx_cap_rate(), cap.ratio.numerator / cap.ratio.denominator, PERCENT]);
		rows.push([m.xlsx_cap_document(), cap.recordedRate?.document ?? null]);
	}
	if (appraisal.gradesWithheld) rows.push([m.appraisal_collective(), m.grades_withheld_figures()]);
	return rows;
}

function sessionSheet(book: ExcelJS.Workbook, model: ResultsExport) {
	const sheet = book.addWorksheet(m.xlsx_sheet_session());
	const { totals } = model;
	const rows: SessionRow[] = [
		[m.session_field_title(), model.session.title],
		[m.session_field_organisation(), model.session.organisation],
		[m.session_field_date(), model.session.meetingDate],
		[m.session_field_time(), model.session.meetingTime],
		[m.session_field_place(), model.session.place],
		[m.results_preset(), model.rules.name],
		[m.results_source({ source: '' }).trim(), model.rules.source],
		...(totals.base ? ([[m.csv_base(), totals.base.text]] as SessionRow[]) : []),
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
		[m.open_override_reason(), totals.quorumOverrideReason],
		...appraisalRows(model)
	];
	for (const [label, value, format] of rows) {
		const row = sheet.addRow([label, value ?? '']);
		if (format) row.getCell(2).numFmt = format;
	}
	sheet.getColumn(1).width = 36;
	sheet.getColumn(2).width = 48;
	sheet.getColumn(1).font = { bold: true };
}

/** Each amendment of the published result, oldest first: when, who, what and why. */
function amendmentsSheet(book: ExcelJS.Workbook, model: ResultsExport) {
	const table = amendmentsTable(model);
	if (!table) return;
	const sheet = book.addWorksheet(m.xlsx_sheet_amendments());
	header(sheet, table.header);
	for (const cells of table.rows) sheet.addRow(cells);
	sheet.columns.forEach((column) => (column.width = 18));
	for (const index of [6, 7]) {
		const column = sheet.getColumn(index);
		column.width = 48;
		column.alignment = { wrapText: true, vertical: 'top' };
	}
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
	amendmentsSheet(book, model);
	ballotsSheet(book, ballots);
	return Buffer.from(await book.xlsx.writeBuffer());
}
