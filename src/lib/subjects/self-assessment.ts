/**
 * A person's self-assessment before an appraisal's vote: the score they gave themself and the
 * grade they proposed for themself. Pure: read from what the organiser types or pastes, and
 * worded for the list and the ballot.
 *
 * The score is kept in hundredths of a point, as units write it ("92", "92,5", "87,25"), so it
 * is shown again exactly as written and never passes through floating point.
 */
import { formatScore, type DisplayLocale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';

export const MAX_SELF_SCORE = 10_000;

export interface SelfAssessment {
	/** Hundredths of a point, 0–10000; `null` when none was recorded. */
	selfScore: number | null;
	selfGrade: Grade | null;
}

/** "92", "92,5", "92.5" or "87,25" in hundredths; `null` when empty; `'invalid'` otherwise. */
export function parseSelfScore(text: string): number | null | 'invalid' {
	const typed = text.trim();
	if (!typed) return null;
	const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/u.exec(typed);
	if (!match) return 'invalid';
	const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return hundredths <= MAX_SELF_SCORE ? hundredths : 'invalid';
}

/** Lower case, without tone marks or punctuation: "Hoàn thành tốt" and "hoan thanh tot" meet. */
function folded(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/gu, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const gradeNames: Record<Grade, typeof m.grade_excellent> = {
	excellent: m.grade_excellent,
	good: m.grade_good,
	completed: m.grade_completed,
	not_completed: m.grade_not_completed
};

/**
 * Every way a unit's table writes a grade: its abbreviation, its full name in either language
 * (with or without the abbreviation after it), and the Vietnamese name without "nhiệm vụ".
 */
const GRADE_SPELLINGS: ReadonlyMap<string, Grade> = new Map(
	GRADES.flatMap((grade) => {
		const abbreviation = GRADE_ABBREVIATIONS[grade];
		const vietnamese = gradeNames[grade]({}, { locale: 'vi' });
		const names = [vietnamese, gradeNames[grade]({}, { locale: 'en' })];
		return [
			abbreviation,
			...names,
			...names.map((name) => `${name} ${abbreviation}`),
			folded(vietnamese).replace(/ nhiem vu$/u, '')
		].map((spelling) => [folded(spelling), grade] as const);
	})
);

/** A grade as written in a table, tolerant of case and tone marks; `null` when empty. */
export function parseSelfGrade(text: string): Grade | null | 'invalid' {
	const typed = folded(text);
	if (!typed) return null;
	return GRADE_SPELLINGS.get(typed) ?? 'invalid';
}

/** "92,5 điểm · HTXSNV": only what was recorded; `null` when nothing was. */
export function selfAssessmentText(
	person: SelfAssessment,
	locale: DisplayLocale = getLocale()
): string | null {
	const parts = [
		person.selfScore === null
			? null
			: m.points({ points: formatScore(person.selfScore, locale) }, { locale }),
		person.selfGrade === null ? null : GRADE_ABBREVIATIONS[person.selfGrade]
	].filter((part) => part !== null);
	return parts.length > 0 ? parts.join(' · ') : null;
}
