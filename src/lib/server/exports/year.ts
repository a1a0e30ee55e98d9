/**
 * What the year's exports share: the view with its rules (a year without any counted quarter has
 * nothing to export), the day it is prepared on, its download name and how a quarter reads.
 */
import { clockParts, formatHundredths, type DateParts, type DisplayLocale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { romanQuarter } from '$lib/periods';
import { GRADE_ABBREVIATIONS } from '$lib/tally/grades';
import { floorHundredths, type Rational } from '$lib/tally/rational';
import type { Quarter, UnitYear, YearQuarter } from '../results/year';
import { downloadHeaders } from '.';

export type GradedYear = UnitYear & { rules: NonNullable<UnitYear['rules']> };

export interface YearDocument {
	view: GradedYear;
	/** The day the document is made, on the meeting room's clock. */
	prepared: DateParts;
}

export function yearDocument(view: UnitYear, now = new Date()): YearDocument | null {
	const { day, month, year } = clockParts(now);
	return view.rules ? { view: view as GradedYear, prepared: { day, month, year } } : null;
}

/** "2026-12-10 Xếp loại chất lượng năm 2026 Chi bộ Văn phòng.xlsx" (file-name.ts). */
export function yearDownloadHeaders(
	{ view, prepared }: YearDocument,
	extension: string,
	type: string
): Record<string, string> {
	const title = m.year_file_title({ year: view.year, unit: view.organisation });
	const meetingDate = `${prepared.year}-${prepared.month}-${prepared.day}`;
	return downloadHeaders({ meetingDate, title }, extension, type);
}

export const QUARTERS = [1, 2, 3, 4] as const satisfies readonly Quarter[];

/** Truncated to hundredths, as every score is shown. */
export const pointsText = (score: Rational, locale: DisplayLocale) =>
	formatHundredths(floorHundredths(score), locale);

/** "92,00 HTXSNV", or a grade vote's "HTTNV". */
export function quarterText(quarter: YearQuarter | null, locale: DisplayLocale): string {
	if (!quarter) return '—';
	return [
		quarter.score ? pointsText(quarter.score, locale) : '',
		quarter.grade ? GRADE_ABBREVIATIONS[quarter.grade] : ''
	]
		.filter(Boolean)
		.join(' ');
}

/** "Quý I", and "(chưa công bố)" for a quarter whose result is not yet published. */
export function quarterHeading(view: UnitYear, quarter: Quarter, locale: DisplayLocale): string {
	const name = m.chart_quarter({ quarter: romanQuarter(quarter) }, { locale });
	return view.unpublishedQuarters.includes(quarter)
		? `${name} (${m.year_unpublished({}, { locale })})`
		: name;
}
