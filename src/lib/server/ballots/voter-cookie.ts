import { createHmac, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { CardKey } from './cast';

/**
 * A voter's only cookie. Short-lived, HttpOnly and scoped to /v, it first holds the card (so
 * that the token leaves the address bar and the history right after the scan), then, once the
 * ballot is in, the receipt shown on the confirmation page in place of the card.
 */
const COOKIE = 'phieukin_card';
const CARD_LIFETIME_SECONDS = 60 * 60;
const RECEIPT_LIFETIME_SECONDS = 10 * 60;
const RECEIPT_VALUE = /^r\.([0-9A-Z]{4}-[0-9A-Z]{4})\.([A-Za-z0-9_-]{22})$/;

export function encodeCardKey(key: CardKey): string {
	return `${key.kind === 'token' ? 't' : 'c'}.${key.value}`;
}

export function decodeCardKey(cookie: string | undefined): CardKey | null {
	const match = cookie?.match(/^([tc])\.([A-Za-z0-9_-]{1,64})$/);
	if (!match) return null;
	return { kind: match[1] === 't' ? 'token' : 'code', value: match[2] as string };
}

function setVoterCookie(cookies: Cookies, value: string, maxAge: number, secure: boolean): void {
	cookies.set(COOKIE, value, { path: '/v', httpOnly: true, sameSite: 'lax', secure, maxAge });
}

export function setCardCookie(cookies: Cookies, key: CardKey, secure: boolean): void {
	setVoterCookie(cookies, encodeCardKey(key), CARD_LIFETIME_SECONDS, secure);
}

export function readCardCookie(cookies: Cookies): CardKey | null {
	return decodeCardKey(cookies.get(COOKIE));
}

/** Drawn at start-up and kept in memory only: a draft's key says nothing without it. */
const DRAFT_SECRET = randomBytes(32);

/**
 * The key under which /ballot.js keeps a card's choices across a phone lock: one per card, so
 * that the next voter on a shared phone never finds them, and no use to whoever reads the
 * phone's storage later (neither the card nor a hash of it, which a short code would not
 * withstand; the server can tell it only while it runs). 128 bits, base64url.
 */
export function draftKey(key: CardKey): string {
	return createHmac('sha256', DRAFT_SECRET)
		.update(encodeCardKey(key))
		.digest('base64url')
		.slice(0, 22);
}

export type VoterCookie = 'none' | 'card' | 'receipt' | 'unreadable';

export function voterCookieHolds(cookies: Cookies): VoterCookie {
	const value = cookies.get(COOKIE);
	if (value === undefined) return 'none';
	if (decodeCardKey(value)) return 'card';
	return RECEIPT_VALUE.test(value) ? 'receipt' : 'unreadable';
}

/** The card is spent: the cookie now carries the receipt to the confirmation page. */
export function setReceiptCookie(
	cookies: Cookies,
	receipt: { code: string; listKey: string },
	secure: boolean
): void {
	setVoterCookie(cookies, `r.${receipt.code}.${receipt.listKey}`, RECEIPT_LIFETIME_SECONDS, secure);
}

export function readReceiptCookie(cookies: Cookies): { code: string; listKey: string } | null {
	const match = cookies.get(COOKIE)?.match(RECEIPT_VALUE);
	return match ? { code: match[1] as string, listKey: match[2] as string } : null;
}
