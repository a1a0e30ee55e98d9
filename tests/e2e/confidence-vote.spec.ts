import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	PHONE,
	closeVoting,
	issueCards,
	newOrganiser,
	openVoting,
	prepareSession
} from './support/fixtures';
import { scanQr } from './support/qr';

const PEOPLE = [
	'STT\tHọ và tên\tChức vụ',
	'1\tNguyễn Văn An\tBí thư Đảng ủy',
	'2\tTrần Thị Bình\tPhó Bí thư Thường trực',
	'3\tLê Văn Cường\tPhó Bí thư, Chủ tịch UBND xã',
	'4\tPhạm Thị Dung\tChủ tịch HĐND xã',
	'5\tHoàng Văn Em\tTrưởng Công an xã'
];

type Mark = 'Tín nhiệm cao' | 'Tín nhiệm' | 'Tín nhiệm thấp';

async function fillBallot(phone: Page, marks: Record<string, Mark>): Promise<void> {
	await expect(phone).toHaveURL(/\/v\/ballot$/);
	await expect(phone.getByRole('heading', { name: 'Phiếu lấy phiếu tín nhiệm' })).toBeVisible();
	for (const [name, mark] of Object.entries(marks)) {
		await phone
			.getByRole('group', { name: new RegExp(name) })
			.getByLabel(mark, { exact: true })
			.check();
	}
	await phone.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(phone.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toBeVisible();
}

async function sendBallot(phone: Page): Promise<void> {
	await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(
		phone.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();
	// Nothing of the choices is repeated once the ballot is in.
	await expect(phone.getByText('Tín nhiệm cao')).toHaveCount(0);
	await expect(phone.getByText('Tín nhiệm thấp')).toHaveCount(0);
}

async function newPhone(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
	return context.newPage();
}

test('a confidence vote: prepare, print cards, vote by QR and by code, close, read the result', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025–2030',
		convened: 6,
		people: PEOPLE,
		present: 5
	});
	await expect(page.getByText('Đủ điều kiện 2/3 (cần ít nhất 4 người).')).toBeVisible();

	const codes = await issueCards(page, sessionUrl, 5);
	expect(codes).toHaveLength(5);
	for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{5}-[2-9A-HJKMNP-TW-Z]{5}$/);
	await expect(page.locator('.ballot-card')).toHaveCount(5);
	await expect(page.locator('.ballot-card').first()).not.toContainText(/\b(1|01|#1)\b/);
	// Read two QR codes from the printed sheet as a phone camera would.
	const firstCardUrl = await scanQr(page.locator('.ballot-card img.qr').nth(0));
	const secondCardUrl = await scanQr(page.locator('.ballot-card img.qr').nth(1));
	expect(firstCardUrl).toMatch(/^http:\/\/localhost:\d+\/v\/[A-Za-z0-9_-]{22}$/);
	expect(secondCardUrl).not.toBe(firstCardUrl);
	const typedCode = codes[2] as string;

	// Before voting opens, a card says so.
	const early = await newPhone(browser);
	const earlyResponse = await early.goto(firstCardUrl);
	expect(earlyResponse?.status()).toBe(403);
	await expect(early.getByRole('heading', { name: 'Chưa đến lúc bỏ phiếu' })).toBeVisible();
	await early.context().close();

	await openVoting(page, sessionUrl);

	// An unknown card is refused like any other refusal: same path, same status.
	const stranger = await newPhone(browser);
	const unknown = await stranger.goto(firstCardUrl.replace(/\/v\/.*/, '/v/AAAAAAAAAAAAAAAAAAAAAA'));
	expect(unknown?.status()).toBe(403);
	await expect(stranger).toHaveURL(/\/v\/ballot$/);
	await expect(stranger.getByRole('heading', { name: 'Không mở được phiếu' })).toBeVisible();
	await stranger.context().close();

	// Phone 1: camera, JavaScript on. The phone locks half-way: the choices made are still there.
	const phone1 = await newPhone(browser);
	await phone1.goto(firstCardUrl);
	const firstRow = phone1.getByRole('group', { name: /Nguyễn Văn An/ });
	await firstRow.getByLabel('Tín nhiệm cao', { exact: true }).check();
	await expect(phone1.getByText('Đã chọn 1/5 người')).toBeVisible();
	await phone1.reload();
	await expect(firstRow.getByLabel('Tín nhiệm cao', { exact: true })).toBeChecked();
	await fillBallot(phone1, {
		'Nguyễn Văn An': 'Tín nhiệm cao',
		'Trần Thị Bình': 'Tín nhiệm cao',
		'Lê Văn Cường': 'Tín nhiệm thấp',
		'Phạm Thị Dung': 'Tín nhiệm'
	});
	await expect(phone1.getByRole('alert')).toContainText('Bạn để trống 1 người');
	await sendBallot(phone1);

	// Phone 2: camera, JavaScript off.
	const phone2 = await newPhone(browser, false);
	await phone2.goto(secondCardUrl);
	await fillBallot(phone2, {
		'Nguyễn Văn An': 'Tín nhiệm cao',
		'Trần Thị Bình': 'Tín nhiệm thấp',
		'Lê Văn Cường': 'Tín nhiệm thấp',
		'Phạm Thị Dung': 'Tín nhiệm'
	});
	// Change one's mind on the review step, without JavaScript.
	await phone2.getByRole('button', { name: 'Sửa lại phiếu' }).click();
	await expect(
		phone2
			.getByRole('group', { name: /Trần Thị Bình/ })
			.getByLabel('Tín nhiệm thấp', { exact: true })
	).toBeChecked();
	await phone2.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await sendBallot(phone2);

	// The organiser watches turnout; it moves by itself as the third phone votes.
	await page.goto(sessionUrl);
	await expect(page.getByText('Đã thu về 2/5 phiếu')).toBeVisible();

	// Phone 3: types the code printed on its card.
	const phone3 = await newPhone(browser);
	await phone3.goto('/v');
	await phone3.getByLabel('Mã in trên phiếu').fill(typedCode.toLowerCase().replace('-', ' '));
	await phone3.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	await fillBallot(phone3, {
		'Nguyễn Văn An': 'Tín nhiệm',
		'Trần Thị Bình': 'Tín nhiệm thấp',
		'Lê Văn Cường': 'Tín nhiệm thấp'
	});
	await sendBallot(phone3);

	// Phone 4 picks up the first card again.
	const phone4 = await newPhone(browser);
	const reuse = await phone4.goto(firstCardUrl);
	expect(reuse?.status()).toBe(403);
	await expect(phone4).toHaveURL(/\/v\/ballot$/);
	await expect(phone4.getByRole('heading', { name: 'Phiếu đã được sử dụng' })).toBeVisible();

	// Turnout refreshed without a reload; no per-person figure exists before closing.
	await expect(page.getByText('Đã thu về 3/5 phiếu')).toBeVisible();
	const early403 = await page.request.get(`${sessionUrl}/results`);
	expect(early403.status()).toBe(409);

	await closeVoting(page, sessionUrl);
	const totals = page.getByRole('region', { name: 'Tổng hợp' });
	for (const [label, value] of [
		['Số người được triệu tập', '6'],
		['Số người có mặt', '5'],
		['Số phiếu phát ra', '5'],
		['Số phiếu thu về', '3'],
		['Số phiếu hợp lệ', '3'],
		['Số phiếu không hợp lệ', '0']
	] as const) {
		await expect(totals.locator('div').filter({ hasText: label })).toContainText(value);
	}

	// Percentages are of the 3 ballots returned (QĐ 96 Điều 6.3), not of the 6 convened:
	// 2/3 = 66,67 %, 1/3 = 33,33 %. Columns: high, confidence, low, blank, invalid row.
	await expect(
		page.getByText('Tỷ lệ tính trên tổng số 3 phiếu thu về (Điều 6 khoản 3).')
	).toBeVisible();
	const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
	const cells = async (name: string) =>
		(await row(name).locator('td.number').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
	const none = '0 0,00 %';
	expect(await cells('Nguyễn Văn An')).toEqual(['2 66,67 %', '1 33,33 %', none, none, none]);
	expect(await cells('Trần Thị Bình')).toEqual(['1 33,33 %', none, '2 66,67 %', none, none]);
	expect(await cells('Lê Văn Cường')).toEqual([none, none, '3 100,00 %', none, none]);
	expect(await cells('Phạm Thị Dung')).toEqual([none, '2 66,67 %', none, '1 33,33 %', none]);
	expect(await cells('Hoàng Văn Em')).toEqual([none, none, none, '3 100,00 %', none]);
	// 2 low of 3 returned is two thirds: 3 × 2 ≥ 2 × 3 (Điều 11 khoản 3).
	await expect(row('Trần Thị Bình')).toContainText(
		'Số phiếu tín nhiệm thấp từ 2/3 tổng số phiếu thu về trở lên'
	);
	await expect(row('Trần Thị Bình')).toContainText('Điều 11 khoản 3');
	await expect(row('Phạm Thị Dung')).toContainText('Không thuộc mức nào');
	await expect(page.getByText('Quy định số 96-QĐ/TW ngày 02/02/2023')).toBeVisible();

	const csv = await page.request.get(`${sessionUrl}/results.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(body.toString('utf8')).toContain(
		'3,Lê Văn Cường,"Phó Bí thư, Chủ tịch UBND xã",0,0.00,0,0.00,3,100.00,0,0.00,0,0.00,3 phiếu thu về'
	);
});
