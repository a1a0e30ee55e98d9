import { describe, expect, it } from 'vitest';
import { decodeCardKey, draftKey, encodeCardKey } from './voter-cookie';

describe('card keys in the cookie', () => {
	it('round-trip and refuse anything else', () => {
		const key = { kind: 'code' as const, value: 'ABCDEFGHJK' };
		expect(decodeCardKey(encodeCardKey(key))).toEqual(key);
		expect(decodeCardKey('x.abc')).toBeNull();
		expect(decodeCardKey('t.<script>')).toBeNull();
		expect(decodeCardKey(undefined)).toBeNull();
	});
});

describe('the key of a card’s kept choices', () => {
	it('is one per card, the same on every page, and neither the card nor its hash', () => {
		const card = { kind: 'code' as const, value: 'ABCDEFGHJK' };
		const key = draftKey(card);
		expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(draftKey({ ...card })).toBe(key);
		expect(draftKey({ kind: 'code', value: 'ABCDEFGHJM' })).not.toBe(key);
		expect(draftKey({ kind: 'token', value: 'ABCDEFGHJK' })).not.toBe(key);
		expect(key).not.toContain(card.value);
	});
});
