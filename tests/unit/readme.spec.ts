import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts);

describe('README', () => {
	it('names only npm scripts that exist', () => {
		const named = [...readme.matchAll(/npm (?:run ([\w:-]+)|(start|test)\b)/g)].map(
			(match) => match[1] ?? match[2]
		);
		expect(named.length).toBeGreaterThan(5);
		for (const script of named) expect(scripts, `npm script "${script}"`).toContain(script);
	});

	it('gives the two commands: run the app and run the tests', () => {
		expect(readme).toContain('npm ci && npm start');
		expect(readme).toContain('npm ci && npm test');
	});
});

describe('the guides', () => {
	it('show only screenshots that the end-to-end suite takes', () => {
		const spec = readFileSync('tests/e2e/guide-screenshots.spec.ts', 'utf8');
		const pages = ['README.md', ...readdirSync('docs/guide').map((name) => `docs/guide/${name}`)];
		const shown = pages
			.filter((page) => page.endsWith('.md'))
			.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/images\/([\w-]+)\.png/g)])
			.map((match) => match[1] as string);
		expect(shown.length).toBeGreaterThan(10);
		for (const name of new Set(shown)) {
			expect(spec, `screenshot ${name}`).toContain(`'${name}'`);
			expect(existsSync(`docs/guide/images/${name}.png`), name).toBe(true);
		}
	});
});
