import { stringify } from 'csv-stringify/sync';
import { m } from '$lib/paraglide/messages.js';
import { bandCondition, localized, markLabel } from '$lib/wording';
import type { ConfidenceReport } from '../results';

/** Excel reads UTF-8 (and so Vietnamese diacritics) only when the file starts with a BOM. */
const BYTE_ORDER_MARK = '\uFEFF';

/** Hundredths of a percent as a plain decimal number ("90.10"), for any spreadsheet to read. */
function decimal(hundredths: number | null): string {
	if (hundredths === null) return '';
	return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** One row per person, in ballot order, with counts, percentages of the people convened and band. */
export function confidenceCsv({ subjects, result }: ConfidenceReport): string {
	const marks = ['high', 'confidence', 'low', 'blank'] as const;
	const header = [
		m.results_number(),
		m.subject_full_name(),
		m.subject_job_title(),
		...marks.flatMap((mark) => [markLabel[mark](), m.csv_percent_of({ label: markLabel[mark]() })]),
		m.totals_convened(),
		m.results_band(),
		m.csv_consequence()
	];
	const byId = new Map(result.subjects.map((row) => [row.id, row]));
	const rows = subjects.map((person, index) => {
		const row = byId.get(person.id);
		return [
			index + 1,
			person.fullName,
			person.jobTitle,
			...marks.flatMap((mark) => [row?.counts[mark] ?? 0, decimal(row?.percent[mark] ?? null)]),
			result.convened,
			row?.band ? bandCondition(row.band) : '',
			row?.band ? localized(row.band.consequence) : ''
		];
	});
	return BYTE_ORDER_MARK + stringify([header, ...rows], { record_delimiter: 'windows' });
}
