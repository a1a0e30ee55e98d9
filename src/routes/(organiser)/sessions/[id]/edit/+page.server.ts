import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import { notDraftFailure, redirectUnlessDraft } from '$lib/server/sessions/draft';
import { handedOut } from '$lib/server/cards/ballot-cards';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { applyCriteria, listTemplates } from '$lib/server/sessions/templates';
import { updateVoteSession } from '$lib/server/sessions/lifecycle';
import { sessionFormSchema, sessionFormValues } from '../../session-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, session } = organiserSession(event);
	redirectUnlessDraft(session);
	return {
		kind: session.rules.kind,
		values: sessionFormValues(session),
		templates: listTemplates(db(), user.id).map(({ id, name }) => ({ id, name }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(sessionFormSchema(session.rules.kind), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { details, templateId } = form.data;
		const current = session.rules.kind === 'appraisal' ? session.rules.criteria : null;
		if (!applyCriteria(db(), user.id, details, templateId, current)) {
			return fail(400, {
				errors: errorOn('templateId', m.template_not_found()),
				values: form.values
			});
		}
		const change = updateVoteSession(db(), session.id, details);
		if (change === 'present_exceeds_convened') {
			return fail(400, {
				errors: errorOn(
					'convened',
					m.session_convened_below_present({ present: session.present ?? 0 })
				),
				values: form.values
			});
		}
		if (change === 'handed_out_exceeds_convened') {
			return fail(400, {
				errors: errorOn(
					'convened',
					m.session_convened_below_handed_out({ handedOut: handedOut(session) })
				),
				values: form.values
			});
		}
		if (change === 'not_draft') return notDraftFailure('title', { values: form.values });
		redirect(303, `/sessions/${session.id}`);
	}
};
