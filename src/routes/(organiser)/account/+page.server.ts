import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { setPassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { checkCurrentPassword, throttledWait } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { errorOn, noErrors, parseForm } from '$lib/server/http/forms';
import { changePasswordSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { username: user.username };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		// The username takes part in the password rules but is never taken from the client.
		formData.set('username', user.username);
		const form = parseForm(changePasswordSchema(), formData);
		if (!form.ok) return fail(400, { errors: form.errors, message: null, changed: false });

		const now = Date.now();
		const check = await checkCurrentPassword(db(), user, form.data.currentPassword, now);
		if (!check.ok) {
			const throttled = check.reason === 'throttled';
			return fail(throttled ? 429 : 400, {
				errors: errorOn(
					'currentPassword',
					throttled
						? m.account_throttled(throttledWait(check.retryAt, now))
						: m.account_wrong_current()
				),
				message: null,
				changed: false
			});
		}
		await setPassword(db(), user.id, form.data.password);
		// Every session of this account ended with the change; this browser gets a new one.
		event.locals.session = null;
		startSession(db(), event, user.id);
		return { errors: noErrors(), message: m.account_password_changed(), changed: true };
	}
};
