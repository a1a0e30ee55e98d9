/**
 * QR ballot cards. A card's token and short code exist in clear only in the response that
 * prints them; the database keeps their SHA-256. Nothing records who received which card.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase, Transaction } from '../db';
import { auditEvent, closedCard, credential, voteSession, type VoteSession } from '../db/schema';
import { generateCardCode, normaliseCardCode } from './card-code';
import { generateSecret, sha256Hex, shuffle } from '../db/ids';
import { recordAudit } from '../db/audit';
import { emptyWriteAheadLog } from '../db/write-ahead-log';
import { preparedQueries } from '../db/prepared';
import { inTurns } from './turns';
import { checkIssuing, type IssuingCheck, type IssuingRefusal } from '$lib/tally/issuing';

/** A printed card: what goes into the QR code and what is printed for typing. */
export interface IssuedCard {
	token: string;
	code: string;
}

/** A card drawn and not yet stored: what is printed, and the hashes that are stored. */
export interface DrawnCard extends IssuedCard {
	tokenHash: string;
	codeHash: string;
}

export const MAX_CARDS_PER_BATCH = 1000;

export function hashCardToken(token: string): string {
	return sha256Hex(`token:${token}`);
}

export function hashCardCode(code: string): string {
	return sha256Hex(`code:${code}`);
}

/** Ballots handed out so far: QR cards not voided, plus paper ballots. */
export function handedOut(
	session: Pick<VoteSession, 'cardsIssued' | 'cardsVoided' | 'paperIssued'>
): number {
	return session.cardsIssued - session.cardsVoided + session.paperIssued;
}

/**
 * Checks, inside the caller's IMMEDIATE transaction (the one that changes the count), that the
 * ballots handed out may go to `after` (see tally/issuing.ts), and records the organiser's
 * reason in the audit trail when this takes them beyond the people present.
 */
export function allowIssuing(
	tx: Transaction,
	session: VoteSession,
	after: number,
	beyondPresentReason: string | null,
	actorId: string | null
): IssuingCheck {
	const figures = {
		convened: session.convened,
		present: session.present,
		handedOut: handedOut(session)
	};
	const check = checkIssuing(figures, after, Boolean(beyondPresentReason));
	if (check.ok && check.beyondPresent) {
		recordAudit(tx, session.id, actorId, 'issued_beyond_present', beyondPresentReason ?? '');
	}
	return check;
}

/**
 * Ballots handed out beyond the people present that nobody confirmed: cards printed before the
 * meeting for more people than came, which the organiser should void so that the minutes count
 * only the cards handed out. None once the organiser has confirmed going beyond the people
 * present (a late arrival, say): those were handed out on purpose.
 */
export function spareCards(
	db: AppDatabase,
	session: Pick<VoteSession, 'id' | 'present' | 'cardsIssued' | 'cardsVoided' | 'paperIssued'>
): number {
	if (session.present === null) return 0;
	const confirmed = db
		.select({ id: auditEvent.id })
		.from(auditEvent)
		.where(
			and(eq(auditEvent.sessionId, session.id), eq(auditEvent.action, 'issued_beyond_present'))
		)
		.get();
	return confirmed ? 0 : Math.max(0, handedOut(session) - session.present);
}

export type IssueResult =
	{ ok: true; cards: IssuedCard[] } | { ok: false; reason: 'closed' } | IssuingRefusal;

export interface IssueOptions {
	actorId?: string | null;
	/** The organiser's reason for handing out more ballots than the people present. */
	beyondPresentReason?: string | null;
	/** `count` cards drawn beforehand by `drawCards`; drawn here when absent. */
	drawn?: DrawnCard[];
}

function drawCard(): DrawnCard {
	const token = generateSecret(128);
	const code = generateCardCode();
	return { token, code, tokenHash: hashCardToken(token), codeHash: hashCardCode(code) };
}

/**
 * Draws `count` cards for `issueCards` in turns (turns.ts): drawing and hashing 1,000 of them
 * takes tens of milliseconds that other requests need not wait for. Nothing is stored.
 */
export function drawCards(count: number): Promise<DrawnCard[]> {
	return inTurns(count, drawCard);
}

/**
 * Issues `count` new cards for a session that is not closed, in one transaction, and returns
 * them shuffled (the caller prints them once; they cannot be shown again). Refused beyond the
 * people convened, and beyond the people present without a reason.
 */
export function issueCards(
	db: AppDatabase,
	sessionId: string,
	count: number,
	options: IssueOptions = {}
): IssueResult {
	if (options.drawn && options.drawn.length !== count) throw new Error('drawn cards ≠ count');
	// Codes are unique across all sessions; a clash among 48-bit codes is rare enough that
	// drawing the whole batch again is the simplest correct answer.
	for (let attempt = 1; ; attempt++) {
		const cards =
			attempt === 1 && options.drawn ? options.drawn : Array.from({ length: count }, drawCard);
		try {
			return insertCards(db, sessionId, cards, options);
		} catch (error) {
			const clash = error instanceof Error && /UNIQUE/.test(error.message);
			if (!clash || attempt === 3) throw error;
		}
	}
}

const queries = preparedQueries((db) => ({
	// One row at a time through a prepared statement: a thousand rows in one statement cost
	// Drizzle more to build than SQLite to insert, three times over.
	insertCard: db
		.insert(credential)
		.values({
			tokenHash: sql.placeholder('tokenHash'),
			codeHash: sql.placeholder('codeHash'),
			sessionId: sql.placeholder('sessionId')
		})
		.prepare()
}));

function insertCards(
	db: AppDatabase,
	sessionId: string,
	cards: DrawnCard[],
	{ actorId = null, beyondPresentReason = null }: IssueOptions
): IssueResult {
	const count = cards.length;
	return db.transaction(
		(tx): IssueResult => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session || session.state === 'closed') return { ok: false, reason: 'closed' };
			const allowed = allowIssuing(
				tx,
				session,
				handedOut(session) + count,
				beyondPresentReason,
				actorId
			);
			if (!allowed.ok) return allowed;
			const { insertCard } = queries(db);
			for (const { tokenHash, codeHash } of cards)
				insertCard.run({ tokenHash, codeHash, sessionId });
			tx.update(voteSession)
				.set({ cardsIssued: sql`${voteSession.cardsIssued} + ${count}` })
				.where(eq(voteSession.id, sessionId))
				.run();
			recordAudit(tx, sessionId, actorId, 'cards_issued', String(count));
			return { ok: true, cards: shuffle(cards.map(({ token, code }) => ({ token, code }))) };
		},
		{ behavior: 'immediate' }
	);
}

export type VoidResult = 'voided' | 'not_found' | 'already_used' | 'already_void';

/** Voids one unused card of this session, identified by the code printed on it. */
export function voidCardByCode(
	db: AppDatabase,
	sessionId: string,
	typedCode: string,
	actorId: string | null = null
): VoidResult {
	const code = normaliseCardCode(typedCode);
	if (!code) return 'not_found';
	return db.transaction(
		(tx) => {
			const card = tx
				.select({ status: credential.status })
				.from(credential)
				.where(
					and(eq(credential.codeHash, hashCardCode(code)), eq(credential.sessionId, sessionId))
				)
				.get();
			if (!card) return 'not_found';
			if (card.status === 'used') return 'already_used';
			if (card.status === 'void') return 'already_void';
			tx.update(credential)
				.set({ status: 'void' })
				.where(eq(credential.codeHash, hashCardCode(code)))
				.run();
			tx.update(voteSession)
				.set({ cardsVoided: sql`${voteSession.cardsVoided} + 1` })
				.where(eq(voteSession.id, sessionId))
				.run();
			recordAudit(tx, sessionId, actorId, 'cards_voided', '1');
			return 'voided';
		},
		{ behavior: 'immediate' }
	);
}

/** Voids every card not yet used; returns how many. */
export function voidUnusedCards(
	db: AppDatabase,
	sessionId: string,
	actorId: string | null = null
): number {
	return db.transaction(
		(tx) => {
			const { changes } = tx
				.update(credential)
				.set({ status: 'void' })
				.where(and(eq(credential.sessionId, sessionId), eq(credential.status, 'unused')))
				.run();
			tx.update(voteSession)
				.set({ cardsVoided: sql`${voteSession.cardsVoided} + ${changes}` })
				.where(eq(voteSession.id, sessionId))
				.run();
			if (changes > 0) recordAudit(tx, sessionId, actorId, 'cards_voided', String(changes));
			return changes;
		},
		{ behavior: 'immediate' }
	);
}

export interface CardCounts {
	unused: number;
	used: number;
	void: number;
}

/**
 * Cards by status, from the session's own counters: every ballot from a phone consumed exactly
 * one card (see ballots.ts), so this holds after the cards themselves are purged.
 */
export function cardCounts(
	session: Pick<VoteSession, 'cardsIssued' | 'cardsVoided' | 'paperReturned'>,
	returned: number
): CardCounts {
	const used = returned - session.paperReturned;
	return {
		used,
		void: session.cardsVoided,
		unused: session.cardsIssued - session.cardsVoided - used
	};
}

/**
 * What a closed session keeps of a card's token hash or code hash: a hash of it, so that a card
 * presented after closing is recognised, while no card hash survives the purge.
 */
export function closedCardFingerprint(cardHash: string): string {
	return sha256Hex(`closed:${cardHash}`);
}

/**
 * Deletes every card of a session, keeping only a fingerprint of each token and each code (see
 * `closedCard`: no status, nothing pairing them); the caller holds the transaction and then
 * calls `scrubDeletedCards`. Once a session closes its cards can open nothing, and their hashes
 * and statuses are the last thing that could tie a used card to anything.
 */
export function purgeCards(tx: Transaction, sessionId: string): void {
	const cards = tx
		.select({ tokenHash: credential.tokenHash, codeHash: credential.codeHash })
		.from(credential)
		.where(eq(credential.sessionId, sessionId))
		.all();
	const fingerprints = cards.flatMap((card) => [card.tokenHash, card.codeHash]);
	// A batch per statement stays well under SQLite's limit of bound variables.
	for (let start = 0; start < fingerprints.length; start += 5000) {
		tx.insert(closedCard)
			.values(
				fingerprints
					.slice(start, start + 5000)
					.map((hash) => ({ fingerprint: closedCardFingerprint(hash), sessionId }))
			)
			.run();
	}
	tx.delete(credential).where(eq(credential.sessionId, sessionId)).run();
}

/**
 * Makes deleted cards unrecoverable from the files. `secure_delete` zeroes the deleted cells,
 * but a B-tree's interior pages keep copies of some keys as dividers after their rows are gone:
 * REINDEX rebuilds the card table's trees (freed pages are zeroed), and a TRUNCATE checkpoint
 * copies the clean pages into the database and empties the write-ahead log (retried in the
 * background while another process reads: see `emptyWriteAheadLog`).
 */
export function scrubDeletedCards(db: AppDatabase): void {
	db.$client.exec('REINDEX credential');
	void emptyWriteAheadLog(db);
}
