import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeVoting, newOrganiser, openVoting, prepareSession } from './support/fixtures';
import { pdfText } from './support/print';

/** Combining marks: what a decomposed Vietnamese letter carries after its base letter. */
const MARK = { breve: '\u0306', circumflex: '\u0302', horn: '\u031B' };
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // ngang, sắc, huyền, hỏi, ngã, nặng
const VOWELS = [
	'a',
	`a${MARK.breve}`,
	`a${MARK.circumflex}`,
	'e',
	`e${MARK.circumflex}`,
	'i',
	'o',
	`o${MARK.circumflex}`,
	`o${MARK.horn}`,
	'u',
	`u${MARK.horn}`,
	'y'
];

/**
 * One person per vowel, named by that vowel with every tone in both cases ("a á à ả ã ạ A Á À
 * Ả Ã Ạ"), and one for đ and Đ: every letter of Vietnamese, as composed text (NFC).
 */
const NAMES = [
	...VOWELS.map((vowel) => {
		const lower = TONES.map((tone) => `${vowel}${tone}`.normalize('NFC'));
		return [...lower, ...lower.map((letter) => letter.toUpperCase())].join(' ');
	}),
	'Đặng Đình đ Đ'
];
/** As Unikey's "Unicode tổ hợp" or a Mac types them. */
const typed = (text: string) => text.normalize('NFD');
const JOB_TITLE = 'Phó Trưởng phòng Tổ chức cán bộ';

test('names typed decomposed reach the minutes PDF and every export composed (NFC)', async ({
	page
}) => {
	test.setTimeout(120_000);
	for (const name of NAMES) expect(typed(name)).not.toBe(name);
	await newOrganiser(page);
	// What the browser posts, URL-encoded or as multipart form data.
	const posted: string[] = [];
	page.on('request', (request) => {
		const body = request.postData() ?? '';
		try {
			posted.push(decodeURIComponent(body.replace(/\+/g, ' ')));
		} catch {
			posted.push(body);
		}
	});
	const sessionUrl = await prepareSession(page, {
		title: 'Lấy phiếu tín nhiệm kiểm tra chữ Việt',
		convened: 3,
		people: NAMES.map((name) => typed(`${name}\t${JOB_TITLE}`)),
		present: 3
	});
	// The browser sent the list decomposed, as the organiser typed it.
	expect(posted.some((body) => body.includes(typed(NAMES[0] as string)))).toBe(true);

	await openVoting(page, sessionUrl);
	await closeVoting(page, sessionUrl);
	const download = async (file: string) => {
		const response = await page.request.get(`${sessionUrl}/${file}`);
		expect(response.ok(), file).toBe(true);
		return response.body();
	};

	// The minutes: poppler reads every name back exactly, in composed form, with no mark apart.
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-nfc-'));
	const minutes = join(directory, 'minutes.pdf');
	writeFileSync(minutes, await download('minutes.pdf'));
	const text = pdfText(minutes);
	// pdftotext guesses spaces from the gaps between letters, and single letters in a row leave
	// gaps too narrow for it: the letters are compared without the spaces.
	const letters = (words: string) => words.replace(/\s+/g, '');
	for (const name of NAMES) expect(letters(text)).toContain(letters(name));
	expect(text).toContain(NAMES.at(-1));
	expect(text).toContain(JOB_TITLE);
	expect(text).not.toMatch(/\p{M}/u);

	const csv = parse((await download('results.csv')).toString('utf8').replace(/^\uFEFF/, ''), {
		columns: true
	}) as Record<string, string>[];
	expect(csv.map((row) => row['Họ và tên'])).toEqual(NAMES);

	const json = JSON.parse((await download('results.json')).toString('utf8'));
	expect(json.confidence.map((person: { fullName: string }) => person.fullName)).toEqual(NAMES);

	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await download('results.xlsx')) as unknown as ExcelJS.Buffer);
	const sheet = book.worksheets[0]!;
	const cells = NAMES.map((_, index) => sheet.getRow(index + 2).getCell(2).value);
	expect(cells).toEqual(NAMES);
});
