import { countingSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { downloadHeaders, exportData } from '$lib/server/exports';
import { resultsJson } from '$lib/server/exports/model';
import type { RequestHandler } from './$types';

/** The documented export (docs/results.schema.json). */
export const GET: RequestHandler = (event) => {
	const { session } = countingSession(event);
	const { model } = exportData(db(), session);
	return new Response(JSON.stringify(resultsJson(model), null, 2), {
		headers: downloadHeaders(session, 'json', 'application/json; charset=utf-8')
	});
};
