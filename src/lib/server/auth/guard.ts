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

/** Any base will do: only whether a path stays on it matters, not which host it is. */
const BASE = 'http://phieukin.invalid';
/** Browsers drop tabs and newlines and read `\` as `/`: `/<tab>/host` and `/\host` mean `//host`. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/**
 * A path to follow after login or a language change: only one on this site, as the browser will
 * read it, else the fallback. The normalised path is checked too: `/.//host` becomes `//host`.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
	if (!next?.startsWith('/') || UNSAFE.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	return url.origin === BASE && !path.startsWith('//') ? path : fallback;
}
