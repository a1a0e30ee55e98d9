/**
 * Everything an export needs from a closed session, gathered once: the report and the one
 * model every format is drawn from.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { AppDatabase } from '../db';
import { listAmendments } from '../results/amendments';
import type { Report } from '../results/count';
import { visibleReport } from '../results/gate';
import { listCommittee } from '../sessions/committee';
import type { SessionView } from '../sessions/lifecycle';
import { contentDisposition } from './file-name';
import { resultsExport, type ResultsExport } from './model';

export interface ExportData {
	report: Report;
	model: ResultsExport;
}

/** Exports are for the counters, once voting is closed (results/gate.ts). */
export function exportData(db: AppDatabase, session: SessionView): ExportData {
	const report = visibleReport(db, session, 'counters') ?? error(409, m.results_not_closed());
	const amendments = listAmendments(db, session.id);
	return { report, model: resultsExport(report, listCommittee(db, session.id), amendments) };
}

/** Saved as "<meeting date> <title>.<extension>" (file-name.ts), never cached. */
export function downloadHeaders(
	session: Pick<SessionView, 'meetingDate' | 'title'>,
	extension: string,
	type: string
): Record<string, string> {
	return {
		'content-type': type,
		'content-disposition': contentDisposition(session, extension),
		'cache-control': 'no-store'
	};
}
