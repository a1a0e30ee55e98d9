import { describe, expect, it } from 'vitest';
import { parseSubjectList } from './paste';

describe('parseSubjectList', () => {
	it('reads tab-separated rows copied from a spreadsheet, with a number column and a header', () => {
		const pasted = [
			'STT\tHọ và tên\tChức vụ',
			'1\tNguyễn Văn An\tBí thư Đảng ủy',
			'2\tTrần Thị Bình\tPhó Bí thư, Chủ tịch UBND xã',
			''
		].join('\r\n');
		expect(parseSubjectList(pasted)).toEqual({
			subjects: [
				{ line: 2, fullName: 'Nguyễn Văn An', jobTitle: 'Bí thư Đảng ủy' },
				{ line: 3, fullName: 'Trần Thị Bình', jobTitle: 'Phó Bí thư, Chủ tịch UBND xã' }
			],
			problems: []
		});
	});

	it('reads comma-separated lines, keeping commas inside the position', () => {
		const { subjects } = parseSubjectList(
			'Lê Văn Cường, Phó Bí thư, Chủ tịch UBND\n3, Phạm Thị Dung, Trưởng ban Tổ chức, Đảng ủy'
		);
		expect(subjects).toEqual([
			{ line: 1, fullName: 'Lê Văn Cường', jobTitle: 'Phó Bí thư, Chủ tịch UBND' },
			{ line: 2, fullName: 'Phạm Thị Dung', jobTitle: 'Trưởng ban Tổ chức, Đảng ủy' }
		]);
	});

	it('accepts a name without a position and collapses stray spaces', () => {
		const { subjects } = parseSubjectList('  Hoàng   Văn  Em  ');
		expect(subjects).toEqual([{ line: 1, fullName: 'Hoàng Văn Em', jobTitle: '' }]);
	});

	it('reports each bad line with its number and keeps the good ones', () => {
		const result = parseSubjectList(
			['Nguyễn Văn An\tBí thư', '\tChủ tịch', '7', 'X'.repeat(101) + '\tĐảng viên'].join('\n')
		);
		expect(result.subjects.map((subject) => subject.line)).toEqual([1]);
		expect(result.problems.map(({ line, problem }) => [line, problem])).toEqual([
			[2, 'missing_name'],
			[3, 'missing_name'],
			[4, 'name_too_long']
		]);
	});

	it('treats only the first non-empty line as a possible header', () => {
		const { subjects } = parseSubjectList('Nguyễn Văn An\tBí thư\nHọ Tên Lạ\tĐảng viên');
		expect(subjects.map((subject) => subject.fullName)).toEqual(['Nguyễn Văn An', 'Họ Tên Lạ']);
	});

	it('handles 60 people in one paste', () => {
		const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}\tĐại biểu số ${i + 1}\tỦy viên`);
		const { subjects, problems } = parseSubjectList(lines.join('\n'));
		expect(subjects).toHaveLength(60);
		expect(problems).toHaveLength(0);
		expect(subjects[59]).toEqual({ line: 60, fullName: 'Đại biểu số 60', jobTitle: 'Ủy viên' });
	});
});
