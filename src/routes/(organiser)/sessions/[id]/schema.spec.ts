import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/server/http/forms';
import { attendanceSchema } from './schema';
import { issueSchema } from './cards/schema';
import { paperIssuedSchema } from './paper/schema';

function post(schema: Parameters<typeof parseForm>[0], fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return parseForm(schema, data);
}

/** The messages a refused form gets back, by field. */
function refused(schema: Parameters<typeof parseForm>[0], fields: Record<string, string>) {
	const result = post(schema, fields);
	if (result.ok) throw new Error('expected the form to be refused');
	return result.errors;
}

describe('attendance', () => {
	it('refuses an empty field instead of reading it as nobody present', () => {
		for (const present of ['', '   ']) {
			expect(post(attendanceSchema, { present })).toMatchObject({
				ok: false,
				errors: { present: ['Hãy nhập số người có mặt.'] }
			});
		}
		expect(post(attendanceSchema, {})).toMatchObject({
			ok: false,
			errors: { present: ['Hãy nhập số người có mặt.'] }
		});
	});

	it('answers in the app’s words whatever the browser let through', () => {
		expect(refused(attendanceSchema, { present: 'ba' })).toEqual({
			present: ['Hãy nhập một số nguyên, ví dụ 12.']
		});
		expect(refused(attendanceSchema, { present: '2.5' })).toEqual({
			present: ['Hãy nhập một số nguyên, ví dụ 12.']
		});
		expect(refused(attendanceSchema, { present: '-1' })).toEqual({
			present: ['Giá trị nhỏ nhất là 0.']
		});
		expect(post(attendanceSchema, { present: ' 0 ' })).toMatchObject({
			ok: true,
			data: { present: 0 }
		});
	});
});

describe('issuing cards and paper ballots', () => {
	it('has a message for every field of the cards form', () => {
		const errors = refused(issueSchema, {
			count: '',
			wifiName: 'x'.repeat(33),
			wifiPassword: 'x'.repeat(64),
			beyondPresentReason: 'vì sao'
		});
		expect(errors).toEqual({
			count: ['Hãy nhập số phiếu cần phát hành.'],
			wifiName: ['Tối đa 32 ký tự.'],
			wifiPassword: ['Tối đa 63 ký tự.'],
			beyondPresentReason: ['Lý do cần ít nhất 10 ký tự.']
		});
		expect(refused(issueSchema, { count: '0' })).toEqual({
			count: ['Giá trị nhỏ nhất là 1.']
		});
		expect(post(issueSchema, { count: '4' })).toMatchObject({
			ok: true,
			data: { count: 4, beyondPresentReason: '' }
		});
	});

	it('has a message for every field of the paper form', () => {
		expect(refused(paperIssuedSchema, { paperIssued: '', beyondPresentReason: 'ngắn' })).toEqual({
			paperIssued: ['Hãy nhập số phiếu giấy đã phát (nhập 0 nếu không phát).'],
			beyondPresentReason: ['Lý do cần ít nhất 10 ký tự.']
		});
		expect(post(paperIssuedSchema, { paperIssued: '0' })).toMatchObject({
			ok: true,
			data: { paperIssued: 0 }
		});
	});
});
