import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findUserById, setPassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { verifyPassword } from '$lib/server/auth/password';
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

		const account = findUserById(db(), user.id);
		if (!account || !(await verifyPassword(account.passwordHash, form.data.currentPassword))) {
			return fail(400, {
				errors: errorOn('currentPassword', m.account_wrong_current()),
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
