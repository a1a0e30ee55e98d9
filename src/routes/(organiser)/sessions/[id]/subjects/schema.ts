import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { typedDutyGroup } from '$lib/subjects/duty-group';
import { MAX_DUTY_GROUP_LENGTH, MAX_JOB_TITLE_LENGTH, MAX_NAME_LENGTH } from '$lib/subjects/paste';
import { parseSelfGrade, parseSelfScore } from '$lib/subjects/self-assessment';

/** A ticked box: the organiser's word that namesakes are different people. */
const sameName = z.literal('yes').optional();

const subjectSchema = z.object({
	fullName: z.string().trim().min(1).max(MAX_NAME_LENGTH),
	jobTitle: z.string().trim().max(MAX_JOB_TITLE_LENGTH)
});

/** A field read as the same cell of a pasted table is, so that both accept the same text. */
const readAs = <T>(parse: (text: string) => T | 'invalid', message: () => string) =>
	z
		.string()
		.refine((text) => parse(text) !== 'invalid', { error: () => message() })
		.transform((text) => parse(text) as T);

/** An appraisal's person also has a duty group and a self-assessment (left out: unchanged). */
const appraisalFields = {
	dutyGroup: z
		.string()
		.transform(typedDutyGroup)
		.pipe(z.string().max(MAX_DUTY_GROUP_LENGTH))
		.optional(),
	selfScore: readAs(parseSelfScore, m.self_score_invalid).optional(),
	selfGrade: readAs(parseSelfGrade, m.validation_invalid).optional()
};

export const addSubjectSchema = subjectSchema.extend({ sameName });

export const addAppraisalSubjectSchema = addSubjectSchema.extend(appraisalFields);

const subjectIdSchema = z.object({ subjectId: z.string().min(1).max(64) });

export const editSubjectSchema = subjectSchema.extend(subjectIdSchema.shape);

export const editAppraisalSubjectSchema = editSubjectSchema.extend(appraisalFields);

export const moveSubjectSchema = subjectIdSchema.extend({ direction: z.enum(['up', 'down']) });

/** Without `confirm` the page asks first; the question's own button sends it. */
export const removeSubjectSchema = subjectIdSchema.extend({ confirm: z.literal('yes').optional() });

export const pasteSchema = z.object({ list: z.string().max(60_000), sameName });

/** An unticked box sends nothing: the ballot then leaves the self-assessment out. */
export const ballotOptionSchema = z.object({ selfAssessmentOnBallot: z.literal('yes').optional() });
