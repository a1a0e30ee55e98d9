import { describe, expect, it } from 'vitest';
import { readCriteriaForm } from './criteria-form';

/** The default sheet's nine maxima (30 general points, 70 of tasks) as typed rows. */
const MAXIMA = ['5', '5', '5', '5', '5', '5', '25', '30', '15'];

function post(maxima: string[]) {
	const data = new FormData();
	maxima.forEach((maximum, index) => {
		data.append(`name.${index}`, `Tiêu chí ${index + 1}`);
		data.append(`group.${index}`, index < 6 ? 'general' : 'tasks');
		data.append(`maximum.${index}`, maximum);
	});
	return readCriteriaForm(data);
}

describe('the criteria editor', () => {
	it('reads whole maxima adding up to 100', () => {
		const reading = post(MAXIMA);
		expect(reading.ok && reading.criteria.map((criterion) => criterion.maximum)).toEqual(
			MAXIMA.map(Number)
		);
	});

	it('refuses a maximum that is not a number at its row, in words, with no “NaN” total', () => {
		for (const typed of ['năm', '1e1', '0x5', '2,5', '-5']) {
			const reading = post(MAXIMA.with(0, typed));
			if (reading.ok) throw new Error(`expected a refusal of ${typed}`);
			expect(reading.errors, typed).toEqual({
				'maximum.0': ['Điểm tối đa là số nguyên từ 1 đến 100.']
			});
			expect(JSON.stringify(reading.errors)).not.toContain('NaN');
		}
	});

	it('still states the total of whole maxima that miss 100', () => {
		const reading = post(MAXIMA.with(0, '6'));
		expect(reading).toMatchObject({
			ok: false,
			errors: { criteria: ['Tổng điểm tối đa phải bằng 100; hiện là 101.'] }
		});
	});
});
