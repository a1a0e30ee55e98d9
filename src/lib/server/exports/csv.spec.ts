import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { castChoices, openSession } from '../testing/fixtures';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';
import { resultsCsv } from './csv';
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
			'Tín nhiệm thấp (%)': '66.67',
			'Để trống': '0',
			'Số người được triệu tập': '3',
			'Mức theo quy định': 'Tín nhiệm thấp từ 2/3 trở lên tổng số người được triệu tập'
		});
		expect(rows[0]?.['Hệ quả']).toContain('thôi giữ chức vụ');
		expect(rows[1]).toMatchObject({
			'Tín nhiệm cao': '1',
			'Tín nhiệm cao (%)': '33.33',
			'Để trống': '1'
		});
	});
});
