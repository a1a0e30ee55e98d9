import { countingSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { downloadHeaders, exportData } from '$lib/server/exports';
import { resultsCsv } from '$lib/server/exports/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { session } = countingSession(event);
	const { model } = exportData(db(), session);
	return new Response(resultsCsv(model), {
		headers: downloadHeaders(session, 'csv', 'text/csv; charset=utf-8')
	});
};
