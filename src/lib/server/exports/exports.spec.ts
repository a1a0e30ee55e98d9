import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addCommitteeMember } from '../sessions/committee';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import { castChoices, castScores, openAppraisal, openSession } from '../testing/fixtures';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';
import { anonymousBallots } from './ballots';
import { exportData } from './index';
import { minutesPdf } from './minutes';
import { resultsExportSchema, resultsJson } from './model';
import { resultsWorkbook } from './xlsx';

const nonce = (index: number) => `${index}`.padStart(22, 'N');

/** A closed confidence vote: 6 convened, 5 cards, 4 phone ballots and 1 paper ballot. */
async function closedConfidenceVote() {
	const fixture = await openSession({ convened: 6, present: 6, cards: 5, subjects: 2 });
	const { db, ownerId, sessionId, cards, subjectIds } = fixture;
	const [a, b] = subjectIds as [string, string];
	const marks: [string, string][][] = [
		[
			[a, 'high'],
			[b, 'low']
		],
		[
			[a, 'high'],
			[b, 'low']
		],
		[
			[a, 'confidence'],
			[b, 'low']
		],
		[[a, 'low']]
	];
	marks.forEach((ballot, index) =>
		castChoices(db, { kind: 'token', value: cards[index]!.token }, new Map(ballot), nonce(index))
	);
	setPaperIssued(db, sessionId, 1, ownerId);
	storePaperBallot(db, sessionId, { kind: 'choices', choices: new Map([[b, 'low']]) });
	addCommitteeMember(db, sessionId, { fullName: 'Đặng Thị Hồng', roleTitle: 'Trưởng ban' });
	addCommitteeMember(db, sessionId, { fullName: 'Vũ Văn Ổn', roleTitle: 'Thành viên' });
	closeVoteSession(db, sessionId, ownerId);
	const exported = exportData(db, sessionById(db, sessionId)!);
	return { ...exported, ballots: anonymousBallots(db, exported.report) };
}

describe('the export model', () => {
	it('validates against its own schema and agrees with the tally', async () => {
		const { model } = await closedConfidenceVote();
		const json = JSON.parse(JSON.stringify(resultsJson(model)));
		expect(resultsExportSchema.parse(json)).toEqual(model);
		expect(model.totals).toMatchObject({
			convened: 6,
			cardsIssued: 5,
			paperIssued: 1,
			issued: 6,
			returned: 5,
			paperReturned: 1,
			valid: 5,
			invalid: 0
		});
		expect(model.reconciliation).toEqual({
			phoneWithinCards: true,
			paperWithinIssued: true,
			totalWithinIssued: true
		});
		// Subject 2: 4 low of 5 ballots returned (6 convened) = 80 %, two thirds or more.
		expect(json.totals.base).toMatchObject({ kind: 'returned', size: 5 });
		expect(json.totals.base?.text).toContain('5 phiếu thu về');
		expect(json.confidence?.[1]).toMatchObject({
			counts: { low: 4, blank: 1, invalidRow: 0 },
			percent: { low: 80, blank: 20 },
			band: { id: 'two-thirds', article: 'Điều 11 khoản 3' }
		});
		// In the model the same figures are exact hundredths, for every format to write.
		expect(model.confidence?.[1]?.percent).toMatchObject({ low: 8000, blank: 2000 });
	});

	it('is documented by docs/results.schema.json, generated from the same schema', async () => {
		const schema =
			JSON.stringify(z.toJSONSchema(resultsExportSchema, { io: 'input' }), null, '\t') + '\n';
		await expect(schema).toMatchFileSnapshot('../../../../docs/results.schema.json');
	});
});

describe('the workbook', () => {
	it('reads back with the same numbers, real numbers and formatted percentages', async () => {
		const { model, ballots } = await closedConfidenceVote();
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await resultsWorkbook(model, ballots)) as unknown as ExcelJS.Buffer);
		expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
			'Kết quả',
			'Phiên',
			'Phiếu (ngẫu nhiên)'
		]);
		const results = book.worksheets[0]!;
		const second = results.getRow(3);
		expect(second.getCell(2).value).toBe('Người số 2');
		expect(second.getCell(8).value).toBe(4);
		expect(second.getCell(9).value).toBeCloseTo(0.8, 10);
		expect(second.getCell(9).numFmt).toBe('0.00%');
		const session = book.worksheets[1]!;
		const byLabel = new Map(
			session.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : []))
		);
		expect(byLabel.get('Số phiếu thu về')).toBe(5);
		expect(byLabel.get('Phiếu giấy phát ra')).toBe(1);
		// One row per ballot under a header, 5 ballots.
		expect(book.worksheets[2]!.rowCount).toBe(6);
	});

	it('lists score sheets separately for a score-sheet appraisal', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openAppraisal('scores');
		castScores(
			db,
			{ kind: 'token', value: cards[0]!.token },
			{ [subjectIds[0]!]: { g: 55, t: 120 } },
			nonce(0)
		);
		closeVoteSession(db, sessionId, ownerId);
		const { model, report } = exportData(db, sessionById(db, sessionId)!);
		const ballots = anonymousBallots(db, report);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await resultsWorkbook(model, ballots)) as unknown as ExcelJS.Buffer);
		const sheets = book.worksheets[2]!;
		expect(sheets.getRow(2).values).toEqual([undefined, 1, 'Người số 1', 27.5, 60]);
		expect(book.worksheets[0]!.getRow(2).getCell(6).value).toBe(87.5);
	});
});

describe('the minutes PDF', () => {
	it('carries the Vietnamese names, headings and figures as selectable text', async () => {
		const { model } = await closedConfidenceVote();
		const directory = mkdtempSync(join(tmpdir(), 'phieukin-minutes-'));
		const file = join(directory, 'minutes.pdf');
		writeFileSync(file, await minutesPdf(model, 'vi'));
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		for (const expected of [
			'BIÊN BẢN KIỂM PHIẾU',
			'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
			'Đặng Thị Hồng',
			'Vũ Văn Ổn',
			'TRƯỞNG BAN',
			'(Ký, ghi rõ họ tên)',
			'Số người được triệu tập',
			'Người số 2',
			'80,00 %',
			'Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị',
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			'Tỷ lệ tính trên tổng số 5 phiếu thu về (Điều 6 khoản 3)',
			'Điều 11 khoản 3',
			'Việc kiểm phiếu kết thúc lúc'
		]) {
			expect(text.normalize('NFC'), expected).toContain(expected);
		}
		expect(text).toMatch(/Số phiếu thu về\s+5 \(trong đó phiếu giấy: 1\)/);
	});

	it('lists the cap’s moves and the confirmed grades with their reasons for an appraisal', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openAppraisal('scores', {
			subjects: 2
		});
		castScores(
			db,
			{ kind: 'token', value: cards[0]!.token },
			{ [subjectIds[0]!]: { g: 60, t: 130 }, [subjectIds[1]!]: { g: 50, t: 100 } },
			nonce(0)
		);
		closeVoteSession(db, sessionId, ownerId);
		const { model } = exportData(db, sessionById(db, sessionId)!);
		const directory = mkdtempSync(join(tmpdir(), 'phieukin-minutes-'));
		const file = join(directory, 'minutes.pdf');
		writeFileSync(file, await minutesPdf(model, 'vi'));
		const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
			.normalize('NFC')
			.replace(/\s+/g, ' ');
		expect(text).toContain('Kết quả của tập thể: 1 người đạt HTXSNV, 1 người HTTNV.');
		expect(text).toContain('Chuyển 1 người xuống HTTNV');
		expect(text).toContain('95,00 điểm: HTXSNV');
	});
});
