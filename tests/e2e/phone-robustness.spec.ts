/**
 * A phone on a meeting room's Wi-Fi: a double tap, a form sent twice, the network gone at the
 * moment of sending, and an answer lost on the way back. Each ballot is counted exactly once,
 * and a ballot that could not be sent says so and keeps the choices on screen.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	PHONE,
	issueCards,
	newOrganiser,
	openVoting,
	prepareSession,
	typeCardCode
} from './support/fixtures';

const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'];

async function reviewStep(browser: Browser, code: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
	const phone = await context.newPage();
	await typeCardCode(phone, code);
	await phone
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await phone.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(phone.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toBeVisible();
	return phone;
}

const received = (phone: Page) =>
	expect(phone.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();

test('double taps, resent forms, a lost network and a lost answer: every ballot counted once', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Phiên thử mạng chập chờn',
		convened: 6,
		people: PEOPLE,
		present: 6
	});
	const codes = await issueCards(page, sessionUrl, 6);
	await openVoting(page, sessionUrl);
	const turnout = async (returned: number) => {
		await page.goto(sessionUrl);
		await expect(page.getByText(`Đã thu về ${returned}/6 phiếu`)).toBeVisible();
	};

	// A double tap on "send".
	const tapper = await reviewStep(browser, codes[0] as string);
	await tapper.getByRole('button', { name: 'Gửi phiếu' }).dblclick();
	await received(tapper);
	await turnout(1);

	// Without JavaScript, the same form posted twice (a resend after a network drop).
	const plain = await reviewStep(browser, codes[1] as string, false);
	const fields = await plain
		.locator('form[data-review] input[type="hidden"]')
		.evaluateAll((inputs) =>
			inputs.map((input) => [input.getAttribute('name'), input.getAttribute('value')])
		);
	const form = Object.fromEntries(fields) as Record<string, string>;
	const post = () =>
		plain.request.post('/v/ballot?/cast', {
			form,
			headers: { origin: new URL(sessionUrl).origin, accept: 'text/html' },
			maxRedirects: 0
		});
	const [first, second] = await Promise.all([post(), post()]);
	expect([first.status(), second.status()]).toEqual([303, 303]);
	await turnout(2);

	// The network drops before "send": it says so, keeps the choices, and sends when it is back.
	const offline = await reviewStep(browser, codes[2] as string);
	await offline.context().setOffline(true);
	await offline.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(offline.getByRole('alert').filter({ hasText: 'mất mạng' })).toBeVisible();
	await expect(offline.locator('.review')).toContainText('Tín nhiệm cao');
	await offline.context().setOffline(false);
	await received(offline);
	await turnout(3);

	// The ballot arrives but the answer is lost: the phone says it does not know, the voter sends
	// again, and the server recognises the same submission.
	const unlucky = await reviewStep(browser, codes[3] as string);
	await unlucky.route('**/v/ballot?/cast', async (route) => {
		await route.fetch();
		await route.abort('failed');
	});
	await unlucky.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(unlucky.getByRole('alert').filter({ hasText: 'chưa biết' })).toBeVisible();
	await expect(unlucky.locator('.review')).toContainText('Tín nhiệm cao');
	await turnout(4);
	await unlucky.unrouteAll();
	await unlucky.getByRole('button', { name: 'Gửi phiếu' }).click();
	await received(unlucky);
	// Nothing of the choices on the confirmation, for whoever looks over a shoulder.
	await expect(unlucky.getByText('Tín nhiệm cao')).toHaveCount(0);
	await turnout(4);
});
