import { z } from 'zod';
import { MAX_JOB_TITLE_LENGTH, MAX_NAME_LENGTH } from '$lib/subjects/paste';

/** A ticked box: the organiser's word that namesakes are different people. */
const sameName = z.literal('yes').optional();

const subjectSchema = z.object({
	fullName: z.string().trim().min(1).max(MAX_NAME_LENGTH),
	jobTitle: z.string().trim().max(MAX_JOB_TITLE_LENGTH)
});

export const addSubjectSchema = subjectSchema.extend({ sameName });

const subjectIdSchema = z.object({ subjectId: z.string().min(1).max(64) });

export const editSubjectSchema = subjectSchema.extend(subjectIdSchema.shape);

export const moveSubjectSchema = subjectIdSchema.extend({ direction: z.enum(['up', 'down']) });

/** Without `confirm` the page asks first; the question's own button sends it. */
export const removeSubjectSchema = subjectIdSchema.extend({ confirm: z.literal('yes').optional() });

export const pasteSchema = z.object({ list: z.string().max(60_000), sameName });
