import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import { createTestDatabase } from '$lib/server/db/testing';
import { authSession } from '$lib/server/db/schema';
import {
	countUsers,
	createAccount,
	createFirstAdministrator,
	findUserById,
	setPassword
} from './accounts';
import { verifyPassword } from './password';
import { createSession, generateSessionToken } from './session';

let db: AppDatabase;
beforeEach(() => {
	db = createTestDatabase();
});

const admin = { username: 'Admin', displayName: ' Quản trị ', password: 'Hội nghị 2026' };

describe('createFirstAdministrator', () => {
	it('creates an administrator while no account exists, normalising the names', async () => {
		const created = await createFirstAdministrator(db, admin);
		expect(created).toMatchObject({ username: 'admin', displayName: 'Quản trị', role: 'admin' });
		expect(countUsers(db)).toBe(1);
	});

	it('refuses once any account exists, even when two requests race', async () => {
		const results = await Promise.all([
			createFirstAdministrator(db, admin),
			createFirstAdministrator(db, { ...admin, username: 'other' })
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(countUsers(db)).toBe(1);
		expect(await createFirstAdministrator(db, { ...admin, username: 'third' })).toBeNull();
	});
});

describe('createAccount', () => {
	it('refuses a username already taken, in any case', async () => {
		expect((await createAccount(db, { ...admin, role: 'organiser' })).ok).toBe(true);
		expect(await createAccount(db, { ...admin, username: 'ADMIN', role: 'organiser' })).toEqual({
			ok: false,
			reason: 'taken'
		});
	});
});

describe('setPassword', () => {
	it('replaces the hash and ends every session of the account', async () => {
		const created = await createAccount(db, { ...admin, role: 'organiser' });
		if (!created.ok) throw new Error('not created');
		createSession(db, generateSessionToken(), created.user.id);
		createSession(db, generateSessionToken(), created.user.id);
		await setPassword(db, created.user.id, 'mật khẩu mới tinh');
		expect(db.select().from(authSession).all()).toHaveLength(0);
		const stored = findUserById(db, created.user.id);
		expect(stored && (await verifyPassword(stored.passwordHash, 'mật khẩu mới tinh'))).toBe(true);
		expect(stored && (await verifyPassword(stored.passwordHash, admin.password))).toBe(false);
	});
});
