import { redirect } from '@sveltejs/kit';
import { countUsers } from '$lib/server/auth/accounts';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (countUsers(db()) === 0) redirect(303, '/setup');
	if (!locals.user) redirect(303, '/login');
	redirect(303, '/sessions');
};
