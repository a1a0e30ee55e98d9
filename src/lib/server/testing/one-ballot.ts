/**
 * The smallest closed confidence vote: one ballot marking the first of three people high, for
 * the tests of what follows the close (publication, amendments, exports).
 */
import { closeVoteSession } from '../sessions/lifecycle';
import { castChoices, openSession } from './fixtures';

export async function closedWithOneBallot() {
	const session = await openSession({ cards: 1 });
	const { db, sessionId, ownerId, cards, subjectIds } = session;
	castChoices(
		db,
		{ kind: 'token', value: cards[0]!.token },
		new Map([[subjectIds[0]!, 'high']]),
		'A'.repeat(22)
	);
	closeVoteSession(db, sessionId, ownerId);
	return session;
}
