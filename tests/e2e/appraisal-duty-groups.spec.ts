/**
 * The issue's case: a score-sheet appraisal with two duty groups under NĐ 335, a rate of 30 %
 * recorded by the competent level, the cap counted group by group, and four excellent against
 * ten good in one group refused at confirmation with the numbers.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	ballotShape,
	castBallot,
	closeVoting,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	submissionNonce,
	appraisalRules
} from './support/http-client';
import { personOnResults } from './support/conditions';
import { organiser } from './support/organiser';

const ACCOUNTING: [string, number][] = [
	['Nguyễn Văn An', 95],
	['Trần Thị Bình', 94],
	['Lê Văn Cường', 93],
	['Phạm Thị Dung', 91],
	...Array.from({ length: 10 }, (_, i): [string, number] => [`Kế toán viên số ${i + 1}`, 80])
];
const RECORDS: [string, number][] = [
	['Hoàng Văn Em', 92],
	['Vũ Thị Giang', 80]
];
const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

test('two duty groups: the cap counts each on its own, and four excellent against ten good is refused with the numbers', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	const people = [
		...ACCOUNTING.map(([name, score]) => [`${name}\tChuyên viên\tKế toán`, score] as const),
		...RECORDS.map(([name, score]) => [`${name}\tChuyên viên\tVăn thư`, score] as const)
	];
	const id = await prepareSession(client, {
		title: 'Đánh giá, xếp loại chất lượng công chức quý IV năm 2026',
		convened: 1,
		people: people.map(([line]) => line),
		rules: { ...appraisalRules('scores'), appraisalPresetId: 'nd-335-2025' }
	});
	// No finding for anyone, recorded before the vote as the conditions page posts it.
	const form = (await client.get(`/sessions/${id}/conditions`)).body;
	for (const [, subjectId] of form.matchAll(/name="subjectId" value="([^"]+)"/g)) {
		expect(
			(await client.post(`/sessions/${id}/conditions?/conditions`, { subjectId: subjectId! }))
				.status
		).toBe(200);
	}
	const [code] = await issueCards(client, id, 1);
	await openVoting(client, id);
	const phone = await phoneWithCard(origin, code as string);
	const { scores } = await ballotShape(phone);
	const order = [...new Set(scores.map((score) => score.person))];
	const marks: Record<string, string> = {};
	order.forEach((person, index) => {
		const fields = scores.filter((score) => score.person === person);
		const full = fields.reduce((sum, field) => sum + field.maximum, 0);
		const largest = fields.reduce((a, b) => (b.maximum > a.maximum ? b : a));
		for (const field of fields)
			marks[field.field] = String(
				field === largest ? field.maximum - (full - people[index]![1]) : field.maximum
			);
	});
	expect((await castBallot(phone, marks, submissionNonce())).status).toBe(303);
	await closeVoting(client, id);

	await page.goto(`/sessions/${id}/results`);
	await expect(row(page, 'Hoàng Văn Em')).toContainText('Nhóm: Văn thư');
	// A rate of 30 % set by the competent level, with its document.
	const cap = page.getByRole('region', { name: /Giới hạn tỷ lệ/ });
	const summary = cap.locator('summary', { hasText: 'Tỷ lệ do cấp có thẩm quyền quyết định' });
	if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
	await cap.getByLabel('Tỷ lệ tối đa (%)').fill('30');
	await cap.getByLabel('Văn bản quyết định tỷ lệ').fill('Quyết định số 45/QĐ-UBND');
	await cap.getByRole('button', { name: 'Ghi nhận tỷ lệ' }).click();
	await expect(cap.getByRole('status')).toHaveText('Đã ghi nhận tỷ lệ.');
	// Each group counted on its own: Kế toán keeps ⌊30 × 14 / 130⌋ = 3, Văn thư none.
	await expect(cap.getByRole('heading', { name: 'Nhóm “Kế toán”' })).toBeVisible();
	await expect(cap.getByRole('heading', { name: 'Nhóm “Văn thư”' })).toBeVisible();
	await expect(row(page, 'Phạm Thị Dung')).toContainText('Chuyển xuống do giới hạn tỷ lệ 30 %');
	await expect(row(page, 'Lê Văn Cường')).not.toContainText('Chuyển xuống');
	await expect(row(page, 'Hoàng Văn Em')).toContainText('Chuyển xuống do giới hạn tỷ lệ 30 %');

	const confirm = page.getByRole('region', { name: 'Xác nhận xếp loại' });
	await confirm
		.getByRole('button', { name: 'Xác nhận theo kết quả của tập thể cho 16 người chưa xác nhận' })
		.click();
	await expect(confirm.getByRole('status')).toHaveText(
		'Đã xác nhận 16 người theo kết quả của tập thể.'
	);

	// Dung confirmed excellent too: four excellent against ten good in Kế toán, refused.
	const dung = await personOnResults(page, 'Phạm Thị Dung');
	const grades = dung.locator('form[action="?/grades"]');
	await grades.getByLabel('Xếp loại được xác nhận').selectOption('excellent');
	await grades.getByLabel('Lý do').fill('Hoàn thành vượt mức nhiều nhiệm vụ đột xuất');
	await grades.getByRole('button', { name: /Lưu/ }).click();
	await expect(grades).toContainText(
		'Nhóm “Kế toán”: 4 người Hoàn thành xuất sắc nhiệm vụ so với 10 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: tối đa 3 người được xếp loại Hoàn thành xuất sắc nhiệm vụ. Chưa xác nhận mức nào.'
	);
	await expect(row(page, 'Phạm Thị Dung').getByRole('cell').last()).toHaveText('HTTNV');
});
