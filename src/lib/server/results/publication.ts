/**
 * From a closed count to an official result: committee confirmations, then publication. Each
 * step is written to the audit trail.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { countConfirmation, receipt, user, voteSession } from '../db/schema';
import { recordAudit } from '../db/audit';
import type { CapBreach } from '$lib/tally/cap';
import { sessionById } from '../sessions/lifecycle';
import { sessionReport } from './count';

export interface Confirmation {
	userId: string;
	who: string;
	at: Date;
}

export function confirmations(db: AppDatabase, sessionId: string): Confirmation[] {
	return db
		.select({ userId: user.id, who: user.displayName, at: countConfirmation.confirmedAt })
		.from(countConfirmation)
		.innerJoin(user, eq(countConfirmation.userId, user.id))
		.where(eq(countConfirmation.sessionId, sessionId))
		.orderBy(asc(countConfirmation.confirmedAt))
		.all();
}

/** A committee member confirms the count of a closed session (once). */
export function confirmCount(
	db: AppDatabase,
	sessionId: string,
	userId: string
): 'ok' | 'not_closed' | 'already' {
	return db.transaction(
		(tx) => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session || session.state !== 'closed' || session.publishedAt) return 'not_closed';
			const inserted = tx
				.insert(countConfirmation)
				.values({ sessionId, userId, confirmedAt: new Date() })
				.onConflictDoNothing()
				.run();
			if (inserted.changes === 0) return 'already';
			recordAudit(tx, sessionId, userId, 'count_confirmed');
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

export function setConfirmationsRequired(
	db: AppDatabase,
	sessionId: string,
	required: number
): boolean {
	const { changes } = db
		.update(voteSession)
		.set({ confirmationsRequired: required })
		.where(and(eq(voteSession.id, sessionId), isNull(voteSession.publishedAt)))
		.run();
	return changes === 1;
}

export type PublishResult =
	| { ok: true }
	| { ok: false; reason: 'not_closed' | 'already' }
	| { ok: false; reason: 'needs_confirmations'; have: number; need: number }
	/** An appraisal whose grades as they stand break the cap in some group. */
	| { ok: false; reason: 'cap'; breaches: CapBreach[] };

/**
 * Publishes a closed count once it has the confirmations the organiser asked for and, for an
 * appraisal, once its grades as they stand keep the cap in every group (a rate cleared after
 * grades were confirmed, say, must be put right first).
 */
export function publish(db: AppDatabase, sessionId: string, actorId: string): PublishResult {
	return db.transaction(
		(tx): PublishResult => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session || session.state !== 'closed') return { ok: false, reason: 'not_closed' };
			if (session.publishedAt) return { ok: false, reason: 'already' };
			const have = tx
				.select({ userId: countConfirmation.userId })
				.from(countConfirmation)
				.where(eq(countConfirmation.sessionId, sessionId))
				.all().length;
			if (have < session.confirmationsRequired) {
				return {
					ok: false,
					reason: 'needs_confirmations',
					have,
					need: session.confirmationsRequired
				};
			}
			const view = sessionById(db, sessionId);
			const report = view && sessionReport(db, view);
			if (report?.kind === 'appraisal' && report.cap.breaches.length > 0) {
				return { ok: false, reason: 'cap', breaches: report.cap.breaches };
			}
			tx.update(voteSession)
				.set({ publishedAt: new Date() })
				.where(eq(voteSession.id, sessionId))
				.run();
			recordAudit(tx, sessionId, actorId, 'published');
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** Every receipt of a session, in alphabetical order (which says nothing about casting order). */
export function receiptCodes(db: AppDatabase, sessionId: string): string[] {
	return db
		.select({ code: receipt.code })
		.from(receipt)
		.where(eq(receipt.sessionId, sessionId))
		.orderBy(asc(receipt.code))
		.all()
		.map((row) => row.code);
}
