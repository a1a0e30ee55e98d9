import { expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ADMIN, logIn, uniqueName } from './fixtures';
import { HttpClient } from './http-client';

const PASSWORD = 'Ban tổ chức Đảng ủy 2026';
const PHONE_WIDTH = 390;
const DESKTOP_WIDTH = 1280;

/**
 * An organiser of the test's own, signed in over HTTP (to prepare sessions quickly) and in a
 * browser context of its own at a phone's width (to use the pages).
 */
export async function organiser(
	browser: Browser,
	baseURL: string,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<{ client: HttpClient; page: Page }> {
	const admin = new HttpClient(baseURL);
	expect(
		(await admin.post('/login', { username: ADMIN.username, password: ADMIN.password })).status
	).toBe(303);
	const username = uniqueName('ketqua');
	const created = await admin.post('/admin/users?/create', {
		displayName: 'Nguyễn Thị Thư Ký',
		username,
		role: 'organiser',
		password: PASSWORD,
		passwordConfirm: PASSWORD
	});
	expect(created.status).toBe(200);
	const client = new HttpClient(baseURL);
	expect((await client.post('/login', { username, password: PASSWORD })).status).toBe(303);
	const context = await browser.newContext({
		baseURL,
		viewport: { width: PHONE_WIDTH, height: 844 },
		locale: 'vi-VN',
		javaScriptEnabled: options.javaScriptEnabled ?? true
	});
	const page = await context.newPage();
	await logIn(page, username, PASSWORD);
	return { client, page };
}

/** Screenshots for the reviewer at a phone's and a desktop's width, into `folder` when set. */
export async function shots(page: Page, folder: string, name: string): Promise<void> {
	if (!folder) return;
	mkdirSync(folder, { recursive: true });
	const size = page.viewportSize();
	for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
		await page.setViewportSize({ width, height: 844 });
		await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
	}
	if (size) await page.setViewportSize(size);
}
