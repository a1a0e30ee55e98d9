/**
 * The session form shared by "new" and "edit": the meeting, then the rules of its kind.
 */
import { z } from 'zod';
import { formatDateEntry } from '$lib/date-entry';
import type { FieldValues } from '$lib/forms';
import type { SessionKind } from '$lib/server/db/schema';
import type { SessionDetails } from '$lib/server/sessions/lifecycle';
import { appraisalRules, appraisalRulesShape, appraisalRulesValues } from './appraisal-rules';
import { confidencePreset, confidenceRulesShape, confidenceRulesValues } from './confidence-rules';
import { m } from '$lib/paraglide/messages.js';
import { dateEntry, timeEntry, wholeNumber } from './form-fields';

const meetingShape = {
	title: z.string().trim().min(1).max(200),
	organisation: z.string().trim().min(1).max(200),
	meetingDate: dateEntry(),
	meetingTime: timeEntry(),
	place: z.string().trim().min(1).max(200),
	// Empty is "required", not "at least 1": the form leaves the check to the server.
	convened: wholeNumber(m.validation_required, 1, 100_000),
	kind: z.string().optional()
};

type Meeting = Omit<SessionDetails, 'rules'>;

function meeting(form: z.output<z.ZodObject<typeof meetingShape>>): Meeting {
	return {
		title: form.title,
		organisation: form.organisation,
		meetingDate: form.meetingDate,
		meetingTime: form.meetingTime || null,
		place: form.place,
		convened: form.convened
	};
}

export interface SessionForm {
	details: SessionDetails;
	/** For score sheets: which criteria to use (the default, the current ones, a saved template). */
	templateId: string | null;
}

export function sessionFormSchema(kind: SessionKind) {
	if (kind === 'confidence') {
		return z
			.object({ ...meetingShape, ...confidenceRulesShape })
			.transform((form, context): SessionForm => ({
				details: { ...meeting(form), rules: { kind, preset: confidencePreset(form, context) } },
				templateId: null
			}));
	}
	return z
		.object({ ...meetingShape, ...appraisalRulesShape })
		.transform((form, context): SessionForm => ({
			details: { ...meeting(form), rules: appraisalRules(form, context) },
			templateId: form.mode === 'scores' ? form.templateId || null : null
		}));
}

/** The form's values for an existing session, to edit it. */
export function sessionFormValues(session: SessionDetails): FieldValues {
	const rules = session.rules;
	return {
		kind: rules.kind,
		title: session.title,
		organisation: session.organisation,
		meetingDate: formatDateEntry(session.meetingDate),
		meetingTime: session.meetingTime ?? '',
		place: session.place,
		convened: String(session.convened),
		...(rules.kind === 'confidence'
			? confidenceRulesValues(rules.preset)
			: appraisalRulesValues(rules))
	};
}
