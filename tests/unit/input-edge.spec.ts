/**
 * Text reaches the app in one Unicode form (NFC) because every form is read by `readFields` in
 * src/lib/server/http/forms.ts. Checked on the sources: a route that reads a request body or a
 * query string some other way would let decomposed text in unnoticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) return entry === 'paraglide' ? [] : sources(path);
		return /\.(ts|svelte)$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
	});
}

const files = sources('src').map((path) => ({
	path: relative('src', path),
	source: readFileSync(path, 'utf8')
}));

/**
 * Readers of a posted form: the shared one, and those built on it or reading only ids and marks
 * that must equal the server's own exactly (a ballot's rows), never text to store.
 */
const FORM_READERS = /\b(parseForm|readFields|readCriteriaForm|readBallotForm|readPosted)\(/;

/** Query strings read, and why they need no normalising: none of them is text to store. */
const QUERY_READERS: Record<string, string> = {
	'routes/(display)/p/[key]/receipts/+page.server.ts': 'a receipt code, reduced to [0-9A-Z]',
	'routes/(organiser)/people/[personId]/+page.server.ts': 'a year, a number',
	'routes/(organiser)/sessions/new/+page.server.ts': 'a session kind, one of a list',
	'routes/(organiser)/years/[year]/unit-year.ts':
		'a unit’s name, made NFC and only compared with the names stored',
	'routes/login/+page.server.ts': 'the path to return to, checked to be one of ours',
	'lib/server/auth/guard.ts': 'the path to return to after logging in',
	'lib/server/auth/first-run.ts': 'the one-time setup token, compared with a digest, never stored',
	'routes/setup/+page.server.ts': 'only whether a setup token came with the link',
	'lib/components/LanguageSwitcher.svelte': 'the path to return to after switching language'
};

describe('the input edge', () => {
	it('reads every posted form through the shared readers', () => {
		const unread = files.filter(
			({ source }) => /\.formData\(\)/.test(source) && !FORM_READERS.test(source)
		);
		expect(unread.map(({ path }) => path)).toEqual([]);
	});

	it('takes no request body other than a form', () => {
		const bodies = files.filter(({ source }) =>
			/request\.(json|text|arrayBuffer|blob|body)\b/.test(source)
		);
		expect(bodies.map(({ path }) => path)).toEqual([]);
	});

	it('reads query strings only where they carry no text to store', () => {
		const readers = files.filter(({ source }) => /\burl\.search(Params)?\b/.test(source));
		expect(readers.map(({ path }) => path).sort()).toEqual(Object.keys(QUERY_READERS).sort());
	});
});
