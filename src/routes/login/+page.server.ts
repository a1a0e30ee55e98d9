import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { countUsers } from '$lib/server/auth/accounts';
import { safeNextPath } from '$lib/server/auth/guard';
import { attemptLogin, throttledWait } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { noErrors, parseForm } from '$lib/server/http/forms';
import { loginSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (countUsers(db()) === 0) redirect(303, '/setup');
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(loginSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, message: null });

		const now = Date.now();
		const result = await attemptLogin(
			db(),
			{ ...form.data, address: event.getClientAddress() },
			now
		);
		if (!result.ok) {
			const throttled = result.reason === 'throttled';
			return fail(throttled ? 429 : 400, {
				errors: noErrors(),
				values: form.values,
				message: throttled
					? m.login_throttled(throttledWait(result.retryAt, now))
					: m.login_invalid()
			});
		}
		startSession(db(), event, result.user.id);
		redirect(303, safeNextPath(form.data.next));
	}
};
