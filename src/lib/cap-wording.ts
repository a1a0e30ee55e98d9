/**
 * The cap on excellent grades in words, from the core's figures (tally/cap.ts): the collective's
 * counts and how many may stay excellent, without formula notation. The results page and the
 * minutes say it alike.
 */
import { formatInteger } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import type { CapOutcome } from '$lib/tally/cap';
import type { Fraction } from '$lib/tally/fraction';
import { fractionText } from '$lib/wording';

type CapFigures = Pick<CapOutcome, 'allowed' | 'candidates' | 'goodBefore'>;

/** 1/5 → "20 %"; a share that is no whole percent stays a fraction. */
export function capShare(ratio: Fraction, locale: Locale = getLocale()): string {
	const percent = (100 * ratio.numerator) / ratio.denominator;
	if (!Number.isInteger(percent)) return fractionText(ratio);
	return `${formatInteger(percent, locale)}${locale === 'vi' ? ' %' : '%'}`;
}

/**
 * The collective's counts, then how many may stay excellent and why. Those moved down join the
 * good, so the limit is taken of everyone graded excellent or good together.
 */
export function capExplanation(
	cap: CapFigures,
	ratio: Fraction,
	locale: Locale = getLocale()
): string {
	const percent = capShare(ratio, locale);
	const { allowed, candidates, goodBefore: good } = cap;
	const total = candidates + good;
	const limit =
		candidates === 0
			? m.cap_no_change({}, { locale })
			: allowed >= candidates
				? m.cap_within({ candidates, good, percent }, { locale })
				: allowed === 0
					? m.cap_allowed_none({ total, rest: total - 1, percent }, { locale })
					: m.cap_allowed({ total, allowed, rest: total - allowed, percent }, { locale });
	return `${m.cap_counts({ candidates, good }, { locale })} ${limit}`;
}

/** A duty group's name; the one default group reads "Chung". */
export function dutyGroupName(group: string, locale: Locale = getLocale()): string {
	return group || m.duty_group_default({}, { locale });
}
