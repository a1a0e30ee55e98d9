import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/testing';
import { accountSetup } from '../db/schema';
import { sha256Hex } from '../db/ids';
import { createAccount, findUserById } from './accounts';
import {
	completeSetup,
	issueSetupLink,
	pendingAccount,
	SETUP_LINK_LIFETIME_MS,
	unusablePassword
} from './account-setup';
import { verifyPassword } from './password';

const PASSWORD = 'Ban kiểm phiếu chi bộ 3';

async function newAccount() {
	const db = createTestDatabase();
	const created = await createAccount(db, {
		username: 'kiemphieu',
		displayName: 'Đặng Thị Hồng',
		password: unusablePassword(),
		role: 'tally'
	});
	if (!created.ok) throw new Error('account not created');
	return { db, userId: created.user.id };
}

describe('a one-time setup link', () => {
	it('stores only the SHA-256 of its 256-bit token', async () => {
		const { db, userId } = await newAccount();
		const now = new Date('2026-11-20T08:00:00Z');
		const { token, expiresAt } = issueSetupLink(db, userId, now);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(expiresAt.getTime() - now.getTime()).toBe(SETUP_LINK_LIFETIME_MS);
		const rows = db.select().from(accountSetup).all();
		expect(rows).toEqual([{ tokenHash: sha256Hex(token), userId, expiresAt }]);
		expect(JSON.stringify(db.$client.prepare('select * from account_setup').all())).not.toContain(
			token
		);
	});

	it('sets the password once, then is spent', async () => {
		const { db, userId } = await newAccount();
		const { token } = issueSetupLink(db, userId);
		expect(pendingAccount(db, token)).toMatchObject({ userId, username: 'kiemphieu' });
		expect(await completeSetup(db, token, PASSWORD)).toEqual({ userId });
		expect(await verifyPassword(findUserById(db, userId)!.passwordHash, PASSWORD)).toBe(true);
		expect(pendingAccount(db, token)).toBeNull();
		expect(await completeSetup(db, token, 'Một mật khẩu khác 2026')).toBeNull();
		expect(await verifyPassword(findUserById(db, userId)!.passwordHash, PASSWORD)).toBe(true);
		expect(db.select().from(accountSetup).all()).toEqual([]);
	});

	it('refuses a wrong, malformed, replaced or expired token', async () => {
		const { db, userId } = await newAccount();
		const issued = new Date('2026-11-20T08:00:00Z');
		const first = issueSetupLink(db, userId, issued);
		const { token, expiresAt } = issueSetupLink(db, userId, issued);
		// A new link replaces the old one.
		expect(pendingAccount(db, first.token, issued)).toBeNull();
		expect(
			pendingAccount(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)
		).toBeNull();
		expect(pendingAccount(db, '')).toBeNull();
		expect(pendingAccount(db, `${token}x`)).toBeNull();
		expect(pendingAccount(db, token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
		expect(pendingAccount(db, token, expiresAt)).toBeNull();
		expect(await completeSetup(db, token, PASSWORD, expiresAt)).toBeNull();
		const hash = findUserById(db, userId)!.passwordHash;
		expect(await verifyPassword(hash, PASSWORD)).toBe(false);
	});

	it('leaves an account nobody can log in to until it is used', async () => {
		const { db, userId } = await newAccount();
		const hash = findUserById(db, userId)!.passwordHash;
		for (const guess of ['', 'kiemphieu', PASSWORD]) {
			expect(await verifyPassword(hash, guess)).toBe(false);
		}
	});
});
