/**
 * Voting closes while phones are still at it. A ballot sent, or taken to review, after the close
 * is told voting has ended and that it was not recorded (not "invalid", a spoiled ballot in
 * counting language), with JavaScript on and off. A card typed after the close is told voting
 * has ended (not to check its characters), the same words for a card that voted and one that
 * never did. A ballot stored just before the close whose answer was lost is still recognised
 * when the phone sends it again.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PHONE, typeCardCode } from './support/fixtures';
import {
	closeVoting,
	firstAdministrator,
	issueCards,
	openVoting,
	prepareSession
} from './support/http-client';
import { ballotsStored, startOwnServer, type OwnServer } from './support/server';

let server: OwnServer;
test.afterEach(async () => server?.stop());

async function ballotPage(browser: Browser, code: string, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ ...PHONE, javaScriptEnabled, baseURL: server.origin });
	const page = await context.newPage();
	await typeCardCode(page, code);
	await page
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm thấp', { exact: true })
		.check();
	return page;
}

async function reviewPage(browser: Browser, code: string, javaScriptEnabled: boolean) {
	const page = await ballotPage(browser, code, javaScriptEnabled);
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toBeVisible();
	return page;
}

async function toldNotRecorded(page: Page) {
	await expect(page.getByRole('heading', { name: 'Đã kết thúc bỏ phiếu' })).toBeVisible();
	await expect(page.getByText('Phiếu của bạn chưa được gửi')).toBeVisible();
	await expect(page.getByText('không có gì được ghi nhận')).toBeVisible();
	await expect(page.getByText(/không hợp lệ/)).toHaveCount(0);
}

test('after the close: ballots in hand are told they were not recorded, cards that voting has ended', async ({
	browser
}) => {
	test.setTimeout(120_000);
	server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const sessionId = await prepareSession(organiser, {
		convened: 10,
		people: ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư']
	});
	const codes = await issueCards(organiser, sessionId, 8);
	await openVoting(organiser, sessionId);

	// One card votes before the close.
	const early = await reviewPage(browser, codes[0]!, true);
	await early.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(
		early.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();

	// A ballot stored just before the close, whose answer never reached the phone.
	const unlucky = await reviewPage(browser, codes[1]!, true);
	await unlucky.route('**/v/ballot?/cast', async (route) => {
		await route.fetch();
		await route.abort('failed');
	});
	await unlucky.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(unlucky.getByRole('alert').filter({ hasText: 'chưa biết' })).toBeVisible();
	expect(ballotsStored(server)).toBe(2);

	// Phones still at it, with and without JavaScript, on the review step and on the ballot.
	const reviewing = [
		await reviewPage(browser, codes[2]!, true),
		await reviewPage(browser, codes[3]!, false)
	];
	const choosing = [
		await ballotPage(browser, codes[4]!, true),
		await ballotPage(browser, codes[5]!, false)
	];

	await closeVoting(organiser, sessionId);

	for (const page of reviewing) {
		await page.getByRole('button', { name: 'Gửi phiếu' }).click();
		await toldNotRecorded(page);
	}
	for (const page of choosing) {
		await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
		await toldNotRecorded(page);
	}
	expect(ballotsStored(server)).toBe(2);

	// The phone that lost its answer sends again: its ballot was counted, and it is told so.
	await unlucky.unrouteAll();
	await unlucky.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(
		unlucky.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();
	await expect(unlucky.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)).toBeVisible();
	expect(ballotsStored(server)).toBe(2);

	// Codes typed after the close: one that voted, one never used. Both are told voting has
	// ended, in the same words; a mistyped code is still asked to check its characters.
	const answers: string[] = [];
	for (const code of [codes[0]!, codes[6]!]) {
		const context = await browser.newContext({ ...PHONE, baseURL: server.origin });
		const page = await context.newPage();
		await typeCardCode(page, code);
		await expect(page.getByRole('heading', { name: 'Đã kết thúc bỏ phiếu' })).toBeVisible();
		await expect(page.getByText('mã phiếu không còn dùng được')).toBeVisible();
		await expect(page.getByText('Hãy kiểm tra lại từng ký tự')).toHaveCount(0);
		answers.push(await page.locator('main').innerText());
		await context.close();
	}
	expect(answers[0]).toBe(answers[1]);
	const typo = await browser.newContext({ ...PHONE, baseURL: server.origin });
	const typoPage = await typo.newPage();
	await typeCardCode(typoPage, 'ZZZZZ-ZZZZZ');
	await expect(typoPage.getByText('Hãy kiểm tra lại từng ký tự')).toBeVisible();
});
