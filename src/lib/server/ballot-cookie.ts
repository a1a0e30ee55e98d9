import type { Cookies } from '@sveltejs/kit';
import { decodeCardKey, encodeCardKey, type CardKey } from './ballots';

/**
 * The voter's card travels in a short-lived, HttpOnly cookie scoped to /v, so that the token
 * leaves the address bar and the history right after the scan.
 */
const COOKIE = 'phieukin_card';
const LIFETIME_SECONDS = 60 * 60;

export function setCardCookie(cookies: Cookies, key: CardKey, secure: boolean): void {
	cookies.set(COOKIE, encodeCardKey(key), {
		path: '/v',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: LIFETIME_SECONDS
	});
}

export function readCardCookie(cookies: Cookies): CardKey | null {
	return decodeCardKey(cookies.get(COOKIE));
}

export function hasCardCookie(cookies: Cookies): boolean {
	return cookies.get(COOKIE) !== undefined;
}

export function deleteCardCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(COOKIE, { path: '/v', httpOnly: true, sameSite: 'lax', secure });
}
