/**
 * Recording one person's grade conditions, shared by the conditions page (before the vote) and
 * the results page (after it): each page's form posts to the page itself, so both work without
 * JavaScript and answer alike.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { GradeCondition } from '$lib/tally/appraisal-presets';
import { factsNeeded } from '$lib/tally/conditions';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { recordConditions } from '$lib/server/results/grades';
import { organiserSession } from '$lib/server/sessions/access';
import { conditionsSchema, SHARE_FACTS, TICK_FACTS, type ConditionFact } from './schema';

type ActionEvent = Pick<RequestEvent, 'locals' | 'url' | 'params' | 'request'>;

/** The facts a preset's conditions read, in the order the form asks them. */
export function factsAsked(conditions: readonly GradeCondition[]): ConditionFact[] {
	const needed = factsNeeded(conditions);
	return [...SHARE_FACTS, ...TICK_FACTS].filter((fact) => needed.has(fact));
}

const refusal = {
	published: [409, m.conditions_published],
	finals_confirmed: [409, m.conditions_finals_confirmed],
	not_found: [404, m.subject_not_found],
	invalid: [400, m.validation_invalid]
} as const;

export async function conditionsAction(event: ActionEvent) {
	const { user, session } = organiserSession(event);
	if (session.rules.kind !== 'appraisal') error(404, m.error_not_found());
	const schema = conditionsSchema(factsNeeded(session.rules.preset.conditions));
	const form = parseForm(schema, await event.request.formData());
	const answer = { action: 'conditions' as const, subjectId: form.values.subjectId ?? '' };
	if (!form.ok) return fail(400, { ...answer, errors: form.errors, values: form.values });
	const { subjectId, record } = form.data;
	const change = recordConditions(db(), session, user.id, subjectId, record);
	if (change === 'ok') return { ...answer, saved: true };
	const [status, message] = refusal[change];
	return fail(status, { ...answer, errors: errorOn('conditions', message()), values: form.values });
}
