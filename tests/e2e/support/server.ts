/**
 * A production server of a test's own: `node build/index.js` on a database of its own, its
 * output captured, and killable. For the tests that must read everything a server writes, kill
 * it mid-vote, or see that nothing changed in its database.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
	origin: string;
	databasePath: string;
	/** Everything written to stdout and stderr since the first start. */
	output(): string;
	/** SIGKILL: no clean-up of any kind, as in a power cut. */
	kill(): Promise<void>;
	stop(): Promise<void>;
	/** Starts again on the same database and port. */
	restart(): Promise<void>;
}

/**
 * A port nobody listens on, from the system. Spec files run in parallel worker processes: a port
 * picked at random could be another worker's, whose /healthz would then answer for ours.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/** Servers still running when the worker ends, e.g. after a failed test never reached stop(). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

async function waitUntilHealthy(origin: string, child: ChildProcess): Promise<void> {
	for (let attempt = 0; attempt < 200; attempt++) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		const response = await fetch(`${origin}/healthz`).catch(() => null);
		if (response?.ok) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('server did not become healthy');
}

function exited(child: ChildProcess): Promise<void> {
	return child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startOwnServer(
	options: { databasePath?: string; env?: Record<string, string> } = {}
): Promise<OwnServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const databasePath =
		options.databasePath ?? join(mkdtempSync(join(tmpdir(), 'phieukin-own-')), 'votes.db');
	let output = '';
	let child: ChildProcess;

	const launch = async () => {
		const started = spawn(process.execPath, ['build/index.js'], {
			env: {
				...process.env,
				DATABASE_PATH: databasePath,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				BODY_SIZE_LIMIT: '64K',
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = started;
		running.add(started);
		started.once('exit', () => running.delete(started));
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		await waitUntilHealthy(origin, child);
	};
	await launch();

	return {
		origin,
		databasePath,
		output: () => output,
		kill: async () => {
			child.kill('SIGKILL');
			await exited(child);
		},
		stop: async () => {
			child.kill('SIGTERM');
			await exited(child);
		},
		restart: launch
	};
}

/** How many ballots the server's database holds now, read beside the running server. */
export function ballotsStored(server: OwnServer): number {
	const database = new Database(server.databasePath, { readonly: true });
	try {
		return (database.prepare('select count(*) as n from ballot').get() as { n: number }).n;
	} finally {
		database.close();
	}
}
