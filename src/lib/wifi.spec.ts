import { describe, expect, it } from 'vitest';
import { wifiJoinText } from './wifi';

describe('wifiJoinText', () => {
	it('writes a WPA network with its password', () => {
		expect(wifiJoinText('PhongHop-T2', 'hoinghi2026')).toBe(
			'WIFI:T:WPA;S:PhongHop-T2;P:hoinghi2026;;'
		);
	});

	it('escapes the characters the format reserves', () => {
		expect(wifiJoinText('Phòng; họp', 'a:b,c"d\\e')).toBe(
			'WIFI:T:WPA;S:Phòng\\; họp;P:a\\:b\\,c\\"d\\\\e;;'
		);
	});

	it('writes an open network without a password', () => {
		expect(wifiJoinText('Khach', '')).toBe('WIFI:T:nopass;S:Khach;;');
	});
});
