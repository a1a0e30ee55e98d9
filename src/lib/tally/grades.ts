/**
 * The four appraisal grades of Quy định 366-QĐ/TW and Nghị định 335/2025/NĐ-CP, best first.
 */
export const GRADES = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Grade = (typeof GRADES)[number];

/** The official abbreviations, used on screens, in exports and in the minutes. */
export const GRADE_ABBREVIATIONS: Record<Grade, string> = {
	excellent: 'HTXSNV',
	good: 'HTTNV',
	completed: 'HTNV',
	not_completed: 'KHTNV'
};

export function isGrade(value: unknown): value is Grade {
	return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

export type GradeCounts = Record<Grade, number>;

/**
 * The median grade: the best grade that more than half of the valid votes reach at that level
 * or better. `null` with no valid vote.
 */
export function medianGrade(counts: GradeCounts): Grade | null {
	const valid = GRADES.reduce((sum, grade) => sum + counts[grade], 0);
	let atLeast = 0;
	for (const grade of GRADES) {
		atLeast += counts[grade];
		if (2 * atLeast > valid) return grade;
	}
	return null;
}
