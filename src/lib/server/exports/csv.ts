import { stringify } from 'csv-stringify/sync';
import type { ResultsExport } from './model';
import { amendmentsTable, resultsTable, type Cell, type ResultsTable } from './table';

/** Excel reads UTF-8 (and so Vietnamese diacritics) only when the file starts with a BOM. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * What a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`), or a tab or carriage
 * return that may hide one: a name typed as `=HYPERLINK(…)` must stay a name.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as written to the CSV: one that starts a formula gets a single quote in front, as
 * OWASP advises against CSV injection. Only text is neutralised: numbers are written as numbers
 * (no figure of these tables is negative, so none starts with a minus), and the quote shows in
 * the cell, so a reader knows the text was neutralised.
 */
export function neutralised(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Hundredths as a plain decimal number ("90.10"), for any spreadsheet to read. */
function decimal(hundredths: number): string {
	return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const text = (cell: Cell) =>
	cell === null
		? ''
		: typeof cell === 'object'
			? decimal(cell.hundredths)
			: typeof cell === 'number'
				? cell
				: neutralised(cell);

const records = ({ header, rows }: ResultsTable) => [
	header.map(neutralised),
	...rows.map((row) => row.map(text))
];

/**
 * One row per person, in ballot order: the results table of every format. The amendments of a
 * published result follow after an empty line, as a table of their own.
 */
export function resultsCsv(model: ResultsExport): string {
	const amendments = amendmentsTable(model);
	return (
		BYTE_ORDER_MARK +
		stringify(
			[...records(resultsTable(model)), ...(amendments ? [[], ...records(amendments)] : [])],
			{ record_delimiter: 'windows' }
		)
	);
}
