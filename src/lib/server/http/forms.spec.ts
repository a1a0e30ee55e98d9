import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms';

const schema = z.object({
	title: z.string().trim().min(1).max(10),
	count: z.coerce.number().int()
});

function formData(entries: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

describe('parseForm', () => {
	it('returns the parsed data and the submitted values', () => {
		const result = parseForm(
			schema,
			formData([
				['title', ' Hội nghị '],
				['count', '3']
			])
		);
		expect(result).toEqual({
			ok: true,
			data: { title: 'Hội nghị', count: 3 },
			values: { title: ' Hội nghị ', count: '3' }
		});
	});

	it('words errors in Vietnamese by default', () => {
		const result = parseForm(
			schema,
			formData([
				['title', ''],
				['count', 'x']
			])
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.title).toEqual(['Vui lòng điền mục này.']);
		expect(result.errors.count).toEqual(['Giá trị không hợp lệ.']);
		expect(
			parseForm(
				schema,
				formData([
					['title', 'x'.repeat(11)],
					['count', '1']
				])
			)
		).toMatchObject({
			errors: { title: ['Tối đa 10 ký tự.'] }
		});
	});

	it('refuses a field sent twice rather than picking one', () => {
		const result = parseForm(
			schema,
			formData([
				['title', 'a'],
				['title', 'b'],
				['count', '1']
			])
		);
		expect(result).toMatchObject({ ok: false, errors: { title: ['Mục này được gửi hai lần.'] } });
	});

	it('collects declared repeatable fields into arrays', () => {
		const list = z.object({ id: z.array(z.string()) });
		const result = parseForm(
			list,
			formData([
				['id', 'a'],
				['id', 'b']
			]),
			['id']
		);
		expect(result).toMatchObject({ ok: true, data: { id: ['a', 'b'] } });
	});

	it('refuses a file where text was expected', () => {
		const result = parseForm(
			schema,
			formData([
				['title', new Blob(['x'])],
				['count', '1']
			])
		);
		expect(result).toMatchObject({ ok: false, errors: { title: ['Giá trị không hợp lệ.'] } });
	});

	it('composes decomposed text (NFC), in the data and in the values sent back', () => {
		const decomposed = 'Lê Thị Thu Hà'.normalize('NFD');
		const result = parseForm(
			z.object({ name: z.string(), tag: z.array(z.string()) }),
			formData([
				['name', decomposed],
				['tag', 'Đảng ủy'.normalize('NFD')],
				['tag', 'Phó Bí thư'.normalize('NFD')]
			]),
			['tag']
		);
		expect(result).toEqual({
			ok: true,
			data: { name: 'Lê Thị Thu Hà', tag: ['Đảng ủy', 'Phó Bí thư'] },
			values: { name: 'Lê Thị Thu Hà' }
		});
		if (result.ok) expect(result.data.name).not.toBe(decomposed);
	});

	it('leaves passwords as typed, so that hashes made before still match', () => {
		const typed = 'mật khẩu của tôi'.normalize('NFD');
		const result = parseForm(
			z.object({ newPassword: z.string() }),
			formData([['newPassword', typed]])
		);
		expect(result).toMatchObject({ ok: true, data: { newPassword: typed } });
	});

	it('never echoes secret fields back', () => {
		const withSecret = z.object({ password: z.string().min(20) });
		const result = parseForm(withSecret, formData([['password', 'short secret']]));
		expect(result.values).toEqual({});
	});
});
