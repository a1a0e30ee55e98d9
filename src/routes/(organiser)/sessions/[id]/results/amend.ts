/**
 * Amending a published result from its results page: the form's answer, or why it was refused
 * on the field it concerns, in the user's language.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { capBreachText } from '$lib/wording';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { amendResult, type AmendResult } from '$lib/server/results/amendments';
import { visibility } from '$lib/server/results/gate';
import { organiserSession } from '$lib/server/sessions/access';
import { amendmentSchema } from './schema';

type ActionEvent = Pick<RequestEvent, 'locals' | 'url' | 'params' | 'request'>;

const refusal: Record<Exclude<AmendResult, 'ok' | object>, [number, string, () => string]> = {
	not_found: [404, 'subjectId', m.subject_not_found],
	not_published: [409, 'amendment', m.amendment_not_published],
	reason_required: [400, 'reason', m.amendment_reason_required],
	nothing_amended: [400, 'correction', m.amendment_nothing],
	unchanged: [409, 'gradeAfter', m.amendment_unchanged]
};

export async function amendAction(event: ActionEvent) {
	const { user, session } = organiserSession(event);
	if (!visibility('counters', session).results) error(409, m.results_not_closed());
	const form = parseForm(amendmentSchema, await event.request.formData());
	const answer = { action: 'amend' as const, values: form.values };
	if (!form.ok) return fail(400, { ...answer, errors: form.errors });
	const { reason, correction, subjectId, gradeAfter } = form.data;
	const grade = subjectId && gradeAfter ? { subjectId, after: gradeAfter } : null;
	const change = amendResult(db(), session, user.id, { reason, correction, grade });
	if (change === 'ok') return { action: 'amend' as const, saved: true };
	if (typeof change === 'object') {
		const message = `${capBreachText(change.breaches)} ${m.amendment_cap_refused()}`;
		return fail(409, { ...answer, errors: errorOn('gradeAfter', message) });
	}
	const [status, field, message] = refusal[change];
	return fail(status, { ...answer, errors: errorOn(field, message()) });
}
