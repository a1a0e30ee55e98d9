/**
 * A grade is the score band capped by every unmet condition, each cap shown with its reason; the
 * cap on excellent grades is checked again on the grades the organiser confirms, unless a higher
 * rate set by the competent level is recorded. Conditions are recorded before the vote on their
 * own page or after it on the results page, with or without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { fillConditions, personOnResults, QD_366_MET } from './support/conditions';
import {
	appraisalRules,
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
import { organiser, shots } from './support/organiser';

const SHOTS = process.env.SHOTS_DIR ?? '';
const TITLE = 'Đánh giá, xếp loại chất lượng quý IV năm 2026';
const ND_335 = { ...appraisalRules('scores'), appraisalPresetId: 'nd-335-2025' };
const DOCUMENT = 'Công văn số 15/UBND-NV ngày 10/12/2026 của UBND huyện';

/** One voter's sheets: each person in the ballot's order gets `totals[index]` points. */
async function scoreSheets(origin: string, code: string, totals: number[]): Promise<void> {
	const phone = await phoneWithCard(origin, code);
	const { scores } = await ballotShape(phone);
	const people = [...new Set(scores.map((score) => score.person))];
	const marks: Record<string, string> = {};
	people.forEach((person, index) => {
		const fields = scores.filter((score) => score.person === person);
		const full = fields.reduce((sum, field) => sum + field.maximum, 0);
		const largest = fields.reduce((a, b) => (b.maximum > a.maximum ? b : a));
		for (const field of fields) {
			const short = field === largest ? full - (totals[index] as number) : 0;
			marks[field.field] = String(field.maximum - short);
		}
	});
	expect((await castBallot(phone, marks, submissionNonce())).status).toBe(303);
}

/** A score-sheet appraisal of `people`, scored by one voter and closed. */
async function scored(
	client: HttpClient,
	origin: string,
	people: [string, number][],
	rules: Record<string, string>,
	beforeVote: (id: string) => Promise<void> = async () => {}
): Promise<string> {
	const id = await prepareSession(client, {
		title: TITLE,
		convened: 1,
		people: people.map(([name]) => `${name}\tChuyên viên`),
		rules
	});
	await beforeVote(id);
	const [code] = await issueCards(client, id, 1);
	await openVoting(client, id);
	await scoreSheets(
		origin,
		code as string,
		people.map(([, total]) => total)
	);
	await closeVoting(client, id);
	return id;
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });
/** The table's cells after the person: self, vote, conditions, collective, proposal, final. */
const cell = (page: Page, name: string, column: number) =>
	row(page, name)
		.getByRole('cell')
		.nth(column + 1);
const COLLECTIVE = 3;

test('QĐ 366: a 92 with 20 % of tasks beyond what was asked ends good, the reason shown; conditions recorded before the vote and after it, without JavaScript', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin, { javaScriptEnabled: false });
	const people: [string, number][] = [
		['Nguyễn Văn An', 92],
		['Trần Thị Bình', 85],
		['Lê Văn Cường', 80]
	];
	const id = await scored(client, origin, people, appraisalRules('scores'), async (draft) => {
		// Before the vote: the page is among the session's tools.
		await page.goto(`/sessions/${draft}`);
		await shots(page, SHOTS, 'session-tools');
		await page.getByRole('link', { name: 'Điều kiện xếp loại' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Điều kiện xếp loại');
		await expect(page.getByRole('region', { name: 'Điều kiện của bộ quy tắc' })).toContainText(
			'Để được xếp loại “Hoàn thành xuất sắc nhiệm vụ” trở lên: ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu (Quy định 366-QĐ/TW, Điều 11 khoản 1).'
		);
		const an = page.getByRole('group', { name: 'Nguyễn Văn An' });
		await expect(an).toContainText('Chưa ghi nhận điều kiện');
		// Mistakes come back at their field, in Vietnamese, with what was typed.
		await fillConditions(an, 'Nguyễn Văn An', { completed: '90', onTime: '100', exceeded: '120' });
		await expect(an).toContainText('Tỷ lệ phải là số nguyên từ 0 đến 100.');
		await expect(an.getByLabel('Tỷ lệ hoàn thành (%)')).toHaveValue('90');
		await fillConditions(an, 'Nguyễn Văn An', { exceeded: '20' });
		await expect(an).toContainText(
			'Tỷ lệ hoàn thành đúng hạn không thể lớn hơn tỷ lệ đã hoàn thành (90%).'
		);
		await fillConditions(an, 'Nguyễn Văn An', { ...QD_366_MET, exceeded: '20' });
		await expect(an.getByRole('status')).toHaveText('Đã ghi nhận điều kiện.');
		await expect(an).toContainText('Đã ghi nhận điều kiện');
		await expect(an.getByLabel('Tỷ lệ vượt mức (%)')).toHaveValue('20');
		const cuong = page.getByRole('group', { name: 'Lê Văn Cường' });
		await fillConditions(cuong, 'Lê Văn Cường', QD_366_MET);
		await expect(cuong.getByRole('status')).toHaveText('Đã ghi nhận điều kiện.');
		await shots(page, SHOTS, 'conditions-draft');
	});

	await page.goto(`/sessions/${id}/results`);
	await expect(row(page, 'Nguyễn Văn An')).toContainText('92,00 điểm');
	await expect(row(page, 'Nguyễn Văn An')).toContainText(
		'Không đủ điều kiện xếp loại “Hoàn thành xuất sắc nhiệm vụ”: cần ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu; ghi nhận: 20% (Quy định 366-QĐ/TW, Điều 11 khoản 1).'
	);
	await expect(cell(page, 'Nguyễn Văn An', COLLECTIVE)).toHaveText('HTTNV');
	await expect(page.getByRole('region', { name: /Giới hạn tỷ lệ/ })).toContainText(
		'Bộ quy tắc này không quy định tỷ lệ tối đa “Hoàn thành xuất sắc nhiệm vụ”'
	);
	// Nothing recorded for Bình: the grade is provisional, and nobody in the group can be
	// confirmed while it may still move the others'.
	await expect(row(page, 'Trần Thị Bình')).toContainText('Chưa ghi nhận điều kiện');
	await expect(cell(page, 'Trần Thị Bình', COLLECTIVE)).toContainText('HTTNV (tạm tính)');
	const confirm = page.getByRole('region', { name: 'Xác nhận xếp loại' });
	await expect(confirm).toContainText(
		'3 người chưa xác nhận được: trong nhóm còn người chưa ghi nhận điều kiện xếp loại.'
	);
	await expect(confirm.getByRole('button', { name: /Xác nhận theo kết quả/ })).toHaveCount(0);
	await shots(page, SHOTS, 'results-conditions');

	// After the vote, on the results page.
	const binh = await personOnResults(page, 'Trần Thị Bình');
	await fillConditions(binh, 'Trần Thị Bình', QD_366_MET);
	await expect((await personOnResults(page, 'Trần Thị Bình')).getByRole('status')).toHaveText(
		'Đã ghi nhận điều kiện.'
	);
	await expect(row(page, 'Trần Thị Bình')).toContainText('Không điều kiện nào hạ mức xếp loại');
	await expect(cell(page, 'Trần Thị Bình', COLLECTIVE)).toHaveText('HTTNV');
	await confirm
		.getByRole('button', { name: 'Xác nhận theo kết quả của tập thể cho 3 người chưa xác nhận' })
		.click();
	await expect(confirm.getByRole('status')).toHaveText(
		'Đã xác nhận 3 người theo kết quả của tập thể.'
	);
	await expect(row(page, 'Nguyễn Văn An').getByRole('cell').last()).toHaveText('HTTNV');

	// Confirmed grades rest on the conditions: they are refused in words, nothing changes.
	const an = await personOnResults(page, 'Nguyễn Văn An');
	await fillConditions(an, 'Nguyễn Văn An', { exceeded: '40' });
	await expect(page.getByRole('alert')).toHaveText(
		'Đã có người cùng nhóm được xác nhận mức xếp loại: không thể thay đổi điều kiện nữa. Muốn sửa, hãy bỏ các mức đã xác nhận trong nhóm (chọn “Chưa có”) trước.'
	);
	// Published while this page was open: refused in its own words.
	await publishResults(client, id);
	await fillConditions(an, 'Nguyễn Văn An', { exceeded: '40' });
	await expect(page.getByRole('alert')).toHaveText(
		'Kết quả đã công bố: không thể thay đổi điều kiện xếp loại nữa.'
	);
	await expect(row(page, 'Nguyễn Văn An')).toContainText('ghi nhận: 20%');
});

test('NĐ 335: discipline of a reprimand or more sends a 92 to not completed, recorded after the vote with JavaScript; a grade beyond the cap is refused where it was chosen', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin);
	const id = await scored(
		client,
		origin,
		[
			['Nguyễn Văn An', 92],
			['Trần Thị Bình', 80]
		],
		ND_335
	);
	await page.goto(`/sessions/${id}/results`);
	const an = await personOnResults(page, 'Nguyễn Văn An');
	// NĐ 335 asks for findings only: no shares.
	await expect(an.getByLabel('Tỷ lệ hoàn thành (%)')).toHaveCount(0);
	await fillConditions(an, 'Nguyễn Văn An', { discipline: true });
	await expect(an.getByRole('status')).toHaveText('Đã ghi nhận điều kiện.');
	await expect(row(page, 'Nguyễn Văn An')).toContainText(
		'Không đủ điều kiện xếp loại “Hoàn thành nhiệm vụ”: cần không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá; ghi nhận: có (Nghị định 335/2025/NĐ-CP, điều quy định các mức xếp loại chất lượng công chức, khoản 4 điểm c).'
	);
	await expect(cell(page, 'Nguyễn Văn An', COLLECTIVE)).toHaveText('KHTNV');

	const binh = await personOnResults(page, 'Trần Thị Bình');
	await fillConditions(binh, 'Trần Thị Bình', {});
	await expect(binh.getByRole('status')).toHaveText('Đã ghi nhận điều kiện.');
	const grades = binh.locator('form[action="?/grades"]');
	await grades.getByLabel('Xếp loại được xác nhận').selectOption('excellent');
	await grades.getByLabel('Lý do').fill('Hoàn thành vượt mức nhiều nhiệm vụ đột xuất');
	await grades.getByRole('button', { name: /Lưu/ }).click();
	await expect(grades).toContainText(
		'Nhóm “Chung”: 1 người Hoàn thành xuất sắc nhiệm vụ so với 0 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: không ai được xếp loại Hoàn thành xuất sắc nhiệm vụ. Chưa xác nhận mức nào.'
	);
	await expect(row(page, 'Trần Thị Bình').getByRole('cell').last()).toHaveText('Chưa có');
});

test('confirming excellent grades beyond the cap is refused with the numbers, and a higher rate recorded with its document lets them through, without JavaScript', async ({
	browser,
	baseURL
}) => {
	const origin = baseURL as string;
	const { client, page } = await organiser(browser, origin, { javaScriptEnabled: false });
	const people: [string, number][] = [
		['Trần Thị Bình', 96],
		['Lê Văn Cường', 94],
		['Phạm Thị Dung', 85],
		['Hoàng Văn Em', 80],
		['Vũ Thị Giang', 78],
		['Đặng Văn Hà', 75]
	];
	const id = await scored(client, origin, people, ND_335, async (draft) => {
		// No finding for anyone, recorded before the vote as the page posts it.
		const form = (await client.get(`/sessions/${draft}/conditions`)).body;
		for (const [, subjectId] of form.matchAll(/name="subjectId" value="([^"]+)"/g)) {
			const reply = await client.post(`/sessions/${draft}/conditions?/conditions`, {
				subjectId: subjectId as string
			});
			expect(reply.status).toBe(200);
		}
	});
	await page.goto(`/sessions/${id}/results`);
	const cap = page.getByRole('region', { name: /Giới hạn tỷ lệ/ });
	await expect(cap.getByRole('heading', { name: 'Nhóm “Chung”' })).toBeVisible();
	await expect(cap).toContainText('Với 6 người này, được giữ tối đa 1 người HTXSNV');
	await expect(row(page, 'Lê Văn Cường')).toContainText('Chuyển xuống do giới hạn tỷ lệ 20 %');
	await expect(row(page, 'Lê Văn Cường')).toContainText('Nhóm: Chung');

	// Cường confirmed excellent by hand: two excellent beside four good, refused at the field.
	const cuong = await personOnResults(page, 'Lê Văn Cường');
	const grades = cuong.locator('form[action="?/grades"]');
	await grades.getByLabel('Xếp loại được xác nhận').selectOption('excellent');
	await grades.getByLabel('Lý do').fill('Hoàn thành vượt mức nhiều nhiệm vụ đột xuất');
	await grades.getByRole('button', { name: /Lưu/ }).click();
	await expect(grades.locator('.field-error')).toHaveText(
		'Nhóm “Chung”: 2 người Hoàn thành xuất sắc nhiệm vụ so với 4 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: không ai được xếp loại Hoàn thành xuất sắc nhiệm vụ. Chưa xác nhận mức nào. Hãy giảm số người Hoàn thành xuất sắc nhiệm vụ trong nhóm; nếu cấp có thẩm quyền đã quyết định tỷ lệ cao hơn, hãy ghi nhận tỷ lệ đó khi chưa có mức nào được xác nhận.'
	);
	await expect(row(page, 'Lê Văn Cường').getByRole('cell').last()).toHaveText('Chưa có');

	// The higher rate: a document is required, and the rate must be above the rules' own.
	const rate = async (percent: string, document: string) => {
		const summary = cap.locator('summary', {
			hasText: 'Tỷ lệ do cấp có thẩm quyền quyết định'
		});
		if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
		await cap.getByLabel('Tỷ lệ tối đa (%)').fill(percent);
		await cap.getByLabel('Văn bản quyết định tỷ lệ').fill(document);
		await cap.getByRole('button', { name: 'Ghi nhận tỷ lệ' }).click();
	};
	await rate('30', '');
	await expect(cap).toContainText('Ghi số, ký hiệu văn bản của cấp có thẩm quyền.');
	await rate('20', DOCUMENT);
	await expect(cap).toContainText('Tỷ lệ phải cao hơn tỷ lệ 20 % của bộ quy tắc.');
	await rate('50', DOCUMENT);
	await expect(cap.getByRole('status')).toHaveText('Đã ghi nhận tỷ lệ.');
	await expect(cap).toContainText(
		`Đang áp dụng tỷ lệ 50 % do cấp có thẩm quyền quyết định (${DOCUMENT}), thay cho tỷ lệ 20 % của bộ quy tắc.`
	);
	await expect(row(page, 'Lê Văn Cường')).not.toContainText('Chuyển xuống');
	await expect(cell(page, 'Lê Văn Cường', COLLECTIVE)).toHaveText('HTXSNV');
	await shots(page, SHOTS, 'results-cap-rate');

	// Now both excellent grades go through with everyone else's.
	const confirm = page.getByRole('region', { name: 'Xác nhận xếp loại' });
	await confirm
		.getByRole('button', { name: 'Xác nhận theo kết quả của tập thể cho 6 người chưa xác nhận' })
		.click();
	await expect(confirm.getByRole('status')).toHaveText(
		'Đã xác nhận 6 người theo kết quả của tập thể.'
	);
	await expect(row(page, 'Lê Văn Cường').getByRole('cell').last()).toHaveText('HTXSNV');

	// The confirmed grades rest on the rate: withdrawing it is refused, in words.
	await cap.getByRole('button', { name: 'Bỏ tỷ lệ đã ghi nhận' }).click();
	await expect(cap.getByRole('alert')).toHaveText(
		'Đã có mức xếp loại được xác nhận: không thể thay đổi tỷ lệ nữa. Muốn thay đổi, hãy bỏ các mức đã xác nhận (chọn “Chưa có”) trước.'
	);
	await expect(cap).toContainText('Đang áp dụng tỷ lệ 50 %');

	// The audit trail words the record.
	await page.goto(`/sessions/${id}/audit`);
	await expect(
		page.getByText(
			`Ghi nhận tỷ lệ Hoàn thành xuất sắc nhiệm vụ do cấp có thẩm quyền quyết định: 50% — ${DOCUMENT}`
		)
	).toBeVisible();
});
