import { redirect } from '@sveltejs/kit';
import { setCardCookie } from '$lib/server/ballots/voter-cookie';
import type { RequestHandler } from './$types';

/**
 * The QR code's address. Whatever the token, it goes into the card cookie and the phone is sent
 * to a token-free address: the token leaves the address bar and the history at once, and every
 * card (valid, used or unknown) takes the same path and time here. /v/ballot decides.
 */
export const GET: RequestHandler = ({ params, cookies, url }) => {
	const token = /^[A-Za-z0-9_-]{1,64}$/.test(params.token) ? params.token : 'invalid';
	setCardCookie(cookies, { kind: 'token', value: token }, url.protocol === 'https:');
	redirect(303, '/v/ballot');
};
