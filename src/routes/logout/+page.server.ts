import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(db(), locals.session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
