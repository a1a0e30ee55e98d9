/**
 * The people on a session's ballot. Every change requires the session to be a draft, checked
 * inside the same transaction as the change.
 */
import { and, asc, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { AppDatabase, Transaction } from '../db';
import { subject, voteSession, type Subject } from '../db/schema';
import { generateId } from '../db/ids';

export const MAX_SUBJECTS = 200;

export interface SubjectInput {
	fullName: string;
	jobTitle: string;
}

export type SubjectChange = 'ok' | 'not_draft' | 'not_found' | 'too_many';

function isDraft(tx: Transaction, sessionId: string): boolean {
	const row = tx
		.select({ state: voteSession.state })
		.from(voteSession)
		.where(eq(voteSession.id, sessionId))
		.get();
	return row?.state === 'draft';
}

function inDraft(
	db: AppDatabase,
	sessionId: string,
	change: (tx: Transaction) => SubjectChange
): SubjectChange {
	return db.transaction((tx) => (isDraft(tx, sessionId) ? change(tx) : 'not_draft'), {
		behavior: 'immediate'
	});
}

export function listSubjects(db: AppDatabase, sessionId: string): Subject[] {
	return db
		.select()
		.from(subject)
		.where(eq(subject.sessionId, sessionId))
		.orderBy(asc(subject.position))
		.all();
}

/** Appends people at the end of the ballot, all or none. */
export function addSubjects(
	db: AppDatabase,
	sessionId: string,
	people: readonly SubjectInput[]
): SubjectChange {
	return inDraft(db, sessionId, (tx) => {
		const existing = tx
			.select({ n: count(), last: max(subject.position) })
			.from(subject)
			.where(eq(subject.sessionId, sessionId))
			.get();
		if ((existing?.n ?? 0) + people.length > MAX_SUBJECTS) return 'too_many';
		const first = (existing?.last ?? 0) + 1;
		if (people.length > 0) {
			tx.insert(subject)
				.values(
					people.map((person, index) => {
						const id = generateId();
						// A new person: later sessions cloned from this one carry the same person id.
						return {
							id,
							sessionId,
							position: first + index,
							fullName: person.fullName,
							jobTitle: person.jobTitle,
							personId: id
						};
					})
				)
				.run();
		}
		return 'ok';
	});
}

export function updateSubject(
	db: AppDatabase,
	sessionId: string,
	subjectId: string,
	person: SubjectInput
): SubjectChange {
	return inDraft(db, sessionId, (tx) => {
		const { changes } = tx
			.update(subject)
			.set(person)
			.where(and(eq(subject.id, subjectId), eq(subject.sessionId, sessionId)))
			.run();
		return changes === 1 ? 'ok' : 'not_found';
	});
}

/** Swaps a person with their neighbour above or below. */
export function moveSubject(
	db: AppDatabase,
	sessionId: string,
	subjectId: string,
	direction: 'up' | 'down'
): SubjectChange {
	return inDraft(db, sessionId, (tx) => {
		const moving = tx
			.select()
			.from(subject)
			.where(and(eq(subject.id, subjectId), eq(subject.sessionId, sessionId)))
			.get();
		if (!moving) return 'not_found';
		const neighbour = tx
			.select()
			.from(subject)
			.where(
				and(
					eq(subject.sessionId, sessionId),
					direction === 'up'
						? lt(subject.position, moving.position)
						: gt(subject.position, moving.position)
				)
			)
			.orderBy(direction === 'up' ? sql`${subject.position} desc` : asc(subject.position))
			.limit(1)
			.get();
		if (!neighbour) return 'ok';
		tx.update(subject).set({ position: neighbour.position }).where(eq(subject.id, moving.id)).run();
		tx.update(subject).set({ position: moving.position }).where(eq(subject.id, neighbour.id)).run();
		return 'ok';
	});
}

export function removeSubject(
	db: AppDatabase,
	sessionId: string,
	subjectId: string
): SubjectChange {
	return inDraft(db, sessionId, (tx) => {
		const removed = tx
			.delete(subject)
			.where(and(eq(subject.id, subjectId), eq(subject.sessionId, sessionId)))
			.returning({ position: subject.position })
			.get();
		if (!removed) return 'not_found';
		tx.update(subject)
			.set({ position: sql`${subject.position} - 1` })
			.where(and(eq(subject.sessionId, sessionId), gt(subject.position, removed.position)))
			.run();
		return 'ok';
	});
}
