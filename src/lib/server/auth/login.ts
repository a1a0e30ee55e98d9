import type { AppDatabase } from '$lib/server/db';
import type { User } from '$lib/server/db/schema';
import {
	findUserByUsername,
	isLocked,
	normaliseUsername,
	recordFailedLogin,
	recordSuccessfulLogin
} from './accounts';
import { hashPassword, verifyPassword } from './password';
import { Throttle } from './throttle';

/** Per account: three free tries, then 1 s, 2 s, 4 s… up to 15 minutes between attempts. */
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

export type LoginResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' | 'locked' | 'disabled' }
	| { ok: false; reason: 'throttled'; retryAt: number };

/** Verifying against a throwaway hash keeps unknown usernames as slow as known ones. */
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
	decoyHash ??= hashPassword(crypto.randomUUID());
	return decoyHash;
}

export async function attemptLogin(
	db: AppDatabase,
	credentials: { username: string; password: string; address: string },
	now = Date.now()
): Promise<LoginResult> {
	const accountKey = normaliseUsername(credentials.username);
	for (const [throttle, key] of [
		[accountThrottle, accountKey],
		[addressThrottle, credentials.address]
	] as const) {
		const verdict = throttle.check(key, now);
		if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAt: verdict.retryAt };
	}

	const account = findUserByUsername(db, credentials.username);
	if (account && isLocked(account)) return { ok: false, reason: 'locked' };

	const valid = await verifyPassword(
		account?.passwordHash ?? (await decoy()),
		credentials.password
	);
	if (!account || !valid) {
		accountThrottle.recordFailure(accountKey, now);
		addressThrottle.recordFailure(credentials.address, now);
		if (account) recordFailedLogin(db, account.id);
		return { ok: false, reason: 'invalid' };
	}
	if (account.disabled) return { ok: false, reason: 'disabled' };

	accountThrottle.reset(accountKey);
	recordSuccessfulLogin(db, account.id);
	return { ok: true, user: account };
}
