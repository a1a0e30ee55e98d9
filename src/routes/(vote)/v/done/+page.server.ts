import { readReceiptCookie } from '$lib/server/ballot-cookie';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => {
	const receipt = readReceiptCookie(cookies);
	return { receipt };
};
