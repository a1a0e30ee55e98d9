/**
 * The secret ballot pipeline: a card is exchanged for a ballot form, and a returned ballot is
 * stored in the same transaction that consumes the card.
 *
 * Anonymity invariants (keep them when editing this file):
 * - a ballot row holds a fresh random id and its session, nothing else; no value derived from
 *   the card, the submission, the time, the device or the address ever reaches it;
 * - nothing here logs;
 * - a card is consumed by `UPDATE … WHERE status = 'unused'` changing exactly one row, inside
 *   the IMMEDIATE transaction that inserts the ballot, so a card yields at most one ballot and an
 *   acknowledged ballot is never without its consumed card.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ConfidenceMark } from '$lib/tally/confidence';
import type { AppDatabase } from './db';
import { ballot, ballotChoice, credential, subject, voteSession } from './db/schema';
import { hashCardCode, hashCardToken } from './credentials';
import { generateBallotId, sha256Hex } from './ids';

/** What the voter's cookie holds: the card's token (from the QR) or its typed short code. */
export type CardKey = { kind: 'token' | 'code'; value: string };

export function encodeCardKey(key: CardKey): string {
	return `${key.kind === 'token' ? 't' : 'c'}.${key.value}`;
}

export function decodeCardKey(cookie: string | undefined): CardKey | null {
	const match = cookie?.match(/^([tc])\.([A-Za-z0-9_-]{1,64})$/);
	if (!match) return null;
	return { kind: match[1] === 't' ? 'token' : 'code', value: match[2] as string };
}

export type CardRefusal = 'invalid' | 'used' | 'not_open' | 'closed';

export interface BallotSubject {
	id: string;
	fullName: string;
	jobTitle: string;
}

export type CardLookup =
	| {
			ok: true;
			session: { id: string; title: string; organisation: string };
			subjects: BallotSubject[];
	  }
	| { ok: false; refusal: CardRefusal };

type Reader = Pick<AppDatabase, 'select'>;

function findCard(db: Reader, key: CardKey) {
	const match =
		key.kind === 'token'
			? eq(credential.tokenHash, hashCardToken(key.value))
			: eq(credential.codeHash, hashCardCode(key.value));
	return db
		.select({
			tokenHash: credential.tokenHash,
			status: credential.status,
			submissionHash: credential.submissionHash,
			sessionId: voteSession.id,
			state: voteSession.state,
			title: voteSession.title,
			organisation: voteSession.organisation
		})
		.from(credential)
		.innerJoin(voteSession, eq(credential.sessionId, voteSession.id))
		.where(match)
		.get();
}

type FoundCard = NonNullable<ReturnType<typeof findCard>>;

/** Every refusal is decided from one indexed lookup, so refusals take the same time. */
function refusalFor(card: FoundCard | undefined): CardRefusal | null {
	if (!card || card.status === 'void') return 'invalid';
	if (card.status === 'used') return 'used';
	if (card.state === 'draft') return 'not_open';
	if (card.state === 'closed') return 'closed';
	return null;
}

function ballotSubjects(db: Reader, sessionId: string): BallotSubject[] {
	return db
		.select({ id: subject.id, fullName: subject.fullName, jobTitle: subject.jobTitle })
		.from(subject)
		.where(eq(subject.sessionId, sessionId))
		.orderBy(asc(subject.position))
		.all();
}

export function lookupCard(db: AppDatabase, key: CardKey): CardLookup {
	const card = findCard(db, key);
	const refusal = refusalFor(card);
	if (refusal || !card) return { ok: false, refusal: refusal ?? 'invalid' };
	return {
		ok: true,
		session: { id: card.sessionId, title: card.title, organisation: card.organisation },
		subjects: ballotSubjects(db, card.sessionId)
	};
}

export type CastResult =
	{ ok: true; repeated: boolean } | { ok: false; refusal: CardRefusal | 'unknown_subject' };

export function hashSubmission(nonce: string): string {
	return sha256Hex(`submission:${nonce}`);
}

/**
 * Consumes the card and stores the ballot, or changes nothing. A retry of a submission that
 * was already accepted (same nonce, after a lost response) is recognised and answered as
 * accepted again, without a second ballot.
 */
export function castConfidenceBallot(
	db: AppDatabase,
	key: CardKey,
	choices: ReadonlyMap<string, ConfidenceMark>,
	submissionNonce: string
): CastResult {
	const submissionHash = hashSubmission(submissionNonce);
	return db.transaction(
		(tx): CastResult => {
			const card = findCard(tx, key);
			if (card?.status === 'used' && card.submissionHash === submissionHash) {
				return { ok: true, repeated: true };
			}
			const refusal = refusalFor(card);
			if (refusal || !card) return { ok: false, refusal: refusal ?? 'invalid' };

			const onBallot = new Set(ballotSubjects(tx, card.sessionId).map((person) => person.id));
			for (const subjectId of choices.keys()) {
				if (!onBallot.has(subjectId)) return { ok: false, refusal: 'unknown_subject' };
			}

			const consumed = tx
				.update(credential)
				.set({ status: 'used', submissionHash })
				.where(and(eq(credential.tokenHash, card.tokenHash), eq(credential.status, 'unused')))
				.run();
			if (consumed.changes !== 1) return { ok: false, refusal: 'used' };

			const ballotId = generateBallotId();
			tx.insert(ballot).values({ id: ballotId, sessionId: card.sessionId }).run();
			if (choices.size > 0) {
				tx.insert(ballotChoice)
					.values([...choices].map(([subjectId, choice]) => ({ ballotId, subjectId, choice })))
					.run();
			}
			return { ok: true, repeated: false };
		},
		{ behavior: 'immediate' }
	);
}
