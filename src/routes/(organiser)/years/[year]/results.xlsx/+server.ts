import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { yearDocument, yearDownloadHeaders } from '$lib/server/exports/year';
import { yearWorkbook } from '$lib/server/exports/year-xlsx';
import { exportedYear } from '../unit-year';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: RequestHandler = async (event) => {
	const document = yearDocument(exportedYear(event)) ?? error(409, m.year_no_rules());
	const workbook = await yearWorkbook(document, getLocale());
	return new Response(new Uint8Array(workbook), {
		headers: yearDownloadHeaders(document, 'xlsx', XLSX)
	});
};
