import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieMaxAge, cookieName, locales } from '$lib/paraglide/runtime.js';
import { safeNextPath } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const languageSchema = z.object({
	locale: z.enum(locales),
	redirectTo: z.string().max(2000).optional()
});

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/**
	 * The language lives in a cookie the client runtime can read (so hydration renders the same
	 * strings); it holds nothing but `vi` or `en`.
	 */
	default: async ({ request, cookies, url }) => {
		const form = parseForm(languageSchema, await request.formData());
		if (form.ok) {
			cookies.set(cookieName, form.data.locale, {
				path: '/',
				maxAge: cookieMaxAge,
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
		}
		redirect(303, safeNextPath(form.ok ? form.data.redirectTo : undefined));
	}
};
