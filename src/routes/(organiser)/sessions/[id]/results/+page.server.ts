import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/access';
import { db } from '$lib/server/db';
import { confidenceReport } from '$lib/server/results';
import { meetingDetails } from '$lib/server/vote-sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	// No per-subject count exists for anyone before voting closes.
	if (session.state !== 'closed') error(409, m.results_not_closed());
	const report = confidenceReport(db(), session);
	return {
		session: { ...meetingDetails(session), preset: session.preset },
		subjects: report.subjects.map(({ id, fullName, jobTitle }) => ({ id, fullName, jobTitle })),
		result: report.result
	};
};
