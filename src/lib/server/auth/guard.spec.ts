import { describe, expect, it } from 'vitest';
import { safeNextPath } from './guard';

/** What `url.searchParams.get('next')` hands over for a query written as an attacker would. */
const fromQuery = (query: string) =>
	new URL(`http://localhost/login?next=${query}`).searchParams.get('next');

describe('safeNextPath', () => {
	it.each([
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'https://evil.example',
		'http:evil.example',
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'\t//evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/.//evil.example',
		'/..//evil.example',
		'/sessions/..//evil.example',
		'//[',
		'evil.example',
		''
	])('sends %j to the default page', (next) => {
		expect(safeNextPath(next)).toBe('/');
	});

	it.each([
		'/%09/evil.example',
		'%09//evil.example',
		'/%5Cevil.example',
		'/%5C%5Cevil.example',
		'/%0A/evil.example',
		'/%0D%0A/evil.example',
		'/%00/evil.example',
		'%2F%2Fevil.example',
		'/%2F%2Fevil.example',
		'/%2e//evil.example'
	])('sends ?next=%s to the default page', (query) => {
		expect(safeNextPath(fromQuery(query))).toBe('/');
	});

	it('keeps a path whose slashes stay encoded on this site', () => {
		// `/%2F%2Fevil` decoded once is `//evil`, refused above; encoded twice it is a path here.
		expect(safeNextPath(fromQuery('/%252F%252Fevil.example'))).toBe('/%2F%2Fevil.example');
	});

	it.each([
		['/', '/'],
		['/sessions/abc?x=1#y', '/sessions/abc?x=1#y'],
		['/admin/users', '/admin/users'],
		['/sessions/abc/results?tab=grades&next=//x', '/sessions/abc/results?tab=grades&next=//x'],
		['/sessions/./abc', '/sessions/abc']
	])('follows %j as %j', (next, expected) => {
		expect(safeNextPath(next)).toBe(expected);
	});

	it('follows what the login guard itself asks for', () => {
		expect(safeNextPath(fromQuery(encodeURIComponent('/sessions/abc?x=1')))).toBe(
			'/sessions/abc?x=1'
		);
	});

	it('falls back to the page it is given', () => {
		expect(safeNextPath('//evil.example', '/sessions')).toBe('/sessions');
		expect(safeNextPath(null, '/sessions')).toBe('/sessions');
	});
});
