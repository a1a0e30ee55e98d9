/**
 * Reads a list of people pasted from a spreadsheet or typed one per line:
 * `full name <tab> position` (or a comma instead of the tab). A leading "No." column and a
 * header row, both common in Vietnamese lists (STT, Họ và tên, Chức vụ), are recognised and
 * skipped. Pure: errors are codes, worded by the page.
 */
export const MAX_NAME_LENGTH = 100;
export const MAX_JOB_TITLE_LENGTH = 200;

export interface PastedSubject {
	line: number;
	fullName: string;
	jobTitle: string;
}

export type PasteProblem = 'missing_name' | 'name_too_long' | 'job_title_too_long';

export interface PasteResult {
	subjects: PastedSubject[];
	problems: { line: number; problem: PasteProblem; text: string }[];
}

const HEADER = /^(stt|tt|số thứ tự|no\.?|#)?\s*[\t,]?\s*(họ (và )?tên|full name|name)\b/iu;
const ROW_NUMBER = /^\d{1,4}[.)]?$/;

function splitFields(line: string): string[] {
	if (line.includes('\t')) return line.split('\t').map((field) => field.trim());
	// With commas, a position may itself contain commas ("Phó Bí thư, Chủ tịch UBND"): the name
	// is what precedes the first comma, or the second when the first field is a row number.
	const fields = line.split(',').map((field) => field.trim());
	if (fields.length > 2 && ROW_NUMBER.test(fields[0] ?? '')) {
		return [fields[0] as string, fields[1] as string, fields.slice(2).join(', ')];
	}
	return fields.length > 1 ? [fields[0] as string, fields.slice(1).join(', ')] : fields;
}

export function parseSubjectList(text: string): PasteResult {
	const result: PasteResult = { subjects: [], problems: [] };
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	lines.forEach((rawLine, index) => {
		const line = index + 1;
		const trimmed = rawLine.trim();
		if (!trimmed) return;
		if (result.subjects.length === 0 && result.problems.length === 0 && HEADER.test(trimmed)) {
			return;
		}
		let fields = splitFields(rawLine);
		if (fields.length > 2 && ROW_NUMBER.test(fields[0] ?? '')) fields = fields.slice(1);
		const fullName = (fields[0] ?? '').replace(/\s+/g, ' ').trim();
		const jobTitle = fields.slice(1).filter(Boolean).join(', ').replace(/\s+/g, ' ').trim();
		if (!fullName || ROW_NUMBER.test(fullName)) {
			result.problems.push({ line, problem: 'missing_name', text: trimmed });
		} else if ([...fullName].length > MAX_NAME_LENGTH) {
			result.problems.push({ line, problem: 'name_too_long', text: trimmed });
		} else if ([...jobTitle].length > MAX_JOB_TITLE_LENGTH) {
			result.problems.push({ line, problem: 'job_title_too_long', text: trimmed });
		} else {
			result.subjects.push({ line, fullName, jobTitle });
		}
	});
	return result;
}
