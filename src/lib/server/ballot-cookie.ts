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

/**
 * The receipt travels to the confirmation page in a cookie of its own, so that it appears
 * neither in the address bar nor in the history; it lasts ten minutes.
 */
const RECEIPT_COOKIE = 'phieukin_receipt';

export function setReceiptCookie(
	cookies: Cookies,
	receipt: { code: string; listKey: string },
	secure: boolean
): void {
	cookies.set(RECEIPT_COOKIE, `${receipt.code}.${receipt.listKey}`, {
		path: '/v/done',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 10 * 60
	});
}

export function readReceiptCookie(cookies: Cookies): { code: string; listKey: string } | null {
	const match = cookies
		.get(RECEIPT_COOKIE)
		?.match(/^([0-9A-Z]{4}-[0-9A-Z]{4})\.([A-Za-z0-9_-]{22})$/);
	return match ? { code: match[1] as string, listKey: match[2] as string } : null;
}
