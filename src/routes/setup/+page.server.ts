import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { countUsers, createFirstAdministrator } from '$lib/server/auth/accounts';
import { closeFirstRun, mayRunSetup } from '$lib/server/auth/first-run';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { noErrors, parseForm } from '$lib/server/http/forms';
import { setupSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	if (countUsers(db()) > 0) redirect(303, '/login');
	return { allowed: mayRunSetup(event), linkGiven: event.url.searchParams.has('token') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(setupSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, message: null });

		const refused = (status: 403 | 409, message: string) =>
			fail(status, { errors: noErrors(), values: form.values, message });
		// Before any password is hashed: once an administrator exists, setup is over.
		if (countUsers(db()) > 0) return refused(409, m.setup_already_done());
		if (!mayRunSetup(event)) return refused(403, m.setup_link_needed());

		const admin = await createFirstAdministrator(db(), form.data);
		if (!admin) return refused(409, m.setup_already_done());
		closeFirstRun();
		startSession(db(), event, admin.id);
		redirect(303, '/');
	}
};
