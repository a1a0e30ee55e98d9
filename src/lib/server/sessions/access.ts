import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireRole, requireUser } from '../auth/guard';
import { isCommitteeMember } from './committee';
import type { AuthenticatedUser } from '../auth/session';
import { db } from '../db';
import { findVoteSession, sessionById, type SessionView } from './lifecycle';

type SessionEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** Organisers and administrators run sessions; tally-committee accounts do not. */
export function requireOrganiser(event: Pick<RequestEvent, 'locals' | 'url'>): AuthenticatedUser {
	return requireRole(event, 'organiser', 'admin');
}

/**
 * The session named in the URL, if this user may manage it. Someone else's session answers 404,
 * exactly like a session that does not exist.
 */
export function organiserSession(event: SessionEvent): {
	user: AuthenticatedUser;
	session: SessionView;
} {
	const user = requireOrganiser(event);
	const session = findVoteSession(db(), user, event.params.id ?? '');
	if (!session) error(404, m.error_not_found());
	return { user, session };
}

/**
 * A session for counting work: its organiser (or an administrator) and the tally-committee
 * accounts named on it may enter paper ballots, see the count and confirm it.
 */
export function countingSession(event: SessionEvent): {
	user: AuthenticatedUser;
	session: SessionView;
	role: 'organiser' | 'committee';
} {
	const user = requireUser(event);
	const id = event.params.id ?? '';
	if (user.role !== 'tally') {
		const session = findVoteSession(db(), user, id);
		if (session) return { user, session, role: 'organiser' };
	} else if (isCommitteeMember(db(), id, user.id)) {
		const session = sessionById(db(), id);
		if (session) return { user, session, role: 'committee' };
	}
	error(404, m.error_not_found());
}
