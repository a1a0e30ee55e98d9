/**
 * Amendments (đính chính) of a published result. Once published a result is final: grades,
 * confirmations and paper ballots no longer change (grades.ts, publication.ts, ballots/paper.ts
 * refuse them). A correction is recorded beside it instead, with its reason, who made it and
 * when: a free-text correction (a misspelt name in the minutes, say), or for an appraisal a
 * person's corrected final grade. The published figures never change; a person's effective final
 * grade is their latest amendment's. Every amendment is audited.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { GRADE_ABBREVIATIONS, type Grade } from '$lib/tally/grades';
import type { AppDatabase } from '../db';
import { recordAudit } from '../db/audit';
import { generateId } from '../db/ids';
import { amendment, subject, user } from '../db/schema';
import type { SessionView } from '../sessions/lifecycle';
import { sessionReport } from './count';
import { capRefusal, MIN_REASON_LENGTH, storedState, type CapRefusal } from './grades';

/** Longest reason and correction kept: a sentence or a short paragraph of the minutes. */
export const MAX_REASON_LENGTH = 500;
export const MAX_CORRECTION_LENGTH = 2000;

export interface Amendment {
	id: string;
	at: Date;
	/** Who made it (their display name), `null` for an account since deleted. */
	who: string | null;
	reason: string;
	/** In the organiser's words; may be empty beside a corrected grade. */
	correction: string;
	/** A corrected final grade: the person (with their number on the ballot), before and after. */
	grade: {
		subjectId: string;
		number: number;
		fullName: string;
		before: Grade | null;
		after: Grade;
	} | null;
}

/** A session's amendments, oldest first (in the order they were made). */
export function listAmendments(db: AppDatabase, sessionId: string): Amendment[] {
	return (
		db
			.select({
				id: amendment.id,
				at: amendment.at,
				who: user.displayName,
				reason: amendment.reason,
				correction: amendment.correction,
				subjectId: amendment.subjectId,
				number: subject.position,
				fullName: subject.fullName,
				before: amendment.gradeBefore,
				after: amendment.gradeAfter
			})
			.from(amendment)
			.leftJoin(user, eq(amendment.userId, user.id))
			.leftJoin(subject, eq(amendment.subjectId, subject.id))
			.where(eq(amendment.sessionId, sessionId))
			// Two made in the same millisecond keep the order they were made in.
			.orderBy(asc(amendment.at), asc(sql`${amendment}.rowid`))
			.all()
			.map(({ subjectId, number, fullName, before, after, ...rest }) => ({
				...rest,
				grade:
					subjectId && after
						? { subjectId, number: number ?? 0, fullName: fullName ?? '', before, after }
						: null
			}))
	);
}

/** Each amended person's effective final grade: their latest amendment's. */
export function amendedGrades(amendments: readonly Amendment[]): Map<string, Grade> {
	const grades = new Map<string, Grade>();
	for (const { grade } of amendments) if (grade) grades.set(grade.subjectId, grade.after);
	return grades;
}

export interface AmendmentInput {
	reason: string;
	correction: string;
	/** Appraisals: the person whose final grade is corrected, and the corrected grade. */
	grade: { subjectId: string; after: Grade } | null;
}

export type AmendResult =
	| 'ok'
	| 'not_found'
	/** Before publication the result itself is corrected, not amended. */
	| 'not_published'
	| 'reason_required'
	/** Neither a correction in words nor a corrected grade. */
	| 'nothing_amended'
	/** The corrected grade is the grade the person already has. */
	| 'unchanged'
	| CapRefusal;

/** What the audit trail says was amended: the words, or the person's grade before and after. */
function auditDetail(input: AmendmentInput, fullName: string, before: Grade | null): string {
	const what = input.grade
		? `${fullName}: ${before ? GRADE_ABBREVIATIONS[before] : '—'} → ${GRADE_ABBREVIATIONS[input.grade.after]}`
		: '';
	return [what, input.correction, input.reason].filter(Boolean).join(' — ');
}

/**
 * Records an amendment of a published result. A corrected grade replaces the person's grade as
 * it stands (their latest amendment's, else the final grade, else the collective result) and is
 * refused, with each group's numbers, where it would break the cap that grade stood within.
 */
export function amendResult(
	db: AppDatabase,
	session: SessionView,
	userId: string | null,
	input: AmendmentInput
): AmendResult {
	const reason = input.reason.trim();
	const correction = input.correction.trim();
	if (reason.length < MIN_REASON_LENGTH) return 'reason_required';
	if (!correction && !input.grade) return 'nothing_amended';
	return db.transaction(
		(tx): AmendResult => {
			const stored = storedState(tx, session.id);
			if (!stored) return 'not_found';
			if (!stored.publishedAt) return 'not_published';
			let fullName = '';
			let before: Grade | null = null;
			if (input.grade) {
				const { subjectId, after } = input.grade;
				const report = sessionReport(db, session);
				if (report.kind !== 'appraisal') return 'not_found';
				const row = report.rows.find((candidate) => candidate.subject.id === subjectId);
				if (!row) return 'not_found';
				const standing = amendedGrades(listAmendments(db, session.id));
				before = standing.get(subjectId) ?? row.subject.finalGrade ?? row.capped;
				if (before === after) return 'unchanged';
				const refusal = capRefusal(report, new Map([[subjectId, after]]), standing);
				if (refusal) return refusal;
				fullName = row.subject.fullName;
			}
			tx.insert(amendment)
				.values({
					id: generateId(),
					sessionId: session.id,
					userId,
					at: new Date(),
					reason,
					correction,
					subjectId: input.grade?.subjectId ?? null,
					gradeBefore: before,
					gradeAfter: input.grade?.after ?? null
				})
				.run();
			const detail = auditDetail({ ...input, reason, correction }, fullName, before);
			recordAudit(tx, session.id, userId, 'amended', detail);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}
