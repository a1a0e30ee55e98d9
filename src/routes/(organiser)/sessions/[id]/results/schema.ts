import { z } from 'zod';
import { GRADES } from '$lib/tally/grades';

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
