/**
 * The workbook writes text as text: a name typed as a formula stays a string cell, never a
 * formula a spreadsheet would run (exceljs writes JS strings as strings; this checks it).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FORMULA_NAMES, formulaNamedSession } from '../testing/formula-names';
import { resultsWorkbook } from './xlsx';

describe('the workbook', () => {
	it('keeps a name typed as a formula a text cell, as typed', async () => {
		const { model, ballots } = await formulaNamedSession();
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await resultsWorkbook(model, ballots)) as unknown as ExcelJS.Buffer);
		const results = book.getWorksheet('Kết quả')!;
		const cells = FORMULA_NAMES.flatMap((_, index) =>
			[2, 3].map((column) => results.getRow(index + 2).getCell(column))
		);
		// XML reads a carriage return back as a line feed; the text is otherwise as typed.
		const typed = FORMULA_NAMES.flat().map((text) => text.replace('\r', '\n'));
		expect(cells.map((cell) => cell.value)).toEqual(typed);
		for (const cell of cells) {
			expect(cell.type).toBe(ExcelJS.ValueType.String);
			expect(cell.formula).toBeUndefined();
		}
		// The ballots sheet heads its columns with the same names.
		const heading = book.getWorksheet('Phiếu (ngẫu nhiên)')!.getRow(1).getCell(2);
		expect([heading.type, heading.value]).toEqual([ExcelJS.ValueType.String, FORMULA_NAMES[0]![0]]);
	});
});
