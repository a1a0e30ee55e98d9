/**
 * Words for domain values, shared by pages and exports so that a mark or a band reads the same
 * everywhere. Message functions follow the current request's language.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { romanQuarter, type Period } from '$lib/periods';
import { formatHundredths, formatInteger } from '$lib/format';
import {
	INVALID_ROW,
	type ConfidenceMark,
	type CountedRow,
	type PercentBaseSize
} from '$lib/tally/confidence';
import { GRADE_ABBREVIATIONS, isGrade, type Grade } from '$lib/tally/grades';
import { readGradeAuditDetail } from '$lib/audit-detail';
import type { Fraction, Threshold } from '$lib/tally/fraction';
import {
	findAppraisalPreset,
	type ConditionRule,
	type GradeCondition
} from '$lib/tally/appraisal-presets';
import { lateShare, type ConditionFacts } from '$lib/tally/conditions';
import type { CapBreach } from '$lib/tally/cap';
import type { DisplayLocale } from '$lib/format';
import {
	findConfidencePreset,
	type ConfidenceBand,
	type ConfidencePreset,
	type LocalizedText
} from '$lib/tally/presets';

export function localized(text: LocalizedText): string {
	return text[getLocale()];
}

export const markLabel: Record<CountedRow, () => string> = {
	high: m.mark_high,
	confidence: m.mark_confidence,
	low: m.mark_low,
	blank: m.mark_blank,
	invalidRow: m.mark_invalid_row
};

export const stateLabel = {
	draft: m.state_draft,
	open: m.state_open,
	closed: m.state_closed
} as const;

export function fractionText(fraction: Fraction): string {
	return `${fraction.numerator}/${fraction.denominator}`;
}

function lowerText(bound: Threshold): string {
	return bound.inclusive
		? m.band_from({ fraction: fractionText(bound) })
		: m.band_over({ fraction: fractionText(bound) });
}

type BaseWording = Pick<ConfidencePreset, 'base' | 'issuer'>;

/** Of whom a percentage is taken: the ballots returned, or all members (deputies of a state body). */
function baseNoun({ base, issuer }: BaseWording): string {
	if (base === 'returned') return m.band_base_returned();
	return issuer === 'state' ? m.band_base_deputies() : m.band_base_members();
}

/** "Số phiếu tín nhiệm thấp trên 1/2 đến dưới 2/3 tổng số phiếu thu về", on the preset's base. */
export function bandCondition(
	band: Pick<ConfidenceBand, 'lower' | 'upper'>,
	preset: BaseWording
): string {
	const base = baseNoun(preset);
	const { lower, upper } = band;
	if (upper) {
		const to = upper.inclusive
			? m.band_up_to({ fraction: fractionText(upper) })
			: m.band_under({ fraction: fractionText(upper) });
		return m.band_condition({ range: m.band_range({ from: lowerText(lower), to }), base });
	}
	return lower.inclusive
		? m.band_condition_or_more({ fraction: fractionText(lower), base })
		: m.band_condition_over({ fraction: fractionText(lower), base });
}

/** "Tỷ lệ tính trên tổng số 24 phiếu thu về (Điều 6 khoản 3)": which base, its size, its article. */
export function baseSentence(
	base: PercentBaseSize,
	preset: Pick<ConfidencePreset, 'baseArticle' | 'issuer'>,
	locale = getLocale()
): string {
	const text = preset.baseArticle[locale];
	const figures = {
		size: formatInteger(base.size, locale),
		article: text ? m.base_article({ article: text }, { locale }) : ''
	};
	if (base.kind === 'returned') return m.base_returned(figures, { locale });
	return preset.issuer === 'state'
		? m.base_deputies(figures, { locale })
		: m.base_members(figures, { locale });
}

/** "Tỷ lệ và các mức tính trên tổng số phiếu thu về (Điều 6 khoản 3)": a preset's base, where offered. */
export function presetBaseText(preset: Pick<ConfidencePreset, 'base' | 'baseArticle' | 'issuer'>) {
	const text = localized(preset.baseArticle);
	const figures = { article: text ? m.base_article({ article: text }) : '' };
	if (preset.base === 'returned') return m.preset_about_base_returned(figures);
	return preset.issuer === 'state'
		? m.preset_about_base_deputies(figures)
		: m.preset_about_base_members(figures);
}

/** "24 phiếu thu về": the base in a spreadsheet cell. */
export function baseCell(base: PercentBaseSize, preset: Pick<ConfidencePreset, 'issuer'>): string {
	const size = base.size;
	if (base.kind === 'returned') return m.base_size_returned({ size });
	return preset.issuer === 'state' ? m.base_size_deputies({ size }) : m.base_size_members({ size });
}

const gradeNames: Record<Grade, typeof m.grade_excellent> = {
	excellent: m.grade_excellent,
	good: m.grade_good,
	completed: m.grade_completed,
	not_completed: m.grade_not_completed
};

/** "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)". */
export function gradeName(grade: Grade): string {
	return `${gradeNames[grade]()} (${GRADE_ABBREVIATIONS[grade]})`;
}

export function periodText(period: Period, locale = getLocale()): string {
	const options = { locale };
	switch (period.kind) {
		case 'quarter':
			return m.period_quarter_of_year(
				{ quarter: romanQuarter(period.quarter), year: period.year },
				options
			);
		case 'year':
			return m.period_whole_year({ year: period.year }, options);
		case 'term':
			return m.period_term({ label: period.label }, options);
	}
}

/** How a ballot option reads: a confidence mark, or a grade with its full name. */
export function choiceLabel(choice: string | null): string {
	if (!choice || choice === 'blank') return markLabel.blank();
	if (isGrade(choice)) return gradeName(choice);
	if (choice === INVALID_ROW) return markLabel.invalidRow();
	return markLabel[choice as ConfidenceMark]();
}

/** An audit entry in words; its detail is a count, a number or a reason, never a ballot. */
export function auditLabel(action: string, detail: string): string {
	switch (action) {
		case 'opened':
			return detail ? m.audit_opened_override({ reason: detail }) : m.audit_opened();
		case 'closed':
			return m.audit_closed();
		case 'cards_issued':
			return m.audit_cards_issued({ count: detail });
		case 'cards_voided':
			return m.audit_cards_voided({ count: detail });
		case 'paper_issued':
			return m.audit_paper_issued({ count: detail });
		case 'issued_beyond_present':
			return m.audit_issued_beyond_present({ reason: detail });
		case 'count_confirmed':
			return m.audit_count_confirmed();
		case 'published':
			return m.audit_published();
		case 'rule_corrected':
			return m.audit_rule_corrected({
				preset: (findConfidencePreset(detail)?.name ??
					findAppraisalPreset(detail)?.name ?? { vi: detail, en: detail })[getLocale()]
			});
		case 'confirmations_withdrawn':
			return m.audit_confirmations_withdrawn({ count: detail });
		case 'conditions_recorded':
			return m.audit_conditions_recorded({ name: detail });
		case 'cap_rate_recorded':
			return detail ? m.audit_cap_rate_recorded({ rate: detail }) : m.audit_cap_rate_cleared();
		case 'confirmations_required_changed':
			return m.audit_confirmations_required_changed({ change: detail });
		case 'committee_account_created':
			return m.audit_committee_account_created({ name: detail });
		case 'committee_link_renewed':
			return m.audit_committee_link_renewed({ name: detail });
		case 'committee_accounts_disabled':
			return m.audit_committee_accounts_disabled({ count: detail });
		case 'paper_ballot_entered':
			return m.audit_paper_ballot_entered({ count: detail });
		case 'grade_confirmed': {
			const { name, grade } = readGradeAuditDetail(detail);
			return grade
				? m.audit_grade_confirmed({ name, grade: gradeName(grade) })
				: m.audit_grade_cleared({ name });
		}
		case 'amended':
			return m.audit_amended({ detail });
		default:
			return action;
	}
}

/** A grade's full name in a given language, for exports. */
export function gradeNameIn(grade: Grade, locale: DisplayLocale): string {
	return `${gradeNames[grade]({}, { locale })} (${GRADE_ABBREVIATIONS[grade]})`;
}

/** What a condition asks: "ít nhất 30% nhiệm vụ hoàn thành vượt mức" (its article aside). */
export function conditionRequirement(condition: ConditionRule, locale = getLocale()): string {
	const options = { locale };
	switch (condition.kind) {
		case 'share_at_least': {
			const percent = condition.percent;
			if (condition.share === 'completed') return m.condition_share_completed({ percent }, options);
			if (condition.share === 'on_time') return m.condition_share_on_time({ percent }, options);
			return m.condition_share_exceeded({ percent }, options);
		}
		case 'late_at_most':
			return m.condition_late_at_most({ percent: condition.percent }, options);
		case 'shortcomings_fixed':
			return m.condition_shortcomings_fixed({}, options);
		case 'no_finding':
			if (condition.finding === 'discipline') return m.condition_no_discipline({}, options);
			if (condition.finding === 'degradation') return m.condition_no_degradation({}, options);
			return m.condition_no_corruption({}, options);
	}
}

/** "Để được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên: … (Điều 11 khoản 2)": a preset's condition. */
export function conditionRule(condition: GradeCondition, locale = getLocale()): string {
	return m.condition_rule(
		{
			grade: gradeNames[condition.keeps]({}, { locale }),
			requirement: conditionRequirement(condition, locale),
			article: condition.article[locale]
		},
		{ locale }
	);
}

/** A share as recorded: "20%", or over several quarters their mean, "27,5%". */
function shareText(sum: number, periods: number, locale: DisplayLocale): string {
	return periods === 1
		? `${formatInteger(sum, locale)}%`
		: `${formatHundredths(Math.floor((sum * 100) / periods), locale)}%`;
}

/** What was recorded for the fact a condition reads. */
function recordedText(
	condition: GradeCondition,
	facts: ConditionFacts,
	locale: DisplayLocale
): string {
	const options = { locale };
	switch (condition.kind) {
		case 'share_at_least': {
			const field = condition.share === 'on_time' ? 'onTime' : condition.share;
			return shareText(facts[field], facts.periods, locale);
		}
		case 'late_at_most':
			return shareText(lateShare(facts), facts.periods, locale);
		case 'shortcomings_fixed':
			return m.condition_recorded_not_fixed({}, options);
		case 'no_finding':
			return m.condition_recorded_finding({}, options);
	}
}

/**
 * Why a condition capped a grade: "Không đạt mức “Hoàn thành xuất sắc nhiệm vụ”: cần ít nhất 30%
 * nhiệm vụ hoàn thành vượt mức; ghi nhận 20% (Quy định 366-QĐ/TW, Điều 11 khoản 1)."
 */
export function conditionCapReason(
	condition: GradeCondition,
	facts: ConditionFacts,
	locale = getLocale()
): string {
	return m.condition_cap(
		{
			grade: gradeNames[condition.keeps]({}, { locale }),
			requirement: conditionRequirement(condition, locale),
			recorded: recordedText(condition, facts, locale),
			article: condition.article[locale]
		},
		{ locale }
	);
}

/**
 * "Nhóm “Kế toán”: 3 … so với 11 …, vượt giới hạn: tối đa 2 …" for each group whose grades break
 * the cap (group '' is the one default group).
 */
export function capBreachText(breaches: readonly CapBreach[]): string {
	return breaches
		.map((breach) => {
			const values = { ...breach, group: breach.group || m.duty_group_default() };
			// "Tối đa 0 người" reads as a slip: say that nobody may be graded excellent.
			return breach.allowed === 0 ? m.cap_breached_none(values) : m.cap_breached(values);
		})
		.join(' ');
}
