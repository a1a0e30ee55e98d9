/**
 * One person's appraisals across a year, from the sessions cloned quarter after quarter.
 */
import { and, eq } from 'drizzle-orm';
import type { Period } from '$lib/periods';
import type { Grade } from '$lib/tally/grades';
import { addRationals, type Rational } from '$lib/tally/rational';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { subject, voteSession } from '../db/schema';
import { visibleReport } from './gate';
import { findVoteSession } from '../sessions/lifecycle';

export interface HistoryEntry {
	sessionId: string;
	title: string;
	period: Period;
	state: 'draft' | 'open' | 'closed';
	/** Score sheets: the exact mean total; `null` for a grade vote or before closing. */
	score: Rational | null;
	collective: Grade | null;
	final: Grade | null;
}

export interface PersonHistory {
	fullName: string;
	jobTitle: string;
	year: number;
	/** Years with at least one appraisal of this person, newest first. */
	years: number[];
	entries: HistoryEntry[];
	/** The mean of the year's scores that exist. */
	meanScore: Rational | null;
}

function periodOrder(period: Period): number {
	return period.kind === 'quarter' ? period.quarter : period.kind === 'year' ? 5 : 6;
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

	const years = [
		...new Set(
			sessions.flatMap(({ rules }) => (rules.period.kind === 'term' ? [] : [rules.period.year]))
		)
	].sort((a, b) => b - a);
	const shownYear = year ?? years[0] ?? new Date().getFullYear();
	const entries = sessions
		.filter(({ rules }) => rules.period.kind !== 'term' && rules.period.year === shownYear)
		.map(({ session, rules, subject: person }): HistoryEntry => {
			const report = visibleReport(db, session, 'counters');
			const row =
				report?.kind === 'appraisal'
					? report.rows.find((r) => r.subject.id === person.id)
					: undefined;
			return {
				sessionId: session.id,
				title: session.title,
				period: rules.period,
				state: session.state,
				score: row?.score?.total ?? null,
				collective: row?.capped ?? null,
				final: person.finalGrade
			};
		})
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
			: null
	};
}
