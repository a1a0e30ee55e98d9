/**
 * Appraisal rules as data: score bands for the four grades and the cap on excellent grades,
 * each with its source. A session keeps its own copy, like a confidence preset.
 */
import type { Fraction, Threshold } from './fraction';
import type { Grade } from './grades';
import type { Issuer, LocalizedText } from './presets';

export interface ScoreBand {
	grade: Grade;
	/** The band holds totals at or above this many points (out of 100). */
	minimum: number;
}

export interface GradeCap {
	/** At most `ratio` × the number graded good may be graded excellent… */
	ratio: Fraction;
	/** …rounded down: with 4 good and 3 candidates, ⌊7/6⌋ = 1 is kept. */
	rounding: 'floor';
	source: LocalizedText;
}

export interface AppraisalPreset {
	id: string;
	name: LocalizedText;
	source: LocalizedText;
	/** Whose body appraises (the header of the minutes); absent from copies stored before 2026-12. */
	issuer?: Issuer;
	quorum: Threshold | null;
	/** Highest minimum first; the last band starts at 0. */
	bands: ScoreBand[];
	cap: GradeCap | null;
}

const BANDS: ScoreBand[] = [
	{ grade: 'excellent', minimum: 90 },
	{ grade: 'good', minimum: 70 },
	{ grade: 'completed', minimum: 50 },
	{ grade: 'not_completed', minimum: 0 }
];

const TWENTY_PERCENT_OF_GOOD = { numerator: 1, denominator: 5 };
const TWO_THIRDS_PRESENT: Threshold = { numerator: 2, denominator: 3, inclusive: true };

export const QD_366_2025: AppraisalPreset = {
	id: 'qd-366-2025',
	name: {
		vi: 'Quy định 366-QĐ/TW (2025): cán bộ, đảng viên',
		en: 'Regulation 366-QĐ/TW (2025): cadres and party members'
	},
	source: {
		vi: 'Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng',
		en: 'Regulation 366-QĐ/TW of 30 August 2025, Politburo, on review, appraisal and grading'
	},
	issuer: 'party',
	quorum: TWO_THIRDS_PRESENT,
	bands: BANDS,
	cap: {
		ratio: TWENTY_PERCENT_OF_GOOD,
		rounding: 'floor',
		source: {
			vi: 'Số được xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 20% số được xếp loại “Hoàn thành tốt nhiệm vụ” (Quy định 366-QĐ/TW)',
			en: 'Those graded excellent may not exceed 20% of those graded good (Regulation 366-QĐ/TW)'
		}
	}
};

export const ND_335_2025: AppraisalPreset = {
	id: 'nd-335-2025',
	name: {
		vi: 'Nghị định 335/2025/NĐ-CP: công chức, viên chức',
		en: 'Decree 335/2025/NĐ-CP: civil servants and public employees'
	},
	source: {
		vi: 'Nghị định số 335/2025/NĐ-CP của Chính phủ về đánh giá, xếp loại chất lượng (hiệu lực từ 01/01/2026)',
		en: 'Government Decree 335/2025/NĐ-CP on appraisal and grading (in force from 1 January 2026)'
	},
	issuer: 'state',
	quorum: TWO_THIRDS_PRESENT,
	bands: BANDS,
	cap: {
		ratio: TWENTY_PERCENT_OF_GOOD,
		rounding: 'floor',
		source: {
			vi: 'Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ” không vượt quá 20% số được xếp loại “Hoàn thành tốt nhiệm vụ” trong cùng đơn vị, nhóm có chức trách tương đồng (Nghị định 335/2025/NĐ-CP)',
			en: 'Excellent grades may not exceed 20% of good grades within the same unit and group of similar duties (Decree 335/2025/NĐ-CP)'
		}
	}
};

export const APPRAISAL_PRESETS: readonly AppraisalPreset[] = [QD_366_2025, ND_335_2025];

export function findAppraisalPreset(id: string): AppraisalPreset | undefined {
	return APPRAISAL_PRESETS.find((preset) => preset.id === id);
}
