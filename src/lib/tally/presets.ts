/**
 * Rule presets for confidence votes. Regulations change, so rules are data: a session keeps a
 * copy of the preset it was created with, and its result is always computed from that copy.
 */
import type { Threshold } from './fraction';

/** Wording shipped in both languages; a custom preset's wording is the organiser's own text. */
export interface LocalizedText {
	vi: string;
	en: string;
}

export interface ConfidenceBand {
	id: string;
	/** On the count of *low confidence* over the people convened. */
	lower: Threshold;
	upper?: Threshold;
	/** What the regulation says follows. (The condition itself is worded from the thresholds.) */
	consequence: LocalizedText;
}

export interface ConfidencePreset {
	id: string;
	name: LocalizedText;
	source: LocalizedText;
	/** Share of the people convened who must be present; `null` when the preset sets none. */
	quorum: Threshold | null;
	bands: ConfidenceBand[];
}

const OVER_HALF: Threshold = { numerator: 1, denominator: 2, inclusive: false };
const UNDER_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, inclusive: false };
const TWO_THIRDS_OR_MORE: Threshold = { numerator: 2, denominator: 3, inclusive: true };
const OVER_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, inclusive: false };
const TWO_THIRDS_PRESENT: Threshold = { numerator: 2, denominator: 3, inclusive: true };

export const QD_96_2023: ConfidencePreset = {
	id: 'qd-96-2023',
	name: {
		vi: 'Quy định 96-QĐ/TW (2023): chức danh trong hệ thống chính trị',
		en: 'Regulation 96-QĐ/TW (2023): posts in the political system'
	},
	source: {
		vi: 'Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị',
		en: 'Regulation 96-QĐ/TW of 2 February 2023, Politburo'
	},
	quorum: TWO_THIRDS_PRESENT,
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UNDER_TWO_THIRDS,
			consequence: {
				vi: 'Không quy hoạch, đề bạt, bổ nhiệm, giới thiệu ứng cử vào chức vụ cao hơn; cấp có thẩm quyền xem xét cho thôi giữ chức vụ hoặc cho từ chức.',
				en: 'Not planned or appointed to a higher post; the competent body considers relieving the person from post or accepting resignation.'
			}
		},
		{
			id: 'two-thirds',
			lower: TWO_THIRDS_OR_MORE,
			consequence: {
				vi: 'Cấp có thẩm quyền cho thôi giữ chức vụ, không chờ hết nhiệm kỳ hoặc hết thời hạn bổ nhiệm.',
				en: 'The competent body relieves the person from post without waiting for the end of the term or appointment.'
			}
		}
	]
};

export const NQ_96_2023_QH15: ConfidencePreset = {
	id: 'nq-96-2023-qh15',
	name: {
		vi: 'Nghị quyết 96/2023/QH15: chức danh do Quốc hội, Hội đồng nhân dân bầu',
		en: 'Resolution 96/2023/QH15: posts elected by the National Assembly or People’s Councils'
	},
	source: {
		vi: 'Nghị quyết số 96/2023/QH15 ngày 23/06/2023 của Quốc hội',
		en: 'Resolution 96/2023/QH15 of 23 June 2023, National Assembly'
	},
	quorum: TWO_THIRDS_PRESENT,
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UNDER_TWO_THIRDS,
			consequence: {
				vi: 'Người được lấy phiếu tín nhiệm có thể xin từ chức.',
				en: 'The person may ask to resign.'
			}
		},
		{
			id: 'two-thirds',
			lower: TWO_THIRDS_OR_MORE,
			consequence: {
				vi: 'Ủy ban Thường vụ Quốc hội hoặc Thường trực Hội đồng nhân dân trình để bỏ phiếu tín nhiệm.',
				en: 'The Standing Committee submits the person to a formal vote of confidence (bỏ phiếu tín nhiệm).'
			}
		}
	]
};

export const QD_41_2021: ConfidencePreset = {
	id: 'qd-41-2021',
	name: {
		vi: 'Quy định 41-QĐ/TW (2021): miễn nhiệm, từ chức',
		en: 'Regulation 41-QĐ/TW (2021): dismissal and resignation'
	},
	source: {
		vi: 'Quy định số 41-QĐ/TW ngày 03/11/2021 của Bộ Chính trị; hội nghị hợp lệ khi có ít nhất 2/3 số thành viên (Điều lệ Đảng)',
		en: 'Regulation 41-QĐ/TW of 3 November 2021, Politburo; a meeting is valid with two thirds of members present (Party Statute)'
	},
	quorum: TWO_THIRDS_PRESENT,
	bands: [
		{
			id: 'over-two-thirds',
			lower: OVER_TWO_THIRDS,
			consequence: {
				vi: 'Là căn cứ để xem xét miễn nhiệm.',
				en: 'Grounds for considering dismissal (miễn nhiệm).'
			}
		}
	]
};

export const CONFIDENCE_PRESETS: readonly ConfidencePreset[] = [
	QD_96_2023,
	NQ_96_2023_QH15,
	QD_41_2021
];
export const DEFAULT_CONFIDENCE_PRESET = QD_96_2023;

export function findConfidencePreset(id: string): ConfidencePreset | undefined {
	return CONFIDENCE_PRESETS.find((preset) => preset.id === id);
}
