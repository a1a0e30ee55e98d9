/**
 * The tally committee (ban kiểm phiếu) of a session: the members named in the minutes, and the
 * accounts some of them get to count, enter paper ballots and confirm the result. An account
 * is made with a one-time link for its member to choose the password (auth/account-setup.ts),
 * serves only the sessions it is named on, and is disabled once they are all published.
 */
import { and, asc, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { accountSetup, authSession, committeeMember, user, voteSession } from '../db/schema';
import { generateId } from '../db/ids';
import { recordAudit } from '../db/audit';
import { newUserRow } from '../auth/accounts';
import { issueSetupLink, unusablePassword } from '../auth/account-setup';

export const MAX_COMMITTEE = 15;

export interface CommitteeMember {
	id: string;
	fullName: string;
	roleTitle: string;
	/** The member's account, if any. */
	username: string | null;
	/**
	 * Where that account stands: its one-time link not yet used (`pending`, live until
	 * `linkExpiresAt`, then `expired`), its password chosen (`active`), or `disabled` once
	 * published.
	 */
	account: 'pending' | 'expired' | 'active' | 'disabled' | null;
	linkExpiresAt: Date | null;
}

export function listCommittee(
	db: AppDatabase,
	sessionId: string,
	now = new Date()
): CommitteeMember[] {
	return db
		.select({
			id: committeeMember.id,
			fullName: committeeMember.fullName,
			roleTitle: committeeMember.roleTitle,
			username: user.username,
			disabled: user.disabled,
			linkExpiresAt: accountSetup.expiresAt
		})
		.from(committeeMember)
		.leftJoin(user, eq(committeeMember.userId, user.id))
		.leftJoin(accountSetup, eq(accountSetup.userId, user.id))
		.where(eq(committeeMember.sessionId, sessionId))
		.orderBy(asc(committeeMember.position))
		.all()
		.map(({ disabled, ...member }) => ({
			...member,
			account: accountState(member, disabled, now)
		}));
}

function accountState(
	member: { username: string | null; linkExpiresAt: Date | null },
	disabled: boolean | null,
	now: Date
): CommitteeMember['account'] {
	if (member.username === null) return null;
	if (disabled) return 'disabled';
	if (!member.linkExpiresAt) return 'active';
	return member.linkExpiresAt > now ? 'pending' : 'expired';
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

export function findCommitteeMember(
	db: Pick<AppDatabase, 'select'>,
	sessionId: string,
	memberId: string
) {
	return db
		.select()
		.from(committeeMember)
		.where(and(eq(committeeMember.id, memberId), eq(committeeMember.sessionId, sessionId)))
		.get();
}

/**
 * Whether this is a tally-committee account named on this session's committee: the only
 * accounts that count, enter paper ballots and confirm beside the organiser.
 */
export function isCommitteeMember(
	db: Pick<AppDatabase, 'select'>,
	sessionId: string,
	userId: string
): boolean {
	return Boolean(
		db
			.select({ id: committeeMember.id })
			.from(committeeMember)
			.innerJoin(user, eq(committeeMember.userId, user.id))
			.where(
				and(
					eq(committeeMember.sessionId, sessionId),
					eq(committeeMember.userId, userId),
					eq(user.role, 'tally')
				)
			)
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

export type SetupLinkResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'not_found' | 'has_account' | 'no_pending_link' | 'taken' | 'published' };

function isPublished(db: Pick<AppDatabase, 'select'>, sessionId: string): boolean {
	const session = db
		.select({ publishedAt: voteSession.publishedAt })
		.from(voteSession)
		.where(eq(voteSession.id, sessionId))
		.get();
	return !session || session.publishedAt !== null;
}

/**
 * Gives a member a tally-committee account that nobody knows the password of, and the one-time
 * link (shown once, to hand to the member) with which they choose it. Audited with their name.
 */
export async function createCommitteeAccount(
	db: AppDatabase,
	sessionId: string,
	memberId: string,
	username: string,
	actorId: string
): Promise<SetupLinkResult> {
	const member = findCommitteeMember(db, sessionId, memberId);
	if (!member) return { ok: false, reason: 'not_found' };
	const row = await newUserRow({
		username,
		displayName: member.fullName,
		password: unusablePassword(),
		role: 'tally'
	});
	return db.transaction(
		(tx): SetupLinkResult => {
			const current = findCommitteeMember(tx, sessionId, memberId);
			if (!current) return { ok: false, reason: 'not_found' };
			if (current.userId) return { ok: false, reason: 'has_account' };
			if (isPublished(tx, sessionId)) return { ok: false, reason: 'published' };
			if (tx.insert(user).values(row).onConflictDoNothing().run().changes === 0) {
				return { ok: false, reason: 'taken' };
			}
			tx.update(committeeMember)
				.set({ userId: row.id })
				.where(eq(committeeMember.id, memberId))
				.run();
			const link = issueSetupLink(tx, row.id);
			recordAudit(tx, sessionId, actorId, 'committee_account_created', current.fullName);
			return { ok: true, ...link };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * A new link in place of a lost or expired one, while the member has not yet chosen a password.
 * Once they have, no link is made again: one would let whoever holds it (the organiser, who sees
 * it) take the account over, and confirm in the member's name.
 */
export function renewCommitteeLink(
	db: AppDatabase,
	sessionId: string,
	memberId: string,
	actorId: string
): SetupLinkResult {
	return db.transaction(
		(tx): SetupLinkResult => {
			const member = findCommitteeMember(tx, sessionId, memberId);
			if (!member) return { ok: false, reason: 'not_found' };
			if (isPublished(tx, sessionId)) return { ok: false, reason: 'published' };
			const pending =
				member.userId &&
				tx
					.select({ userId: accountSetup.userId })
					.from(accountSetup)
					.innerJoin(user, eq(accountSetup.userId, user.id))
					.where(and(eq(accountSetup.userId, member.userId), eq(user.disabled, false)))
					.get();
			if (!member.userId || !pending) return { ok: false, reason: 'no_pending_link' };
			const link = issueSetupLink(tx, member.userId);
			recordAudit(tx, sessionId, actorId, 'committee_link_renewed', member.fullName);
			return { ok: true, ...link };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Disables this session's committee accounts once it is published, inside the publishing
 * transaction: their work is done, and an account left open is one more password to steal. An
 * account also named on a session not yet published keeps working until that one is; its links
 * and signed-in sessions end with it. Returns how many were disabled.
 */
export function disableCommitteeAccounts(
	tx: Pick<AppDatabase, 'select' | 'update' | 'delete'>,
	sessionId: string
): number {
	const named = tx
		.select({ userId: user.id })
		.from(committeeMember)
		.innerJoin(user, eq(committeeMember.userId, user.id))
		.where(
			and(
				eq(committeeMember.sessionId, sessionId),
				eq(user.role, 'tally'),
				eq(user.disabled, false)
			)
		)
		.all()
		.map((row) => row.userId);
	const done = named.filter(
		(userId) =>
			!tx
				.select({ id: committeeMember.id })
				.from(committeeMember)
				.innerJoin(voteSession, eq(committeeMember.sessionId, voteSession.id))
				.where(
					and(
						eq(committeeMember.userId, userId),
						ne(committeeMember.sessionId, sessionId),
						isNull(voteSession.publishedAt)
					)
				)
				.get()
	);
	if (done.length === 0) return 0;
	tx.update(user).set({ disabled: true }).where(inArray(user.id, done)).run();
	tx.delete(authSession).where(inArray(authSession.userId, done)).run();
	tx.delete(accountSetup).where(inArray(accountSetup.userId, done)).run();
	return done.length;
}
