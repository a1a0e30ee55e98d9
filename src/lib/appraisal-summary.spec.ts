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
			`Để được xếp loại “Hoàn thành nhiệm vụ” trở lên: không bị kỷ luật từ khiển trách trở lên trong kỳ đánh giá (${source}).`
		]);
		expect(summary.bandsArticle).toBe(source);
		expect(appraisalSummary(QD_366_2025, null, 'vi').conditions).toHaveLength(5);
	});

	it('states the cap’s rate and scope, and its source', () => {
		expect(appraisalSummary(custom, null, 'vi')).toMatchObject({
			cap: 'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 25% số người xếp loại “Hoàn thành tốt nhiệm vụ”, tính trong từng nhóm có chức trách, nhiệm vụ tương đồng; số lẻ làm tròn xuống.',
			capSource: source
		});
		const qd366 = appraisalSummary(QD_366_2025, null, 'vi');
		expect(qd366.cap).toContain(
			'không quá 20% số người xếp loại “Hoàn thành tốt nhiệm vụ”, tính chung cho cả đơn vị'
		);
		expect(qd366.capSource).toContain('Hướng dẫn 21-HD/BTCTW năm 2019');
		const third: AppraisalPreset = {
			...custom,
			cap: { ...custom.cap!, ratio: { numerator: 1, denominator: 3 } }
		};
		expect(appraisalSummary(third, null, 'vi').cap).toContain('không quá 33,33% số người');
	});

	it('says when there is no cap and no condition, and ignores a rate recorded without a cap', () => {
		const bare = customAppraisalPreset({
			source,
			minimums: [90, 70, 50],
			conditions: [],
			capPercent: null,
			capScope: 'unit',
			issuer: 'state'
		});
		expect(appraisalSummary(bare, { percent: 30, document: 'QĐ 1' }, 'vi')).toMatchObject({
			conditions: [],
			cap: 'Không giới hạn tỷ lệ người xếp loại “Hoàn thành xuất sắc nhiệm vụ”.',
			capSource: null,
			recordedRate: null,
			notes: []
		});
	});

	it('shows a higher rate recorded for the session with its document', () => {
		const recorded = { percent: 30, document: 'Quyết định 12-QĐ/ĐU ngày 05/01/2027' };
		expect(appraisalSummary(ND_335_2025, recorded, 'vi').recordedRate).toBe(
			'Cấp có thẩm quyền đã quyết định tỷ lệ cao hơn cho phiên này: 30% (Quyết định 12-QĐ/ĐU ngày 05/01/2027).'
		);
	});

	it('says where QĐ 366’s own texts are not verified, and nothing of the kind for NĐ 335', () => {
		const notes = appraisalSummary(QD_366_2025, null, 'vi').notes;
		expect(notes).toHaveLength(2);
		expect(notes[0]).toContain('Hướng dẫn 21-HD/BTCTW năm 2019');
		expect(notes[1]).toContain('“Không hoàn thành nhiệm vụ”');
		expect(notes[1]).toContain('“Quy tắc riêng”');
		expect(appraisalSummary(ND_335_2025, null, 'vi').notes).toEqual([]);
	});
});
