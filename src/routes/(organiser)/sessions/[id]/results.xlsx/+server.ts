import { countingSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { downloadHeaders, exportData } from '$lib/server/exports';
import { anonymousBallots } from '$lib/server/exports/ballots';
import { resultsWorkbook } from '$lib/server/exports/xlsx';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: RequestHandler = async (event) => {
	const { session } = countingSession(event);
	const { report, model } = exportData(db(), session);
	const workbook = await resultsWorkbook(model, anonymousBallots(db(), report));
	return new Response(new Uint8Array(workbook), {
		headers: downloadHeaders(session, 'xlsx', XLSX)
	});
};
