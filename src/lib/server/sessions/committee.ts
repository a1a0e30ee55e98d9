/**
 * The tally committee (ban kiểm phiếu) of a session: the members named in the minutes, and the
 * accounts some of them get to count, enter paper ballots and confirm the result.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { committeeMember, user } from '../db/schema';
import { generateId } from '../db/ids';

export const MAX_COMMITTEE = 15;

export interface CommitteeMember {
	id: string;
	fullName: string;
	roleTitle: string;
	/** The member's account, if any. */
	username: string | null;
}

export function listCommittee(db: AppDatabase, sessionId: string): CommitteeMember[] {
	return db
		.select({
			id: committeeMember.id,
			fullName: committeeMember.fullName,
			roleTitle: committeeMember.roleTitle,
			username: user.username
		})
		.from(committeeMember)
		.leftJoin(user, eq(committeeMember.userId, user.id))
		.where(eq(committeeMember.sessionId, sessionId))
		.orderBy(asc(committeeMember.position))
		.all();
}

export function addCommitteeMember(
	db: AppDatabase,
	sessionId: string,
	member: { fullName: string; roleTitle: string }
): 'ok' | 'too_many' {
	return db.transaction(
		(tx) => {
			const members = tx
				.select({ id: committeeMember.id })
				.from(committeeMember)
				.where(eq(committeeMember.sessionId, sessionId))
				.all();
			if (members.length >= MAX_COMMITTEE) return 'too_many';
			const last = tx
				.select({ position: max(committeeMember.position) })
				.from(committeeMember)
				.where(eq(committeeMember.sessionId, sessionId))
				.get();
			tx.insert(committeeMember)
				.values({ id: generateId(), sessionId, position: (last?.position ?? 0) + 1, ...member })
				.run();
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

export function removeCommitteeMember(
	db: AppDatabase,
	sessionId: string,
	memberId: string
): boolean {
	const { changes } = db
		.delete(committeeMember)
		.where(and(eq(committeeMember.id, memberId), eq(committeeMember.sessionId, sessionId)))
		.run();
	return changes === 1;
}

/** Links an account to a member of this session's committee. */
export function linkMemberAccount(
	db: AppDatabase,
	sessionId: string,
	memberId: string,
	userId: string
): boolean {
	const { changes } = db
		.update(committeeMember)
		.set({ userId })
		.where(and(eq(committeeMember.id, memberId), eq(committeeMember.sessionId, sessionId)))
		.run();
	return changes === 1;
}

export function findCommitteeMember(db: AppDatabase, sessionId: string, memberId: string) {
	return db
		.select()
		.from(committeeMember)
		.where(and(eq(committeeMember.id, memberId), eq(committeeMember.sessionId, sessionId)))
		.get();
}

/** Whether this account is named on this session's committee. */
export function isCommitteeMember(db: AppDatabase, sessionId: string, userId: string): boolean {
	return Boolean(
		db
			.select({ id: committeeMember.id })
			.from(committeeMember)
			.where(and(eq(committeeMember.sessionId, sessionId), eq(committeeMember.userId, userId)))
			.get()
	);
}

/** The sessions an account serves on as a committee member. */
export function committeeSessionIds(db: AppDatabase, userId: string): string[] {
	return db
		.select({ sessionId: committeeMember.sessionId })
		.from(committeeMember)
		.where(eq(committeeMember.userId, userId))
		.all()
		.map((row) => row.sessionId);
}
