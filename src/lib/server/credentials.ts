/**
 * QR ballot cards. A card's token and short code exist in clear only in the response that
 * prints them; the database keeps their SHA-256. Nothing records who received which card.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from './db';
import { credential, voteSession } from './db/schema';
import { generateCardCode, normaliseCardCode } from './card-code';
import { generateSecret, sha256Hex, shuffle } from './ids';
import { recordAudit } from './audit';

/** A printed card: what goes into the QR code and what is printed for typing. */
export interface IssuedCard {
	token: string;
	code: string;
}

export const MAX_CARDS_PER_BATCH = 1000;

export function hashCardToken(token: string): string {
	return sha256Hex(`token:${token}`);
}

export function hashCardCode(code: string): string {
	return sha256Hex(`code:${code}`);
}

/**
 * Issues `count` new cards for a session that is not closed, in one transaction, and returns
 * them shuffled (the caller prints them once; they cannot be shown again).
 */
export function issueCards(
	db: AppDatabase,
	sessionId: string,
	count: number,
	actorId: string | null = null
): IssuedCard[] {
	// Codes are unique across all sessions; a clash among 48-bit codes is rare enough that
	// drawing the whole batch again is the simplest correct answer.
	for (let attempt = 1; ; attempt++) {
		try {
			return insertCards(db, sessionId, count, actorId);
		} catch (error) {
			const clash = error instanceof Error && /UNIQUE/.test(error.message);
			if (!clash || attempt === 3) throw error;
		}
	}
}

function insertCards(
	db: AppDatabase,
	sessionId: string,
	count: number,
	actorId: string | null
): IssuedCard[] {
	const cards = Array.from({ length: count }, () => ({
		token: generateSecret(128),
		code: generateCardCode()
	}));
	db.transaction(
		(tx) => {
			tx.insert(credential)
				.values(
					cards.map((card) => ({
						tokenHash: hashCardToken(card.token),
						codeHash: hashCardCode(card.code),
						sessionId
					}))
				)
				.run();
			tx.update(voteSession)
				.set({ cardsIssued: sql`${voteSession.cardsIssued} + ${count}` })
				.where(eq(voteSession.id, sessionId))
				.run();
			recordAudit(tx, sessionId, actorId, 'cards_issued', String(count));
		},
		{ behavior: 'immediate' }
	);
	return shuffle(cards);
}

export type VoidResult = 'voided' | 'not_found' | 'already_used' | 'already_void';

/** Voids one unused card of this session, identified by the code printed on it. */
export function voidCardByCode(db: AppDatabase, sessionId: string, typedCode: string): VoidResult {
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
			return 'voided';
		},
		{ behavior: 'immediate' }
	);
}

/** Voids every card not yet used; returns how many. */
export function voidUnusedCards(db: AppDatabase, sessionId: string): number {
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

export function cardCounts(db: AppDatabase, sessionId: string): CardCounts {
	const rows = db
		.select({ status: credential.status, n: count() })
		.from(credential)
		.where(eq(credential.sessionId, sessionId))
		.groupBy(credential.status)
		.all();
	const counts: CardCounts = { unused: 0, used: 0, void: 0 };
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}
