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
import { gradeAuditDetail } from '$lib/audit-detail';
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
	/** The result is published: it is final, and only an amendment corrects it (amendments.ts). */
	| 'published'
	| 'reason_required'
	/**
	 * The preset has conditions and someone in this person's cap group has none recorded yet:
	 * their provisional grade still shapes the group's cap, so no grade there is final.
	 */
	| 'conditions_pending'
	| CapRefusal;

/** The cap's group of a row: its duty group, or everyone when the cap counts over the unit. */
function capGroupOf(report: AppraisalReport, row: AppraisalReport['rows'][number]): string {
	return report.cap.perGroup ? row.subject.dutyGroup : '';
}

/** Cap groups where someone's conditions are still pending. */
function pendingGroups(report: AppraisalReport): Set<string> {
	return new Set(
		report.rows.filter((row) => row.conditional?.pending).map((row) => capGroupOf(report, row))
	);
}

/**
 * The cap's check on final grades: the grades as they would stand once `confirming` is
 * confirmed. Only breaches this confirmation makes worse count (a group already over the cap
 * from grades confirmed earlier does not block putting a grade in another group right).
 * `standing` holds grades that take precedence over the final ones (a published result's
 * amendments).
 */
export function capRefusal(
	report: AppraisalReport,
	confirming: ReadonlyMap<string, Grade>,
	standing: ReadonlyMap<string, Grade> = new Map()
): CapRefusal | null {
	const { ratio, perGroup } = report.cap;
	const before = capBreaches(gradesAsTheyStand(report, standing), ratio, perGroup);
	const after = capBreaches(
		gradesAsTheyStand(report, new Map([...standing, ...confirming])),
		ratio,
		perGroup
	);
	const worse = after.filter((breach) => {
		const earlier = before.find((candidate) => candidate.group === breach.group);
		return !earlier || breach.excellent - breach.allowed > earlier.excellent - earlier.allowed;
	});
	return worse.length > 0 ? { refusal: 'cap', breaches: worse } : null;
}

/** The session as stored now, inside the transaction that changes its grades (or amends them). */
export function storedState(tx: Transaction, sessionId: string) {
	return tx
		.select({ state: voteSession.state, publishedAt: voteSession.publishedAt })
		.from(voteSession)
		.where(eq(voteSession.id, sessionId))
		.get();
}

export function recordGrades(
	db: AppDatabase,
	session: SessionView,
	subjectId: string,
	grades: OrganiserGrades,
	actorId: string | null = null
): GradeChange {
	return db.transaction(
		(tx) => {
			const stored = storedState(tx, session.id);
			if (!stored) return 'not_found';
			if (stored.publishedAt) return 'published';
			let finalReason: string | null = null;
			if (grades.finalGrade) {
				if (stored.state !== 'closed') return 'not_closed';
				const report = sessionReport(db, session);
				if (report.kind !== 'appraisal') return 'not_found';
				const row = report.rows.find((candidate) => candidate.subject.id === subjectId);
				if (!row) return 'not_found';
				if (pendingGroups(report).has(capGroupOf(report, row))) return 'conditions_pending';
				if (grades.finalGrade !== row.capped) {
					finalReason = grades.finalReason?.trim() ?? '';
					if (finalReason.length < MIN_REASON_LENGTH) return 'reason_required';
				}
				const refusal = capRefusal(report, new Map([[subjectId, grades.finalGrade]]));
				if (refusal) return refusal;
			}
			const before = tx
				.select({ fullName: subject.fullName, finalGrade: subject.finalGrade })
				.from(subject)
				.where(and(eq(subject.id, subjectId), eq(subject.sessionId, session.id)))
				.get();
			const { changes } = tx
				.update(subject)
				.set({ ...grades, finalReason })
				.where(and(eq(subject.id, subjectId), eq(subject.sessionId, session.id)))
				.run();
			// A final grade shapes the result: its confirmation, change or removal is audited.
			if (before && before.finalGrade !== grades.finalGrade) {
				const detail = gradeAuditDetail(before.fullName, grades.finalGrade);
				recordAudit(tx, session.id, actorId, 'grade_confirmed', detail);
			}
			return changes === 1 ? 'ok' : 'not_found';
		},
		{ behavior: 'immediate' }
	);
}

export type ConfirmAll = { confirmed: number } | CapRefusal | { refusal: 'published' };

/**
 * Confirms the collective result as the final grade of everyone who has none yet, except those
 * tied at the cap's cut-off, whom a person must decide, and everyone in a cap group where
 * someone's conditions are not yet recorded. Refused, changing nothing, when the grades would then break the cap (a final grade
 * confirmed earlier by hand can do that), and once the result is published.
 */
export function confirmCollectiveGrades(
	db: AppDatabase,
	session: SessionView,
	actorId: string | null = null
): ConfirmAll {
	return db.transaction(
		(tx) => {
			const stored = storedState(tx, session.id);
			if (stored?.publishedAt) return { refusal: 'published' as const };
			if (stored?.state !== 'closed') return { confirmed: 0 };
			const report = sessionReport(db, session);
			if (report.kind !== 'appraisal') return { confirmed: 0 };
			const tied = new Set(report.cap.tiedIds);
			const pending = pendingGroups(report);
			const confirming = new Map<string, Grade>();
			for (const row of report.rows) {
				if (row.subject.finalGrade || !row.capped || tied.has(row.subject.id)) continue;
				if (pending.has(capGroupOf(report, row))) continue;
				confirming.set(row.subject.id, row.capped);
			}
			const refusal = capRefusal(report, confirming);
			if (refusal) return refusal;
			for (const [subjectId, finalGrade] of confirming) {
				tx.update(subject)
					.set({ finalGrade, finalReason: null })
					.where(eq(subject.id, subjectId))
					.run();
				const person = report.rows.find((row) => row.subject.id === subjectId)?.subject;
				const detail = gradeAuditDetail(person?.fullName ?? '', finalGrade);
				recordAudit(tx, session.id, actorId, 'grade_confirmed', detail);
			}
			return { confirmed: confirming.size };
		},
		{ behavior: 'immediate' }
	);
}

export type RecordChange = 'ok' | 'not_found' | 'published' | 'invalid' | 'finals_confirmed';

/** Whether a final grade is confirmed in any of these cap groups (every group: `null`). */
function finalsConfirmedIn(report: AppraisalReport, groups: Set<string> | null): boolean {
	return report.rows.some(
		(row) => row.subject.finalGrade && (!groups || groups.has(capGroupOf(report, row)))
	);
}

/**
 * Records the facts a person's grade conditions read (before or after the vote), or clears
 * them. Refused once the result is published, and while a final grade is confirmed in the
 * person's cap group: the facts move the group's collective results under confirmed grades.
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
			const report = sessionReport(db, session);
			if (report.kind !== 'appraisal') return 'not_found';
			const row = report.rows.find((candidate) => candidate.subject.id === subjectId);
			if (!row) return 'not_found';
			if (finalsConfirmedIn(report, new Set([capGroupOf(report, row)]))) return 'finals_confirmed';
			tx.update(subject).set({ conditions: record }).where(eq(subject.id, subjectId)).run();
			recordAudit(tx, session.id, userId, 'conditions_recorded', row.subject.fullName);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

export type CapRateChange =
	'ok' | 'not_found' | 'published' | 'not_higher' | 'document_required' | 'finals_confirmed';

/**
 * Records the rate of excellent grades the competent level set for this session, with its
 * document, or clears it: above the preset's own rate (NĐ 335 khoản 5 điểm b), or any rate from
 * 1 to 100 % where the preset sets none (QĐ 366). Refused once published, and while any final
 * grade is confirmed (the rate moves collective results under them).
 */
export function recordCapRate(
	db: AppDatabase,
	session: SessionView,
	userId: string | null,
	rate: RecordedCapRate | null
): CapRateChange {
	if (session.rules.kind !== 'appraisal') return 'not_found';
	const ratio = session.rules.preset.cap?.ratio ?? null;
	const document = rate?.document.trim() ?? '';
	if (rate) {
		if (!document) return 'document_required';
		const inRange = Number.isInteger(rate.percent) && rate.percent >= 1 && rate.percent <= 100;
		if (!inRange || (ratio && capRatioInForce(ratio, rate) === ratio)) return 'not_higher';
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
			const report = sessionReport(db, session);
			if (report.kind === 'appraisal' && finalsConfirmedIn(report, null)) return 'finals_confirmed';
			tx.update(voteSession)
				.set({ capRatePercent: rate?.percent ?? null, capRateDocument: rate ? document : null })
				.where(eq(voteSession.id, session.id))
				.run();
			const detail = rate ? `${rate.percent}% — ${document}` : '';
			recordAudit(tx, session.id, userId, 'cap_rate_recorded', detail);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}
