/**
 * A published result is final, and a correction is an amendment: without JavaScript, the
 * organiser amends a grade of a published appraisal with its reason and finds it on the results
 * page and the projector; a grade posted after publication is refused with 409.
 */
import { expect, test } from '@playwright/test';
import {
	appraisalRules,
	ballotFields,
	castBallot,
	closeVoting,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	publishResults,
	submissionNonce
} from './support/http-client';
import { organiser, shots } from './support/organiser';

const SHOTS = process.env.SHOTS_DIR ?? '';
const REASON = 'Quyết định số 12/QĐ-UBND ngày 05/01/2027 của Chủ tịch UBND xã';

test('an amended grade of a published appraisal shows on the results page and the projector, without JavaScript', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin, { javaScriptEnabled: false });
	// A grade vote under NĐ 335: both voters grade An excellent and Bình good; the 20 % cap
	// leaves both good.
	const id = await prepareSession(client, {
		title: 'Đánh giá, xếp loại chất lượng quý IV năm 2026',
		convened: 2,
		people: ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'],
		rules: { ...appraisalRules('grades'), appraisalPresetId: 'nd-335-2025' }
	});
	const codes = await issueCards(client, id, 2);
	await openVoting(client, id);
	for (const code of codes) {
		const phone = await phoneWithCard(origin, code);
		const [an, binh] = await ballotFields(phone);
		const marks = { [an as string]: 'excellent', [binh as string]: 'good' };
		expect((await castBallot(phone, marks, submissionNonce())).status).toBe(303);
	}
	await closeVoting(client, id);
	await publishResults(client, id);

	await page.goto(`/sessions/${id}/results`);
	// The grade forms are gone; a grade posted all the same is refused, and says why.
	await expect(page.getByRole('heading', { name: 'Xác nhận xếp loại' })).toHaveCount(0);
	const binhId = await page
		.getByLabel('Người được sửa xếp loại')
		.locator('option', { hasText: 'Trần Thị Bình' })
		.getAttribute('value');
	const refused = await client.post(`/sessions/${id}/results?/grades`, {
		subjectId: binhId ?? '',
		selfGrade: '',
		proposedGrade: '',
		finalGrade: 'good',
		finalReason: ''
	});
	expect(refused.status).toBe(409);
	expect(refused.body).toContain('Kết quả đã công bố là kết quả cuối cùng, không thể thay đổi.');

	const amendments = page.getByRole('region', { name: 'Đính chính' });
	await expect(amendments).toContainText('Chưa có đính chính nào.');
	await amendments.getByText('Thêm đính chính').click();
	await amendments
		.getByLabel('Người được sửa xếp loại')
		.selectOption({ label: 'Trần Thị Bình (HTTNV)' });
	await amendments
		.getByLabel('Xếp loại đúng')
		.selectOption({ label: 'Hoàn thành nhiệm vụ (HTNV)' });
	// Without a reason it is refused, and what was chosen stays.
	await amendments.getByRole('button', { name: 'Ghi đính chính' }).click();
	await expect(amendments).toContainText('Cần ghi lý do, căn cứ của đính chính (ít nhất 5 ký tự).');
	await expect(amendments.getByLabel('Xếp loại đúng')).toHaveValue('completed');
	await amendments.getByLabel('Lý do, căn cứ').fill(REASON);
	await amendments.getByRole('button', { name: 'Ghi đính chính' }).click();

	await expect(page.getByText('Đã ghi đính chính.')).toBeVisible();
	await expect(amendments).toContainText('Trần Thị Bình: xếp loại HTTNV sửa thành HTNV');
	await expect(amendments).toContainText(`Lý do: ${REASON}`);
	await expect(amendments).toContainText('Nguyễn Thị Thư Ký');
	// The published grade stays; the amended one stands beside it.
	const binh = page.getByRole('row', { name: /Trần Thị Bình/ });
	await expect(binh).toContainText('Sau đính chính: HTNV');
	await shots(page, SHOTS, 'results-appraisal-amended');

	const key = /\/p\/([A-Za-z0-9_-]{22})/.exec((await client.get(`/sessions/${id}`)).body)?.[1];
	const screen = await (
		await browser.newContext({
			baseURL: origin,
			viewport: { width: 1280, height: 720 },
			javaScriptEnabled: false
		})
	).newPage();
	await screen.goto(`/p/${key}`);
	const listed = screen.getByRole('region', { name: 'Đính chính' });
	await expect(listed).toContainText('Trần Thị Bình: xếp loại HTTNV sửa thành HTNV');
	await expect(listed).toContainText(`Lý do: ${REASON}`);
	await shots(screen, SHOTS, 'projector-amended');
	await screen.context().close();
});
