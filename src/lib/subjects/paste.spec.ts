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
				{ line: 2, fullName: 'Nguyễn Văn An', jobTitle: 'Bí thư Đảng ủy', ignored: [] },
				{
					line: 3,
					fullName: 'Trần Thị Bình',
					jobTitle: 'Phó Bí thư, Chủ tịch UBND xã',
					ignored: []
				}
			],
			problems: [],
			columns: { name: 'Họ và tên', title: 'Chức vụ', ignored: [] }
		});
	});

	it('reads comma-separated lines, keeping commas inside the position', () => {
		const { subjects } = parseSubjectList(
			'Lê Văn Cường, Phó Bí thư, Chủ tịch UBND\n3, Phạm Thị Dung, Trưởng ban Tổ chức, Đảng ủy'
		);
		expect(subjects).toEqual([
			{ line: 1, fullName: 'Lê Văn Cường', jobTitle: 'Phó Bí thư, Chủ tịch UBND', ignored: [] },
			{ line: 2, fullName: 'Phạm Thị Dung', jobTitle: 'Trưởng ban Tổ chức, Đảng ủy', ignored: [] }
		]);
	});

	it('accepts a name without a position and collapses stray spaces', () => {
		const { subjects } = parseSubjectList('  Hoàng   Văn  Em  ');
		expect(subjects).toEqual([{ line: 1, fullName: 'Hoàng Văn Em', jobTitle: '', ignored: [] }]);
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
		expect(subjects[59]).toMatchObject({
			line: 60,
			fullName: 'Đại biểu số 60',
			jobTitle: 'Ủy viên'
		});
	});

	it('never merges extra spreadsheet columns into the title: they come back as ignored', () => {
		const result = parseSubjectList(
			[
				'1\tNguyễn Văn An\tTrưởng phòng\tPhòng Tổ chức\t\t1975',
				'2\tTrần Thị Bình\tChuyên viên\t\t'
			].join('\n')
		);
		expect(result.subjects).toEqual([
			{
				line: 1,
				fullName: 'Nguyễn Văn An',
				jobTitle: 'Trưởng phòng',
				ignored: ['Phòng Tổ chức', '1975']
			},
			// Empty cells (Excel pads rows with tabs) are nothing to report.
			{ line: 2, fullName: 'Trần Thị Bình', jobTitle: 'Chuyên viên', ignored: [] }
		]);
		expect(result.columns).toBeNull();
	});

	it('finds the name and title by their headings, wherever they stand, and names the others', () => {
		const result = parseSubjectList(
			[
				'STT\tĐơn vị\tHọ và tên:\tNgày sinh\tChức vụ, chức danh\tGhi chú',
				'1\tPhòng Tổ chức\tNguyễn Văn An\t01/02/1975\tTrưởng phòng\t',
				'2\tVăn phòng\tTrần Thị Bình\t\tChánh Văn phòng\tnghỉ phép'
			].join('\n')
		);
		expect(result.columns).toEqual({
			name: 'Họ và tên',
			title: 'Chức vụ, chức danh',
			ignored: ['Đơn vị', 'Ngày sinh', 'Ghi chú']
		});
		expect(result.subjects).toEqual([
			{
				line: 2,
				fullName: 'Nguyễn Văn An',
				jobTitle: 'Trưởng phòng',
				ignored: ['Phòng Tổ chức', '01/02/1975']
			},
			{
				line: 3,
				fullName: 'Trần Thị Bình',
				jobTitle: 'Chánh Văn phòng',
				ignored: ['Văn phòng', 'nghỉ phép']
			}
		]);
	});

	it('takes a header without a title column as saying there is none', () => {
		const result = parseSubjectList('Họ và tên\tĐơn vị\nNguyễn Văn An\tPhòng Tổ chức');
		expect(result.columns).toEqual({ name: 'Họ và tên', title: null, ignored: ['Đơn vị'] });
		expect(result.subjects).toEqual([
			{ line: 2, fullName: 'Nguyễn Văn An', jobTitle: '', ignored: ['Phòng Tổ chức'] }
		]);
	});

	it('skips a row number before a name that has no title', () => {
		const { subjects } = parseSubjectList('1\tNguyễn Văn An');
		expect(subjects).toEqual([{ line: 1, fullName: 'Nguyễn Văn An', jobTitle: '', ignored: [] }]);
	});

	it('finds no one in blank lines or a lone header', () => {
		expect(parseSubjectList('\n  \n\t\n')).toEqual({ subjects: [], problems: [], columns: null });
		expect(parseSubjectList('STT\tHọ và tên\tChức vụ\n\n').subjects).toEqual([]);
	});
});
