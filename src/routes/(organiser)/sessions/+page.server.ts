import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { listVoteSessions } from '$lib/server/sessions/lifecycle';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		canCreate: user.role !== 'tally',
		sessions: listVoteSessions(db(), user).map((session) => ({
			...displaySession(session),
			kind: session.rules.kind,
			period: session.rules.kind === 'appraisal' ? session.rules.period : null
		}))
	};
};
