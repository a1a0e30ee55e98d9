import { describe, expect, it } from 'vitest';
import { decodeCardKey, encodeCardKey } from './voter-cookie';

describe('card keys in the cookie', () => {
	it('round-trip and refuse anything else', () => {
		const key = { kind: 'code' as const, value: 'ABCDEFGHJK' };
		expect(decodeCardKey(encodeCardKey(key))).toEqual(key);
		expect(decodeCardKey('x.abc')).toBeNull();
		expect(decodeCardKey('t.<script>')).toBeNull();
		expect(decodeCardKey(undefined)).toBeNull();
	});
});
