/**
 * Words for domain values, shared by pages and exports so that a mark or a band reads the same
 * everywhere. Message functions follow the current request's language.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { romanQuarter, type Period } from '$lib/periods';
import type { ConfidenceMark } from '$lib/tally/confidence';
import { GRADE_ABBREVIATIONS, isGrade, type Grade } from '$lib/tally/grades';
import type { Fraction, Threshold } from '$lib/tally/fraction';
import type { ConfidenceBand, LocalizedText } from '$lib/tally/presets';

export function localized(text: LocalizedText): string {
	return text[getLocale()];
}

export const markLabel: Record<ConfidenceMark | 'blank', () => string> = {
	high: m.mark_high,
	confidence: m.mark_confidence,
	low: m.mark_low,
	blank: m.mark_blank
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

/** "Trên 1/2 đến dưới 2/3 tổng số người được triệu tập đánh giá tín nhiệm thấp". */
export function bandCondition(band: Pick<ConfidenceBand, 'lower' | 'upper'>): string {
	const range = band.upper
		? m.band_range({
				from: lowerText(band.lower),
				to: band.upper.inclusive
					? m.band_up_to({ fraction: fractionText(band.upper) })
					: m.band_under({ fraction: fractionText(band.upper) })
			})
		: band.lower.inclusive
			? m.band_or_more({ fraction: fractionText(band.lower) })
			: m.band_over({ fraction: fractionText(band.lower) });
	return m.band_condition({ range });
}

const gradeNames: Record<Grade, () => string> = {
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
		case 'count_confirmed':
			return m.audit_count_confirmed();
		case 'published':
			return m.audit_published();
		default:
			return action;
	}
}
