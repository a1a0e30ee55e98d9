import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { countUsers, createFirstAdministrator } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { noErrors, parseForm } from '$lib/server/http/forms';
import { setupSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	if (countUsers(db()) > 0) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(setupSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, message: null });

		const admin = await createFirstAdministrator(db(), form.data);
		if (!admin) {
			return fail(409, {
				errors: noErrors(),
				values: form.values,
				message: m.setup_already_done()
			});
		}
		startSession(db(), event, admin.id);
		redirect(303, '/');
	}
};
