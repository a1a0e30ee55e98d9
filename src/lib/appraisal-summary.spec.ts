import { describe, expect, it } from 'vitest';
import { appraisalSummary } from './appraisal-summary';
import {
	customAppraisalPreset,
	ND_335_2025,
	QD_366_2025,
	type AppraisalPreset
} from '$lib/tally/appraisal-presets';

const source = 'Quy chế đánh giá viên chức của Trường THCS Hòa Bình';
const custom = customAppraisalPreset({
	source,
	minimums: [85, 65, 45],
	conditions: ['excellent:share_at_least:exceeded:30', 'completed:no_finding:discipline'],
	capPercent: 25,
	capScope: 'duty_group',
	issuer: 'state'
});

describe('an appraisal preset in words', () => {
	it('gives the bands best first, the last one below the one above it', () => {
		expect(appraisalSummary(custom, null, 'vi').bands).toEqual([
			'Hoàn thành xuất sắc nhiệm vụ (HTXSNV): từ 85 điểm',
			'Hoàn thành tốt nhiệm vụ (HTTNV): từ 65 điểm',
			'Hoàn thành nhiệm vụ (HTNV): từ 45 điểm',
			'Không hoàn thành nhiệm vụ (KHTNV): dưới 45 điểm'
		]);
		expect(appraisalSummary(ND_335_2025, null, 'en').bands[3]).toBe(
			'Did not complete duties (KHTNV): below 50 points'
		);
	});

	it('states each condition with its article, and the unit’s document for its own rules', () => {
		const summary = appraisalSummary(custom, null, 'vi');
		expect(summary.conditions).toEqual([
			`Để được xếp loại “Hoàn thành xuất sắc nhiệm vụ” trở lên: ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu (${source}).`,
			`Để được xếp loại “Hoàn thành nhiệm vụ” trở lên: không có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá (${source}).`
		]);
		expect(summary.bandsArticle).toBe(source);
		expect(appraisalSummary(QD_366_2025, null, 'vi').conditions).toHaveLength(5);
	});

	it('states the cap’s rate and scope, and its source', () => {
		expect(appraisalSummary(custom, null, 'vi')).toMatchObject({
			cap: 'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 25% số người xếp loại “Hoàn thành tốt nhiệm vụ”, tính trong từng nhóm có chức trách, nhiệm vụ tương đồng; số lẻ làm tròn xuống.',
			capSource: source
		});
		const unit: AppraisalPreset = { ...custom, cap: { ...custom.cap!, scope: 'unit' } };
		expect(appraisalSummary(unit, null, 'vi').cap).toContain(
			'tính chung cho cả đơn vị (mọi người được đánh giá trong phiên)'
		);
		const nd335 = appraisalSummary(ND_335_2025, null, 'vi');
		expect(nd335.cap).toContain('không quá 20% số người xếp loại');
		expect(nd335.capSource).toContain('Nghị định 335/2025/NĐ-CP, khoản 5 điểm a');
		const third: AppraisalPreset = {
			...custom,
			cap: { ...custom.cap!, ratio: { numerator: 1, denominator: 3 } }
		};
		expect(appraisalSummary(third, null, 'vi').cap).toContain('không quá 33,33% số người');
	});

	it('says when the rules set no cap and no condition', () => {
		const bare = customAppraisalPreset({
			source,
			minimums: [90, 70, 50],
			conditions: [],
			capPercent: null,
			capScope: 'unit',
			issuer: 'state'
		});
		expect(appraisalSummary(bare, null, 'vi')).toMatchObject({
			conditions: [],
			cap: 'Bộ quy tắc không đặt giới hạn tỷ lệ người xếp loại “Hoàn thành xuất sắc nhiệm vụ”.',
			capSource: null,
			recordedRate: null,
			note: null
		});
	});

	it('shows a rate recorded for the session with its document, where the preset sets one or none', () => {
		const recorded = { percent: 30, document: 'Quyết định 12-QĐ/ĐU ngày 05/01/2027' };
		expect(appraisalSummary(ND_335_2025, recorded, 'vi').recordedRate).toBe(
			'Cấp có thẩm quyền đã quyết định tỷ lệ áp dụng cho phiên này: không quá 30% số người xếp loại “Hoàn thành tốt nhiệm vụ”, tính trong từng nhóm có chức trách, nhiệm vụ tương đồng (Quyết định 12-QĐ/ĐU ngày 05/01/2027).'
		);
		// QĐ 366 sets no cap (none is verified): a recorded rate is the one in force.
		const qd366 = appraisalSummary(QD_366_2025, { percent: 20, document: 'HD 01' }, 'vi');
		expect(qd366.cap).toBe(
			'Bộ quy tắc không đặt giới hạn tỷ lệ người xếp loại “Hoàn thành xuất sắc nhiệm vụ”.'
		);
		expect(qd366.recordedRate).toContain('không quá 20% số người xếp loại');
	});

	it('gives the preset’s note on what its texts leave open', () => {
		expect(appraisalSummary(QD_366_2025, null, 'vi').note).toBe(QD_366_2025.note?.vi);
		expect(appraisalSummary(QD_366_2025, null, 'vi').note).toContain('Hướng dẫn 21-HD/BTCTW');
		expect(appraisalSummary(ND_335_2025, null, 'en').note).toBe(ND_335_2025.note?.en);
	});
});
