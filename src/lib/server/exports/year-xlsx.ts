/**
 * The year's workbook (exceljs): a header block naming the unit, the year, the rules and their
 * source and the day it was made, then one row per person with every score a real number
 * (truncated to hundredths, as shown) beside its grade.
 */
import ExcelJS from 'exceljs';
import type { DisplayLocale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS } from '$lib/tally/grades';
import { floorHundredths, type Rational } from '$lib/tally/rational';
import { gradeNameIn } from '$lib/wording';
import { quartersText, yearBasis, yearGradeNotes } from '$lib/year-notes';
import { header, POINTS } from './xlsx';
import { QUARTERS, quarterHeading, type YearDocument } from './year';

const points = (score: Rational | null) => (score ? floorHundredths(score) / 100 : null);

function headerBlock(
	sheet: ExcelJS.Worksheet,
	{ view, prepared }: YearDocument,
	locale: DisplayLocale
) {
	const [rules = '', ...basis] = yearBasis(view, locale);
	const rows: [string, string | number | Date][] = [
		[m.session_field_organisation(), view.organisation],
		[m.period_year(), view.year],
		[m.results_preset(), rules],
		...basis.map((line): [string, string] => ['', line]),
		[m.year_prepared(), new Date(Date.UTC(+prepared.year, +prepared.month - 1, +prepared.day))]
	];
	for (const [label, value] of rows) {
		const row = sheet.addRow([label, value]);
		row.getCell(1).font = { bold: true };
		if (value instanceof Date) row.getCell(2).numFmt = 'dd/mm/yyyy';
	}
	sheet.addRow([]);
}

export async function yearWorkbook(document: YearDocument, locale: DisplayLocale): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Phiếu Kín';
	const sheet = book.addWorksheet(m.year_sheet());
	headerBlock(sheet, document, locale);
	const quarterTitles = QUARTERS.flatMap((quarter) => {
		const name = quarterHeading(document.view, quarter, locale);
		return [m.year_quarter_score({ quarter: name }), m.year_quarter_grade({ quarter: name })];
	});
	header(sheet, [
		m.results_number(),
		m.subject_full_name(),
		m.subject_job_title(),
		m.year_group(),
		...quarterTitles,
		m.year_score(),
		m.year_scored_quarters_count(),
		m.year_grade(),
		m.year_notes(),
		m.year_not_completed()
	]);
	// Quarter I–IV's scores, then the year's.
	const scoreColumns = [5, 7, 9, 11, 13];
	document.view.rows.forEach((person, index) => {
		const row = sheet.addRow([
			index + 1,
			person.fullName,
			person.jobTitle,
			person.group || m.duty_group_default(),
			...person.quarters.flatMap((quarter) => [
				points(quarter?.score ?? null),
				quarter?.grade ? GRADE_ABBREVIATIONS[quarter.grade] : null
			]),
			points(person.score),
			person.scoredQuarters,
			person.grade ? gradeNameIn(person.grade, locale) : null,
			yearGradeNotes(person, locale).join('\n'),
			quartersText(person.notCompletedQuarters, locale)
		]);
		for (const column of scoreColumns) row.getCell(column).numFmt = POINTS;
		row.alignment = { wrapText: true, vertical: 'top' };
	});
	// The header block's labels sit in the first column, above the row numbers.
	const widths = [18, 28, 20, 16, ...QUARTERS.flatMap(() => [10, 10]), 12, 10, 30, 48, 16];
	widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
	return Buffer.from(await book.xlsx.writeBuffer());
}
