/**
 * Paper ballots, entered by the tally committee one at a time. Each becomes an ordinary
 * anonymous ballot; only the number that came from paper is kept (a flag on the ballot would
 * single out the few who voted on paper).
 */
import { eq, sql } from 'drizzle-orm';
import { answersFit, paperBallotSpec, type Answers } from '$lib/ballot-rules';
import { INVALID_ROW } from '$lib/tally/confidence';
import type { AppDatabase } from '../db';
import { subject, voteSession } from '../db/schema';
import { recordAudit } from '../db/audit';
import { storeAnswers } from './cast';
import { allowIssuing, handedOut } from '../cards/ballot-cards';
import type { IssuingRefusal } from '$lib/tally/issuing';
import { rulesFromRow } from '../sessions/rules';

export type PaperResult =
	| { ok: true; entered: number }
	| { ok: false; reason: 'not_counting' | 'published' | 'exceeds_issued' | 'unfit' };

/**
 * On a ballot with one name, no mark or several marks make the whole ballot invalid (QĐ 96
 * Điều 6 khoản 3: "phiếu ghi tên một người mà người ghi phiếu không đánh dấu vào ô nào hoặc đánh
 * dấu vào hai hoặc ba ô"), not just its row.
 */
function onOneNameBallot(answers: Answers, names: number): Answers {
	const onlyRow = answers.kind === 'choices' ? [...answers.choices.values()] : [];
	return names === 1 && onlyRow.length === 1 && onlyRow[0] === INVALID_ROW
		? { kind: 'invalid' }
		: answers;
}

/**
 * Paper ballots are entered while voting is open or counting, never after publication: a
 * published result is final (a correction is an amendment, results/amendments.ts).
 */
export function storePaperBallot(
	db: AppDatabase,
	sessionId: string,
	answers: Answers,
	actorId: string | null = null
): PaperResult {
	return db.transaction(
		(tx): PaperResult => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (session?.publishedAt) return { ok: false, reason: 'published' };
			if (!session || session.state === 'draft') return { ok: false, reason: 'not_counting' };
			// Never more ballots back from paper than were handed out on paper.
			if (session.paperReturned >= session.paperIssued)
				return { ok: false, reason: 'exceeds_issued' };
			const subjectIds = tx
				.select({ id: subject.id })
				.from(subject)
				.where(eq(subject.sessionId, sessionId))
				.all()
				.map((row) => row.id);
			if (!answersFit(paperBallotSpec(rulesFromRow(session)), new Set(subjectIds), answers)) {
				return { ok: false, reason: 'unfit' };
			}
			storeAnswers(db, sessionId, onOneNameBallot(answers, subjectIds.length));
			tx.update(voteSession)
				.set({
					paperReturned: sql`${voteSession.paperReturned} + 1`,
					// Once voting is closed, entering paper is the count going on.
					...(session.state === 'closed' ? { countEndedAt: new Date() } : {})
				})
				.where(eq(voteSession.id, sessionId))
				.run();
			// Who entered a paper ballot, and when, with a count and never its marks. The time
			// cannot be joined to the ballot: ballot rows carry no time and no order (cast.ts).
			recordAudit(tx, sessionId, actorId, 'paper_ballot_entered', '1');
			return { ok: true, entered: session.paperReturned + 1 };
		},
		{ behavior: 'immediate' }
	);
}

export type PaperIssuedResult =
	{ ok: true } | { ok: false; reason: 'published' | 'below_entered' } | IssuingRefusal;

/**
 * How many paper ballots were handed out: never fewer than were already entered, and with the
 * QR cards never more than the people convened; beyond the people present only with the
 * organiser's reason (see tally/issuing.ts).
 */
export function setPaperIssued(
	db: AppDatabase,
	sessionId: string,
	count: number,
	actorId: string,
	beyondPresentReason: string | null = null
): PaperIssuedResult {
	return db.transaction(
		(tx): PaperIssuedResult => {
			const session = tx.select().from(voteSession).where(eq(voteSession.id, sessionId)).get();
			if (!session || session.publishedAt) return { ok: false, reason: 'published' };
			if (count < session.paperReturned) return { ok: false, reason: 'below_entered' };
			const after = handedOut(session) - session.paperIssued + count;
			const allowed = allowIssuing(tx, session, after, beyondPresentReason, actorId);
			if (!allowed.ok) return allowed;
			tx.update(voteSession).set({ paperIssued: count }).where(eq(voteSession.id, sessionId)).run();
			recordAudit(tx, sessionId, actorId, 'paper_issued', String(count));
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}
