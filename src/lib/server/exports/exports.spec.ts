import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addCommitteeMember } from '../sessions/committee';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import {
	castChoices,
	castScores,
	contradictoryStoredSession,
	issueTestCards,
	openAppraisal,
	openSession
} from '../testing/fixtures';
import { closeVoteSession, sessionById } from '../sessions/lifecycle';
import { NQ_85_2014_QH13, NQ_96_2023_QH15, type ConfidencePreset } from '$lib/tally/presets';
import type { ResultsExport } from './model';
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

/** The minutes' text as pdftotext reads it back, spaces and line breaks collapsed. */
async function minutesText(model: ResultsExport): Promise<string> {
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-minutes-'));
	const file = join(directory, 'minutes.pdf');
	writeFileSync(file, await minutesPdf(model, 'vi'));
	return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
		.normalize('NFC')
		.replace(/\s+/g, ' ');
}

/** The stored session of issue 13 (see the fixture), as its export model. */
async function contradictorySession(preset: ConfidencePreset) {
	const { db, sessionId } = await contradictoryStoredSession(preset);
	return exportData(db, sessionById(db, sessionId)!).model;
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
			issuedWithinConvened: true,
			issuedWithinPresent: true,
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
		const results = book.worksheets[0]!;
		const total = (results.getRow(1).values as unknown[]).indexOf('Tổng điểm');
		expect(results.getRow(2).getCell(total).value).toBe(87.5);
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

	it('states every reconciliation from the real figures', async () => {
		const { model } = await closedConfidenceVote();
		const text = await minutesText(model);
		for (const sentence of [
			'Số phiếu phát ra (6) không vượt số người được triệu tập (6).',
			'Số phiếu phát ra (6) không vượt số người có mặt (6).',
			'Số phiếu thu về (5) không vượt số phiếu phát ra (6).',
			'Phiếu thu về qua điện thoại (4) không vượt số phiếu QR phát ra (5).',
			'Phiếu giấy thu về (1) không vượt số phiếu giấy phát ra (1).'
		]) {
			expect(text).toContain(sentence);
		}
		expect(text).not.toContain('cần kiểm tra lại');
	});

	it('states ballots handed out beyond the people present, with the organiser’s reasons', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openSession({
			convened: 5,
			present: 3,
			cards: 3,
			subjects: 1,
			preset: NQ_96_2023_QH15
		});
		const reason = 'Đồng chí Hà đến sau khi điểm danh';
		issueTestCards(db, sessionId, 1, { actorId: ownerId, beyondPresentReason: reason });
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[subjectIds[0]!, 'high']]),
			nonce(0)
		);
		closeVoteSession(db, sessionId, ownerId);
		const { model } = exportData(db, sessionById(db, sessionId)!);
		expect(model.totals.issuedBeyondPresentReasons).toEqual([reason]);
		expect(model.reconciliation).toMatchObject({ issuedWithinPresent: false });
		expect(await minutesText(model)).toContain(
			`Số phiếu phát ra (4) nhiều hơn số người có mặt (3); người tổ chức đã xác nhận việc phát thêm phiếu với lý do: “${reason}”.`
		);
	});

	it('state figures stored before the ceilings as the discrepancy they are', async () => {
		for (const preset of [NQ_85_2014_QH13, NQ_96_2023_QH15]) {
			const model = await contradictorySession(preset);
			expect(model.reconciliation).toMatchObject({
				issuedWithinConvened: false,
				issuedWithinPresent: false
			});
			expect(model.totals).toMatchObject({ bandsApply: false, bandsWithheld: 'figures' });
			expect(model.confidence?.[0]?.band).toBeNull();
			const text = await minutesText(model);
			expect(text, preset.id).toContain(
				'Số phiếu phát ra (8) vượt số người được triệu tập (5): các số liệu không khớp nhau, cần kiểm tra lại.'
			);
			expect(text).toContain(
				'Số phiếu phát ra (8) nhiều hơn số người có mặt (3), không có xác nhận của người tổ chức: cần kiểm tra lại.'
			);
			expect(text).toContain('Số phiếu thu về (6) không vượt số phiếu phát ra (8).');
			expect(text).toContain('Không xác định mức nào: các số liệu kiểm phiếu không khớp nhau');
			expect(text).not.toContain('Người thuộc các mức theo quy định');
			const percentages = [...text.matchAll(/(\d+),(\d\d) %/g)].map(([, whole, cents]) =>
				Number(`${whole}.${cents}`)
			);
			expect(Math.max(...percentages)).toBeLessThanOrEqual(100);
		}
		// On the members (NQ 85) 6 low of 5 is no percentage: the minutes say why it is missing.
		const members = await contradictorySession(NQ_85_2014_QH13);
		expect(members.confidence?.[0]?.percent.low).toBeNull();
		expect(await minutesText(members)).toContain(
			'“—”: không có tỷ lệ phần trăm vì số phiếu lớn hơn cơ sở tính tỷ lệ (5).'
		);
		// The JSON can hold them: every percentage it allows is at most 100.
		expect(resultsExportSchema.parse(JSON.parse(JSON.stringify(resultsJson(members))))).toEqual(
			members
		);
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
