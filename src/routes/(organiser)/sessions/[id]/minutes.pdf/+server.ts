import { getLocale } from '$lib/paraglide/runtime.js';
import { countingSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { downloadHeaders, exportData } from '$lib/server/exports';
import { minutesPdf } from '$lib/server/exports/minutes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { session } = countingSession(event);
	const { model } = exportData(db(), session);
	const pdf = await minutesPdf(model, getLocale());
	return new Response(new Uint8Array(pdf), {
		headers: downloadHeaders(session, 'pdf', 'application/pdf')
	});
};
