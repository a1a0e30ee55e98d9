/**
 * Loads a closed session's ballots and hands them to the tally core. Ballots are read in the
 * order of their random ids, which says nothing about when they were cast.
 */
import { eq } from 'drizzle-orm';
import {
	CONFIDENCE_MARKS,
	tallyConfidence,
	type ConfidenceBallot,
	type ConfidenceMark,
	type ConfidenceResult
} from '$lib/tally/confidence';
import type { AppDatabase } from './db';
import { ballot, ballotChoice, type Subject } from './db/schema';
import { listSubjects } from './subjects';
import type { SessionView } from './vote-sessions';

const MARKS = new Set<string>(CONFIDENCE_MARKS);

function isMark(value: string): value is ConfidenceMark {
	return MARKS.has(value);
}

export function loadConfidenceBallots(db: AppDatabase, sessionId: string): ConfidenceBallot[] {
	const rows = db
		.select({ ballotId: ballot.id, subjectId: ballotChoice.subjectId, choice: ballotChoice.choice })
		.from(ballot)
		.leftJoin(ballotChoice, eq(ballotChoice.ballotId, ballot.id))
		.where(eq(ballot.sessionId, sessionId))
		.all();
	const ballots = new Map<string, Record<string, ConfidenceMark>>();
	for (const row of rows) {
		let marks = ballots.get(row.ballotId);
		if (!marks) {
			marks = {};
			ballots.set(row.ballotId, marks);
		}
		if (row.subjectId === null || row.choice === null) continue;
		if (!isMark(row.choice)) throw new Error('A stored ballot holds an unknown mark');
		marks[row.subjectId] = row.choice;
	}
	return [...ballots.values()];
}

export interface ConfidenceReport {
	session: SessionView;
	subjects: Subject[];
	result: ConfidenceResult;
}

export function confidenceReport(db: AppDatabase, session: SessionView): ConfidenceReport {
	const subjects = listSubjects(db, session.id);
	const result = tallyConfidence({
		preset: session.preset,
		convened: session.convened,
		present: session.present,
		cardsIssued: session.cardsIssued - session.cardsVoided,
		subjects,
		ballots: loadConfidenceBallots(db, session.id)
	});
	return { session, subjects, result };
}
