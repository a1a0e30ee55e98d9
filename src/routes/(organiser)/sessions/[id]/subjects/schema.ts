import { z } from 'zod';
import { MAX_JOB_TITLE_LENGTH, MAX_NAME_LENGTH } from '$lib/subjects/paste';

export const subjectSchema = z.object({
	fullName: z.string().trim().min(1).max(MAX_NAME_LENGTH),
	jobTitle: z.string().trim().max(MAX_JOB_TITLE_LENGTH)
});

export const subjectIdSchema = z.object({ subjectId: z.string().min(1).max(64) });

export const editSubjectSchema = subjectSchema.extend(subjectIdSchema.shape);

export const moveSubjectSchema = subjectIdSchema.extend({ direction: z.enum(['up', 'down']) });

export const pasteSchema = z.object({ list: z.string().max(60_000) });
