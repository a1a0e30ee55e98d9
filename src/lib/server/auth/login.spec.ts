import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import { createTestDatabase } from '$lib/server/db/testing';
import {
	createAccount,
	findUserByUsername,
	LOCKOUT_AFTER_FAILURES,
	setDisabled,
	unlockAccount
} from './accounts';
import {
	accountThrottle,
	addressThrottle,
	attemptLogin,
	checkCurrentPassword,
	type PasswordCheck
} from './login';
import { verifyPassword } from './password';

// The real argon2 verify, counted: a throttled try must never reach it.
vi.mock('./password', async (importOriginal) => {
	const actual = await importOriginal<typeof import('./password')>();
	return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifies = vi.mocked(verifyPassword);

/** argon2 takes tens of milliseconds a hash, far more on a loaded machine. */
const SLOW = 60_000;

const PASSWORD = 'Hội nghị giữa nhiệm kỳ';
let db: AppDatabase;
let username: string;
let clock: number;

beforeEach(async () => {
	db = createTestDatabase();
	// The throttles are process-wide; unique names and addresses keep tests independent.
	username = `user${Math.random().toString(36).slice(2, 10)}`;
	await createAccount(db, { username, displayName: 'Test', password: PASSWORD, role: 'organiser' });
	clock = Date.parse('2026-11-22T08:00:00Z');
	verifies.mockClear();
});

/** How many answers of each kind: `{ invalid: 3, throttled: 5 }`. */
function tally(answers: PasswordCheck[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const answer of answers) {
		const kind = answer.ok ? 'ok' : answer.reason;
		counts[kind] = (counts[kind] ?? 0) + 1;
	}
	return counts;
}

const address = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('attemptLogin', () => {
	it('refuses a wrong password, then accepts the right one', async () => {
		const from = address();
		expect(
			await attemptLogin(db, { username, password: 'wrong one', address: from }, clock)
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const result = await attemptLogin(db, { username, password: PASSWORD, address: from }, clock);
		expect(result.ok).toBe(true);
		expect(findUserByUsername(db, username)?.failedLoginCount).toBe(0);
	});

	it('accepts the username in any case and with surrounding spaces', async () => {
		const result = await attemptLogin(
			db,
			{ username: `  ${username.toUpperCase()} `, password: PASSWORD, address: address() },
			clock
		);
		expect(result.ok).toBe(true);
	});

	it('gives an unknown user the same answer as a wrong password', async () => {
		const result = await attemptLogin(
			db,
			{ username: 'nobody', password: PASSWORD, address: address() },
			clock
		);
		expect(result).toEqual({ ok: false, reason: 'invalid' });
	});

	it('throttles an account after three failures, whatever the address, and says until when', async () => {
		for (let i = 0; i < 3; i++) {
			await attemptLogin(db, { username, password: 'wrong', address: address() }, clock);
		}
		await attemptLogin(db, { username, password: 'wrong', address: address() }, clock);
		const result = await attemptLogin(
			db,
			{ username, password: PASSWORD, address: address() },
			clock
		);
		expect(result).toEqual({ ok: false, reason: 'throttled', retryAt: clock + 1000 });
		const later = await attemptLogin(
			db,
			{ username, password: PASSWORD, address: address() },
			clock + 1000
		);
		expect(later.ok).toBe(true);
	});

	it('throttles one address trying many accounts', async () => {
		const from = address();
		for (let i = 0; i < 21; i++) {
			await attemptLogin(db, { username: `guess${i}`, password: 'x', address: from }, clock);
		}
		const result = await attemptLogin(db, { username, password: PASSWORD, address: from }, clock);
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		addressThrottle.reset(from);
	});

	it(
		`locks the account after ${LOCKOUT_AFTER_FAILURES} consecutive failures until an admin unlocks it`,
		async () => {
			for (let i = 0; i < LOCKOUT_AFTER_FAILURES; i++) {
				const verdict = accountThrottle.check(username, clock);
				if (!verdict.allowed) clock = verdict.retryAt;
				const result = await attemptLogin(
					db,
					{ username, password: `wrong${i}`, address: address() },
					clock
				);
				expect(result).toEqual({ ok: false, reason: 'invalid' });
			}
			const verdict = accountThrottle.check(username, clock);
			if (!verdict.allowed) clock = verdict.retryAt;
			// The right password on a locked account gets the wrong password's answer.
			expect(
				await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock)
			).toEqual({ ok: false, reason: 'invalid' });

			const account = findUserByUsername(db, username);
			if (!account) throw new Error('account vanished');
			unlockAccount(db, account.id);
			accountThrottle.reset(username);
			const after = await attemptLogin(
				db,
				{ username, password: PASSWORD, address: address() },
				clock
			);
			expect(after.ok).toBe(true);
		},
		SLOW
	);

	it('does not lock after failures interrupted by a success', async () => {
		const account = findUserByUsername(db, username);
		if (!account) throw new Error('account vanished');
		for (let i = 0; i < 3; i++) {
			await attemptLogin(db, { username, password: 'wrong', address: address() }, clock);
		}
		expect(findUserByUsername(db, username)?.failedLoginCount).toBe(3);
		// After the three free tries the next one waits a second.
		await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock + 1000);
		expect(findUserByUsername(db, username)?.failedLoginCount).toBe(0);
	});

	it('answers a locked or disabled account as a wrong password, after the same verify', async () => {
		const names = { wrong: username, locked: `locked${username}`, disabled: `off${username}` };
		for (const name of [names.locked, names.disabled]) {
			await createAccount(db, {
				username: name,
				displayName: 'T',
				password: PASSWORD,
				role: 'organiser'
			});
		}
		const locked = findUserByUsername(db, names.locked);
		const disabled = findUserByUsername(db, names.disabled);
		if (!locked || !disabled) throw new Error('account vanished');
		db.$client
			.prepare('update user set failed_login_count = ? where id = ?')
			.run(LOCKOUT_AFTER_FAILURES, locked.id);
		setDisabled(db, disabled.id, true);

		const answers = [];
		for (const [name, password] of [
			[names.wrong, 'not the password'],
			[names.locked, PASSWORD],
			[names.locked, 'not the password'],
			[names.disabled, PASSWORD],
			[names.disabled, 'not the password']
		] as const) {
			verifies.mockClear();
			answers.push(await attemptLogin(db, { username: name, password, address: address() }, clock));
			expect(verifies, `${name} / ${password}`).toHaveBeenCalledTimes(1);
		}
		expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(
			new Set([JSON.stringify({ ok: false, reason: 'invalid' })])
		);
	});
});

describe('attemptLogin under a burst of parallel tries', () => {
	const burst = (size: number, password = 'wrong') =>
		Promise.all(
			Array.from({ length: size }, (_, i) =>
				attemptLogin(db, { username, password: `${password}${i}`, address: address() }, clock)
			)
		);

	it(
		'verifies only the three free tries of eight parallel wrong passwords',
		async () => {
			const answers = await burst(8);
			expect(verifies).toHaveBeenCalledTimes(3);
			expect(tally(answers)).toEqual({ invalid: 3, throttled: 5 });
			expect(findUserByUsername(db, username)?.failedLoginCount).toBe(3);
		},
		SLOW
	);

	it(
		'cannot lock the account with a hundred parallel tries; the owner gets in after the delay',
		async () => {
			const answers = await burst(100);
			expect(verifies).toHaveBeenCalledTimes(3);
			expect(tally(answers)).toEqual({ invalid: 3, throttled: 97 });
			expect(answers.at(-1)).toEqual({ ok: false, reason: 'throttled', retryAt: clock + 1000 });
			expect(findUserByUsername(db, username)?.failedLoginCount).toBe(3);

			const owner = await attemptLogin(
				db,
				{ username, password: PASSWORD, address: address() },
				clock + 1000
			);
			expect(owner.ok).toBe(true);
			expect(findUserByUsername(db, username)?.failedLoginCount).toBe(0);
		},
		SLOW
	);

	it(
		'gives the address back its try when a login succeeds, so an office behind one address is not slowed',
		async () => {
			const office = address();
			for (let i = 0; i < 25; i++) {
				const result = await attemptLogin(
					db,
					{ username, password: PASSWORD, address: office },
					clock
				);
				expect(result.ok).toBe(true);
			}
		},
		SLOW
	);
});

describe('checkCurrentPassword', () => {
	it(
		'is throttled per account like a login, and counted with the logins',
		async () => {
			const account = findUserByUsername(db, username);
			if (!account) throw new Error('account vanished');
			const answers = await Promise.all(
				Array.from({ length: 8 }, (_, i) => checkCurrentPassword(db, account, `wrong${i}`, clock))
			);
			expect(verifies).toHaveBeenCalledTimes(3);
			expect(tally(answers)).toEqual({ invalid: 3, throttled: 5 });
			expect(findUserByUsername(db, username)?.failedLoginCount).toBe(3);
			// The login form is slowed down too: the same password is being guessed.
			expect(
				await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock)
			).toEqual({ ok: false, reason: 'throttled', retryAt: clock + 1000 });

			expect(await checkCurrentPassword(db, account, PASSWORD, clock + 1000)).toEqual({ ok: true });
			expect(findUserByUsername(db, username)?.failedLoginCount).toBe(0);
		},
		SLOW
	);
});
