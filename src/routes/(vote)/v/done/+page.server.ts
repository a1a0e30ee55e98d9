import { readReceiptCookie } from '$lib/server/ballots/voter-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => {
	const receipt = readReceiptCookie(cookies);
	return { receipt };
};
