import { describe, expect, it } from 'vitest';
import {
	calendarDateParts,
	clockParts,
	formatDate,
	formatDateTime,
	formatHundredths,
	formatInteger,
	formatPercentHundredths,
	isoDateIn
} from './format';

describe('formatDate', () => {
	it('writes day/month/year in Vietnamese and English', () => {
		expect(formatDate('2026-11-22', 'vi')).toBe('22/11/2026');
		expect(formatDate('2026-11-22', 'en')).toBe('22/11/2026');
	});

	it('keeps the calendar date whatever the server time zone', () => {
		expect(formatDate('2026-01-01', 'vi')).toBe('01/01/2026');
		expect(formatDate('2026-12-31', 'vi')).toBe('31/12/2026');
	});
});

describe('formatPercentHundredths', () => {
	it('uses a decimal comma and a spaced sign in Vietnamese', () => {
		expect(formatPercentHundredths(9010, 'vi')).toBe('90,10 %');
		expect(formatPercentHundredths(82, 'vi')).toBe('0,82 %');
		expect(formatPercentHundredths(10000, 'vi')).toBe('100,00 %');
		expect(formatPercentHundredths(0, 'vi')).toBe('0,00 %');
	});

	it('uses a decimal point in English', () => {
		expect(formatPercentHundredths(9010, 'en')).toBe('90.10%');
		expect(formatPercentHundredths(701, 'en')).toBe('7.01%');
	});
});

describe('formatHundredths and formatInteger', () => {
	it('groups thousands the local way', () => {
		expect(formatInteger(1234567, 'vi')).toBe('1.234.567');
		expect(formatInteger(1234567, 'en')).toBe('1,234,567');
		expect(formatHundredths(123456, 'vi')).toBe('1.234,56');
		expect(formatHundredths(-250, 'en')).toBe('-2.50');
	});
});

describe('isoDateIn', () => {
	it('gives the calendar date in Vietnam, seven hours ahead of UTC', () => {
		expect(isoDateIn(new Date('2026-11-22T16:59:00Z'))).toBe('2026-11-22');
		expect(isoDateIn(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
	});
});

describe('formatDateTime', () => {
	it('shows the time in Vietnam whatever the server time zone', () => {
		expect(formatDateTime(new Date('2026-11-22T01:30:00Z'), 'vi')).toBe('08:30 22/11/2026');
	});
});

describe('date parts for "ngày … tháng … năm …"', () => {
	it('splits a calendar date, keeping two-digit day and month', () => {
		expect(calendarDateParts('2026-02-05')).toEqual({ day: '05', month: '02', year: '2026' });
	});

	it('reads a moment on Vietnam’s clock, across midnight UTC', () => {
		expect(clockParts(new Date('2026-12-01T17:30:00Z'))).toEqual({
			day: '02',
			month: '12',
			year: '2026',
			hour: '00',
			minute: '30'
		});
		expect(clockParts(new Date('2026-12-01T03:05:00Z'))).toMatchObject({
			hour: '10',
			minute: '05'
		});
	});
});
