/**
 * The organiser's forms on the day: a date typed as day/month/year whatever the browser's
 * language, answered in the app's language; cloning the next quarter asks for its date and
 * refuses a twin; the list of people (room inside its card, removal confirmed and reported
 * without JavaScript, a blank paste, namesakes, extra spreadsheet columns); and the first step
 * worded for the session's kind, its long heading wrapping beside its number on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { newOrganiser } from './support/fixtures';

const DD_MM_YYYY = /^\d{2}\/\d{2}\/\d{4}$/;

/** Fills the meeting part of the session form, in Vietnamese. */
async function fillMeeting(page: Page, title: string, date: string) {
	await page.getByLabel('Tên hội nghị').fill(title);
	await page.getByLabel('Cơ quan, đơn vị').fill('Chi bộ Văn phòng');
	await page.getByLabel('Ngày họp').fill(date);
	await page.getByLabel('Địa điểm').fill('Phòng họp tầng 2');
	await page.getByLabel('Số người được triệu tập', { exact: true }).fill('4');
}

/** A quarterly appraisal of Q4 2026 by grade vote, with `people` pasted; returns its address. */
async function appraisalOfQ4(page: Page, people: string[]): Promise<string> {
	await page.goto('/sessions/new?kind=appraisal');
	await fillMeeting(page, 'Đánh giá, xếp loại chất lượng quý IV năm 2026', '20/12/2026');
	await page.getByLabel('Theo quý').check();
	await page.locator('#periodQuarter').selectOption('4');
	await page.getByLabel('Năm', { exact: true }).fill('2026');
	await page.getByLabel('Bỏ phiếu xếp loại').check();
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByText('Quý IV năm 2026 · Bỏ phiếu xếp loại')).toBeVisible();
	const sessionUrl = page.url();
	if (people.length > 0) await paste(page, sessionUrl, people);
	return sessionUrl;
}

async function paste(page: Page, sessionUrl: string, people: string[]) {
	await page.goto(`${sessionUrl}/subjects`);
	await page.getByLabel('Danh sách', { exact: true }).fill(people.join('\n'));
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await page.getByRole('button', { name: /^Lưu \d+ người$/ }).click();
	await expect(page.getByRole('status')).toContainText(/Đã thêm \d+ người/);
}

test.describe('a date typed in an English browser, the app in Vietnamese', () => {
	test.use({ locale: 'en-US' });

	test('reads day/month/year, answers in Vietnamese, and edits as day/month/year', async ({
		page
	}) => {
		await newOrganiser(page);
		await page.goto('/sessions/new');
		const date = page.getByLabel('Ngày họp');
		await expect(date).toHaveAttribute('type', 'text');
		await expect(date).toHaveAttribute('inputmode', 'numeric');
		await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
		await expect(date).toHaveValue(DD_MM_YYYY);

		// Nothing typed but an impossible date: every answer is the app's, none the browser's.
		await page.getByLabel('Số người được triệu tập', { exact: true }).fill('4');
		await date.fill('31/02/2026');
		await page.getByRole('button', { name: 'Tạo phiên' }).click();
		await expect(
			page.getByText('Tháng 2 năm 2026 không có ngày 31 (tháng này có 28 ngày).')
		).toBeVisible();
		await expect(page.getByText('Vui lòng điền mục này.')).toHaveCount(3);
		await expect(date).toHaveValue('31/02/2026');

		await fillMeeting(page, 'Lấy phiếu tín nhiệm giữa nhiệm kỳ', '2/12/26');
		await page.getByRole('button', { name: 'Tạo phiên' }).click();
		await expect(page.getByText('Năm cần viết đủ bốn chữ số, ví dụ 02/12/2026.')).toBeVisible();

		await date.fill('2.12.2026');
		// The time too is typed on the 24-hour clock, not shown as 12-hour with AM/PM.
		await expect(page.getByLabel('Giờ họp')).toHaveAttribute('placeholder', 'hh:mm');
		await page.getByLabel('Giờ họp').fill('8h30');
		await page.getByRole('button', { name: 'Tạo phiên' }).click();
		await expect(
			page.getByRole('heading', { name: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ' })
		).toBeVisible();
		await expect(page.getByText('Chi bộ Văn phòng · 02/12/2026 · 08:30')).toBeVisible();

		await page.getByRole('link', { name: 'Sửa thông tin' }).click();
		await expect(page.getByLabel('Ngày họp')).toHaveValue('02/12/2026');
		await expect(page.getByLabel('Giờ họp')).toHaveValue('08:30');
	});
});

test.describe('a date typed in a Vietnamese browser, the app in English', () => {
	test.use({ locale: 'vi-VN' });

	test('answers in English', async ({ page }) => {
		await newOrganiser(page);
		await page.goto('/sessions/new');
		await page.getByRole('button', { name: 'English' }).click();
		const date = page.getByLabel('Meeting date');
		await expect(date).toHaveValue(DD_MM_YYYY);
		await date.fill('29/02/2026');
		await page.getByRole('button', { name: 'Create session' }).click();
		await expect(page.getByText('Month 2 of 2026 has no day 29 (it has 28 days).')).toBeVisible();
		await expect(page.getByText('Please fill in this field.').first()).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('cloning the next quarter asks for its date, and refuses a twin with a link to it', async ({
		page
	}) => {
		await newOrganiser(page);
		const q4 = await appraisalOfQ4(page, [
			'Nguyễn Văn An\tTrưởng phòng',
			'Trần Thị Bình\tChuyên viên'
		]);
		await page.goto(q4);
		// The first step speaks of an appraisal, not a confidence vote.
		await expect(
			page.getByRole('heading', { name: /Danh sách người được đánh giá, xếp loại/ })
		).toBeVisible();

		const date = page.getByLabel('Ngày họp đánh giá Quý I năm 2027');
		await expect(date).toHaveValue(DD_MM_YYYY);
		await date.fill('31/03/2027x');
		await page.getByRole('button', { name: 'Tạo phiên Quý I năm 2027' }).click();
		await expect(
			page.getByText('Nhập ngày theo dạng ngày/tháng/năm, ví dụ 02/12/2026.')
		).toBeVisible();

		await page.getByLabel('Ngày họp đánh giá Quý I năm 2027').fill('25/03/2027');
		await page.getByRole('button', { name: 'Tạo phiên Quý I năm 2027' }).click();
		await expect(
			page.getByRole('heading', { name: 'Đánh giá, xếp loại chất lượng quý I năm 2027' })
		).toBeVisible();
		await expect(page.getByText('Chi bộ Văn phòng · 25/03/2027')).toBeVisible();
		const q1 = page.url();

		// A second click on the old quarter's page makes no second Q1.
		await page.goto(q4);
		await page.getByLabel('Ngày họp đánh giá Quý I năm 2027').fill('26/03/2027');
		await page.getByRole('button', { name: 'Tạo phiên Quý I năm 2027' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Đã có phiên đánh giá Quý I năm 2027 của những người này: “Đánh giá, xếp loại chất lượng quý I năm 2027”. Không tạo thêm phiên trùng.'
		);
		await page.getByRole('link', { name: 'Mở phiên đã có' }).click();
		expect(page.url()).toBe(q1);
		await page.goto('/sessions');
		// One session of that title (the list also names its kind and period in their own column).
		await expect(
			page.getByRole('link', { name: 'Đánh giá, xếp loại chất lượng quý I năm 2027', exact: true })
		).toHaveCount(1);
	});

	test('removing a person asks first, then says who was removed', async ({ page }) => {
		await newOrganiser(page);
		const session = await appraisalOfQ4(page, [
			'Nguyễn Văn An\tTrưởng phòng',
			'Trần Thị Bình\tChuyên viên'
		]);
		await page.goto(`${session}/subjects`);
		await expect(
			page.getByRole('heading', { name: 'Danh sách người được đánh giá, xếp loại', level: 1 })
		).toBeVisible();
		await page.getByRole('button', { name: 'Xoá khỏi danh sách: Trần Thị Bình' }).click();
		await expect(page.getByText('Xoá ông/bà Trần Thị Bình khỏi danh sách?')).toBeVisible();
		await expect(page.locator('.subjects li')).toHaveCount(2);

		// "Keep" changes nothing.
		await page.getByRole('link', { name: 'Không xoá' }).click();
		await expect(page.getByText('Xoá ông/bà Trần Thị Bình khỏi danh sách?')).toHaveCount(0);
		await expect(page.locator('.subjects li')).toHaveCount(2);

		await page.getByRole('button', { name: 'Xoá khỏi danh sách: Trần Thị Bình' }).click();
		await page.getByRole('button', { name: 'Xoá khỏi danh sách', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Đã xoá ông/bà Trần Thị Bình khỏi danh sách.'
		);
		await expect(page.locator('.subjects li')).toHaveCount(1);
		await expect(page.locator('.subjects')).not.toContainText('Trần Thị Bình');
	});
});

test('with JavaScript, the question takes the focus on the row', async ({ page }) => {
	await newOrganiser(page);
	const session = await appraisalOfQ4(page, ['Nguyễn Văn An\tTrưởng phòng']);
	await page.goto(`${session}/subjects`);
	await page.getByRole('button', { name: 'Xoá khỏi danh sách: Nguyễn Văn An' }).click();
	await expect(page.getByRole('button', { name: 'Xoá khỏi danh sách', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Đã xoá ông/bà Nguyễn Văn An khỏi danh sách.');
	await expect(page.getByText('Chưa có ai trong danh sách.', { exact: false })).toBeVisible();
});

test('pasting: nothing found, namesakes, and extra spreadsheet columns are all said', async ({
	page
}) => {
	await newOrganiser(page);
	const session = await appraisalOfQ4(page, ['Nguyễn Văn An\tTrưởng phòng']);
	await page.goto(`${session}/subjects`);
	const list = page.getByLabel('Danh sách', { exact: true });
	const previewButton = page.getByRole('button', { name: 'Xem trước' });

	await list.fill('\n   \n\t\n');
	await previewButton.click();
	await expect(
		page.getByText('Không tìm thấy ai để thêm: chỉ có dòng trống hoặc dòng tiêu đề.')
	).toBeVisible();

	// A row pasted twice, and a name already on the list with the same title: refused.
	await list.fill(
		['Lê Văn Cường\tChuyên viên', 'Lê Văn Cường\tChuyên viên', 'Nguyễn Văn An\tTrưởng phòng'].join(
			'\n'
		)
	);
	await previewButton.click();
	const problems = page.getByRole('alert');
	await expect(problems).toContainText('Dòng 2: Trùng họ tên và chức vụ với dòng 1.');
	await expect(problems).toContainText(
		'Dòng 3: Người này (cùng họ tên và chức vụ) đã có trong danh sách.'
	);
	await expect(page.getByRole('button', { name: /^Lưu \d+ người$/ })).toHaveCount(0);

	// The same name with another title: listed, and saved only once confirmed.
	await list.fill('Nguyễn Văn An\tChuyên viên\nNguyễn Văn Bình\tKế toán');
	await previewButton.click();
	await expect(page.getByText('Có người trùng họ tên.', { exact: false })).toBeVisible();
	await expect(
		page.getByText('Nguyễn Văn An: đã có trong danh sách (Trưởng phòng); dòng 1 (Chuyên viên)')
	).toBeVisible();
	await page.getByRole('button', { name: 'Lưu 2 người' }).click();
	await expect(
		page.getByText('Có người trùng họ tên: hãy kiểm tra', { exact: false })
	).toBeVisible();
	await expect(page.locator('.subjects li')).toHaveCount(1);
	await page.getByLabel('Tôi đã kiểm tra: đây là những người khác nhau.').check();
	await page.getByRole('button', { name: 'Lưu 2 người' }).click();
	await expect(page.getByRole('status')).toContainText('Đã thêm 2 người');
	await expect(page.locator('.subjects li')).toHaveCount(3);

	// Extra columns from a spreadsheet: used by their headings, the rest shown, never merged.
	await list.fill(
		['STT\tHọ và tên\tChức vụ\tĐơn vị', '1\tPhạm Thị Dung\tPhó phòng\tPhòng Tổ chức'].join('\n')
	);
	await previewButton.click();
	await expect(
		page.getByText(
			'Theo dòng tiêu đề: họ và tên lấy ở cột “Họ và tên”, chức vụ ở cột “Chức vụ”. Không dùng các cột: “Đơn vị”.'
		)
	).toBeVisible();
	await expect(
		page.getByText('Nội dung các cột khác ở 1 dòng không được lưu', { exact: false })
	).toBeVisible();
	const row = page.getByRole('row', { name: /Phạm Thị Dung/ });
	await expect(row.getByRole('cell')).toHaveText([
		'2',
		'Phạm Thị Dung',
		'Phó phòng',
		'Phòng Tổ chức'
	]);
	await page.getByRole('button', { name: 'Lưu 1 người' }).click();
	await expect(page.locator('.subjects li').last()).toContainText('Phó phòng');
	await expect(page.locator('.subjects')).not.toContainText('Phòng Tổ chức');
});

test('the single add form flags a namesake, and the confidence vote keeps its own wording', async ({
	page
}) => {
	await newOrganiser(page);
	await page.goto('/sessions/new');
	await fillMeeting(page, 'Lấy phiếu tín nhiệm năm 2026', '22/11/2026');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(
		page.getByRole('heading', { name: /Danh sách người được lấy phiếu tín nhiệm/ })
	).toBeVisible();
	await page.getByRole('link', { name: 'Thêm, sửa danh sách' }).click();
	await expect(
		page.getByRole('heading', { name: 'Danh sách người được lấy phiếu tín nhiệm', level: 1 })
	).toBeVisible();
	const add = page.locator('form[action="?/add"]');
	await add.getByLabel('Họ và tên').fill('Nguyễn Văn An');
	await add.getByLabel('Chức vụ').fill('Bí thư');
	await add.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await expect(page.getByRole('status')).toContainText('Đã thêm Nguyễn Văn An.');

	await add.getByLabel('Họ và tên').fill('Nguyễn Văn An');
	await add.getByLabel('Chức vụ').fill('Bí thư');
	await add.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await expect(
		page.getByText(
			'Ông/bà Nguyễn Văn An với chức vụ này đã có trong danh sách: cử tri không thể phân biệt hai dòng giống hệt nhau.'
		)
	).toBeVisible();

	await add.getByLabel('Chức vụ').fill('Ủy viên');
	await add.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await expect(
		page.getByText('Trong danh sách đã có người tên Nguyễn Văn An.', { exact: false })
	).toBeVisible();
	await add.getByLabel('Đây là một người khác, trùng họ tên.').check();
	await add.getByRole('button', { name: 'Thêm vào danh sách' }).click();
	await expect(page.getByRole('status')).toContainText('Đã thêm Nguyễn Văn An.');
	await expect(page.locator('.subjects li')).toHaveCount(2);
});

for (const width of [390, 1280]) {
	test(`at ${width} px the list's rows keep clear of the card's edge`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await newOrganiser(page);
		const session = await appraisalOfQ4(page, [
			'Nguyễn Văn An\tTrưởng phòng Tổ chức cán bộ, Phó Bí thư Chi bộ',
			'Trần Thị Bình\tChuyên viên'
		]);
		await page.goto(`${session}/subjects`);
		const card = await page.locator('ol.subjects').boundingBox();
		if (!card) throw new Error('no list');
		for (const row of await page.locator('ol.subjects > li').all()) {
			const box = await row.boundingBox();
			if (!box) throw new Error('no row');
			expect(box.x - card.x, 'left gap').toBeGreaterThanOrEqual(12);
			expect(card.x + card.width - (box.x + box.width), 'right gap').toBeGreaterThanOrEqual(12);
		}
	});
}

test.describe('on a 320 px phone', () => {
	test.use({ viewport: { width: 320, height: 800 } });

	test('each step’s heading wraps beside its number, never under it', async ({ page }) => {
		await newOrganiser(page);
		await page.goto('/sessions/new');
		await fillMeeting(page, 'Lấy phiếu tín nhiệm năm 2026', '22/11/2026');
		await page.getByRole('button', { name: 'Tạo phiên' }).click();
		const first = page.getByRole('heading', { name: /Danh sách người được lấy phiếu tín nhiệm/ });
		await expect(first).toBeVisible();
		// Where each heading's words start, against its number: on the number's line, to its right.
		const headings = await page.locator('.step h2').evaluateAll((all) =>
			all.map((heading) => {
				const number = heading.querySelector('.number')!.getBoundingClientRect();
				const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
				let words: Text | null = null;
				while (walker.nextNode()) {
					const text = walker.currentNode as Text;
					if (!text.parentElement?.closest('.number') && text.data.trim()) {
						words = text;
						break;
					}
				}
				const range = document.createRange();
				range.selectNodeContents(words!);
				const line = range.getClientRects()[0]!;
				return {
					title: words!.data.trim(),
					beside: line.left >= number.right && line.top < number.bottom
				};
			})
		);
		expect(headings.length).toBeGreaterThan(5);
		expect(headings.filter((heading) => !heading.beside)).toEqual([]);
	});
});
