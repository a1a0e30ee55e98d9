import { expect, test } from '@playwright/test';
import {
	closeVoting,
	issueCards,
	newOrganiser,
	openVoting,
	prepareSession
} from './support/fixtures';

const CARDS = 200;
const ATTEMPTS_PER_CARD = 5;

/** A phone as the server sees it: a form post from the app's own origin, with its cookie. */
function postForm(url: string, form: Record<string, string>, origin: string, cookie = '') {
	return fetch(url, {
		method: 'POST',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie
		},
		body: new URLSearchParams(form),
		redirect: 'manual'
	});
}

test(`${CARDS} cards × ${ATTEMPTS_PER_CARD} simultaneous submissions: one ballot per card, clean refusals`, async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	const origin = baseURL ?? '';
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Phiên thử tải',
		convened: CARDS,
		// Sixty people on one ballot (the National Assembly's had 48).
		people: Array.from({ length: 60 }, (_, index) => `Đại biểu số ${index + 1}\tỦy viên`),
		present: CARDS
	});
	const codes = await issueCards(page, sessionUrl, CARDS);
	expect(new Set(codes).size).toBe(CARDS);
	await openVoting(page, sessionUrl);

	// Each card is exchanged for its cookie, as a phone does after typing the code.
	const cookies = await Promise.all(
		codes.map(async (code) => {
			const response = await postForm(`${origin}/v`, { code }, origin);
			expect(response.status).toBe(303);
			return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
		})
	);
	const ballotPage = await (
		await fetch(`${origin}/v/ballot`, { headers: { cookie: cookies[0] ?? '' } })
	).text();
	const subjectField = ballotPage.match(/name="(s\.[a-z0-9]+)"/)?.[1] ?? '';
	expect(subjectField).not.toBe('');

	// Every card submitted five times at once, all 1,000 posts in flight together.
	const responses = await Promise.all(
		cookies.flatMap((cookie, card) =>
			Array.from({ length: ATTEMPTS_PER_CARD }, async (_, attempt) => {
				const response = await postForm(
					`${origin}/v/ballot?/cast`,
					{ [subjectField]: 'high', submission: `${card}-${attempt}`.padEnd(22, 'x') },
					origin,
					cookie
				);
				const body = await response.text();
				return { status: response.status, body };
			})
		)
	);

	const statuses = responses.map((response) => response.status);
	expect(statuses.filter((status) => status >= 500)).toEqual([]);
	expect(statuses.filter((status) => status === 303)).toHaveLength(CARDS);
	const refusals = responses.filter((response) => response.status === 403);
	expect(refusals).toHaveLength(CARDS * (ATTEMPTS_PER_CARD - 1));
	for (const refusal of refusals) expect(refusal.body).toContain('Phiếu đã được sử dụng');

	await page.goto(sessionUrl);
	await expect(page.getByText(`Đã thu về ${CARDS}/${CARDS} phiếu`)).toBeVisible();
	await closeVoting(page, sessionUrl);
	const totals = page.getByRole('region', { name: 'Tổng hợp' });
	await expect(totals.locator('div').filter({ hasText: 'Số phiếu thu về' })).toContainText(
		String(CARDS)
	);
	await expect(page.getByRole('row', { name: /Đại biểu số 60/ })).toBeVisible();
	const row = page.getByRole('row', { name: /Đại biểu số 1 / });
	await expect(row.locator('td.number').first()).toContainText(`${CARDS}`);
	await expect(row.locator('td.number').first()).toContainText('100,00 %');
});
