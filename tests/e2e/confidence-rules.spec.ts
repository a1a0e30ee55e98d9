/**
 * The confidence rules in force, in the browser: QĐ 96's quorum binds (voting does not open
 * below two thirds of those convened, and the session page says how many more must come), and
 * the tally committee's keys for a blank row, an invalid row and an invalid ballot change the
 * counts as the rule says, every one of them staying in the ballots returned.
 */
import { expect, test } from '@playwright/test';
import { closeVoting, issueCards, newOrganiser, prepareSession } from './support/fixtures';

const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'];

test('below two thirds present, QĐ 96 voting does not open, and the page says how many more must come', async ({
	page
}) => {
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Phiên chưa đủ 2/3',
		convened: 9,
		people: PEOPLE,
		present: 5
	});
	// 2/3 of 9 is 6: one more person must be present.
	await expect(
		page.getByText('Cần thêm 1 người có mặt để đủ 2/3 số người được triệu tập.')
	).toBeVisible();
	await expect(page.getByLabel('Lý do vẫn tiến hành khi chưa đủ 2/3')).toHaveCount(0);
	await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Chưa thể mở bỏ phiếu: có mặt 5/9 người, cần ít nhất 6 người (2/3 số người được triệu tập), còn thiếu 1 người.'
	);
	await page.goto(sessionUrl);
	await expect(page.getByText('Đã mở bỏ phiếu.')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Mở bỏ phiếu' })).toBeVisible();

	// With six present it opens.
	await page.getByLabel(/Số người có mặt/).fill('6');
	await page.getByRole('button', { name: 'Ghi số người có mặt' }).click();
	await expect(page.getByText('Đủ điều kiện 2/3 (cần ít nhất 6 người).')).toBeVisible();
	await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
	await expect(page.getByText('Đã mở bỏ phiếu.')).toBeVisible();
});

test('paper entry: an invalid row and an invalid ballot are counted as the rule says', async ({
	page
}) => {
	test.setTimeout(90_000);
	await newOrganiser(page);
	const sessionUrl = await prepareSession(page, {
		title: 'Phiên kiểm phiếu giấy',
		convened: 10,
		people: PEOPLE,
		present: 8
	});
	await issueCards(page, sessionUrl, 1);
	await page.goto(`${sessionUrl}/paper`);
	await page.getByLabel('Số phiếu giấy phát ra').fill('4');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await page.goto(sessionUrl);
	await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
	await expect(page.getByText('Đã mở bỏ phiếu.')).toBeVisible();

	// The organiser at the tally committee's desk, at a phone's size.
	const desk = page;
	await desk.goto(`${sessionUrl}/paper`);
	await expect(desk.getByText(/4 = Dòng không hợp lệ/)).toBeVisible();
	const enter = async (keys: string[]) => {
		await desk.locator('form[action="?/enter"] input[type="radio"]').first().focus();
		for (const key of keys) await desk.keyboard.press(key);
	};
	// An: low. Bình: two boxes ticked, an invalid row (key 4).
	await enter(['3', '4', 'Enter']);
	await expect(desk.getByText('Đã lưu phiếu giấy thứ 1.')).toBeVisible();
	// An: high. Bình: left blank (key 0).
	await enter(['1', '0', 'Enter']);
	await expect(desk.getByText('Đã lưu phiếu giấy thứ 2.')).toBeVisible();
	// A ballot the committee did not issue: invalid as a whole, whatever is marked on it.
	await enter(['3', '3']);
	await desk.getByRole('button', { name: 'Phiếu không hợp lệ (cả phiếu)' }).click();
	await expect(desk.getByText('Đã lưu phiếu giấy thứ 3: phiếu không hợp lệ.')).toBeVisible();

	await closeVoting(page, sessionUrl);
	const totals = page.getByRole('region', { name: 'Tổng hợp' });
	const total = (label: string) => totals.locator('div').filter({ hasText: label });
	await expect(total('Số phiếu thu về')).toContainText('3');
	await expect(total('Số phiếu hợp lệ')).toContainText('2');
	await expect(total('Số phiếu không hợp lệ')).toContainText('1');
	// Of the 3 ballots returned, the invalid one included (not of the 10 convened).
	await expect(
		page.getByText('Tỷ lệ tính trên tổng số 3 phiếu thu về (Điều 6 khoản 3).')
	).toBeVisible();
	const cells = (name: RegExp) => page.getByRole('row', { name }).locator('td.number');
	// Columns: high, confidence, low, blank, invalid row.
	await expect(cells(/Nguyễn Văn An/).nth(2)).toContainText('1');
	await expect(cells(/Nguyễn Văn An/).nth(2)).toContainText('33,33 %');
	await expect(cells(/Nguyễn Văn An/).nth(0)).toContainText('33,33 %');
	await expect(cells(/Trần Thị Bình/).nth(3)).toContainText('1');
	await expect(cells(/Trần Thị Bình/).nth(4)).toContainText('1');
	await expect(cells(/Trần Thị Bình/).nth(4)).toContainText('33,33 %');
	await expect(cells(/Trần Thị Bình/).nth(4)).toHaveAttribute('data-label', 'Dòng không hợp lệ');
});
