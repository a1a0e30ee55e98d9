/**
 * How many ballots may be handed out. Each person convened has one vote, so ballots handed out
 * (QR cards not voided, plus paper ballots) never exceed the people convened. Once attendance is
 * recorded, handing out more than the people present needs the organiser's confirmation with a
 * reason (someone arrived after the count, a ballot was spoilt and its holder got another one),
 * which the server records and the minutes state.
 *
 * Cards printed before the meeting for everyone convened are the normal case and stay free: no
 * attendance is known then. Attendance recorded afterwards, below the cards printed, is simply
 * recorded; the organiser is told how many spare cards to void so that the minutes count only
 * the cards handed out, and the minutes state the figures as they are.
 */

export interface IssuingFigures {
	convened: number;
	/** `null` until attendance is recorded. */
	present: number | null;
	/** Ballots handed out so far: QR cards not voided, plus paper ballots. */
	handedOut: number;
}

export type IssuingRefusal =
	| {
			ok: false;
			reason: 'beyond_convened';
			convened: number;
			handedOut: number;
			/** How many more may still be handed out (0 when everyone convened has one). */
			remaining: number;
	  }
	| {
			ok: false;
			reason: 'beyond_present';
			present: number;
			/** Ballots handed out in all if this went ahead. */
			after: number;
	  };

export type IssuingCheck = { ok: true; beyondPresent: boolean } | IssuingRefusal;

/**
 * Whether the ballots handed out may go from `figures.handedOut` to `after`. A decrease is never
 * refused (it only brings the figures back towards the people in the room); `beyondPresent` says
 * that this change takes them over the people present, on the organiser's confirmation.
 */
export function checkIssuing(
	figures: IssuingFigures,
	after: number,
	confirmed: boolean
): IssuingCheck {
	const { convened, present, handedOut } = figures;
	if (after <= handedOut) return { ok: true, beyondPresent: false };
	if (after > convened) {
		return {
			ok: false,
			reason: 'beyond_convened',
			convened,
			handedOut,
			remaining: Math.max(0, convened - handedOut)
		};
	}
	const beyondPresent = present !== null && after > present;
	if (beyondPresent && !confirmed) return { ok: false, reason: 'beyond_present', present, after };
	return { ok: true, beyondPresent };
}

/**
 * What the cards page offers to issue: one ballot for each person present (everyone convened,
 * before attendance is recorded) who has none yet; 0 once they all have one.
 */
export function suggestedIssue(figures: IssuingFigures): number {
	const people = Math.min(figures.present ?? figures.convened, figures.convened);
	return Math.max(0, people - figures.handedOut);
}
