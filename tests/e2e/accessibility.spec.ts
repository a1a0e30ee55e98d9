/**
 * WCAG 2.2 AA, checked by axe-core on every page of the app, in the states people see them:
 * organiser pages from an empty list to published results, the phone ballot of both kinds with
 * its review and confirmation, refusals, the projector and the receipts. Then the ballot with a
 * keyboard alone, touch targets of at least 44 px, and text at 200 % without loss.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { ADMIN, PHONE, addAccount, logIn, uniqueName } from './support/fixtures';
import {
	HttpClient,
	appraisalRules,
	castBallot,
	closeVoting,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	publishResults,
	submissionNonce
} from './support/http-client';

const PASSWORD = 'Ban tổ chức Đảng ủy 2026';
const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư', 'Lê Văn Cường\tỦy viên'];

async function phone(browser: Browser, baseURL: string, code: string): Promise<Page> {
	const context = await browser.newContext({ ...PHONE, baseURL });
	const page = await context.newPage();
	await page.goto('/v');
	await page.getByLabel('Mã in trên phiếu').fill(code);
	await page.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	await expect(page).toHaveURL(/\/v\/ballot$/);
	// Measurements below need the stylesheets applied.
	await page.waitForLoadState('load');
	return page;
}

test('every page passes axe (WCAG 2.2 A and AA)', async ({ page, browser, baseURL }) => {
	test.setTimeout(240_000);
	const origin = baseURL ?? '';
	const found: string[] = [];
	const audit = async (target: Page, label: string) => {
		await target.waitForLoadState('load');
		found.push(...(await axeViolations(target, label)));
	};
	const visit = async (path: string, label = path) => {
		const response = await page.goto(path);
		expect(response?.status(), path).toBeLessThan(400);
		await audit(page, label);
	};

	// Signed out, then the administrator.
	await visit('/login');
	// The audit sees a violation when there is one: an image without a text alternative.
	await page.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
	expect((await axeViolations(page, 'planted')).join()).toContain('image-alt');
	await visit('/v', 'voter help /v');
	await logIn(page, ADMIN.username, ADMIN.password);
	await visit('/admin/users');
	await visit('/account');
	const username = uniqueName('a11y');
	await addAccount(page, { username, displayName: 'Hoàng Thị Tổ Chức', password: PASSWORD });
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	// The organiser, in the browser and over HTTP (to prepare sessions quickly).
	await logIn(page, username, PASSWORD);
	const organiser = new HttpClient(origin);
	expect((await organiser.post('/login', { username, password: PASSWORD })).status).toBe(303);
	await visit('/sessions', 'sessions (empty)');
	await visit('/sessions/new');
	await visit('/sessions/new?kind=appraisal');

	const vote = await prepareSession(organiser, { convened: 5, people: PEOPLE });
	await visit(`/sessions/${vote}`, 'session (draft)');
	await visit(`/sessions/${vote}/subjects`);
	await visit(`/sessions/${vote}/edit`);
	await visit(`/sessions/${vote}/committee`);
	await page.getByLabel('Họ và tên').fill('Đặng Thị Hồng');
	await page.getByRole('button', { name: 'Thêm vào ban kiểm phiếu' }).click();
	await audit(page, 'committee (one member)');
	await page.getByText('Cấp tài khoản cho Đặng Thị Hồng').click();
	await page.getByLabel('Tên đăng nhập').fill(uniqueName('kiemphieu'));
	await page.getByRole('button', { name: 'Tạo tài khoản ban kiểm phiếu' }).click();
	await audit(page, 'committee (one-time link)');
	const link = (await page.locator('.setup-link code').textContent()) ?? '';
	const member = await (await browser.newContext({ baseURL })).newPage();
	await member.goto(new URL(link).pathname);
	await audit(member, 'welcome (one-time link)');
	await page.goto(`/sessions/${vote}/cards`);
	await page.getByLabel('Số phiếu', { exact: true }).fill('4');
	await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
	await expect(page.locator('.ballot-card')).toHaveCount(4);
	await audit(page, 'cards (sheet)');
	const codes = await page.locator('.ballot-card .code').allTextContents();
	await openVoting(organiser, vote);
	await visit(`/sessions/${vote}`, 'session (open)');
	await visit(`/sessions/${vote}/paper`);

	const projectorKey = /\/p\/([A-Za-z0-9_-]{22})/.exec(
		(await organiser.get(`/sessions/${vote}`)).body
	)?.[1];
	const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 }, baseURL });
	const projector = await screen.newPage();
	await projector.goto(`/p/${projectorKey}`);
	await audit(projector, 'projector (voting)');

	// The phone ballot: choose, review, send; then a used card.
	const voter = await phone(browser, origin, codes[0] as string);
	await audit(voter, 'ballot (confidence)');
	await voter
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await voter.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await audit(voter, 'review (one blank)');
	await voter.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(
		voter.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();
	await audit(voter, 'ballot received');
	const reused = await voter.context().newPage();
	await reused.goto('/v');
	await reused.getByLabel('Mã in trên phiếu').fill(codes[0] as string);
	await reused.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	await audit(reused, 'card already used');

	await closeVoting(organiser, vote);
	await visit(`/sessions/${vote}/results`, 'results (confidence)');
	await visit(`/sessions/${vote}`, 'session (closed)');
	await publishResults(organiser, vote);
	await visit(`/sessions/${vote}/audit`);
	await projector.goto(`/p/${projectorKey}`);
	await audit(projector, 'projector (results)');
	await projector.goto(`/p/${projectorKey}/receipts`);
	await audit(projector, 'receipts');

	// A score-sheet appraisal: criteria, the paged phone sheet, results with the cap, history.
	const scores = await prepareSession(organiser, {
		convened: 3,
		people: PEOPLE,
		rules: appraisalRules('scores')
	});
	await visit(`/sessions/${scores}/criteria`);
	await visit(`/sessions/${scores}/conditions`, 'grade conditions');
	const scoreCodes = await issueCards(organiser, scores, 3);
	await openVoting(organiser, scores);
	const scorer = await phone(browser, origin, scoreCodes[0] as string);
	await audit(scorer, 'ballot (score sheet, one person per screen)');
	for (const code of scoreCodes) {
		const client = await phoneWithCard(origin, code);
		const sheet = (await client.get('/v/ballot')).body;
		const inputs = new Set([...sheet.matchAll(/name="(s\.[a-z0-9]+\.[^"]+)"/g)].map((m) => m[1]));
		expect(inputs.size).toBeGreaterThan(0);
		const marks = Object.fromEntries([...inputs].map((name) => [name as string, '5']));
		expect((await castBallot(client, marks, submissionNonce())).status).toBe(303);
	}
	await closeVoting(organiser, scores);
	await visit(`/sessions/${scores}/results`, 'results (score sheets)');
	const history = await page.locator('a[href^="/people/"]').first().getAttribute('href');
	await visit(history ?? '', 'person’s quarters');

	// A grade vote on the phone, each person's group and self-assessment printed beside their name.
	const grades = await prepareSession(organiser, {
		convened: 3,
		people: PEOPLE.map((person, index) => `${person}\tNhóm ${index % 2}\t9${index},5\tHTTNV`),
		rules: appraisalRules('grades')
	});
	await organiser.post(`/sessions/${grades}/subjects?/ballot`, { selfAssessmentOnBallot: 'yes' });
	await page.goto(`/sessions/${grades}/subjects`);
	await page.getByText('Sửa: Trần Thị Bình').click();
	await audit(page, 'subjects (appraisal, a person being edited)');
	const gradeCodes = await issueCards(organiser, grades, 1);
	await openVoting(organiser, grades);
	const grader = await phone(browser, origin, gradeCodes[0] as string);
	await audit(grader, 'ballot (grade vote)');

	expect(found).toEqual([]);
});

test('the ballot works with a keyboard alone, with touch targets of 44 px and text at 200 %', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const origin = baseURL ?? '';
	const admin = new HttpClient(origin);
	expect(
		(await admin.post('/login', { username: ADMIN.username, password: ADMIN.password })).status
	).toBe(303);
	const vote = await prepareSession(admin, { convened: 3, people: PEOPLE });
	const codes = await issueCards(admin, vote, 2);
	await openVoting(admin, vote);
	const voter = await phone(browser, origin, codes[0] as string);

	// Every control a finger can reach is at least 44 × 44 CSS pixels.
	const small = await voter.evaluate(() =>
		[...document.querySelectorAll('main input[type="radio"], main button, main a')]
			.map((element) => {
				const target = element.closest('label') ?? element;
				const box = target.getBoundingClientRect();
				return {
					text: target.textContent?.trim().slice(0, 30),
					width: box.width,
					height: box.height
				};
			})
			.filter((box) => box.width < 44 || box.height < 44)
	);
	expect(small).toEqual([]);

	// Keyboard only: Tab into the first group, on its answer so far (blank), arrows choose within
	// it (from blank, on round to the first mark), Tab to the next.
	await voter.keyboard.press('Tab');
	for (let i = 0; i < 10; i++) {
		const inGroup = await voter.evaluate(
			() => document.activeElement?.getAttribute('type') === 'radio'
		);
		if (inGroup) break;
		await voter.keyboard.press('Tab');
	}
	await expect(
		voter.getByRole('group', { name: /Nguyễn Văn An/ }).getByLabel('Để trống', { exact: true })
	).toBeFocused();
	await voter.keyboard.press('ArrowDown');
	await expect(
		voter.getByRole('group', { name: /Nguyễn Văn An/ }).getByLabel('Tín nhiệm cao', { exact: true })
	).toBeChecked();
	await voter.keyboard.press('ArrowDown');
	await expect(
		voter.getByRole('group', { name: /Nguyễn Văn An/ }).getByLabel('Tín nhiệm', { exact: true })
	).toBeChecked();
	await voter.getByRole('button', { name: 'Xem lại phiếu' }).focus();
	await voter.keyboard.press('Enter');
	await expect(voter.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' })).toBeVisible();
	await voter.getByRole('button', { name: 'Gửi phiếu' }).focus();
	await voter.keyboard.press('Enter');
	await expect(
		voter.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })
	).toBeVisible();

	// Text at 200 %: nothing is cut off or needs sideways scrolling on a 390-px phone.
	const zoomed = await phone(browser, origin, codes[1] as string);
	await zoomed.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	const overflow = await zoomed.evaluate(() => ({
		page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		clipped: [...document.querySelectorAll('main label, main legend, main h1, main p')]
			.filter((element) => element.scrollWidth > element.clientWidth + 1)
			.map((element) => element.textContent?.trim().slice(0, 30))
	}));
	expect(overflow).toEqual({ page: 0, clipped: [] });
	await expect(
		zoomed
			.getByRole('group', { name: /Lê Văn Cường/ })
			.getByLabel('Tín nhiệm thấp', { exact: true })
	).toBeVisible();
});
