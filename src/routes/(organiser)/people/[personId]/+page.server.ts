import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireOrganiser } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { personHistory } from '$lib/server/results/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireOrganiser(event);
	const yearParam = event.url.searchParams.get('year');
	const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
	const history = personHistory(db(), user, event.params.personId, year);
	if (!history) error(404, m.error_not_found());
	return { personId: event.params.personId, history };
};
