/**
 * Appraisal rules as data: score bands for the four grades, the conditions a grade needs beyond
 * its score, and the cap on excellent grades, each with its source. A session keeps its own
 * copy, like a confidence preset. What the texts leave unknown (domain-evidence.md §5) is not
 * written in here: it is left to the custom preset, where the organiser states the rule and the
 * document it comes from.
 */
import type { Fraction, Threshold } from './fraction';
import type { Grade } from './grades';
import type { Issuer, LocalizedText } from './presets';

export interface ScoreBand {
	grade: Grade;
	/** The band holds totals at or above this many points (out of 100). */
	minimum: number;
}

/** Shares of the period's tasks, recorded per person in whole percent. */
export const TASK_SHARES = ['completed', 'on_time', 'exceeded'] as const;
export type TaskShare = (typeof TASK_SHARES)[number];

/** Findings in the period that weigh against a person. */
export const FINDINGS = ['discipline', 'degradation', 'corruption'] as const;
export type Finding = (typeof FINDINGS)[number];

/**
 * A condition a person must meet to keep the grade `keeps` or any better one. A condition that
 * keeps `completed` therefore sends a person who fails it to *không hoàn thành* whatever the
 * score.
 */
export type ConditionRule = { keeps: Exclude<Grade, 'not_completed'> } & (
	| { kind: 'share_at_least'; share: TaskShare; percent: number }
	/** Tasks not done on time (late or not completed: all but those on time): at most this share. */
	| { kind: 'late_at_most'; percent: number }
	/** The shortcomings found at the previous review are all put right. */
	| { kind: 'shortcomings_fixed' }
	/** A finding in the period: none may have been made. */
	| { kind: 'no_finding'; finding: Finding }
);

/** A condition as a preset states it: the rule and the article it comes from. */
export type GradeCondition = ConditionRule & { article: LocalizedText };

export type GradeConditionKind = GradeCondition['kind'];

/**
 * Where the cap is counted: within each group of people with similar duties (which, group by
 * group, also keeps it for the unit as a whole), or over everyone in the session together.
 */
export const CAP_SCOPES = ['duty_group', 'unit'] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

export interface GradeCap {
	/** At most `ratio` × the number graded good may be graded excellent… */
	ratio: Fraction;
	/** …rounded down: with 4 good and 3 candidates, ⌊7/6⌋ = 1 is kept. */
	rounding: 'floor';
	scope: CapScope;
	source: LocalizedText;
}

export interface AppraisalPreset {
	id: string;
	name: LocalizedText;
	source: LocalizedText;
	/** Whose body appraises (the header of the minutes). */
	issuer: Issuer;
	quorum: Threshold | null;
	/** Highest minimum first; the last band starts at 0. */
	bands: ScoreBand[];
	/** The article that sets the bands. */
	bandsArticle: LocalizedText;
	/** Empty in copies stored before the conditions were kept as data (results unchanged). */
	conditions: GradeCondition[];
	/**
	 * The cap the preset's own text sets; `null` where none is verified. A session may then
	 * record the rate the competent level applies, with its document.
	 */
	cap: GradeCap | null;
	/** What the texts leave open, said where the preset is chosen and in the minutes. */
	note: LocalizedText | null;
}

export const STANDARD_BANDS: readonly ScoreBand[] = [
	{ grade: 'excellent', minimum: 90 },
	{ grade: 'good', minimum: 70 },
	{ grade: 'completed', minimum: 50 },
	{ grade: 'not_completed', minimum: 0 }
];

export const TWENTY_PERCENT: Fraction = { numerator: 1, denominator: 5 };
const TWO_THIRDS_PRESENT: Threshold = { numerator: 2, denominator: 3, inclusive: true };

const QD_366_ARTICLE_11_1 = {
	vi: 'Quy định 366-QĐ/TW, Điều 11 khoản 1',
	en: 'Regulation 366-QĐ/TW, Article 11(1)'
};
const QD_366_ARTICLE_11_2 = {
	vi: 'Quy định 366-QĐ/TW, Điều 11 khoản 2',
	en: 'Regulation 366-QĐ/TW, Article 11(2)'
};
const QD_366_ARTICLE_11_3 = {
	vi: 'Quy định 366-QĐ/TW, Điều 11 khoản 3',
	en: 'Regulation 366-QĐ/TW, Article 11(3)'
};

export const QD_366_2025: AppraisalPreset = {
	id: 'qd-366-2025',
	name: {
		vi: 'Quy định 366-QĐ/TW (2025): tổ chức đảng, cán bộ, đảng viên',
		en: 'Regulation 366-QĐ/TW (2025): party organisations, cadres and party members'
	},
	source: {
		vi: 'Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân trong hệ thống chính trị',
		en: 'Regulation 366-QĐ/TW of 30 August 2025, Politburo, on review, appraisal and grading of collectives and individuals in the political system'
	},
	issuer: 'party',
	quorum: TWO_THIRDS_PRESENT,
	bands: [...STANDARD_BANDS],
	bandsArticle: { vi: 'Quy định 366-QĐ/TW, Điều 11', en: 'Regulation 366-QĐ/TW, Article 11' },
	conditions: [
		// Điều 11 khoản 1 (verified): 100 % of tasks, on time (kept by khoản 2's condition below,
		// which every better grade needs too), at least 30 % beyond what was asked, and 100 % of
		// the shortcomings found earlier put right.
		{
			keeps: 'excellent',
			kind: 'share_at_least',
			share: 'exceeded',
			percent: 30,
			article: QD_366_ARTICLE_11_1
		},
		{ keeps: 'excellent', kind: 'shortcomings_fixed', article: QD_366_ARTICLE_11_1 },
		// Khoản 2 and 3 as the press reports them (domain-evidence.md §5b).
		{
			keeps: 'good',
			kind: 'share_at_least',
			share: 'on_time',
			percent: 100,
			article: QD_366_ARTICLE_11_2
		},
		{
			keeps: 'completed',
			kind: 'share_at_least',
			share: 'completed',
			percent: 100,
			article: QD_366_ARTICLE_11_3
		},
		{ keeps: 'completed', kind: 'late_at_most', percent: 20, article: QD_366_ARTICLE_11_3 }
		// What sends a party member to "không hoàn thành" under QĐ 366 is not verified: a custom
		// preset states it with its source.
	],
	// Whether QĐ 366 or its guidance caps excellent grades is not verified (domain-evidence §5c):
	// HD 21-HD/BTCTW (2019) set 20 % per grassroots party organisation, a wider scope than one
	// chi bộ's session. No cap is assumed; the session records the rate its cấp ủy applies.
	cap: null,
	note: {
		vi: 'Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”: chưa xác minh được Quy định 366-QĐ/TW hoặc văn bản hướng dẫn có quy định tỷ lệ. Hướng dẫn 21-HD/BTCTW năm 2019 quy định không quá 20% số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” trong từng tổ chức cơ sở đảng. Nếu cấp ủy có thẩm quyền áp dụng một tỷ lệ, hãy ghi nhận tỷ lệ và số văn bản cho phiên. Các trường hợp “Không hoàn thành nhiệm vụ” ngoài thang điểm chưa được xác minh: nếu đơn vị áp dụng, hãy dùng bộ quy tắc riêng.',
		en: 'Rate of excellent grades: no rate in Regulation 366-QĐ/TW or its guidance has been verified. Guidance 21-HD/BTCTW of 2019 set at most 20% of the party members graded good in each grassroots party organisation. If the competent party committee applies a rate, record it with its document for the session. Cases of "not completed" beyond the score are not verified: if the unit applies them, use own rules.'
	}
};

/** The article number of NĐ 335's grades is disputed (Điều 20 in one unvetted tool): cite the clause. */
const ND_335_GRADES = {
	vi: 'Nghị định 335/2025/NĐ-CP, điều quy định các mức xếp loại chất lượng công chức',
	en: 'Decree 335/2025/NĐ-CP, the article on the grades of civil servants'
};
const nd335Clause = (clause: string) => ({
	vi: `${ND_335_GRADES.vi}, khoản 4 điểm ${clause}`,
	en: `${ND_335_GRADES.en}, clause 4(${clause})`
});

export const ND_335_2025: AppraisalPreset = {
	id: 'nd-335-2025',
	name: {
		vi: 'Nghị định 335/2025/NĐ-CP: công chức',
		en: 'Decree 335/2025/NĐ-CP: civil servants'
	},
	source: {
		vi: 'Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức (hiệu lực từ 01/01/2026)',
		en: 'Government Decree 335/2025/NĐ-CP of 21 December 2025 on the appraisal and grading of state administrative bodies and civil servants (in force from 1 January 2026)'
	},
	issuer: 'state',
	quorum: TWO_THIRDS_PRESENT,
	bands: [...STANDARD_BANDS],
	bandsArticle: ND_335_GRADES,
	conditions: [
		// Khoản 4: "không hoàn thành nhiệm vụ" whatever the score (verified as reproduced).
		{ keeps: 'completed', kind: 'no_finding', finding: 'degradation', article: nd335Clause('b') },
		{ keeps: 'completed', kind: 'no_finding', finding: 'discipline', article: nd335Clause('c') },
		{ keeps: 'completed', kind: 'no_finding', finding: 'corruption', article: nd335Clause('d') }
	],
	cap: {
		ratio: TWENTY_PERCENT,
		rounding: 'floor',
		scope: 'duty_group',
		source: {
			vi: 'Tỷ lệ công chức xếp loại “Hoàn thành xuất sắc nhiệm vụ” không vượt quá 20% tổng số công chức được xếp loại “Hoàn thành tốt nhiệm vụ” trong phạm vi cùng một cơ quan, tổ chức, đơn vị và trong từng nhóm công chức có nhiệm vụ tương đồng (Nghị định 335/2025/NĐ-CP, khoản 5 điểm a)',
			en: 'Civil servants graded excellent may not exceed 20% of those graded good within the same body and within each group of civil servants with similar duties (Decree 335/2025/NĐ-CP, clause 5(a))'
		}
	},
	note: {
		vi: 'Nghị định 335/2025/NĐ-CP áp dụng cho công chức. Viên chức và người lao động: dùng bộ quy tắc riêng, ghi rõ văn bản đơn vị áp dụng. Tỷ lệ cao hơn trong trường hợp tổ chức có thành tích xuất sắc (khoản 5 điểm b) do cấp có thẩm quyền quyết định: ghi nhận tỷ lệ và số văn bản cho phiên.',
		en: 'Decree 335/2025/NĐ-CP covers civil servants. Public employees and other staff: use own rules naming the document the unit applies. A higher rate for an outstanding organisation (clause 5(b)) is set by the competent level: record the rate and document for the session.'
	}
};

/**
 * Whether the cap counts within each duty group: yes, unless the preset counts it over the
 * unit. A rate recorded for a preset that sets none counts per group (one group by default).
 */
export function capCountsPerGroup(preset: Pick<AppraisalPreset, 'cap'>): boolean {
	return preset.cap?.scope !== 'unit';
}

export const APPRAISAL_PRESETS: readonly AppraisalPreset[] = [QD_366_2025, ND_335_2025];

export function findAppraisalPreset(id: string): AppraisalPreset | undefined {
	return APPRAISAL_PRESETS.find((preset) => preset.id === id);
}

/** The id of a preset the organiser writes (viên chức and others): its rules are its own. */
export const CUSTOM_APPRAISAL_PRESET_ID = 'custom-appraisal';

/** Every condition a custom preset may choose, with the thresholds the published texts use. */
export const CONDITION_CATALOGUE: readonly ConditionRule[] = [
	{ keeps: 'excellent', kind: 'share_at_least', share: 'on_time', percent: 100 },
	{ keeps: 'excellent', kind: 'share_at_least', share: 'exceeded', percent: 30 },
	{ keeps: 'excellent', kind: 'shortcomings_fixed' },
	{ keeps: 'good', kind: 'share_at_least', share: 'on_time', percent: 100 },
	{ keeps: 'completed', kind: 'share_at_least', share: 'completed', percent: 100 },
	{ keeps: 'completed', kind: 'late_at_most', percent: 20 },
	{ keeps: 'completed', kind: 'no_finding', finding: 'degradation' },
	{ keeps: 'completed', kind: 'no_finding', finding: 'discipline' },
	{ keeps: 'completed', kind: 'no_finding', finding: 'corruption' }
];

/** A stable key for a condition, for forms and tests: `excellent:share_at_least:exceeded:30`. */
export function conditionKey(condition: ConditionRule): string {
	switch (condition.kind) {
		case 'share_at_least':
			return `${condition.keeps}:${condition.kind}:${condition.share}:${condition.percent}`;
		case 'late_at_most':
			return `${condition.keeps}:${condition.kind}:${condition.percent}`;
		case 'no_finding':
			return `${condition.keeps}:${condition.kind}:${condition.finding}`;
		case 'shortcomings_fixed':
			return `${condition.keeps}:${condition.kind}`;
	}
}

export interface CustomAppraisalRules {
	/** The document the unit applies, as the minutes cite it. */
	source: string;
	/** Minimum points for excellent, good and completed, in that order. */
	minimums: [number, number, number];
	/** Keys (`conditionKey`) of the catalogue conditions that apply. */
	conditions: string[];
	/** The cap as a whole percent of those graded good, or `null` for none. */
	capPercent: number | null;
	capScope: CapScope;
	issuer: Issuer;
}

export function customAppraisalPreset(rules: CustomAppraisalRules): AppraisalPreset {
	const article = { vi: rules.source, en: rules.source };
	const source = { vi: rules.source, en: rules.source };
	const [excellent, good, completed] = rules.minimums;
	return {
		id: CUSTOM_APPRAISAL_PRESET_ID,
		name: { vi: `Quy tắc riêng: ${rules.source}`, en: `Own rules: ${rules.source}` },
		source,
		issuer: rules.issuer,
		quorum: TWO_THIRDS_PRESENT,
		bands: [
			{ grade: 'excellent', minimum: excellent },
			{ grade: 'good', minimum: good },
			{ grade: 'completed', minimum: completed },
			{ grade: 'not_completed', minimum: 0 }
		],
		bandsArticle: article,
		note: null,
		conditions: CONDITION_CATALOGUE.filter((condition) =>
			rules.conditions.includes(conditionKey(condition))
		).map((condition) => ({ ...condition, article }) as GradeCondition),
		cap:
			rules.capPercent === null
				? null
				: {
						ratio: { numerator: rules.capPercent, denominator: 100 },
						rounding: 'floor',
						scope: rules.capScope,
						source
					}
	};
}

export type CustomRulesProblem = 'source' | 'minimums' | 'cap';

/** Bands must rise strictly (0 < completed < good < excellent ≤ 100); a cap is 1–100 %. */
export function customRulesProblems(rules: CustomAppraisalRules): CustomRulesProblem[] {
	const problems: CustomRulesProblem[] = [];
	if (!rules.source.trim()) problems.push('source');
	const [excellent, good, completed] = rules.minimums;
	const whole = rules.minimums.every((minimum) => Number.isInteger(minimum));
	if (!whole || !(0 < completed && completed < good && good < excellent && excellent <= 100))
		problems.push('minimums');
	if (
		rules.capPercent !== null &&
		!(Number.isInteger(rules.capPercent) && rules.capPercent >= 1 && rules.capPercent <= 100)
	)
		problems.push('cap');
	return problems;
}
