import { organiserSession } from '$lib/server/sessions/access';
import { auditTrail } from '$lib/server/db/audit';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	return {
		session: { id: session.id, title: session.title },
		entries: auditTrail(db(), session.id)
	};
};
