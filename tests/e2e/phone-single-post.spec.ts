/**
 * One press of "Gửi phiếu" sends one request, with JavaScript on: on success, on every refusal
 * (card used, a ballot the server cannot read, voting closed) and when storage fails. Only a
 * resend, after a dropped answer or a failure, sends the same submission once more. The phone's
 * request is also the one the benchmark sends (scripts/bench/phone-cast.ts).
 */
import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import Database from 'better-sqlite3';
import { PHONE_CAST_PATH, phoneCastRequest } from '../../scripts/bench/phone-cast';
import { PHONE, typeCardCode } from './support/fixtures';
import {
	closeVoting,
	firstAdministrator,
	issueCards,
	openVoting,
	prepareSession
} from './support/http-client';
import { ballotsStored, startOwnServer, type OwnServer } from './support/server';

interface Phone {
	page: Page;
	/** The cast requests this phone has sent so far. */
	posts(): number;
	lastPost(): Request | undefined;
}

async function phoneAtReview(browser: Browser, origin: string, code: string): Promise<Phone> {
	const context = await browser.newContext({ ...PHONE, baseURL: origin });
	const page = await context.newPage();
	const sent: Request[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith(PHONE_CAST_PATH)) sent.push(request);
	});
	await typeCardCode(page, code);
	await page
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toBeVisible();
	return { page, posts: () => sent.length, lastPost: () => sent.at(-1) };
}

const send = (phone: Phone) => phone.page.getByRole('button', { name: 'Gửi phiếu' }).click();
const received = (phone: Phone) =>
	expect(phone.page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();

let server: OwnServer;
test.afterEach(async () => server?.stop());

test('one press sends one request: received, card used, unreadable ballot, storage failing, dropped answer, voting closed', async ({
	browser
}) => {
	test.setTimeout(120_000);
	server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const sessionId = await prepareSession(organiser, {
		title: 'Phiên thử một lần gửi',
		convened: 8,
		people: ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư']
	});
	const codes = await issueCards(organiser, sessionId, 6);
	await openVoting(organiser, sessionId);

	// Received: one request, and it is the request the benchmark sends.
	const first = await phoneAtReview(browser, server.origin, codes[0]!);
	await send(first);
	await received(first);
	expect(first.posts()).toBe(1);
	const phoneRequest = first.lastPost()!;
	const phoneBody = new URLSearchParams(phoneRequest.postData() ?? '');
	const marks = [...phoneBody].filter(([name]) => name !== 'submission');
	const bench = phoneCastRequest(server.origin, 'card', marks, phoneBody.get('submission')!);
	expect(phoneRequest.postData()).toBe(bench.body);
	const phoneHeaders = await phoneRequest.allHeaders();
	for (const header of ['accept', 'content-type', 'x-sveltekit-action', 'origin']) {
		expect(phoneHeaders[header], header).toBe(bench.headers[header]);
	}
	expect(ballotsStored(server)).toBe(1);

	// The same card on two phones: the second is told the card is used, after one request.
	const [holder, copier] = await Promise.all([
		phoneAtReview(browser, server.origin, codes[1]!),
		phoneAtReview(browser, server.origin, codes[1]!)
	]);
	await send(holder);
	await received(holder);
	await send(copier);
	await expect(copier.page.getByRole('heading', { name: 'Phiếu đã được sử dụng' })).toBeVisible();
	await expect(copier.page.getByText('Mỗi phiếu chỉ dùng được một lần')).toBeVisible();
	expect([holder.posts(), copier.posts()]).toEqual([1, 1]);
	expect(ballotsStored(server)).toBe(2);

	// A ballot the server cannot read (a field altered on the page): said once, nothing stored.
	const altered = await phoneAtReview(browser, server.origin, codes[2]!);
	await altered.page
		.locator('form[data-review] input[type="hidden"][name^="s."]')
		.first()
		.evaluate((input: HTMLInputElement) => (input.value = 'rất cao'));
	await send(altered);
	await expect(altered.page.getByRole('alert').filter({ hasText: 'không đúng mẫu' })).toBeVisible();
	expect(altered.posts()).toBe(1);
	expect(ballotsStored(server)).toBe(2);

	// Storage failing: another writer holds the database past the server's busy timeout. The
	// phone says the ballot was not recorded, after one request; sent again once the database is
	// free, the same submission is stored once.
	const waiting = await phoneAtReview(browser, server.origin, codes[3]!);
	const blocker = new Database(server.databasePath);
	blocker.exec('BEGIN IMMEDIATE');
	try {
		await send(waiting);
		await expect(
			waiting.page.getByRole('alert').filter({ hasText: 'Máy chủ chưa ghi được phiếu' })
		).toBeVisible({ timeout: 20_000 });
		expect(waiting.posts()).toBe(1);
		await expect(waiting.page.locator('.review')).toContainText('Tín nhiệm cao');
	} finally {
		blocker.exec('COMMIT');
		blocker.close();
	}
	await send(waiting);
	await received(waiting);
	expect(waiting.posts()).toBe(2);
	expect(ballotsStored(server)).toBe(3);

	// The answer is lost on the way back: one request, then one resend that is recognised.
	const unlucky = await phoneAtReview(browser, server.origin, codes[4]!);
	await unlucky.page.route(`**${PHONE_CAST_PATH}`, async (route) => {
		await route.fetch();
		await route.abort('failed');
	});
	await send(unlucky);
	await expect(unlucky.page.getByRole('alert').filter({ hasText: 'chưa biết' })).toBeVisible();
	expect(unlucky.posts()).toBe(1);
	await unlucky.page.unrouteAll();
	await send(unlucky);
	await received(unlucky);
	expect(unlucky.posts()).toBe(2);
	expect(ballotsStored(server)).toBe(4);

	// Voting closes while a phone is on its review step: one request, and the refusal on screen,
	// saying the ballot was not recorded.
	const late = await phoneAtReview(browser, server.origin, codes[5]!);
	await closeVoting(organiser, sessionId);
	await send(late);
	await expect(late.page.getByRole('heading', { name: 'Đã kết thúc bỏ phiếu' })).toBeVisible();
	await expect(late.page.getByText('Phiếu của bạn chưa được gửi')).toBeVisible();
	await expect(late.page.getByRole('link', { name: 'Hướng dẫn bỏ phiếu' })).toBeVisible();
	expect(late.posts()).toBe(1);
	expect(ballotsStored(server)).toBe(4);
});
