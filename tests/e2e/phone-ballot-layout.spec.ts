/**
 * The phone ballot as a voter first sees it, at 320 to 430 px: each person's name and position
 * (the group's legend) sits inside its card, whatever the number of lines the position takes,
 * and is still the group's name. A score sheet keeps the person's running total in the bar at
 * the bottom and explains a wrong score at its field, in the app's words: as it is typed with
 * JavaScript, on the review step without.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PHONE, typeCardCode } from './support/fixtures';
import {
	appraisalRules,
	firstAdministrator,
	issueCards,
	openVoting,
	prepareSession
} from './support/http-client';
import { startOwnServer, type OwnServer } from './support/server';

const PEOPLE = [
	'Nguyễn Văn An\tBí thư Đảng ủy, Chủ tịch Hội đồng nhân dân xã Hòa Bình',
	'Trần Thị Bình\tPhó Bí thư',
	'Lê Văn Cường\tỦy viên Ban Thường vụ Đảng ủy, Phó Chủ tịch Ủy ban nhân dân xã phụ trách kinh tế'
];
const WIDTHS = [320, 360, 390, 430];

let server: OwnServer;
test.afterAll(async () => server?.stop());

async function phone(
	browser: Browser,
	code: string,
	options: { width?: number; javaScriptEnabled?: boolean } = {}
): Promise<Page> {
	const context = await browser.newContext({
		...PHONE,
		viewport: { width: options.width ?? 390, height: 844 },
		// One device pixel per CSS pixel keeps the committed screenshots small.
		deviceScaleFactor: 1,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		baseURL: server.origin
	});
	const page = await context.newPage();
	await typeCardCode(page, code);
	await expect(page).toHaveURL(/\/v\/ballot$/);
	return page;
}

/**
 * Each person's card and legend, and where the legend's text may go: inside the card's border
 * and padding. A legend left on the border starts at the card box's very top edge (the border is
 * drawn through its middle), so it fails this.
 */
function legendPlacement(page: Page) {
	return page.locator('fieldset.person').evaluateAll((cards) =>
		cards.map((card) => {
			const box = card.getBoundingClientRect();
			const style = getComputedStyle(card);
			const legend = card.querySelector('legend')!.getBoundingClientRect();
			const top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
			return {
				name: card.querySelector('legend .name')?.textContent,
				inside:
					legend.top >= top - 0.5 &&
					legend.bottom <= box.bottom &&
					legend.left >= box.left &&
					legend.right <= box.right
			};
		})
	);
}

test.describe.configure({ mode: 'serial' });

let confidenceCodes: string[];
let appraisalCodes: string[];

test.beforeAll(async () => {
	server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const confidence = await prepareSession(organiser, {
		title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2021–2026',
		convened: 12,
		people: PEOPLE
	});
	confidenceCodes = await issueCards(organiser, confidence, 8);
	await openVoting(organiser, confidence);
	const appraisal = await prepareSession(organiser, {
		title: 'Đánh giá, xếp loại chất lượng quý IV năm 2026',
		convened: 4,
		people: PEOPLE,
		rules: appraisalRules('scores')
	});
	appraisalCodes = await issueCards(organiser, appraisal, 3);
	await openVoting(organiser, appraisal);
});

test('each person’s name and position sit inside their card, from 320 to 430 px', async ({
	browser
}) => {
	for (const [index, width] of WIDTHS.entries()) {
		const page = await phone(browser, confidenceCodes[index]!, { width });
		const placement = await legendPlacement(page);
		expect(placement.map((person) => person.name)).toEqual([
			'Nguyễn Văn An',
			'Trần Thị Bình',
			'Lê Văn Cường'
		]);
		expect(
			placement.filter((person) => !person.inside),
			`${width} px`
		).toEqual([]);
		// A confidence ballot or an appraisal sheet, never an election's "phiếu bầu".
		await expect(page.locator('body')).not.toContainText(/phiếu bầu/i);
		// The legend still names the group, its position included.
		await expect(
			page.getByRole('group', { name: /Lê Văn Cường.*Phó Chủ tịch Ủy ban nhân dân xã/ })
		).toBeVisible();
		// Nothing runs off the side of the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		if (width === 320 || width === 390) {
			// A position on two lines, pixel for pixel.
			await expect(page.locator('fieldset.person').first()).toHaveScreenshot(
				`confidence-person-${width}.png`
			);
		}
		await page.context().close();
	}
});

test('the help page opens a ballot without calling it an election ballot', async ({ browser }) => {
	const context = await browser.newContext({ ...PHONE, baseURL: server.origin });
	const page = await context.newPage();
	await page.goto('/v');
	await expect(page.getByRole('button', { name: 'Mở phiếu', exact: true })).toBeVisible();
	await expect(page.locator('body')).not.toContainText(/phiếu bầu/i);
	await context.close();
});

test('a score sheet keeps the running total in the bar and explains a wrong score at its field', async ({
	browser
}) => {
	const page = await phone(browser, appraisalCodes[0]!, { width: 320 });
	const person = page.getByRole('group', { name: /Nguyễn Văn An/ });
	const bar = page.locator('.submit-bar');
	const first = person.getByLabel('Phẩm chất chính trị, tư tưởng');
	const second = person.getByLabel('Đạo đức, lối sống');
	await expect(bar).toContainText('1 / 3');
	await expect(bar).toContainText('Tổng: 0/100 điểm');
	await first.fill('4,5');
	await expect(bar).toContainText('Tổng: 4,5/100 điểm');

	// Above the criterion's maximum: said under the field once the voter moves on.
	await second.fill('7');
	await second.press('Tab');
	const message = 'Điểm phải từ 0 đến 5, mỗi bước 0,5 (ví dụ 4 hoặc 4,5).';
	await expect(second).toHaveAttribute('aria-invalid', 'true');
	await expect(second).toHaveAccessibleDescription(message);
	await expect(bar).toContainText('Tổng: 4,5/100 điểm');
	// Put right, the message goes and the total counts it.
	await second.fill('5');
	await expect(second).toHaveAttribute('aria-invalid', 'false');
	await expect(page.getByText(message)).toHaveCount(0);
	await expect(bar).toContainText('Tổng: 9,5/100 điểm');

	// Not a number, on the next person: "review" stays here and goes to the field.
	await page.getByRole('button', { name: 'Người sau →' }).click();
	await expect(bar).toContainText('2 / 3');
	const next = page.getByRole('group', { name: /Trần Thị Bình/ }).getByLabel('Đạo đức, lối sống');
	await next.fill('năm');
	await page.getByRole('button', { name: 'Người trước' }).click();
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(next).toBeFocused();
	await expect(next).toHaveAccessibleDescription(message);
	await expect(bar).toContainText('2 / 3');
	await expect(page.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toHaveCount(0);
	await page.context().close();
});

test('without JavaScript the review step explains each wrong score at its field', async ({
	browser
}) => {
	const page = await phone(browser, appraisalCodes[1]!, { javaScriptEnabled: false });
	const person = page.getByRole('group', { name: /Nguyễn Văn An/ });
	await person.getByLabel('Phẩm chất chính trị, tư tưởng').fill('6');
	await person.getByLabel('Đạo đức, lối sống').fill('bốn');
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(
		page.getByRole('heading', { name: 'Phiếu đánh giá, xếp loại chất lượng' })
	).toBeVisible();
	const again = page.getByRole('group', { name: /Nguyễn Văn An/ });
	for (const label of ['Phẩm chất chính trị, tư tưởng', 'Đạo đức, lối sống']) {
		const field = again.getByLabel(label);
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAccessibleDescription(
			'Điểm phải từ 0 đến 5, mỗi bước 0,5 (ví dụ 4 hoặc 4,5).'
		);
		// Right under its own field, not at the top of the card.
		const row = again.locator('.criterion').filter({ has: page.getByLabel(label) });
		await expect(row.locator('.field-error')).toBeVisible();
	}
	await page.context().close();
});
