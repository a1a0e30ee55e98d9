import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDateEntry, isLeapYear, parseDateEntry } from './date-entry';

const iso = (text: string) => {
	const entry = parseDateEntry(text);
	return entry.ok ? entry.iso : entry.problem;
};

describe('parseDateEntry', () => {
	it('reads day, month, year with a slash, a hyphen or a dot, with or without leading zeros', () => {
		for (const text of ['02/12/2026', '2/12/2026', '02-12-2026', '2.12.2026', '02 / 12 / 2026']) {
			expect(iso(text), text).toBe('2026-12-02');
		}
		expect(iso('9/1/2027')).toBe('2027-01-09');
	});

	it('reads the day first even where an English browser would put the month first', () => {
		expect(iso('12/02/2026')).toBe('2026-02-12');
		expect(iso('02/12/2026')).toBe('2026-12-02');
	});

	it('reads eight digits as ddmmyyyy, for a keypad without a separator', () => {
		expect(iso('02122026')).toBe('2026-12-02');
		expect(iso('2122026')).toBe('format');
	});

	it('reads an ISO date, which cannot be taken for day-first', () => {
		expect(iso('2026-12-02')).toBe('2026-12-02');
		expect(iso('2026-2-9')).toBe('2026-02-09');
		expect(iso('2026/12/02')).toBe('format');
	});

	it('trims surrounding white space, including a non-breaking space pasted from a document', () => {
		expect(iso('  02/12/2026\t')).toBe('2026-12-02');
		expect(iso('\u00a002/12/2026\u00a0')).toBe('2026-12-02');
	});

	it('reads full-width digits and slashes (NFKC), and refuses digits of other scripts', () => {
		expect(iso('０２／１２／２０２６')).toBe('2026-12-02');
		expect(iso('٠٢/١٢/٢٠٢٦')).toBe('format');
	});

	it('refuses a mixed separator, a missing part, letters, or three-digit years', () => {
		for (const text of [
			'02/12-2026',
			'02/2026',
			'2 tháng 12 2026',
			'Dec 2 2026',
			'02/12/202',
			'002/12/2026',
			'02/12/20266'
		]) {
			expect(iso(text), text).toBe('format');
		}
	});

	it('says an empty or blank entry is empty', () => {
		expect(iso('')).toBe('empty');
		expect(iso('   ')).toBe('empty');
	});

	it('never guesses the century of a two-digit year, but offers the four-digit reading', () => {
		expect(parseDateEntry('2/12/26')).toEqual({
			ok: false,
			problem: 'short_year',
			suggestion: '02/12/2026'
		});
		// The reading is only offered when it is a real date.
		expect(parseDateEntry('31/02/26')).toMatchObject({ ok: false, problem: 'day', days: 28 });
	});

	it('refuses a day the month does not have, saying how many it has', () => {
		expect(parseDateEntry('31/02/2026')).toEqual({
			ok: false,
			problem: 'day',
			day: 31,
			month: 2,
			year: 2026,
			days: 28
		});
		expect(iso('31/04/2026')).toBe('day');
		expect(iso('30/04/2026')).toBe('2026-04-30');
		expect(iso('31/12/2026')).toBe('2026-12-31');
		expect(iso('0/12/2026')).toBe('day');
		expect(iso('32/01/2026')).toBe('day');
	});

	it('refuses a month outside 1–12', () => {
		expect(parseDateEntry('02/13/2026')).toEqual({ ok: false, problem: 'month', month: 13 });
		expect(iso('02/00/2026')).toBe('month');
	});

	it('takes 29 February in a leap year only, by the Gregorian rule', () => {
		expect(iso('29/02/2024')).toBe('2024-02-29');
		expect(iso('29/02/2028')).toBe('2028-02-29');
		expect(iso('29/02/2000')).toBe('2000-02-29');
		expect(iso('29/02/2026')).toBe('day');
		expect(iso('29/02/1900')).toBe('day');
		expect(iso('29/02/2100')).toBe('day');
	});

	it('refuses a year outside 1900–2100, a likely slip of the finger', () => {
		expect(parseDateEntry('02/12/0226')).toEqual({ ok: false, problem: 'year_range', year: 226 });
		expect(iso('02/12/2206')).toBe('year_range');
		expect(iso('01/01/1900')).toBe('1900-01-01');
		expect(iso('31/12/2100')).toBe('2100-12-31');
	});
});

describe('the calendar', () => {
	it('knows leap years and month lengths', () => {
		expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([
			false,
			true,
			true,
			false,
			false
		]);
		expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1))).toEqual([
			31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
		]);
	});
});

describe('formatDateEntry', () => {
	it('shows a stored date as dd/mm/yyyy, which reads back as the same date', () => {
		expect(formatDateEntry('2026-12-02')).toBe('02/12/2026');
		expect(iso(formatDateEntry('2024-02-29'))).toBe('2024-02-29');
	});
});
