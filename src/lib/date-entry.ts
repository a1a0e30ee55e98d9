/**
 * A calendar date as people type it: day, month, year, whatever the browser's language. Pure.
 *
 * Read: `2/12/2026`, `02/12/2026`, `02-12-2026`, `02.12.2026` (one separator, used twice, spaces
 * allowed around it), `02122026` (eight digits: a phone's numeric keypad may have no separator),
 * and ISO `2026-12-02` (what date pickers, scripts and older forms send; a four-digit first part
 * cannot be a day). Full-width digits and slashes from an Asian input method are read as ASCII.
 *
 * Refused, each with its own reason: a two-digit year (`2/12/26`): the date goes into an official
 * record, so the century is never guessed, but the answer offers the four-digit reading; a year
 * outside 1900–2100 (a mistyped `0226` or `2206`); a month outside 1–12; a day the month does not
 * have (31/02, 29/02 outside a leap year, by the Gregorian rule).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type DateEntryProblem =
	| { problem: 'empty' }
	| { problem: 'format' }
	| { problem: 'short_year'; suggestion: string }
	| { problem: 'year_range'; year: number }
	| { problem: 'month'; month: number }
	| { problem: 'day'; day: number; month: number; year: number; days: number };

export type DateEntry = { ok: true; iso: string } | ({ ok: false } & DateEntryProblem);

/** Each form names its parts; the first that matches the whole entry is read. */
const FORMS = [
	/^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$/,
	/^(?<day>\d{1,2})\s*(?<sep>[/.-])\s*(?<month>\d{1,2})\s*\k<sep>\s*(?<year>\d{2}|\d{4})$/,
	/^(?<day>\d{2})(?<month>\d{2})(?<year>\d{4})$/
];

export function isLeapYear(year: number): boolean {
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const two = (value: number) => String(value).padStart(2, '0');

function checked(day: number, month: number, year: number): DateEntry {
	if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'year_range', year };
	if (month < 1 || month > 12) return { ok: false, problem: 'month', month };
	const days = daysInMonth(year, month);
	if (day < 1 || day > days) return { ok: false, problem: 'day', day, month, year, days };
	return { ok: true, iso: `${year}-${two(month)}-${two(day)}` };
}

export function parseDateEntry(text: string): DateEntry {
	const entry = text.normalize('NFKC').trim();
	if (!entry) return { ok: false, problem: 'empty' };
	const typed = FORMS.map((form) => form.exec(entry)?.groups).find(Boolean);
	if (!typed) return { ok: false, problem: 'format' };
	const day = Number(typed.day);
	const month = Number(typed.month);
	const year = typed.year ?? '';
	if (year.length !== 2) return checked(day, month, Number(year));
	// Offer the four-digit reading only when it is a date at all.
	const reading = checked(day, month, 2000 + Number(year));
	return reading.ok
		? { ok: false, problem: 'short_year', suggestion: formatDateEntry(reading.iso) }
		: reading;
}

/** A stored ISO date (YYYY-MM-DD) as the field shows it: 02/12/2026. */
export function formatDateEntry(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
