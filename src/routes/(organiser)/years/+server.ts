import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { yearUnits } from '$lib/server/results/year';
import { requireOrganiser } from '$lib/server/sessions/access';
import type { RequestHandler } from './$types';

/** The latest year with figures (the current year while there is none). */
export const GET: RequestHandler = (event) => {
	const user = requireOrganiser(event);
	const current = new Date().getFullYear();
	const [latest] = yearUnits(db(), user, current).years;
	redirect(303, `/years/${latest ?? current}`);
};
