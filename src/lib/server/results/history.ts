/**
 * One person's appraisals across a year, from the sessions cloned quarter after quarter.
 */
import { and, eq } from 'drizzle-orm';
import type { Period } from '$lib/periods';
import type { Grade } from '$lib/tally/grades';
import { addRationals, type Rational } from '$lib/tally/rational';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { subject, voteSession, type Subject } from '../db/schema';
import { amendedGrades, listAmendments } from './amendments';
import { visibleReport } from './gate';
import { findVoteSession, type SessionView } from '../sessions/lifecycle';

export interface HistoryEntry {
	sessionId: string;
	title: string;
	period: Period;
	state: 'draft' | 'open' | 'closed';
	/** Score sheets: the exact mean total; `null` for a grade vote or before closing. */
	score: Rational | null;
	collective: Grade | null;
	/** The final grade, or the latest amendment's once the published result was amended. */
	final: Grade | null;
}

export interface PersonHistory {
	fullName: string;
	jobTitle: string;
	year: number;
	/** Years with a counted appraisal of this person, newest first (any year, while none is). */
	years: number[];
	entries: HistoryEntry[];
	/** The mean of the year's scores that exist. */
	meanScore: Rational | null;
	/** The units whose quarters of the year hold this person, for a link to each unit's year. */
	units: string[];
}

function periodOrder(period: Period): number {
	return period.kind === 'quarter' ? period.quarter : period.kind === 'year' ? 5 : 6;
}

/** One session's line for this person, with the figures the gate lets the counters see. */
function historyEntry(
	db: AppDatabase,
	session: SessionView,
	period: Period,
	person: Subject
): { counted: boolean; entry: HistoryEntry } {
	const report = visibleReport(db, session, 'counters');
	const row =
		report?.kind === 'appraisal'
			? report.rows.find((candidate) => candidate.subject.id === person.id)
			: undefined;
	return {
		counted: report !== null,
		entry: {
			sessionId: session.id,
			title: session.title,
			period,
			state: session.state,
			score: row?.score?.total ?? null,
			collective: row?.capped ?? null,
			final: amendedGrades(listAmendments(db, session.id)).get(person.id) ?? person.finalGrade
		}
	};
}

export function personHistory(
	db: AppDatabase,
	viewer: AuthenticatedUser,
	personId: string,
	year: number | null
): PersonHistory | null {
	const rows = db
		.select({ subject, sessionId: voteSession.id })
		.from(subject)
		.innerJoin(voteSession, eq(subject.sessionId, voteSession.id))
		.where(and(eq(subject.personId, personId), eq(voteSession.kind, 'appraisal')))
		.all();
	const sessions = rows.flatMap((row) => {
		const session = findVoteSession(db, viewer, row.sessionId);
		return session && session.rules.kind === 'appraisal'
			? [{ session, rules: session.rules, subject: row.subject }]
			: [];
	});
	if (sessions.length === 0) return null;

	const dated = sessions.flatMap(({ session, rules, subject: person }) =>
		rules.period.kind === 'term'
			? []
			: [
					{
						year: rules.period.year,
						organisation: session.organisation,
						...historyEntry(db, session, rules.period, person)
					}
				]
	);
	const yearsOf = (items: { year: number }[]) =>
		[...new Set(items.map((item) => item.year))].sort((a, b) => b - a);
	// A year of drafts only (the next quarter cloned ahead) has nothing to show: it is offered
	// only while no year has any figures yet.
	const counted = yearsOf(dated.filter((item) => item.counted));
	const years = counted.length > 0 ? counted : yearsOf(dated);
	const shownYear =
		year !== null && years.includes(year) ? year : (years[0] ?? new Date().getFullYear());
	const ofYear = dated.filter((item) => item.year === shownYear);
	const entries = ofYear
		.map((item) => item.entry)
		.sort((a, b) => periodOrder(a.period) - periodOrder(b.period));

	const scores = entries.flatMap((entry) => (entry.score ? [entry.score] : []));
	const sum = scores.reduce<Rational | null>(
		(total, score) => (total ? addRationals(total, score) : score),
		null
	);
	const latest = sessions[sessions.length - 1]?.subject ?? sessions[0]!.subject;
	return {
		fullName: latest.fullName,
		jobTitle: latest.jobTitle,
		year: shownYear,
		years,
		entries,
		meanScore: sum
			? { numerator: sum.numerator, denominator: sum.denominator * scores.length }
			: null,
		units: [
			...new Set(
				ofYear
					.filter((item) => item.entry.period.kind === 'quarter')
					.map((item) => item.organisation)
			)
		]
	};
}
