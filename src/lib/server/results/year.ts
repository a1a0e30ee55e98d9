/**
 * A unit's year from its quarters: every quarterly appraisal of one unit (the same
 * `organisation`) in one year, the people linked across them by `personId` (cloning keeps it),
 * and each person's year graded by the tally core (`gradeYear`). Sessions are those the viewer
 * manages (`findVoteSession`, as a person's quarters are), figures those the gate lets the
 * counters see: a quarter still in draft or voting is listed without any.
 */
import { and, eq } from 'drizzle-orm';
import type { AppraisalPreset } from '$lib/tally/appraisal-presets';
import { capRatioInForce, type CapMove, type RecordedCapRate } from '$lib/tally/cap';
import {
	yearFacts,
	type ConditionFacts,
	type ConditionalGrade,
	type ConditionRecord
} from '$lib/tally/conditions';
import type { Fraction } from '$lib/tally/fraction';
import type { Grade } from '$lib/tally/grades';
import type { Rational } from '$lib/tally/rational';
import { gradeYear } from '$lib/tally/year';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { voteSession } from '../db/schema';
import type { AppraisalMode } from '../db/schema';
import { findVoteSession, type SessionView } from '../sessions/lifecycle';
import { amendedGrades, listAmendments } from './amendments';
import { recordedCapRate, type AppraisalRow, type GroupCapFigures } from './count';
import { visibility, visibleReport } from './gate';

export type Quarter = 1 | 2 | 3 | 4;

/** A quarterly appraisal of the unit, as the year lists it. */
export interface YearSession {
	id: string;
	title: string;
	quarter: Quarter;
	mode: AppraisalMode;
	state: SessionView['state'];
	counted: boolean;
	published: boolean;
	presetName: AppraisalPreset['name'];
}

/** One person's quarter: the counted score and the grade as it stands. */
export interface YearQuarter {
	quarter: Quarter;
	sessionId: string;
	/** Score sheets: the exact mean total; `null` for a grade vote. */
	score: Rational | null;
	/** The latest amendment's grade, else the final grade if confirmed, else the collective result. */
	grade: Grade | null;
	confirmed: boolean;
	published: boolean;
	record: ConditionRecord | null;
}

export interface YearRow {
	personId: string;
	fullName: string;
	jobTitle: string;
	/** The person's duty group in their latest quarter. */
	group: string;
	/** Quarters I–IV in order; `null` where the person has no counted quarter. */
	quarters: (YearQuarter | null)[];
	/** The mean of the quarters with a score, and how many there were. */
	score: Rational | null;
	scoredQuarters: number;
	/** The year's facts from the quarters' records, which the condition caps' reasons quote. */
	facts: ConditionFacts | null;
	conditional: ConditionalGrade | null;
	/** The year grade once the cap per duty group is applied. */
	grade: Grade | null;
	move: CapMove | null;
	notCompletedQuarters: number[];
}

export interface UnitYear {
	organisation: string;
	year: number;
	sessions: YearSession[];
	/** Quarters with a counted result not yet published, marked wherever the quarter is shown. */
	unpublishedQuarters: Quarter[];
	/** The rules the year is graded by: the latest counted quarter's; `null` with none counted. */
	rules: {
		quarter: Quarter;
		preset: AppraisalPreset;
		ratio: Fraction | null;
		recordedRate: RecordedCapRate | null;
		/** Where the rules apply (the latest counted quarter's meeting place), for the PDF. */
		place: string;
	} | null;
	rows: YearRow[];
	/** The cap's count at year level in each group (or the whole unit), as a session counts it. */
	cap: GroupCapFigures[];
}

export interface YearUnits {
	/** Years with a counted quarter, newest first (every year with a quarter, while none is). */
	years: number[];
	/** Units with a quarter in `year`, in alphabetical order. */
	units: string[];
}

type Quarterly = SessionView & {
	rules: Extract<SessionView['rules'], { kind: 'appraisal' }> & {
		period: { kind: 'quarter'; year: number; quarter: Quarter };
	};
};

function isQuarterly(session: SessionView): session is Quarterly {
	return session.rules.kind === 'appraisal' && session.rules.period.kind === 'quarter';
}

/** Every quarterly appraisal the viewer manages, optionally of one year only. */
function quarterlySessions(db: AppDatabase, viewer: AuthenticatedUser, year?: number): Quarterly[] {
	const rows = db
		.select({ id: voteSession.id })
		.from(voteSession)
		.where(
			and(
				eq(voteSession.kind, 'appraisal'),
				eq(voteSession.periodKind, 'quarter'),
				year === undefined ? undefined : eq(voteSession.periodYear, year)
			)
		)
		.all();
	return rows.flatMap((row) => {
		const session = findVoteSession(db, viewer, row.id);
		return session && isQuarterly(session) ? [session] : [];
	});
}

const counted = (session: SessionView) => visibility('counters', session).results;
const newestFirst = (years: Iterable<number>) => [...new Set(years)].sort((a, b) => b - a);

/**
 * The years and units the viewer has quarters for. A year of drafts only (the next quarter
 * cloned ahead) is offered only while no year has figures, as a person's quarters do.
 */
export function yearUnits(db: AppDatabase, viewer: AuthenticatedUser, year: number): YearUnits {
	const sessions = quarterlySessions(db, viewer);
	const withFigures = newestFirst(sessions.filter(counted).map((s) => s.rules.period.year));
	const years =
		withFigures.length > 0 ? withFigures : newestFirst(sessions.map((s) => s.rules.period.year));
	const units = new Set(
		sessions.filter((s) => s.rules.period.year === year).map((s) => s.organisation)
	);
	return { years, units: [...units].sort((a, b) => a.localeCompare(b, 'vi')) };
}

interface Appearance {
	session: Quarterly;
	row: AppraisalRow;
	/** The person's grade as amended after publication, if it was. */
	amended: Grade | null;
}

/** Later quarters first; within a quarter the session created last (a re-run) first. */
function latestFirst(a: Quarterly, b: Quarterly): number {
	return (
		b.rules.period.quarter - a.rules.period.quarter || b.createdAt.getTime() - a.createdAt.getTime()
	);
}

/**
 * Each person's counted rows, latest first, in the order people first appear going back from
 * the latest quarter (ballot order of the latest quarter, then those who left earlier).
 */
function appearancesByPerson(db: AppDatabase, sessions: Quarterly[]): Map<string, Appearance[]> {
	const people = new Map<string, Appearance[]>();
	for (const session of sessions) {
		const report = visibleReport(db, session, 'counters');
		if (report?.kind !== 'appraisal') continue;
		const amended = amendedGrades(listAmendments(db, session.id));
		for (const row of report.rows) {
			const key = row.subject.personId;
			const appearance = { session, row, amended: amended.get(row.subject.id) ?? null };
			people.set(key, [...(people.get(key) ?? []), appearance]);
		}
	}
	return people;
}

function quarterOf({ session, row, amended }: Appearance): YearQuarter {
	const final = amended ?? row.subject.finalGrade;
	return {
		quarter: session.rules.period.quarter,
		sessionId: session.id,
		score: row.score?.total ?? null,
		grade: final ?? row.capped,
		confirmed: final !== null,
		published: session.publishedAt !== null,
		record: row.record
	};
}

export function unitYear(
	db: AppDatabase,
	viewer: AuthenticatedUser,
	organisation: string,
	year: number
): UnitYear | null {
	const sessions = quarterlySessions(db, viewer, year)
		.filter((session) => session.organisation === organisation)
		.sort(latestFirst);
	if (sessions.length === 0) return null;
	const latest = sessions.find(counted);
	const preset = latest?.rules.preset;
	const recordedRate = latest ? recordedCapRate(latest) : null;
	const ratio = capRatioInForce(preset?.cap?.ratio ?? null, recordedRate);

	const people = [...appearancesByPerson(db, sessions)].map(([personId, appearances]) => {
		const byQuarter = new Map<Quarter, YearQuarter>();
		// Latest first: in a quarter appraised twice, the later session counts.
		for (const appearance of appearances) {
			const quarter = appearance.session.rules.period.quarter;
			if (!byQuarter.has(quarter)) byQuarter.set(quarter, quarterOf(appearance));
		}
		const quarters = ([1, 2, 3, 4] as const).map((quarter) => byQuarter.get(quarter) ?? null);
		const subject = appearances[0]!.row.subject;
		return { personId, subject, quarters };
	});
	const graded = preset
		? gradeYear(
				preset,
				ratio,
				people.map((person) => ({
					id: person.personId,
					group: person.subject.dutyGroup,
					quarters: person.quarters.filter((quarter) => quarter !== null)
				}))
			)
		: null;

	return {
		organisation,
		year,
		sessions: [...sessions].reverse().map((session) => ({
			id: session.id,
			title: session.title,
			quarter: session.rules.period.quarter,
			mode: session.rules.mode,
			state: session.state,
			counted: counted(session),
			published: session.publishedAt !== null,
			presetName: session.rules.preset.name
		})),
		unpublishedQuarters: [
			...new Set(
				sessions
					.filter((session) => counted(session) && session.publishedAt === null)
					.map((session) => session.rules.period.quarter)
			)
		].sort((a, b) => a - b),
		rules:
			latest && preset
				? {
						quarter: latest.rules.period.quarter,
						preset,
						ratio,
						recordedRate,
						place: latest.place
					}
				: null,
		rows: people.map(({ personId, subject, quarters }) => {
			const year = graded?.people.find((person) => person.id === personId);
			return {
				personId,
				fullName: subject.fullName,
				jobTitle: subject.jobTitle,
				group: subject.dutyGroup,
				quarters,
				score: year?.score ?? null,
				scoredQuarters: year?.scoredQuarters ?? 0,
				facts: yearFacts(quarters.flatMap((quarter) => (quarter ? [quarter.record] : []))),
				conditional: year?.conditional ?? null,
				grade: year?.grade ?? null,
				move: year?.move ?? null,
				notCompletedQuarters: year?.notCompletedQuarters ?? []
			};
		}),
		cap: (graded?.cap.groups ?? []).map(({ group, outcome }) => ({
			group,
			allowed: outcome.allowed,
			candidates: outcome.candidates,
			goodBefore: outcome.goodBefore,
			moves: outcome.moves,
			tie: outcome.tie
		}))
	};
}
