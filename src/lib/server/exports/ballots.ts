/**
 * The individual ballots, for an independent recount: only the workbook lists them, in a fresh
 * random order every time, so that no export carries the order in which ballots were stored.
 */
import { isGrade } from '$lib/tally/grades';
import { CONFIDENCE_MARKS } from '$lib/tally/confidence';
import type { AppDatabase } from '../db';
import { shuffle } from '../db/ids';
import { loadChoiceBallots, loadScoreSheets, type Report } from '../results/count';

/** What the ballots sheet lists: whole ballots of choices, or separate score sheets. */
export type AnonymousBallots =
	| {
			kind: 'choices';
			subjects: { id: string; fullName: string }[];
			ballots: Record<string, string>[];
	  }
	| {
			kind: 'scores';
			subjects: { id: string; fullName: string }[];
			criteria: { id: string; name: string }[];
			sheets: { subjectId: string; halfPoints: Record<string, number> }[];
	  };

const isChoice = (value: string): value is string =>
	isGrade(value) || (CONFIDENCE_MARKS as readonly string[]).includes(value);

export function anonymousBallots(db: AppDatabase, report: Report): AnonymousBallots {
	const subjects =
		report.kind === 'confidence'
			? report.people.map(({ subject }) => subject)
			: report.rows.map((row) => row.subject);
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
