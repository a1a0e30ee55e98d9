import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/server/http/forms';
import { ND_335_2025, QD_366_2025 } from '$lib/tally/appraisal-presets';
import { factsNeeded } from '$lib/tally/conditions';
import { conditionsSchema } from './schema';

const QD_366 = conditionsSchema(factsNeeded(QD_366_2025.conditions));
const ND_335 = conditionsSchema(factsNeeded(ND_335_2025.conditions));

function post(schema: typeof QD_366, fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries({ subjectId: 'an', ...fields }))
		data.append(key, value);
	return parseForm(schema, data);
}

function refused(schema: typeof QD_366, fields: Record<string, string>) {
	const result = post(schema, fields);
	if (result.ok) throw new Error('expected the form to be refused');
	return result.errors;
}

const SHARES = { completed: '100', onTime: '100', exceeded: '40' };

describe('the conditions form', () => {
	it('reads the shares in whole percent and the ticks the preset asks for', () => {
		expect(post(QD_366, { ...SHARES, exceeded: '20 %', shortcomingsFixed: 'yes' })).toMatchObject({
			ok: true,
			data: {
				subjectId: 'an',
				record: {
					completed: 100,
					onTime: 100,
					exceeded: 20,
					shortcomingsFixed: true,
					discipline: false,
					degradation: false,
					corruption: false
				}
			}
		});
		expect(post(QD_366, SHARES)).toMatchObject({
			ok: true,
			data: { record: { shortcomingsFixed: false } }
		});
	});

	it('fills what the preset does not ask so that it can never cap a grade', () => {
		// NĐ 335 asks only for findings; a share posted all the same is not read.
		expect(post(ND_335, { discipline: 'yes', exceeded: '5' })).toMatchObject({
			ok: true,
			data: {
				record: {
					completed: 100,
					onTime: 100,
					exceeded: 0,
					shortcomingsFixed: true,
					discipline: true,
					degradation: false,
					corruption: false
				}
			}
		});
	});

	it('refuses a share outside 0 to 100 or not whole, at its field', () => {
		for (const exceeded of ['120', '12,5', '-5', 'ba mươi']) {
			expect(refused(QD_366, { ...SHARES, exceeded })).toEqual({
				exceeded: ['Tỷ lệ phải là số nguyên từ 0 đến 100.']
			});
		}
		expect(refused(QD_366, { ...SHARES, completed: ' ' })).toEqual({
			completed: ['Nhập tỷ lệ phần trăm, từ 0 đến 100.']
		});
		// A share the preset reads cannot be left out of the post.
		expect(refused(QD_366, { completed: '100', onTime: '100' })).toEqual({
			exceeded: ['Nhập tỷ lệ phần trăm, từ 0 đến 100.']
		});
	});

	it('refuses more on time or beyond what was asked than completed, at that field', () => {
		expect(refused(QD_366, { completed: '90', onTime: '100', exceeded: '95' })).toEqual({
			onTime: ['Tỷ lệ hoàn thành đúng hạn không thể lớn hơn tỷ lệ đã hoàn thành (90%).'],
			exceeded: ['Tỷ lệ hoàn thành vượt mức không thể lớn hơn tỷ lệ đã hoàn thành (90%).']
		});
	});

	it('refuses a tick that is not the form’s', () => {
		expect(refused(ND_335, { discipline: 'on' })).toEqual({
			discipline: [expect.any(String)]
		});
	});
});
