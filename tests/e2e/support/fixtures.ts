import { expect, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './http-client';

/** Created through the first-run page by first-run.spec.ts, which runs before every other spec. */
export const ADMIN = {
	username: 'quantri',
	displayName: 'Trần Thị Quản Trị',
	password: ADMIN_PASSWORD
};

export function uniqueName(prefix: string): string {
	return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/login$/);
}

/** Adds an account through the administrators' page; the admin must be logged in on `page`. */
export async function addAccount(
	page: Page,
	account: { username: string; displayName: string; password: string }
): Promise<void> {
	await page.goto('/admin/users');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Họ và tên').fill(account.displayName);
	await form.getByLabel('Tên đăng nhập').fill(account.username);
	await form.getByLabel('Mật khẩu ban đầu').fill(account.password);
	await form.getByLabel('Nhập lại mật khẩu').fill(account.password);
	await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
	await expect(page.getByRole('status')).toContainText(`Đã thêm tài khoản ${account.username}`);
}

export const PHONE = { viewport: { width: 390, height: 844 }, locale: 'vi-VN' } as const;

/**
 * A voter types their card's code at /v, as on a phone that cannot scan it; `page` is then on
 * the ballot, or on the page saying why not.
 */
export async function typeCardCode(page: Page, code: string): Promise<void> {
	await page.goto('/v');
	await page.getByLabel('Mã in trên phiếu').fill(code);
	await page.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
}

export interface NewSession {
	title: string;
	convened: number;
	/** Tab-separated lines as pasted from a spreadsheet (a header row may come first). */
	people: string[];
	present: number;
	/** A confidence preset's id; the form's default (QĐ 96) otherwise. */
	preset?: string;
}

/** Creates a confidence vote through the organiser pages; leaves `page` on the session page. */
export async function prepareSession(page: Page, session: NewSession): Promise<string> {
	await page.goto('/sessions/new');
	await page.getByLabel('Tên hội nghị').fill(session.title);
	await page.getByLabel('Cơ quan, đơn vị').fill('Đảng ủy xã Hòa Bình');
	await page.getByLabel('Ngày họp').fill('22/11/2026');
	await page.getByLabel('Giờ họp').fill('08:30');
	await page.getByLabel('Địa điểm').fill('Hội trường UBND xã');
	await page.getByLabel('Số người được triệu tập', { exact: true }).fill(String(session.convened));
	if (session.preset) await page.locator(`#preset-${session.preset}`).check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByRole('heading', { name: session.title })).toBeVisible();
	const sessionUrl = page.url();

	await page.getByRole('link', { name: 'Thêm, sửa danh sách' }).click();
	await page.getByLabel('Danh sách', { exact: true }).fill(session.people.join('\n'));
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await page.getByRole('button', { name: /^Lưu \d+ người$/ }).click();
	await expect(page.getByRole('status')).toContainText(/Đã thêm \d+ người/);

	await page.goto(sessionUrl);
	await page.getByLabel(/Số người có mặt/).fill(String(session.present));
	await page.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(page.getByText(`Có mặt ${session.present}/${session.convened}`)).toBeVisible();
	return sessionUrl;
}

/** Issues cards on the cards page and returns the printed short codes; `page` stays on the sheet. */
export async function issueCards(page: Page, sessionUrl: string, count: number): Promise<string[]> {
	await page.goto(`${sessionUrl}/cards`);
	await page.getByLabel('Số phiếu', { exact: true }).fill(String(count));
	await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
	await expect(page.getByText(`${count} phiếu mới đã sẵn sàng để in.`)).toBeVisible();
	return page.locator('.ballot-card .code').allTextContents();
}

export async function openVoting(page: Page, sessionUrl: string): Promise<void> {
	await page.goto(sessionUrl);
	await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
	await expect(page.getByText('Đã mở bỏ phiếu.')).toBeVisible();
}

export async function closeVoting(page: Page, sessionUrl: string): Promise<void> {
	await page.goto(sessionUrl);
	await page.getByLabel('Tôi xác nhận kết thúc bỏ phiếu.').check();
	await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
	await expect(page).toHaveURL(/\/results$/);
	await expect(page.getByRole('heading', { level: 1, name: /^Kết quả/ })).toBeVisible();
}

/** An organiser account of its own, so that specs running side by side do not share sessions. */
export async function newOrganiser(page: Page): Promise<void> {
	const organiser = {
		username: uniqueName('tochuc'),
		displayName: 'Nguyễn Thị Tổ Chức',
		password: 'Ban tổ chức Đảng ủy 2026'
	};
	await logIn(page, ADMIN.username, ADMIN.password);
	await addAccount(page, organiser);
	await logOut(page);
	await logIn(page, organiser.username, organiser.password);
}
