import { describe, expect, it } from 'vitest';
import { isForgedRequest } from './csrf';

const APP = 'https://phieukin.example';
const headers = (values: Record<string, string>) => new Headers(values);

describe('isForgedRequest', () => {
	it('lets reads through whatever their headers', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			expect(isForgedRequest(method, headers({ origin: 'https://evil.example' }), APP)).toBe(false);
		}
	});

	it('trusts Fetch Metadata first: only same-origin passes', () => {
		expect(
			isForgedRequest('POST', headers({ 'sec-fetch-site': 'same-origin', origin: 'null' }), APP)
		).toBe(false);
		for (const site of ['same-site', 'cross-site', 'none']) {
			expect(isForgedRequest('POST', headers({ 'sec-fetch-site': site, origin: APP }), APP)).toBe(
				true
			);
		}
	});

	it('falls back to an exact Origin match', () => {
		expect(isForgedRequest('POST', headers({ origin: APP }), APP)).toBe(false);
		expect(isForgedRequest('POST', headers({ origin: 'http://phieukin.example' }), APP)).toBe(true);
		expect(isForgedRequest('PUT', headers({ origin: 'https://evil.example' }), APP)).toBe(true);
	});

	it('refuses a state change that proves no origin at all', () => {
		expect(isForgedRequest('POST', headers({}), APP)).toBe(true);
		expect(isForgedRequest('DELETE', headers({ origin: 'null' }), APP)).toBe(true);
	});
});
