import { describe, expect, it } from 'vitest';
import { publicOrigin } from './origin';

describe('the address printed on cards', () => {
	it('is ORIGIN behind a proxy, whatever the browser used', () => {
		expect(publicOrigin('http://localhost:3000', { ORIGIN: 'https://phieu.example.vn/' })).toBe(
			'https://phieu.example.vn'
		);
	});

	it('is the phones’ address when the organiser browses on the laptop itself', () => {
		const env = { PHONE_ORIGIN: 'http://192.168.1.10:3000' };
		expect(publicOrigin('http://localhost:3000', env)).toBe('http://192.168.1.10:3000');
		expect(publicOrigin('http://127.0.0.1:3000', env)).toBe('http://192.168.1.10:3000');
		expect(publicOrigin('http://[::1]:3000', env)).toBe('http://192.168.1.10:3000');
	});

	it('is the address the browser used otherwise', () => {
		const env = { PHONE_ORIGIN: 'http://192.168.1.10:3000' };
		expect(publicOrigin('http://192.168.1.23:3000', env)).toBe('http://192.168.1.23:3000');
		expect(publicOrigin('http://localhost:3000', {})).toBe('http://localhost:3000');
	});
});
