/**
 * First run on a server behind a proxy (ORIGIN set): every request reaches it from the proxy,
 * so none counts as the machine itself, and only the link the server printed at start opens
 * /setup. Then, on the same server, a login's `next` cannot send the browser off-site.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { ADMIN_PASSWORD } from './support/http-client';
import { startOwnServer, type OwnServer } from './support/server';

const PUBLIC = 'https://phieu.example.vn';
const ADMIN = { displayName: 'Quản trị viên', username: 'quantri', password: ADMIN_PASSWORD };

function post(server: OwnServer, path: string, form: Record<string, string>) {
	return fetch(`${server.origin}${path}`, {
		method: 'POST',
		headers: {
			origin: PUBLIC,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(form),
		redirect: 'manual'
	});
}

function accounts(server: OwnServer): number {
	const database = new Database(server.databasePath, { readonly: true });
	try {
		return (database.prepare('select count(*) as n from user').get() as { n: number }).n;
	} finally {
		database.close();
	}
}

test('behind a proxy, /setup opens only through the link printed at start', async () => {
	const server = await startOwnServer({ env: { ORIGIN: PUBLIC } });
	try {
		const link = /First run: open (\S+) to create the first administrator/.exec(server.output());
		expect(link?.[1]).toMatch(new RegExp(`^${PUBLIC}/setup\\?token=[\\w-]{22}$`));
		const path = (link?.[1] ?? '').slice(PUBLIC.length);

		const page = await (await fetch(`${server.origin}/setup`)).text();
		expect(page).toContain('tìm dòng bắt đầu bằng “First run: open”');
		expect(page).not.toContain('name="password"');
		const fields = { ...ADMIN, passwordConfirm: ADMIN.password };
		expect((await post(server, '/setup', fields)).status).toBe(403);
		expect((await post(server, '/setup?token=not-the-one', fields)).status).toBe(403);
		expect(accounts(server)).toBe(0);

		expect(await (await fetch(`${server.origin}${path}`)).text()).toContain('name="password"');
		const created = await post(server, path, fields);
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toBe('/');
		expect(accounts(server)).toBe(1);
		// Setup is over: the page itself now sends the browser to log in.
		const again = await post(server, path, fields);
		expect([again.status, again.headers.get('location')]).toEqual([303, '/login']);
		expect(accounts(server)).toBe(1);

		// Browsers drop the tab: `/\t/evil.example` would be `//evil.example`, another site.
		const login = await post(server, '/login', {
			username: ADMIN.username,
			password: ADMIN.password,
			next: '/\t/evil.example'
		});
		expect(login.status).toBe(303);
		expect(login.headers.get('location')).toBe('/');
	} finally {
		await server.stop();
	}
});
