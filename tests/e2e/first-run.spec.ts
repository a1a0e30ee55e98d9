import { expect, test } from '@playwright/test';
import { ADMIN, logOut } from './support/fixtures';
import { axeViolations } from './support/axe';

test('an empty database leads to creating the first administrator', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
	expect(await axeViolations(page, '/setup')).toEqual([]);

	await page.getByLabel('Họ và tên').fill(ADMIN.displayName);
	await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill('password123');
	await page.getByLabel('Nhập lại mật khẩu').fill('password123');
	await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
	await expect(page.getByText('Mật khẩu này quá phổ biến')).toBeVisible();
	// The refused form keeps the non-secret fields.
	await expect(page.getByLabel('Họ và tên')).toHaveValue(ADMIN.displayName);

	await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
	await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
	await expect(page.getByRole('heading', { name: 'Các phiên lấy phiếu' })).toBeVisible();

	// First-run is over: the setup page now sends visitors to log in.
	await logOut(page);
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/login$/);
});
