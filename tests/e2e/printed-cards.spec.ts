import { expect, test, type Page } from '@playwright/test';
import { newOrganiser, prepareSession } from './support/fixtures';
import { decodeQrCodes, pdfText, printToPdf, rasterise } from './support/print';
import { qrSymbols, quietModules } from './support/quiet-zone';

/** A real meeting's title, 151 characters: four or five lines on a printed card. */
const TITLE =
	'Hội nghị Ban Chấp hành Đảng bộ Sở Tài nguyên và Môi trường tỉnh Thừa Thiên Huế lấy phiếu tín nhiệm giữa nhiệm kỳ đối với các đồng chí lãnh đạo năm 2026';
const CARDS = 10;
const WIFI = { name: 'PhongHop-Tang3-SoTNMT', password: 'hoinghi-giua-nhiem-ky-2026' };
/** A4 less the sheet's 10 mm margins, in CSS pixels: the width the print lays the cards in. */
const PRINT_WIDTH = Math.floor((190 * 96) / 25.4);
const PRINT_HEIGHT = Math.floor((277 * 96) / 25.4);
const CODE = /\b[2-9A-Z]{5}-[2-9A-Z]{5}\b/g;

test.use({
	viewport: { width: 1280, height: 900 },
	isMobile: false,
	hasTouch: false,
	deviceScaleFactor: 1
});

/** Issues the cards and a Wi-Fi card on the cards page; returns the codes shown on screen. */
async function issueWithWifi(page: Page, sessionUrl: string): Promise<string[]> {
	await page.goto(`${sessionUrl}/cards`);
	await page.getByLabel('Số phiếu', { exact: true }).fill(String(CARDS));
	await page.getByText('In thêm mã QR kết nối Wi-Fi').click();
	await page.getByLabel('Tên mạng Wi-Fi').fill(WIFI.name);
	await page.getByLabel(/^Mật khẩu Wi-Fi/).fill(WIFI.password);
	await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
	await expect(page.getByText(`${CARDS} phiếu mới đã sẵn sàng để in.`)).toBeVisible();
	return page.locator('.ballot-card .code').allTextContents();
}

/**
 * Where each card's parts fall in the print layout, relative to the card: everything inside it,
 * nothing on the QR image (which holds the quiet zone).
 */
async function cardGeometry(page: Page) {
	return page.locator('.ballot-card').evaluateAll((cards) =>
		cards.map((card) => {
			const box = card.getBoundingClientRect();
			const qr = card.querySelector('img.qr')?.getBoundingClientRect();
			const parts = [...card.querySelectorAll('p')].map((part) => part.getBoundingClientRect());
			const inside = (rect: DOMRect) =>
				rect.left >= box.left - 0.5 &&
				rect.right <= box.right + 0.5 &&
				rect.top >= box.top - 0.5 &&
				rect.bottom <= box.bottom + 0.5;
			const overlaps = (a: DOMRect, b: DOMRect) =>
				a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			return {
				height: box.height,
				allInside: !!qr && inside(qr) && parts.every(inside),
				qrCovered: !qr || parts.some((part) => overlaps(part, qr)),
				overflows: card.scrollWidth > card.clientWidth || card.scrollHeight > card.clientHeight
			};
		})
	);
}

test('ten cards with a 150-character title print whole on A4: every QR and code readable', async ({
	page
}) => {
	test.setTimeout(120_000);
	await newOrganiser(page);
	// Attendance above the cards issued: the sheet, not the count's guard rails, is under test.
	const sessionUrl = await prepareSession(page, {
		title: TITLE,
		convened: 12,
		people: ['Nguyễn Văn An\tGiám đốc Sở', 'Trần Thị Bình\tPhó Giám đốc Sở'],
		present: 12
	});
	const codes = await issueWithWifi(page, sessionUrl);
	expect(codes).toHaveLength(CARDS);
	for (const code of codes) expect(code).toMatch(CODE);

	// The print layout, measured in the page: every card holds its title, QR and code.
	await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
	await page.emulateMedia({ media: 'print' });
	const geometry = await cardGeometry(page);
	expect(geometry).toHaveLength(CARDS + 1);
	for (const card of geometry) {
		expect(card).toMatchObject({ allInside: true, qrCovered: false, overflows: false });
		// At least two rows of cards a page.
		expect(card.height).toBeLessThan(PRINT_HEIGHT / 2);
	}

	// The printed sheet itself, as a printer gets it.
	const pdf = await printToPdf(page);
	const pages = rasterise(pdf);
	const origin = new URL(page.url()).origin;
	const decoded: string[] = [];
	for (const [index, printed] of pages.entries()) {
		const onPage = decodeQrCodes(printed.png);
		decoded.push(...onPage);
		// Cards are never split between pages: a page holds as many QR codes as whole codes and
		// whole titles (the Wi-Fi card has neither).
		const text = pdfText(pdf, { page: index + 1 });
		const wifi = onPage.filter((data) => data.startsWith('WIFI:')).length;
		expect(text.match(CODE) ?? []).toHaveLength(onPage.length - wifi);
		// Read column by column, so the two cards of a row do not interleave their lines.
		const titles = [0, 298].flatMap((x) => {
			const column = pdfText(pdf, { page: index + 1, crop: { x, width: 298 } });
			return column.replace(/\s+/g, ' ').split(TITLE).length - 1;
		});
		expect(titles.reduce((sum, count) => sum + count, 0)).toBe(onPage.length - wifi);

		// Four modules of white around every symbol, nothing on them.
		const symbols = qrSymbols(printed.grey);
		expect(symbols).toHaveLength(onPage.length);
		for (const symbol of symbols) expect(quietModules(printed.grey, symbol)).toBe(4);
	}

	const cardUrls = decoded.filter((data) => !data.startsWith('WIFI:'));
	expect(cardUrls).toHaveLength(CARDS);
	expect(new Set(cardUrls).size).toBe(CARDS);
	for (const url of cardUrls) expect(url).toMatch(new RegExp(`^${origin}/v/[A-Za-z0-9_-]{22}$`));
	expect(decoded.filter((data) => data.startsWith('WIFI:'))).toEqual([
		`WIFI:T:WPA;S:${WIFI.name};P:${WIFI.password};;`
	]);
	// Every code exactly as on screen, once.
	expect((pdfText(pdf).match(CODE) ?? []).sort()).toEqual([...codes].sort());

	// The same sheet on phones: one card a row, nothing wider than the screen.
	for (const width of [390, 320]) {
		await page.setViewportSize({ width, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		for (const card of await cardGeometry(page)) {
			expect(card).toMatchObject({ allInside: true, qrCovered: false, overflows: false });
		}
	}
});
