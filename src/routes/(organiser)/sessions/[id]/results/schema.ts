import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { GRADES } from '$lib/tally/grades';
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
