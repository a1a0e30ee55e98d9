import type { SessionView } from './lifecycle';

/**
 * What the organiser's and the counters' pages show about a session: its meeting and where it
 * stands. Never anything about its ballots, nor its owner or projector key (the session page
 * adds the key for its own link).
 */
export function displaySession(session: SessionView) {
	const { id, title, organisation, meetingDate, meetingTime, place, state, quorumOverrideReason } =
		session;
	return {
		id,
		title,
		organisation,
		meetingDate,
		meetingTime,
		place,
		state,
		quorumOverrideReason,
		published: session.publishedAt !== null
	};
}
