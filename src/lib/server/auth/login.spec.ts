import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import { createTestDatabase } from '$lib/server/db/testing';
import {
	createAccount,
	findUserByUsername,
	LOCKOUT_AFTER_FAILURES,
	setDisabled,
	unlockAccount
} from './accounts';
import { accountThrottle, addressThrottle, attemptLogin } from './login';

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
});

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

	it(`locks the account after ${LOCKOUT_AFTER_FAILURES} consecutive failures until an admin unlocks it`, async () => {
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
		expect(
			await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock)
		).toEqual({
			ok: false,
			reason: 'locked'
		});

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
	});

	it('does not lock after failures interrupted by a success', async () => {
		const account = findUserByUsername(db, username);
		if (!account) throw new Error('account vanished');
		for (let i = 0; i < 3; i++) {
			await attemptLogin(db, { username, password: 'wrong', address: address() }, clock);
		}
		await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock);
		expect(findUserByUsername(db, username)?.failedLoginCount).toBe(0);
	});

	it('refuses a disabled account even with the right password', async () => {
		const account = findUserByUsername(db, username);
		if (!account) throw new Error('account vanished');
		setDisabled(db, account.id, true);
		expect(
			await attemptLogin(db, { username, password: PASSWORD, address: address() }, clock)
		).toEqual({
			ok: false,
			reason: 'disabled'
		});
	});
});
