import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	PHONE,
	closeVoting,
	issueCards,
	newOrganiser,
	openVoting,
	prepareSession,
	uniqueName
} from './support/fixtures';

const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư', 'Lê Văn Cường\tỦy viên'];

async function vote(page: Page, code: string, marks: Record<string, string>): Promise<string> {
	await page.goto('/v');
	await page.getByLabel('Mã in trên phiếu').fill(code);
	await page.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	for (const [name, mark] of Object.entries(marks)) {
		await page
			.getByRole('group', { name: new RegExp(name) })
			.getByLabel(mark, { exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await page.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();
	return (await page.locator('.receipt').textContent())?.trim() ?? '';
}

test('projector, tally committee, paper ballots, publication, receipts and exports', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Lấy phiếu tín nhiệm năm 2026',
		convened: 5,
		people: PEOPLE,
		present: 5
	});
	const codes = await issueCards(page, sessionUrl, 3);

	// Paper: two ballots handed out on paper. Committee: two members, one with an account,
	// and one confirmation needed before publishing.
	await page.goto(`${sessionUrl}/paper`);
	await page.getByLabel('Số phiếu giấy phát ra').fill('2');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Đã nhập 0/2 phiếu giấy.');
	await page.goto(`${sessionUrl}/committee`);
	await page.getByLabel('Họ và tên').fill('Đặng Thị Hồng');
	await page.getByRole('button', { name: 'Thêm vào ban kiểm phiếu' }).click();
	await expect(page.getByText('Đặng Thị Hồng · Trưởng ban')).toBeVisible();
	await page.getByLabel('Họ và tên').fill('Vũ Văn Ổn');
	await page.getByRole('button', { name: 'Thêm vào ban kiểm phiếu' }).click();
	await expect(page.getByText('Vũ Văn Ổn · Thành viên')).toBeVisible();
	// The member's account: a username here, a one-time link for the member to set a password.
	const username = uniqueName('kiemphieu');
	const accountForm = page.locator('details', { hasText: 'Cấp tài khoản cho Đặng Thị Hồng' });
	await accountForm.getByText('Cấp tài khoản cho Đặng Thị Hồng').click();
	await accountForm.getByLabel('Tên đăng nhập').fill(username);
	await accountForm.getByRole('button', { name: 'Tạo tài khoản ban kiểm phiếu' }).click();
	const setupLink = new URL((await page.locator('.setup-link code').textContent()) ?? '').pathname;
	await expect(
		page.getByText(`Tài khoản: ${username} · chờ thành viên đặt mật khẩu`)
	).toBeVisible();
	await page.getByLabel('Số xác nhận của ban kiểm phiếu cần có').fill('1');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');

	// The projector, on a 1920 × 1080 screen, no login.
	await page.goto(sessionUrl);
	const projectorUrl =
		(await page.getByRole('link', { name: 'Màn hình chiếu' }).getAttribute('href')) ?? '';
	const screen = await (
		await browser.newContext({ viewport: { width: 1920, height: 1080 } })
	).newPage();
	await screen.goto(projectorUrl);
	await expect(screen.getByRole('heading', { name: 'Chưa bắt đầu bỏ phiếu' })).toBeVisible();
	await expect(
		screen.getByRole('img', { name: /Mã QR mở trang hướng dẫn bỏ phiếu/ })
	).toBeVisible();

	await openVoting(page, sessionUrl);
	await expect(screen.getByRole('heading', { name: 'Đang bỏ phiếu' })).toBeVisible();
	await expect(screen.getByText('Khoảng 0% phiếu đã được gửi')).toBeVisible();
	const phone = await (await browser.newContext(PHONE)).newPage();
	const receipt = await vote(phone, codes[0] as string, {
		'Nguyễn Văn An': 'Tín nhiệm cao',
		'Trần Thị Bình': 'Tín nhiệm thấp'
	});
	expect(receipt).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	await vote(phone, codes[1] as string, {
		'Nguyễn Văn An': 'Tín nhiệm',
		'Trần Thị Bình': 'Tín nhiệm thấp'
	});
	// Five ballots handed out make one step of the bar (at least three ballots a step): 2 of 5
	// do not move it, so the room cannot tell when each of them voted.
	await screen.reload();
	await expect(screen.getByText('Khoảng 0% phiếu đã được gửi')).toBeVisible();

	// The committee member enters the paper ballots, by keyboard only.
	const member = await (await browser.newContext(PHONE)).newPage();
	await member.goto(setupLink);
	await member.getByLabel('Mật khẩu', { exact: true }).fill('Ban kiểm phiếu chi bộ 3');
	await member.getByLabel('Nhập lại mật khẩu').fill('Ban kiểm phiếu chi bộ 3');
	await member.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
	await expect(member.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
	await member.getByRole('link', { name: 'Lấy phiếu tín nhiệm năm 2026' }).click();
	await member.getByRole('link', { name: /Phiếu giấy/ }).click();
	const enter = async (keys: string[]) => {
		await member.locator('form[action="?/enter"] input[type="radio"]').first().focus();
		for (const key of keys) await member.keyboard.press(key);
	};
	await enter(['3', '3', '1', 'Enter']);
	await expect(member.getByText('Đã lưu phiếu giấy thứ 1.')).toBeVisible();
	await enter(['2', '0', '3', 'Enter']);
	await expect(member.getByText('Đã lưu phiếu giấy thứ 2.')).toBeVisible();
	// A third paper ballot would be more than were handed out: the check refuses it.
	await enter(['1', '1', '1', 'Enter']);
	await expect(member.getByRole('alert')).toContainText('không thể vượt số phiếu giấy đã phát');
	await expect(member.getByText('Đã nhập 2/2 phiếu giấy.')).toBeVisible();

	await closeVoting(page, sessionUrl);
	await expect(screen.getByRole('heading', { name: /thu về 4 phiếu/ })).toBeVisible({
		timeout: 15_000
	});
	await expect(screen.getByText('Nguyễn Văn An')).toHaveCount(0);

	// Publishing waits for the committee's confirmation.
	await page.goto(sessionUrl);
	await expect(page.getByRole('button', { name: 'Công bố kết quả' })).toBeDisabled();
	await member.goto(sessionUrl);
	await member.getByRole('button', { name: 'Xác nhận kết quả kiểm phiếu' }).click();
	await expect(member.getByText('Bạn đã xác nhận kết quả kiểm phiếu.')).toBeVisible();
	await page.reload();
	await expect(page.getByText(/Đặng Thị Hồng đã xác nhận lúc/)).toBeVisible();
	await page.getByLabel('Tôi đã kiểm tra kết quả.', { exact: false }).check();
	await page.getByRole('button', { name: 'Công bố kết quả' }).click();
	await expect(page.getByText('Kết quả đã được công bố')).toBeVisible();

	// The screen shows the result by itself; percentages of the 4 ballots returned (QĐ 96
	// Điều 6.3), not of the 5 convened: Bình's 3 low are 75 %, two thirds or more.
	await expect(screen.getByRole('heading', { name: 'Kết quả' })).toBeVisible({ timeout: 15_000 });
	const binh = screen.locator('tbody').filter({ hasText: 'Trần Thị Bình' });
	await expect(binh.getByRole('row', { name: /Trần Thị Bình/ })).toContainText('3 (75,00 %)');
	await expect(binh).toContainText('Số phiếu tín nhiệm thấp từ 2/3 tổng số phiếu thu về trở lên');
	await expect(
		screen.getByText('Tỷ lệ tính trên tổng số 4 phiếu thu về (Điều 6 khoản 3).')
	).toBeVisible();

	// The voter finds their receipt on the public list.
	await phone.goto(projectorUrl.replace(/\/?$/, '/receipts'));
	await expect(phone.getByRole('listitem').filter({ hasText: receipt })).toBeVisible();
	await phone.getByLabel('Tìm mã của bạn').fill(receipt.toLowerCase());
	await phone.getByRole('button', { name: 'Tìm' }).click();
	await expect(phone.getByRole('status')).toContainText(`Có mã ${receipt}`);

	// The results page and every export carry the same figures.
	await page.goto(`${sessionUrl}/results`);
	const totals = page.getByRole('region', { name: 'Tổng hợp' });
	await expect(totals.locator('div').filter({ hasText: 'Số phiếu thu về' })).toContainText('4');
	// Issued counts cards and paper together, with paper shown apart; 4 back of 5 is no alarm.
	await expect(totals.locator('div').filter({ hasText: 'Số phiếu phát ra' })).toContainText('5');
	await expect(totals.locator('div').filter({ hasText: 'Phiếu giấy phát ra' })).toContainText('2');
	await expect(
		totals.locator('div').filter({ hasText: 'Trong đó phiếu giấy thu về' })
	).toContainText('2');
	await expect(totals.getByText('cần kiểm tra lại')).toHaveCount(0);
	await expect(
		page.getByText('Tỷ lệ tính trên tổng số 4 phiếu thu về (Điều 6 khoản 3).')
	).toBeVisible();
	const binhRow = page.getByRole('row', { name: /Trần Thị Bình/ });
	await expect(binhRow.locator('td.number').nth(2)).toContainText('75,00 %');
	await expect(binhRow).toContainText('Điều 11 khoản 3');

	const directory = mkdtempSync(join(tmpdir(), 'phieukin-exports-'));
	const download = async (name: RegExp) => {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name }).click()
		]);
		const path = join(directory, file.suggestedFilename());
		await file.saveAs(path);
		return path;
	};
	const pdf = execFileSync('pdftotext', ['-layout', await download(/PDF/), '-'], {
		encoding: 'utf8'
	});
	for (const text of [
		'BIÊN BẢN KIỂM PHIẾU',
		'Trần Thị Bình',
		'75,00 %',
		'Tỷ lệ tính trên tổng số 4 phiếu thu về (Điều 6 khoản 3).',
		'Đặng Thị Hồng',
		'Vũ Văn Ổn'
	]) {
		expect(pdf).toContain(text);
	}
	expect(pdf).toMatch(/Số phiếu thu về\s+4 \(trong đó phiếu giấy: 2\)/);

	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile(await download(/XLSX/));
	const binhCells = book.worksheets[0]!.getRow(3);
	expect(binhCells.getCell(2).value).toBe('Trần Thị Bình');
	expect(binhCells.getCell(8).value).toBe(3);
	expect(binhCells.getCell(9).value).toBeCloseTo(0.75, 10);

	const csv = parse(readFileSync(await download(/CSV/), 'utf8').replace(/^\uFEFF/, ''), {
		columns: true
	}) as Record<string, string>[];
	expect(csv[1]).toMatchObject({
		'Họ và tên': 'Trần Thị Bình',
		'Tín nhiệm thấp': '3',
		'Tín nhiệm thấp (%)': '75.00',
		'Tỷ lệ tính trên': '4 phiếu thu về'
	});

	const json = JSON.parse(readFileSync(await download(/JSON/), 'utf8'));
	expect(json.totals).toMatchObject({
		returned: 4,
		paperReturned: 2,
		issued: 5,
		base: { kind: 'returned', size: 4 }
	});
	expect(json.confidence[1]).toMatchObject({
		fullName: 'Trần Thị Bình',
		counts: { low: 3 },
		percent: { low: 75 },
		band: { id: 'two-thirds', article: 'Điều 11 khoản 3' }
	});
});
