import { redirect } from '@sveltejs/kit';
import { setSetupCookie } from '../setup-cookie';
import type { RequestHandler } from './$types';

/**
 * The address in a committee member's one-time link (and its QR code). Nothing is spent here:
 * a link preview or a scanner that opens it leaves the link working. The token goes into a
 * cookie and the browser on to /welcome, which decides.
 */
export const GET: RequestHandler = ({ params, cookies, url }) => {
	const token = /^[A-Za-z0-9_-]{1,64}$/.test(params.token) ? params.token : 'invalid';
	setSetupCookie(cookies, token, url.protocol === 'https:');
	redirect(303, '/welcome');
};
