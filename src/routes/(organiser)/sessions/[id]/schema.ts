import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { dateEntry } from '../form-fields';

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

/** A reason the organiser may give; when given, at least 10 characters to say something. */
export const optionalReason = () =>
	z
		.string()
		.trim()
		.max(500)
		.refine((reason) => reason === '' || reason.length >= 10, {
			error: () => m.open_override_reason_too_short()
		})
		.optional()
		.default('');

export const attendanceSchema = z.object({
	present: wholeNumber(m.attendance_required, 0, 100_000)
});

export const openSchema = () => z.object({ overrideReason: optionalReason() });

/** Irreversible steps need a ticked confirmation, which works with and without JavaScript. */
export const confirmSchema = () =>
	z.object({ confirm: z.literal('yes', { error: () => m.confirm_required() }) });

/** The next period's meeting date, asked when cloning an appraisal. */
export const cloneSchema = () => z.object({ meetingDate: dateEntry() });
