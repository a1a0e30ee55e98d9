import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { castChoices, openSession } from '../testing/fixtures';
import { FORMULA_NAMES, formulaNamedSession } from '../testing/formula-names';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';
import { neutralised, resultsCsv } from './csv';
import { exportData } from './index';

const admin = { id: '', username: '', displayName: '', role: 'admin' as const };

describe('resultsCsv', () => {
	it('starts with a BOM, keeps diacritics and gives the figures of the result', async () => {
		const { db, sessionId, cards, subjectIds } = await openSession({
			convened: 3,
			cards: 3,
			subjects: 2
		});
		const [first, second] = subjectIds as [string, string];
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([
				[first, 'low'],
				[second, 'high']
			]),
			'a'.repeat(22)
		);
		castChoices(
			db,
			{ kind: 'token', value: cards[1]!.token },
			new Map([[first, 'low']]),
			'b'.repeat(22)
		);
		closeVoteSession(db, sessionId);
		const csv = resultsCsv(exportData(db, findVoteSession(db, admin, sessionId)!).model);

		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			STT: '1',
			'Họ và tên': 'Người số 1',
			'Tín nhiệm thấp': '2',
			// 2 of the 2 ballots returned (3 convened): QĐ 96 Điều 6.3 takes the ballots returned.
			'Tín nhiệm thấp (%)': '100.00',
			'Để trống': '0',
			'Dòng không hợp lệ': '0',
			'Tỷ lệ tính trên': '2 phiếu thu về',
			'Mức theo quy định': 'Số phiếu tín nhiệm thấp từ 2/3 tổng số phiếu thu về trở lên',
			'Căn cứ (điều, khoản)': 'Điều 11 khoản 3'
		});
		expect(rows[0]?.['Hệ quả']).toContain('miễn nhiệm chức vụ đang đảm nhiệm');
		expect(rows[1]).toMatchObject({
			'Tín nhiệm cao': '1',
			'Tín nhiệm cao (%)': '50.00',
			'Để trống': '1',
			'Mức theo quy định': ''
		});
	});
});

describe('CSV injection', () => {
	it('neutralises every text cell a spreadsheet would read as a formula, and no number', async () => {
		const csv = resultsCsv((await formulaNamedSession()).model);
		const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
		expect(rows.map((row) => [row['Họ và tên'], row['Chức vụ']])).toEqual(
			FORMULA_NAMES.map((cells) => cells.map((cell) => `'${cell}`))
		);
		// Figures stay numbers a spreadsheet reads as such.
		expect(rows[0]).toMatchObject({
			STT: '1',
			'Tín nhiệm cao': '1',
			'Tín nhiệm cao (%)': '100.00'
		});
	});

	it('quotes only what starts a formula (=, +, -, @, tab, carriage return)', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r'])
			expect(neutralised(`${start}1`)).toBe(`'${start}1`);
		for (const text of ['', 'Nguyễn Văn An', '1', ' =1', '—', "'=1", 'a=1'])
			expect(neutralised(text)).toBe(text);
	});
});
