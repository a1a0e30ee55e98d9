import type { Cookies } from '@sveltejs/kit';

/**
 * The one-time link's token, carried from /welcome/[token] to /welcome so that it leaves the
 * address bar and the history at once, as a ballot card's does. HttpOnly, scoped to /welcome,
 * and short-lived: a member sets their password within the hour or opens the link again.
 */
const COOKIE = 'phieukin_setup';
const LIFETIME_SECONDS = 60 * 60;

export function setSetupCookie(cookies: Cookies, token: string, secure: boolean): void {
	cookies.set(COOKIE, token, {
		path: '/welcome',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: LIFETIME_SECONDS
	});
}

export function readSetupCookie(cookies: Cookies): string {
	return cookies.get(COOKIE) ?? '';
}

export function clearSetupCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(COOKIE, { path: '/welcome', httpOnly: true, sameSite: 'lax', secure });
}
