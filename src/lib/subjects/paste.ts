/**
 * Reads a list of people pasted from a spreadsheet or typed one per line. Pure: errors are
 * codes, worded by the page.
 *
 * Only two things are kept of a person: the full name and the job title. A row copied from a
 * spreadsheet is tab-separated and may carry more columns (unit, date of birth, notes); they are
 * never merged into the title. With a header row (Họ và tên, Chức vụ…) the two columns are found
 * by their headings wherever they stand; without one, a leading row-number column is skipped and
 * the first two columns are used. Every other non-empty cell is returned as `ignored` on its
 * row, and the header's other columns by name, for the page to show.
 *
 * A typed line may use commas instead: the name is what precedes the first comma (the second,
 * after a row number) and all the rest is the title, since a title may itself contain commas
 * ("Phó Bí thư, Chủ tịch UBND").
 */
export const MAX_NAME_LENGTH = 100;
export const MAX_JOB_TITLE_LENGTH = 200;

export interface PastedSubject {
	line: number;
	fullName: string;
	jobTitle: string;
	/** Non-empty cells of this row that are neither the name nor the title. */
	ignored: string[];
}

export type PasteProblem = 'missing_name' | 'name_too_long' | 'job_title_too_long';

/** Which columns a spreadsheet's header row named, by their headings. */
export interface HeadedColumns {
	name: string;
	title: string | null;
	ignored: string[];
}

export interface PasteResult {
	subjects: PastedSubject[];
	problems: { line: number; problem: PasteProblem; text: string }[];
	/** Set when a tab-separated header row said where the name and the title are. */
	columns: HeadedColumns | null;
}

const NAME_HEADING = /^(họ (và )?tên|họ, tên|full name|name)\b|^tên$/iu;
const TITLE_HEADING = /^(chức vụ|chức danh|position|job title|title)/iu;
const NUMBER_HEADING = /^(stt|tt|số thứ tự|số tt|no\.?|#)$/iu;
const ROW_NUMBER = /^\d{1,4}[.)]?$/;

const heading = (cell: string) => cell.replace(/[\s:*]+$/u, '').trim();
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Where a tab-separated header row puts each column, by position. */
interface Layout {
	name: number;
	title: number | null;
	numbers: number[];
	columns: HeadedColumns;
}

function headerLayout(cells: string[]): Layout | null {
	const headings = cells.map(heading);
	const name = headings.findIndex((cell) => NAME_HEADING.test(cell));
	if (name < 0) return null;
	let title = headings.findIndex((cell, index) => index !== name && TITLE_HEADING.test(cell));
	// A title column left without a heading right after the name is still the title.
	if (title < 0 && headings[name + 1] === '' && cells.length > name + 1) title = name + 1;
	const numbers = headings.flatMap((cell, index) => (NUMBER_HEADING.test(cell) ? [index] : []));
	const ignored = headings.filter(
		(cell, index) => cell && index !== name && index !== title && !numbers.includes(index)
	);
	return {
		name,
		title: title < 0 ? null : title,
		numbers,
		columns: {
			name: headings[name] as string,
			title: title < 0 ? null : (headings[title] ?? ''),
			ignored
		}
	};
}

function isHeader(line: string): boolean {
	return line
		.split(line.includes('\t') ? '\t' : ',')
		.some((cell) => NAME_HEADING.test(heading(cell)));
}

/** Name, title and unused cells of a spreadsheet row. */
function tabRow(cells: string[], layout: Layout | null) {
	if (layout) {
		const used = (index: number) =>
			index === layout.name || index === layout.title || layout.numbers.includes(index);
		return {
			name: cells[layout.name] ?? '',
			title: layout.title === null ? '' : (cells[layout.title] ?? ''),
			ignored: cells.filter((cell, index) => cell && !used(index))
		};
	}
	const row = cells.length > 1 && ROW_NUMBER.test(cells[0] ?? '') ? cells.slice(1) : cells;
	return { name: row[0] ?? '', title: row[1] ?? '', ignored: row.slice(2).filter(Boolean) };
}

/** Name and title of a typed line, commas kept in the title. */
function commaRow(line: string) {
	let fields = line.split(',').map((field) => field.trim());
	if (fields.length > 2 && ROW_NUMBER.test(fields[0] ?? '')) fields = fields.slice(1);
	return { name: fields[0] ?? '', title: fields.slice(1).join(', '), ignored: [] };
}

export function parseSubjectList(text: string): PasteResult {
	const result: PasteResult = { subjects: [], problems: [], columns: null };
	let layout: Layout | null = null;
	let first = true;
	for (const [index, rawLine] of text.replace(/\r\n?/g, '\n').split('\n').entries()) {
		const line = index + 1;
		const trimmed = rawLine.trim();
		if (!trimmed) continue;
		const cells = rawLine.includes('\t') ? rawLine.split('\t').map((cell) => cell.trim()) : null;
		// Only the first line with text may be a header.
		const header = first && isHeader(trimmed);
		first = false;
		if (header) {
			layout = cells ? headerLayout(cells) : null;
			result.columns = layout?.columns ?? null;
			continue;
		}
		const row = cells ? tabRow(cells, layout) : commaRow(rawLine);
		const fullName = tidy(row.name);
		const jobTitle = tidy(row.title);
		if (!fullName || ROW_NUMBER.test(fullName)) {
			result.problems.push({ line, problem: 'missing_name', text: trimmed });
		} else if ([...fullName].length > MAX_NAME_LENGTH) {
			result.problems.push({ line, problem: 'name_too_long', text: trimmed });
		} else if ([...jobTitle].length > MAX_JOB_TITLE_LENGTH) {
			result.problems.push({ line, problem: 'job_title_too_long', text: trimmed });
		} else {
			result.subjects.push({ line, fullName, jobTitle, ignored: row.ignored.map(tidy) });
		}
	}
	return result;
}
