/**
 * One-time links that let a new account choose its own password, so that whoever created the
 * account never knows it: a tally-committee account must confirm a count in its member's name
 * only, not in the organiser's who made it. The link carries 256 random bits; only their SHA-256
 * is stored, one live link per account, and setting the password deletes it.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { accountSetup, user } from '../db/schema';
import { generateSecret, sha256Hex } from '../db/ids';
import { hashPassword } from './password';

/** Long enough to reach a member by the next meeting, short enough not to lie about forever. */
export const SETUP_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** What `generateSecret(256)` gives: 43 base64url characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Reader = Pick<AppDatabase, 'select'>;
type Writer = Pick<AppDatabase, 'insert' | 'delete'>;

/**
 * The password an account starts with until its owner chooses one: 256 random bits, hashed like
 * any other and thrown away. A login before the account is set up is then an ordinary wrong
 * password, taking the same time.
 */
export function unusablePassword(): string {
	return generateSecret(256);
}

/** A new link for this account, replacing any earlier one; the token is shown once, never kept. */
export function issueSetupLink(
	db: Writer,
	userId: string,
	now = new Date()
): { token: string; expiresAt: Date } {
	const token = generateSecret(256);
	const expiresAt = new Date(now.getTime() + SETUP_LINK_LIFETIME_MS);
	db.delete(accountSetup).where(eq(accountSetup.userId, userId)).run();
	db.insert(accountSetup)
		.values({ tokenHash: sha256Hex(token), userId, expiresAt })
		.run();
	return { token, expiresAt };
}

export interface PendingAccount {
	userId: string;
	username: string;
	displayName: string;
	expiresAt: Date;
}

/**
 * The account a live link sets up, or `null` for a token that is malformed, unknown, spent or
 * expired, or whose account was disabled. The token is found by its SHA-256 through the primary
 * key: what the lookup's timing could tell is about hashes, which says nothing of a token.
 */
export function pendingAccount(db: Reader, token: string, now = new Date()): PendingAccount | null {
	if (!TOKEN_SHAPE.test(token)) return null;
	return (
		db
			.select({
				userId: user.id,
				username: user.username,
				displayName: user.displayName,
				expiresAt: accountSetup.expiresAt
			})
			.from(accountSetup)
			.innerJoin(user, eq(accountSetup.userId, user.id))
			.where(
				and(
					eq(accountSetup.tokenHash, sha256Hex(token)),
					gt(accountSetup.expiresAt, now),
					eq(user.disabled, false)
				)
			)
			.get() ?? null
	);
}

/**
 * Sets the account's password and spends the link, in one transaction: of two posts racing with
 * the same link, one sets the password and the other finds nothing. `null`: no live link.
 */
export async function completeSetup(
	db: AppDatabase,
	token: string,
	password: string,
	now = new Date()
): Promise<{ userId: string } | null> {
	const passwordHash = await hashPassword(password);
	return db.transaction(
		(tx) => {
			const pending = pendingAccount(tx, token, now);
			if (!pending) return null;
			tx.delete(accountSetup).where(eq(accountSetup.userId, pending.userId)).run();
			tx.update(user)
				.set({ passwordHash, failedLoginCount: 0 })
				.where(eq(user.id, pending.userId))
				.run();
			return { userId: pending.userId };
		},
		{ behavior: 'immediate' }
	);
}
