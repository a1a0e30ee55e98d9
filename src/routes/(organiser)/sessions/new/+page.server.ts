import { fail, redirect } from '@sveltejs/kit';
import { formatDateEntry } from '$lib/date-entry';
import { isoDateIn } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { requireOrganiser } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import type { SessionKind } from '$lib/server/db/schema';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { applyCriteria, listTemplates } from '$lib/server/sessions/templates';
import { createVoteSession } from '$lib/server/sessions/lifecycle';
import { sessionFormSchema } from '../session-form';
import type { Actions, PageServerLoad } from './$types';

function kindOf(value: unknown): SessionKind {
	return value === 'appraisal' ? 'appraisal' : 'confidence';
}

export const load: PageServerLoad = (event) => {
	const user = requireOrganiser(event);
	const today = isoDateIn(new Date());
	const month = Number(today.slice(5, 7));
	return {
		kind: kindOf(event.url.searchParams.get('kind')),
		defaults: {
			meetingDate: formatDateEntry(today),
			periodKind: 'quarter',
			periodYear: today.slice(0, 4),
			periodQuarter: String(Math.ceil(month / 3)),
			mode: 'scores'
		},
		templates: listTemplates(db(), user.id).map(({ id, name }) => ({ id, name }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireOrganiser(event);
		const formData = await event.request.formData();
		const kind = kindOf(formData.get('kind'));
		const form = parseForm(sessionFormSchema(kind), formData);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { details, templateId } = form.data;
		if (!applyCriteria(db(), user.id, details, templateId, null)) {
			return fail(400, {
				errors: errorOn('templateId', m.template_not_found()),
				values: form.values
			});
		}
		const id = createVoteSession(db(), user.id, details);
		redirect(303, `/sessions/${id}`);
	}
};
