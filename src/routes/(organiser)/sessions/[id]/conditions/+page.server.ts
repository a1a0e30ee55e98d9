import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { conditionRule } from '$lib/wording';
import { db } from '$lib/server/db';
import { organiserSession } from '$lib/server/sessions/access';
import { displaySession } from '$lib/server/sessions/display';
import { readConditionRecord } from '$lib/server/sessions/stored-presets';
import { listSubjects } from '$lib/server/sessions/subjects';
import { conditionsAction, factsAsked } from './record';
import type { Actions, PageServerLoad } from './$types';

/** Every person's grade conditions, before the vote or after it, until the result is published. */
export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	if (session.rules.kind !== 'appraisal') error(404, m.error_not_found());
	const { conditions } = session.rules.preset;
	return {
		session: displaySession(session),
		rules: conditions.map((condition) => conditionRule(condition)),
		facts: factsAsked(conditions),
		people: listSubjects(db(), session.id).map((person) => ({
			id: person.id,
			fullName: person.fullName,
			jobTitle: person.jobTitle,
			record: readConditionRecord(person.conditions)
		}))
	};
};

export const actions: Actions = {
	conditions: conditionsAction
};
