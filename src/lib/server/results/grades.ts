/**
 * The organiser's records beside an appraisal's anonymous result: the person's self-assessment,
 * the proposal and the confirmed (final) grade. A final grade exists only once voting is closed,
 * and one that departs from the collective result (the vote with the cap applied) needs a
 * recorded reason.
 */
import { and, eq } from 'drizzle-orm';
import type { Grade } from '$lib/tally/grades';
import type { AppDatabase, Transaction } from '../db';
import { subject, voteSession } from '../db/schema';
import type { SessionView } from '../sessions/lifecycle';
import { sessionReport, type AppraisalReport } from './count';

/** Shorter than this, a reason for departing from the collective result is no reason. */
export const MIN_REASON_LENGTH = 5;

export interface OrganiserGrades {
	selfGrade: Grade | null;
	proposedGrade: Grade | null;
	finalGrade: Grade | null;
	/** Kept only when the final grade departs from the collective result. */
	finalReason: string | null;
}

export type GradeChange = 'ok' | 'not_found' | 'not_closed' | 'reason_required';

function collectiveGrade(report: AppraisalReport, subjectId: string): Grade | null | undefined {
	return report.rows.find((row) => row.subject.id === subjectId)?.capped;
}

/** The session's state as stored now, inside the transaction that changes its grades. */
function storedState(tx: Transaction, sessionId: string) {
	return tx
		.select({ state: voteSession.state })
		.from(voteSession)
		.where(eq(voteSession.id, sessionId))
		.get()?.state;
}

export function recordGrades(
	db: AppDatabase,
	session: SessionView,
	subjectId: string,
	grades: OrganiserGrades
): GradeChange {
	return db.transaction(
		(tx) => {
			const state = storedState(tx, session.id);
			if (!state) return 'not_found';
			let finalReason: string | null = null;
			if (grades.finalGrade) {
				if (state !== 'closed') return 'not_closed';
				const report = sessionReport(db, session);
				if (report.kind !== 'appraisal') return 'not_found';
				const collective = collectiveGrade(report, subjectId);
				if (collective === undefined) return 'not_found';
				if (grades.finalGrade !== collective) {
					finalReason = grades.finalReason?.trim() ?? '';
					if (finalReason.length < MIN_REASON_LENGTH) return 'reason_required';
				}
			}
			const { changes } = tx
				.update(subject)
				.set({ ...grades, finalReason })
				.where(and(eq(subject.id, subjectId), eq(subject.sessionId, session.id)))
				.run();
			return changes === 1 ? 'ok' : 'not_found';
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Confirms the collective result as the final grade of everyone who has none yet, except those
 * tied at the cap's cut-off, whom a person must decide. Returns how many were confirmed.
 */
export function confirmCollectiveGrades(db: AppDatabase, session: SessionView): number {
	return db.transaction(
		(tx) => {
			if (storedState(tx, session.id) !== 'closed') return 0;
			const report = sessionReport(db, session);
			if (report.kind !== 'appraisal') return 0;
			const tied = new Set(report.cap.tie?.ids ?? []);
			let confirmed = 0;
			for (const row of report.rows) {
				if (row.subject.finalGrade || !row.capped || tied.has(row.subject.id)) continue;
				tx.update(subject)
					.set({ finalGrade: row.capped, finalReason: null })
					.where(eq(subject.id, row.subject.id))
					.run();
				confirmed += 1;
			}
			return confirmed;
		},
		{ behavior: 'immediate' }
	);
}
