import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { GRADES } from '$lib/tally/grades';
import { MAX_CORRECTION_LENGTH, MAX_REASON_LENGTH } from '$lib/server/results/amendments';
import { MIN_REASON_LENGTH } from '$lib/server/results/grades';
import { wholeNumber } from '../../form-fields';

const optionalGrade = z
	.union([z.literal(''), z.enum(GRADES)])
	.transform((value) => (value === '' ? null : value));

export const gradesSchema = z.object({
	subjectId: z.string().min(1).max(64),
	selfGrade: optionalGrade,
	proposedGrade: optionalGrade,
	finalGrade: optionalGrade,
	finalReason: z.string().trim().max(1000).optional().default('')
});

/** A higher rate set by the competent level: whole percent, with the document that sets it. */
export const capRateSchema = z.object({
	percent: wholeNumber(m.cap_rate_required, 1, 100),
	document: z
		.string()
		.trim()
		.min(1, { error: () => m.cap_rate_document_required() })
		.max(300)
});

/**
 * An amendment of a published result: a correction in words, a person's corrected grade, or both,
 * always with its reason. A person without a grade (or a grade without a person) is no amendment.
 */
export const amendmentSchema = z
	.object({
		correction: z.string().trim().max(MAX_CORRECTION_LENGTH).optional().default(''),
		reason: z
			.string()
			.trim()
			.min(MIN_REASON_LENGTH, { error: () => m.amendment_reason_required() })
			.max(MAX_REASON_LENGTH),
		subjectId: z.string().max(64).optional().default(''),
		gradeAfter: optionalGrade.optional().default(null)
	})
	.superRefine((form, context) => {
		if (Boolean(form.subjectId) !== Boolean(form.gradeAfter)) {
			const path = [form.subjectId ? 'gradeAfter' : 'subjectId'];
			context.addIssue({ code: 'custom', path, message: m.amendment_grade_incomplete() });
		} else if (!form.subjectId && !form.correction) {
			context.addIssue({ code: 'custom', path: ['correction'], message: m.amendment_nothing() });
		}
	});
