/**
 * Every export of a published result carries its amendments, from the one model: the JSON, the
 * CSV (a table after the results), the workbook (a sheet of its own) and the minutes (a section
 * "Đính chính" after the result); an appraisal's amended grade stands beside the published one.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { amendResult } from '../results/amendments';
import { publish } from '../results/publication';
import { sessionById } from '../sessions/lifecycle';
import { listSubjects } from '../sessions/subjects';
import { publishedTwoGroups, type ClosedAppraisal } from '../testing/appraisal-session';
import { closedWithOneBallot } from '../testing/one-ballot';
import { pdfText } from '../testing/pdf-text';
import { anonymousBallots } from './ballots';
import { resultsCsv } from './csv';
import { exportData } from './index';
import { minutesPdf } from './minutes';
import { resultsExportSchema, resultsJson } from './model';
import { resultsWorkbook } from './xlsx';

const DECISION = 'Quyết định số 12/QĐ-UBND ngày 05/01/2027';
const SPELLING = 'Họ tên đúng là “Trần Thị Bình”, không phải “Trần Thị Bính” như trong biên bản.';

/** The published two duty groups, amended twice: a name in words, then Phúc's grade. */
async function amend(): Promise<ClosedAppraisal> {
	const appraisal = await publishedTwoGroups();
	const { db, sessionId, ownerId } = appraisal;
	const session = () => sessionById(db, sessionId)!;
	const phuc = listSubjects(db, sessionId).find((p) => p.fullName === 'Trịnh Văn Phúc')!;
	expect(
		amendResult(db, session(), ownerId, { reason: DECISION, correction: SPELLING, grade: null })
	).toBe('ok');
	const grade = { subjectId: phuc.id, after: 'completed' as const };
	expect(amendResult(db, session(), ownerId, { reason: DECISION, correction: '', grade })).toBe(
		'ok'
	);
	return appraisal;
}

/** Phúc's amendment as the CSV and the workbook list it, after its date. */
const PHUC_AMENDED = ['bithu', 'Trịnh Văn Phúc', 'HTTNV', 'HTNV', '', DECISION];

/** Made once: every test of it only reads. */
let amended: Promise<ClosedAppraisal> | undefined;
const amendedAppraisal = () => (amended ??= amend());

const exported = ({ db, sessionId }: ClosedAppraisal) => {
	const data = exportData(db, sessionById(db, sessionId)!);
	return { ...data, ballots: anonymousBallots(db, data.report) };
};

async function readWorkbook(workbook: Buffer): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(workbook as unknown as ExcelJS.Buffer);
	return book;
}

/** Records as csv-parse reads them, the byte-order mark aside. */
const csvRecords = (csv: string) =>
	parse(csv.slice(1), { relax_column_count: true, skip_empty_lines: false }) as string[][];

/**
 * The minutes' text without what a line break may add or take away: spaces, and the hyphen
 * pdftotext drops where a line ends on one.
 */
const unbroken = (text: string) => text.replace(/[\s-]/g, '');

// Minutes take seconds to lay out on a busy machine.
describe('the exports of an amended appraisal', { timeout: 20_000 }, () => {
	it('JSON: the amendments, dated, with who and why, and the amended grade beside the published one', async () => {
		const { model } = exported(await amendedAppraisal());
		const json = JSON.parse(JSON.stringify(resultsJson(model)));
		expect(resultsExportSchema.parse(json)).toEqual(model);
		expect(json.version).toBe(4);
		expect(json.amendments).toEqual([
			{ at: expect.any(String), by: 'bithu', reason: DECISION, correction: SPELLING, grade: null },
			{
				at: expect.any(String),
				by: 'bithu',
				reason: DECISION,
				correction: '',
				grade: { number: 7, fullName: 'Trịnh Văn Phúc', before: 'good', after: 'completed' }
			}
		]);
		const phuc = json.appraisal.subjects[6];
		expect(phuc).toMatchObject({ finalGrade: 'good', amendedGrade: 'completed' });
		expect(json.appraisal.subjects[0]).toMatchObject({
			finalGrade: 'excellent',
			amendedGrade: null
		});
	});

	it('CSV: the amended grade in its column, the amendments as a table after the results', async () => {
		const { model } = exported(await amendedAppraisal());
		const records = csvRecords(resultsCsv(model));
		const [header, ...rest] = records;
		const column = header!.indexOf('Xếp loại sau đính chính');
		expect(column).toBeGreaterThan(header!.indexOf('Xếp loại được xác nhận'));
		expect(rest.slice(0, 10).map((row) => row[column])).toEqual([
			...Array(6).fill(''),
			'HTNV',
			...Array(3).fill('')
		]);
		// One empty line, then the amendments' own header and rows.
		expect(rest[10]).toEqual(['']);
		expect(rest[11]).toEqual([
			'Thời điểm đính chính',
			'Người thực hiện',
			'Họ và tên',
			'Xếp loại trước đính chính',
			'Xếp loại sau đính chính',
			'Nội dung đính chính',
			'Lý do, căn cứ'
		]);
		expect(rest[12]).toEqual([
			expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
			'bithu',
			'',
			'',
			'',
			SPELLING,
			DECISION
		]);
		expect(rest[13]).toEqual([expect.any(String), ...PHUC_AMENDED]);
		expect(rest).toHaveLength(14);
	});

	it('XLSX: a sheet of amendments, and the amended grade on the results sheet', async () => {
		const { model, ballots } = exported(await amendedAppraisal());
		const book = await readWorkbook(await resultsWorkbook(model, ballots));
		expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
			'Kết quả',
			'Phiên',
			'Đính chính',
			'Phiếu (ngẫu nhiên)'
		]);
		const results = book.worksheets[0]!;
		const header = results.getRow(1).values as unknown[];
		const column = header.indexOf('Xếp loại sau đính chính');
		expect(results.getRow(8).getCell(2).value).toBe('Trịnh Văn Phúc');
		expect(results.getRow(8).getCell(column).value).toBe('HTNV');
		const amendments = book.getWorksheet('Đính chính')!;
		expect(amendments.getRow(2).getCell(6).value).toBe(SPELLING);
		expect((amendments.getRow(3).values as unknown[]).slice(2)).toEqual(PHUC_AMENDED);
	});

	it('PDF: the amended grade in the table and a section “Đính chính” after the signatures', async () => {
		const { model } = exported(await amendedAppraisal());
		const text = unbroken(pdfText(await minutesPdf(model, 'vi')));
		expect(text).toContain(unbroken('HTTNV Theo đề xuất của chi bộ'));
		expect(text).toContain(unbroken('Sau đính chính: HTNV'));
		const section = text.indexOf(unbroken('Đính chính sau khi công bố'));
		// After the signatures: the committee signed the result as published.
		expect(section).toBeGreaterThan(text.lastIndexOf(unbroken('Vũ Văn Ổn')));
		expect(text.slice(section)).toContain(
			unbroken(
				'Phần này được ghi thêm sau khi kết quả được công bố; số liệu đã công bố ở trên giữ nguyên. Kết quả được đính chính như sau:'
			)
		);
		expect(text.slice(section)).toMatch(/1\.Ngày\d\d\/\d\d\/\d{4}lúc\d\d:\d\d,bithu:/);
		expect(text.slice(section)).toContain(unbroken(`bithu: ${SPELLING} Lý do: ${DECISION}`));
		expect(text.slice(section)).toContain(
			unbroken(`bithu: Trịnh Văn Phúc: xếp loại HTTNV sửa thành HTNV. Lý do: ${DECISION}`)
		);
	});
});

describe('the exports of an amended confidence vote', { timeout: 20_000 }, () => {
	it('carry the correction in every format; a result never amended carries none', async () => {
		const { db, sessionId, ownerId } = await closedWithOneBallot();
		publish(db, sessionId, ownerId);
		const plain = exportData(db, sessionById(db, sessionId)!).model;
		expect(plain.amendments).toEqual([]);
		expect(resultsCsv(plain)).not.toContain('Đính chính');
		expect(pdfText(await minutesPdf(plain, 'vi'))).not.toContain('Đính chính');

		const correction = 'Chức vụ đúng của Người số 1 là Phó Bí thư.';
		const input = { reason: DECISION, correction, grade: null };
		expect(amendResult(db, sessionById(db, sessionId)!, ownerId, input)).toBe('ok');
		const { model, report } = exportData(db, sessionById(db, sessionId)!);
		expect(model.amendments).toMatchObject([{ by: 'bithu', correction, reason: DECISION }]);
		expect(csvRecords(resultsCsv(model)).at(-1)?.slice(-2)).toEqual([correction, DECISION]);
		const book = await readWorkbook(await resultsWorkbook(model, anonymousBallots(db, report)));
		expect(book.getWorksheet('Đính chính')?.getRow(2).getCell(6).value).toBe(correction);
		const text = unbroken(pdfText(await minutesPdf(model, 'vi')));
		expect(text).toContain(unbroken(`${correction} Lý do: ${DECISION}`));
	});
});
