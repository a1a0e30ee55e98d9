import { readFileSync } from 'node:fs';
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
