/**
 * The reconciliation of a count in words, each sentence computed from the real figures: what
 * holds is said with its figures, what does not is said as a discrepancy with its figures, and
 * ballots handed out beyond the people present carry the organiser's reasons. The minutes print
 * every line; the results page shows those that need attention.
 */
import { m } from '$lib/paraglide/messages.js';
import { reconcile, type ReconciledFigures } from '$lib/tally/confidence';

export interface ReconciliationInput extends ReconciledFigures {
	/** The organiser's reasons for handing out more ballots than the people present. */
	issuedBeyondPresentReasons: readonly string[];
}

/** `holds`: true as stated; `confirmed`: a figure the organiser overrode, with a reason. */
export type ReconciliationKind = 'holds' | 'confirmed' | 'discrepancy';

export interface ReconciliationLine {
	kind: ReconciliationKind;
	text: string;
}

/** Each distinct reason once, in the order given (the audit trail keeps every confirmation). */
const quoted = (reasons: readonly string[]) =>
	[...new Set(reasons)].map((reason) => `“${reason}”`).join('; ');

export function reconciliationLines(figures: ReconciliationInput): ReconciliationLine[] {
	const check = reconcile(figures);
	const issued = figures.cardsIssued + figures.paperIssued;
	const line = (holds: boolean, text: () => string, otherwise: () => string) =>
		holds
			? { kind: 'holds' as const, text: text() }
			: { kind: 'discrepancy' as const, text: otherwise() };
	const lines: ReconciliationLine[] = [
		line(
			check.issuedWithinConvened,
			() => m.reconcile_issued_within_convened({ issued, convened: figures.convened }),
			() => m.reconcile_issued_beyond_convened({ issued, convened: figures.convened })
		)
	];
	if (figures.present !== null) {
		const present = figures.present;
		const reasons = figures.issuedBeyondPresentReasons;
		lines.push(
			check.issuedWithinPresent
				? { kind: 'holds', text: m.reconcile_issued_within_present({ issued, present }) }
				: reasons.length > 0
					? {
							kind: 'confirmed',
							text: m.reconcile_issued_beyond_present_confirmed({
								issued,
								present,
								reasons: quoted(reasons)
							})
						}
					: { kind: 'discrepancy', text: m.reconcile_issued_beyond_present({ issued, present }) }
		);
	}
	lines.push(
		line(
			check.totalWithinIssued,
			() => m.reconcile_returned_within_issued({ returned: figures.returned, issued }),
			() => m.reconcile_returned_beyond_issued({ returned: figures.returned, issued })
		)
	);
	// Phones and paper apart, once paper was used or when one of them does not add up.
	const paperUsed = figures.paperIssued > 0 || figures.paperReturned > 0;
	if (paperUsed || !check.phoneWithinCards) {
		const phone = {
			returned: figures.returned - figures.paperReturned,
			issued: figures.cardsIssued
		};
		lines.push(
			line(
				check.phoneWithinCards,
				() => m.reconcile_phone_within_cards(phone),
				() => m.reconcile_phone_beyond_cards(phone)
			)
		);
	}
	if (paperUsed) {
		const paper = { returned: figures.paperReturned, issued: figures.paperIssued };
		lines.push(
			line(
				check.paperWithinIssued,
				() => m.reconcile_paper_within_issued(paper),
				() => m.reconcile_paper_beyond_issued(paper)
			)
		);
	}
	return lines;
}
