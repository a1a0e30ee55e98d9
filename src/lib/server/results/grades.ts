/**
 * The organiser's records beside an appraisal's anonymous result: the person's self-assessment,
 * the proposal and the confirmed (final) grade. A final grade exists only once voting is closed,
 * and one that departs from the collective result (the vote with the cap applied) needs a
 * recorded reason.
 */
import { and, eq } from 'drizzle-orm';
import { capBreaches, capRatioInForce, type CapBreach, type RecordedCapRate } from '$lib/tally/cap';
import { recordProblems, type ConditionRecord } from '$lib/tally/conditions';
import type { Grade } from '$lib/tally/grades';
import type { AppDatabase, Transaction } from '../db';
import { recordAudit } from '../db/audit';
import { subject, voteSession } from '../db/schema';
import type { SessionView } from '../sessions/lifecycle';
import { gradesAsTheyStand, sessionReport, type AppraisalReport } from './count';

/** Shorter than this, a reason for departing from the collective result is no reason. */
export const MIN_REASON_LENGTH = 5;

export interface OrganiserGrades {
	selfGrade: Grade | null;
	proposedGrade: Grade | null;
	finalGrade: Grade | null;
	/** Kept only when the final grade departs from the collective result. */
	finalReason: string | null;
}

/** Confirming grades that break the cap is refused with each group's numbers. */
export interface CapRefusal {
	refusal: 'cap';
	breaches: CapBreach[];
}

export type GradeChange =
	| 'ok'
	| 'not_found'
	| 'not_closed'
	| 'reason_required'
	/** The preset has conditions and none are recorded for this person yet. */
	| 'conditions_pending'
	| CapRefusal;

/**
 * The cap's check on final grades: the grades as they would stand once `confirming` is
 * confirmed. Only breaches this confirmation makes worse count (a group already over the cap
 * from grades confirmed earlier does not block putting a grade in another group right).
 */
function capRefusal(
	report: AppraisalReport,
	confirming: ReadonlyMap<string, Grade>
): CapRefusal | null {
	const { ratio, perGroup } = report.cap;
	const before = capBreaches(gradesAsTheyStand(report), ratio, perGroup);
	const after = capBreaches(gradesAsTheyStand(report, confirming), ratio, perGroup);
	const worse = after.filter((breach) => {
		const earlier = before.find((candidate) => candidate.group === breach.group);
		return !earlier || breach.excellent - breach.allowed > earlier.excellent - earlier.allowed;
	});
	return worse.length > 0 ? { refusal: 'cap', breaches: worse } : null;
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
				const row = report.rows.find((candidate) => candidate.subject.id === subjectId);
				if (!row) return 'not_found';
				if (row.conditional?.pending) return 'conditions_pending';
				if (grades.finalGrade !== row.capped) {
					finalReason = grades.finalReason?.trim() ?? '';
					if (finalReason.length < MIN_REASON_LENGTH) return 'reason_required';
				}
				const refusal = capRefusal(report, new Map([[subjectId, grades.finalGrade]]));
				if (refusal) return refusal;
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

export type ConfirmAll = { confirmed: number } | CapRefusal;

/**
 * Confirms the collective result as the final grade of everyone who has none yet, except those
 * tied at the cap's cut-off, whom a person must decide, and those whose conditions are not yet
 * recorded. Refused, changing nothing, when the grades would then break the cap (a final grade
 * confirmed earlier by hand can do that).
 */
export function confirmCollectiveGrades(db: AppDatabase, session: SessionView): ConfirmAll {
	return db.transaction(
		(tx) => {
			if (storedState(tx, session.id) !== 'closed') return { confirmed: 0 };
			const report = sessionReport(db, session);
			if (report.kind !== 'appraisal') return { confirmed: 0 };
			const tied = new Set(report.cap.tiedIds);
			const confirming = new Map<string, Grade>();
			for (const row of report.rows) {
				if (row.subject.finalGrade || !row.capped || tied.has(row.subject.id)) continue;
				if (row.conditional?.pending) continue;
				confirming.set(row.subject.id, row.capped);
			}
			const refusal = capRefusal(report, confirming);
			if (refusal) return refusal;
			for (const [subjectId, finalGrade] of confirming) {
				tx.update(subject)
					.set({ finalGrade, finalReason: null })
					.where(eq(subject.id, subjectId))
					.run();
			}
			return { confirmed: confirming.size };
		},
		{ behavior: 'immediate' }
	);
}

export type RecordChange = 'ok' | 'not_found' | 'published' | 'invalid';

/**
 * Records the facts a person's grade conditions read (before or after the vote), or clears
 * them. Refused once the result is published: it would change a published grade silently.
 */
export function recordConditions(
	db: AppDatabase,
	session: SessionView,
	userId: string | null,
	subjectId: string,
	record: ConditionRecord | null
): RecordChange {
	if (record && recordProblems(record).length > 0) return 'invalid';
	return db.transaction(
		(tx) => {
			const stored = tx
				.select({ publishedAt: voteSession.publishedAt })
				.from(voteSession)
				.where(eq(voteSession.id, session.id))
				.get();
			if (!stored) return 'not_found';
			if (stored.publishedAt) return 'published';
			const person = tx
				.update(subject)
				.set({ conditions: record })
				.where(and(eq(subject.id, subjectId), eq(subject.sessionId, session.id)))
				.returning({ fullName: subject.fullName })
				.get();
			if (!person) return 'not_found';
			recordAudit(tx, session.id, userId, 'conditions_recorded', person.fullName);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

export type CapRateChange =
	'ok' | 'not_found' | 'published' | 'no_cap' | 'not_higher' | 'document_required';

/**
 * Records the higher rate of excellent grades the competent level set for this session, with
 * its document (NĐ 335 khoản 5 điểm b), or clears it. The rate must be above the preset's.
 */
export function recordCapRate(
	db: AppDatabase,
	session: SessionView,
	userId: string | null,
	rate: RecordedCapRate | null
): CapRateChange {
	if (session.rules.kind !== 'appraisal') return 'not_found';
	const ratio = session.rules.preset.cap?.ratio;
	if (!ratio) return 'no_cap';
	const document = rate?.document.trim() ?? '';
	if (rate) {
		if (!document) return 'document_required';
		if (!(rate.percent <= 100 && capRatioInForce(ratio, rate) !== ratio)) return 'not_higher';
	}
	return db.transaction(
		(tx) => {
			const stored = tx
				.select({ publishedAt: voteSession.publishedAt })
				.from(voteSession)
				.where(eq(voteSession.id, session.id))
				.get();
			if (!stored) return 'not_found';
			if (stored.publishedAt) return 'published';
			tx.update(voteSession)
				.set({ capRatePercent: rate?.percent ?? null, capRateDocument: rate ? document : null })
				.where(eq(voteSession.id, session.id))
				.run();
			recordAudit(
				tx,
				session.id,
				userId,
				'cap_rate_recorded',
				rate ? `${rate.percent}% — ${document}` : ''
			);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}
