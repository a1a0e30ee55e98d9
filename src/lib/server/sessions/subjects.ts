/**
 * The people on a session's ballot. Every change requires the session to be a draft, checked
 * inside the same transaction as the change, as are the rules on namesakes
 * ($lib/subjects/duplicates): the same name and title twice is refused, a shared name needs the
 * organiser's word.
 */
import { and, asc, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import { findDuplicates, type Incoming } from '$lib/subjects/duplicates';
import type { AppDatabase, Transaction } from '../db';
import { subject, voteSession, type Subject } from '../db/schema';
import { generateId } from '../db/ids';

export const MAX_SUBJECTS = 200;

export interface SubjectInput {
	fullName: string;
	jobTitle: string;
}

export type SubjectChange =
	| 'ok'
	| 'not_draft'
	| 'not_found'
	| 'too_many'
	/** The same name and title as someone else on the list (or twice in what is added). */
	| 'duplicate'
	/** A name someone on the list (or in what is added) has already, not confirmed. */
	| 'same_name';

function isDraft(tx: Transaction, sessionId: string): boolean {
	const row = tx
		.select({ state: voteSession.state })
		.from(voteSession)
		.where(eq(voteSession.id, sessionId))
		.get();
	return row?.state === 'draft';
}

function inDraft<Change>(
	db: AppDatabase,
	sessionId: string,
	change: (tx: Transaction) => Change
): Change | 'not_draft' {
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

function namesOn(tx: Transaction, sessionId: string, except?: string): SubjectInput[] {
	return tx
		.select({ id: subject.id, fullName: subject.fullName, jobTitle: subject.jobTitle })
		.from(subject)
		.where(eq(subject.sessionId, sessionId))
		.all()
		.filter((person) => person.id !== except);
}

/**
 * Appends people at the end of the ballot, all or none. A shared name goes in only with
 * `sameNameConfirmed` (the organiser saw the namesakes and said they are different people).
 */
export function addSubjects(
	db: AppDatabase,
	sessionId: string,
	people: readonly SubjectInput[],
	{ sameNameConfirmed = false } = {}
): SubjectChange {
	return inDraft(db, sessionId, (tx): SubjectChange => {
		const incoming: Incoming[] = people.map((person, index) => ({ ...person, line: index + 1 }));
		const duplicates = findDuplicates(incoming, namesOn(tx, sessionId));
		if (duplicates.exact.length > 0) return 'duplicate';
		if (duplicates.sameName.length > 0 && !sameNameConfirmed) return 'same_name';
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
	return inDraft(db, sessionId, (tx): SubjectChange => {
		const others = namesOn(tx, sessionId, subjectId);
		if (findDuplicates([{ ...person, line: 1 }], others).exact.length > 0) return 'duplicate';
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

/** Takes a person off the ballot; answers with their name, for the page to say who went. */
export function removeSubject(
	db: AppDatabase,
	sessionId: string,
	subjectId: string
): { removed: string } | 'not_draft' | 'not_found' {
	return inDraft(db, sessionId, (tx) => {
		const removed = tx
			.delete(subject)
			.where(and(eq(subject.id, subjectId), eq(subject.sessionId, sessionId)))
			.returning({ position: subject.position, fullName: subject.fullName })
			.get();
		if (!removed) return 'not_found';
		tx.update(subject)
			.set({ position: sql`${subject.position} - 1` })
			.where(and(eq(subject.sessionId, sessionId), gt(subject.position, removed.position)))
			.run();
		return { removed: removed.fullName };
	});
}
