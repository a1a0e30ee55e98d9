/**
 * From a closed count to an official result: committee confirmations, then publication. Each
 * step is written to the audit trail.
 *
 * The committee's confirmation is a control on the organiser, so it is enforced here and not
 * only in the pages: only tally-committee accounts named on the session confirm (never the
 * organiser or an administrator), only their confirmations count, and how many are needed is
 * fixed when voting opens.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { committeeMember, countConfirmation, receipt, user, voteSession } from '../db/schema';
import { recordAudit } from '../db/audit';
import type { CapBreach } from '$lib/tally/cap';
import { disableCommitteeAccounts, isCommitteeMember } from '../sessions/committee';
import { sessionById } from '../sessions/lifecycle';
import { sessionReport } from './count';

export interface Confirmation {
	userId: string;
	who: string;
	at: Date;
}

/**
 * The confirmations that count: those of accounts still named on the session's committee (one
 * given before a member was removed, or by an organiser under an older release, does not).
 */
export function confirmations(db: Pick<AppDatabase, 'select'>, sessionId: string): Confirmation[] {
	return db
		.select({ userId: user.id, who: user.displayName, at: countConfirmation.confirmedAt })
		.from(countConfirmation)
		.innerJoin(user, eq(countConfirmation.userId, user.id))
		.innerJoin(
			committeeMember,
			and(
				eq(committeeMember.sessionId, countConfirmation.sessionId),
				eq(committeeMember.userId, user.id)
			)
		)
		.where(and(eq(countConfirmation.sessionId, sessionId), eq(user.role, 'tally')))
		.orderBy(asc(countConfirmation.confirmedAt))
		.all();
}

/** The committee's members with an account who have not confirmed yet, in the committee's order. */
export function awaitedConfirmations(db: AppDatabase, sessionId: string): string[] {
	const confirmed = new Set(confirmations(db, sessionId).map((entry) => entry.userId));
	return db
		.select({ userId: user.id, fullName: committeeMember.fullName })
		.from(committeeMember)
		.innerJoin(user, eq(committeeMember.userId, user.id))
		.where(and(eq(committeeMember.sessionId, sessionId), eq(user.role, 'tally')))
		.orderBy(asc(committeeMember.position))
		.all()
		.filter((member) => !confirmed.has(member.userId))
		.map((member) => member.fullName);
}

export type ConfirmResult = 'ok' | 'not_closed' | 'already' | 'not_committee';

/**
 * A committee member confirms the count of a closed session (once). Anyone else, the session's
 * organiser and administrators included, is refused and nothing is written.
 */
export function confirmCount(db: AppDatabase, sessionId: string, userId: string): ConfirmResult {
	return db.transaction(
		(tx): ConfirmResult => {
			if (!isCommitteeMember(tx, sessionId, userId)) return 'not_committee';
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

export type RequiredChange = 'ok' | 'not_draft' | 'not_found' | 'more_than_members';

/**
 * How many of the committee's confirmations publishing needs: set while the session is a draft,
 * fixed from the moment voting opens (so that nobody lowers it once a count is coming), never
 * more than the members named, and audited with the old and new numbers.
 */
export function setConfirmationsRequired(
	db: AppDatabase,
	sessionId: string,
	required: number,
	actorId: string
): RequiredChange {
	return db.transaction(
		(tx): RequiredChange => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session) return 'not_found';
			if (session.state !== 'draft') return 'not_draft';
			const members = tx
				.select({ id: committeeMember.id })
				.from(committeeMember)
				.where(eq(committeeMember.sessionId, sessionId))
				.all().length;
			if (required > members) return 'more_than_members';
			if (required === session.confirmationsRequired) return 'ok';
			tx.update(voteSession)
				.set({ confirmationsRequired: required })
				.where(eq(voteSession.id, sessionId))
				.run();
			const detail = `${session.confirmationsRequired} → ${required}`;
			recordAudit(tx, sessionId, actorId, 'confirmations_required_changed', detail);
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
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
 * grades were confirmed, say, must be put right first). The committee's accounts are disabled
 * in the same transaction (sessions/committee.ts, `disableCommitteeAccounts`).
 */
export function publish(db: AppDatabase, sessionId: string, actorId: string): PublishResult {
	return db.transaction(
		(tx): PublishResult => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session || session.state !== 'closed') return { ok: false, reason: 'not_closed' };
			if (session.publishedAt) return { ok: false, reason: 'already' };
			const have = confirmations(tx, sessionId).length;
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
			const disabled = disableCommitteeAccounts(tx, sessionId);
			if (disabled > 0) {
				recordAudit(tx, sessionId, actorId, 'committee_accounts_disabled', String(disabled));
			}
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
