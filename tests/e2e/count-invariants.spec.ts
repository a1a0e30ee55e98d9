/**
 * The day of the meeting as issue 13 found it: 5 people convened, 3 present. Cards beyond the
 * people convened are refused with the figure; beyond the people present they need a reason,
 * which the audit trail, the results and the minutes state; attendance recorded below the cards
 * already printed asks for the spare ones to be voided; an empty attendance is refused in the
 * app's words, with JavaScript on or off.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import {
	closeVoting,
	issueCards,
	newOrganiser,
	openVoting,
	prepareSession,
	PHONE
} from './support/fixtures';
import { castBallot, phoneWithCard, randomBallot, submissionNonce } from './support/http-client';

const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'];
const LATE = 'Đồng chí Lê Thị Thu Hà đến sau khi điểm danh';

/** The page at a phone's width and at a desktop's, kept in the test's output folder. */
async function shoot(page: Page, name: string): Promise<void> {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
	}
}

async function issue(page: Page, count: number): Promise<void> {
	await page.getByLabel('Số phiếu', { exact: true }).fill(String(count));
	await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
}

test('cards never outnumber the people convened; beyond the people present only with a reason, stated everywhere', async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Lấy phiếu tín nhiệm năm 2026',
		convened: 5,
		people: PEOPLE,
		present: 3,
		preset: 'nq-96-2023-qh15'
	});

	// One card per person present by default; 8 cards for 5 people convened are refused.
	await page.goto(`${sessionUrl}/cards`);
	await expect(page.getByLabel('Số phiếu', { exact: true })).toHaveValue('3');
	await issue(page, 8);
	await expect(
		page.getByText(
			'Không thể phát hành 8 phiếu: chỉ còn phát được 5 phiếu nữa (đã phát ra 0 phiếu, có 5 người được triệu tập).'
		)
	).toBeVisible();
	await expect(page.locator('.ballot-card')).toHaveCount(0);
	await shoot(page, 'cards-refused');

	// 4 cards for 3 people present: a question, then a reason, then the cards.
	await issue(page, 4);
	await expect(
		page.getByText('Sau khi phát, số phiếu phát ra sẽ là 4, nhiều hơn 3 người có mặt.')
	).toBeVisible();
	await expect(page.locator('.ballot-card')).toHaveCount(0);
	await shoot(page, 'cards-confirm');
	const reason = page.getByLabel('Lý do phát phiếu nhiều hơn số người có mặt');
	await reason.fill('vì sao');
	await page.getByRole('button', { name: 'Vẫn phát hành, ghi lý do' }).click();
	await expect(page.getByText('Lý do cần ít nhất 10 ký tự.')).toBeVisible();
	await expect(page.locator('.ballot-card')).toHaveCount(0);
	await reason.fill(LATE);
	await page.getByRole('button', { name: 'Vẫn phát hành, ghi lý do' }).click();
	await expect(page.getByText('4 phiếu mới đã sẵn sàng để in.')).toBeVisible();
	const codes = await page.locator('.ballot-card .code').allTextContents();
	expect(codes).toHaveLength(4);

	// Everyone present has a card: no count is offered. The card beyond them was confirmed, so
	// it is not taken for a spare one to void.
	await page.goto(`${sessionUrl}/cards`);
	await expect(page.getByText('Cả 3 người có mặt đều đã có phiếu.')).toBeVisible();
	await expect(page.getByLabel('Số phiếu', { exact: true })).toHaveValue('');
	await expect(page.getByText(/hãy huỷ \d+ phiếu thừa/)).toHaveCount(0);
	await issue(page, 1);
	await page.getByLabel('Lý do phát phiếu nhiều hơn số người có mặt').fill(LATE);
	await page.getByRole('button', { name: 'Vẫn phát hành, ghi lý do' }).click();
	await expect(page.getByText('1 phiếu mới đã sẵn sàng để in.')).toBeVisible();
	codes.push(...(await page.locator('.ballot-card .code').allTextContents()));

	// All 5 convened have a card: the page says so and offers no count at all.
	await page.goto(`${sessionUrl}/cards`);
	await expect(
		page.getByText('Đã phát đủ phiếu cho cả 5 người được triệu tập: không thể phát hành thêm.')
	).toBeVisible();
	await expect(page.getByLabel('Số phiếu', { exact: true })).toHaveCount(0);
	await shoot(page, 'cards-all-issued');

	// Paper ballots count towards the same ceiling.
	await page.goto(`${sessionUrl}/paper`);
	await page.getByLabel('Số phiếu giấy phát ra').fill('1');
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await expect(
		page.getByText(
			'Tối đa 0 phiếu giấy: cùng với 5 phiếu QR, số phiếu phát ra không thể vượt 5 người được triệu tập.'
		)
	).toBeVisible();

	// The audit trail holds both confirmations with their reason.
	await page.goto(`${sessionUrl}/audit`);
	await expect(page.getByText('Phát hành 4 phiếu QR')).toBeVisible();
	await expect(
		page.getByText(`Xác nhận phát phiếu nhiều hơn số người có mặt. Lý do: ${LATE}`)
	).toHaveCount(2);

	// Three phones vote; the results and the minutes state the figures and the reason.
	await openVoting(page, sessionUrl);
	for (const code of codes.slice(0, 3)) {
		const phone = await phoneWithCard(baseURL!, code);
		await castBallot(phone, await randomBallot(phone), submissionNonce());
	}
	await closeVoting(page, sessionUrl);
	const beyondPresent = `Số phiếu phát ra (5) nhiều hơn số người có mặt (3); người tổ chức đã xác nhận việc phát thêm phiếu với lý do: “${LATE}”.`;
	await expect(page.getByText(beyondPresent)).toBeVisible();
	await shoot(page, 'results');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /PDF/ }).click()
	]);
	const pdf = test.info().outputPath('minutes.pdf');
	await download.saveAs(pdf);
	const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
		.normalize('NFC')
		.replace(/\s+/g, ' ');
	for (const sentence of [
		'Số phiếu phát ra (5) không vượt số người được triệu tập (5).',
		beyondPresent,
		'Số phiếu thu về (3) không vượt số phiếu phát ra (5).'
	]) {
		expect(text).toContain(sentence);
	}
	expect(text).not.toContain('Số phiếu thu về không vượt số phiếu phát ra.');
	// Every page rasterised, to look at.
	execFileSync('pdftoppm', ['-r', '80', '-png', pdf, test.info().outputPath('minutes')]);
	expect(
		readdirSync(test.info().outputDir).filter((name) => name.startsWith('minutes-'))
	).not.toEqual([]);
});

test('attendance below the cards printed asks for the spare cards to be voided', async ({
	page
}) => {
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Họp chi bộ tháng 11',
		convened: 5,
		people: PEOPLE,
		present: 3
	});
	const codes = await issueCards(page, sessionUrl, 3);
	// One of the three does not come after all: attendance is recorded as it is.
	await page.goto(sessionUrl);
	await page.getByLabel(/Số người có mặt/).fill('2');
	await page.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(page.getByText('Có mặt 2/5 người được triệu tập.')).toBeVisible();
	const spare = page.getByText('Đã phát ra 3 phiếu, nhiều hơn 2 người có mặt.');
	await expect(spare).toContainText('hãy huỷ 1 phiếu thừa bằng mã in trên phiếu');
	await page.goto(`${sessionUrl}/cards`);
	await expect(spare).toBeVisible();
	await page.getByLabel('Mã in trên phiếu').fill(codes[0]!);
	await page.getByRole('button', { name: 'Huỷ phiếu này' }).click();
	await expect(page.getByText('Đã huỷ phiếu.')).toBeVisible();
	await page.goto(sessionUrl);
	await expect(page.getByText(/nhiều hơn 2 người có mặt/)).toHaveCount(0);
});

test('an empty attendance is refused in the app’s words, with JavaScript on and off', async ({
	page,
	browser
}) => {
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Họp chi bộ tháng 12',
		convened: 5,
		people: PEOPLE,
		present: 3
	});
	const field = page.getByLabel(/Số người có mặt/);
	await field.fill('');
	await page.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(page.getByText('Hãy nhập số người có mặt.')).toBeVisible();
	await expect(page.getByText('Có mặt 3/5 người được triệu tập.')).toBeVisible();
	await shoot(page, 'attendance-empty');

	const noScript = await browser.newContext({
		...PHONE,
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const plain = await noScript.newPage();
	await plain.goto(sessionUrl);
	await plain.getByLabel(/Số người có mặt/).fill('');
	await plain.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(plain.getByText('Hãy nhập số người có mặt.')).toBeVisible();
	await plain.goto(sessionUrl);
	await expect(plain.getByText('Có mặt 3/5 người được triệu tập.')).toBeVisible();
	await noScript.close();
});
