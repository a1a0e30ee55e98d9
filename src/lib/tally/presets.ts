/**
 * Rule presets for confidence votes. Regulations change, so rules are data: a session keeps a
 * copy of the preset it was created with, and its result is always computed from that copy.
 *
 * Each preset says what every percentage and band is taken of (its base), draws its bands as
 * exact comparisons of the low-confidence count L with that base, words each band as its article
 * does (what the competent body considers or must do, never a consequence stated as done), and
 * names the articles. See ../shared/docs/domain-evidence.md for the quoted texts.
 */
import type { Threshold } from './fraction';

/** Wording shipped in both languages; a custom preset's wording is the organiser's own text. */
export interface LocalizedText {
	vi: string;
	en: string;
}

/**
 * What percentages and bands are taken of:
 * - `returned`: the ballots returned (R), invalid ballots and blank rows included: QĐ 96-QĐ/TW
 *   Điều 6.3 and NQ 96/2023/QH15 Điều 19.3 ("tổng số phiếu thu về");
 * - `members`: the total membership convened (N), e.g. every deputy: NQ 85/2014/QH13 Điều 17.1.
 */
export type PercentBase = 'returned' | 'members';

export interface ConfidenceBand {
	id: string;
	/** On the count of *low confidence* over the preset's base. */
	lower: Threshold;
	upper?: Threshold;
	/** What the article says the competent body considers or does (the condition is worded from the thresholds). */
	consequence: LocalizedText;
	/** Where the band comes from, e.g. "Điều 11 khoản 2". */
	article: LocalizedText;
}

export interface QuorumRule extends Threshold {
	/**
	 * `true`: voting cannot open without it (QĐ 96: "chỉ được tiến hành khi…"). `false`: it is
	 * advisory; a vote held without it is said so and no band applies.
	 */
	binding: boolean;
	article: LocalizedText;
}

/** `in_force`; `historic` (a repealed rule, for past votes); `replaced` (superseded, kept for reference). */
export type PresetStatus = 'in_force' | 'historic' | 'replaced';

/** Whose body holds the vote: the header of the minutes follows it. */
export type Issuer = 'party' | 'state';

export interface ConfidencePreset {
	id: string;
	name: LocalizedText;
	/** The regulation: number, date and issuer. */
	source: LocalizedText;
	status: PresetStatus;
	/** Said wherever the preset is offered: what replaced it, what is not verified. */
	note: LocalizedText | null;
	issuer: Issuer;
	base: PercentBase;
	/** The article that fixes the base. */
	baseArticle: LocalizedText;
	/** Share of the people convened who must be present; `null` when the preset sets none. */
	quorum: QuorumRule | null;
	bands: ConfidenceBand[];
	/**
	 * Only on a session's copy: a result published under a shipped preset that was corrected
	 * later names the shipped preset whose current copy gives the corrected figures.
	 */
	correctedBy?: string;
}

const OVER_HALF: Threshold = { numerator: 1, denominator: 2, inclusive: false };
const UNDER_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, inclusive: false };
const UP_TO_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, inclusive: true };
const TWO_THIRDS_OR_MORE: Threshold = { numerator: 2, denominator: 3, inclusive: true };
const OVER_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, inclusive: false };

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
	status: 'in_force',
	note: {
		vi: 'Người được lấy phiếu tín nhiệm ở 2 nơi: cấp có thẩm quyền quyết định trên cơ sở xem xét tổng thể kết quả ở từng nơi (Điều 11 khoản 4); mức hiện ở đây chỉ là kết quả tại nơi này.',
		en: 'Someone voted on in two places is judged by the competent level on both results (Article 11(4)); the band shown here is this vote’s only.'
	},
	issuer: 'party',
	base: 'returned',
	baseArticle: { vi: 'Điều 6 khoản 3', en: 'Article 6(3)' },
	quorum: {
		numerator: 2,
		denominator: 3,
		inclusive: true,
		binding: true,
		// Reported in the press ("chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có
		// mặt"); the article number is not verified.
		article: {
			vi: 'Quy định 96-QĐ/TW, quy trình lấy phiếu (chưa xác minh số điều)',
			en: 'Regulation 96-QĐ/TW, voting procedure (article number not verified)'
		}
	},
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UNDER_TWO_THIRDS,
			consequence: {
				vi: 'Cấp có thẩm quyền quản lý cán bộ đưa ra khỏi quy hoạch các chức vụ cao hơn; xem xét cho thôi giữ chức vụ đang đảm nhiệm, bố trí công tác khác hoặc cho từ chức hoặc tiến hành bỏ phiếu tín nhiệm theo quy định.',
				en: 'The competent body removes the person from planning for higher posts, and considers relieving them from post, assigning other work, accepting resignation or holding a formal vote of confidence.'
			},
			article: { vi: 'Điều 11 khoản 2', en: 'Article 11(2)' }
		},
		{
			id: 'two-thirds',
			lower: TWO_THIRDS_OR_MORE,
			consequence: {
				vi: 'Cấp có thẩm quyền quản lý cán bộ thực hiện miễn nhiệm chức vụ đang đảm nhiệm và bố trí công tác khác (thấp hơn) mà không chờ đến hết nhiệm kỳ, hết thời hạn bổ nhiệm.',
				en: 'The competent body dismisses the person from post and assigns other (lower) work, without waiting for the end of the term or appointment.'
			},
			article: { vi: 'Điều 11 khoản 3', en: 'Article 11(3)' }
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
	status: 'in_force',
	note: {
		vi: 'Chưa xác minh được điều kiện về số người có mặt trong Nghị quyết; kỳ họp theo quy chế của Quốc hội, Hội đồng nhân dân. Nếu cần một điều kiện, hãy dùng quy định tùy chỉnh (tính trên tổng số phiếu thu về).',
		en: 'No attendance condition in the resolution has been verified; the sitting follows the Assembly’s or Council’s rules. If one is needed, use custom rules (on the ballots returned).'
	},
	issuer: 'state',
	base: 'returned',
	baseArticle: { vi: 'Điều 19 khoản 3', en: 'Article 19(3)' },
	quorum: null,
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UNDER_TWO_THIRDS,
			consequence: {
				vi: 'Người được lấy phiếu tín nhiệm có thể xin từ chức; trường hợp không xin từ chức thì Ủy ban Thường vụ Quốc hội trình Quốc hội, Thường trực Hội đồng nhân dân trình Hội đồng nhân dân bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
				en: 'The person may ask to resign; if they do not, the Standing Committee submits them to a formal vote of confidence at that sitting or the next.'
			},
			article: { vi: 'Điều 12; Điều 19 khoản 3', en: 'Article 12; Article 19(3)' }
		},
		{
			id: 'two-thirds',
			lower: TWO_THIRDS_OR_MORE,
			consequence: {
				vi: 'Cơ quan hoặc người có thẩm quyền giới thiệu người đó để Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn có trách nhiệm trình Quốc hội, Hội đồng nhân dân tiến hành miễn nhiệm hoặc phê chuẩn đề nghị miễn nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
				en: 'The body or person who nominated them submits their dismissal (miễn nhiệm) to the Assembly or Council at that sitting or the next.'
			},
			article: { vi: 'Điều 12', en: 'Article 12' }
		}
	]
};

export const NQ_85_2014_QH13: ConfidencePreset = {
	id: 'nq-85-2014-qh13',
	name: {
		vi: 'Nghị quyết 85/2014/QH13 (2015 – 6/2023, đã hết hiệu lực)',
		en: 'Resolution 85/2014/QH13 (2015 – June 2023, repealed)'
	},
	source: {
		vi: 'Nghị quyết số 85/2014/QH13 của Quốc hội',
		en: 'Resolution 85/2014/QH13, National Assembly'
	},
	status: 'historic',
	note: {
		vi: 'Hết hiệu lực từ 01/7/2023 (thay bằng Nghị quyết 96/2023/QH15). Dùng để kiểm lại các lần lấy phiếu trước đó; tỷ lệ tính trên tổng số đại biểu.',
		en: 'Repealed on 1 July 2023 (replaced by Resolution 96/2023/QH15). For recounting earlier votes; percentages are of all deputies.'
	},
	issuer: 'state',
	base: 'members',
	baseArticle: { vi: 'Điều 17 khoản 1', en: 'Article 17(1)' },
	quorum: null,
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UNDER_TWO_THIRDS,
			consequence: {
				vi: 'Người được lấy phiếu tín nhiệm có thể xin từ chức.',
				en: 'The person may ask to resign.'
			},
			article: { vi: 'Điều 12 (theo báo chí)', en: 'Article 12 (as reported)' }
		},
		{
			id: 'two-thirds',
			lower: TWO_THIRDS_OR_MORE,
			consequence: {
				vi: 'Người được lấy phiếu tín nhiệm có thể xin từ chức; Ủy ban Thường vụ Quốc hội trình Quốc hội, Thường trực Hội đồng nhân dân trình Hội đồng nhân dân bỏ phiếu tín nhiệm.',
				en: 'The person may ask to resign; the Standing Committee submits them to a formal vote of confidence.'
			},
			article: {
				vi: 'Điều 12 (theo báo chí); Luật Tổ chức Quốc hội 2014 Điều 13',
				en: 'Article 12 (as reported); Law on the National Assembly 2014, Article 13'
			}
		}
	]
};

export const NQ_35_2012_QH13: ConfidencePreset = {
	id: 'nq-35-2012-qh13',
	name: {
		vi: 'Nghị quyết 35/2012/QH13 (2013 – 2014, đã hết hiệu lực)',
		en: 'Resolution 35/2012/QH13 (2013 – 2014, repealed)'
	},
	source: {
		vi: 'Nghị quyết số 35/2012/QH13 của Quốc hội',
		en: 'Resolution 35/2012/QH13, National Assembly'
	},
	status: 'historic',
	note: {
		vi: 'Đã được thay bằng Nghị quyết 85/2014/QH13. Dùng để kiểm lại các lần lấy phiếu năm 2013, 2014; tỷ lệ tính trên tổng số đại biểu.',
		en: 'Replaced by Resolution 85/2014/QH13. For recounting the votes of 2013 and 2014; percentages are of all deputies.'
	},
	issuer: 'state',
	base: 'members',
	baseArticle: {
		vi: 'theo các kết quả đã công bố; chưa xác minh số điều',
		en: 'as the published results show; article not verified'
	},
	quorum: null,
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UP_TO_TWO_THIRDS,
			consequence: {
				vi: 'Người được lấy phiếu tín nhiệm có thể xin từ chức; có quá nửa tổng số đại biểu đánh giá tín nhiệm thấp hai năm liên tiếp thì Quốc hội, Hội đồng nhân dân bỏ phiếu tín nhiệm.',
				en: 'The person may ask to resign; over half of all deputies rating them low two years running leads to a formal vote of confidence.'
			},
			article: { vi: 'Điều 11 khoản 1 điểm đ (theo báo chí)', en: 'Article 11(1)(đ) (as reported)' }
		},
		{
			id: 'over-two-thirds',
			lower: OVER_TWO_THIRDS,
			consequence: {
				vi: 'Quốc hội, Hội đồng nhân dân bỏ phiếu tín nhiệm người đó.',
				en: 'The Assembly or Council holds a formal vote of confidence on the person.'
			},
			article: { vi: 'Điều 11 khoản 1 điểm d', en: 'Article 11(1)(d)' }
		}
	]
};

export const QD_41_2021: ConfidencePreset = {
	id: 'qd-41-2021',
	name: {
		vi: 'Quy định 41-QĐ/TW (2021): miễn nhiệm, từ chức (đã được thay thế)',
		en: 'Regulation 41-QĐ/TW (2021): dismissal and resignation (replaced)'
	},
	source: {
		vi: 'Quy định số 41-QĐ/TW ngày 03/11/2021 của Bộ Chính trị',
		en: 'Regulation 41-QĐ/TW of 3 November 2021, Politburo'
	},
	status: 'replaced',
	note: {
		vi: 'Đã được thay thế bằng Quy định 377-QĐ/TW (có hiệu lực từ 08/10/2025); các ngưỡng dưới đây chưa được đối chiếu với văn bản gốc, còn ngưỡng của Quy định 377 chưa được xác minh.',
		en: 'Replaced by Regulation 377-QĐ/TW (in force from 8 October 2025); the thresholds below are not checked against the original text, and those of Regulation 377 are not verified.'
	},
	issuer: 'party',
	base: 'returned',
	baseArticle: {
		vi: 'theo quy định của lần lấy phiếu; với lần lấy phiếu theo Quy định 96-QĐ/TW là Điều 6 khoản 3',
		en: 'as the vote’s own rules say; for a vote under Regulation 96-QĐ/TW, Article 6(3)'
	},
	quorum: {
		...TWO_THIRDS_OR_MORE,
		binding: true,
		article: {
			vi: 'Quy định 96-QĐ/TW, quy trình lấy phiếu (chưa xác minh số điều)',
			en: 'Regulation 96-QĐ/TW, voting procedure (article number not verified)'
		}
	},
	bands: [
		{
			id: 'over-half',
			lower: OVER_HALF,
			upper: UP_TO_TWO_THIRDS,
			consequence: {
				vi: 'Là căn cứ để xem xét việc xin từ chức.',
				en: 'Grounds for considering resignation (từ chức).'
			},
			article: {
				vi: 'Căn cứ xem xét từ chức (theo báo chí)',
				en: 'Grounds for resignation (as reported)'
			}
		},
		{
			id: 'over-two-thirds',
			lower: OVER_TWO_THIRDS,
			consequence: {
				vi: 'Là căn cứ để xem xét miễn nhiệm.',
				en: 'Grounds for considering dismissal (miễn nhiệm).'
			},
			article: {
				vi: 'Căn cứ xem xét miễn nhiệm (theo báo chí)',
				en: 'Grounds for dismissal (as reported)'
			}
		}
	]
};

export const CONFIDENCE_PRESETS: readonly ConfidencePreset[] = [
	QD_96_2023,
	NQ_96_2023_QH15,
	NQ_85_2014_QH13,
	NQ_35_2012_QH13,
	QD_41_2021
];
export const DEFAULT_CONFIDENCE_PRESET = QD_96_2023;

export function findConfidencePreset(id: string): ConfidencePreset | undefined {
	return CONFIDENCE_PRESETS.find((preset) => preset.id === id);
}
