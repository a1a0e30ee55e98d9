/**
 * The people on a session's ballot. Every change requires the session to be a draft, checked
 * inside the same transaction as the change, as are the rules on namesakes
 * ($lib/subjects/duplicates): the same name and title twice is refused, a shared name needs the
 * organiser's word. On an appraisal each person also has a duty group and, recorded before the
 * vote, a self-assessment; both change only in draft, like the list.
 */
import { and, asc, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import { findDuplicates, type Incoming } from '$lib/subjects/duplicates';
import { groupSpelling } from '$lib/subjects/duty-group';
import type { SelfAssessment } from '$lib/subjects/self-assessment';
import type { AppDatabase, Transaction } from '../db';
import { subject, voteSession, type Subject } from '../db/schema';
import { generateId } from '../db/ids';

export const MAX_SUBJECTS = 200;

/**
 * A person as the organiser gives them. The appraisal fields left out are left as they are (for
 * someone new: the default group, no self-assessment).
 */
export interface SubjectInput extends Partial<SelfAssessment> {
	fullName: string;
	jobTitle: string;
	dutyGroup?: string;
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

/** Everyone on the list but `except`: their names, for namesakes, and their groups. */
function peopleOn(tx: Transaction, sessionId: string, except?: string) {
	return tx
		.select({
			id: subject.id,
			fullName: subject.fullName,
			jobTitle: subject.jobTitle,
			dutyGroup: subject.dutyGroup
		})
		.from(subject)
		.where(eq(subject.sessionId, sessionId))
		.all()
		.filter((person) => person.id !== except);
}

/**
 * What is stored of a person's appraisal fields. Their group takes the spelling already used
 * for it (`known`, to which a new group is added for the people after them): "Lãnh đạo" and
 * "lãnh đạo" would otherwise be two groups, each with a cap of its own.
 */
function appraisalColumns(person: SubjectInput, known: string[]) {
	const { selfScore, selfGrade } = person;
	if (person.dutyGroup === undefined) return { selfScore, selfGrade };
	const dutyGroup = groupSpelling(known, person.dutyGroup);
	if (!known.includes(dutyGroup)) known.push(dutyGroup);
	return { dutyGroup, selfScore, selfGrade };
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
		const listed = peopleOn(tx, sessionId);
		const duplicates = findDuplicates(incoming, listed);
		if (duplicates.exact.length > 0) return 'duplicate';
		if (duplicates.sameName.length > 0 && !sameNameConfirmed) return 'same_name';
		const existing = tx
			.select({ n: count(), last: max(subject.position) })
			.from(subject)
			.where(eq(subject.sessionId, sessionId))
			.get();
		if ((existing?.n ?? 0) + people.length > MAX_SUBJECTS) return 'too_many';
		const first = (existing?.last ?? 0) + 1;
		const groups = listed.map((person) => person.dutyGroup);
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
							personId: id,
							...appraisalColumns(person, groups)
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
		const others = peopleOn(tx, sessionId, subjectId);
		if (findDuplicates([{ ...person, line: 1 }], others).exact.length > 0) return 'duplicate';
		const groups = others.map((other) => other.dutyGroup);
		const { fullName, jobTitle } = person;
		const { changes } = tx
			.update(subject)
			.set({ fullName, jobTitle, ...appraisalColumns(person, groups) })
			.where(and(eq(subject.id, subjectId), eq(subject.sessionId, sessionId)))
			.run();
		return changes === 1 ? 'ok' : 'not_found';
	});
}

/**
 * Whether an appraisal's ballot prints each person's self-assessment beside their name. Chosen
 * in draft only: every ballot of a session must read the same, so that none can be told apart.
 */
export function showSelfAssessmentOnBallot(
	db: AppDatabase,
	sessionId: string,
	shown: boolean
): 'ok' | 'not_draft' | 'not_found' {
	return inDraft(db, sessionId, (tx) => {
		const { changes } = tx
			.update(voteSession)
			.set({ selfAssessmentOnBallot: shown })
			.where(and(eq(voteSession.id, sessionId), eq(voteSession.kind, 'appraisal')))
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
