import { describe, expect, it } from 'vitest';
import { declaresTooLargeBody, parseBodySizeLimit } from './body-size';

describe('the body size limit', () => {
	it('reads the setting the way adapter-node does', () => {
		expect(parseBodySizeLimit('64K')).toBe(65_536);
		expect(parseBodySizeLimit('1m')).toBe(1_048_576);
		expect(parseBodySizeLimit('1000')).toBe(1000);
		expect(parseBodySizeLimit('Infinity')).toBe(Infinity);
		expect(parseBodySizeLimit(undefined)).toBe(524_288);
		expect(parseBodySizeLimit('lots')).toBe(524_288);
	});

	it('refuses a declared length over the limit, and only that', () => {
		const headers = (length: string | null) =>
			new Headers(length === null ? {} : { 'content-length': length });
		expect(declaresTooLargeBody(headers('65537'), 65_536)).toBe(true);
		expect(declaresTooLargeBody(headers('65536'), 65_536)).toBe(false);
		expect(declaresTooLargeBody(headers(null), 65_536)).toBe(false);
	});
});
