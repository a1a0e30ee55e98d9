/**
 * The one gate for "nothing counted is shown before it may be". Every reader of a session's
 * figures (the results page, every export, a person's quarters, the projector, the public
 * receipt list) asks here; none compares states itself.
 *
 * - The counters (the session's organiser, an administrator, its tally-committee accounts; the
 *   routes establish who through sessions/access.ts) see per-person figures once voting is
 *   closed: they must check and confirm the count before it is published. They follow the
 *   number of ballots returned live, on the session page.
 * - The room (anyone holding the projector's key) sees per-person figures and the receipt list
 *   only once the result is published; the exact number returned once voting is closed, and
 *   before that only turnout in tenths (projector.ts).
 */
import type { AppDatabase } from '../db';
import type { SessionView } from '../sessions/lifecycle';
import { sessionReport, type Report } from './count';

export type Audience = 'counters' | 'room';

export interface Visibility {
	/** Per-person counts, percentages, scores and grades, and every export. */
	results: boolean;
	/** The exact number of ballots returned (otherwise turnout in tenths at most). */
	exactTurnout: boolean;
	/** The list of receipt codes. */
	receipts: boolean;
}

type GatedSession = Pick<SessionView, 'state' | 'publishedAt'>;

export function visibility(audience: Audience, session: GatedSession): Visibility {
	const closed = session.state === 'closed';
	const published = closed && session.publishedAt !== null;
	if (audience === 'counters') return { results: closed, exactTurnout: true, receipts: published };
	return { results: published, exactTurnout: closed, receipts: published };
}

/** The session's figures if this audience may see them now; `null` otherwise. */
export function visibleReport(
	db: AppDatabase,
	session: SessionView,
	audience: Audience
): Report | null {
	return visibility(audience, session).results ? sessionReport(db, session) : null;
}
