/**
 * The tally committee's confirmation is a control the organiser cannot bypass, without
 * JavaScript: the organiser gives a member an account by username only, the page shows a
 * one-time link once (and its QR code), the member opens it in a browser of their own and
 * chooses the password, the member confirms the count, and the organiser cannot.
 */
import { expect, test } from '@playwright/test';
import { closeVoting, issueCards, openVoting, prepareSession } from './support/http-client';
import { organiser, shots as screenshots } from './support/organiser';
import { scanQr } from './support/qr';
import { uniqueName } from './support/fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '';
const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'];
const MEMBER_PASSWORD = 'Ban kiểm phiếu chi bộ 3';

test('only the committee member confirms, with a password the organiser never knew', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin, { javaScriptEnabled: false });
	const id = await prepareSession(client, { convened: 3, people: PEOPLE });
	const shots = (target: typeof page, name: string) => screenshots(target, SHOTS, name);

	// The organiser names the member and gives them an account: a username, no password.
	await page.goto(`/sessions/${id}/committee`);
	await page.getByLabel('Họ và tên').fill('Đặng Thị Hồng');
	await page.getByRole('button', { name: 'Thêm vào ban kiểm phiếu' }).click();
	await page.getByText('Cấp tài khoản cho Đặng Thị Hồng').click();
	await expect(page.getByLabel('Mật khẩu ban đầu')).toHaveCount(0);
	await page.getByLabel('Tên đăng nhập').fill(uniqueName('kiemphieu'));
	await page.getByRole('button', { name: 'Tạo tài khoản ban kiểm phiếu' }).click();
	const shown = page
		.getByRole('status')
		.filter({ hasText: 'Liên kết đặt mật khẩu cho Đặng Thị Hồng' });
	const link = ((await shown.locator('code').textContent()) ?? '').trim();
	expect(link).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}$/);
	expect(await scanQr(shown.getByRole('img'))).toBe(link);
	await shots(page, 'committee-link');
	// Shown once: not on the page again.
	await page.goto(`/sessions/${id}/committee`);
	await expect(page.getByText(link)).toHaveCount(0);
	await expect(page.getByText(/chờ thành viên đặt mật khẩu/)).toBeVisible();
	await page.getByLabel('Số xác nhận của ban kiểm phiếu cần có').fill('1');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');

	// The member, in a browser of their own, opens the link: the token leaves the address bar.
	const member = await (
		await browser.newContext({
			baseURL: origin,
			javaScriptEnabled: false,
			locale: 'vi-VN',
			viewport: { width: 390, height: 844 }
		})
	).newPage();
	const path = new URL(link).pathname;
	await member.goto(path);
	await expect(member).toHaveURL(/\/welcome$/);
	await expect(member.getByText(/Xin chào Đặng Thị Hồng/)).toBeVisible();
	await shots(member, 'welcome');
	await member.getByLabel('Mật khẩu', { exact: true }).fill(MEMBER_PASSWORD);
	await member.getByLabel('Nhập lại mật khẩu').fill(MEMBER_PASSWORD);
	await member.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
	await expect(member).toHaveURL(/\/sessions$/);
	await expect(member.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
	// The link is spent.
	await member.goto(path);
	await expect(member.getByRole('alert')).toContainText('Liên kết này không dùng được');

	await issueCards(client, id, 1);
	await openVoting(client, id);
	await closeVoting(client, id);

	// The organiser sees who is missing, has no button, and is refused if they post anyway.
	await page.goto(`/sessions/${id}`);
	await expect(page.getByText('Chưa xác nhận: Đặng Thị Hồng.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Xác nhận kết quả kiểm phiếu' })).toHaveCount(0);
	await shots(page, 'session-organiser');
	const refused = await client.post(`/sessions/${id}?/confirm`, {});
	expect(refused.status).toBe(403);
	expect(refused.body).toContain(
		'Chỉ thành viên ban kiểm phiếu, mỗi người bằng tài khoản của mình'
	);

	await member.goto(`/sessions/${id}`);
	await member.getByRole('button', { name: 'Xác nhận kết quả kiểm phiếu' }).click();
	await expect(member.getByText('Bạn đã xác nhận kết quả kiểm phiếu.')).toBeVisible();
	await shots(member, 'session-committee');

	await page.goto(`/sessions/${id}`);
	await expect(page.getByText(/Đặng Thị Hồng đã xác nhận lúc/)).toBeVisible();
	await page.getByLabel('Tôi đã kiểm tra kết quả.', { exact: false }).check();
	await page.getByRole('button', { name: 'Công bố kết quả' }).click();
	await expect(page.getByText('Kết quả đã được công bố')).toBeVisible();

	// Every step in the log; the member's account is closed with the session.
	await page.goto(`/sessions/${id}/audit`);
	for (const line of [
		'Tạo tài khoản ban kiểm phiếu cho Đặng Thị Hồng',
		'Số xác nhận của ban kiểm phiếu cần có để công bố: 0 → 1',
		'Xác nhận kết quả kiểm phiếu',
		'Khoá 1 tài khoản ban kiểm phiếu sau khi công bố'
	]) {
		await expect(page.getByRole('cell', { name: line, exact: false }).first()).toBeVisible();
	}
	await shots(page, 'audit');
	await member.goto('/sessions');
	await expect(member).toHaveURL(/\/login/);
});
