import { expect, test } from '@playwright/test';
import { ADMIN, addAccount, logIn, logOut, uniqueName } from './support/fixtures';

test('login with a wrong then a right password, then logout', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill('not the password');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(ADMIN.username);
	await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveValue('');

	await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('heading', { name: 'Các phiên lấy phiếu' })).toBeVisible();

	await logOut(page);
	await page.goto('/admin/users');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
});

test('an administrator adds an organiser, who logs in; disabling ends their session', async ({
	page,
	browser
}) => {
	const organiser = {
		username: uniqueName('bithu'),
		displayName: 'Lê Văn Bí Thư',
		password: 'Chi bộ số 3 họp quý IV'
	};
	await logIn(page, ADMIN.username, ADMIN.password);
	await addAccount(page, organiser);
	const row = page.getByRole('listitem').filter({ hasText: organiser.username });
	await expect(row).toContainText('Người tổ chức');
	await expect(row).toContainText('Đang hoạt động');

	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const organiserPage = await phone.newPage();
	await logIn(organiserPage, organiser.username, organiser.password);
	await expect(organiserPage.getByRole('link', { name: 'Tài khoản người dùng' })).toHaveCount(0);
	const forbidden = await organiserPage.goto('/admin/users');
	expect(forbidden?.status()).toBe(403);
	await expect(organiserPage.getByText('Bạn không có quyền truy cập trang này.')).toBeVisible();

	await row.getByRole('button', { name: /Vô hiệu hoá/ }).click();
	await expect(page.getByRole('status')).toContainText(
		`Đã vô hiệu hoá tài khoản ${organiser.username}`
	);
	await expect(row).toContainText('Đã vô hiệu hoá');

	await organiserPage.goto('/account');
	await expect(organiserPage).toHaveURL(/\/login/);
	await phone.close();
});

test('an organiser changes their password', async ({ page }) => {
	const organiser = {
		username: uniqueName('vanphong'),
		displayName: 'Phạm Thị Văn Phòng',
		password: 'Văn phòng cấp ủy 2026'
	};
	await logIn(page, ADMIN.username, ADMIN.password);
	await addAccount(page, organiser);
	await logOut(page);

	await logIn(page, organiser.username, organiser.password);
	await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
	await page.getByLabel('Mật khẩu hiện tại').fill('wrong current');
	await page.getByLabel('Mật khẩu mới').fill('Một mật khẩu mới dài');
	await page.getByLabel('Nhập lại mật khẩu').fill('Một mật khẩu mới dài');
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await expect(page.getByText('Mật khẩu hiện tại không đúng.')).toBeVisible();

	await page.getByLabel('Mật khẩu hiện tại').fill(organiser.password);
	await page.getByLabel('Mật khẩu mới').fill('Một mật khẩu mới dài');
	await page.getByLabel('Nhập lại mật khẩu').fill('Một mật khẩu mới dài');
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await expect(page.getByRole('status')).toContainText('Đã đổi mật khẩu.');
	// Still signed in after the change, with a new session.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

	await logOut(page);
	await logIn(page, organiser.username, 'Một mật khẩu mới dài');
});

test('an administrator sets a new password for an organiser, whose sessions end', async ({
	page,
	browser
}) => {
	const organiser = {
		username: uniqueName('quenmatkhau'),
		displayName: 'Đỗ Văn Quên',
		password: 'Mật khẩu cũ đã bị lộ'
	};
	await logIn(page, ADMIN.username, ADMIN.password);
	await addAccount(page, organiser);
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const organiserPage = await phone.newPage();
	await logIn(organiserPage, organiser.username, organiser.password);

	const row = page.getByRole('listitem').filter({ hasText: organiser.username });
	await row.locator('summary', { hasText: 'Đặt mật khẩu mới' }).click();
	await expect(row.getByText('Ít nhất 8 ký tự; tránh mật khẩu phổ biến')).toBeVisible();
	await row.getByLabel('Mật khẩu mới').fill('ngắn');
	await row.getByLabel('Nhập lại mật khẩu').fill('ngắn');
	await row.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
	await expect(row.getByText('Mật khẩu cần ít nhất 8 ký tự.', { exact: true })).toBeVisible();
	await expect(row.getByLabel('Mật khẩu mới')).toHaveValue('');

	await row.getByLabel('Mật khẩu mới').fill('Mật khẩu mới do quản trị đặt');
	await row.getByLabel('Nhập lại mật khẩu').fill('Mật khẩu mới do quản trị đặt');
	await row.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Đã đặt mật khẩu mới cho ${organiser.username}.`
	);

	// The old password and the session opened with it are both gone.
	await organiserPage.goto('/account');
	await expect(organiserPage).toHaveURL(/\/login/);
	await organiserPage.getByLabel('Tên đăng nhập').fill(organiser.username);
	await organiserPage.getByLabel('Mật khẩu', { exact: true }).fill(organiser.password);
	await organiserPage.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(organiserPage.getByRole('alert')).toHaveText(
		'Tên đăng nhập hoặc mật khẩu không đúng.'
	);
	await logIn(organiserPage, organiser.username, 'Mật khẩu mới do quản trị đặt');
	await phone.close();
});
