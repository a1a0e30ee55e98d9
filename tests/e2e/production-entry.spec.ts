import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/server';

/**
 * The adapter's own entry point, as a deployment behind a proxy runs it: `node build/index.js`
 * on a database path that does not exist yet.
 */
test('node build/index.js creates its database in WAL mode and answers with the secure headers', async () => {
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-entry-'));
	const databasePath = join(directory, 'nested', 'fresh.db');
	const port = await freePort();
	const server = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `https://phieu.example.vn`
		},
		stdio: 'pipe'
	});
	try {
		let response: Response | null = null;
		for (let attempt = 0; attempt < 50 && !response; attempt++) {
			response = await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' }).catch(
				() => null
			);
			if (!response) await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(response?.status).toBe(303);
		expect(response?.headers.get('location')).toBe('/setup');
		const page = await fetch(`http://127.0.0.1:${port}/setup`);
		expect(page.status).toBe(200);
		const headers = page.headers;
		expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('no-referrer');
		expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
		// ORIGIN is https here, as behind a TLS-terminating proxy.
		expect(headers.get('strict-transport-security')).toContain('max-age=');

		expect(existsSync(databasePath)).toBe(true);
		const database = new Database(databasePath, { readonly: true });
		expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(
			database.prepare("select count(*) as n from sqlite_master where name = 'ballot'").get()
		).toEqual({ n: 1 });
		database.close();
	} finally {
		server.kill();
	}
});
