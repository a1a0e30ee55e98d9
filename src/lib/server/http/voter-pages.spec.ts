import { describe, expect, it } from 'vitest';
import { isVoterPath, setVoterHeaders } from './voter-pages';

describe('voter pages', () => {
	it('are /v and everything under it, nothing else', () => {
		for (const path of ['/v', '/v/', '/v/ballot', '/v/done', '/v/AbC_123']) {
			expect(isVoterPath(path), path).toBe(true);
		}
		for (const path of ['/', '/vote', '/sessions/v/1', '/p/key/receipts']) {
			expect(isVoterPath(path), path).toBe(false);
		}
	});

	it('are kept nowhere and carry no ETag', () => {
		const headers = new Headers({ etag: '"1z141z3"', 'content-type': 'text/html' });
		setVoterHeaders(headers);
		expect(Object.fromEntries(headers)).toEqual({
			'cache-control': 'no-store',
			'content-type': 'text/html'
		});
	});
});
