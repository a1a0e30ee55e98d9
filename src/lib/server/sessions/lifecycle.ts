/**
 * Voting sessions: creation, access, attendance and the draft → open → closed life cycle.
 */
import { and, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { nextPeriod, type Period } from '$lib/periods';
import { quorumStatus } from '$lib/tally/confidence';
import type { Criterion } from '$lib/tally/score-template';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase, Transaction } from '../db';
import { preparedQueries } from '../db/prepared';
import { ballot, subject, voteSession, type VoteSession } from '../db/schema';
import { cardCounts, handedOut, purgeCards, scrubDeletedCards } from '../cards/ballot-cards';
import { generateId, generateSecret } from '../db/ids';
import { recordAudit } from '../db/audit';
import { committeeSessionIds } from './committee';
import { rulesFromRow, rulesToColumns, type RuleColumn, type SessionRules } from './rules';

export interface SessionDetails {
	title: string;
	organisation: string;
	meetingDate: string;
	meetingTime: string | null;
	place: string;
	convened: number;
	rules: SessionRules;
}

export type SessionView = Omit<VoteSession, RuleColumn> & { rules: SessionRules };

function view(row: VoteSession): SessionView {
	const {
		kind: _kind,
		preset: _preset,
		mode: _mode,
		periodKind: _periodKind,
		periodYear: _periodYear,
		periodQuarter: _periodQuarter,
		periodLabel: _periodLabel,
		criteria: _criteria,
		...rest
	} = row;
	return { ...rest, rules: rulesFromRow(row) };
}

/**
 * Exactly the columns a session's details cover. A wider object (a whole session read back,
 * say) must never reach the database: it could carry a state or an owner.
 */
function detailColumns(details: SessionDetails) {
	const { title, organisation, meetingDate, meetingTime, place, convened, rules } = details;
	return {
		title,
		organisation,
		meetingDate,
		meetingTime,
		place,
		convened,
		...rulesToColumns(rules)
	};
}

export function createVoteSession(
	db: AppDatabase,
	ownerId: string,
	details: SessionDetails
): string {
	const id = generateId();
	db.insert(voteSession)
		.values({
			id,
			ownerId,
			...detailColumns(details),
			projectorKey: generateSecret(128),
			createdAt: new Date()
		})
		.run();
	return id;
}

/**
 * Sessions the user may see, newest first: their own; all of them for an administrator; for a
 * tally-committee account, those it is named on.
 */
export function listVoteSessions(db: AppDatabase, viewer: AuthenticatedUser): SessionView[] {
	const query = db.select().from(voteSession).orderBy(desc(voteSession.createdAt));
	if (viewer.role === 'admin') return query.all().map(view);
	if (viewer.role === 'tally') {
		const ids = committeeSessionIds(db, viewer.id);
		return ids.length === 0 ? [] : query.where(inArray(voteSession.id, ids)).all().map(view);
	}
	return query.where(eq(voteSession.ownerId, viewer.id)).all().map(view);
}

const queries = preparedQueries((db) => ({
	sessionById: db
		.select()
		.from(voteSession)
		.where(eq(voteSession.id, sql.placeholder('id')))
		.prepare()
}));

/** A session by id, for callers that have already decided who may see it. */
export function sessionById(db: AppDatabase, id: string): SessionView | undefined {
	const row = queries(db).sessionById.get({ id });
	return row ? view(row) : undefined;
}

/**
 * A session its owner (or an administrator) manages; `undefined` both when it does not exist
 * and when the user may not manage it.
 */
export function findVoteSession(
	db: AppDatabase,
	viewer: AuthenticatedUser,
	id: string
): SessionView | undefined {
	const session = sessionById(db, id);
	if (!session || (viewer.role !== 'admin' && session.ownerId !== viewer.id)) return undefined;
	return session;
}

export type DraftChange =
	'ok' | 'not_draft' | 'present_exceeds_convened' | 'handed_out_exceeds_convened';

/**
 * Details, N and the rules change only in draft, and N never below the attendance recorded nor
 * below the ballots already handed out (each person convened has one).
 */
export function updateVoteSession(
	db: AppDatabase,
	id: string,
	details: SessionDetails
): DraftChange {
	return db.transaction(
		(tx) => {
			const row = tx.select().from(voteSession).where(eq(voteSession.id, id)).get();
			if (!row || row.state !== 'draft') return 'not_draft';
			if (row.present !== null && row.present > details.convened) return 'present_exceeds_convened';
			if (handedOut(row) > details.convened) return 'handed_out_exceeds_convened';
			tx.update(voteSession).set(detailColumns(details)).where(eq(voteSession.id, id)).run();
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Records how many people are present. Attendance below the ballots already handed out is
 * recorded all the same: it is a fact of the room, and cards printed before the meeting for
 * everyone convened are the normal case. The session and cards pages then say how many spare
 * cards to void, and the minutes state the figures as they stand (see tally/issuing.ts).
 */
export function recordAttendance(db: AppDatabase, id: string, present: number): DraftChange {
	return db.transaction(
		(tx) => {
			const row = tx.select().from(voteSession).where(eq(voteSession.id, id)).get();
			if (!row || row.state !== 'draft') return 'not_draft';
			if (present > row.convened) return 'present_exceeds_convened';
			tx.update(voteSession).set({ present }).where(eq(voteSession.id, id)).run();
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}

export type OpenResult =
	| { ok: true }
	| { ok: false; reason: 'not_draft' | 'no_subjects' | 'no_attendance' }
	| {
			ok: false;
			reason: 'quorum' | 'quorum_binding';
			present: number;
			convened: number;
			needed: number;
	  };

/**
 * Opens voting. Below a binding quorum (QĐ 96: "chỉ được tiến hành khi có ít nhất 2/3 số người
 * được triệu tập có mặt") it is refused, whatever the reason given. Below an advisory one the
 * organiser must say why; the reason is kept and the result says the vote was held without it.
 */
export function openVoteSession(
	db: AppDatabase,
	id: string,
	overrideReason: string | null,
	actorId: string | null = null
): OpenResult {
	return db.transaction(
		(tx): OpenResult => {
			const row = tx.select().from(voteSession).where(eq(voteSession.id, id)).get();
			if (!row || row.state !== 'draft') return { ok: false, reason: 'not_draft' };
			const subjects = tx
				.select({ n: count() })
				.from(subject)
				.where(eq(subject.sessionId, id))
				.get();
			if (!subjects?.n) return { ok: false, reason: 'no_subjects' };
			if (row.present === null) return { ok: false, reason: 'no_attendance' };
			const quorum = quorumStatus(rulesFromRow(row).preset, row.convened, row.present);
			if (!quorum.met && (quorum.binding || !overrideReason)) {
				return {
					ok: false,
					reason: quorum.binding ? 'quorum_binding' : 'quorum',
					present: row.present,
					convened: row.convened,
					needed: quorum.needed ?? 0
				};
			}
			tx.update(voteSession)
				.set({
					state: 'open',
					openedAt: new Date(),
					quorumOverrideReason: quorum.met ? null : overrideReason
				})
				.where(eq(voteSession.id, id))
				.run();
			recordAudit(tx, id, actorId, 'opened', quorum.met ? '' : (overrideReason ?? ''));
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Closing cannot be undone: the cards are purged with it (their counts stay on the session), so
 * no card works any more and nothing is left that a card could be matched against.
 */
export function closeVoteSession(
	db: AppDatabase,
	id: string,
	actorId: string | null = null
): boolean {
	const now = new Date();
	const closed = db.transaction(
		(tx) => {
			const { changes } = tx
				.update(voteSession)
				.set({ state: 'closed', closedAt: now, countEndedAt: now })
				.where(and(eq(voteSession.id, id), eq(voteSession.state, 'open')))
				.run();
			if (changes !== 1) return false;
			purgeCards(tx, id);
			recordAudit(tx, id, actorId, 'closed');
			return true;
		},
		{ behavior: 'immediate' }
	);
	if (closed) scrubDeletedCards(db);
	return closed;
}

/** Only a draft can be deleted: once voting opened, the ballots are a record to keep. */
export function deleteDraftSession(db: AppDatabase, id: string): boolean {
	const { changes } = db
		.delete(voteSession)
		.where(and(eq(voteSession.id, id), eq(voteSession.state, 'draft')))
		.run();
	// Its cards went with it (ON DELETE CASCADE); they were printed, so scrub them too.
	if (changes === 1) scrubDeletedCards(db);
	return changes === 1;
}

export interface Turnout {
	convened: number;
	present: number | null;
	cardsIssued: number;
	cardsUnused: number;
	paperIssued: number;
	paperReturned: number;
	/** All returned ballots, from phones and from paper. */
	returned: number;
}

/** Counts only: how many came back, never what they say. */
export function turnout(
	db: AppDatabase,
	session: Pick<
		VoteSession,
		'id' | 'convened' | 'present' | 'cardsIssued' | 'cardsVoided' | 'paperIssued' | 'paperReturned'
	>
): Turnout {
	const returned =
		db.select({ n: count() }).from(ballot).where(eq(ballot.sessionId, session.id)).get()?.n ?? 0;
	return {
		convened: session.convened,
		present: session.present,
		cardsIssued: session.cardsIssued - session.cardsVoided,
		cardsUnused: cardCounts(session, returned).unused,
		paperIssued: session.paperIssued,
		paperReturned: session.paperReturned,
		returned
	};
}

/** An appraisal of the next period and the same people (see `cloneForNextPeriod`), if any. */
function nextPeriodTwin(
	tx: Transaction,
	sourceId: string,
	ownerId: string,
	clone: ReturnType<typeof detailColumns>
): { id: string; title: string } | undefined {
	const sourcePersons = tx
		.select({ personId: subject.personId })
		.from(subject)
		.where(and(eq(subject.sessionId, sourceId), ne(subject.personId, '')));
	const sharingPersons = tx
		.select({ id: subject.sessionId })
		.from(subject)
		.where(inArray(subject.personId, sourcePersons));
	return tx
		.select({ id: voteSession.id, title: voteSession.title })
		.from(voteSession)
		.where(
			and(
				ne(voteSession.id, sourceId),
				eq(voteSession.kind, 'appraisal'),
				// IS: null-safe equality, as a period leaves some of its columns empty.
				sql`${voteSession.periodKind} IS ${clone.periodKind}`,
				sql`${voteSession.periodYear} IS ${clone.periodYear}`,
				sql`${voteSession.periodQuarter} IS ${clone.periodQuarter}`,
				sql`${voteSession.periodLabel} IS ${clone.periodLabel}`,
				or(
					inArray(voteSession.id, sharingPersons),
					and(
						eq(voteSession.ownerId, ownerId),
						eq(voteSession.organisation, clone.organisation),
						eq(voteSession.title, clone.title)
					)
				)
			)
		)
		.orderBy(voteSession.createdAt)
		.limit(1)
		.get();
}

export type CloneResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'not_appraisal' | 'no_next_period' }
	| { ok: false; reason: 'exists'; existing: { id: string; title: string } };

/**
 * Starts the next period's appraisal from this one, in one step: the same meeting details,
 * people (as the same persons, in their duty groups), mode, criteria and rules, as a new draft
 * on the meeting date the organiser gives. A title naming the old period names the new one.
 *
 * Refused when the next period already has an appraisal of the same people, so that a second
 * click (or a second tab) cannot make a twin quarter that the person's history would count
 * twice. "The same people" is what the data model says it is: a session of the next period
 * sharing a person (`personId`, carried from clone to clone) with this one, whoever cloned it;
 * or, for a list still empty, one of the same owner with the same organisation and the title
 * the clone would get. Any other session of that period (another unit's, typed afresh) is a
 * different appraisal and is allowed; the source itself never counts. A term has no next
 * period (see `nextPeriod`) and is not cloned.
 */
export function cloneForNextPeriod(
	db: AppDatabase,
	session: SessionView,
	ownerId: string,
	meetingDate: string,
	periodTitles: (period: Period) => string[]
): CloneResult {
	const rules = session.rules;
	if (rules.kind !== 'appraisal') return { ok: false, reason: 'not_appraisal' };
	const period = nextPeriod(rules.period);
	if (!period) return { ok: false, reason: 'no_next_period' };
	let title = session.title;
	const oldTitles = periodTitles(rules.period);
	const newTitles = periodTitles(period);
	oldTitles.forEach((old, index) => {
		const replacement = newTitles[index] ?? old;
		if (old === replacement) return;
		// "…quý III năm 2026" in a title matches "Quý III năm 2026", keeping the title's case.
		const pattern = new RegExp(old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
		title = title.replace(pattern, (found) =>
			found[0] === found[0]?.toLowerCase()
				? replacement.charAt(0).toLowerCase() + replacement.slice(1)
				: replacement
		);
	});
	const columns = detailColumns({ ...session, title, meetingDate, rules: { ...rules, period } });
	const id = generateId();
	return db.transaction(
		(tx): CloneResult => {
			const existing = nextPeriodTwin(tx, session.id, ownerId, columns);
			if (existing) return { ok: false, reason: 'exists', existing };
			tx.insert(voteSession)
				.values({
					id,
					ownerId,
					...columns,
					projectorKey: generateSecret(128),
					createdAt: new Date()
				})
				.run();
			const people = tx
				.select()
				.from(subject)
				.where(eq(subject.sessionId, session.id))
				.orderBy(subject.position)
				.all();
			if (people.length > 0) {
				tx.insert(subject)
					.values(
						people.map((person) => ({
							id: generateId(),
							sessionId: id,
							position: person.position,
							fullName: person.fullName,
							jobTitle: person.jobTitle,
							personId: person.personId,
							// The group is the person's standing; self-assessment, conditions and
							// grades belong to the period appraised and start empty.
							dutyGroup: person.dutyGroup
						}))
					)
					.run();
			}
			return { ok: true, id };
		},
		{ behavior: 'immediate' }
	);
}

/** A score sheet's criteria change only in draft. */
export function updateCriteria(
	db: AppDatabase,
	session: SessionView,
	criteria: Criterion[]
): DraftChange {
	if (session.rules.kind !== 'appraisal' || session.rules.mode !== 'scores') return 'not_draft';
	const rules = { ...session.rules, criteria };
	return db.transaction(
		(tx) => {
			const row = tx.select().from(voteSession).where(eq(voteSession.id, session.id)).get();
			if (!row || row.state !== 'draft') return 'not_draft';
			tx.update(voteSession).set(rulesToColumns(rules)).where(eq(voteSession.id, session.id)).run();
			return 'ok';
		},
		{ behavior: 'immediate' }
	);
}
