import { stringify } from 'csv-stringify/sync';
import type { ResultsExport } from './model';
import { amendmentsTable, resultsTable, type Cell, type ResultsTable } from './table';

/** Excel reads UTF-8 (and so Vietnamese diacritics) only when the file starts with a BOM. */
const BYTE_ORDER_MARK = '\uFEFF';

/** Hundredths as a plain decimal number ("90.10"), for any spreadsheet to read. */
function decimal(hundredths: number): string {
	return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const text = (cell: Cell) =>
	cell === null ? '' : typeof cell === 'object' ? decimal(cell.hundredths) : cell;

const records = ({ header, rows }: ResultsTable) => [header, ...rows.map((row) => row.map(text))];

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
