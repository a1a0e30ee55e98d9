/**
 * What the meeting-room screen may show. Before publication: the session, how to vote and a
 * coarse turnout; never a per-person figure. After publication: the result.
 */
import { eq } from 'drizzle-orm';
import type { Period } from '$lib/periods';
import type { Grade } from '$lib/tally/grades';
import type { BandsWithheld, CountedRow, PercentBaseSize, RowCounts } from '$lib/tally/confidence';
import type { ConfidenceBand, Issuer, LocalizedText } from '$lib/tally/presets';
import { turnoutSteps, type TurnoutSteps } from '$lib/tally/turnout';
import type { AppDatabase } from '../db';
import { voteSession } from '../db/schema';
import type { Report } from './count';
import { visibility, visibleReport } from './gate';
import { sessionById, turnout, type SessionView } from '../sessions/lifecycle';

export function projectorSession(db: AppDatabase, key: string): SessionView | undefined {
	if (!/^[A-Za-z0-9_-]{22}$/.test(key)) return undefined;
	const row = db
		.select({ id: voteSession.id })
		.from(voteSession)
		.where(eq(voteSession.projectorKey, key))
		.get();
	return row ? sessionById(db, row.id) : undefined;
}

export type ProjectorResult =
	| {
			kind: 'confidence';
			/** What every percentage is taken of, said under the chart. */
			base: PercentBaseSize;
			baseArticle: LocalizedText;
			issuer: Issuer;
			/** Why no band applies, if none does: held without its quorum, or figures that disagree. */
			bandsWithheld: BandsWithheld | null;
			/** Published under rules corrected since: the screen says so. */
			corrected: boolean;
			/** In the ballot's order, as on the results page and in the minutes. */
			rows: {
				fullName: string;
				jobTitle: string;
				counts: RowCounts;
				/** Hundredths of a percent of the base; `null` on a base of 0. */
				percent: Record<CountedRow, number | null>;
				band: ConfidenceBand | null;
			}[];
	  }
	| {
			kind: 'appraisal';
			mode: 'grades' | 'scores';
			rows: {
				fullName: string;
				jobTitle: string;
				grade: Grade | null;
				/** Hundredths of a point, truncated; score sheets only. */
				score: { numerator: number; denominator: number } | null;
				counts: Record<Grade, number> | null;
			}[];
	  };

export interface ProjectorView {
	title: string;
	organisation: string;
	period: Period | null;
	state: 'draft' | 'open' | 'closed';
	published: boolean;
	/** Turnout while voting is open, in steps of at least three ballots (tally/turnout.ts). */
	turnout: TurnoutSteps;
	/** Exact figures, once voting has closed. */
	returned: number | null;
	helpUrl: string;
	result: ProjectorResult | null;
}

function projectorResult(report: Report): ProjectorResult {
	if (report.kind === 'confidence') {
		return {
			kind: 'confidence',
			base: report.totals.base,
			baseArticle: report.preset.baseArticle,
			issuer: report.preset.issuer,
			bandsWithheld: report.totals.bandsWithheld,
			corrected: report.corrected !== null,
			rows: report.people.map(({ subject, figures }) => ({
				fullName: subject.fullName,
				jobTitle: subject.jobTitle,
				counts: figures.counts,
				percent: figures.percent,
				band: figures.band
			}))
		};
	}
	return {
		kind: 'appraisal',
		mode: report.rules.mode,
		rows: report.rows.map((row) => ({
			fullName: row.subject.fullName,
			jobTitle: row.subject.jobTitle,
			grade: row.subject.finalGrade ?? row.capped,
			score: row.score?.total ?? null,
			counts: row.votes?.counts ?? null
		}))
	};
}

function coarseTurnout(db: AppDatabase, session: SessionView) {
	const figures = turnout(db, session);
	return {
		figures,
		steps: turnoutSteps(figures.returned, figures.cardsIssued + figures.paperIssued)
	};
}

export function projectorView(
	db: AppDatabase,
	session: SessionView,
	origin: string
): ProjectorView {
	const { figures, steps } = coarseTurnout(db, session);
	const report = visibleReport(db, session, 'room');
	return {
		title: session.title,
		organisation: session.organisation,
		period: session.rules.kind === 'appraisal' ? session.rules.period : null,
		state: session.state,
		published: session.publishedAt !== null,
		turnout: steps,
		returned: visibility('room', session).exactTurnout ? figures.returned : null,
		helpUrl: `${origin}/v`,
		result: report ? projectorResult(report) : null
	};
}

/** What changes the screen, as a cheap fingerprint for the event stream to compare. */
export function projectorVersion(db: AppDatabase, session: SessionView): string {
	const { step, steps } = coarseTurnout(db, session).steps;
	return `${session.state}:${session.publishedAt !== null}:${step}/${steps}`;
}
