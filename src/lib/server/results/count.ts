/**
 * Counts a closed session's ballots and hands the counts to the tally core. Ballots listed for a
 * recount are read in the order of their random ids, which says nothing about when they were
 * cast (the exports shuffle them as well).
 */
import { count, eq, inArray } from 'drizzle-orm';
import {
	compareGradeVotes,
	compareScores,
	departsFromSelfScore,
	gradeAppraisal,
	tallyGradeVotes,
	tallyScoreSheets,
	type GradeVoteSubject,
	type ScoreSheet,
	type ScoreSubject
} from '$lib/tally/appraisal';
import {
	capBreaches,
	capRatioInForce,
	type CapBreach,
	type CapMove,
	type RecordedCapRate
} from '$lib/tally/cap';
import { factsOf, type ConditionalGrade, type ConditionRecord } from '$lib/tally/conditions';
import type { Fraction } from '$lib/tally/fraction';
import { capCountsPerGroup } from '$lib/tally/appraisal-presets';
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
import { readConditionRecord } from '../sessions/stored-presets';
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
	/** The conditions recorded for this person; `null` until the organiser records them. */
	record: ConditionRecord | null;
	/** Grade votes: the distribution and median. */
	votes: GradeVoteSubject | null;
	/** Score sheets: exact means per criterion and in total. */
	score: ScoreSubject | null;
	/** The grade from the vote alone (score band or median), before conditions and the cap. */
	collective: Grade | null;
	/** The vote's grade capped by every unmet condition, with the reasons. */
	conditional: ConditionalGrade | null;
	/** The collective result: the grade once the conditions and the cap are applied. */
	capped: Grade | null;
	move: CapMove | null;
	/** The counted score is 5 points or more from the person's own. */
	departsFromSelfScore: boolean;
}

/** The cap's count in one group of similar duties (or the whole session). */
export interface GroupCapFigures {
	group: string;
	allowed: number;
	candidates: number;
	goodBefore: number;
	/** Demotions in the order the rule makes them, lowest-ranked first. */
	moves: CapMove[];
	tie: { ids: string[]; slots: number } | null;
}

export interface AppraisalReport {
	kind: 'appraisal';
	session: SessionView;
	rules: AppraisalRules;
	criteria: Criterion[];
	totals: ReportTotals;
	rows: AppraisalRow[];
	cap: {
		/** The rate in force: the preset's, or a higher one recorded for the session. */
		ratio: Fraction | null;
		recordedRate: RecordedCapRate | null;
		/** Counted per duty group (else over the whole session). */
		perGroup: boolean;
		groups: GroupCapFigures[];
		moves: CapMove[];
		/** Everyone tied at a cut-off, whom a person must decide, in every group. */
		tiedIds: string[];
		/**
		 * Groups whose grades as they stand (final where confirmed, else the collective result)
		 * break the cap: publishing them needs the organiser to change a grade first.
		 */
		breaches: CapBreach[];
	};
}

export type Report = ConfidenceReport | AppraisalReport;

export function recordedCapRate(session: SessionView): RecordedCapRate | null {
	return session.capRatePercent !== null && session.capRateDocument
		? { percent: session.capRatePercent, document: session.capRateDocument }
		: null;
}

/**
 * The grades as they stand for the cap's check on final grades: each person's final grade, or
 * their collective result while none is confirmed, with `overrides` (a grade about to be
 * confirmed) taking precedence.
 */
export function gradesAsTheyStand(
	report: Pick<AppraisalReport, 'rows'>,
	overrides: ReadonlyMap<string, Grade> = new Map()
): { group: string; grade: Grade | null }[] {
	return report.rows.map((row) => ({
		group: row.subject.dutyGroup,
		grade: overrides.get(row.subject.id) ?? row.subject.finalGrade ?? row.capped
	}));
}

function appraisalReport(
	db: AppDatabase,
	session: SessionView,
	rules: AppraisalRules
): AppraisalReport {
	const subjects = listSubjects(db, session.id).map((subject) => {
		const record = readConditionRecord(subject.conditions);
		return { subject, record, facts: record && factsOf(record) };
	});
	const base = {
		convened: session.convened,
		present: session.present,
		cardsIssued: session.cardsIssued - session.cardsVoided,
		paperIssued: session.paperIssued,
		paperReturned: session.paperReturned,
		quorum: quorumStatus(rules.preset, session.convened, session.present)
	};
	const recordedRate = recordedCapRate(session);
	const ratio = capRatioInForce(rules.preset.cap?.ratio ?? null, recordedRate);
	const candidate = (index: number) => {
		const { subject, facts } = subjects[index]!;
		return { id: subject.id, group: subject.dutyGroup, facts };
	};
	let totals: BallotTotals;
	let rows: Pick<AppraisalRow, 'votes' | 'score' | 'collective'>[];
	let graded;
	if (rules.mode === 'grades') {
		const result = tallyGradeVotes(
			subjects.map(({ subject }) => subject),
			countStoredChoices(db, session.id, isGrade)
		);
		totals = { ...base, returned: result.returned, valid: result.valid, invalid: result.invalid };
		rows = result.subjects.map((votes) => ({ votes, score: null, collective: votes.median }));
		graded = gradeAppraisal(
			rules.preset,
			ratio,
			result.subjects.map((votes, index) => ({ ...votes, ...candidate(index) })),
			(s) => s.median,
			compareGradeVotes
		);
	} else {
		const criteria = rules.criteria ?? [];
		const scores = tallyScoreSheets(
			criteria,
			subjects.map(({ subject }) => subject),
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
		rows = scores.map((score) => ({ votes: null, score, collective: score.grade }));
		graded = gradeAppraisal(
			rules.preset,
			ratio,
			scores.map((score, index) => ({ ...score, ...candidate(index) })),
			(s) => s.grade,
			compareScores
		);
	}
	const { cap, conditional } = graded;
	const reportRows: AppraisalRow[] = rows.map((row, index) => {
		const { subject, record } = subjects[index]!;
		const conditions = conditional.get(subject.id) ?? null;
		const total = row.score?.total;
		return {
			...row,
			subject,
			record,
			conditional: conditions,
			capped: conditions ? (cap.grades.get(subject.id) ?? conditions.grade) : null,
			move: cap.moves.find((move) => move.id === subject.id) ?? null,
			departsFromSelfScore:
				total != null && subject.selfScore !== null
					? departsFromSelfScore(total, subject.selfScore)
					: false
		};
	});
	const perGroup = capCountsPerGroup(rules.preset);
	return {
		kind: 'appraisal',
		session,
		rules,
		criteria: rules.criteria ?? [],
		totals: { ...totals, issuedBeyondPresentReasons: issuedBeyondPresentReasons(db, session.id) },
		rows: reportRows,
		cap: {
			ratio,
			recordedRate,
			perGroup,
			groups: cap.groups.map(({ group, outcome }) => ({
				group,
				allowed: outcome.allowed,
				candidates: outcome.candidates,
				goodBefore: outcome.goodBefore,
				moves: outcome.moves,
				tie: outcome.tie
			})),
			moves: cap.moves,
			tiedIds: cap.groups.flatMap(({ outcome }) => outcome.tie?.ids ?? []),
			breaches: capBreaches(gradesAsTheyStand({ rows: reportRows }), ratio, perGroup)
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
