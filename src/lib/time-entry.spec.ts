import { describe, expect, it } from 'vitest';
import { parseTimeEntry } from './time-entry';

const read = (text: string) => {
	const entry = parseTimeEntry(text);
	return entry.ok ? entry.time : entry.problem;
};

describe('parseTimeEntry', () => {
	it('reads hours and minutes the ways Vietnamese write them, on the 24-hour clock', () => {
		for (const text of [
			'08:30',
			'8:30',
			'8.30',
			'8h30',
			'8H30',
			'8g30',
			'8 giờ 30',
			' 8 : 30 ',
			'0830',
			'830'
		]) {
			expect(read(text), text).toBe('08:30');
		}
		expect(read('14h')).toBe('14:00');
		expect(read('7 giờ')).toBe('07:00');
		expect(read('0:00')).toBe('00:00');
		expect(read('23:59')).toBe('23:59');
		expect(read('１４：００')).toBe('14:00');
	});

	it('refuses what is not a time of day, or not on a 24-hour clock', () => {
		for (const text of [
			'24:00',
			'8:60',
			'8:5',
			'8:',
			'8',
			'8:30 PM',
			'2430',
			'12345',
			'tám giờ',
			'123:00'
		]) {
			expect(read(text), text).toBe('format');
		}
	});

	it('says an empty entry is empty', () => {
		expect(read('  ')).toBe('empty');
	});
});
