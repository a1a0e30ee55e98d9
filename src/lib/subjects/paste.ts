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
 *
 * An appraisal's list may say more of each person, as units keep it in their tables: after the
 * name and the title, the duty group, the self-score and the self-grade, found by their headings
 * or, without a header row, in the next three columns. Any of them may be left empty.
 */
import type { Grade } from '$lib/tally/grades';
import { typedDutyGroup } from './duty-group';
import { parseSelfGrade, parseSelfScore } from './self-assessment';

export const MAX_NAME_LENGTH = 100;
export const MAX_JOB_TITLE_LENGTH = 200;
export const MAX_DUTY_GROUP_LENGTH = MAX_JOB_TITLE_LENGTH;

export interface PastedSubject {
	line: number;
	fullName: string;
	jobTitle: string;
	/** Non-empty cells of this row that are none of the columns read. */
	ignored: string[];
	/** Appraisals only: the duty group ('' for the default group) and the self-assessment. */
	dutyGroup?: string;
	/** Hundredths of a point. */
	selfScore?: number | null;
	selfGrade?: Grade | null;
}

export type PasteProblem =
	| 'missing_name'
	| 'name_too_long'
	| 'job_title_too_long'
	| 'duty_group_too_long'
	| 'self_score_invalid'
	| 'self_grade_invalid';

/** An appraisal's columns after the name and the title, in the order of a table without header. */
const APPRAISAL_COLUMNS = ['dutyGroup', 'selfScore', 'selfGrade'] as const;
type AppraisalColumn = (typeof APPRAISAL_COLUMNS)[number];

/** Which columns a spreadsheet's header row named, by their headings. */
export interface HeadedColumns extends Partial<Record<AppraisalColumn, string>> {
	name: string;
	title: string | null;
	ignored: string[];
}

export interface PasteResult {
	subjects: PastedSubject[];
	/** `cell`: the cell at fault, when the problem is one cell's. */
	problems: { line: number; problem: PasteProblem; text: string; cell?: string }[];
	/** Set when a tab-separated header row said where the name and the title are. */
	columns: HeadedColumns | null;
}

const NAME_HEADING = /^(họ (và )?tên|họ, tên|full name|name)\b|^tên$/iu;
const TITLE_HEADING = /^(chức vụ|chức danh|position|job title|title)/iu;
const NUMBER_HEADING = /^(stt|tt|số thứ tự|số tt|no\.?|#)$/iu;
const APPRAISAL_HEADINGS: Record<AppraisalColumn, RegExp> = {
	dutyGroup: /^(nhóm|duty group|group)/iu,
	selfScore: /^(điểm tự|tự chấm|tự đánh giá,? (chấm )?điểm|self[- ]?score)/iu,
	selfGrade: /^(tự xếp loại|mức tự|xếp loại tự|tự đánh giá,? xếp loại|self[- ]?grade)/iu
};
const ROW_NUMBER = /^\d{1,4}[.)]?$/;

const heading = (cell: string) => cell.replace(/[\s:*]+$/u, '').trim();
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Where a tab-separated header row puts each column, by position. */
interface Layout {
	name: number;
	title: number | null;
	numbers: number[];
	/** An appraisal's columns found by their headings. */
	appraisal: Partial<Record<AppraisalColumn, number>>;
	columns: HeadedColumns;
}

function headerLayout(cells: string[], appraisal: boolean): Layout | null {
	const headings = cells.map(heading);
	const name = headings.findIndex((cell) => NAME_HEADING.test(cell));
	if (name < 0) return null;
	let title = headings.findIndex((cell, index) => index !== name && TITLE_HEADING.test(cell));
	// A title column left without a heading right after the name is still the title.
	if (title < 0 && headings[name + 1] === '' && cells.length > name + 1) title = name + 1;
	const numbers = headings.flatMap((cell, index) => (NUMBER_HEADING.test(cell) ? [index] : []));
	const found: Layout['appraisal'] = {};
	const named: Partial<Record<AppraisalColumn, string>> = {};
	for (const column of appraisal ? APPRAISAL_COLUMNS : []) {
		const index = headings.findIndex(
			(cell, at) => at !== name && at !== title && APPRAISAL_HEADINGS[column].test(cell)
		);
		if (index >= 0) [found[column], named[column]] = [index, headings[index] as string];
	}
	const used = [name, title, ...numbers, ...Object.values(found)];
	return {
		name,
		title: title < 0 ? null : title,
		numbers,
		appraisal: found,
		columns: {
			name: headings[name] as string,
			title: title < 0 ? null : (headings[title] ?? ''),
			...named,
			ignored: headings.filter((cell, index) => cell && !used.includes(index))
		}
	};
}

function isHeader(line: string): boolean {
	return line
		.split(line.includes('\t') ? '\t' : ',')
		.some((cell) => NAME_HEADING.test(heading(cell)));
}

/** What a row holds, as text: its name, its title, an appraisal's cells and the cells unused. */
interface Row {
	name: string;
	title: string;
	appraisal: Record<AppraisalColumn, string>;
	ignored: string[];
}

const noAppraisalCells: Row['appraisal'] = { dutyGroup: '', selfScore: '', selfGrade: '' };

/** A spreadsheet row, by its header's layout or else by position. */
function tabRow(cells: string[], layout: Layout | null, appraisal: boolean): Row {
	if (layout) {
		const read = (index: number | null | undefined) =>
			index === null || index === undefined ? '' : (cells[index] ?? '');
		const used = [layout.name, layout.title, ...layout.numbers, ...Object.values(layout.appraisal)];
		return {
			name: read(layout.name),
			title: read(layout.title),
			appraisal: {
				dutyGroup: read(layout.appraisal.dutyGroup),
				selfScore: read(layout.appraisal.selfScore),
				selfGrade: read(layout.appraisal.selfGrade)
			},
			ignored: cells.filter((cell, index) => cell && !used.includes(index))
		};
	}
	const row = cells.length > 1 && ROW_NUMBER.test(cells[0] ?? '') ? cells.slice(1) : cells;
	const [name = '', title = '', ...rest] = row;
	// An appraisal reads the next three columns; what is beyond them is unused.
	const [dutyGroup = '', selfScore = '', selfGrade = ''] = appraisal ? rest : [];
	return {
		name,
		title,
		appraisal: { dutyGroup, selfScore, selfGrade },
		ignored: rest.slice(appraisal ? APPRAISAL_COLUMNS.length : 0).filter(Boolean)
	};
}

/** Name and title of a typed line, commas kept in the title. */
function commaRow(line: string): Row {
	let fields = line.split(',').map((field) => field.trim());
	if (fields.length > 2 && ROW_NUMBER.test(fields[0] ?? '')) fields = fields.slice(1);
	return {
		name: fields[0] ?? '',
		title: fields.slice(1).join(', '),
		appraisal: noAppraisalCells,
		ignored: []
	};
}

/** An appraisal's cells read, or the first one that cannot be. */
function appraisalFields(
	cells: Row['appraisal']
): Required<Pick<PastedSubject, AppraisalColumn>> | { problem: PasteProblem; cell: string } {
	const dutyGroup = typedDutyGroup(cells.dutyGroup);
	if ([...dutyGroup].length > MAX_DUTY_GROUP_LENGTH) {
		return { problem: 'duty_group_too_long', cell: dutyGroup };
	}
	const selfScore = parseSelfScore(cells.selfScore);
	if (selfScore === 'invalid')
		return { problem: 'self_score_invalid', cell: tidy(cells.selfScore) };
	const selfGrade = parseSelfGrade(cells.selfGrade);
	if (selfGrade === 'invalid')
		return { problem: 'self_grade_invalid', cell: tidy(cells.selfGrade) };
	return { dutyGroup, selfScore, selfGrade };
}

/** `appraisal`: read the duty group and the self-assessment too (see above). */
export function parseSubjectList(text: string, { appraisal = false } = {}): PasteResult {
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
			layout = cells ? headerLayout(cells, appraisal) : null;
			result.columns = layout?.columns ?? null;
			continue;
		}
		const row = cells ? tabRow(cells, layout, appraisal) : commaRow(rawLine);
		const fullName = tidy(row.name);
		const jobTitle = tidy(row.title);
		const extra = appraisal ? appraisalFields(row.appraisal) : null;
		if (!fullName || ROW_NUMBER.test(fullName)) {
			result.problems.push({ line, problem: 'missing_name', text: trimmed });
		} else if ([...fullName].length > MAX_NAME_LENGTH) {
			result.problems.push({ line, problem: 'name_too_long', text: trimmed });
		} else if ([...jobTitle].length > MAX_JOB_TITLE_LENGTH) {
			result.problems.push({ line, problem: 'job_title_too_long', text: trimmed });
		} else if (extra && 'problem' in extra) {
			result.problems.push({ line, text: trimmed, ...extra });
		} else {
			result.subjects.push({ line, fullName, jobTitle, ignored: row.ignored.map(tidy), ...extra });
		}
	}
	return result;
}
