import { formatHundredths } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime.js';
import { floorHundredths, type Rational } from '$lib/tally/rational';

/** An exact mean in points, cut (not rounded) to hundredths as the scores are shown; '—' if none. */
export function points(value: Rational | null | undefined, locale = getLocale()): string {
	return value ? formatHundredths(floorHundredths(value), locale) : '—';
}
