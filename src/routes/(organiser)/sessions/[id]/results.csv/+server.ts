import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/access';
import { db } from '$lib/server/db';
import { reportCsv } from '$lib/server/exports/csv';
import { sessionReport } from '$lib/server/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { session } = organiserSession(event);
	if (session.state !== 'closed') error(409, m.results_not_closed());
	return new Response(reportCsv(sessionReport(db(), session)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ket-qua-${session.id}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
