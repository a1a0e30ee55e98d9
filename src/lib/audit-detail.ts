/**
 * The detail of a `grade_confirmed` audit row, written by the server and read by the audit page:
 * "Nguyễn Văn An: HTTNV" (or "…: —" when a final grade is removed), readable as it is stored.
 */
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';

const NO_GRADE = '—';

export function gradeAuditDetail(fullName: string, grade: Grade | null): string {
	return `${fullName}: ${grade ? GRADE_ABBREVIATIONS[grade] : NO_GRADE}`;
}

/** The name and grade back; a name may hold ": " itself, the grade never does. */
export function readGradeAuditDetail(detail: string): { name: string; grade: Grade | null } {
	const cut = detail.lastIndexOf(': ');
	if (cut < 0) return { name: detail, grade: null };
	const abbreviation = detail.slice(cut + 2);
	const grade = GRADES.find((candidate) => GRADE_ABBREVIATIONS[candidate] === abbreviation);
	return { name: detail.slice(0, cut), grade: grade ?? null };
}
