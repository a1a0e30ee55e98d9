import { isActionFailure, isRedirect, type Cookies } from '@sveltejs/kit';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { countUsers } from '$lib/server/auth/accounts';
import { announceFirstRun } from '$lib/server/auth/first-run';
import { hashPassword } from '$lib/server/auth/password';
import { db, migrateDatabase } from '$lib/server/db';
import { actions, load } from './+page.server';

// The real argon2 hash, counted: a refused setup must never spend one.
vi.mock('$lib/server/auth/password', async (importOriginal) => {
	const actual = await importOriginal<typeof import('$lib/server/auth/password')>();
	return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});
const hashes = vi.mocked(hashPassword);

const PASSWORD = 'Hội nghị giữa nhiệm kỳ 2026';
const FIELDS = {
	displayName: 'Quản trị viên',
	username: 'quantri',
	password: PASSWORD,
	passwordConfirm: PASSWORD
};
const LAN = { url: 'http://192.168.1.10:3000/setup', address: '192.168.1.23' };
const LOCAL = { url: 'http://localhost:3000/setup', address: '127.0.0.1' };

const cookies = { set: () => {}, get: () => undefined } as unknown as Cookies;

/** The event SvelteKit hands the page: the URL, the request, the peer's address. */
function event(from: { url: string; address: string }, query = '') {
	const url = new URL(from.url + query);
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(FIELDS)
	});
	return { url, request, getClientAddress: () => from.address, cookies, locals: {} } as never;
}

/** What the load did: its data, or the redirect it threw. */
function loaded(from: { url: string; address: string }, query = '') {
	try {
		return load(event(from, query));
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
}

/** What the action answered: a failure's status and message, or a redirect's status. */
async function post(from: { url: string; address: string }, query = '') {
	const action = actions.default;
	if (!action) throw new Error('/setup has no default action');
	try {
		const result = await action(event(from, query));
		if (isActionFailure(result)) {
			// The kit types a failure's data loosely; /setup's carry the message shown on the form.
			const { status, data } = result as unknown as { status: number; data: { message: string } };
			return { status, message: data.message };
		}
		return { status: 200 };
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
}

/** Starts the "server": the token its first-run line printed. */
function start(): string {
	let printed = '';
	announceFirstRun(db(), {}, (line) => (printed = line));
	return /token=([\w-]+)/.exec(printed)?.[1] ?? '';
}

beforeAll(() => migrateDatabase(db()));
beforeEach(() => {
	db().$client.exec('delete from auth_session; delete from user');
	hashes.mockClear();
});

describe('/setup', () => {
	it('refuses a browser elsewhere without the link, creating nothing and hashing nothing', async () => {
		start();
		expect(loaded(LAN)).toEqual({ allowed: false, linkGiven: false });
		const answer = await post(LAN);
		expect(answer).toMatchObject({ status: 403 });
		expect(answer.message).toContain('đường liên kết dùng một lần mà máy chủ in ra khi khởi động');
		expect(countUsers(db())).toBe(0);
		expect(hashes).not.toHaveBeenCalled();
	});

	it('refuses a link from an earlier start', async () => {
		const old = start();
		start();
		expect(loaded(LAN, `?token=${old}`)).toEqual({ allowed: false, linkGiven: true });
		expect(await post(LAN, `?token=${old}`)).toMatchObject({ status: 403 });
		expect(countUsers(db())).toBe(0);
	});

	it('creates the administrator through the printed link, which then works no more', async () => {
		const token = start();
		expect(loaded(LAN, `?token=${token}`)).toEqual({ allowed: true, linkGiven: true });
		expect(await post(LAN, `?token=${token}`)).toEqual({ status: 303, location: '/' });
		expect(countUsers(db())).toBe(1);

		db().$client.exec('delete from auth_session; delete from user');
		expect(await post(LAN, `?token=${token}`)).toMatchObject({ status: 403 });
		expect(countUsers(db())).toBe(0);
	}, 30_000);

	it('creates the administrator for a browser on the machine itself, without the link', async () => {
		start();
		expect(loaded(LOCAL)).toEqual({ allowed: true, linkGiven: false });
		expect(await post(LOCAL)).toEqual({ status: 303, location: '/' });
		expect(countUsers(db())).toBe(1);
	}, 30_000);

	it('answers at once, hashing nothing, once an administrator exists', async () => {
		const token = start();
		await post(LOCAL);
		hashes.mockClear();

		for (const [from, query] of [
			[LOCAL, ''],
			[LAN, `?token=${token}`],
			[LAN, '']
		] as const) {
			expect(await post(from, query)).toMatchObject({ status: 409 });
		}
		expect(hashes).not.toHaveBeenCalled();
		expect(countUsers(db())).toBe(1);
		expect(loaded(LOCAL)).toEqual({ status: 303, location: '/login' });
	}, 30_000);
});
