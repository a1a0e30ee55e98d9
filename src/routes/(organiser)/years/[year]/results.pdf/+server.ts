import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { yearDocument, yearDownloadHeaders } from '$lib/server/exports/year';
import { yearPdf } from '$lib/server/exports/year-pdf';
import { exportedYear } from '../unit-year';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const document = yearDocument(exportedYear(event)) ?? error(409, m.year_no_rules());
	const pdf = await yearPdf(document, getLocale());
	return new Response(new Uint8Array(pdf), {
		headers: yearDownloadHeaders(document, 'pdf', 'application/pdf')
	});
};
