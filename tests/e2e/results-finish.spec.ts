/**
 * The finish a secretary meets after closing: the results page says whether the result is
 * published and what comes next, and publishes (with or without JavaScript); the projector shows
 * counts beside percentages in the table's order; the session list shows kind, period, date and
 * state; the quarter history opens on a year with figures; downloads carry the date and title.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { logIn, uniqueName } from './support/fixtures';
import {
	appraisalRules,
	ballotFields,
	ballotShape,
	castBallot,
	closeVoting,
	HttpClient,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	publishResults,
	submissionNonce
} from './support/http-client';
import { committeeAccount, setUpAccount } from './support/committee';
import { recordConditionsOnResults } from './support/conditions';
import { organiser, shots as screenshots } from './support/organiser';

const SHOTS = process.env.SHOTS_DIR ?? '';
const PASSWORD = 'Ban tổ chức Đảng ủy 2026';
const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư', 'Lê Văn Cường\tỦy viên'];
const PHONE_WIDTH = 390;
const DESKTOP_WIDTH = 1280;
const shots = (page: Page, name: string) => screenshots(page, SHOTS, name);

/** Casts one ballot per entry: for each person in the ballot's order, a mark or '' for blank. */
async function castAll(origin: string, codes: string[], ballots: string[][]): Promise<void> {
	const fields = await ballotFields(await phoneWithCard(origin, codes[0] as string));
	for (const [index, marks] of ballots.entries()) {
		const phone = await phoneWithCard(origin, codes[index] as string);
		const filled = fields.flatMap((field, position) =>
			marks[position] ? [[field, marks[position]] as const] : []
		);
		const reply = await castBallot(phone, Object.fromEntries(filled), submissionNonce());
		expect(reply.status).toBe(303);
	}
}

/**
 * Ticks the confirmation and publishes from the results page, which answers with its new state:
 * published, when, and the message of this request.
 */
async function publishHere(page: Page): Promise<Locator> {
	const publish = page.getByRole('region', { name: 'Kiểm phiếu và công bố' });
	await publish.getByLabel('Tôi đã kiểm tra kết quả.', { exact: false }).check();
	await publish.getByRole('button', { name: 'Công bố kết quả' }).click();
	const published = page.getByRole('region', { name: 'Đã công bố' });
	await expect(published).toContainText(/Công bố ngày \d{2}\/\d{2}\/\d{4} lúc \d{2}:\d{2}\./);
	await expect(published.getByRole('status')).toHaveText('Đã công bố kết quả.');
	await expect(publish).toContainText('Kết quả đã được công bố');
	return published;
}

/** A row's cells as the eye reads them, whitespace collapsed. */
async function cellTexts(row: Locator): Promise<string[]> {
	return (await row.locator('th, td').allInnerTexts()).map((text) =>
		text.replace(/\s+/g, ' ').trim()
	);
}

/** A confidence vote, closed: An 2 high and 1 low, Bình 2 low and 1 confidence, one blank row. */
async function closedConfidenceVote(client: HttpClient, origin: string): Promise<string> {
	const id = await prepareSession(client, { convened: 3, people: PEOPLE });
	const codes = await issueCards(client, id, 3);
	await openVoting(client, id);
	await castAll(origin, codes, [
		['high', 'low', 'high'],
		['high', 'low', ''],
		['low', 'confidence', 'confidence']
	]);
	await closeVoting(client, id);
	return id;
}

const APPRAISAL_TITLE = 'Đánh giá, xếp loại chất lượng quý IV năm 2026';

/** A quarter's grade vote under NĐ 335, closed: An voted excellent, Bình good, by both voters. */
async function closedAppraisal(client: HttpClient, origin: string): Promise<string> {
	const id = await prepareSession(client, {
		title: APPRAISAL_TITLE,
		convened: 2,
		people: PEOPLE.slice(0, 2),
		rules: { ...appraisalRules('grades'), appraisalPresetId: 'nd-335-2025' }
	});
	const codes = await issueCards(client, id, 2);
	await openVoting(client, id);
	await castAll(origin, codes, [
		['excellent', 'good'],
		['excellent', 'good']
	]);
	await closeVoting(client, id);
	return id;
}

/** A closed session of a new organiser's, open on its results page. */
async function onResults(
	browser: Browser,
	origin: string,
	close: (client: HttpClient, origin: string) => Promise<string>,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<{ client: HttpClient; page: Page; id: string }> {
	const { client, page } = await organiser(browser, origin, options);
	const id = await close(client, origin);
	await page.goto(`/sessions/${id}/results`);
	return { client, page, id };
}

test('the results page says the result is unpublished, who sees it and what comes next; publishing without JavaScript lands back on it with a message', async ({
	browser,
	baseURL
}) => {
	const { page, id } = await onResults(browser, baseURL as string, closedConfidenceVote, {
		javaScriptEnabled: false
	});
	const state = page.getByRole('region', { name: 'Chưa công bố' });
	await expect(state).toContainText(
		'Chỉ người tổ chức và ban kiểm phiếu xem được các số liệu này.'
	);
	await expect(state).toContainText(
		'Bước tiếp theo: kiểm tra các số liệu dưới đây, rồi công bố kết quả ở cuối trang.'
	);
	await shots(page, 'results-before-publish');

	await state.getByRole('link', { name: 'Công bố kết quả' }).click();
	const published = await publishHere(page);
	await expect(page).toHaveURL(new RegExp(`/sessions/${id}/results`));
	await expect(page.getByRole('region', { name: 'Chưa công bố' })).toHaveCount(0);
	await expect(published).not.toContainText('Bước tiếp theo');
	await shots(page, 'results-after-publish');
});

test('an appraisal asks for the grades to be confirmed first, then publishes with JavaScript', async ({
	browser,
	baseURL
}) => {
	const { page, id } = await onResults(browser, baseURL as string, closedAppraisal);
	const state = page.getByRole('region', { name: 'Chưa công bố' });
	await expect(state).toContainText(
		'Bước tiếp theo: xác nhận xếp loại cho 2 người chưa được xác nhận, sau đó công bố kết quả.'
	);
	await shots(page, 'results-appraisal');
	await state.getByRole('link', { name: 'Xác nhận xếp loại' }).click();
	// NĐ 335's conditions first: nobody can be confirmed without them.
	await expect(
		page.getByText('2 người chưa xác nhận được: trong nhóm còn người chưa ghi nhận điều kiện')
	).toBeVisible();
	for (const name of ['Nguyễn Văn An', 'Trần Thị Bình']) {
		await recordConditionsOnResults(page, name, {});
	}
	await page.getByRole('button', { name: /Xác nhận theo kết quả của tập thể cho 2 người/ }).click();
	await expect(page.getByText('Đã xác nhận 2 người theo kết quả của tập thể.')).toBeVisible();
	await expect(state).toContainText(
		'Bước tiếp theo: kiểm tra các số liệu dưới đây, rồi công bố kết quả ở cuối trang.'
	);

	await publishHere(page);
	await expect(page).toHaveURL(new RegExp(`/sessions/${id}/results(#[a-z-]+)?$`));
	await shots(page, 'results-appraisal-published');
});

test('the tally committee confirms on the results page, after which the organiser is told to publish', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	const id = await prepareSession(client, { convened: 3, people: PEOPLE });
	const username = uniqueName('kiemphieu');
	const link = await committeeAccount(client, id, {
		fullName: 'Đặng Thị Hồng',
		roleTitle: 'Trưởng ban',
		username
	});
	await setUpAccount(origin, link, PASSWORD);
	expect((await client.post(`/sessions/${id}/committee?/required`, { required: '1' })).status).toBe(
		200
	);
	const codes = await issueCards(client, id, 3);
	await openVoting(client, id);
	await castAll(origin, codes, [['high', 'low', 'high']]);
	await closeVoting(client, id);

	await page.goto(`/sessions/${id}/results`);
	const waiting =
		'Bước tiếp theo: ban kiểm phiếu xác nhận kết quả kiểm phiếu (đã có 0/1 xác nhận), sau đó người tổ chức công bố kết quả.';
	await expect(page.getByRole('region', { name: 'Chưa công bố' })).toContainText(waiting);
	await expect(page.getByRole('button', { name: 'Công bố kết quả' })).toBeDisabled();

	const member = await (await browser.newContext({ baseURL: origin })).newPage();
	await logIn(member, username, PASSWORD);
	await member.goto(`/sessions/${id}/results`);
	const state = member.getByRole('region', { name: 'Chưa công bố' });
	await expect(state).toContainText(waiting);
	await state.getByRole('link', { name: 'Xác nhận kết quả kiểm phiếu' }).click();
	await member.getByRole('button', { name: 'Xác nhận kết quả kiểm phiếu' }).click();
	await expect(member.getByText('Bạn đã xác nhận kết quả kiểm phiếu.')).toBeVisible();
	await expect(state).toContainText('Bước tiếp theo: người tổ chức kiểm tra và công bố kết quả.');

	await page.reload();
	await expect(page.getByRole('region', { name: 'Chưa công bố' })).toContainText(
		'Bước tiếp theo: kiểm tra các số liệu dưới đây, rồi công bố kết quả ở cuối trang.'
	);
	await publishHere(page);
});

test('the 20 % cap is explained in words, without formula notation', async ({
	browser,
	baseURL
}) => {
	const { page } = await onResults(browser, baseURL as string, closedAppraisal);
	const cap = page.getByRole('region', { name: 'Giới hạn tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”' });
	await expect(cap).toContainText(
		'Kết quả của tập thể: 1 người đạt HTXSNV, 1 người HTTNV. Với 2 người này, không ai được giữ HTXSNV: giữ 1 người thì còn 1 người HTTNV (tính cả người chuyển xuống), và 1 đã quá 20 % của 1.'
	);
	await expect(cap).not.toContainText('⌊');
});

test('the projector shows counts beside percentages, in the order of the results table', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client } = await organiser(browser, origin);
	const id = await closedConfidenceVote(client, origin);
	await publishResults(client, id);
	const key = /\/p\/([A-Za-z0-9_-]{22})/.exec((await client.get(`/sessions/${id}`)).body)?.[1];
	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 }
	]) {
		const screen = await (await browser.newContext({ baseURL: origin, viewport })).newPage();
		await screen.goto(`/p/${key}`);
		const table = screen.getByRole('table');
		// The table's columns: high, confidence, low, then the blank rows that exist.
		expect(await cellTexts(table.locator('thead tr'))).toEqual([
			'STT',
			'Họ và tên, chức vụ',
			'Tín nhiệm cao',
			'Tín nhiệm',
			'Tín nhiệm thấp',
			'Để trống'
		]);
		// People in the ballot's order, each figure a count with its percentage.
		const rows = table.locator('tbody tr:first-child');
		await expect(rows).toHaveCount(3);
		expect(await cellTexts(rows.nth(0))).toEqual([
			'1',
			'Nguyễn Văn An Bí thư',
			'2 (66,67 %)',
			'0 (0,00 %)',
			'1 (33,33 %)',
			'0 (0,00 %)'
		]);
		expect(await cellTexts(rows.nth(1))).toEqual([
			'2',
			'Trần Thị Bình Phó Bí thư',
			'0 (0,00 %)',
			'1 (33,33 %)',
			'2 (66,67 %)',
			'0 (0,00 %)'
		]);
		expect(await cellTexts(rows.nth(2))).toEqual([
			'3',
			'Lê Văn Cường Ủy viên',
			'1 (33,33 %)',
			'1 (33,33 %)',
			'0 (0,00 %)',
			'1 (33,33 %)'
		]);
		await expect(table.locator('tbody').nth(1)).toContainText(
			'Số phiếu tín nhiệm thấp từ 2/3 tổng số phiếu thu về trở lên'
		);
		// Legible from the back of the room: figures at least 20 px high.
		const size = await table
			.locator('td.figure')
			.first()
			.evaluate((cell) => parseFloat(getComputedStyle(cell).fontSize));
		expect(size).toBeGreaterThanOrEqual(20);
		if (SHOTS) {
			await screen.screenshot({
				path: `${SHOTS}/projector-${viewport.width}x${viewport.height}.png`
			});
		}
		await screen.context().close();
	}
});

test('the session list shows kind, period, meeting date and whether a closed session is published', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	await closedConfidenceVote(client, origin);
	const appraisal = await closedAppraisal(client, origin);
	await publishResults(client, appraisal);
	expect(
		(await client.post(`/sessions/${appraisal}?/clone`, { meetingDate: '2027-01-15' })).status
	).toBe(303);

	for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
		await page.setViewportSize({ width, height: 844 });
		await page.goto('/sessions');
		const vote = page.getByRole('row', { name: /Lấy phiếu tín nhiệm giữa nhiệm kỳ/ });
		await expect(vote).toContainText('Lấy phiếu tín nhiệm');
		await expect(vote).toContainText('23/11/2026');
		await expect(vote).toContainText('Đã kết thúc, chưa công bố');
		const quarters = page.getByRole('row', { name: /Đánh giá, xếp loại chất lượng quý/ });
		await expect(quarters).toHaveCount(2);
		const published = quarters.filter({ hasText: 'Quý IV năm 2026' });
		await expect(published).toContainText('Đánh giá, xếp loại chất lượng');
		await expect(published).toContainText('23/11/2026');
		await expect(published).toContainText('Đã công bố');
		await expect(quarters.filter({ hasText: 'Quý I năm 2027' })).toContainText('Bản nháp');
	}
	await shots(page, 'sessions');
});

test('the quarter history opens on the latest year with figures, its chart in the app typeface and size', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	const id = await prepareSession(client, {
		title: APPRAISAL_TITLE,
		convened: 1,
		people: PEOPLE.slice(0, 1),
		rules: appraisalRules('scores')
	});
	const [code] = await issueCards(client, id, 1);
	await openVoting(client, id);
	// Four fifths of every criterion: 80 points.
	const phone = await phoneWithCard(origin, code as string);
	const { scores } = await ballotShape(phone);
	const sheet = Object.fromEntries(
		scores.map(({ field, maximum }) => [field, String((maximum * 4) / 5)])
	);
	expect((await castBallot(phone, sheet, submissionNonce())).status).toBe(303);
	await closeVoting(client, id);
	// The next quarter, cloned ahead into 2027, is a draft with nothing to show yet.
	expect((await client.post(`/sessions/${id}?/clone`, { meetingDate: '2027-01-15' })).status).toBe(
		303
	);

	await page.goto(`/sessions/${id}/results`);
	await page
		.getByRole('row', { name: /Nguyễn Văn An/ })
		.getByRole('link')
		.click();
	await expect(page.getByRole('heading', { name: 'Kết quả đánh giá năm 2026' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Quý IV năm 2026/ })).toContainText('80,00');
	// The chart's labels are in the app's typeface and at its text size on a phone, not
	// shrunk with the drawing (Noto Sans draws a capital I with serifs: "Quý III" at 9 px looked
	// like a serif face).
	const chart = page.getByRole('img', { name: /Tổng điểm từng quý/ });
	await expect(chart.locator('text.value')).toHaveText('80,00');
	const { font, height } = await chart.locator('text', { hasText: 'Quý III' }).evaluate((text) => ({
		font: getComputedStyle(text).fontFamily,
		height: text.getBoundingClientRect().height
	}));
	expect(font).toBe(await page.evaluate(() => getComputedStyle(document.body).fontFamily));
	expect(height).toBeGreaterThanOrEqual(14);
	await shots(page, 'history');
});

test('downloads are named by the meeting date and the title, in UTF-8 and in ASCII', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	const id = await closedConfidenceVote(client, origin);
	const name = '2026-11-23 Lấy phiếu tín nhiệm giữa nhiệm kỳ';
	for (const extension of ['pdf', 'xlsx', 'csv', 'json']) {
		const file = extension === 'pdf' ? 'minutes.pdf' : `results.${extension}`;
		const response = await fetch(`${origin}/sessions/${id}/${file}`, {
			headers: { cookie: client.cookieHeader() }
		});
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="2026-11-23 Lay phieu tin nhiem giua nhiem ky.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}.${extension}`
		);
	}
	await page.goto(`/sessions/${id}/results`);
	const [pdf] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /PDF/ }).click()
	]);
	expect(pdf.suggestedFilename()).toBe(`${name}.pdf`);
});
