import { asc, count, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '$lib/server/db';
import { user, type User, type UserRole } from '$lib/server/db/schema';
import { generateId } from '$lib/server/db/ids';
import { hashPassword } from './password';
import { invalidateUserSessions } from './session';

/** Consecutive failed logins after which only an administrator can reopen the account. */
export const LOCKOUT_AFTER_FAILURES = 100;

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

export function countUsers(db: AppDatabase): number {
	return db.select({ n: count() }).from(user).get()?.n ?? 0;
}

export function findUserByUsername(db: AppDatabase, username: string): User | undefined {
	return db
		.select()
		.from(user)
		.where(eq(user.username, normaliseUsername(username)))
		.get();
}

export function findUserById(db: AppDatabase, id: string): User | undefined {
	return db.select().from(user).where(eq(user.id, id)).get();
}

export function listUsers(db: AppDatabase): User[] {
	return db.select().from(user).orderBy(asc(user.createdAt)).all();
}

export interface NewAccount {
	username: string;
	displayName: string;
	password: string;
	role: UserRole;
}

export type CreateAccountResult = { ok: true; user: User } | { ok: false; reason: 'taken' };

/** A new account's row, its password hashed; not yet stored. */
export async function newUserRow(account: NewAccount): Promise<User> {
	return {
		id: generateId(),
		username: normaliseUsername(account.username),
		displayName: account.displayName.trim(),
		passwordHash: await hashPassword(account.password),
		role: account.role,
		disabled: false,
		failedLoginCount: 0,
		createdAt: new Date()
	};
}

export async function createAccount(
	db: AppDatabase,
	account: NewAccount
): Promise<CreateAccountResult> {
	const row = await newUserRow(account);
	const inserted = db.insert(user).values(row).onConflictDoNothing().run();
	return inserted.changes === 1 ? { ok: true, user: row } : { ok: false, reason: 'taken' };
}

/**
 * Creates the first administrator only while no account exists, checked and written in one
 * transaction so that two browsers racing through first-run cannot both succeed.
 */
export async function createFirstAdministrator(
	db: AppDatabase,
	account: Omit<NewAccount, 'role'>
): Promise<User | null> {
	const row = await newUserRow({ ...account, role: 'admin' });
	return db.transaction(
		(tx) => {
			if ((tx.select({ n: count() }).from(user).get()?.n ?? 0) > 0) return null;
			tx.insert(user).values(row).run();
			return row;
		},
		{ behavior: 'immediate' }
	);
}

export async function setPassword(db: AppDatabase, userId: string, password: string) {
	const passwordHash = await hashPassword(password);
	db.update(user).set({ passwordHash, failedLoginCount: 0 }).where(eq(user.id, userId)).run();
	invalidateUserSessions(db, userId);
}

export function setDisabled(db: AppDatabase, userId: string, disabled: boolean): void {
	db.update(user)
		.set(disabled ? { disabled } : { disabled, failedLoginCount: 0 })
		.where(eq(user.id, userId))
		.run();
	if (disabled) invalidateUserSessions(db, userId);
}

export function unlockAccount(db: AppDatabase, userId: string): void {
	db.update(user).set({ failedLoginCount: 0 }).where(eq(user.id, userId)).run();
}

export function recordFailedLogin(db: AppDatabase, userId: string): void {
	db.update(user)
		.set({ failedLoginCount: sql`${user.failedLoginCount} + 1` })
		.where(eq(user.id, userId))
		.run();
}

export function recordSuccessfulLogin(db: AppDatabase, userId: string): void {
	db.update(user).set({ failedLoginCount: 0 }).where(eq(user.id, userId)).run();
}

export function isLocked(account: Pick<User, 'failedLoginCount'>): boolean {
	return account.failedLoginCount >= LOCKOUT_AFTER_FAILURES;
}
