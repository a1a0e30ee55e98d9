import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { dateEntry, wholeNumber } from '../form-fields';

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
