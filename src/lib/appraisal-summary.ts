/**
 * An appraisal preset in words, as the session form and the session page show it: the score
 * bands, each condition, the cap with its rate, scope and source, a rate the competent level set
 * for the session, and the preset's note on what its texts leave open.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatHundredths, formatInteger, type DisplayLocale } from '$lib/format';
import { capCountsPerGroup, type AppraisalPreset } from '$lib/tally/appraisal-presets';
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
	/** The preset's cap, rate and scope in one sentence, or that it sets none. */
	cap: string;
	capSource: string | null;
	/** A rate the competent level set and the session recorded (higher, or where none is set). */
	recordedRate: string | null;
	/** What the texts behind the preset leave open or unverified. */
	note: string | null;
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

function scopeText(perGroup: boolean, locale: DisplayLocale): string {
	return perGroup
		? m.appraisal_cap_scope_duty_group({}, { locale })
		: m.appraisal_cap_scope_unit({}, { locale });
}

function capText(preset: AppraisalPreset, locale: DisplayLocale): string {
	if (!preset.cap) return m.appraisal_cap_none({}, { locale });
	return m.appraisal_cap_rule(
		{
			rate: ratePercent(preset.cap.ratio, locale),
			scope: scopeText(capCountsPerGroup(preset), locale)
		},
		{ locale }
	);
}

function recordedText(
	preset: AppraisalPreset,
	recorded: RecordedCapRate,
	locale: DisplayLocale
): string {
	return m.appraisal_cap_recorded(
		{
			rate: `${formatInteger(recorded.percent, locale)}%`,
			scope: scopeText(capCountsPerGroup(preset), locale),
			document: recorded.document
		},
		{ locale }
	);
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
		recordedRate: recorded ? recordedText(preset, recorded, locale) : null,
		note: preset.note ? preset.note[locale] : null
	};
}
