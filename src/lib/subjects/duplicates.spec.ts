import { describe, expect, it } from 'vitest';
import { comparable, findDuplicates } from './duplicates';

const line = (n: number, fullName: string, jobTitle = '') => ({ line: n, fullName, jobTitle });

describe('comparable', () => {
	it('ignores case, spacing, Unicode form and where the tone mark was typed', () => {
		const nfd = 'Lê Thị Thu Hà'.normalize('NFD');
		expect(comparable(nfd)).toBe(comparable('lê  thị thu HÀ'));
		expect(comparable('Nguyễn Thị Hoà')).toBe(comparable('Nguyễn Thị Hòa'));
		expect(comparable('Trần Thuỷ')).toBe(comparable('Trần Thủy'));
		expect(comparable('Lý Quý')).toBe(comparable('Lý Qúy'));
	});

	it('keeps apart names that differ by a tone or a vowel mark', () => {
		expect(comparable('Hà')).not.toBe(comparable('Hạ'));
		expect(comparable('Hà')).not.toBe(comparable('Ha'));
		expect(comparable('Đức')).not.toBe(comparable('Dức'));
		expect(comparable('Tuấn')).not.toBe(comparable('Tuân'));
		expect(comparable('Ân')).not.toBe(comparable('Ấn'));
	});
});

describe('findDuplicates', () => {
	it('finds nothing in a list of different people', () => {
		expect(
			findDuplicates([line(1, 'An'), line(2, 'Bình')], [{ fullName: 'Cường', jobTitle: '' }])
		).toEqual({ exact: [], sameName: [] });
	});

	it('refuses a line repeating an earlier one, or someone already on the list', () => {
		const report = findDuplicates(
			[
				line(1, 'Nguyễn Văn An', 'Trưởng phòng'),
				line(2, 'Trần Thị Bình', 'Chuyên viên'),
				line(3, 'nguyễn văn an', 'trưởng  phòng'),
				line(4, 'Lê Thị Hoà', 'Kế toán')
			],
			[{ fullName: 'Lê Thị Hòa', jobTitle: 'Kế toán' }]
		);
		expect(report.exact).toEqual([
			{ ...line(3, 'nguyễn văn an', 'trưởng  phòng'), earlier: 1 },
			{ ...line(4, 'Lê Thị Hoà', 'Kế toán'), earlier: null }
		]);
		expect(report.sameName).toEqual([]);
	});

	it('flags a shared name with different titles, in the paste and against the list', () => {
		const report = findDuplicates(
			[line(2, 'Nguyễn Văn An', 'Trưởng phòng'), line(5, 'Nguyễn Văn An', 'Chuyên viên')],
			[{ fullName: 'Nguyễn Văn An', jobTitle: '' }]
		);
		expect(report.exact).toEqual([]);
		expect(report.sameName).toEqual([
			{
				fullName: 'Nguyễn Văn An',
				holders: [
					{ line: null, jobTitle: '' },
					{ line: 2, jobTitle: 'Trưởng phòng' },
					{ line: 5, jobTitle: 'Chuyên viên' }
				]
			}
		]);
	});

	it('does not flag two namesakes already on the list when neither is being added', () => {
		const existing = [
			{ fullName: 'An', jobTitle: 'Trưởng phòng' },
			{ fullName: 'An', jobTitle: 'Chuyên viên' }
		];
		expect(findDuplicates([line(1, 'Bình')], existing).sameName).toEqual([]);
	});
});
