import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/access';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/forms';
import { updateVoteSession } from '$lib/server/vote-sessions';
import { sessionFormSchema, sessionFormValues } from '../../session-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	if (session.state !== 'draft') redirect(303, `/sessions/${session.id}`);
	return { id: session.id, title: session.title, values: sessionFormValues(session) };
};

export const actions: Actions = {
	default: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(sessionFormSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const change = updateVoteSession(db(), session.id, form.data);
		if (change === 'present_exceeds_convened') {
			return fail(400, {
				errors: errorOn(
					'convened',
					m.session_convened_below_present({ present: session.present ?? 0 })
				),
				values: form.values
			});
		}
		if (change === 'not_draft') {
			return fail(409, { errors: errorOn('title', m.session_not_draft()), values: form.values });
		}
		redirect(303, `/sessions/${session.id}`);
	}
};
