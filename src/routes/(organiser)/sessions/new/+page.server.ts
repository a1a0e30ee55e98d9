import { fail, redirect } from '@sveltejs/kit';
import { isoDateIn } from '$lib/format';
import { requireOrganiser } from '$lib/server/access';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { createVoteSession } from '$lib/server/vote-sessions';
import { sessionFormSchema } from '../session-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireOrganiser(event);
	return { defaults: { meetingDate: isoDateIn(new Date()) } };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireOrganiser(event);
		const form = parseForm(sessionFormSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const id = createVoteSession(db(), user.id, form.data);
		redirect(303, `/sessions/${id}`);
	}
};
