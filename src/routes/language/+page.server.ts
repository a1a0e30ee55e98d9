import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { cookieMaxAge, cookieName, locales } from '$lib/paraglide/runtime.js';
import { safeNextPath } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/http/forms';
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
		// Only a crafted post gets here: the switcher's buttons always send a known language.
		if (!form.ok) error(400, m.validation_invalid());
		cookies.set(cookieName, form.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		redirect(303, safeNextPath(form.data.redirectTo));
	}
};
