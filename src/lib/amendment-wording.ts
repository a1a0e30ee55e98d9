/**
 * An amendment of a published result in words, as the results page, the projector and the
 * minutes state it.
 */
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, type Grade } from '$lib/tally/grades';

export interface AmendedGrade {
	fullName: string;
	before: Grade | null;
	after: Grade;
}

/** "Trần Thị Bình: xếp loại HTTNV sửa thành HTXSNV". */
export function amendedGradeText({ fullName, before, after }: AmendedGrade): string {
	return m.amendment_grade({
		name: fullName,
		before: before ? GRADE_ABBREVIATIONS[before] : '—',
		after: GRADE_ABBREVIATIONS[after]
	});
}

/** What an amendment corrects: the grade first, then the correction in the organiser's words. */
export function amendmentWhat(amendment: {
	correction: string;
	grade: AmendedGrade | null;
}): string {
	const grade = amendment.grade ? [amendedGradeText(amendment.grade)] : [];
	return [...grade, amendment.correction].filter(Boolean).join('. ');
}
