import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '$lib/server/db';
import { createTestDatabase } from '$lib/server/db/testing';
import { createAccount } from './accounts';
import { announceFirstRun, closeFirstRun, isFromMachineItself, mayRunSetup } from './first-run';

/** A request as adapter-node hands it over: the URL it built, the headers, the peer's address. */
function request(
	url: string,
	address: string,
	headers: Record<string, string> = {}
): Parameters<typeof isFromMachineItself>[0] {
	return {
		url: new URL(url),
		request: new Request(url, { headers }),
		getClientAddress: () => address
	};
}

let db: AppDatabase;
beforeEach(() => {
	db = createTestDatabase();
});

/** Starts the "server" and returns the token its first-run line printed, if any. */
function start(env: Record<string, string> = {}): { line?: string; token?: string } {
	const lines: string[] = [];
	announceFirstRun(db, env, (line) => lines.push(line));
	const line = lines[0];
	return { line, token: line && /[?&]token=([A-Za-z0-9_-]+)/.exec(line)?.[1] };
}

describe('announceFirstRun', () => {
	it('prints a one-time link while no account exists', () => {
		const { line, token } = start();
		expect(line).toMatch(/^First run: open http:\/\/localhost:3000\/setup\?token=\S+ to create/);
		// 128 random bits.
		expect(token).toHaveLength(22);
		expect(start().token).not.toBe(token);
	});

	it('points the link at the public origin, or at the address the server listens on', () => {
		expect(start({ ORIGIN: 'https://phieu.example.vn/' }).line).toContain(
			'open https://phieu.example.vn/setup?token='
		);
		expect(start({ PORT: '8080', HOST: '0.0.0.0' }).line).toContain('http://localhost:8080/');
		expect(start({ HOST: '10.0.0.5' }).line).toContain('http://10.0.0.5:3000/');
		expect(start({ HOST: 'fd00::5' }).line).toContain('http://[fd00::5]:3000/');
		expect(start({ TLS_CERT: 'cert.pem', TLS_KEY: 'key.pem' }).line).toContain(
			'https://localhost:3000/'
		);
	});

	it('prints nothing once an account exists, and no earlier token works any more', async () => {
		const { token } = start();
		await createAccount(db, {
			username: 'quantri',
			displayName: 'Quản trị',
			password: 'Hội nghị giữa nhiệm kỳ',
			role: 'admin'
		});
		expect(start().line).toBeUndefined();
		expect(
			mayRunSetup(request(`https://phieu.example.vn/setup?token=${token}`, '203.0.113.9'))
		).toBe(false);
	});
});

describe('mayRunSetup', () => {
	const remote = (query: string) =>
		request(`https://phieu.example.vn/setup${query}`, '203.0.113.9');

	it('opens for the printed token from anywhere, and for no other', () => {
		const { token } = start();
		expect(mayRunSetup(remote(`?token=${token}`))).toBe(true);
		expect(mayRunSetup(remote(''))).toBe(false);
		expect(mayRunSetup(remote('?token='))).toBe(false);
		expect(mayRunSetup(remote(`?token=${token}x`))).toBe(false);
		expect(mayRunSetup(remote(`?token=${token?.slice(0, -1)}`))).toBe(false);
	});

	it('closes the link once the administrator exists, and after a restart', () => {
		const first = start().token;
		const second = start().token;
		expect(mayRunSetup(remote(`?token=${first}`))).toBe(false);
		expect(mayRunSetup(remote(`?token=${second}`))).toBe(true);
		closeFirstRun();
		expect(mayRunSetup(remote(`?token=${second}`))).toBe(false);
	});

	it('opens without a token for a browser on the machine itself', () => {
		closeFirstRun();
		expect(mayRunSetup(request('http://localhost:3000/setup', '127.0.0.1'), {})).toBe(true);
	});
});

describe('isFromMachineItself', () => {
	it.each([
		['http://localhost:3000/setup', '127.0.0.1'],
		['http://127.0.0.1:3000/setup', '127.0.0.1'],
		['http://[::1]:3000/setup', '::1'],
		['http://localhost:3000/setup', '::ffff:127.0.0.1']
	])('takes %s from %s for the machine itself', (url, address) => {
		expect(isFromMachineItself(request(url, address), {})).toBe(true);
	});

	it.each([
		['a phone on the room’s Wi-Fi', request('http://192.168.1.10:3000/setup', '192.168.1.23')],
		['the LAN address from elsewhere', request('http://localhost:3000/setup', '192.168.1.23')],
		[
			'DNS rebinding: a loopback peer under a foreign name',
			request('http://evil.example:3000/setup', '127.0.0.1')
		],
		[
			'a proxy on this machine, public name',
			request('https://phieu.example.vn/setup', '127.0.0.1')
		],
		[
			'a proxy on this machine that keeps the local name but says it forwarded',
			request('http://localhost:3000/setup', '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })
		],
		[
			'a proxy that sends the standard header',
			request('http://localhost:3000/setup', '127.0.0.1', { forwarded: 'for=203.0.113.9' })
		]
	])('refuses %s', (_, event) => {
		expect(isFromMachineItself(event, {})).toBe(false);
	});

	it('trusts no address read from a header (ADDRESS_HEADER): only the proxy vouches for it', () => {
		const event = request('http://localhost:3000/setup', '127.0.0.1');
		expect(isFromMachineItself(event, { ADDRESS_HEADER: 'x-real-client' })).toBe(false);
	});
});
