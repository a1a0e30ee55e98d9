/**
 * Counts a closed session's ballots and hands the counts to the tally core. Ballots listed for a
 * recount are read in the order of their random ids, which says nothing about when they were
 * cast (the exports shuffle them as well).
 */
import { count, eq, inArray } from 'drizzle-orm';
import {
	capGrades,
	compareGradeVotes,
	compareScores,
	tallyGradeVotes,
	tallyScoreSheets,
	type GradeVoteSubject,
	type ScoreSheet,
	type ScoreSubject
} from '$lib/tally/appraisal';
import type { CapMove } from '$lib/tally/cap';
import {
	CONFIDENCE_MARKS,
	INVALID_ROW,
	quorumStatus,
	tallyConfidence,
	type BallotTotals,
	type ConfidenceRow,
	type ConfidenceTotals,
	type SubjectResult
} from '$lib/tally/confidence';
import type { ChoiceCounts } from '$lib/tally/choices';
import { isGrade, type Grade } from '$lib/tally/grades';
import { findConfidencePreset, type ConfidencePreset } from '$lib/tally/presets';
import type { Criterion } from '$lib/tally/score-template';
import type { AppDatabase } from '../db';
import { auditTrail } from '../db/audit';
import { ballot, ballotChoice, scoreEntry, scoreSheet, subject, type Subject } from '../db/schema';
import type { AppraisalRules } from '../sessions/rules';
import { listSubjects } from '../sessions/subjects';
import type { SessionView } from '../sessions/lifecycle';

/** Each returned ballot's choices by person; a ballot with no choice is an empty record. */
export function loadChoiceBallots<T extends string>(
	db: AppDatabase,
	sessionId: string,
	isChoice: (value: string) => value is T
): Record<string, T>[] {
	const rows = db
		.select({ ballotId: ballot.id, subjectId: ballotChoice.subjectId, choice: ballotChoice.choice })
		.from(ballot)
		.leftJoin(ballotChoice, eq(ballotChoice.ballotId, ballot.id))
		.where(eq(ballot.sessionId, sessionId))
		.all();
	const ballots = new Map<string, Record<string, T>>();
	for (const row of rows) {
		let marks = ballots.get(row.ballotId);
		if (!marks) {
			marks = {};
			ballots.set(row.ballotId, marks);
		}
		if (row.subjectId === null || row.choice === null) continue;
		if (!isChoice(row.choice)) throw new Error('A stored ballot holds an unknown choice');
		marks[row.subjectId] = row.choice;
	}
	return [...ballots.values()];
}

/** Every score sheet of the session, each a person and its criteria in half points. */
export function loadScoreSheets(db: AppDatabase, sessionId: string): ScoreSheet[] {
	const rows = db
		.select({
			sheetId: scoreSheet.id,
			subjectId: scoreSheet.subjectId,
			criterionId: scoreEntry.criterionId,
			halfPoints: scoreEntry.halfPoints
		})
		.from(scoreSheet)
		.innerJoin(scoreEntry, eq(scoreEntry.sheetId, scoreSheet.id))
		.where(eq(scoreSheet.sessionId, sessionId))
		.all();
	const sheets = new Map<string, { subjectId: string; halfPoints: Record<string, number> }>();
	for (const row of rows) {
		const sheet = sheets.get(row.sheetId) ?? { subjectId: row.subjectId, halfPoints: {} };
		sheet.halfPoints[row.criterionId] = row.halfPoints;
		sheets.set(row.sheetId, sheet);
	}
	return [...sheets.values()];
}

function ballotCounts(db: AppDatabase, sessionId: string): { returned: number; blank: number } {
	const rows = db
		.select({ blank: ballot.blank, n: count() })
		.from(ballot)
		.where(eq(ballot.sessionId, sessionId))
		.groupBy(ballot.blank)
		.all();
	const blank = rows.find((row) => row.blank)?.n ?? 0;
	return { returned: rows.reduce((sum, row) => sum + row.n, 0), blank };
}

/**
 * The session's marks counted by person and mark, read from the index on (person, mark): no
 * ballot is loaded and nothing is sorted. A ballot with no mark was stored as blank.
 */
function countStoredChoices<T extends string>(
	db: AppDatabase,
	sessionId: string,
	isChoice: (value: string) => value is T
): ChoiceCounts<T> {
	const rows = db
		.select({ subjectId: ballotChoice.subjectId, choice: ballotChoice.choice, n: count() })
		.from(ballotChoice)
		.where(
			inArray(
				ballotChoice.subjectId,
				db.select({ id: subject.id }).from(subject).where(eq(subject.sessionId, sessionId))
			)
		)
		.groupBy(ballotChoice.subjectId, ballotChoice.choice)
		.all();
	const bySubject = new Map<string, Partial<Record<T, number>>>();
	for (const row of rows) {
		if (!isChoice(row.choice)) throw new Error('A stored ballot holds an unknown choice');
		const counts: Partial<Record<T, number>> = bySubject.get(row.subjectId) ?? {};
		counts[row.choice] = row.n;
		bySubject.set(row.subjectId, counts);
	}
	const { returned, blank } = ballotCounts(db, sessionId);
	return { returned, valid: returned - blank, bySubject };
}

/**
 * A count's figures, with the reasons the organiser typed when handing out more ballots than the
 * people present (from the audit trail, oldest first), which the results and minutes state.
 */
export type ReportTotals<T extends BallotTotals = BallotTotals> = T & {
	issuedBeyondPresentReasons: string[];
};

function issuedBeyondPresentReasons(db: AppDatabase, sessionId: string): string[] {
	return auditTrail(db, sessionId)
		.filter((entry) => entry.action === 'issued_beyond_present')
		.map((entry) => entry.detail);
}

/** What a confidence ballot may hold for a person: a mark, or an invalid row entered from paper. */
const ROWS = new Set<string>([...CONFIDENCE_MARKS, INVALID_ROW]);
const isRow = (value: string): value is ConfidenceRow => ROWS.has(value);

/** A person on a confidence ballot with their own figures. */
export interface ConfidencePerson {
	subject: Subject;
	figures: SubjectResult;
}

/** A confidence vote counted under one preset. */
export interface ConfidenceCount {
	preset: ConfidencePreset;
	totals: ReportTotals<ConfidenceTotals>;
	/** In ballot order. */
	people: ConfidencePerson[];
}

export interface ConfidenceReport extends ConfidenceCount {
	kind: 'confidence';
	session: SessionView;
	/**
	 * A result published under a shipped preset corrected since: the same ballots counted under
	 * the corrected preset, shown beside the published figures (which never change).
	 */
	corrected: ConfidenceCount | null;
}

export interface AppraisalRow {
	subject: Subject;
	/** Grade votes: the distribution and median. */
	votes: GradeVoteSubject | null;
	/** Score sheets: exact means per criterion and in total. */
	score: ScoreSubject | null;
	/** The grade from the vote alone, before the cap. */
	collective: Grade | null;
	/** The collective result: the vote's grade once the cap is applied. */
	capped: Grade | null;
	move: CapMove | null;
}

export interface AppraisalReport {
	kind: 'appraisal';
	session: SessionView;
	rules: AppraisalRules;
	criteria: Criterion[];
	totals: ReportTotals;
	rows: AppraisalRow[];
	cap: {
		allowed: number;
		candidates: number;
		goodBefore: number;
		/** Demotions in the order the rule makes them, lowest-ranked first. */
		moves: CapMove[];
		tie: { ids: string[]; slots: number } | null;
	};
}

export type Report = ConfidenceReport | AppraisalReport;

function appraisalReport(
	db: AppDatabase,
	session: SessionView,
	rules: AppraisalRules
): AppraisalReport {
	const subjects = listSubjects(db, session.id);
	const base = {
		convened: session.convened,
		present: session.present,
		cardsIssued: session.cardsIssued - session.cardsVoided,
		paperIssued: session.paperIssued,
		paperReturned: session.paperReturned,
		quorum: quorumStatus(rules.preset, session.convened, session.present)
	};
	let totals: BallotTotals;
	let rows: Omit<AppraisalRow, 'capped' | 'move'>[];
	let capped;
	if (rules.mode === 'grades') {
		const result = tallyGradeVotes(subjects, countStoredChoices(db, session.id, isGrade));
		totals = { ...base, returned: result.returned, valid: result.valid, invalid: result.invalid };
		rows = subjects.map((subject, index) => {
			const votes = result.subjects[index] as GradeVoteSubject;
			return { subject, votes, score: null, collective: votes.median };
		});
		capped = capGrades(rules.preset, result.subjects, (s) => s.median, compareGradeVotes);
	} else {
		const criteria = rules.criteria ?? [];
		const scores = tallyScoreSheets(
			criteria,
			subjects,
			loadScoreSheets(db, session.id),
			rules.preset.bands
		);
		const counts = ballotCounts(db, session.id);
		totals = {
			...base,
			returned: counts.returned,
			valid: counts.returned - counts.blank,
			invalid: counts.blank
		};
		rows = subjects.map((subject, index) => {
			const score = scores[index] as ScoreSubject;
			return { subject, votes: null, score, collective: score.grade };
		});
		capped = capGrades(rules.preset, scores, (s) => s.grade, compareScores);
	}
	const { cap } = capped;
	return {
		kind: 'appraisal',
		session,
		rules,
		criteria: rules.criteria ?? [],
		totals: { ...totals, issuedBeyondPresentReasons: issuedBeyondPresentReasons(db, session.id) },
		rows: rows.map((row) => ({
			...row,
			capped: row.collective === null ? null : (cap.grades.get(row.subject.id) ?? row.collective),
			move: cap.moves.find((move) => move.id === row.subject.id) ?? null
		})),
		cap: {
			allowed: cap.allowed,
			candidates: cap.candidates,
			goodBefore: cap.goodBefore,
			moves: cap.moves,
			tie: cap.tie
		}
	};
}

export function sessionReport(db: AppDatabase, session: SessionView): Report {
	const { rules } = session;
	if (rules.kind === 'appraisal') return appraisalReport(db, session, rules);
	const subjects = listSubjects(db, session.id);
	const choices = countStoredChoices(db, session.id, isRow);
	const reasons = issuedBeyondPresentReasons(db, session.id);
	const count = (preset: ConfidencePreset): ConfidenceCount => {
		const { subjects: figures, ...totals } = tallyConfidence({
			preset,
			convened: session.convened,
			present: session.present,
			cardsIssued: session.cardsIssued - session.cardsVoided,
			paperIssued: session.paperIssued,
			paperReturned: session.paperReturned,
			subjects,
			choices
		});
		return {
			preset,
			totals: { ...totals, issuedBeyondPresentReasons: reasons },
			people: subjects.map((subject, index) => ({ subject, figures: figures[index]! }))
		};
	};
	const correction = rules.preset.correctedBy
		? findConfidencePreset(rules.preset.correctedBy)
		: undefined;
	return {
		kind: 'confidence',
		session,
		...count(rules.preset),
		corrected: correction ? count(correction) : null
	};
}
