import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { UserRole } from '$lib/server/db/schema';
import type { AuthenticatedUser } from './session';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * Called by the `guard` hook for whole route groups and again inside every load and action
 * that needs an account, so that a route moved out of its group stays protected.
 */
export function requireUser(event: GuardEvent): AuthenticatedUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

export function requireRole(event: GuardEvent, ...roles: UserRole[]): AuthenticatedUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, m.error_forbidden());
	return user;
}

/** Only same-site paths are followed after login, never `//host` or `https://…`. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return fallback;
	}
	return next;
}
