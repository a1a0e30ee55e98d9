/**
 * Display formatting for the two languages. Pure functions: no framework, no I/O.
 * Vietnamese writes 22/11/2026 and 90,10 % (decimal comma, a space before the sign).
 */
export type DisplayLocale = 'vi' | 'en';

const intlLocale: Record<DisplayLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Building an Intl formatter costs far more than using one: each is made once and kept. */
const formatters = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
	if (!formatters.has(key)) formatters.set(key, make());
	return formatters.get(key) as T;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
	cached(
		`date ${locale} ${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(locale, options)
	);

/** Day, month and year with two-digit day and month, as "ngày 02 tháng 12 năm 2026" writes them. */
export interface DateParts {
	day: string;
	month: string;
	year: string;
}

/** An ISO calendar date (YYYY-MM-DD) in parts. */
export function calendarDateParts(date: string): DateParts {
	const [year = '', month = '', day = ''] = date.split('-');
	return { day, month, year };
}

/** A moment in parts, on the meeting room's clock (Vietnam's time zone unless told otherwise). */
export function clockParts(
	date: Date,
	timeZone = 'Asia/Ho_Chi_Minh'
): DateParts & { hour: string; minute: string } {
	const parts = dateFormat('en-GB', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone
	}).formatToParts(date);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((candidate) => candidate.type === type)?.value ?? '';
	return {
		day: part('day'),
		month: part('month'),
		year: part('year'),
		hour: part('hour'),
		minute: part('minute')
	};
}

const integerFormat = (locale: string) =>
	cached(`integer ${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));

/** `date` is an ISO calendar date (YYYY-MM-DD) or a Date; shown as day/month/year in both. */
export function formatDate(date: string | Date, locale: DisplayLocale): string {
	const value = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
	return dateFormat(intlLocale[locale], {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: typeof date === 'string' ? 'UTC' : undefined
	}).format(value);
}

/** A moment as the meeting room's clock shows it (Vietnam's time zone unless told otherwise). */
export function formatDateTime(
	date: Date,
	locale: DisplayLocale,
	timeZone = 'Asia/Ho_Chi_Minh'
): string {
	return dateFormat(intlLocale[locale], {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(date);
}

export function formatInteger(value: number, locale: DisplayLocale): string {
	return integerFormat(intlLocale[locale]).format(value);
}

/**
 * A value held as an integer count of hundredths (9010 → 90.10), printed with exactly two
 * decimals without passing through floating point.
 */
export function formatHundredths(hundredths: number, locale: DisplayLocale): string {
	const sign = hundredths < 0 ? '-' : '';
	const magnitude = Math.abs(hundredths);
	const whole = formatInteger(Math.floor(magnitude / 100), locale);
	const fraction = String(magnitude % 100).padStart(2, '0');
	return `${sign}${whole}${locale === 'vi' ? ',' : '.'}${fraction}`;
}

/** A score held in hundredths, written as a unit writes it: 9200 → 92, 9250 → 92,5, 8725 → 87,25. */
export function formatScore(hundredths: number, locale: DisplayLocale): string {
	return formatHundredths(hundredths, locale).replace(/[.,]?0+$/u, '');
}

export function formatPercentHundredths(hundredths: number, locale: DisplayLocale): string {
	return `${formatHundredths(hundredths, locale)}${locale === 'vi' ? ' %' : '%'}`;
}

/** Today's calendar date (YYYY-MM-DD) where the meeting happens, Vietnam by default. */
export function isoDateIn(now: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
	return dateFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}
