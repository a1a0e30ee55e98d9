import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeVoting, issueCards, newOrganiser, openVoting } from './support/fixtures';
import { ballotShape, castBallot, phoneWithCard, submissionNonce } from './support/http-client';

const UNIT = 'Phòng Tổ chức cán bộ';

/** In ballot order, with each quarter's total score. */
const PEOPLE: [string, string, [number, number, number, number]][] = [
	['Nguyễn Văn An', 'Trưởng phòng', [95, 94, 96, 93]],
	['Đặng Thị Hạnh', 'Phó Trưởng phòng', [91, 92, 90, 92.5]],
	['Trần Thị Bình', 'Chuyên viên chính', [80, 82, 84, 78]],
	['Lê Văn Cường', 'Chuyên viên', [75, 76, 77, 78]],
	['Phạm Thị Dung', 'Chuyên viên', [85.5, 84, 86, 88]],
	['Hoàng Văn Em', 'Chuyên viên', [70, 72, 74, 71]],
	['Vũ Thị Phương', 'Chuyên viên', [88, 89, 87, 86.5]],
	['Bùi Văn Giang', 'Cán sự', [60, 45, 65, 70]]
];

/** Screenshots for the lead to look at, outside the repository. */
const SHOTS = process.env.SHOTS_DIR ?? join(tmpdir(), 'phieukin-year-shots');

/** The page as a phone and as a desktop show it, left at the phone's width. */
async function shoot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
}

async function createFirstQuarter(page: Page): Promise<string> {
	await page.goto('/sessions/new?kind=appraisal');
	await page.getByLabel('Tên hội nghị').fill('Đánh giá, xếp loại chất lượng quý I năm 2026');
	await page.getByLabel('Cơ quan, đơn vị').fill(UNIT);
	await page.getByLabel('Địa điểm').fill('Phòng họp số 3');
	await page.getByLabel('Số người được triệu tập', { exact: true }).fill(String(PEOPLE.length));
	await page.locator('#appraisal-preset-nd-335-2025').check();
	await page.getByLabel('Theo quý').check();
	await page.locator('#periodQuarter').selectOption('1');
	await page.getByLabel('Năm', { exact: true }).fill('2026');
	await page.getByLabel('Chấm điểm theo thang 100 điểm').check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByText('Quý I năm 2026 · Chấm điểm theo thang 100 điểm')).toBeVisible();
	const sessionUrl = page.url();
	await page.getByRole('link', { name: 'Thêm, sửa danh sách' }).click();
	await page
		.getByLabel('Danh sách', { exact: true })
		.fill(PEOPLE.map(([name, title]) => `${name}\t${title}`).join('\n'));
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await page.getByRole('button', { name: `Lưu ${PEOPLE.length} người` }).click();
	await expect(page.getByRole('status')).toContainText(`Đã thêm ${PEOPLE.length} người`);
	return sessionUrl;
}

/** One score sheet per person, each total spread over the criteria in the ballot's order. */
async function scoreQuarter(origin: string, code: string, quarter: number): Promise<void> {
	const phone = await phoneWithCard(origin, code);
	const { scores } = await ballotShape(phone);
	const people = [...new Set(scores.map((field) => field.person))];
	expect(people).toHaveLength(PEOPLE.length);
	const marks: Record<string, string> = {};
	people.forEach((person, index) => {
		let left = PEOPLE[index]![2][quarter - 1]!;
		for (const field of scores.filter((candidate) => candidate.person === person)) {
			const given = Math.min(field.maximum, left);
			marks[field.field] = String(given);
			left -= given;
		}
		expect(left).toBe(0);
	});
	expect((await castBallot(phone, marks, submissionNonce())).status).toBe(303);
}

async function runQuarter(page: Page, origin: string, sessionUrl: string, quarter: number) {
	await page.goto(sessionUrl);
	await page.getByLabel(/Số người có mặt/).fill(String(PEOPLE.length));
	await page.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(page.getByText(`Có mặt ${PEOPLE.length}/${PEOPLE.length}`)).toBeVisible();
	const [code] = await issueCards(page, sessionUrl, 1);
	await openVoting(page, sessionUrl);
	await scoreQuarter(origin, code!, quarter);
	await closeVoting(page, sessionUrl);
}

/** The session page's clone form: the next quarter, same people, rules and criteria. */
async function cloneNext(page: Page, sessionUrl: string, next: string): Promise<string> {
	await page.goto(sessionUrl);
	await page.getByRole('button', { name: `Tạo phiên ${next}` }).click();
	await expect(page.getByText(`${next} · Chấm điểm theo thang 100 điểm`)).toBeVisible();
	expect(page.url()).not.toBe(sessionUrl);
	return page.url();
}

test('a year view after four cloned quarters shows the year grades and exports them', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	const origin = baseURL ?? '';
	await newOrganiser(page);
	let sessionUrl = await createFirstQuarter(page);
	for (const [quarter, next] of [
		[1, 'Quý II năm 2026'],
		[2, 'Quý III năm 2026'],
		[3, 'Quý IV năm 2026'],
		[4, null]
	] as const) {
		await runQuarter(page, origin, sessionUrl, quarter);
		if (next) sessionUrl = await cloneNext(page, sessionUrl, next);
	}

	// From the sessions list to the latest year, where the one unit is shown.
	await page.goto('/sessions');
	await shoot(page, 'sessions');
	await page.getByRole('link', { name: 'Xếp loại cả năm theo đơn vị' }).click();
	await expect(page).toHaveURL(/\/years\/2026$/);
	await expect(
		page.getByRole('heading', { name: 'Xếp loại chất lượng cả năm 2026' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: UNIT })).toBeVisible();
	await expect(
		page.getByText(
			'Xếp loại cả năm theo quy định của quý gần nhất đã có kết quả (quý IV): Nghị định 335/2025/NĐ-CP: công chức.'
		)
	).toBeVisible();
	const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
	await expect(row('Nguyễn Văn An')).toContainText('94,50');
	await expect(row('Nguyễn Văn An')).toContainText('trung bình 4 quý có điểm');
	await expect(row('Nguyễn Văn An').locator('td').nth(6)).toContainText('HTXSNV');
	// Truncated, never rounded up: 85,875 and 91,375.
	await expect(row('Phạm Thị Dung')).toContainText('85,87');
	// Two excellent beside five good: one stays, the lower year score goes down.
	await expect(row('Đặng Thị Hạnh')).toContainText('91,37');
	await expect(row('Đặng Thị Hạnh').locator('td').nth(6)).toContainText('HTTNV');
	await expect(row('Đặng Thị Hạnh')).toContainText('Chuyển xuống HTTNV do giới hạn tỷ lệ');
	await expect(row('Đặng Thị Hạnh')).toContainText(
		'Theo điểm: Hoàn thành xuất sắc nhiệm vụ (HTXSNV)'
	);
	await expect(
		page.getByText(
			'Theo điểm cả năm có 2 người đạt HTXSNV, 5 người HTTNV; được giữ tối đa 1 người HTXSNV. Chuyển 1 người xuống HTTNV, người điểm thấp nhất trước: Đặng Thị Hạnh.'
		)
	).toBeVisible();
	// A quarter not completed is flagged; the year's mean of 60 is completed.
	await expect(row('Bùi Văn Giang')).toContainText('60,00');
	await expect(row('Bùi Văn Giang').locator('td').nth(6)).toContainText('HTNV');
	await expect(row('Bùi Văn Giang').locator('td').nth(7)).toHaveText('Quý II');
	await expect(row('Bùi Văn Giang').locator('td').nth(2)).toContainText('45,00 KHTNV');
	// NĐ 335's conditions (findings) are not recorded in any quarter: the grades are provisional.
	await expect(row('Trần Thị Bình')).toContainText(
		'Tạm tính: có quý chưa ghi nhận điều kiện xếp loại.'
	);
	// Quarters counted but not published are marked: on a phone in each label.
	await expect(row('Trần Thị Bình').locator('td').nth(1)).toHaveAttribute(
		'data-label',
		'Quý I (chưa công bố)'
	);

	await shoot(page, 'year');
	await page.setViewportSize({ width: 1280, height: 900 });
	await expect(page.getByRole('columnheader', { name: 'Quý IV chưa công bố' })).toBeVisible();

	// A unit the organiser has no quarter of, and a year that is not one, answer 404.
	expect((await page.request.get('/years/2026?unit=Ph%C3%B2ng%20kh%C3%A1c')).status()).toBe(404);
	expect((await page.request.get('/years/20x6')).status()).toBe(404);
	// The unit's name typed in another Unicode form still finds it.
	const decomposed = encodeURIComponent(UNIT.normalize('NFD'));
	expect((await page.request.get(`/years/2026?unit=${decomposed}`)).status()).toBe(200);

	// The page needs no JavaScript.
	const plain = await browser.newContext({
		storageState: await page.context().storageState(),
		javaScriptEnabled: false
	});
	const noScript = await plain.newPage();
	await noScript.goto(page.url());
	await expect(noScript.getByRole('row', { name: /Nguyễn Văn An/ })).toContainText('94,50');
	await plain.close();

	// The exports of the same view.
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-year-'));
	const download = async (name: string) => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name }).click()
		]);
		expect(file.suggestedFilename()).toMatch(
			/^\d{4}-\d{2}-\d{2} Xếp loại chất lượng năm 2026 Phòng Tổ chức cán bộ\.(xlsx|pdf)$/
		);
		const path = join(directory, file.suggestedFilename());
		await file.saveAs(path);
		return path;
	};

	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile(await download('Bảng tính (XLSX)'));
	const sheet = book.worksheets[0]!;
	expect(sheet.getRow(1).values).toEqual([undefined, 'Cơ quan, đơn vị', UNIT]);
	expect(sheet.getRow(2).getCell(2).value).toBe(2026);
	expect(String(sheet.getRow(3).getCell(2).value)).toContain('Nghị định 335/2025/NĐ-CP');
	const rowOf = (name: string) => {
		let found: ExcelJS.Row | undefined;
		sheet.eachRow((candidate) => {
			if (candidate.getCell(2).value === name) found = candidate;
		});
		return found!;
	};
	const an = rowOf('Nguyễn Văn An');
	expect([5, 7, 9, 11, 13].map((column) => an.getCell(column).value)).toEqual([
		95, 94, 96, 93, 94.5
	]);
	expect(an.getCell(14).value).toBe(4);
	expect(an.getCell(15).value).toBe('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)');
	expect(rowOf('Phạm Thị Dung').getCell(13).value).toBe(85.87);
	expect(rowOf('Đặng Thị Hạnh').getCell(16).value).toContain(
		'Chuyển xuống HTTNV do giới hạn tỷ lệ'
	);
	expect(rowOf('Bùi Văn Giang').getCell(8).value).toBe('KHTNV');
	expect(rowOf('Họ và tên').getCell(8).value).toBe('Quý II (chưa công bố): xếp loại');
	expect(rowOf('Bùi Văn Giang').getCell(17).value).toBe('Quý II');

	const pdfPath = await download('Bảng tổng hợp (PDF)');
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	for (const expected of [
		'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		'Độc lập - Tự do - Hạnh phúc',
		'PHÒNG TỔ CHỨC CÁN BỘ',
		'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026',
		'Nguyễn Văn An',
		'Đặng Thị Hạnh',
		'Bùi Văn Giang',
		'94,50',
		'91,37',
		'Chuyển xuống HTTNV do giới hạn tỷ lệ',
		'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ'
	]) {
		expect(text).toContain(expected);
	}
	expect(text).toMatch(/Phòng họp số 3, ngày \d{2} tháng \d{2} năm \d{4}/);
	execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(SHOTS, 'year-pdf')]);
	expect(readdirSync(SHOTS).some((file) => file.startsWith('year-pdf'))).toBe(true);

	// A person's quarters link to their unit's year.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/years/2026');
	const history = await page.getByRole('link', { name: 'Quý IV năm 2026' }).getAttribute('href');
	await page.goto(`${history}/results`);
	await row('Nguyễn Văn An').getByRole('link', { name: 'Kết quả các quý' }).click();
	await expect(page.getByRole('heading', { name: 'Nguyễn Văn An' })).toBeVisible();
	await shoot(page, 'person');
	await page.getByRole('link', { name: `Xếp loại cả năm 2026: ${UNIT}` }).click();
	await expect(page.getByRole('heading', { name: UNIT })).toBeVisible();
	await expect(page).toHaveURL(/\/years\/2026\?unit=/);
});
