import { organiserSession } from '$lib/server/sessions/access';
import { auditTrail } from '$lib/server/db/audit';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	return {
		session: displaySession(session),
		entries: auditTrail(db(), session.id)
	};
};
