import { expect, test } from '@playwright/test';
import { ADMIN } from './support/fixtures';

test('the language switch changes every string and is kept in a cookie', async ({
	page,
	context
}) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();

	const cookies = await context.cookies();
	expect(cookies.find((cookie) => cookie.name === 'PARAGLIDE_LOCALE')?.value).toBe('en');
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();

	// Validation messages follow the language too.
	await page.getByLabel('Username').fill(ADMIN.username);
	await page.getByLabel('Password').fill('wrong password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('login, language switch and logout still work', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
		await page.getByLabel('Username').fill(ADMIN.username);
		await page.getByLabel('Password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByRole('heading', { name: 'Voting sessions' })).toBeVisible();
		await page.getByRole('button', { name: 'Log out' }).click();
		await expect(page).toHaveURL(/\/login$/);
	});
});

test('every HTML response carries the security headers', async ({ request }) => {
	const response = await request.get('/login');
	expect(response.status()).toBe(200);
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
		expect(csp).toContain(directive);
	}
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['cross-origin-opener-policy']).toBe('same-origin');
	// Served over plain HTTP here, so no HSTS (browsers ignore it over HTTP anyway).
	expect(headers['strict-transport-security']).toBeUndefined();

	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok' });
});

test('a form post from another origin or with no origin is refused', async ({
	request,
	baseURL
}) => {
	for (const origin of ['http://evil.example', undefined]) {
		const response = await request.post('/login', {
			form: { username: ADMIN.username, password: ADMIN.password },
			headers: origin ? { origin } : {},
			maxRedirects: 0
		});
		expect(response.status(), `origin ${origin}`).toBe(403);
	}
	const sameOrigin = await request.post('/login', {
		form: { username: ADMIN.username, password: ADMIN.password },
		headers: { origin: baseURL ?? '', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(sameOrigin.status()).toBe(303);
});
