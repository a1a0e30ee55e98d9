/**
 * A session's details, attendance, criteria and existence change only while it is a draft. The
 * change itself checks the state again inside its transaction (lifecycle.ts), since voting may
 * open in between; these say what the organiser gets when the session has moved on.
 */
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { errorOn } from '../http/forms';
import type { SessionView } from './lifecycle';

/** A page that only edits a draft sends the organiser back to the session once it has opened. */
export function redirectUnlessDraft(session: Pick<SessionView, 'id' | 'state'>): void {
	if (session.state !== 'draft') redirect(303, `/sessions/${session.id}`);
}

/**
 * A form action whose change was refused because the session is no longer a draft answers 409,
 * with the reason on the field the organiser was changing.
 */
export function notDraftFailure<Answer extends Record<string, unknown>>(
	field: string,
	answer: Answer
) {
	return fail(409, { ...answer, errors: errorOn(field, m.session_not_draft()) });
}
