/**
 * Everything an export needs from a closed session, gathered once.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { isGrade } from '$lib/tally/grades';
import { CONFIDENCE_MARKS } from '$lib/tally/confidence';
import { listCommittee } from '../sessions/committee';
import type { AppDatabase } from '../db';
import { shuffle } from '../db/ids';
import { loadChoiceBallots, loadScoreSheets, sessionReport, type Report } from '../results/count';
import type { SessionView } from '../sessions/lifecycle';
import { localized } from '$lib/wording';
import { resultsExport, type ResultsExport } from './model';
import type { AnonymousBallots } from './xlsx';

const isChoice = (value: string): value is string =>
	isGrade(value) || (CONFIDENCE_MARKS as readonly string[]).includes(value);

/** The ballots for an independent recount, in a fresh random order every time. */
function anonymousBallots(db: AppDatabase, report: Report): AnonymousBallots {
	const subjects =
		report.kind === 'confidence' ? report.subjects : report.rows.map((row) => row.subject);
	const people = subjects.map(({ id, fullName }) => ({ id, fullName }));
	if (report.kind === 'appraisal' && report.rules.mode === 'scores') {
		return {
			kind: 'scores',
			subjects: people,
			criteria: report.criteria.map(({ id, name }) => ({ id, name })),
			sheets: shuffle(loadScoreSheets(db, report.session.id))
		};
	}
	return {
		kind: 'choices',
		subjects: people,
		ballots: shuffle(loadChoiceBallots(db, report.session.id, isChoice))
	};
}

export interface ExportData {
	report: Report;
	model: ResultsExport;
	ballots: AnonymousBallots;
}

export function exportData(db: AppDatabase, session: SessionView): ExportData {
	if (session.state !== 'closed') error(409, m.results_not_closed());
	const report = sessionReport(db, session);
	return {
		report,
		model: resultsExport(report, listCommittee(db, session.id), localized),
		ballots: anonymousBallots(db, report)
	};
}

/** A download name like ket-qua-<id>.xlsx. */
export function downloadHeaders(
	sessionId: string,
	extension: string,
	type: string
): Record<string, string> {
	return {
		'content-type': type,
		'content-disposition': `attachment; filename="ket-qua-${sessionId}.${extension}"`,
		'cache-control': 'no-store'
	};
}
