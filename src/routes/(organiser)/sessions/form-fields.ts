import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR, parseDateEntry, type DateEntryProblem } from '$lib/date-entry';
import { m } from '$lib/paraglide/messages.js';
import { parseTimeEntry } from '$lib/time-entry';

/** A text field that may be left empty (empty string rather than missing). */
export const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

/**
 * A whole number typed into a form. An empty field is missing, not zero (`z.coerce.number()`
 * reads '' as 0), and says so in `required`'s words; anything else that is not a whole number
 * in range gets the app's own message, whatever the browser let through.
 */
export const wholeNumber = (required: () => string, min: number, max: number) =>
	z
		.string({ error: () => required() })
		.trim()
		.min(1, { error: () => required() })
		.pipe(
			z.coerce
				// Not a number at all; range issues keep the app's general messages.
				.number<string>({
					error: (issue) =>
						issue.code === 'invalid_type' ? m.validation_whole_number() : undefined
				})
				.int({ error: () => m.validation_whole_number() })
				.min(min)
				.max(max)
		);

function dateProblemText(entry: DateEntryProblem): string {
	switch (entry.problem) {
		case 'empty':
			return m.validation_required();
		case 'format':
			return m.validation_date_format();
		case 'short_year':
			return m.validation_date_short_year({ suggestion: entry.suggestion });
		case 'year_range':
			return m.validation_date_year_range({ year: entry.year, min: MIN_YEAR, max: MAX_YEAR });
		case 'month':
			return m.validation_date_month({ month: entry.month });
		case 'day':
			return m.validation_date_day(entry);
	}
}

/**
 * A date typed as day/month/year (see `DateField`), read into an ISO date (YYYY-MM-DD, the
 * column's format) or refused in the user's language, whatever the browser's.
 */
export const dateEntry = () =>
	z.string().transform((text, context) => {
		const entry = parseDateEntry(text);
		if (entry.ok) return entry.iso;
		context.addIssue({ code: 'custom', message: dateProblemText(entry) });
		return z.NEVER;
	});

/** An optional time typed as hours:minutes (24-hour clock), read into HH:MM or '' when left empty. */
export const timeEntry = () =>
	z
		.string()
		.optional()
		.default('')
		.transform((text, context) => {
			const entry = parseTimeEntry(text);
			if (entry.ok) return entry.time;
			if (entry.problem === 'empty') return '';
			context.addIssue({ code: 'custom', message: m.validation_time() });
			return z.NEVER;
		});
