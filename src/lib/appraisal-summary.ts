/**
 * An appraisal preset in words, as the session form and the session page show it: the score
 * bands, each condition, the cap with its rate, scope and source, a higher rate recorded for the
 * session, and what in the texts behind the preset is not verified.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatHundredths, formatInteger, type DisplayLocale } from '$lib/format';
import { QD_366_2025, type AppraisalPreset } from '$lib/tally/appraisal-presets';
import type { RecordedCapRate } from '$lib/tally/cap';
import type { Fraction } from '$lib/tally/fraction';
import { conditionRule, gradeNameIn } from '$lib/wording';

export interface AppraisalSummary {
	name: string;
	source: string;
	/** "Hoàn thành xuất sắc nhiệm vụ (HTXSNV): từ 90 điểm", best grade first. */
	bands: string[];
	bandsArticle: string;
	/** Each condition with its article; empty when the grade rests on the score alone. */
	conditions: string[];
	/** The cap's rate and scope in one sentence, or that there is none. */
	cap: string;
	capSource: string | null;
	/** A higher rate set by the competent level and recorded for this session. */
	recordedRate: string | null;
	/** What the texts behind the preset leave unverified. */
	notes: string[];
}

/** "20%", or "33,33%" for a rate that is not a whole percent (none shipped is). */
function ratePercent(ratio: Fraction, locale: DisplayLocale): string {
	const hundredths = Math.floor((ratio.numerator * 10_000) / ratio.denominator);
	const text =
		hundredths % 100 === 0
			? formatInteger(hundredths / 100, locale)
			: formatHundredths(hundredths, locale);
	return `${text}%`;
}

function bandTexts(preset: AppraisalPreset, locale: DisplayLocale): string[] {
	const options = { locale };
	return preset.bands.map((band, index) => {
		const above = preset.bands[index - 1];
		const range =
			band.minimum > 0 || !above
				? m.score_from({ points: band.minimum }, options)
				: m.score_below({ points: above.minimum }, options);
		return `${gradeNameIn(band.grade, locale)}: ${range}`;
	});
}

function capText(preset: AppraisalPreset, locale: DisplayLocale): string {
	const options = { locale };
	if (!preset.cap) return m.appraisal_cap_none({}, options);
	const scope =
		preset.cap.scope === 'duty_group'
			? m.appraisal_cap_scope_duty_group({}, options)
			: m.appraisal_cap_scope_unit({}, options);
	return m.appraisal_cap_rule({ rate: ratePercent(preset.cap.ratio, locale), scope }, options);
}

/** Where QĐ 366's own texts are not verified, the preset stands on older or reported ones. */
function notes(preset: AppraisalPreset, locale: DisplayLocale): string[] {
	if (preset.id !== QD_366_2025.id) return [];
	const options = { locale };
	return [
		m.appraisal_note_qd366_cap({}, options),
		m.appraisal_note_qd366_not_completed({}, options)
	];
}

export function appraisalSummary(
	preset: AppraisalPreset,
	recorded: RecordedCapRate | null = null,
	locale: DisplayLocale = getLocale()
): AppraisalSummary {
	return {
		name: preset.name[locale],
		source: preset.source[locale],
		bands: bandTexts(preset, locale),
		bandsArticle: preset.bandsArticle[locale],
		conditions: preset.conditions.map((condition) => conditionRule(condition, locale)),
		cap: capText(preset, locale),
		capSource: preset.cap ? preset.cap.source[locale] : null,
		recordedRate:
			preset.cap && recorded
				? m.appraisal_cap_recorded(
						{ rate: `${formatInteger(recorded.percent, locale)}%`, document: recorded.document },
						{ locale }
					)
				: null,
		notes: notes(preset, locale)
	};
}
