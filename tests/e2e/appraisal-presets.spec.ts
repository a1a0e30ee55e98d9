/**
 * The appraisal rules chosen on the session form: QĐ 366 for party organisations, NĐ 335 for
 * công chức, or the unit's own rules for viên chức and others, each explained on the form once
 * chosen and summarised on the session page; the unit's own rules refused at their fields when
 * they do not hold; no next period for a term; the criteria editor's message for a maximum that
 * is not a number.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newOrganiser } from './support/fixtures';

const QD_366 = 'Quy định 366-QĐ/TW (2025): tổ chức đảng, cán bộ, đảng viên';
const ND_335 = 'Nghị định 335/2025/NĐ-CP: công chức';
const CUSTOM = 'Quy tắc riêng: viên chức và các đối tượng khác';
/** The group of the unit's own rules' fields, shown while they are chosen. */
const CUSTOM_FIELDS = 'Nội dung quy tắc riêng';
const NO_CAP = 'Bộ quy tắc không đặt giới hạn tỷ lệ người xếp loại “Hoàn thành xuất sắc nhiệm vụ”.';
/** The presets' notes on what their texts leave open (QĐ 366's cap, NĐ 335's scope). */
const QD_366_NOTE = /^Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: chưa xác minh được Quy định 366-QĐ\/TW/;
const ND_335_NOTE = /^Nghị định 335\/2025\/NĐ-CP áp dụng cho công chức\. Viên chức/;
const DOCUMENT = 'Quy chế đánh giá, xếp loại viên chức của Trường THCS Hòa Bình';

/** The meeting and period of a year's grade vote; the rules are left to the caller. */
async function fillMeeting(page: Page, title: string, period: 'year' | 'term' = 'year') {
	await page.goto('/sessions/new?kind=appraisal');
	await page.getByLabel('Tên hội nghị').fill(title);
	await page.getByLabel('Cơ quan, đơn vị', { exact: true }).fill('Trường THCS Hòa Bình');
	await page.getByLabel('Địa điểm').fill('Phòng họp hội đồng');
	await page.getByLabel('Số người được triệu tập', { exact: true }).fill('12');
	if (period === 'year') {
		await page.getByLabel('Cả năm').check();
		await page.getByLabel('Năm', { exact: true }).fill('2026');
	} else {
		await page.getByLabel('Cả nhiệm kỳ').check();
		await page.getByLabel('Nhiệm kỳ', { exact: true }).fill('2025–2030');
	}
	await page.getByLabel('Bỏ phiếu xếp loại').check();
}

/** The unit's own rules: 85 / 65 / 45, two conditions, at most 25 % of good per duty group. */
async function fillCustomRules(page: Page) {
	await page.getByLabel(CUSTOM).check();
	const rules = page.getByRole('group', { name: CUSTOM_FIELDS });
	await rules.getByLabel('Văn bản đơn vị áp dụng').fill(DOCUMENT);
	await rules.getByLabel('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)').fill('85');
	await rules.getByLabel('Hoàn thành tốt nhiệm vụ (HTTNV)').fill('65');
	await rules.getByLabel('Hoàn thành nhiệm vụ (HTNV)', { exact: true }).fill('45');
	await rules
		.getByLabel('ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu', { exact: true })
		.check();
	await rules
		.getByLabel(
			'không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá',
			{ exact: true }
		)
		.check();
	await rules.getByLabel('Có giới hạn').check();
	await rules.getByLabel(/^Tỷ lệ tối đa/).fill('25');
	await rules.getByLabel('Trong từng nhóm có chức trách, nhiệm vụ tương đồng').check();
	await rules.getByLabel(/^Cơ quan, tổ chức đánh giá/).selectOption('state');
}

async function organiserPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'vi-VN',
		javaScriptEnabled
	});
	const page = await context.newPage();
	await newOrganiser(page);
	return page;
}

const rulesOf = (page: Page) => page.getByRole('region', { name: 'Quy tắc xếp loại' });

test('each shipped preset is explained once chosen, and summarised on the session page', async ({
	page
}) => {
	await newOrganiser(page);
	await fillMeeting(page, 'Đánh giá, xếp loại đảng viên năm 2026');
	await expect(
		page.getByText('Nghị định 335/2025/NĐ-CP chỉ áp dụng cho công chức.', { exact: false })
	).toBeVisible();
	// QĐ 366 is chosen first: its conditions, that it sets no cap and its note show; NĐ 335's not.
	await expect(page.getByLabel(QD_366)).toBeChecked();
	await expect(
		page.getByText(
			'Để được xếp loại “Hoàn thành xuất sắc nhiệm vụ” trở lên: ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu (Quy định 366-QĐ/TW, Điều 11 khoản 1).'
		)
	).toBeVisible();
	await expect(page.getByText(NO_CAP)).toBeVisible();
	await expect(page.getByText(QD_366_NOTE)).toBeVisible();
	await expect(page.getByText(/Nghị định 335\/2025\/NĐ-CP, .*khoản 4 điểm c/)).toBeHidden();
	await page.getByLabel(ND_335).check();
	await expect(
		page.getByText(
			/^Để được xếp loại “Hoàn thành nhiệm vụ” trở lên: không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá \(Nghị định 335/
		)
	).toBeVisible();
	await expect(
		page.getByText(/không quá 20% số người xếp loại .*, tính trong từng nhóm có chức trách/)
	).toBeVisible();
	await expect(page.getByText(ND_335_NOTE)).toBeVisible();
	await expect(page.getByText(QD_366_NOTE)).toBeHidden();
	// The unit's own rules' fields show only while they are chosen.
	await expect(page.getByLabel('Văn bản đơn vị áp dụng')).toBeHidden();

	await page.getByLabel(QD_366).check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	const rules = rulesOf(page);
	await expect(rules).toContainText(QD_366);
	await expect(rules).toContainText('Hoàn thành xuất sắc nhiệm vụ (HTXSNV): từ 90 điểm');
	await expect(rules).toContainText('Không hoàn thành nhiệm vụ (KHTNV): dưới 50 điểm');
	await expect(rules).toContainText('Căn cứ: Quy định 366-QĐ/TW, Điều 11');
	await expect(rules.getByRole('listitem').filter({ hasText: /^Để được xếp loại/ })).toHaveCount(5);
	await expect(rules.getByText(NO_CAP)).toBeVisible();
	await expect(rules.getByText(QD_366_NOTE)).toBeVisible();

	await fillMeeting(page, 'Đánh giá, xếp loại công chức năm 2026');
	await page.getByLabel(ND_335).check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(rulesOf(page)).toContainText(ND_335);
	await expect(
		rulesOf(page)
			.getByRole('listitem')
			.filter({ hasText: /khoản 4 điểm/ })
	).toHaveCount(3);
	await expect(rulesOf(page)).toContainText(
		'tính trong từng nhóm có chức trách, nhiệm vụ tương đồng; số lẻ làm tròn xuống.'
	);
	await expect(rulesOf(page)).toContainText('Nghị định 335/2025/NĐ-CP, khoản 5 điểm a');
	await expect(rulesOf(page).getByText(ND_335_NOTE)).toBeVisible();
});

for (const javaScriptEnabled of [true, false]) {
	test(`the unit’s own rules for viên chức are taken as typed and shown on the session page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const page = await organiserPage(browser, javaScriptEnabled);
		await fillMeeting(page, 'Đánh giá, xếp loại viên chức năm 2026');
		await fillCustomRules(page);
		await page.getByRole('button', { name: 'Tạo phiên' }).click();

		const rules = rulesOf(page);
		await expect(rules).toContainText(`Quy tắc riêng: ${DOCUMENT}`);
		for (const band of [
			'Hoàn thành xuất sắc nhiệm vụ (HTXSNV): từ 85 điểm',
			'Hoàn thành tốt nhiệm vụ (HTTNV): từ 65 điểm',
			'Hoàn thành nhiệm vụ (HTNV): từ 45 điểm',
			'Không hoàn thành nhiệm vụ (KHTNV): dưới 45 điểm'
		]) {
			await expect(rules.getByRole('listitem').filter({ hasText: band })).toHaveCount(1);
		}
		await expect(rules.getByRole('listitem').filter({ hasText: /^Để được xếp loại/ })).toHaveText([
			`Để được xếp loại “Hoàn thành xuất sắc nhiệm vụ” trở lên: ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu (${DOCUMENT}).`,
			`Để được xếp loại “Hoàn thành nhiệm vụ” trở lên: không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá (${DOCUMENT}).`
		]);
		await expect(rules).toContainText(
			'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 25% số người xếp loại “Hoàn thành tốt nhiệm vụ”, tính trong từng nhóm có chức trách, nhiệm vụ tương đồng; số lẻ làm tròn xuống.'
		);

		// Back on the form to edit, the rules are as they were typed.
		await page.getByRole('link', { name: 'Sửa thông tin' }).click();
		await expect(page.getByLabel(CUSTOM)).toBeChecked();
		await expect(page.getByLabel('Văn bản đơn vị áp dụng')).toHaveValue(DOCUMENT);
		await expect(page.getByLabel('Hoàn thành tốt nhiệm vụ (HTTNV)')).toHaveValue('65');
		await expect(
			page.getByLabel('ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu', { exact: true })
		).toBeChecked();
		await expect(
			page.getByLabel('khắc phục 100% các hạn chế, khuyết điểm được chỉ ra')
		).not.toBeChecked();
		await expect(page.getByLabel(/^Tỷ lệ tối đa/)).toHaveValue('25');
		await page.context().close();
	});
}

test('the unit’s own rules are refused at their fields when bands do not rise or the document is missing, and kept as typed', async ({
	browser
}) => {
	const page = await organiserPage(browser, false);
	await fillMeeting(page, 'Đánh giá viên chức: quy tắc sai');
	await fillCustomRules(page);
	const rules = page.getByRole('group', { name: CUSTOM_FIELDS });
	await rules.getByLabel('Văn bản đơn vị áp dụng').fill('');
	await rules.getByLabel('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)').fill('60');
	await rules.getByLabel('Hoàn thành tốt nhiệm vụ (HTTNV)').fill('60');
	await rules.getByLabel('Hoàn thành nhiệm vụ (HTNV)', { exact: true }).fill('70');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();

	await expect(page.getByText('Vui lòng sửa các mục được đánh dấu bên dưới.')).toBeVisible();
	const after = page.getByRole('group', { name: CUSTOM_FIELDS });
	await expect(after.getByLabel('Văn bản đơn vị áp dụng')).toHaveAccessibleDescription(
		/Vui lòng điền mục này\./
	);
	await expect(after.getByLabel('Hoàn thành tốt nhiệm vụ (HTTNV)')).toHaveAccessibleDescription(
		'Phải cao hơn điểm tối thiểu của mức Hoàn thành nhiệm vụ (HTNV): 70 điểm.'
	);
	await expect(
		after.getByLabel('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)')
	).toHaveAccessibleDescription(
		'Phải cao hơn điểm tối thiểu của mức Hoàn thành tốt nhiệm vụ (HTTNV): 60 điểm.'
	);
	// What was typed and ticked is still there to correct.
	await expect(page.getByLabel(CUSTOM)).toBeChecked();
	await expect(after.getByLabel('Hoàn thành nhiệm vụ (HTNV)', { exact: true })).toHaveValue('70');
	await expect(
		after.getByLabel(
			'không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá',
			{ exact: true }
		)
	).toBeChecked();
	await expect(after.getByLabel(/^Tỷ lệ tối đa/)).toHaveValue('25');
	await expect(page.getByLabel('Tên hội nghị')).toHaveValue('Đánh giá viên chức: quy tắc sai');

	await after.getByLabel('Văn bản đơn vị áp dụng').fill(DOCUMENT);
	await after.getByLabel('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)').fill('85');
	await after.getByLabel('Hoàn thành tốt nhiệm vụ (HTTNV)').fill('75');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(rulesOf(page)).toContainText('Hoàn thành tốt nhiệm vụ (HTTNV): từ 75 điểm');
	await page.context().close();
});

test('a term appraisal has no next period: no clone form, and a clone posted anyway is refused', async ({
	page,
	baseURL
}) => {
	await newOrganiser(page);
	await fillMeeting(page, 'Đánh giá, xếp loại cả nhiệm kỳ 2025–2030', 'term');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByText('Nhiệm kỳ 2025–2030 · Bỏ phiếu xếp loại')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Kỳ đánh giá tiếp theo' })).toHaveCount(0);
	const refused = await page.request.post(`${page.url()}?/clone`, {
		form: { meetingDate: '15/01/2031' },
		headers: { origin: baseURL as string, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain(
		'Đánh giá theo nhiệm kỳ không có kỳ tiếp theo để tạo từ phiên này.'
	);
	await page.goto('/sessions');
	await expect(page.getByRole('link', { name: /nhiệm kỳ 2025–2030/ })).toHaveCount(1);

	// A year still offers the next one.
	await fillMeeting(page, 'Đánh giá, xếp loại năm 2026');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByRole('heading', { name: 'Kỳ đánh giá tiếp theo' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tạo phiên Năm 2027' })).toBeVisible();
});

test('a criterion maximum that is not a number is refused in words, never as “NaN”', async ({
	page
}) => {
	await newOrganiser(page);
	await fillMeeting(page, 'Đánh giá, xếp loại năm 2026 bằng phiếu chấm điểm');
	await page.getByLabel('Chấm điểm theo thang 100 điểm').check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await page.getByRole('link', { name: 'Sửa tiêu chí' }).click();
	await page.locator('#maximum-0').fill('năm');
	await page.getByRole('button', { name: 'Lưu tiêu chí' }).click();
	await expect(page.locator('#maximum-0')).toHaveAccessibleDescription(
		'Điểm tối đa là số nguyên từ 1 đến 100.'
	);
	await expect(page.getByText('NaN')).toHaveCount(0);
	await expect(page.getByText(/Tổng điểm tối đa phải bằng 100; hiện là/)).toHaveCount(0);
});
