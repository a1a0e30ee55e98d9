import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/server/http/forms';
import { welcomeSchema } from './schema';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
};

describe('the new password of a one-time link', () => {
	it('follows the password rules, against the username the link belongs to', () => {
		const good = 'Ban kiểm phiếu chi bộ 3';
		expect(
			parseForm(welcomeSchema('kiemphieu'), form({ password: good, passwordConfirm: good }))
		).toMatchObject({ ok: true, data: { username: 'kiemphieu', password: good } });
		// A username posted with the form is not the one judged.
		const named = 'kiemphieu2026';
		const refused = parseForm(
			welcomeSchema('kiemphieu'),
			form({ username: 'x', password: named, passwordConfirm: named })
		);
		expect(refused).toMatchObject({ ok: false, errors: { password: [expect.any(String)] } });
		expect(
			parseForm(welcomeSchema('kiemphieu'), form({ password: 'ngắn', passwordConfirm: 'ngắn' }))
		).toMatchObject({ ok: false });
	});
});
