// Starts the production server, building first when the build is missing or older than the
// sources, so that `npm ci && npm start` is all a fresh machine needs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'messages', 'drizzle', 'project.inlang/settings.json'];
const CONFIG = ['package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const BUILD_ENTRY = 'build/index.js';
/** Set by this script on every request, overwriting anything a client sent. */
const DIRECT_PROTOCOL_HEADER = 'x-phieukin-direct-protocol';

/** @param {string} path */
function newestModification(path) {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path)) {
		// Generated output is rewritten by every build and would always look newer.
		if (entry === 'paraglide') continue;
		newest = Math.max(newest, newestModification(join(path, entry)));
	}
	return newest;
}

function buildIsStale() {
	if (!existsSync(BUILD_ENTRY)) return true;
	const built = statSync(BUILD_ENTRY).mtimeMs;
	return [...SOURCES, ...CONFIG].some((path) => newestModification(path) > built);
}

function lanAddresses() {
	return Object.values(networkInterfaces())
		.flat()
		.flatMap((address) =>
			address && address.family === 'IPv4' && !address.internal ? [address.address] : []
		);
}

if (buildIsStale()) {
	console.log('Building Phiếu Kín…');
	const vite = join('node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// Ballot and organiser forms are small; a low limit turns oversized posts away early.
process.env.BODY_SIZE_LIMIT ??= '64K';

if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) {
	// Behind a reverse proxy: the adapter's own server, configured by the documented variables.
	await import(new URL('../build/index.js', import.meta.url).href);
} else {
	// Served directly over plain HTTP (a laptop in the meeting room): every request is HTTP and
	// its origin is the address the browser used, localhost for the organiser, the LAN address
	// for phones. Without this the adapter would assume HTTPS and refuse every form.
	process.env.PROTOCOL_HEADER = DIRECT_PROTOCOL_HEADER;
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	const server = createServer((request, response) => {
		request.headers[DIRECT_PROTOCOL_HEADER] = 'http';
		handler(request, response, () => {
			response.statusCode = 404;
			response.end();
		});
	});
	server.listen(port, host, () => {
		console.log(`Phiếu Kín is listening on http://localhost:${port}`);
		for (const address of lanAddresses()) {
			console.log(`Phones on the same network use http://${address}:${port}`);
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => server.close(() => process.exit(0)));
	}
}
