/**
 * Confirming a count and publishing it, shared by the session page and the results page: each
 * page's forms post to the page itself, so both work without JavaScript and answer alike.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { capBreachText } from '$lib/wording';
import type { AuthenticatedUser } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import {
	awaitedConfirmations,
	confirmations,
	confirmCount,
	publish
} from '$lib/server/results/publication';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import type { SessionView } from '$lib/server/sessions/lifecycle';
import { confirmSchema } from './schema';

type ActionEvent = Pick<RequestEvent, 'locals' | 'url' | 'params' | 'request'>;

/** The committee's confirmations so far, who has yet to give one, and how many publishing needs. */
export function publicationState(session: SessionView, user: AuthenticatedUser) {
	const confirmed = confirmations(db(), session.id);
	return {
		confirmations: confirmed,
		awaited: awaitedConfirmations(db(), session.id),
		required: session.confirmationsRequired,
		confirmedByMe: confirmed.some((entry) => entry.userId === user.id)
	};
}

/**
 * A tally-committee member confirms the count of a closed session. The organiser reaches this
 * page too, and is told plainly that only the committee confirms (results/publication.ts).
 */
export function confirmAction(event: ActionEvent) {
	const { user, session } = countingSession(event);
	const result = confirmCount(db(), session.id, user.id);
	if (result === 'not_committee') {
		return fail(403, {
			action: 'confirm' as const,
			errors: errorOn('confirm', m.confirm_committee_only())
		});
	}
	if (result === 'not_closed') {
		// A published count is final: no confirmation is added to it.
		const message = session.publishedAt ? m.results_final() : m.close_not_open();
		return fail(409, { action: 'confirm' as const, errors: errorOn('confirm', message) });
	}
	return { action: 'confirm' as const, saved: true };
}

/** The organiser publishes, once the count has the confirmations asked for. */
export async function publishAction(event: ActionEvent) {
	const { user, session } = organiserSession(event);
	const form = parseForm(confirmSchema(), await event.request.formData());
	if (!form.ok) return fail(400, { action: 'publish' as const, errors: form.errors });
	const published = publish(db(), session.id, user.id);
	if (!published.ok) {
		const message =
			published.reason === 'needs_confirmations'
				? m.publish_needs_confirmations({ have: published.have, need: published.need })
				: published.reason === 'cap'
					? `${capBreachText(published.breaches)} ${m.cap_breached_not_published()}`
					: published.reason === 'already'
						? m.already_published()
						: m.results_not_closed();
		return fail(409, { action: 'publish' as const, errors: errorOn('publish', message) });
	}
	return { action: 'publish' as const, saved: true };
}
