/**
 * The screenshots in the user guides (docs/guide/images), taken on every run of the suite so
 * they never go stale: a session is prepared, voted and published through the pages, and each
 * step the guides show is photographed at a phone's size and a desktop's. What is random (card
 * codes, QR codes, receipts) is masked, so an unchanged page gives an unchanged picture.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, addAccount, logIn, uniqueName } from './support/fixtures';

const IMAGES = 'docs/guide/images';
const PASSWORD = 'Ban tổ chức Đảng ủy 2026';
const SIZES = {
	phone: { width: 390, height: 844 },
	desktop: { width: 1280, height: 800 },
	projector: { width: 1920, height: 1080 }
} as const;
const PEOPLE = [
	'STT\tHọ và tên\tChức vụ',
	'1\tNguyễn Văn An\tBí thư Đảng ủy',
	'2\tTrần Thị Bình\tPhó Bí thư Thường trực',
	'3\tLê Văn Cường\tPhó Bí thư, Chủ tịch UBND xã',
	'4\tPhạm Thị Dung\tChủ tịch HĐND xã'
];

async function screen(browser: Browser, size: keyof typeof SIZES, baseURL: string) {
	const context = await browser.newContext({
		viewport: SIZES[size],
		deviceScaleFactor: 1,
		locale: 'vi-VN',
		baseURL
	});
	return context.newPage();
}

async function shoot(page: Page, name: string, mask: Locator[] = [], fullPage = false) {
	mkdirSync(IMAGES, { recursive: true });
	await page.screenshot({
		path: join(IMAGES, `${name}.png`),
		mask,
		fullPage,
		animations: 'disabled'
	});
}

test('the guides’ screenshots, at phone and desktop sizes', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const origin = baseURL ?? '';
	const desktop = await screen(browser, 'desktop', origin);
	const phone = await screen(browser, 'phone', origin);
	const username = uniqueName('huongdan');
	await logIn(desktop, ADMIN.username, ADMIN.password);
	await addAccount(desktop, { username, displayName: 'Nguyễn Thị Tổ Chức', password: PASSWORD });
	await desktop.getByRole('button', { name: 'Đăng xuất' }).click();
	await logIn(desktop, username, PASSWORD);
	await logIn(phone, username, PASSWORD);

	// Organiser: a new session, its people, attendance, cards, voting, results.
	await desktop.goto('/sessions/new');
	await desktop.getByLabel('Tên hội nghị').fill('Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025–2030');
	await desktop.getByLabel('Cơ quan, đơn vị').fill('Đảng ủy xã Hòa Bình');
	await desktop.getByLabel('Ngày họp').fill('22/11/2026');
	await desktop.getByLabel('Giờ họp').fill('08:30');
	await desktop.getByLabel('Địa điểm').fill('Hội trường UBND xã');
	await desktop.getByLabel('Số người được triệu tập', { exact: true }).fill('6');
	await shoot(desktop, 'organiser-new-session-desktop');
	await desktop.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(desktop).toHaveURL(/\/sessions\/[a-z0-9]{24}$/);
	const session = desktop.url();
	const path = new URL(session).pathname;
	await shoot(desktop, 'organiser-steps-desktop', [], true);

	await phone.goto(`${path}/subjects`);
	await phone.getByLabel('Danh sách', { exact: true }).fill(PEOPLE.join('\n'));
	await phone.getByRole('button', { name: 'Xem trước' }).click();
	await expect(phone.getByRole('button', { name: 'Lưu 4 người' })).toBeVisible();
	await shoot(phone, 'organiser-paste-list-phone', [], true);
	await phone.getByRole('button', { name: 'Lưu 4 người' }).click();
	await expect(phone.getByRole('status')).toContainText('Đã thêm 4 người');

	await phone.goto(path);
	await phone.getByLabel(/Số người có mặt/).fill('5');
	await phone.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(phone.getByText('Có mặt 5/6')).toBeVisible();
	await shoot(phone, 'organiser-attendance-phone');

	// Four QR cards and, below, one paper ballot: one ballot for each of the five present.
	await desktop.goto(`${path}/cards`);
	await desktop.getByLabel('Số phiếu', { exact: true }).fill('4');
	await desktop.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
	await expect(desktop.locator('.ballot-card')).toHaveCount(4);
	const codes = await desktop.locator('.ballot-card .code').allTextContents();
	await shoot(desktop, 'organiser-cards-desktop', [
		desktop.locator('.ballot-card .code'),
		desktop.locator('.ballot-card img.qr')
	]);

	await desktop.goto(path);
	await desktop.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
	await expect(desktop.getByText('Đã mở bỏ phiếu.')).toBeVisible();
	const projectorPath = await desktop
		.getByRole('link', { name: 'Màn hình chiếu' })
		.getAttribute('href');

	// Voter: the help page, the ballot, the review, the confirmation.
	const voter = await screen(browser, 'phone', origin);
	await voter.goto('/v');
	await shoot(voter, 'voter-help-phone', [], true);
	await voter.getByLabel('Mã in trên phiếu').fill(codes[0] as string);
	await voter.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	await voter
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await voter
		.getByRole('group', { name: /Trần Thị Bình/ })
		.getByLabel('Tín nhiệm', { exact: true })
		.check();
	await shoot(voter, 'voter-ballot-phone');
	await voter.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await shoot(voter, 'voter-review-phone', [], true);
	await voter.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(
		voter.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();
	await shoot(voter, 'voter-received-phone', [voter.locator('.receipt')]);

	// Tally committee: paper ballots, then the turnout the organiser sees.
	await desktop.goto(`${path}/paper`);
	await desktop.getByLabel('Số phiếu giấy phát ra').fill('1');
	await desktop.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(desktop.getByRole('status').first()).toHaveText('Đã nhập 0/1 phiếu giấy.');
	await shoot(desktop, 'committee-paper-desktop', [], true);
	await desktop.keyboard.press('Tab');
	await desktop.locator('form[action="?/enter"] input').first().focus();
	for (const key of ['1', '3', '2', '0']) await desktop.keyboard.press(key);
	await desktop.keyboard.press('Enter');
	await expect(desktop.getByRole('status').first()).toHaveText('Đã nhập 1/1 phiếu giấy.');

	await phone.goto(path);
	await expect(phone.getByText('Đã thu về 2/5 phiếu')).toBeVisible();
	await shoot(phone, 'organiser-turnout-phone');

	const projector = await screen(browser, 'projector', origin);
	await projector.goto(projectorPath ?? '/');
	await shoot(projector, 'projector-voting', [projector.locator('img')]);

	await desktop.goto(path);
	await desktop.getByLabel('Tôi xác nhận kết thúc bỏ phiếu.').check();
	await desktop.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
	await expect(desktop).toHaveURL(/\/results$/);
	await shoot(desktop, 'organiser-results-desktop', [], true);
	await phone.goto(`${path}/results`);
	await shoot(phone, 'organiser-results-phone');
	await desktop.goto(path);
	await desktop.getByLabel('Tôi đã kiểm tra kết quả.', { exact: false }).check();
	await desktop.getByRole('button', { name: 'Công bố kết quả' }).click();
	await expect(desktop.getByText('Kết quả đã được công bố').first()).toBeVisible();
	await projector.goto(projectorPath ?? '/');
	await expect(projector.getByText('Nguyễn Văn An')).toBeVisible();
	await shoot(projector, 'projector-results');
});
