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

	describe('an appraisal’s table: duty group, self-score and self-grade', () => {
		const appraisal = { appraisal: true };

		it('reads the three columns after the name and title, as copied from Excel or Word', () => {
			const result = parseSubjectList(
				[
					'1\tNguyễn Văn An\tTrưởng phòng\tLãnh đạo phòng\t92,5\tHTXSNV',
					'2\tTrần Thị Bình\tChuyên viên\tChuyên môn\t87,25\thoàn thành tốt nhiệm vụ',
					'3\tLê Văn Cường\tChuyên viên\t\t92.5\tHoan thanh nhiem vu',
					'4\tPhạm Thị Dung\tChuyên viên\tChung\t70\tkhtnv'
				].join('\n'),
				appraisal
			);
			expect(result.problems).toEqual([]);
			expect(
				result.subjects.map(({ fullName, dutyGroup, selfScore, selfGrade }) => [
					fullName,
					dutyGroup,
					selfScore,
					selfGrade
				])
			).toEqual([
				['Nguyễn Văn An', 'Lãnh đạo phòng', 9250, 'excellent'],
				['Trần Thị Bình', 'Chuyên môn', 8725, 'good'],
				// An empty group, or the default group's own name, is the default group.
				['Lê Văn Cường', '', 9250, 'completed'],
				['Phạm Thị Dung', '', 7000, 'not_completed']
			]);
		});

		it('keeps the two-column paste as it was, and a self-assessment may be left out', () => {
			const { subjects, problems } = parseSubjectList(
				'Nguyễn Văn An\tBí thư\nTrần Thị Bình\tPhó Bí thư\tVăn phòng\nLê Văn Cường, Ủy viên',
				appraisal
			);
			expect(problems).toEqual([]);
			expect(subjects).toEqual([
				{
					line: 1,
					fullName: 'Nguyễn Văn An',
					jobTitle: 'Bí thư',
					ignored: [],
					dutyGroup: '',
					selfScore: null,
					selfGrade: null
				},
				{
					line: 2,
					fullName: 'Trần Thị Bình',
					jobTitle: 'Phó Bí thư',
					ignored: [],
					dutyGroup: 'Văn phòng',
					selfScore: null,
					selfGrade: null
				},
				{
					line: 3,
					fullName: 'Lê Văn Cường',
					jobTitle: 'Ủy viên',
					ignored: [],
					dutyGroup: '',
					selfScore: null,
					selfGrade: null
				}
			]);
		});

		it('knows every grade by its abbreviation or name, whatever the case and tone marks', () => {
			const grades = [
				'HTXSNV',
				'htxsnv',
				'Hoàn thành xuất sắc nhiệm vụ (HTXSNV)',
				'HOÀN THÀNH XUẤT SẮC',
				'HTTNV',
				'Hoàn thành tốt',
				'HTNV',
				'hoàn thành',
				'KHTNV',
				'Không hoàn thành nhiệm vụ',
				'Completed duties well'
			];
			const { subjects, problems } = parseSubjectList(
				grades.map((grade, index) => `Người ${index + 1}\tChuyên viên\t\t\t${grade}`).join('\n'),
				appraisal
			);
			expect(problems).toEqual([]);
			expect(subjects.map((person) => person.selfGrade)).toEqual([
				'excellent',
				'excellent',
				'excellent',
				'excellent',
				'good',
				'good',
				'completed',
				'completed',
				'not_completed',
				'not_completed',
				'good'
			]);
		});

		it('refuses a row with a score or grade it cannot read, saying which cell', () => {
			const result = parseSubjectList(
				[
					'Nguyễn Văn An\tTrưởng phòng\t\t92,5 điểm',
					'Trần Thị Bình\tChuyên viên\t\t100,5',
					'Lê Văn Cường\tChuyên viên\t\t87,255',
					'Phạm Thị Dung\tChuyên viên\t\t-3',
					'Hoàng Văn Em\tChuyên viên\t\t80\tTốt',
					'Đỗ Thị Giang\tChuyên viên\t' + 'N'.repeat(201),
					'Vũ Văn Hải\tChuyên viên\tChuyên môn\t100\tHTTNV'
				].join('\n'),
				appraisal
			);
			expect(result.problems.map(({ line, problem, cell }) => [line, problem, cell])).toEqual([
				[1, 'self_score_invalid', '92,5 điểm'],
				[2, 'self_score_invalid', '100,5'],
				[3, 'self_score_invalid', '87,255'],
				[4, 'self_score_invalid', '-3'],
				[5, 'self_grade_invalid', 'Tốt'],
				[6, 'duty_group_too_long', 'N'.repeat(201)]
			]);
			expect(result.subjects).toMatchObject([
				{ line: 7, dutyGroup: 'Chuyên môn', selfScore: 10000, selfGrade: 'good' }
			]);
		});

		it('finds the columns by their headings, wherever they stand', () => {
			const result = parseSubjectList(
				[
					'STT\tTự xếp loại\tHọ và tên\tChức vụ\tĐơn vị\tNhóm\tĐiểm tự chấm',
					'1\tHTTNV\tNguyễn Văn An\tTrưởng phòng\tPhòng Tổ chức\tLãnh đạo\t85'
				].join('\n'),
				appraisal
			);
			expect(result.columns).toEqual({
				name: 'Họ và tên',
				title: 'Chức vụ',
				dutyGroup: 'Nhóm',
				selfScore: 'Điểm tự chấm',
				selfGrade: 'Tự xếp loại',
				ignored: ['Đơn vị']
			});
			expect(result.subjects).toEqual([
				{
					line: 2,
					fullName: 'Nguyễn Văn An',
					jobTitle: 'Trưởng phòng',
					ignored: ['Phòng Tổ chức'],
					dutyGroup: 'Lãnh đạo',
					selfScore: 8500,
					selfGrade: 'good'
				}
			]);
		});

		it('reads nothing of the sort for a confidence vote', () => {
			const result = parseSubjectList('Nguyễn Văn An\tBí thư\tLãnh đạo\t92\tHTXSNV');
			expect(result.subjects).toEqual([
				{
					line: 1,
					fullName: 'Nguyễn Văn An',
					jobTitle: 'Bí thư',
					ignored: ['Lãnh đạo', '92', 'HTXSNV']
				}
			]);
		});
	});
});
