import { expect, type Page } from '@playwright/test';

/** Created through the first-run page by first-run.spec.ts, which runs before every other spec. */
export const ADMIN = {
	username: 'quantri',
	displayName: 'Trần Thị Quản Trị',
	password: 'Hội nghị giữa nhiệm kỳ 2026'
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
