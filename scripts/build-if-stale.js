// Builds the production server when the build is missing or older than the sources: shared by
// `npm start` and `npm run bench`, so that a fresh clone needs no separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/index.js';
const SOURCES = ['src', 'static', 'messages', 'drizzle', 'project.inlang/settings.json'];
const CONFIG = ['package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

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

export function buildIfStale() {
	if (!buildIsStale()) return;
	console.log('Building Phiếu Kín…');
	const vite = join('node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
