import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import { notDraftFailure } from '$lib/server/sessions/draft';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { parseForm } from '$lib/server/http/forms';
import { saveTemplate } from '$lib/server/sessions/templates';
import { updateCriteria, type SessionView } from '$lib/server/sessions/lifecycle';
import { readCriteriaForm, SPARE_ROWS } from './criteria-form';
import type { Actions, PageServerLoad } from './$types';

function scoreSheetRules(session: SessionView) {
	if (session.rules.kind !== 'appraisal' || session.rules.mode !== 'scores') {
		error(404, m.error_not_found());
	}
	return session.rules;
}

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	const rules = scoreSheetRules(session);
	return {
		session: displaySession(session),
		criteria: rules.criteria ?? [],
		spareRows: SPARE_ROWS
	};
};

const templateSchema = z.object({ templateName: z.string().trim().min(1).max(120) });

export const actions: Actions = {
	save: async (event) => {
		const { session } = organiserSession(event);
		scoreSheetRules(session);
		const reading = readCriteriaForm(await event.request.formData());
		if (!reading.ok)
			return fail(400, { action: 'save', errors: reading.errors, values: reading.values });
		if (updateCriteria(db(), session, reading.criteria) !== 'ok') {
			return notDraftFailure('criteria', { action: 'save', values: {} });
		}
		return { action: 'save', saved: true };
	},

	saveTemplate: async (event) => {
		const { user, session } = organiserSession(event);
		const rules = scoreSheetRules(session);
		const form = parseForm(templateSchema, await event.request.formData());
		if (!form.ok)
			return fail(400, { action: 'template', errors: form.errors, values: form.values });
		saveTemplate(db(), user.id, form.data.templateName, rules.criteria ?? []);
		return { action: 'template', saved: true, name: form.data.templateName };
	}
};
