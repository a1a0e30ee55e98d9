import { describe, expect, it } from 'vitest';
import { plainHttpPhoneAddress } from './phone-address';

describe('the phones’ address over plain HTTP', () => {
	it('is named when phones reach the app over HTTP on the room’s network', () => {
		const room = { PHONE_ORIGIN: 'http://192.168.1.10:3000' };
		expect(plainHttpPhoneAddress('http://localhost:3000', room)).toBe('http://192.168.1.10:3000');
		// The organiser on another machine of the network: the address the browser used.
		expect(plainHttpPhoneAddress('http://192.168.1.10:3000', {})).toBe('http://192.168.1.10:3000');
		expect(plainHttpPhoneAddress('http://phieu.lan', {})).toBe('http://phieu.lan');
	});

	it('is not named over HTTPS, behind an HTTPS proxy, or when only this machine can reach it', () => {
		const https = { PHONE_ORIGIN: 'https://192.168.1.10:3000' };
		expect(plainHttpPhoneAddress('https://localhost:3000', https)).toBeNull();
		expect(plainHttpPhoneAddress('https://192.168.1.10:3000', {})).toBeNull();
		expect(
			plainHttpPhoneAddress('http://localhost:3000', { ORIGIN: 'https://phieu.vn' })
		).toBeNull();
		expect(plainHttpPhoneAddress('http://localhost:3000', {})).toBeNull();
		expect(plainHttpPhoneAddress('http://127.0.0.1:4204', {})).toBeNull();
		expect(plainHttpPhoneAddress('http://[::1]:3000', {})).toBeNull();
	});
});
