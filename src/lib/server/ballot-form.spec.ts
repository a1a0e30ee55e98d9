import { describe, expect, it } from 'vitest';
import { readChoices } from './ballot-form';

const subjects = new Set(['a', 'b', 'c']);
const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};

describe('readChoices', () => {
	it('reads marks, treats blank and missing rows alike, and keeps the submission nonce', () => {
		const reading = readChoices(
			form([
				['s.a', 'high'],
				['s.b', 'blank'],
				['submission', 'abcdefghijklmnopqrstuv']
			]),
			subjects
		);
		expect(reading).toEqual({
			ok: true,
			choices: new Map([['a', 'high']]),
			submission: 'abcdefghijklmnopqrstuv'
		});
	});

	it.each([
		[
			'a row sent twice',
			[
				['s.a', 'high'],
				['s.a', 'low']
			]
		],
		['an unknown mark', [['s.a', 'excellent']]],
		['a person not on this ballot', [['s.z', 'low']]],
		[
			'a stray field',
			[
				['s.a', 'low'],
				['voter', 'me']
			]
		],
		['a malformed nonce', [['submission', 'short']]],
		[
			'two nonces',
			[
				['submission', 'abcdefghijklmnopqrstuv'],
				['submission', 'abcdefghijklmnopqrstuv']
			]
		]
	] as [string, [string, string][]][])('refuses %s', (_, entries) => {
		expect(readChoices(form(entries), subjects)).toEqual({ ok: false });
	});
});
