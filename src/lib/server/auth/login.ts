import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDateTime } from '$lib/format';
import type { AppDatabase } from '$lib/server/db';
import type { User } from '$lib/server/db/schema';
import {
	findUserById,
	findUserByUsername,
	isLocked,
	normaliseUsername,
	recordFailedLogin,
	recordSuccessfulLogin
} from './accounts';
import { hashPassword, verifyPassword } from './password';
import { Throttle } from './throttle';

/**
 * Per account, for every check of its password (login and /account): three free tries, then
 * 1 s, 2 s, 4 s… up to 15 minutes between attempts.
 */
export const accountThrottle = new Throttle({
	freeFailures: 3,
	baseDelayMs: 1000,
	maxDelayMs: 15 * 60 * 1000
});

/** Per address: more lenient, because an office may share one public IP behind NAT. */
export const addressThrottle = new Throttle({
	freeFailures: 20,
	baseDelayMs: 1000,
	maxDelayMs: 15 * 60 * 1000
});

/**
 * A locked or disabled account is refused as a wrong password is, after the same verify: the
 * answer must not tell a guesser that a password was right, or that an account exists.
 */
export type PasswordCheck =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAt: number };

export type LoginResult = { ok: true; user: User } | Exclude<PasswordCheck, { ok: true }>;

/** Verifying against a throwaway hash keeps unknown usernames as slow as known ones. */
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
	decoyHash ??= hashPassword(crypto.randomUUID());
	return decoyHash;
}

const invalid = { ok: false, reason: 'invalid' } as const;

/**
 * The slow part of every password check, run only on a try the throttles have already counted.
 * Only a verified wrong password moves the persistent lockout, never a throttled try: a burst
 * can therefore not lock an account, only a guesser patient through every delay.
 */
async function verifyCounted(
	db: AppDatabase,
	account: User | undefined,
	password: string
): Promise<boolean> {
	const valid = await verifyPassword(account?.passwordHash ?? (await decoy()), password);
	if (account && !valid) recordFailedLogin(db, account.id);
	return valid;
}

export async function attemptLogin(
	db: AppDatabase,
	credentials: { username: string; password: string; address: string },
	now = Date.now()
): Promise<LoginResult> {
	const accountKey = normaliseUsername(credentials.username);
	const byAccount = accountThrottle.reserve(accountKey, now);
	if (!byAccount.allowed) return { ok: false, reason: 'throttled', retryAt: byAccount.retryAt };
	const byAddress = addressThrottle.reserve(credentials.address, now);
	if (!byAddress.allowed) {
		accountThrottle.release(accountKey);
		return { ok: false, reason: 'throttled', retryAt: byAddress.retryAt };
	}

	const account = findUserByUsername(db, credentials.username);
	const valid = await verifyCounted(db, account, credentials.password);
	if (!account || !valid || isLocked(account) || account.disabled) return invalid;

	accountThrottle.reset(accountKey);
	addressThrottle.release(credentials.address);
	recordSuccessfulLogin(db, account.id);
	return { ok: true, user: account };
}

/**
 * The current password a signed-in user confirms on /account: throttled and counted with the
 * account's logins, so that a borrowed session guesses no faster than the login form allows.
 */
export async function checkCurrentPassword(
	db: AppDatabase,
	user: Pick<User, 'id' | 'username'>,
	password: string,
	now = Date.now()
): Promise<PasswordCheck> {
	const verdict = accountThrottle.reserve(user.username, now);
	if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAt: verdict.retryAt };
	const account = findUserById(db, user.id);
	if (!(await verifyCounted(db, account, password)) || !account) return invalid;
	accountThrottle.reset(user.username);
	recordSuccessfulLogin(db, user.id);
	return { ok: true };
}

/** The wait a throttled answer states: whole seconds, and the moment on the room's clock. */
export function throttledWait(retryAt: number, now: number): { seconds: number; time: string } {
	return {
		seconds: Math.ceil((retryAt - now) / 1000),
		time: formatDateTime(new Date(retryAt), getLocale())
	};
}
