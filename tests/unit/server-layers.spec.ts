/**
 * The server code is grouped by concern and its dependencies run one way: a folder may import
 * only the folders above it in LAYERS. Checked on the import statements of every module (tests
 * and the test fixtures aside), with no cycle between modules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = resolve('src/lib/server');
const LAYERS = ['db', 'auth', 'http', 'cards', 'sessions', 'ballots', 'results', 'exports'];
/** Helpers for the unit tests only: they may reach anything. */
const TEST_ONLY = ['testing'];

function modules(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) return modules(path);
		return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | null {
	let target: string;
	if (specifier.startsWith('$lib/server/')) target = join(SERVER, specifier.slice(12));
	else if (specifier.startsWith('.')) target = resolve(dirname(from), specifier);
	else return null;
	const candidates = [`${target}.ts`, join(target, 'index.ts')];
	return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Module → the server modules it imports (values and types alike), as paths under SERVER. */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const path of modules(SERVER)) {
		const source = readFileSync(path, 'utf8');
		const targets = [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
			.map((match) => resolveImport(path, match[1] as string))
			.filter((target): target is string => target !== null && target !== path)
			.map((target) => relative(SERVER, target));
		graph.set(relative(SERVER, path), [...new Set(targets)]);
	}
	return graph;
}

const folderOf = (module: string) => (module.includes('/') ? module.split('/')[0]! : '');

describe('src/lib/server', () => {
	const graph = importGraph();

	it('holds folders only, each one of the layers with a README saying what it owns', () => {
		const top = readdirSync(SERVER);
		expect(top.filter((entry) => !statSync(join(SERVER, entry)).isDirectory())).toEqual([]);
		expect(top.sort()).toEqual([...LAYERS, ...TEST_ONLY].sort());
		for (const layer of LAYERS)
			expect(existsSync(join(SERVER, layer, 'README.md')), layer).toBe(true);
	});

	it('imports only from its own folder or the layers above it', () => {
		const upward: string[] = [];
		for (const [module, targets] of graph) {
			const from = LAYERS.indexOf(folderOf(module));
			if (from < 0) continue;
			for (const target of targets) {
				const to = LAYERS.indexOf(folderOf(target));
				if (to > from || to < 0) upward.push(`${module} → ${target}`);
			}
		}
		expect(upward).toEqual([]);
		// The graph was read: a parser that found nothing would pass the check above.
		expect(graph.size).toBeGreaterThan(30);
		expect(graph.get('ballots/cast.ts')).toContain('db/schema.ts');
	});

	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'visiting' | 'done'>();
		const visit = (module: string, path: string[]) => {
			if (state.get(module) === 'done') return;
			if (state.get(module) === 'visiting') {
				cycles.push([...path.slice(path.indexOf(module)), module].join(' → '));
				return;
			}
			state.set(module, 'visiting');
			for (const target of graph.get(module) ?? []) visit(target, [...path, module]);
			state.set(module, 'done');
		};
		for (const module of graph.keys()) visit(module, []);
		expect(cycles).toEqual([]);
	});
});
